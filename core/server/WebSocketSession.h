#pragma once
// One WebSocket connection of HttpServer, over plain TCP or TLS (the stream an HTTP session had
// when its request asked for the upgrade). It runs the handshake, reads messages one at a time
// into the endpoint's WebSocketHandler, writes a bounded queue in order, pings through Beast's
// keep-alive timer (a client silent for a ping interval after a ping is dropped), and closes.
// Internal to core/server: HttpServer.cpp includes it.

#include "server/ServerSession.h"
#include "server/WebSocket.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <QList>

#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace kv::server::detail {

template <class Stream> class WebSocketSession final : public ServerSession, public WebSocketChannel
{
public:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    /// Called once when the connection has ended, to drop it from the server's set.
    using Forget = std::function<void(const std::shared_ptr<ServerSession>&)>;

    WebSocketSession(Stream&& stream, WebSocketUpgrade upgrade, QString remoteAddress,
        QList<std::pair<QByteArray, QByteArray>> headers, Forget forget)
        : m_ws(std::move(stream))
        , m_handler(std::move(upgrade.handler))
        , m_options(upgrade.options)
        , m_remote(std::move(remoteAddress))
        , m_headers(std::move(headers))
        , m_forget(std::move(forget))
    { }

    /// Answers the upgrade request (101) and starts reading.
    void accept(Request request)
    {
        namespace websocket = boost::beast::websocket;
        m_request = std::move(request);
        // The HTTP session's timeouts end here; the WebSocket's own timer takes over.
        boost::beast::get_lowest_layer(m_ws).expires_never();
        websocket::stream_base::timeout timeouts {};
        timeouts.handshake_timeout = std::chrono::seconds(10);
        timeouts.idle_timeout = 2 * m_options.pingInterval;
        timeouts.keep_alive_pings = true;
        m_ws.set_option(timeouts);
        m_ws.set_option(websocket::stream_base::decorator([headers = m_headers](websocket::response_type& response) {
            for (const auto& [name, value] : headers) {
                response.set(boost::beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                    boost::beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
            }
        }));
        m_ws.read_message_max(static_cast<std::uint64_t>(m_options.maxMessageBytes));
        m_ws.async_accept(m_request, [self = shared()](boost::beast::error_code ec) { self->onAccepted(ec); });
    }

    void closeIfIdle() override { close(1001, QStringLiteral("going away: the server is stopping")); }

    bool send(QByteArray message) override
    {
        const std::lock_guard lock(m_mutex);
        if (m_closeRequested || m_ended) {
            return false;
        }
        if (m_queuedBytes + message.size() > m_options.sendBacklogBytes) {
            // Memory stays bounded: what the client did not read is dropped with it. A client whose
            // reading has stopped altogether cannot take the close frame either; it is dropped
            // by the ping timeout, as it cannot answer pings.
            m_queue.clear();
            m_queuedBytes = 0;
            m_closeRequested = std::pair(1008,
                QStringLiteral("slow_consumer: more than %1 bytes waited to be read").arg(m_options.sendBacklogBytes));
            wakeWriter();
            return false;
        }
        m_queuedBytes += message.size();
        m_queue.push_back(std::move(message));
        wakeWriter();
        return true;
    }

    void close(int code, const QString& reason) override
    {
        const std::lock_guard lock(m_mutex);
        if (m_closeRequested || m_ended) {
            return;
        }
        m_closeRequested = std::pair(code, reason);
        wakeWriter();
    }

    void post(std::function<void()> task) override
    {
        boost::asio::post(m_ws.get_executor(), [self = shared(), task = std::move(task)] {
            if (!self->m_finished) {
                task();
            }
        });
    }

    void schedule(std::chrono::milliseconds delay, std::function<void()> task) override
    {
        boost::asio::post(m_ws.get_executor(), [self = shared(), delay, task = std::move(task)]() mutable {
            if (self->m_finished) {
                return;
            }
            auto timer = std::make_shared<boost::asio::steady_timer>(self->m_ws.get_executor(), delay);
            self->m_timers.push_back(timer);
            timer->async_wait([self, timer, task = std::move(task)](boost::beast::error_code ec) {
                if (!ec && !self->m_finished) {
                    task();
                }
            });
        });
    }

    [[nodiscard]] QString remoteAddress() const override { return m_remote; }

private:
    std::shared_ptr<WebSocketSession> shared()
    {
        return std::static_pointer_cast<WebSocketSession>(ServerSession::shared_from_this());
    }

    /// Under m_mutex: makes sure one write pass is on its way to the strand.
    void wakeWriter()
    {
        if (!m_writerAwake) {
            m_writerAwake = true;
            boost::asio::post(m_ws.get_executor(), [self = shared()] { self->writeNext(); });
        }
    }

    void onAccepted(boost::beast::error_code ec)
    {
        if (ec) {
            finish();
            return;
        }
        m_open = true;
        m_handler->opened(shared());
        read();
        // Messages queued from opened() before the stream was open wait for this.
        writeNext();
    }

    void read()
    {
        m_ws.async_read(m_buffer, [self = shared()](boost::beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(boost::beast::error_code ec)
    {
        if (ec) {
            finish();
            return;
        }
        const auto data = m_buffer.cdata();
        const QByteArray message(static_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
        m_buffer.consume(m_buffer.size());
        if (!m_finished) {
            m_handler->received(message, m_ws.got_text());
        }
        if (!m_finished) {
            read();
        }
    }

    /// On the strand: writes the next queued message, or the close frame once the queue is
    /// empty; one write at a time, as Beast requires.
    void writeNext()
    {
        if (!m_open || m_writing || m_closing || m_finished) {
            const std::lock_guard lock(m_mutex);
            m_writerAwake = false;
            return;
        }
        std::optional<std::pair<int, QString>> closing;
        {
            const std::lock_guard lock(m_mutex);
            m_writerAwake = false;
            if (!m_queue.empty()) {
                m_current = std::move(m_queue.front());
                m_queue.pop_front();
                m_queuedBytes -= m_current.size();
            } else if (m_closeRequested) {
                closing = m_closeRequested;
            } else {
                return;
            }
        }
        if (closing) {
            m_closing = true;
            QByteArray reason = closing->second.toUtf8();
            while (reason.size() > 123) {
                reason.chop(1);
                // Not in the middle of a UTF-8 sequence.
                while (!reason.isEmpty() && (static_cast<unsigned char>(reason.back()) & 0xc0) == 0x80) {
                    reason.chop(1);
                }
                if (!reason.isEmpty() && (static_cast<unsigned char>(reason.back()) & 0x80) != 0) {
                    reason.chop(1);
                }
            }
            boost::beast::websocket::close_reason why;
            why.code = static_cast<std::uint16_t>(closing->first);
            why.reason.assign(reason.constData(), static_cast<std::size_t>(reason.size()));
            m_ws.async_close(why, [self = shared()](boost::beast::error_code) {
                // The read loop sees the close (or the failure) and finishes.
                self->dropSocket();
            });
            return;
        }
        m_writing = true;
        m_ws.text(true);
        m_ws.async_write(boost::asio::buffer(m_current.constData(), static_cast<std::size_t>(m_current.size())),
            [self = shared()](boost::beast::error_code ec, std::size_t) {
                self->m_writing = false;
                self->m_current.clear();
                if (ec) {
                    self->dropSocket();
                    return;
                }
                self->writeNext();
            });
    }

    void dropSocket()
    {
        boost::beast::error_code ignored;
        boost::beast::get_lowest_layer(m_ws).socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
        boost::beast::get_lowest_layer(m_ws).close();
    }

    void finish()
    {
        if (m_finished) {
            return;
        }
        m_finished = true;
        {
            const std::lock_guard lock(m_mutex);
            m_ended = true;
            m_queue.clear();
            m_queuedBytes = 0;
        }
        for (const auto& timer : m_timers) {
            timer->cancel();
        }
        m_timers.clear();
        if (m_open) {
            m_handler->closed();
        }
        // The handler may hold this channel only weakly; dropping it here breaks any cycle.
        m_handler.reset();
        dropSocket();
        m_forget(ServerSession::shared_from_this());
    }

    boost::beast::websocket::stream<Stream> m_ws;
    std::shared_ptr<WebSocketHandler> m_handler;
    WebSocketOptions m_options;
    QString m_remote;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    Forget m_forget;
    Request m_request;
    boost::beast::flat_buffer m_buffer;

    // Shared with senders on other threads.
    std::mutex m_mutex;
    std::deque<QByteArray> m_queue;
    qsizetype m_queuedBytes = 0;
    std::optional<std::pair<int, QString>> m_closeRequested;
    bool m_writerAwake = false;
    bool m_ended = false;

    // The strand's own.
    QByteArray m_current;
    std::vector<std::shared_ptr<boost::asio::steady_timer>> m_timers;
    bool m_open = false;
    bool m_writing = false;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace kv::server::detail
