#pragma once
// PeerRegistry holds the WebRTC peers connected to kvd's signaling relay right now, as
// GET /v1/peers and the dashboard show them (DESIGN.md, "Signaling relay"): a peer is added when
// it joins a room and removed the moment it disconnects. It lives in memory because it describes
// this process's connections; the signaling relay fills it and updates the counters and ICE state.
//
// Thread-safe.

#include "model/Peer.h"
#include "service/EventHub.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>

namespace kv::service {

class PeerRegistry final
{
public:
    /// With a hub, every join, leave and ICE state change is published to it.
    explicit PeerRegistry(EventHub* events = nullptr);
    Q_DISABLE_COPY_MOVE(PeerRegistry)

    /// False when the room already holds a peer with that id.
    bool add(const model::Peer& peer);
    /// False when there was no such peer.
    bool remove(const QString& room, const QString& id);
    /// Changes one peer in place (ICE state, counters); false when it is gone. Only a change of
    /// ICE state is published: counters move with every message.
    bool update(const QString& room, const QString& id, const std::function<void(model::Peer&)>& change);
    /// Every peer, or those of one room, oldest connection first.
    [[nodiscard]] QList<model::Peer> list(const QString& room = {}) const;
    [[nodiscard]] int count() const;

private:
    EventHub* m_events;
    mutable std::mutex m_mutex;
    /// "room\nid" -> peer
    QHash<QString, model::Peer> m_peers;
};

} // namespace kv::service
