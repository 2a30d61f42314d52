#pragma once
// Usage of one namespace over one time bucket (an hour or a day), as charts and quotas read it.

#include "model/Clock.h"

#include <QString>

namespace kv::model {

enum class UsageStep { Hour, Day };

struct UsageBucket
{
    QString ns;
    Timestamp start = 0;
    UsageStep step = UsageStep::Hour;
    qint64 reads = 0;
    qint64 writes = 0;
    qint64 lists = 0;
    qint64 deletes = 0;
    /// Stored bytes at the end of the bucket.
    qint64 storageBytes = 0;

    friend bool operator==(const UsageBucket&, const UsageBucket&) = default;
};

} // namespace kv::model
