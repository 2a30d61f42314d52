#pragma once
// The UI receives every client result through client::whenDone (core/client/WhenDone.h).

#include "client/WhenDone.h"

namespace kv::ui {

using client::whenDone;

} // namespace kv::ui
