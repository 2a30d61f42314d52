// SqliteStore's API-key table: records and the MACs of their secrets, never a secret.

#include "store/SqliteStoreImpl.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kv::store {

namespace {

constexpr const char* kColumns = "id, name, prefix, secret_hash, scopes, namespaces, created_at, expires_at, "
                                 "last_used_at, revoked_at, rotated_from, rotated_to";

Error apiKeyNotFound(const QString& id)
{
    return Error(ErrorCode::ApiKeyNotFound, QStringLiteral("there is no API key \"%1\"").arg(id),
        QJsonObject { { QStringLiteral("id"), id } });
}

std::optional<Timestamp> optionalTime(const SqliteStatement& stmt, int column)
{
    return stmt.columnIsNull(column) ? std::nullopt : std::optional<Timestamp>(stmt.columnInt64(column));
}

void bindOptionalTime(SqliteStatement& stmt, int index, const std::optional<Timestamp>& value)
{
    if (value) {
        stmt.bind(index, *value);
    } else {
        stmt.bindNull(index);
    }
}

StoredApiKey apiKeyFromRow(const SqliteStatement& stmt)
{
    StoredApiKey stored;
    model::ApiKey& key = stored.key;
    key.id = QString::fromUtf8(stmt.columnText(0));
    key.name = QString::fromUtf8(stmt.columnText(1));
    key.prefix = QString::fromUtf8(stmt.columnText(2));
    stored.secretHash = stmt.columnBlob(3);
    key.scopes = model::Scopes::fromInt(static_cast<model::Scopes::Int>(stmt.columnInt64(4)));
    for (const QJsonValue& ns : QJsonDocument::fromJson(stmt.columnText(5)).array()) {
        key.namespaces.append(ns.toString());
    }
    key.createdAt = stmt.columnInt64(6);
    key.expiresAt = optionalTime(stmt, 7);
    key.lastUsedAt = optionalTime(stmt, 8);
    key.revokedAt = optionalTime(stmt, 9);
    key.rotatedFrom = QString::fromUtf8(stmt.columnText(10));
    key.rotatedTo = QString::fromUtf8(stmt.columnText(11));
    return stored;
}

Result<void> insert(SqliteConnection& db, const StoredApiKey& stored)
{
    auto& stmt = db.statement("INSERT INTO api_keys (id, name, prefix, secret_hash, scopes, namespaces, created_at, "
                              "expires_at, rotated_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    const model::ApiKey& key = stored.key;
    stmt.bind(1, key.id);
    stmt.bind(2, key.name);
    stmt.bind(3, key.prefix);
    stmt.bindBlob(4, stored.secretHash);
    stmt.bind(5, qint64(key.scopes.toInt()));
    stmt.bindText(6, QJsonDocument(QJsonArray::fromStringList(key.namespaces)).toJson(QJsonDocument::Compact));
    stmt.bind(7, key.createdAt);
    bindOptionalTime(stmt, 8, key.expiresAt);
    if (key.rotatedFrom.isEmpty()) {
        stmt.bindNull(9);
    } else {
        stmt.bind(9, key.rotatedFrom);
    }
    return stmt.run();
}

} // namespace

Result<void> SqliteStore::insertApiKey(const StoredApiKey& key)
{
    const std::lock_guard lock(d->writerMutex);
    return insert(*d->writer, key);
}

Result<std::optional<StoredApiKey>> SqliteStore::findApiKey(const QString& id)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    static const QByteArray sql = QByteArrayLiteral("SELECT ") + kColumns + " FROM api_keys WHERE id = ?1";
    auto& stmt = (***db).statement(sql.constData());
    stmt.bind(1, id);
    auto row = stmt.step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<StoredApiKey>();
    }
    auto stored = apiKeyFromRow(stmt);
    stmt.reset();
    return std::optional<StoredApiKey>(std::move(stored));
}

Result<QList<model::ApiKey>> SqliteStore::listApiKeys()
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    static const QByteArray sql
        = QByteArrayLiteral("SELECT ") + kColumns + " FROM api_keys ORDER BY created_at DESC, id";
    auto& stmt = (***db).statement(sql.constData());
    QList<model::ApiKey> keys;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return keys;
        }
        keys.append(apiKeyFromRow(stmt).key);
    }
}

Result<void> SqliteStore::revokeApiKey(const QString& id, Timestamp at)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto& stmt = db.statement("UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1");
    stmt.bind(1, id);
    stmt.bind(2, at);
    if (auto done = stmt.run(); !done) {
        return done.error();
    }
    return db.changes() == 0 ? Result<void>(apiKeyNotFound(id)) : Result<void>();
}

Result<void> SqliteStore::rotateApiKey(const QString& id, const StoredApiKey& replacement, Timestamp at)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto tx = db.begin();
    if (!tx) {
        return tx.error();
    }
    auto& retire = db.statement("UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?2), rotated_to = ?3 "
                                "WHERE id = ?1 AND rotated_to IS NULL");
    retire.bind(1, id);
    retire.bind(2, at);
    retire.bind(3, replacement.key.id);
    if (auto done = retire.run(); !done) {
        return done.error();
    }
    if (db.changes() == 0) {
        return apiKeyNotFound(id);
    }
    if (auto inserted = insert(db, replacement); !inserted) {
        return inserted.error();
    }
    return tx->commit();
}

Result<void> SqliteStore::recordApiKeyUse(const QHash<QString, Timestamp>& lastUsed)
{
    if (lastUsed.isEmpty()) {
        return {};
    }
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto tx = db.begin();
    if (!tx) {
        return tx.error();
    }
    auto& stmt = db.statement("UPDATE api_keys SET last_used_at = max(coalesce(last_used_at, 0), ?2) WHERE id = ?1");
    for (auto it = lastUsed.cbegin(); it != lastUsed.cend(); ++it) {
        stmt.bind(1, it.key());
        stmt.bind(2, it.value());
        if (auto done = stmt.run(); !done) {
            return done.error();
        }
    }
    return tx->commit();
}

} // namespace kv::store
