#include "store/SqliteStore.h"

#include "store/SqliteConnection.h"
#include "store/SqliteStoreImpl.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <condition_variable>
#include <mutex>
#include <vector>

namespace kv::store {

namespace {

// "kvds" as a big-endian integer: marks an SQLite file as a kvdesk store.
constexpr int kApplicationId = 0x6b766473;

// Forward migrations: migration i takes the schema from version i to i + 1. Append, never edit.
const char* const kMigrations[] = {
    // 0 -> 1: namespaces with kept counters, entries keyed by (namespace, key), expiry index.
    R"sql(
CREATE TABLE namespaces (
    id          TEXT    NOT NULL PRIMARY KEY,
    plan        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    key_count   INTEGER NOT NULL DEFAULT 0,
    bytes       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entries (
    ns          TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    value       BLOB    NOT NULL,
    metadata    TEXT,
    expires_at  INTEGER,
    version     INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    size        INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    UNIQUE (ns, key)
);
CREATE INDEX entries_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE counters (
    name        TEXT    NOT NULL PRIMARY KEY,
    value       INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('last_version', 0);
)sql",
    // 1 -> 2: API keys, stored as the MAC of their secret.
    R"sql(
CREATE TABLE api_keys (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    secret_hash  BLOB    NOT NULL,
    scopes       INTEGER NOT NULL,
    namespaces   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER,
    revoked_at   INTEGER,
    rotated_from TEXT,
    rotated_to   TEXT
);
)sql",
    // 2 -> 3: the audit trail, newest first by id, filtered by time, actor, action or namespace.
    R"sql(
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    ns          TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    details     TEXT
);
CREATE INDEX audit_events_at ON audit_events (at);
)sql",
    // 3 -> 4: usage counters by namespace and hour (days and months are sums of hours), and the
    // billing events already applied, so that a webhook delivered twice changes nothing twice.
    R"sql(
CREATE TABLE usage_hours (
    ns            TEXT    NOT NULL,
    hour          INTEGER NOT NULL,
    reads         INTEGER NOT NULL DEFAULT 0,
    writes        INTEGER NOT NULL DEFAULT 0,
    lists         INTEGER NOT NULL DEFAULT 0,
    deletes       INTEGER NOT NULL DEFAULT 0,
    storage_bytes INTEGER,
    PRIMARY KEY (ns, hour)
) WITHOUT ROWID;
CREATE TABLE billing_events (
    id          TEXT    PRIMARY KEY,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));

Error notAStore(const QString& path, const QString& why)
{
    return Error(ErrorCode::StoreCorrupt, QStringLiteral("%1 is not a kvdesk store: %2").arg(path, why),
        QJsonObject { { QStringLiteral("path"), path } });
}

Error namespaceNotFound(const QString& id)
{
    return Error(ErrorCode::NamespaceNotFound, QStringLiteral("there is no namespace \"%1\"").arg(id),
        QJsonObject { { QStringLiteral("namespace"), id } });
}

QByteArray metadataText(const QJsonObject& metadata)
{
    return metadata.isEmpty() ? QByteArray() : QJsonDocument(metadata).toJson(QJsonDocument::Compact);
}

QJsonObject metadataFromText(QByteArrayView text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toByteArray()).object();
}

/// The bytes an entry counts for in its namespace's total.
qint64 entryBytes(const QByteArray& keyUtf8, const QByteArray& value, const QByteArray& metadata)
{
    return keyUtf8.size() + value.size() + metadata.size();
}

/// The smallest string greater than every string starting with prefix, in byte order; empty
/// when there is none. Valid UTF-8 never holds 0xff, so incrementing the last byte suffices.
QByteArray prefixUpperBound(QByteArray prefix)
{
    while (!prefix.isEmpty()) {
        auto last = static_cast<unsigned char>(prefix.back());
        if (last < 0xff) {
            prefix.back() = static_cast<char>(last + 1);
            return prefix;
        }
        prefix.chop(1);
    }
    return {};
}

/// Reads the header of an existing file: an SQLite file starts with "SQLite format 3\0".
Result<void> checkFileHeader(const QString& path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::StoreIo, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
            QJsonObject { { QStringLiteral("path"), path } });
    }
    const QByteArray header = file.read(16);
    if (header != QByteArrayView("SQLite format 3\0", 16)) {
        return notAStore(path, QStringLiteral("the file is not an SQLite database"));
    }
    return {};
}

Result<void> migrate(SqliteConnection& db, const QString& path)
{
    auto version = db.pragmaInt("user_version");
    if (!version) {
        return version.error();
    }
    auto appId = db.pragmaInt("application_id");
    if (!appId) {
        return appId.error();
    }
    if (*version < 0) {
        return notAStore(path, QStringLiteral("its schema version is negative"));
    }
    // Another application's database may carry any user_version: tell it apart first.
    if (*appId != kApplicationId) {
        auto tables = db.scalarInt("SELECT count(*) FROM sqlite_schema");
        if (!tables) {
            return tables.error();
        }
        if (*appId != 0 || *tables != 0) {
            return notAStore(path,
                QStringLiteral("it is an SQLite database of another application; the file was not "
                               "changed"));
        }
    }
    if (*version > kSchemaVersion) {
        return Error(ErrorCode::StoreTooNew,
            QStringLiteral("%1 was written by a newer kvdesk (schema version %2; this build reads up to "
                           "%3). Upgrade kvdesk/kvd to open it; the file was not changed.")
                .arg(path)
                .arg(*version)
                .arg(kSchemaVersion),
            QJsonObject { { QStringLiteral("path"), path }, { QStringLiteral("schemaVersion"), *version },
                { QStringLiteral("supported"), kSchemaVersion } });
    }
    // Only a store this build understands reaches this point, so changing the journal mode is safe.
    if (auto wal = db.enableWal(); !wal) {
        return wal.error();
    }
    for (int from = static_cast<int>(*version); from < kSchemaVersion; ++from) {
        auto tx = db.begin();
        if (!tx) {
            return tx.error();
        }
        if (auto step = db.exec(kMigrations[static_cast<std::size_t>(from)]); !step) {
            return step.error();
        }
        if (auto pragma = db.exec(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2")
                                      .arg(kApplicationId)
                                      .arg(from + 1)
                                      .toUtf8());
            !pragma) {
            return pragma.error();
        }
        if (auto committed = tx->commit(); !committed) {
            return committed.error();
        }
    }
    return {};
}

model::Entry entryFromRow(SqliteStatement& stmt, const QString& key)
{
    model::Entry entry;
    entry.key = key;
    entry.value = stmt.columnBlob(0);
    entry.metadata = metadataFromText(stmt.columnText(1));
    if (!stmt.columnIsNull(2)) {
        entry.expiresAt = stmt.columnInt64(2);
    }
    entry.version = stmt.columnInt64(3);
    entry.updatedAt = stmt.columnInt64(4);
    return entry;
}

Result<std::optional<model::Entry>> readEntry(
    SqliteConnection& db, const QString& ns, const QString& key, Timestamp now)
{
    auto& stmt = db.statement("SELECT value, metadata, expires_at, version, updated_at FROM entries "
                              "WHERE ns = ?1 AND key = ?2 AND (expires_at IS NULL OR expires_at > ?3)");
    stmt.bind(1, ns);
    stmt.bind(2, key);
    stmt.bind(3, now);
    auto row = stmt.step();
    if (!row) {
        return row.error();
    }
    if (*row) {
        auto entry = entryFromRow(stmt, key);
        stmt.reset();
        return std::optional<model::Entry>(std::move(entry));
    }
    return std::optional<model::Entry>();
}

} // namespace

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }

SqliteStore::~SqliteStore() = default;

int SqliteStore::schemaVersion()
{
    return kSchemaVersion;
}

QString SqliteStore::schemaSql()
{
    QString sql;
    for (const char* migration : kMigrations) {
        sql += QString::fromUtf8(migration);
    }
    return sql;
}

const QString& SqliteStore::path() const
{
    return d->options.path;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const Options& options)
{
    if (options.path.isEmpty()) {
        return Error(ErrorCode::StoreIo, QStringLiteral("no store path was given"));
    }
    if (auto header = checkFileHeader(options.path); !header) {
        return header.error();
    }
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->options.maxReaders = std::max(1, options.maxReaders);
    auto writer = impl->openConnection(false);
    if (!writer) {
        return writer.error();
    }
    impl->writer = std::move(writer.value());
    if (auto migrated = migrate(*impl->writer, impl->options.path); !migrated) {
        return migrated.error();
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

Result<void> SqliteStore::createNamespace(const model::Namespace& ns)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto& stmt = db.statement("INSERT INTO namespaces (id, plan, created_at) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (id) DO NOTHING");
    stmt.bind(1, ns.id);
    stmt.bind(2, ns.plan);
    stmt.bind(3, ns.createdAt);
    if (auto done = stmt.run(); !done) {
        return done.error();
    }
    if (db.changes() == 0) {
        return Error(ErrorCode::NamespaceExists, QStringLiteral("the namespace \"%1\" already exists").arg(ns.id),
            QJsonObject { { QStringLiteral("namespace"), ns.id } });
    }
    return {};
}

Result<QList<model::Namespace>> SqliteStore::listNamespaces()
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    auto& stmt = (**db)->statement("SELECT id, plan, created_at, key_count, bytes FROM namespaces ORDER BY id");
    QList<model::Namespace> namespaces;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        namespaces.append(model::Namespace { QString::fromUtf8(stmt.columnText(0)),
            QString::fromUtf8(stmt.columnText(1)), stmt.columnInt64(3), stmt.columnInt64(4), stmt.columnInt64(2) });
    }
    return namespaces;
}

Result<model::Namespace> SqliteStore::getNamespace(const QString& id)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    auto& stmt = (**db)->statement("SELECT id, plan, created_at, key_count, bytes FROM namespaces WHERE id = ?1");
    stmt.bind(1, id);
    auto row = stmt.step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return namespaceNotFound(id);
    }
    model::Namespace ns { QString::fromUtf8(stmt.columnText(0)), QString::fromUtf8(stmt.columnText(1)),
        stmt.columnInt64(3), stmt.columnInt64(4), stmt.columnInt64(2) };
    stmt.reset();
    return ns;
}

Result<void> SqliteStore::setNamespacePlan(const QString& id, const QString& plan)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto& stmt = db.statement("UPDATE namespaces SET plan = ?2 WHERE id = ?1");
    stmt.bind(1, id);
    stmt.bind(2, plan);
    if (auto done = stmt.run(); !done) {
        return done.error();
    }
    if (db.changes() == 0) {
        return namespaceNotFound(id);
    }
    return {};
}

Result<void> SqliteStore::deleteNamespace(const QString& id)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto tx = db.begin();
    if (!tx) {
        return tx.error();
    }
    auto& removeNamespace = db.statement("DELETE FROM namespaces WHERE id = ?1");
    removeNamespace.bind(1, id);
    if (auto done = removeNamespace.run(); !done) {
        return done.error();
    }
    if (db.changes() == 0) {
        return namespaceNotFound(id);
    }
    auto& removeEntries = db.statement("DELETE FROM entries WHERE ns = ?1");
    removeEntries.bind(1, id);
    if (auto done = removeEntries.run(); !done) {
        return done.error();
    }
    return tx->commit();
}

Result<std::optional<model::Entry>> SqliteStore::getEntry(const QString& ns, const QString& key, Timestamp now)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    auto entry = readEntry(***db, ns, key, now);
    if (!entry || entry->has_value()) {
        return entry;
    }
    // Only a miss pays for telling "no such key" from "no such namespace".
    auto exists = d->namespaceExists(***db, ns);
    if (!exists) {
        return exists.error();
    }
    if (!*exists) {
        return namespaceNotFound(ns);
    }
    return entry;
}

Result<QList<std::optional<model::Entry>>> SqliteStore::getEntries(
    const QString& ns, const QList<QString>& keys, Timestamp now)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    // One read transaction, so that every key is read from the same snapshot.
    auto tx = (***db).begin(/*immediate=*/false);
    if (!tx) {
        return tx.error();
    }
    auto exists = d->namespaceExists(***db, ns);
    if (!exists) {
        return exists.error();
    }
    if (!*exists) {
        return namespaceNotFound(ns);
    }
    QList<std::optional<model::Entry>> entries;
    entries.reserve(keys.size());
    for (const QString& key : keys) {
        auto entry = readEntry(***db, ns, key, now);
        if (!entry) {
            return entry.error();
        }
        entries.append(std::move(entry.value()));
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return entries;
}

Result<QList<model::KeyInfo>> SqliteStore::listKeys(const QString& ns, const KeyRange& range, Timestamp now)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    auto tx = (***db).begin(/*immediate=*/false);
    if (!tx) {
        return tx.error();
    }
    auto exists = d->namespaceExists(***db, ns);
    if (!exists) {
        return exists.error();
    }
    if (!*exists) {
        return namespaceNotFound(ns);
    }
    const QByteArray prefix = range.prefix.toUtf8();
    const QByteArray after = range.after.toUtf8();
    QByteArray upper = prefixUpperBound(prefix);
    if (upper.isEmpty()) {
        upper = QByteArray(1, '\xff'); // above every valid UTF-8 string
    }
    // The range is [prefix, upper) cut at the cursor. Each case is one statement with two plain
    // bounds rather than an OR or a MIN(), so that SQLite walks the (ns, key) index from the page's
    // first key instead of from an end of the namespace (sql:: in SqliteStoreImpl.h has the plans).
    QByteArray lower = prefix;
    const char* query = sql::kKeysAscendingFrom;
    if (range.order == model::KeyOrder::Descending) {
        // Down from just below the cursor or from the prefix's upper bound, whichever is lower; a
        // cursor at or below the prefix leaves nothing.
        if (!after.isEmpty() && after < upper) {
            upper = after;
        }
        query = sql::kKeysDescending;
    } else if (!after.isEmpty() && after >= prefix) {
        // Up from just after the cursor or from the prefix, whichever is later.
        lower = after;
        query = sql::kKeysAscendingAfter;
    }
    auto& stmt = (***db).statement(query);
    stmt.bind(1, ns);
    stmt.bindText(2, lower);
    stmt.bindText(3, upper);
    stmt.bind(4, now);
    stmt.bind(5, qint64(range.limit));
    QList<model::KeyInfo> keys;
    keys.reserve(std::min(range.limit, 1000));
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        model::KeyInfo info;
        info.key = QString::fromUtf8(stmt.columnText(0));
        info.size = stmt.columnInt64(1);
        if (!stmt.columnIsNull(2)) {
            info.expiresAt = stmt.columnInt64(2);
        }
        info.metadata = metadataFromText(stmt.columnText(3));
        info.version = stmt.columnInt64(4);
        info.updatedAt = stmt.columnInt64(5);
        keys.append(std::move(info));
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return keys;
}

Result<BatchOutcome> SqliteStore::write(
    const QString& ns, const QList<WriteOp>& ops, Timestamp now, const model::AuditEvent* audit)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto tx = db.begin();
    if (!tx) {
        return tx.error();
    }
    auto exists = d->namespaceExists(db, ns);
    if (!exists) {
        return exists.error();
    }
    if (!*exists) {
        return namespaceNotFound(ns);
    }
    auto lastVersion = db.scalarInt("SELECT value FROM counters WHERE name = 'last_version'");
    if (!lastVersion) {
        return lastVersion.error();
    }
    qint64 version = *lastVersion;

    auto& current = db.statement("SELECT version, expires_at, bytes FROM entries WHERE ns = ?1 AND key = ?2");
    auto& upsert = db.statement(
        "INSERT INTO entries (ns, key, value, metadata, expires_at, version, updated_at, size, bytes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (ns, key) DO UPDATE SET "
        "value = excluded.value, metadata = excluded.metadata, expires_at = excluded.expires_at, "
        "version = excluded.version, updated_at = excluded.updated_at, size = excluded.size, bytes = excluded.bytes");
    auto& remove = db.statement("DELETE FROM entries WHERE ns = ?1 AND key = ?2");

    BatchOutcome batch;
    batch.committed = true;
    batch.outcomes.reserve(ops.size());
    qint64 keyDelta = 0;
    qint64 bytesDelta = 0;
    for (const WriteOp& op : ops) {
        const QByteArray key = op.key.toUtf8();
        current.bind(1, ns);
        current.bindText(2, key);
        auto found = current.step();
        if (!found) {
            return found.error();
        }
        // A stored row may be expired but not yet purged: it still counts in the totals, but
        // for the caller it does not exist.
        const bool stored = *found;
        const bool live = stored && (current.columnIsNull(1) || current.columnInt64(1) > now);
        const qint64 currentVersion = live ? current.columnInt64(0) : 0;
        const qint64 storedBytes = stored ? current.columnInt64(2) : 0;
        current.reset();

        const bool holds = op.precondition.kind == Precondition::Kind::None
            || (op.precondition.kind == Precondition::Kind::Absent && !live)
            || (op.precondition.kind == Precondition::Kind::VersionEquals && live
                && currentVersion == op.precondition.version);
        if (!holds) {
            batch.committed = false;
            batch.outcomes.append({ WriteOutcome::Status::ConditionFailed, currentVersion });
            continue;
        }
        if (!batch.committed) {
            // Something already failed; check the rest only to report every failing item.
            batch.outcomes.append({ WriteOutcome::Status::Aborted, 0 });
            continue;
        }
        if (op.kind == WriteOp::Kind::Put) {
            const QByteArray metadata = metadataText(op.metadata);
            const qint64 bytes = entryBytes(key, op.value, metadata);
            ++version;
            upsert.bind(1, ns);
            upsert.bindText(2, key);
            upsert.bindBlob(3, op.value);
            if (metadata.isEmpty()) {
                upsert.bindNull(4);
            } else {
                upsert.bindText(4, metadata);
            }
            if (op.expiresAt) {
                upsert.bind(5, *op.expiresAt);
            } else {
                upsert.bindNull(5);
            }
            upsert.bind(6, version);
            upsert.bind(7, now);
            upsert.bind(8, qint64(op.value.size()));
            upsert.bind(9, bytes);
            if (auto done = upsert.run(); !done) {
                return done.error();
            }
            keyDelta += stored ? 0 : 1;
            bytesDelta += bytes - storedBytes;
            batch.outcomes.append({ WriteOutcome::Status::Written, version });
        } else {
            if (stored) {
                remove.bind(1, ns);
                remove.bindText(2, key);
                if (auto done = remove.run(); !done) {
                    return done.error();
                }
                keyDelta -= 1;
                bytesDelta -= storedBytes;
            }
            batch.outcomes.append({ live ? WriteOutcome::Status::Deleted : WriteOutcome::Status::NotFound, 0 });
        }
    }
    if (!batch.committed) {
        // Mark the items that had been fine before the first failure as aborted too.
        for (auto& outcome : batch.outcomes) {
            if (outcome.status != WriteOutcome::Status::ConditionFailed) {
                outcome = { WriteOutcome::Status::Aborted, 0 };
            }
        }
        tx->rollback();
        return batch;
    }
    auto& counters = db.statement("UPDATE namespaces SET key_count = key_count + ?2, bytes = bytes + ?3 WHERE id = ?1");
    counters.bind(1, ns);
    counters.bind(2, keyDelta);
    counters.bind(3, bytesDelta);
    if (auto done = counters.run(); !done) {
        return done.error();
    }
    auto& saveVersion = db.statement("UPDATE counters SET value = ?1 WHERE name = 'last_version'");
    saveVersion.bind(1, version);
    if (auto done = saveVersion.run(); !done) {
        return done.error();
    }
    const bool changed = std::any_of(batch.outcomes.cbegin(), batch.outcomes.cend(), [](const WriteOutcome& outcome) {
        return outcome.status == WriteOutcome::Status::Written || outcome.status == WriteOutcome::Status::Deleted;
    });
    if (audit && changed) {
        auto appended = d->insertAudit(db, *audit);
        if (!appended) {
            return appended.error();
        }
        batch.auditId = *appended;
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return batch;
}

Result<qint64> SqliteStore::purgeExpired(Timestamp now, int max)
{
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto tx = db.begin();
    if (!tx) {
        return tx.error();
    }
    auto& purge = db.statement("DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries "
                               "WHERE expires_at IS NOT NULL AND expires_at <= ?1 LIMIT ?2) RETURNING ns, bytes");
    purge.bind(1, now);
    purge.bind(2, qint64(max));
    QHash<QString, std::pair<qint64, qint64>> removed; // ns -> (keys, bytes)
    qint64 total = 0;
    while (true) {
        auto row = purge.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        auto& [keys, bytes] = removed[QString::fromUtf8(purge.columnText(0))];
        keys += 1;
        bytes += purge.columnInt64(1);
        ++total;
    }
    auto& counters = db.statement("UPDATE namespaces SET key_count = key_count - ?2, bytes = bytes - ?3 WHERE id = ?1");
    for (auto it = removed.cbegin(); it != removed.cend(); ++it) {
        counters.bind(1, it.key());
        counters.bind(2, it.value().first);
        counters.bind(3, it.value().second);
        if (auto done = counters.run(); !done) {
            return done.error();
        }
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return total;
}

Result<void> SqliteStore::checkIntegrity()
{
    const std::lock_guard lock(d->writerMutex);
    auto& stmt = d->writer->statement("PRAGMA integrity_check");
    QStringList problems;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        const QString line = QString::fromUtf8(stmt.columnText(0));
        if (line != QLatin1StringView("ok")) {
            problems.append(line);
        }
    }
    if (!problems.isEmpty()) {
        return Error(ErrorCode::StoreCorrupt,
            QStringLiteral("%1 failed its integrity check: %2").arg(d->options.path, problems.join(u"; ")),
            QJsonObject { { QStringLiteral("path"), d->options.path } });
    }
    return {};
}

} // namespace kv::store
