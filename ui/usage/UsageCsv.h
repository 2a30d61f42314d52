#pragma once
// The usage page's CSV export: one line per bucket with its start (ISO 8601, UTC), the reads,
// writes, lists and deletes, the bytes stored and the quota of the metric shown, in that order,
// under a header line; numbers plain (no grouping), unknown storage and "no quota" empty. What a
// spreadsheet or a billing script reads without guessing.

#include "ui/usage/UsageSeries.h"

#include <QByteArray>

namespace kv::ui {

/// The CSV text of `series`, with the quota column of `metric` ("reads_quota", …).
QByteArray usageCsv(const UsageSeries& series, UsageMetric metric);

} // namespace kv::ui
