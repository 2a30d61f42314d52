// SqliteStore's usage counters (one row per namespace and hour, added to in batches) and the
// billing events already applied.

#include "store/SqliteStoreImpl.h"

#include <sqlite3.h>

namespace kv::store {

Result<void> SqliteStore::addUsage(const QList<model::UsageBucket>& hours)
{
    if (hours.isEmpty()) {
        return {};
    }
    const std::lock_guard lock(d->writerMutex);
    auto& db = *d->writer;
    auto tx = db.begin(true);
    if (!tx) {
        return tx.error();
    }
    auto& stmt = db.statement("INSERT INTO usage_hours (ns, hour, reads, writes, lists, deletes, storage_bytes) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (ns, hour) DO UPDATE SET "
                              "reads = reads + excluded.reads, writes = writes + excluded.writes, "
                              "lists = lists + excluded.lists, deletes = deletes + excluded.deletes, "
                              "storage_bytes = coalesce(excluded.storage_bytes, storage_bytes)");
    for (const model::UsageBucket& hour : hours) {
        stmt.bind(1, hour.ns);
        stmt.bind(2, hour.start);
        stmt.bind(3, hour.reads);
        stmt.bind(4, hour.writes);
        stmt.bind(5, hour.lists);
        stmt.bind(6, hour.deletes);
        if (hour.storageBytes < 0) {
            stmt.bindNull(7);
        } else {
            stmt.bind(7, hour.storageBytes);
        }
        if (auto done = stmt.run(); !done) {
            return done.error();
        }
    }
    return tx->commit();
}

Result<QList<model::UsageBucket>> SqliteStore::listUsage(const QString& ns, Timestamp from, Timestamp to)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    auto& stmt = (***db).statement("SELECT hour, reads, writes, lists, deletes, coalesce(storage_bytes, -1) "
                                   "FROM usage_hours WHERE ns = ?1 AND hour >= ?2 AND hour < ?3 ORDER BY hour");
    stmt.bind(1, ns);
    stmt.bind(2, from);
    stmt.bind(3, to);
    QList<model::UsageBucket> buckets;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return buckets;
        }
        model::UsageBucket bucket;
        bucket.ns = ns;
        bucket.start = stmt.columnInt64(0);
        bucket.reads = stmt.columnInt64(1);
        bucket.writes = stmt.columnInt64(2);
        bucket.lists = stmt.columnInt64(3);
        bucket.deletes = stmt.columnInt64(4);
        bucket.storageBytes = stmt.columnInt64(5);
        buckets.append(bucket);
    }
}

Result<bool> SqliteStore::rememberBillingEvent(const QString& id, Timestamp at)
{
    const std::lock_guard lock(d->writerMutex);
    auto& stmt = d->writer->statement(
        "INSERT INTO billing_events (id, received_at) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING RETURNING id");
    stmt.bind(1, id);
    stmt.bind(2, at);
    auto row = stmt.step();
    if (!row) {
        return row.error();
    }
    const bool inserted = *row;
    stmt.reset();
    return inserted;
}

Result<void> SqliteStore::forgetBillingEvent(const QString& id)
{
    const std::lock_guard lock(d->writerMutex);
    auto& stmt = d->writer->statement("DELETE FROM billing_events WHERE id = ?1");
    stmt.bind(1, id);
    return stmt.run();
}

quint64 SqliteStore::rowsWritten() const
{
    const std::lock_guard lock(d->writerMutex);
    return static_cast<quint64>(sqlite3_total_changes64(d->writer->handle()));
}

} // namespace kv::store
