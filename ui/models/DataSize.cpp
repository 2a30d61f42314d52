#include "ui/models/DataSize.h"

#include <QCoreApplication>
#include <QLocale>

namespace kv::ui {

QString formatDataSize(qint64 bytes)
{
    // formattedDataSize() counts in IEC units: below 1 KiB it says bytes.
    if (bytes >= 0 && bytes < 1024) {
        // A variable, not a cast, as the count: lupdate 6.4 skips a translate() whose count is a static_cast.
        const int count = static_cast<int>(bytes);
        return QCoreApplication::translate("kv::ui::DataSize", "%Ln byte(s)", nullptr, count);
    }
    return QLocale().formattedDataSize(bytes);
}

} // namespace kv::ui
