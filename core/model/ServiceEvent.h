#pragma once
// A ServiceEvent is one item of the live feed an operator watches: a signaling peer joined, left
// or changed its ICE state, usage was counted, an audit event was written, a quota passed 80% or
// 100%. Each carries a sequence number, increasing by one per event within one stream (one kvd
// process, or one embedded store opened), so a client can tell what it missed.

#include "model/Clock.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace kv::model {

struct ServiceEvent
{
    enum class Type {
        PeerJoined, ///< data: the peer (json::fromPeer)
        PeerLeft, ///< data: the peer as it was when it left
        PeerState, ///< data: the peer with its new ICE state and counters
        UsageTick, ///< data: {"start", "reads", "writes", "lists", "deletes", "storageBytes"} counted since the last
                   ///< tick
        Audit, ///< data: the audit event (json::fromAuditEvent)
        QuotaWarning, ///< data: {"plan", "quota", "percent", "used", "limit"}
    };

    qint64 sequence = 0;
    Type type = Type::Audit;
    Timestamp at = 0;
    /// The namespace the event concerns; empty for peers and service-wide events.
    QString ns;
    QJsonObject data;

    friend bool operator==(const ServiceEvent&, const ServiceEvent&) = default;
};

/// "peer.joined", "peer.left", "peer.state", "usage.tick", "audit", "quota.warning".
QString eventTypeName(ServiceEvent::Type type);
std::optional<ServiceEvent::Type> eventTypeFromName(QStringView name);

} // namespace kv::model
