#pragma once
// A WebRTC peer connected to kvd's signaling relay, as the dashboard shows it.

#include "model/Clock.h"

#include <QString>

namespace kv::model {

struct Peer
{
    QString id;
    QString room;
    QString apiKeyId;
    QString remoteAddress;
    Timestamp connectedSince = 0;
    /// The ICE connection state the peer last reported ("new", "checking", "connected", ...).
    QString iceState;
    qint64 messagesIn = 0;
    qint64 messagesOut = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;

    friend bool operator==(const Peer&, const Peer&) = default;
};

} // namespace kv::model
