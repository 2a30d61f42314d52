#pragma once
// How a route of kvd speaks WebSocket without seeing Beast: its handler answers the upgrade
// request (after auth, like any route) with HttpResponse::webSocket(handler), and HttpServer then
// runs the connection: the handshake, a read loop that hands each message to the handler, a
// bounded send queue, pings, and the close. Routes keep their rules; the transport is here.

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace kv::server {

/// What a WebSocket endpoint may do with its connection. Thread-safe: any thread may send.
class WebSocketChannel
{
public:
    virtual ~WebSocketChannel() = default;
    /// Queues a text message. A client that lets more than the send backlog pile up is a slow
    /// consumer: the queue is dropped and the connection closed with 1008 ("slow_consumer").
    /// False when the message was not queued (closing, or that overflow).
    virtual bool send(QByteArray message) = 0;
    /// Closes after the messages already queued, with a close code and reason (cut to 123 bytes).
    virtual void close(int code, const QString& reason) = 0;
    /// Runs `task` on the connection's own strand, in order with its messages and timers.
    virtual void post(std::function<void()> task) = 0;
    /// Runs `task` on the connection's strand after `delay`, unless the connection ends first.
    virtual void schedule(std::chrono::milliseconds delay, std::function<void()> task) = 0;
    /// "address:port" of the client.
    [[nodiscard]] virtual QString remoteAddress() const = 0;
};

/// One connection's endpoint logic. Its calls come one at a time, on the connection's strand.
class WebSocketHandler
{
public:
    virtual ~WebSocketHandler() = default;
    /// The handshake is done. Keep the channel as a weak_ptr: the connection owns the handler.
    virtual void opened(const std::shared_ptr<WebSocketChannel>& channel) = 0;
    virtual void received(const QByteArray& message, bool text) = 0;
    /// The connection is gone, whichever side ended it; nothing is called after this.
    virtual void closed() = 0;
};

/// The transport limits of WebSocket connections, the same for every endpoint.
struct WebSocketOptions
{
    /// A ping goes out after this long without a frame from the client, and the connection is
    /// dropped when as long again passes without any (a pong counts).
    std::chrono::milliseconds pingInterval { 15'000 };
    /// A message longer than this fails the connection (close 1009) before it is read whole.
    qsizetype maxMessageBytes = 256 * 1024;
    /// Bytes queued for one client before it counts as a slow consumer.
    qsizetype sendBacklogBytes = 4 * 1024 * 1024;
};

/// What an upgrade route answers with (HttpResponse::webSocket): the handler, and the limits.
struct WebSocketUpgrade
{
    std::shared_ptr<WebSocketHandler> handler;
    WebSocketOptions options;
};

} // namespace kv::server
