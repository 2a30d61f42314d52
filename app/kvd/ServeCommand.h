#pragma once
// `kvd serve`: opens the store under --data, serves the HTTP API on --listen until SIGTERM or
// SIGINT, then drains the requests in flight and closes the store cleanly.

#include <QStringList>

namespace kvd {

int serve(const QStringList& arguments);

} // namespace kvd
