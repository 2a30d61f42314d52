#include "server/SignalRoutes.h"

#include "service/SignalRelay.h"

namespace kv::server {

namespace {

/// One /v1/signal connection: a SignalLink for the relay, fed by the WebSocket it runs on.
class SignalConnection final : public WebSocketHandler,
                               public service::SignalLink,
                               public std::enable_shared_from_this<SignalConnection>
{
public:
    explicit SignalConnection(service::SignalRelay& relay)
        : m_relay(relay)
    { }

    void opened(const std::shared_ptr<WebSocketChannel>& channel) override
    {
        m_channel = channel;
        m_id = m_relay.open(shared_from_this(), channel->remoteAddress());
        // The connection owns this handler until closed(), and a timer never outlives it.
        channel->schedule(m_relay.options().authTimeout, [this] { m_relay.authDeadlinePassed(m_id); });
    }

    void received(const QByteArray& message, bool text) override
    {
        if (text) {
            m_relay.receive(m_id, message);
        } else {
            m_relay.receiveBinary(m_id, message.size());
        }
    }

    void closed() override { m_relay.closed(m_id); }

    void send(const QByteArray& message) override
    {
        if (const auto channel = m_channel.lock()) {
            channel->send(message);
        }
    }

    void close(int code, const QString& reason) override
    {
        if (const auto channel = m_channel.lock()) {
            channel->close(code, reason);
        }
    }

private:
    service::SignalRelay& m_relay;
    std::weak_ptr<WebSocketChannel> m_channel;
    service::SignalRelay::ConnectionId m_id = 0;
};

} // namespace

void addSignalRoute(Router& router, service::SignalRelay& relay, WebSocketOptions options)
{
    options.maxMessageBytes = 4 * relay.options().limits.maxMessageBytes;
    router.add("GET", QStringLiteral("/v1/signal"), [&relay, options](HttpRequest& request) {
        if (!request.webSocketUpgrade) {
            return HttpResponse::upgradeRequired(request.requestId);
        }
        return HttpResponse::webSocket(std::make_shared<SignalConnection>(relay), options);
    });
}

} // namespace kv::server
