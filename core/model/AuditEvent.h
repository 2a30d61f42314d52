#pragma once
// One entry of the audit trail: who did what to which namespace or object, when, and under
// which request id, so an operator can follow a change back to its request log.

#include "model/Clock.h"

#include <QJsonObject>
#include <QString>

namespace kv::model {

struct AuditEvent
{
    /// Increasing sequence number; audit pages use it as their cursor.
    qint64 id = 0;
    Timestamp at = 0;
    /// An API key id, "local" for the embedded operator, or "billing" for the webhook.
    QString actor;
    /// Dotted verb, e.g. "namespace.create", "apikey.revoke", "plan.change".
    QString action;
    QString ns;
    QString target;
    QString requestId;
    QJsonObject details;

    friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

} // namespace kv::model
