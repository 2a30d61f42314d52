#pragma once
// PeerTracker keeps a PeerModel in step with a backend's relay: a listing (listPeers) as the
// starting point, then the live peer events. A listing and the event feed are two channels, so
// an event can reach the console while a listing is on its way and describe something the
// listing already holds, or something it does not yet: events that arrive during a load are kept
// and applied once the listing is in, and the model reconciles by peer, so a peer is neither lost
// nor shown twice. A listing asked for before the feed was live may miss what happened until the
// feed began; it is asked for again once the feed is live. A feed that reports missed events
// means a new listing too.

#include "client/Client.h"

#include <QList>
#include <QObject>

namespace kv::ui {

class PeerModel;

class PeerTracker final : public QObject
{
    Q_OBJECT
public:
    PeerTracker(client::Client& client, PeerModel& model, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PeerTracker)

    /// Asks for a new listing; one still on its way is dropped when it arrives.
    void reload();
    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// A listing has arrived since the tracker was made.
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }

Q_SIGNALS:
    /// A listing arrived and the events of its way were applied.
    void loaded();
    void failed(const kv::Error& error);

private:
    void onEvent(const model::ServiceEvent& event);
    /// Applies the events kept during a load, in the order they came.
    void applyPending();

    client::Client& m_client;
    PeerModel& m_model;
    /// Peer events that arrived while a listing was on its way.
    QList<model::ServiceEvent> m_pending;
    bool m_loading = false;
    bool m_loaded = false;
    /// More events came during a load than are worth keeping: its listing is stale on arrival.
    bool m_overflowed = false;
    /// The last listing was asked for while the feed was not live.
    bool m_askedBeforeFeed = false;
    /// Bumped by every reload(); a listing of an older generation is dropped.
    quint64 m_generation = 0;
};

} // namespace kv::ui
