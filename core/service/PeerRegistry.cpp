#include "service/PeerRegistry.h"

#include <algorithm>

namespace kv::service {

namespace {

QString slot(const QString& room, const QString& id)
{
    return room + QLatin1Char('\n') + id;
}

} // namespace

bool PeerRegistry::add(const model::Peer& peer)
{
    const std::lock_guard lock(m_mutex);
    const QString key = slot(peer.room, peer.id);
    if (m_peers.contains(key)) {
        return false;
    }
    m_peers.insert(key, peer);
    return true;
}

bool PeerRegistry::remove(const QString& room, const QString& id)
{
    const std::lock_guard lock(m_mutex);
    return m_peers.remove(slot(room, id)) > 0;
}

bool PeerRegistry::update(const QString& room, const QString& id, const std::function<void(model::Peer&)>& change)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_peers.find(slot(room, id));
    if (it == m_peers.end()) {
        return false;
    }
    change(*it);
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
