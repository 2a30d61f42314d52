#pragma once
// The span a usage view covers: a step (hour, day or calendar month, all in UTC like the service's
// buckets and monthly quotas) and a number of buckets ending with the current one, and the client
// query that fetches it. The service keeps hours and answers by hour or by day; a month view asks
// for days and sums them (12 months are ~366 days, well inside the service's 2,000-bucket limit).

#include "client/Client.h"

namespace kv::ui {

enum class BucketStep { Hour, Day, Month };

/// The first instant of the step's bucket that holds `at` (UTC).
model::Timestamp bucketFloor(model::Timestamp at, BucketStep step);
/// `start` moved by `count` steps (calendar months for Month).
model::Timestamp addSteps(model::Timestamp start, BucketStep step, int count);

struct UsageRange
{
    BucketStep step = BucketStep::Hour;
    /// The start of the first bucket shown.
    model::Timestamp first = 0;
    int buckets = 0;

    /// `buckets` buckets of `step`, the last one holding `now`.
    static UsageRange lastBuckets(BucketStep step, int buckets, model::Timestamp now);

    [[nodiscard]] model::Timestamp bucketStart(int index) const { return addSteps(first, step, index); }
    /// The end of the last bucket.
    [[nodiscard]] model::Timestamp end() const { return bucketStart(buckets); }
    /// The bucket that holds `at`; -1 outside the range.
    [[nodiscard]] int bucketOf(model::Timestamp at) const;
    /// The query for this range: by hour for hours, by day for days and months, and from the start
    /// of the first bucket's month, so that month-to-date sums are exact from the first bucket on.
    [[nodiscard]] client::UsageQuery query(const QString& ns) const;

    friend bool operator==(const UsageRange&, const UsageRange&) = default;
};

} // namespace kv::ui
