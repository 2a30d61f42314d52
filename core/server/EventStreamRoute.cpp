#include "server/EventStreamRoute.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/EventHub.h"

#include <QJsonDocument>

#include <deque>
#include <mutex>

namespace kv::server {

namespace {

/// One /v1/admin/events connection. The hub calls its listener on the publishing thread under
/// the hub's lock, so the listener only queues the event; the connection's strand writes it.
class EventStream final : public WebSocketHandler, public std::enable_shared_from_this<EventStream>
{
public:
    EventStream(service::EventHub& hub, qint64 after, bool resuming, int backlog)
        : m_hub(hub)
        , m_after(after)
        , m_resuming(resuming)
        , m_backlog(backlog)
    { }

    void opened(const std::shared_ptr<WebSocketChannel>& channel) override
    {
        m_channel = channel;
        std::weak_ptr<EventStream> weak = shared_from_this();
        // Events replayed or published while the hello is being made wait behind it.
        {
            const std::lock_guard lock(m_mutex);
            m_holding = true;
        }
        const service::EventHub::Subscription subscription = m_hub.subscribe(
            [weak](const model::ServiceEvent& event) {
                if (const auto self = weak.lock()) {
                    self->enqueue(event);
                }
            },
            m_after);
        m_subscription = subscription.id;
        channel->send(QJsonDocument(
            QJsonObject { { QStringLiteral("type"), QStringLiteral("hello") },
                { QStringLiteral("stream"), m_hub.streamId() }, { QStringLiteral("seq"), subscription.lastSequence },
                { QStringLiteral("resumed"), m_resuming && subscription.complete } })
                          .toJson(QJsonDocument::Compact));
        const std::lock_guard lock(m_mutex);
        m_holding = false;
        if (!m_pending.empty()) {
            scheduleDrain();
        }
    }

    void received(const QByteArray& /*message*/, bool /*text*/) override
    {
        // The stream only talks; what a client sends is not read.
    }

    void closed() override
    {
        if (m_subscription != 0) {
            m_hub.unsubscribe(m_subscription);
        }
    }

private:
    /// Under the hub's lock, on any thread.
    void enqueue(const model::ServiceEvent& event)
    {
        const std::lock_guard lock(m_mutex);
        if (m_overflowed) {
            return;
        }
        if (static_cast<int>(m_pending.size()) >= m_backlog) {
            m_overflowed = true;
            m_pending.clear();
            if (const auto channel = m_channel.lock()) {
                channel->close(
                    1008, QStringLiteral("slow_consumer: more than %1 events waited to be sent").arg(m_backlog));
            }
            return;
        }
        m_pending.push_back(event);
        if (!m_holding) {
            scheduleDrain();
        }
    }

    /// Under m_mutex.
    void scheduleDrain()
    {
        if (m_drainScheduled) {
            return;
        }
        if (const auto channel = m_channel.lock()) {
            m_drainScheduled = true;
            channel->post([self = shared_from_this()] { self->drain(); });
        }
    }

    /// On the strand: serialises and sends what is queued, in order.
    void drain()
    {
        std::deque<model::ServiceEvent> batch;
        {
            const std::lock_guard lock(m_mutex);
            batch.swap(m_pending);
            m_drainScheduled = false;
        }
        const auto channel = m_channel.lock();
        if (!channel) {
            return;
        }
        for (const model::ServiceEvent& event : batch) {
            if (!channel->send(QJsonDocument(model::json::fromServiceEvent(event)).toJson(QJsonDocument::Compact))) {
                return;
            }
        }
    }

    service::EventHub& m_hub;
    const qint64 m_after;
    const bool m_resuming;
    const int m_backlog;
    std::weak_ptr<WebSocketChannel> m_channel;
    int m_subscription = 0;

    std::mutex m_mutex;
    std::deque<model::ServiceEvent> m_pending;
    bool m_holding = false;
    bool m_drainScheduled = false;
    bool m_overflowed = false;
};

} // namespace

void addEventStreamRoute(SecuredRoutes& routes, service::EventHub& hub, EventStreamOptions options)
{
    routes.add("GET", QStringLiteral("/v1/admin/events"), model::Scope::Admin, [&hub, options](HttpRequest& request) {
        if (!request.webSocketUpgrade) {
            return HttpResponse::upgradeRequired(request.requestId);
        }
        auto after = integerParameter(request, QStringLiteral("after"), ErrorCode::InvalidCursor);
        if (!after) {
            return fail(after.error(), request);
        }
        if (*after && **after < 0) {
            return fail(Error(ErrorCode::InvalidCursor,
                            QStringLiteral("the parameter after must be a sequence number, 0 or more")),
                request);
        }
        // A sequence means something only in its own stream (one kvd process): from another
        // stream, or without one, the client starts afresh and nothing is replayed.
        const bool resuming = *after && request.queryValue(QStringLiteral("stream")) == hub.streamId();
        const qint64 from = resuming ? **after : -1;
        return HttpResponse::webSocket(
            std::make_shared<EventStream>(hub, from, resuming, options.backlog), options.webSocket);
    });
}

} // namespace kv::server
