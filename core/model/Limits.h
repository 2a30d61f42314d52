#pragma once
// Limits are the configurable bounds every entry point validates against (DESIGN.md, "Limits").
// The defaults follow the well-known hosted KV services; a plan or kvd's config may change them.

#include <QtGlobal>

namespace kv::model {

struct Limits
{
    qsizetype maxKeyBytes = 512;
    qsizetype maxValueBytes = 25 * 1024 * 1024;
    qsizetype maxMetadataBytes = 1024;
    int maxListLimit = 1000;
    int defaultListLimit = 1000;
    qint64 minTtlSeconds = 60;
    qsizetype maxBatchItems = 10000;

    friend bool operator==(const Limits&, const Limits&) = default;
};

} // namespace kv::model
