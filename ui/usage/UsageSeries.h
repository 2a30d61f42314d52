#pragma once
// UsageSeries turns a client UsageReport into what the usage page shows: one row per bucket of a
// UsageRange (buckets without use included, as zeros), each with its operation counts, the bytes
// stored, and the month-to-date sums that the monthly quotas are checked against; plus the plan's
// quotas and which of them stand at 80% or 100% now. Chart, table and CSV all read the same rows.
//
// Quotas of operations are per calendar month (UTC). Shown by month, a bucket is compared with
// the quota directly. Shown by hour or by day, a bucket is a small slice of the month and would
// never come near the quota, so the quota is compared with the month-to-date sum at the end of the
// bucket (which restarts at zero with each month): what the service will check the next call
// against. Storage is a level, not a flow: its quota is compared with the bytes stored.

#include "client/Client.h"
#include "ui/usage/UsageRange.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kv::ui {

enum class UsageMetric { Reads, Writes, Lists, Deletes, Storage };
inline constexpr int kUsageMetricCount = 5;

/// Operation counts over some span.
struct UsageCounts
{
    qint64 reads = 0;
    qint64 writes = 0;
    qint64 lists = 0;
    qint64 deletes = 0;

    /// The count of an operation metric; 0 for Storage, which is not counted.
    [[nodiscard]] qint64 of(UsageMetric metric) const;
    void add(const model::UsageBucket& bucket);
    friend bool operator==(const UsageCounts&, const UsageCounts&) = default;
};

struct UsageRow
{
    model::Timestamp start = 0;
    UsageCounts counts;
    /// Bytes stored at the end of the bucket; nullopt while unknown (no write or delete seen yet
    /// in the month before it).
    std::optional<qint64> storageBytes;
    /// The bucket's month (UTC) up to the end of the bucket.
    UsageCounts monthToDate;
};

enum class QuotaLevel { Normal, Warning, Reached };

/// One quota of the plan and how much of it is used now.
struct QuotaStatus
{
    UsageMetric metric = UsageMetric::Reads;
    qint64 used = 0;
    qint64 limit = 0;
    QuotaLevel level = QuotaLevel::Normal;

    [[nodiscard]] int percent() const;
};

/// Warning from 80% of a limit, Reached from 100%, as the service announces them; a limit of 0
/// or less (unlimited) is never reached.
QuotaLevel quotaLevel(qint64 used, qint64 limit);

class UsageSeries final
{
    Q_DECLARE_TR_FUNCTIONS(kv::ui::UsageSeries)
public:
    UsageSeries() = default;
    UsageSeries(const client::UsageReport& report, const UsageRange& range);

    [[nodiscard]] const QString& namespaceId() const { return m_ns; }
    [[nodiscard]] const model::Plan& plan() const { return m_plan; }
    [[nodiscard]] const UsageRange& range() const { return m_range; }
    [[nodiscard]] const QList<UsageRow>& rows() const { return m_rows; }
    [[nodiscard]] int size() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] bool isEmpty() const { return m_rows.isEmpty(); }

    /// The plan's limit for the metric: operations per month, or bytes; nullopt when unlimited.
    [[nodiscard]] std::optional<qint64> quota(UsageMetric metric) const;
    /// The metric in bucket `row`; nullopt for storage not known yet.
    [[nodiscard]] std::optional<qint64> value(int row, UsageMetric metric) const;
    /// Whether the quota of `metric` is compared with month-to-date sums (operations shown by
    /// hour or day) rather than with the buckets themselves.
    [[nodiscard]] bool comparesMonthToDate(UsageMetric metric) const;
    /// What the quota line is compared with in bucket `row` (see comparesMonthToDate).
    [[nodiscard]] std::optional<qint64> compared(int row, UsageMetric metric) const;
    /// The plan's quotas that stand at 80% or more now (this month's counts, the bytes stored
    /// now), the fullest first.
    [[nodiscard]] QList<QuotaStatus> warnings() const;

    /// "reads", "writes", … as the service names quotas.
    static QString quotaName(UsageMetric metric);
    static std::optional<UsageMetric> metricFromQuotaName(const QString& name);
    /// "Reads", "Writes", … for people.
    static QString metricTitle(UsageMetric metric);
    /// A sentence for the warning label: "Writes: 100% of the monthly quota used (5 of 5) …".
    static QString describe(const QuotaStatus& status);

private:
    QString m_ns;
    model::Plan m_plan;
    UsageRange m_range;
    QList<UsageRow> m_rows;
    UsageCounts m_month;
    qint64 m_storageNow = 0;
};

} // namespace kv::ui
