#include "service/PeerRegistry.h"

#include "model/Json.h"

#include <algorithm>

namespace kv::service {

namespace {

QString slot(const QString& room, const QString& id)
{
    return room + QLatin1Char('\n') + id;
}

} // namespace

PeerRegistry::PeerRegistry(EventHub* events)
    : m_events(events)
{ }

bool PeerRegistry::add(const model::Peer& peer)
{
    const std::lock_guard lock(m_mutex);
    const QString key = slot(peer.room, peer.id);
    if (m_peers.contains(key)) {
        return false;
    }
    m_peers.insert(key, peer);
    // Published under the lock, so that a peer's joined always comes before its left.
    if (m_events) {
        m_events->publish(model::ServiceEvent::Type::PeerJoined, {}, model::json::fromPeer(peer));
    }
    return true;
}

bool PeerRegistry::remove(const QString& room, const QString& id)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_peers.find(slot(room, id));
    if (it == m_peers.end()) {
        return false;
    }
    if (m_events) {
        m_events->publish(model::ServiceEvent::Type::PeerLeft, {}, model::json::fromPeer(*it));
    }
    m_peers.erase(it);
    return true;
}

bool PeerRegistry::update(const QString& room, const QString& id, const std::function<void(model::Peer&)>& change)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_peers.find(slot(room, id));
    if (it == m_peers.end()) {
        return false;
    }
    const QString iceState = it->iceState;
    change(*it);
    if (m_events && it->iceState != iceState) {
        m_events->publish(model::ServiceEvent::Type::PeerState, {}, model::json::fromPeer(*it));
    }
    return true;
}

QList<model::Peer> PeerRegistry::list(const QString& room) const
{
    QList<model::Peer> peers;
    {
        const std::lock_guard lock(m_mutex);
        for (const model::Peer& peer : m_peers) {
            if (room.isEmpty() || peer.room == room) {
                peers.append(peer);
            }
        }
    }
    std::sort(peers.begin(), peers.end(), [](const model::Peer& a, const model::Peer& b) {
        return std::tie(a.connectedSince, a.room, a.id) < std::tie(b.connectedSince, b.room, b.id);
    });
    return peers;
}

int PeerRegistry::count() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_peers.size());
}

} // namespace kv::service
