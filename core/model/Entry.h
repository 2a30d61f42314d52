#pragma once
// An entry is one key's stored value with its metadata, expiration and version; KeyInfo is what a
// listing returns for it (everything but the value bytes).

#include "model/Clock.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kv::model {

struct Entry
{
    QString key;
    QByteArray value;
    QJsonObject metadata;
    std::optional<Timestamp> expiresAt;
    /// Store-wide revision of the last write: it increases on every write, and a key that is
    /// deleted and written again never gets an old version back (no ABA for If-Match).
    qint64 version = 0;
    Timestamp updatedAt = 0;

    friend bool operator==(const Entry&, const Entry&) = default;
};

struct KeyInfo
{
    QString key;
    qint64 size = 0;
    std::optional<Timestamp> expiresAt;
    QJsonObject metadata;
    qint64 version = 0;
    Timestamp updatedAt = 0;

    friend bool operator==(const KeyInfo&, const KeyInfo&) = default;
};

/// One page of a keyset-paginated listing; cursor is empty on the last page.
struct KeyPage
{
    QList<KeyInfo> keys;
    QString cursor;

    [[nodiscard]] bool complete() const { return cursor.isEmpty(); }
};

} // namespace kv::model
