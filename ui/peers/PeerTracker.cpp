#include "ui/peers/PeerTracker.h"

#include "ui/Async.h"
#include "ui/peers/PeerModel.h"

#include <utility>

namespace kv::ui {

namespace {
/// Events kept during one load at most. A relay with thousands of peers coming and going can
/// produce more while a slow listing is retried; past this the listing is asked for again
/// rather than memory spent on events it will mostly contain.
constexpr qsizetype kMaxPendingEvents = 10'000;

bool isPeerEvent(const model::ServiceEvent& event)
{
    using Type = model::ServiceEvent::Type;
    return event.type == Type::PeerJoined || event.type == Type::PeerLeft || event.type == Type::PeerState;
}
} // namespace

PeerTracker::PeerTracker(client::Client& client, PeerModel& model, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    connect(&m_client, &client::Client::eventReceived, this, &PeerTracker::onEvent);
    connect(&m_client, &client::Client::eventsMissed, this, &PeerTracker::reload);
    connect(&m_client, &client::Client::feedStateChanged, this, [this](client::FeedState state) {
        if (state == client::FeedState::Live && m_askedBeforeFeed) {
            reload();
        }
    });
}

void PeerTracker::reload()
{
    const quint64 generation = ++m_generation;
    // Events that arrived before this listing was asked for are in it: only those that arrive
    // from now on are kept.
    m_pending.clear();
    m_overflowed = false;
    m_loading = true;
    m_askedBeforeFeed = m_client.feedState() != client::FeedState::Live;
    whenDone(m_client.listPeers(), this, [this, generation](const Result<QList<model::Peer>>& peers) {
        if (generation != m_generation) {
            return;
        }
        if (m_overflowed && peers) {
            reload();
            return;
        }
        m_loading = false;
        if (!peers) {
            // The table stays as it was, kept current by what the feed said meanwhile.
            applyPending();
            Q_EMIT failed(peers.error());
            return;
        }
        m_model.setPeers(*peers);
        applyPending();
        m_loaded = true;
        Q_EMIT loaded();
    });
}

void PeerTracker::onEvent(const model::ServiceEvent& event)
{
    if (!isPeerEvent(event)) {
        return;
    }
    if (!m_loading) {
        m_model.apply(event);
        return;
    }
    if (m_pending.size() >= kMaxPendingEvents) {
        m_pending.clear();
        m_overflowed = true;
    }
    if (!m_overflowed) {
        m_pending.append(event);
    }
}

void PeerTracker::applyPending()
{
    const QList<model::ServiceEvent> pending = std::exchange(m_pending, {});
    for (const model::ServiceEvent& event : pending) {
        m_model.apply(event);
    }
}

} // namespace kv::ui
