#pragma once
// EventHub is the live feed of one running service (a kvd process, or an embedded store opened
// by kvdesk): peers, usage ticks, audit events and quota warnings, each numbered in order. It
// keeps the most recent events so that a subscriber that lost its connection can resume after
// the last sequence it saw, and says when that is no longer possible (a gap).
//
// Listeners are called in sequence order on the publishing thread, under the hub's lock: they
// must be quick (queue the event, wake a thread) and must not publish or unsubscribe from inside.
//
// Thread-safe.

#include "model/Clock.h"
#include "model/ServiceEvent.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <deque>
#include <functional>
#include <mutex>

namespace kv::service {

class EventHub final
{
public:
    using Listener = std::function<void(const model::ServiceEvent&)>;

    struct Subscription
    {
        int id = 0;
        /// False when events after the requested sequence were already dropped from the history,
        /// or the sequence belongs to another stream: the subscriber should reload what it shows.
        bool complete = true;
        /// The last sequence published when the subscription was made: events up to it were
        /// replayed (or missed), events after it reach the listener live.
        qint64 lastSequence = 0;
    };

    explicit EventHub(const model::Clock& clock, int historySize = 4096);
    Q_DISABLE_COPY_MOVE(EventHub)

    /// Random per hub: a sequence number means something only within its stream.
    [[nodiscard]] const QString& streamId() const { return m_streamId; }
    [[nodiscard]] qint64 lastSequence() const;

    /// Numbers, stamps, keeps and hands the event to every listener; returns its sequence.
    qint64 publish(model::ServiceEvent::Type type, const QString& ns, const QJsonObject& data);

    /// Registers a listener. With `after` >= 0, first replays the kept events whose sequence is
    /// greater, atomically with the registration, so nothing is missed or seen twice.
    Subscription subscribe(Listener listener, qint64 after = -1);
    void unsubscribe(int id);

private:
    const model::Clock& m_clock;
    const int m_historySize;
    const QString m_streamId;
    mutable std::mutex m_mutex;
    qint64 m_sequence = 0;
    std::deque<model::ServiceEvent> m_history;
    int m_nextListener = 1;
    QHash<int, Listener> m_listeners;
};

} // namespace kv::service
