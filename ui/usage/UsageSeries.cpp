#include "ui/usage/UsageSeries.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace kv::ui {

qint64 UsageCounts::of(UsageMetric metric) const
{
    switch (metric) {
    case UsageMetric::Reads:
        return reads;
    case UsageMetric::Writes:
        return writes;
    case UsageMetric::Lists:
        return lists;
    case UsageMetric::Deletes:
        return deletes;
    case UsageMetric::Storage:
        break;
    }
    return 0;
}

void UsageCounts::add(const model::UsageBucket& bucket)
{
    reads += bucket.reads;
    writes += bucket.writes;
    lists += bucket.lists;
    deletes += bucket.deletes;
}

int QuotaStatus::percent() const
{
    if (limit <= 0) {
        return 0;
    }
    // Rounded down, so that 79.9% never reads as the 80% that raised the warning.
    return static_cast<int>(std::min<long double>(
        static_cast<long double>(used) * 100 / static_cast<long double>(limit), std::numeric_limits<int>::max()));
}

QuotaLevel quotaLevel(qint64 used, qint64 limit)
{
    if (limit <= 0) {
        return QuotaLevel::Normal;
    }
    // used >= limit * percent / 100, as UsageMeter decides it, without overflow.
    const auto reached = [&](int percent) {
        return static_cast<long double>(used) * 100 >= static_cast<long double>(limit) * percent;
    };
    return reached(100) ? QuotaLevel::Reached : reached(80) ? QuotaLevel::Warning : QuotaLevel::Normal;
}

UsageSeries::UsageSeries(const client::UsageReport& report, const UsageRange& range)
    : m_ns(report.ns)
    , m_plan(report.plan)
    , m_range(range)
    , m_storageNow(report.month.storageBytes)
{
    m_month.add(report.month);
    QList<model::UsageBucket> buckets = report.buckets;
    std::stable_sort(buckets.begin(), buckets.end(),
        [](const model::UsageBucket& a, const model::UsageBucket& b) { return a.start < b.start; });
    const bool anyStorage = std::any_of(
        buckets.cbegin(), buckets.cend(), [](const model::UsageBucket& bucket) { return bucket.storageBytes >= 0; });

    // One walk over the report's buckets (which start at the first bucket's month, see
    // UsageRange::query) along the rows: each row takes the buckets that end before it does.
    m_rows.reserve(range.buckets);
    UsageCounts monthToDate;
    model::Timestamp month = -1;
    // Stored bytes change only with writes and deletes, which note them in their bucket; between
    // notes they stay as they were. With no note at all, nothing changed them in the span.
    std::optional<qint64> storage;
    if (!anyStorage) {
        storage = report.month.storageBytes;
    }
    qsizetype next = 0;
    for (int i = 0; i < range.buckets; ++i) {
        UsageRow row;
        row.start = range.bucketStart(i);
        const model::Timestamp rowEnd = range.bucketStart(i + 1);
        for (; next < buckets.size() && buckets[next].start < rowEnd; ++next) {
            const model::UsageBucket& bucket = buckets[next];
            const model::Timestamp bucketMonth = bucketFloor(bucket.start, BucketStep::Month);
            if (bucketMonth != month) {
                month = bucketMonth;
                monthToDate = {};
            }
            monthToDate.add(bucket);
            if (bucket.start >= row.start) {
                row.counts.add(bucket);
            }
            if (bucket.storageBytes >= 0) {
                storage = bucket.storageBytes;
            }
        }
        const model::Timestamp rowMonth = bucketFloor(row.start, BucketStep::Month);
        if (rowMonth != month) {
            // A month without any use so far.
            month = rowMonth;
            monthToDate = {};
        }
        row.monthToDate = monthToDate;
        row.storageBytes = storage;
        m_rows.append(row);
    }
}

std::optional<qint64> UsageSeries::quota(UsageMetric metric) const
{
    const model::Quota& quota = m_plan.quota;
    qint64 limit = -1;
    switch (metric) {
    case UsageMetric::Reads:
        limit = quota.readsPerMonth;
        break;
    case UsageMetric::Writes:
        limit = quota.writesPerMonth;
        break;
    case UsageMetric::Lists:
        limit = quota.listsPerMonth;
        break;
    case UsageMetric::Deletes:
        limit = quota.deletesPerMonth;
        break;
    case UsageMetric::Storage:
        limit = quota.storageBytes;
        break;
    }
    return limit < 0 ? std::nullopt : std::optional<qint64>(limit);
}

std::optional<qint64> UsageSeries::value(int row, UsageMetric metric) const
{
    if (row < 0 || row >= size()) {
        return std::nullopt;
    }
    const UsageRow& bucket = m_rows.at(row);
    return metric == UsageMetric::Storage ? bucket.storageBytes : std::optional<qint64>(bucket.counts.of(metric));
}

bool UsageSeries::comparesMonthToDate(UsageMetric metric) const
{
    return metric != UsageMetric::Storage && m_range.step != BucketStep::Month;
}

std::optional<qint64> UsageSeries::compared(int row, UsageMetric metric) const
{
    if (!comparesMonthToDate(metric) || row < 0 || row >= size()) {
        return value(row, metric);
    }
    return m_rows.at(row).monthToDate.of(metric);
}

QList<QuotaStatus> UsageSeries::warnings() const
{
    QList<QuotaStatus> found;
    for (int i = 0; i < kUsageMetricCount; ++i) {
        const auto metric = static_cast<UsageMetric>(i);
        const auto limit = quota(metric);
        if (!limit) {
            continue;
        }
        const qint64 used = metric == UsageMetric::Storage ? m_storageNow : m_month.of(metric);
        const QuotaLevel level = quotaLevel(used, *limit);
        if (level != QuotaLevel::Normal) {
            found.append(QuotaStatus { metric, used, *limit, level });
        }
    }
    std::stable_sort(found.begin(), found.end(),
        [](const QuotaStatus& a, const QuotaStatus& b) { return a.percent() > b.percent(); });
    return found;
}

QString UsageSeries::quotaName(UsageMetric metric)
{
    switch (metric) {
    case UsageMetric::Reads:
        return QStringLiteral("reads");
    case UsageMetric::Writes:
        return QStringLiteral("writes");
    case UsageMetric::Lists:
        return QStringLiteral("lists");
    case UsageMetric::Deletes:
        return QStringLiteral("deletes");
    case UsageMetric::Storage:
        return QStringLiteral("storage");
    }
    return {};
}

std::optional<UsageMetric> UsageSeries::metricFromQuotaName(const QString& name)
{
    for (int i = 0; i < kUsageMetricCount; ++i) {
        if (quotaName(static_cast<UsageMetric>(i)) == name) {
            return static_cast<UsageMetric>(i);
        }
    }
    return std::nullopt;
}

QString UsageSeries::metricTitle(UsageMetric metric)
{
    switch (metric) {
    case UsageMetric::Reads:
        return tr("Reads");
    case UsageMetric::Writes:
        return tr("Writes");
    case UsageMetric::Lists:
        return tr("Lists");
    case UsageMetric::Deletes:
        return tr("Deletes");
    case UsageMetric::Storage:
        return tr("Storage");
    }
    return {};
}

QString UsageSeries::describe(const QuotaStatus& status)
{
    const QLocale locale;
    const QString title = metricTitle(status.metric);
    const QString used = locale.toString(status.used);
    const QString limit = locale.toString(status.limit);
    const bool storage = status.metric == UsageMetric::Storage;
    if (status.level == QuotaLevel::Reached) {
        return storage ? tr("Quota reached: %1 at %2% of the plan's %3 bytes (%4 bytes stored); writes that add "
                            "bytes are refused.")
                             .arg(title)
                             .arg(status.percent())
                             .arg(limit, used)
                       : tr("Quota reached: %1 at %2% of the monthly quota (%3 of %4); more are refused until "
                            "the month ends (UTC).")
                             .arg(title)
                             .arg(status.percent())
                             .arg(used, limit);
    }
    return storage
        ? tr("Warning: %1 at %2% of the plan's %3 bytes (%4 bytes stored).")
              .arg(title)
              .arg(status.percent())
              .arg(limit, used)
        : tr("Warning: %1 at %2% of the monthly quota (%3 of %4).").arg(title).arg(status.percent()).arg(used, limit);
}

} // namespace kv::ui
