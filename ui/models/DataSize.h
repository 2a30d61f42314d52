#pragma once
// Sizes as the operator reads them: "512 bytes" in kvdesk's language, then KiB, MiB... from QLocale.
// Qt 6.4's QLocale::formattedDataSize() writes "bytes" in English whatever the language.

#include <QString>

namespace kv::ui {

[[nodiscard]] QString formatDataSize(qint64 bytes);

} // namespace kv::ui
