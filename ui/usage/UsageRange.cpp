#include "ui/usage/UsageRange.h"

#include <QDateTime>

namespace kv::ui {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

model::Timestamp floorTo(model::Timestamp at, qint64 unit)
{
    // Floor, not truncation: instants before 1970 still land on their bucket.
    const qint64 rest = at % unit;
    return rest < 0 ? at - rest - unit : at - rest;
}

QDateTime utc(model::Timestamp at)
{
    return QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
}

} // namespace

model::Timestamp bucketFloor(model::Timestamp at, BucketStep step)
{
    switch (step) {
    case BucketStep::Hour:
        return floorTo(at, kHourMs);
    case BucketStep::Day:
        return floorTo(at, kDayMs);
    case BucketStep::Month: {
        const QDate day = utc(at).date();
        return QDate(day.year(), day.month(), 1).startOfDay(Qt::UTC).toMSecsSinceEpoch();
    }
    }
    return at;
}

model::Timestamp addSteps(model::Timestamp start, BucketStep step, int count)
{
    switch (step) {
    case BucketStep::Hour:
        return start + count * kHourMs;
    case BucketStep::Day:
        return start + count * kDayMs;
    case BucketStep::Month:
        return utc(start).addMonths(count).toMSecsSinceEpoch();
    }
    return start;
}

UsageRange UsageRange::lastBuckets(BucketStep step, int buckets, model::Timestamp now)
{
    return UsageRange { step, addSteps(bucketFloor(now, step), step, 1 - buckets), buckets };
}

int UsageRange::bucketOf(model::Timestamp at) const
{
    if (at < first || at >= end()) {
        return -1;
    }
    switch (step) {
    case BucketStep::Hour:
        return static_cast<int>((at - first) / kHourMs);
    case BucketStep::Day:
        return static_cast<int>((at - first) / kDayMs);
    case BucketStep::Month: {
        const QDate from = utc(first).date();
        const QDate to = utc(at).date();
        return (to.year() - from.year()) * 12 + to.month() - from.month();
    }
    }
    return -1;
}

client::UsageQuery UsageRange::query(const QString& ns) const
{
    return client::UsageQuery { ns, bucketFloor(first, BucketStep::Month), end(),
        step == BucketStep::Hour ? model::UsageStep::Hour : model::UsageStep::Day };
}

} // namespace kv::ui
