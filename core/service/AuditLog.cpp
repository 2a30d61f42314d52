#include "service/AuditLog.h"

#include "model/Json.h"
#include "model/Validation.h"

namespace kv::service {

AuditLog::AuditLog(store::Store& store, const model::Clock& clock, EventHub* events)
    : m_store(store)
    , m_clock(clock)
    , m_events(events)
{ }

Result<qint64> AuditLog::record(const RequestContext& context, const QString& action, const QString& ns,
    const QString& target, const QJsonObject& details)
{
    model::AuditEvent appended = event(context, action, ns, target, details);
    auto id = m_store.appendAudit(appended);
    if (id) {
        appended.id = *id;
        announce(appended);
    } else {
        return Error(id.error().code(),
            QStringLiteral("the change (%1 %2) was made, but its audit record could not be written: %3")
                .arg(action, target, id.error().message()),
            id.error().details());
    }
    return id;
}

model::AuditEvent AuditLog::event(const RequestContext& context, const QString& action, const QString& ns,
    const QString& target, const QJsonObject& details) const
{
    model::AuditEvent event;
    event.at = m_clock.now();
    event.actor = context.actor;
    event.action = action;
    event.ns = ns;
    event.target = target;
    event.requestId = context.requestId;
    event.details = details;
    return event;
}

void AuditLog::announce(const model::AuditEvent& event)
{
    if (m_events) {
        m_events->publish(model::ServiceEvent::Type::Audit, event.ns, model::json::fromAuditEvent(event));
    }
}

Result<QList<model::AuditEvent>> AuditLog::list(const store::AuditQuery& query)
{
    if (auto valid = model::validateListLimit(query.limit, model::Limits {}); !valid) {
        return valid.error();
    }
    return m_store.listAudit(query);
}

Result<AuditPage> AuditLog::page(const store::AuditQuery& query)
{
    auto events = list(query);
    if (!events) {
        return events.error();
    }
    // A full page may have more behind it; a short one is the end.
    const qint64 next = events->size() == query.limit && !events->isEmpty() ? events->constLast().id : 0;
    return AuditPage { std::move(*events), next };
}

} // namespace kv::service
