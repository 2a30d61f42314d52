#pragma once
// A namespace groups keys under one plan; its key count and bytes are kept by the store as
// entries are written, so listing namespaces never scans their keys.

#include "model/Clock.h"

#include <QString>

namespace kv::model {

struct Namespace
{
    QString id;
    QString plan;
    /// Entries stored, counted as they are written. An expired entry is invisible at once but
    /// counts here until the background purge removes it, usually within a second.
    qint64 keyCount = 0;
    /// Bytes of keys, values and metadata stored in the namespace.
    qint64 bytes = 0;
    Timestamp createdAt = 0;

    friend bool operator==(const Namespace&, const Namespace&) = default;
};

} // namespace kv::model
