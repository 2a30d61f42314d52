#pragma once
// UsageMeter counts what each namespace does (reads, writes, lists, deletes) against its plan's
// monthly quotas (DESIGN.md, "Plans, quotas and billing"). Counting happens in memory; flush()
// adds the counts gathered since the previous flush to the store's hour buckets in one
// transaction, so a read never causes a store write. The month's totals are loaded once per
// namespace and month from the store and then kept in memory; series() merges the stored buckets
// with what is not flushed yet, so charts are exact without a flush.
//
// Crossing 80% and 100% of a monthly quota (or of the storage quota) calls the quota listeners
// once per namespace, quota and month.
//
// Thread-safe.

#include "model/Clock.h"
#include "model/Plan.h"
#include "model/Result.h"
#include "model/UsageBucket.h"
#include "service/EventHub.h"
#include "store/Store.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <mutex>

namespace kv::service {

enum class Operation { Read, Write, List, Delete };

/// The counters of one namespace over some span.
struct UsageTotals
{
    qint64 reads = 0;
    qint64 writes = 0;
    qint64 lists = 0;
    qint64 deletes = 0;

    [[nodiscard]] qint64 of(Operation operation) const;
    void add(Operation operation, qint64 count);
    UsageTotals& operator+=(const UsageTotals& other);
    friend bool operator==(const UsageTotals&, const UsageTotals&) = default;
};

/// A quota passed 80% or 100% of its limit.
struct QuotaEvent
{
    QString ns;
    QString plan;
    /// "reads", "writes", "lists", "deletes" or "storage".
    QString quota;
    int percent = 0;
    qint64 used = 0;
    qint64 limit = 0;
    model::Timestamp at = 0;
};

/// A namespace's use over a span, against its plan: what a usage chart shows.
struct UsageReport
{
    QString ns;
    /// The namespace's plan: its id, name, quotas and rate.
    model::Plan plan;
    model::UsageStep step = model::UsageStep::Hour;
    model::Timestamp from = 0;
    model::Timestamp to = 0;
    /// The buckets with any use, oldest first.
    QList<model::UsageBucket> buckets;
    /// The current UTC month so far (start = the month's first instant; storageBytes = now),
    /// what the quotas are checked against.
    model::UsageBucket month;
};

class UsageMeter final
{
public:
    /// With a hub, quota events are published to it, and each flush publishes one usage tick per
    /// namespace and hour with what was counted since the previous flush.
    UsageMeter(store::Store& store, const model::Clock& clock, EventHub* events = nullptr);
    Q_DISABLE_COPY_MOVE(UsageMeter)

    /// QuotaExceeded when `count` more operations would pass the plan's monthly quota; the error's
    /// details carry retryAfterSeconds, the time until the month rolls over.
    Result<void> check(const QString& ns, const model::Plan& plan, Operation operation, qint64 count = 1);
    /// QuotaExceeded when storing `bytes` more (of `current` bytes stored) passes the storage quota.
    Result<void> checkStorage(const QString& ns, const model::Plan& plan, qint64 current, qint64 bytes);
    /// Counts operations that happened.
    void count(const QString& ns, const model::Plan& plan, Operation operation, qint64 count = 1);
    /// Notes the bytes stored now (kept in the hour bucket; checked against the storage quota).
    void noteStorage(const QString& ns, const model::Plan& plan, qint64 bytes);

    /// The month so far (UTC calendar month of `clock.now()`).
    Result<UsageTotals> month(const QString& ns);
    /// Buckets of `step` with from <= start < to, oldest first, flushed or not; buckets without
    /// any use are left out.
    Result<QList<model::UsageBucket>> series(
        const QString& ns, model::Timestamp from, model::Timestamp to, model::UsageStep step);

    /// Writes what was counted since the previous flush; on failure the counts are kept for the
    /// next attempt.
    Result<void> flush();
    /// Counts not yet flushed (for tests and metrics).
    [[nodiscard]] int pendingBuckets() const;

    void onQuotaEvent(std::function<void(const QuotaEvent&)> listener);

    static model::Timestamp hourStart(model::Timestamp at);
    static model::Timestamp dayStart(model::Timestamp at);
    static model::Timestamp monthStart(model::Timestamp at);
    static model::Timestamp nextMonthStart(model::Timestamp at);

private:
    struct Month
    {
        model::Timestamp start = -1;
        UsageTotals totals;
        qint64 storageBytes = -1;
        /// Thresholds already announced this month: "reads@80", ...
        QSet<QString> announced;
    };
    struct Pending
    {
        UsageTotals totals;
        qint64 storageBytes = -1;
    };

    /// The month record of `ns` if it is loaded for the month of `now`. Needs m_mutex.
    Month* loadedMonth(const QString& ns, model::Timestamp now);
    /// Loads it from the store (stored hours plus pending ones). Needs m_flushMutex and m_mutex.
    Result<Month*> loadMonth(const QString& ns, model::Timestamp now);
    /// loadedMonth, else loadMonth with both locks; returns with m_mutex held in `lock`.
    Result<Month*> monthOf(const QString& ns, model::Timestamp now, std::unique_lock<std::mutex>& lock);
    /// Collects the threshold crossings of `quota` from `before` to `after`. Locked.
    void crossings(Month& month, const QString& ns, const model::Plan& plan, const QString& quota, qint64 before,
        qint64 after, qint64 limit, model::Timestamp now, QList<QuotaEvent>& events);
    void announce(const QList<QuotaEvent>& events);

    store::Store& m_store;
    const model::Clock& m_clock;
    EventHub* m_events;
    /// Held across a flush's store write, and by readers that combine stored and pending counts,
    /// so that a bucket in flight is seen exactly once. Taken before m_mutex, never after.
    mutable std::mutex m_flushMutex;
    mutable std::mutex m_mutex;
    QHash<QString, Month> m_months;
    /// (ns, hour start) -> counts not yet flushed
    QHash<std::pair<QString, model::Timestamp>, Pending> m_pending;
    std::mutex m_listenersMutex;
    QList<std::function<void(const QuotaEvent&)>> m_listeners;
};

} // namespace kv::service
