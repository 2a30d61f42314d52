#pragma once
// HttpServer is kvd's transport: HTTP/1.1 on Boost.Beast and Asio, one port, a thread pool
// sized to the cores. It owns what a production listener must get right before a handler
// runs: a header-read timeout, keep-alive with an idle timeout, header and per-route body
// limits checked before the body is read (413), Expect: 100-continue, a connection limit,
// HEAD without a body, 404 and 405 with Allow, CORS preflights, X-Request-Id on every response,
// and a drain on stop that lets requests in flight finish. With Options::tls every connection is
// HTTPS (TLS 1.2 or later) and all of the above holds the same. Handlers see only
// HttpRequest/HttpResponse.

#include "model/Result.h"
#include "server/Cors.h"
#include "server/Router.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kv::server {

struct RequestLog
{
    QByteArray method;
    QString route; ///< the matched pattern, or "" when nothing matched
    int status = 0;
    std::chrono::microseconds duration { 0 };
    QString requestId;
    QString remoteAddress;
    qint64 requestBytes = 0;
    qint64 responseBytes = 0;
};

class HttpServer final
{
public:
    /// PEM files for HTTPS, read by start().
    struct Tls
    {
        /// The server certificate followed by its intermediates (leaf first).
        QString certificateChainFile;
        /// The unencrypted private key of the leaf certificate.
        QString privateKeyFile;
    };

    struct Options
    {
        QString address = QStringLiteral("127.0.0.1");
        /// 0 picks a free port; start() returns the one bound.
        quint16 port = 0;
        /// 0: one per core.
        int threads = 0;
        /// Set: every connection speaks TLS; the handshake runs under headerTimeout.
        std::optional<Tls> tls;
        std::chrono::milliseconds headerTimeout { 10'000 };
        std::chrono::milliseconds idleTimeout { 60'000 };
        std::chrono::milliseconds bodyTimeout { 120'000 };
        std::chrono::milliseconds drainTimeout { 10'000 };
        quint32 maxHeaderBytes = 16 * 1024;
        int maxConnections = 1024;
        CorsPolicy cors;
        /// Headers added to every response (security headers, ...).
        QList<std::pair<QByteArray, QByteArray>> commonHeaders;
        /// Called once per answered request, on a server thread (access log, metrics).
        std::function<void(const RequestLog&)> onRequest;
    };

    HttpServer(const Router& router, Options options);
    ~HttpServer();
    Q_DISABLE_COPY_MOVE(HttpServer)

    /// Binds and starts serving; returns the bound port. Fails when the address is in use or
    /// cannot be bound, or when a TLS file is missing, unreadable, not PEM, encrypted, or the key
    /// does not match the certificate, with a message that names the file and the fault.
    Result<quint16> start();
    /// Stops accepting, closes idle connections, lets requests in flight finish (up to
    /// drainTimeout), then stops the threads. Safe to call twice.
    void stop();

    [[nodiscard]] int openConnections() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kv::server
