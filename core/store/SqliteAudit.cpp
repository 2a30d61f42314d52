// SqliteStore's audit trail: an append-only table read newest first.

#include "store/SqliteStoreImpl.h"

#include <QJsonDocument>

namespace kv::store {

Result<qint64> SqliteStore::Impl::insertAudit(SqliteConnection& db, const model::AuditEvent& event)
{
    auto& stmt = db.statement("INSERT INTO audit_events (at, actor, action, ns, target, request_id, details) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
    stmt.bind(1, event.at);
    stmt.bind(2, event.actor);
    stmt.bind(3, event.action);
    stmt.bind(4, event.ns);
    stmt.bind(5, event.target);
    stmt.bind(6, event.requestId);
    if (event.details.isEmpty()) {
        stmt.bindNull(7);
    } else {
        stmt.bindText(7, QJsonDocument(event.details).toJson(QJsonDocument::Compact));
    }
    auto row = stmt.step();
    if (!row) {
        return row.error();
    }
    const qint64 id = stmt.columnInt64(0);
    stmt.reset();
    return id;
}

Result<qint64> SqliteStore::appendAudit(const model::AuditEvent& event)
{
    const std::lock_guard lock(d->writerMutex);
    return d->insertAudit(*d->writer, event);
}

Result<QList<model::AuditEvent>> SqliteStore::listAudit(const AuditQuery& query)
{
    auto db = d->reader();
    if (!db) {
        return db.error();
    }
    // One statement for every combination of filters: an absent filter binds NULL and matches all.
    auto& stmt = (***db).statement("SELECT id, at, actor, action, ns, target, request_id, details FROM audit_events "
                                   "WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) "
                                   "AND (?3 IS NULL OR actor = ?3) AND (?4 IS NULL OR action = ?4) "
                                   "AND (?5 IS NULL OR ns = ?5) AND (?6 = 0 OR id < ?6) ORDER BY id DESC LIMIT ?7");
    const auto bindOptional = [&stmt](int index, const QString& text) {
        if (text.isEmpty()) {
            stmt.bindNull(index);
        } else {
            stmt.bind(index, text);
        }
    };
    if (query.from) {
        stmt.bind(1, *query.from);
    } else {
        stmt.bindNull(1);
    }
    if (query.to) {
        stmt.bind(2, *query.to);
    } else {
        stmt.bindNull(2);
    }
    bindOptional(3, query.actor);
    bindOptional(4, query.action);
    bindOptional(5, query.ns);
    stmt.bind(6, query.beforeId);
    stmt.bind(7, qint64(query.limit));
    QList<model::AuditEvent> events;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return events;
        }
        model::AuditEvent event;
        event.id = stmt.columnInt64(0);
        event.at = stmt.columnInt64(1);
        event.actor = QString::fromUtf8(stmt.columnText(2));
        event.action = QString::fromUtf8(stmt.columnText(3));
        event.ns = QString::fromUtf8(stmt.columnText(4));
        event.target = QString::fromUtf8(stmt.columnText(5));
        event.requestId = QString::fromUtf8(stmt.columnText(6));
        event.details = QJsonDocument::fromJson(stmt.columnText(7)).object();
        events.append(std::move(event));
    }
}

} // namespace kv::store
