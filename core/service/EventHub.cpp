#include "service/EventHub.h"

#include <QUuid>

namespace kv::service {

EventHub::EventHub(const model::Clock& clock, int historySize)
    : m_clock(clock)
    , m_historySize(historySize)
    , m_streamId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

qint64 EventHub::lastSequence() const
{
    const std::lock_guard lock(m_mutex);
    return m_sequence;
}

qint64 EventHub::publish(model::ServiceEvent::Type type, const QString& ns, const QJsonObject& data)
{
    const std::lock_guard lock(m_mutex);
    const model::ServiceEvent event { ++m_sequence, type, m_clock.now(), ns, data };
    m_history.push_back(event);
    if (static_cast<int>(m_history.size()) > m_historySize) {
        m_history.pop_front();
    }
    for (const Listener& listener : std::as_const(m_listeners)) {
        listener(event);
    }
    return event.sequence;
}

EventHub::Subscription EventHub::subscribe(Listener listener, qint64 after)
{
    const std::lock_guard lock(m_mutex);
    Subscription subscription { m_nextListener++, true, m_sequence };
    if (after >= 0) {
        // A sequence from the future was handed out by another stream (a restarted process).
        const qint64 oldestKept = m_history.empty() ? m_sequence + 1 : m_history.front().sequence;
        subscription.complete = after <= m_sequence && after + 1 >= oldestKept;
        for (const model::ServiceEvent& event : m_history) {
            if (event.sequence > after) {
                listener(event);
            }
        }
    }
    m_listeners.insert(subscription.id, std::move(listener));
    return subscription;
}

void EventHub::unsubscribe(int id)
{
    const std::lock_guard lock(m_mutex);
    m_listeners.remove(id);
}

} // namespace kv::service
