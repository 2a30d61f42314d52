#include "ui/usage/UsageCsv.h"

#include <QDateTime>

namespace kv::ui {

QByteArray usageCsv(const UsageSeries& series, UsageMetric metric)
{
    const auto number = [](std::optional<qint64> value) { return value ? QByteArray::number(*value) : QByteArray(); };
    QByteArray csv
        = "start,reads,writes,lists,deletes,storage_bytes," + UsageSeries::quotaName(metric).toLatin1() + "_quota\r\n";
    const QByteArray quota = number(series.quota(metric));
    for (const UsageRow& row : series.rows()) {
        // RFC 4180 lines end in CRLF; none of the fields needs quoting.
        csv += QDateTime::fromMSecsSinceEpoch(row.start, Qt::UTC).toString(Qt::ISODate).toLatin1() + ','
            + QByteArray::number(row.counts.reads) + ',' + QByteArray::number(row.counts.writes) + ','
            + QByteArray::number(row.counts.lists) + ',' + QByteArray::number(row.counts.deletes) + ','
            + number(row.storageBytes) + ',' + quota + "\r\n";
    }
    return csv;
}

} // namespace kv::ui
