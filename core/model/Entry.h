#pragma once
// An entry is one key's stored value with its metadata, expiration and version; KeyInfo is what a
// listing returns for it (everything but the value bytes).

#include "model/Clock.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
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

/// The order of a key listing: by the byte order of the keys' UTF-8 form, A→Z or Z→A. Keys are the
/// only thing a listing can be ordered by: it is an index range scan, so a page costs the same on
/// millions of keys in either direction.
enum class KeyOrder { Ascending, Descending };

/// "asc" or "desc", the spelling of the HTTP API's `order` parameter.
inline QLatin1StringView keyOrderName(KeyOrder order)
{
    return order == KeyOrder::Descending ? QLatin1StringView("desc") : QLatin1StringView("asc");
}

/// One page of a keyset-paginated listing; cursor is empty on the last page.
struct KeyPage
{
    QList<KeyInfo> keys;
    QString cursor;

    [[nodiscard]] bool complete() const { return cursor.isEmpty(); }
};

} // namespace kv::model
