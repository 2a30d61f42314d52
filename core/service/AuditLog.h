#pragma once
// AuditLog records who changed what: every namespace, plan and API-key change made through the
// services, with the actor (an API key id, or "local" for the operator of an embedded store)
// and the request id that ties it to kvd's request log.

#include "model/AuditEvent.h"
#include "model/Clock.h"
#include "model/Result.h"
#include "service/EventHub.h"
#include "store/Store.h"

namespace kv::service {

/// Who is acting, for the audit trail.
struct RequestContext
{
    QString actor = QStringLiteral("local");
    QString requestId;
};

/// One page of the trail, newest first; nextBeforeId continues it (0: this was the last page).
struct AuditPage
{
    QList<model::AuditEvent> events;
    qint64 nextBeforeId = 0;
};

class AuditLog final
{
public:
    /// With a hub, every event written is also published to the live feed.
    AuditLog(store::Store& store, const model::Clock& clock, EventHub* events = nullptr);
    Q_DISABLE_COPY_MOVE(AuditLog)

    /// Appends an event. It is written after the change it describes: a failure here means the
    /// change stands but its record is missing, and the caller reports that.
    Result<qint64> record(const RequestContext& context, const QString& action, const QString& ns,
        const QString& target, const QJsonObject& details = {});
    /// The event `record` would append, stamped now, for a store that writes it together with
    /// the change it describes.
    model::AuditEvent event(const RequestContext& context, const QString& action, const QString& ns,
        const QString& target, const QJsonObject& details = {}) const;
    /// Publishes an event the store wrote together with its change (see event()), with the id
    /// the store gave it.
    void announce(const model::AuditEvent& event);
    /// Newest first; limit 1..1000.
    Result<QList<model::AuditEvent>> list(const store::AuditQuery& query);
    Result<AuditPage> page(const store::AuditQuery& query);

private:
    store::Store& m_store;
    const model::Clock& m_clock;
    EventHub* m_events;
};

} // namespace kv::service
