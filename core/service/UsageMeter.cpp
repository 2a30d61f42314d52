#include "service/UsageMeter.h"

#include "model/Json.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace kv::service {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

QString quotaName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return QStringLiteral("reads");
    case Operation::Write:
        return QStringLiteral("writes");
    case Operation::List:
        return QStringLiteral("lists");
    case Operation::Delete:
        return QStringLiteral("deletes");
    }
    return {};
}

qint64 quotaOf(const model::Quota& quota, Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return quota.readsPerMonth;
    case Operation::Write:
        return quota.writesPerMonth;
    case Operation::List:
        return quota.listsPerMonth;
    case Operation::Delete:
        return quota.deletesPerMonth;
    }
    return -1;
}

qint64 floorTo(model::Timestamp at, qint64 unit)
{
    return at - ((at % unit) + unit) % unit;
}

} // namespace

qint64 UsageTotals::of(Operation operation) const
{
    switch (operation) {
    case Operation::Read:
        return reads;
    case Operation::Write:
        return writes;
    case Operation::List:
        return lists;
    case Operation::Delete:
        return deletes;
    }
    return 0;
}

void UsageTotals::add(Operation operation, qint64 count)
{
    switch (operation) {
    case Operation::Read:
        reads += count;
        break;
    case Operation::Write:
        writes += count;
        break;
    case Operation::List:
        lists += count;
        break;
    case Operation::Delete:
        deletes += count;
        break;
    }
}

UsageTotals& UsageTotals::operator+=(const UsageTotals& other)
{
    reads += other.reads;
    writes += other.writes;
    lists += other.lists;
    deletes += other.deletes;
    return *this;
}

UsageMeter::UsageMeter(store::Store& store, const model::Clock& clock, EventHub* events)
    : m_store(store)
    , m_clock(clock)
    , m_events(events)
{ }

model::Timestamp UsageMeter::hourStart(model::Timestamp at)
{
    return floorTo(at, kHourMs);
}

model::Timestamp UsageMeter::dayStart(model::Timestamp at)
{
    return floorTo(at, kDayMs);
}

model::Timestamp UsageMeter::monthStart(model::Timestamp at)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).date();
    return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

model::Timestamp UsageMeter::nextMonthStart(model::Timestamp at)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()).date();
    return QDateTime(QDate(date.year(), date.month(), 1).addMonths(1), QTime(0, 0), QTimeZone::utc())
        .toMSecsSinceEpoch();
}

UsageMeter::Month* UsageMeter::loadedMonth(const QString& ns, model::Timestamp now)
{
    const auto it = m_months.find(ns);
    return it != m_months.end() && it->start == monthStart(now) ? &*it : nullptr;
}

Result<UsageMeter::Month*> UsageMeter::loadMonth(const QString& ns, model::Timestamp now)
{
    if (Month* loaded = loadedMonth(ns, now)) {
        return loaded;
    }
    const model::Timestamp start = monthStart(now);
    const model::Timestamp end = nextMonthStart(now);
    auto stored = m_store.listUsage(ns, start, end);
    if (!stored) {
        return stored.error();
    }
    Month month;
    month.start = start;
    for (const model::UsageBucket& hour : *stored) {
        month.totals += UsageTotals { hour.reads, hour.writes, hour.lists, hour.deletes };
        if (hour.storageBytes >= 0) {
            month.storageBytes = hour.storageBytes;
        }
    }
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it.key().first == ns && it.key().second >= start && it.key().second < end) {
            month.totals += it->totals;
        }
    }
    return &*m_months.insert(ns, std::move(month));
}

Result<UsageMeter::Month*> UsageMeter::monthOf(
    const QString& ns, model::Timestamp now, std::unique_lock<std::mutex>& lock)
{
    if (Month* loaded = loadedMonth(ns, now)) {
        return loaded;
    }
    // The first use in a month reads the store: under the flush lock, so that a flush in
    // progress is either wholly in the stored hours or wholly pending.
    lock.unlock();
    const std::lock_guard flushing(m_flushMutex);
    lock.lock();
    return loadMonth(ns, now);
}

Result<void> UsageMeter::check(const QString& ns, const model::Plan& plan, Operation operation, qint64 count)
{
    const qint64 limit = quotaOf(plan.quota, operation);
    if (limit < 0) {
        return {};
    }
    const model::Timestamp now = m_clock.now();
    std::unique_lock lock(m_mutex);
    auto month = monthOf(ns, now, lock);
    if (!month) {
        return month.error();
    }
    const qint64 used = (*month)->totals.of(operation);
    if (used + count <= limit) {
        return {};
    }
    const qint64 retryAfter = (nextMonthStart(now) - now + 999) / 1000;
    return Error(ErrorCode::QuotaExceeded,
        QStringLiteral("the namespace %1 has used %2 of the %3 %4 its plan %5 allows this month; the quota "
                       "resets at the start of next month (UTC)")
            .arg(ns)
            .arg(used)
            .arg(limit)
            .arg(quotaName(operation), plan.id),
        QJsonObject { { QStringLiteral("namespace"), ns }, { QStringLiteral("quota"), quotaName(operation) },
            { QStringLiteral("used"), used }, { QStringLiteral("limit"), limit },
            { QStringLiteral("retryAfterSeconds"), retryAfter } });
}

Result<void> UsageMeter::checkStorage(const QString& ns, const model::Plan& plan, qint64 current, qint64 bytes)
{
    const qint64 limit = plan.quota.storageBytes;
    if (limit < 0 || bytes <= 0 || current + bytes <= limit) {
        return {};
    }
    return Error(ErrorCode::QuotaExceeded,
        QStringLiteral("storing %1 more bytes would take the namespace %2 past the %3 bytes its plan %4 allows; "
                       "delete keys or move the namespace to a larger plan")
            .arg(bytes)
            .arg(ns)
            .arg(limit)
            .arg(plan.id),
        QJsonObject { { QStringLiteral("namespace"), ns }, { QStringLiteral("quota"), QStringLiteral("storage") },
            { QStringLiteral("used"), current }, { QStringLiteral("limit"), limit } });
}

void UsageMeter::crossings(Month& month, const QString& ns, const model::Plan& plan, const QString& quota,
    qint64 before, qint64 after, qint64 limit, model::Timestamp now, QList<QuotaEvent>& events)
{
    if (limit <= 0) {
        return;
    }
    for (const int percent : { 80, 100 }) {
        // used >= limit * percent / 100, without overflow for large limits.
        const auto reached = [&](qint64 used) {
            return static_cast<long double>(used) * 100 >= static_cast<long double>(limit) * percent;
        };
        const QString mark = quota + QLatin1Char('@') + QString::number(percent);
        if (!reached(before) && reached(after) && !month.announced.contains(mark)) {
            month.announced.insert(mark);
            events.append(QuotaEvent { ns, plan.id, quota, percent, after, limit, now });
        }
    }
}

void UsageMeter::count(const QString& ns, const model::Plan& plan, Operation operation, qint64 count)
{
    if (count <= 0) {
        return;
    }
    const model::Timestamp now = m_clock.now();
    QList<QuotaEvent> events;
    {
        std::unique_lock lock(m_mutex);
        // The month is loaded before the count is added, since loading adds the pending hours.
        // Without it (the store could not be read) the count is still kept for the next flush;
        // only the quota announcements wait for a readable store.
        auto month = monthOf(ns, now, lock);
        m_pending[{ ns, hourStart(now) }].totals.add(operation, count);
        if (month) {
            Month& record = **month;
            const qint64 before = record.totals.of(operation);
            record.totals.add(operation, count);
            crossings(record, ns, plan, quotaName(operation), before, before + count, quotaOf(plan.quota, operation),
                now, events);
        }
    }
    announce(events);
}

void UsageMeter::noteStorage(const QString& ns, const model::Plan& plan, qint64 bytes)
{
    const model::Timestamp now = m_clock.now();
    QList<QuotaEvent> events;
    {
        std::unique_lock lock(m_mutex);
        m_pending[{ ns, hourStart(now) }].storageBytes = bytes;
        if (auto month = monthOf(ns, now, lock)) {
            Month& record = **month;
            const qint64 before = std::max<qint64>(record.storageBytes, 0);
            record.storageBytes = bytes;
            crossings(record, ns, plan, QStringLiteral("storage"), before, bytes, plan.quota.storageBytes, now, events);
        }
    }
    announce(events);
}

void UsageMeter::announce(const QList<QuotaEvent>& events)
{
    if (events.isEmpty()) {
        return;
    }
    const std::lock_guard lock(m_listenersMutex);
    for (const QuotaEvent& event : events) {
        for (const auto& listener : m_listeners) {
            listener(event);
        }
        if (m_events) {
            m_events->publish(model::ServiceEvent::Type::QuotaWarning, event.ns,
                QJsonObject { { QStringLiteral("plan"), event.plan }, { QStringLiteral("quota"), event.quota },
                    { QStringLiteral("percent"), event.percent }, { QStringLiteral("used"), event.used },
                    { QStringLiteral("limit"), event.limit } });
        }
    }
}

void UsageMeter::onQuotaEvent(std::function<void(const QuotaEvent&)> listener)
{
    const std::lock_guard lock(m_listenersMutex);
    m_listeners.append(std::move(listener));
}

Result<UsageTotals> UsageMeter::month(const QString& ns)
{
    std::unique_lock lock(m_mutex);
    auto month = monthOf(ns, m_clock.now(), lock);
    if (!month) {
        return month.error();
    }
    return (*month)->totals;
}

Result<QList<model::UsageBucket>> UsageMeter::series(
    const QString& ns, model::Timestamp from, model::Timestamp to, model::UsageStep step)
{
    const qint64 unit = step == model::UsageStep::Hour ? kHourMs : kDayMs;
    const model::Timestamp first = floorTo(from, unit);
    // Stored and pending hours are read under the flush lock, so none is counted twice or missed.
    const std::lock_guard flushing(m_flushMutex);
    auto stored = m_store.listUsage(ns, first, to);
    if (!stored) {
        return stored.error();
    }
    QList<model::UsageBucket> hours = *stored;
    {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
            if (it.key().first == ns && it.key().second >= first && it.key().second < to) {
                model::UsageBucket hour;
                hour.ns = ns;
                hour.start = it.key().second;
                hour.reads = it->totals.reads;
                hour.writes = it->totals.writes;
                hour.lists = it->totals.lists;
                hour.deletes = it->totals.deletes;
                hour.storageBytes = it->storageBytes;
                hours.append(hour);
            }
        }
    }
    // Hours in time order (a pending hour adds to a stored one), then summed into buckets; a
    // bucket's storage is the last one noted in it.
    std::stable_sort(hours.begin(), hours.end(),
        [](const model::UsageBucket& a, const model::UsageBucket& b) { return a.start < b.start; });
    QList<model::UsageBucket> buckets;
    for (const model::UsageBucket& hour : hours) {
        const model::Timestamp start = floorTo(hour.start, unit);
        if (buckets.isEmpty() || buckets.last().start != start) {
            model::UsageBucket bucket;
            bucket.ns = ns;
            bucket.start = start;
            bucket.step = step;
            bucket.storageBytes = -1;
            buckets.append(bucket);
        }
        model::UsageBucket& bucket = buckets.last();
        bucket.reads += hour.reads;
        bucket.writes += hour.writes;
        bucket.lists += hour.lists;
        bucket.deletes += hour.deletes;
        if (hour.storageBytes >= 0) {
            bucket.storageBytes = hour.storageBytes;
        }
    }
    return buckets;
}

Result<void> UsageMeter::flush()
{
    const std::lock_guard flushing(m_flushMutex);
    QHash<std::pair<QString, model::Timestamp>, Pending> batch;
    {
        const std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    if (batch.isEmpty()) {
        return {};
    }
    QList<model::UsageBucket> hours;
    hours.reserve(batch.size());
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        model::UsageBucket hour;
        hour.ns = it.key().first;
        hour.start = it.key().second;
        hour.reads = it->totals.reads;
        hour.writes = it->totals.writes;
        hour.lists = it->totals.lists;
        hour.deletes = it->totals.deletes;
        hour.storageBytes = it->storageBytes;
        hours.append(hour);
    }
    auto written = m_store.addUsage(hours);
    if (!written) {
        // Put the counts back, added to whatever was counted meanwhile.
        const std::lock_guard lock(m_mutex);
        for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
            Pending& pending = m_pending[it.key()];
            pending.totals += it->totals;
            if (pending.storageBytes < 0) {
                pending.storageBytes = it->storageBytes;
            }
        }
        return written;
    }
    if (m_events) {
        std::sort(hours.begin(), hours.end(), [](const model::UsageBucket& a, const model::UsageBucket& b) {
            return std::tie(a.start, a.ns) < std::tie(b.start, b.ns);
        });
        for (const model::UsageBucket& hour : std::as_const(hours)) {
            m_events->publish(model::ServiceEvent::Type::UsageTick, hour.ns, model::json::fromUsageBucket(hour));
        }
    }
    return written;
}

int UsageMeter::pendingBuckets() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_pending.size());
}

} // namespace kv::service
