#include "ui/audit/AuditFilter.h"

namespace kv::ui {

client::AuditQuery AuditFilter::query(qint64 beforeId, int limit) const
{
    client::AuditQuery query;
    query.from = from;
    query.to = to;
    query.actor = actor;
    query.action = action;
    query.ns = ns;
    query.beforeId = beforeId;
    query.limit = limit;
    return query;
}

bool AuditFilter::matches(const model::AuditEvent& event) const
{
    return (!from || event.at >= *from) && (!to || event.at < *to) && (actor.isEmpty() || event.actor == actor)
        && (action.isEmpty() || event.action == action) && (ns.isEmpty() || event.ns == ns);
}

QStringList knownAuditActions()
{
    // KvService (namespaces, plans, key batches), ApiKeyService, BillingService.
    return {
        QStringLiteral("namespace.create"),
        QStringLiteral("namespace.delete"),
        QStringLiteral("plan.change"),
        QStringLiteral("key.put"),
        QStringLiteral("key.delete"),
        QStringLiteral("apikey.create"),
        QStringLiteral("apikey.rotate"),
        QStringLiteral("apikey.revoke"),
        QStringLiteral("billing.subscription"),
    };
}

} // namespace kv::ui
