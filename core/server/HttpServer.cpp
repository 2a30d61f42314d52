#include "server/HttpServer.h"

#include "server/RequestParsing.h"
#include "server/WebSocketSession.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <type_traits>

namespace kv::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
namespace ssl = net::ssl;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

QByteArray toQByteArray(beast::string_view view)
{
    return QByteArray(view.data(), static_cast<qsizetype>(view.size()));
}

QString freshRequestId()
{
    const quint64 random = QRandomGenerator::system()->generate64();
    return QStringLiteral("req_%1").arg(random, 16, 16, QLatin1Char('0'));
}

/// A client-sent request id is echoed when it is short and plain; otherwise a new one is made.
QString requestIdFor(const http::request_parser<http::string_body>& parser)
{
    const auto sent = parser.get()[QByteArrayLiteral("X-Request-Id").constData()];
    if (!sent.empty() && sent.size() <= 128) {
        const bool plain = std::all_of(sent.begin(), sent.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == ':';
        });
        if (plain) {
            return QString::fromLatin1(sent.data(), static_cast<qsizetype>(sent.size()));
        }
    }
    return freshRequestId();
}

/// OpenSSL's reason for the last failure on this thread (its queue is cleared).
QString openSslError()
{
    QString reason;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        reason = QString::fromLatin1(text); // the last one is the most specific
    }
    return reason.isEmpty() ? QStringLiteral("no detail from OpenSSL") : reason;
}

Error tlsFileError(const QString& file, const QString& fault)
{
    return Error(ErrorCode::BadRequest, QStringLiteral("TLS: %1: %2").arg(file, fault),
        QJsonObject { { QStringLiteral("file"), file } });
}

/// Reads a whole PEM file, with a message for a missing or unreadable one.
Result<QByteArray> readTlsFile(const QString& file, const QString& what)
{
    if (file.isEmpty()) {
        return Error(ErrorCode::BadRequest, QStringLiteral("TLS: no %1 file given").arg(what));
    }
    QFile input(file);
    if (!QFileInfo::exists(file)) {
        return tlsFileError(file, QStringLiteral("the %1 file does not exist").arg(what));
    }
    if (!input.open(QIODevice::ReadOnly)) {
        return tlsFileError(file, QStringLiteral("cannot read the %1 file: %2").arg(what, input.errorString()));
    }
    return input.readAll();
}

/// Never prompts on a terminal for a passphrase: an encrypted key simply fails to load.
int noPassphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*userdata*/)
{
    return 0;
}

/// A server context: TLS 1.2 and 1.3 only, forward-secret AEAD ciphers for 1.2 (Mozilla's
/// "intermediate" list), no compression or renegotiation; the certificate chain and key loaded
/// from PEM and checked against each other, so a bad file fails start() and not a handshake.
Result<std::unique_ptr<ssl::context>> makeTlsContext(const HttpServer::Tls& tls)
{
    auto chainPem = readTlsFile(tls.certificateChainFile, QStringLiteral("certificate"));
    if (!chainPem) {
        return chainPem.error();
    }
    auto keyPem = readTlsFile(tls.privateKeyFile, QStringLiteral("private key"));
    if (!keyPem) {
        return keyPem.error();
    }
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
        | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use
        | ssl::context::no_compression);
    SSL_CTX* native = context->native_handle();
    SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_cipher_list(native,
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
        "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384");
    SSL_CTX_set_default_passwd_cb(native, &noPassphrase);
    ERR_clear_error();

    beast::error_code ec;
    context->use_certificate_chain(net::buffer(chainPem->constData(), static_cast<std::size_t>(chainPem->size())), ec);
    if (ec) {
        return tlsFileError(tls.certificateChainFile,
            QStringLiteral("not a PEM certificate chain (%1)").arg(QString::fromStdString(ec.message())));
    }
    ERR_clear_error();
    // The key is parsed on its own first, so "not a key" and "not this certificate's key" get
    // different messages (SSL_CTX_use_PrivateKey reports both the same way).
    BIO* keyBio = BIO_new_mem_buf(keyPem->constData(), static_cast<int>(keyPem->size()));
    EVP_PKEY* key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, &noPassphrase, nullptr) : nullptr;
    BIO_free(keyBio);
    if (!key) {
        const QString reason = openSslError();
        const bool encrypted = keyPem->contains("ENCRYPTED");
        return tlsFileError(tls.privateKeyFile,
            encrypted ? QStringLiteral("the private key is encrypted; kvd needs it unencrypted (readable by kvd "
                                       "alone, mode 0600 or 0400)")
                      : QStringLiteral("not a PEM private key (%1)").arg(reason));
    }
    X509* certificate = SSL_CTX_get0_certificate(native);
    const bool matches = certificate && X509_check_private_key(certificate, key) == 1;
    ERR_clear_error();
    const bool used = matches && SSL_CTX_use_PrivateKey(native, key) == 1 && SSL_CTX_check_private_key(native) == 1;
    EVP_PKEY_free(key);
    if (!used) {
        const QString reason = openSslError();
        return tlsFileError(tls.privateKeyFile,
            matches
                ? QStringLiteral("cannot use the private key (%1)").arg(reason)
                : QStringLiteral("the private key does not match the certificate in %1").arg(tls.certificateChainFile));
    }
    return context;
}

} // namespace

struct HttpServer::Impl
{
    /// What the server needs of an HTTP connection whatever it runs over (plain TCP or TLS).
    class SessionBase : public detail::ServerSession
    {
    public:
        virtual void start(bool overLimit) = 0;
    };
    /// One connection; written once over the stream type, so TLS changes nothing but the bytes.
    template <class Stream> class Session;

    const Router& router;
    Options options;
    net::io_context ioc;
    tcp::acceptor acceptor { ioc };
    std::vector<std::thread> threads;
    std::atomic<int> connections { 0 };
    std::atomic<bool> stopping { false };
    bool started = false;
    /// Set when Options::tls is: every accepted connection does a TLS handshake first.
    std::unique_ptr<ssl::context> tls;

    std::mutex sessionsMutex;
    std::condition_variable sessionsChanged;
    /// HTTP sessions, and the WebSocket sessions they became.
    std::set<std::shared_ptr<detail::ServerSession>> sessions;

    Impl(const Router& r, Options o)
        : router(r)
        , options(std::move(o))
        , ioc(options.threads > 0 ? options.threads
                                  : std::max(1, static_cast<int>(std::thread::hardware_concurrency())))
    { }

    void accept();
    void forget(const std::shared_ptr<detail::ServerSession>& session);
    /// An HTTP session hands its connection to the WebSocket session it upgraded to.
    void replace(const std::shared_ptr<detail::ServerSession>& from, const std::shared_ptr<detail::ServerSession>& to);
};

template <class Stream> class HttpServer::Impl::Session final : public SessionBase
{
public:
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

    /// Takes what builds the stream: the socket, and for TLS the context.
    template <class... StreamArguments>
    explicit Session(Impl& server, StreamArguments&&... arguments)
        : m_server(server)
        , m_stream(std::forward<StreamArguments>(arguments)...)
    {
        beast::error_code ec;
        const auto endpoint = lowest().socket().remote_endpoint(ec);
        if (!ec) {
            m_remote = QString::fromStdString(endpoint.address().to_string());
        }
    }

    void start(bool overLimit) override
    {
        // On the connection's strand, like everything after: stop() may close it at once.
        net::dispatch(m_stream.get_executor(), [self = shared(), overLimit] {
            if constexpr (kTls) {
                self->detectTls(overLimit);
            } else {
                self->begin(overLimit);
            }
        });
    }

    /// Closes the connection when it waits for a request; a busy one closes after its answer.
    void closeIfIdle() override
    {
        net::post(m_stream.get_executor(), [self = shared()] {
            self->m_keepAlive = false;
            if (self->m_idle) {
                beast::error_code ec;
                self->lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
                self->lowest().close();
            }
        });
    }

private:
    std::shared_ptr<Session> shared() { return std::static_pointer_cast<Session>(shared_from_this()); }
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }

    /// The first bytes tell a TLS client from a plain HTTP one; the TLS handshake then counts as
    /// reading the first request's header (same timeout). A handshake that fails (an old
    /// protocol, no shared cipher, garbage) just closes the connection.
    void detectTls(bool overLimit)
    {
        lowest().expires_after(m_server.options.headerTimeout);
        beast::async_detect_ssl(lowest(), m_buffer, [self = shared(), overLimit](beast::error_code ec, bool isTls) {
            if (ec) {
                self->close();
                return;
            }
            if (!isTls) {
                self->refusePlainHttp();
                return;
            }
            // The bytes read to detect TLS are the start of the handshake. (The handler is variadic
            // because Boost 1.81 checks this overload's handler against void(error_code) although
            // it is called with (error_code, bytes used).)
            self->m_stream.async_handshake(ssl::stream_base::server, self->m_buffer.data(),
                [self, overLimit](beast::error_code handshakeError, auto... used) {
                    if (handshakeError) {
                        self->close();
                        return;
                    }
                    self->m_buffer.consume((std::size_t { 0 } + ... + used));
                    self->begin(overLimit);
                });
        });
    }

    /// Plain HTTP on the HTTPS port: one plain answer that says so, then the connection closes.
    void refusePlainHttp()
    {
        if constexpr (kTls) {
            m_requestId = freshRequestId();
            m_keepAlive = false;
            const HttpResponse response = HttpResponse::error(
                Error(ErrorCode::BadRequest, QStringLiteral("this port serves HTTPS; use an https:// URL")),
                m_requestId);
            auto message = std::make_shared<http::response<http::string_body>>();
            message->version(11);
            message->result(static_cast<unsigned>(response.status));
            for (const auto& [name, value] : m_server.options.commonHeaders) {
                message->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                    beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
            }
            for (const auto& [name, value] : response.headers.fields()) {
                message->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                    beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
            }
            message->set("X-Request-Id", m_requestId.toStdString());
            message->keep_alive(false);
            message->body().assign(response.body.constData(), static_cast<std::size_t>(response.body.size()));
            message->prepare_payload();
            m_responseBytes = response.body.size();
            log(response.status);
            lowest().expires_after(m_server.options.headerTimeout);
            http::async_write(
                lowest(), *message, [self = shared(), message](beast::error_code, std::size_t) { self->close(); });
        }
    }

    void begin(bool overLimit)
    {
        if (overLimit) {
            m_requestId = freshRequestId();
            // Refuse politely: the client learns to come back instead of seeing a reset.
            m_keepAlive = false;
            respond(HttpResponse::error(Error(ErrorCode::Unavailable,
                                            QStringLiteral("the server has too many open connections; retry soon")),
                        m_requestId),
                {});
            return;
        }
        readHeader();
    }

    void readHeader()
    {
        if (m_server.stopping) {
            close();
            return;
        }
        m_idle = true;
        m_parser.emplace();
        m_parser->header_limit(m_server.options.maxHeaderBytes);
        // The route's body limit is set once the header names the route; until then none applies.
        m_parser->body_limit(boost::none);
        lowest().expires_after(m_requests == 0 ? m_server.options.headerTimeout : m_server.options.idleTimeout);
        http::async_read_header(m_stream, m_buffer, *m_parser,
            [self = shared()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        m_idle = false;
        m_started = std::chrono::steady_clock::now();
        if (ec) {
            if (ec == http::error::header_limit) {
                m_requestId = freshRequestId(); // a request that did not parse brought none of its own
                m_keepAlive = false;
                respond(
                    HttpResponse::error(
                        Error(ErrorCode::PayloadTooLarge,
                            QStringLiteral("the request headers exceed %1 bytes").arg(m_server.options.maxHeaderBytes)),
                        m_requestId),
                    {}, 431);
                return;
            }
            // A parse error gets a 400; a closed, reset or timed-out connection just ends.
            const bool parseError = ec.category() == http::make_error_code(http::error::bad_target).category()
                && ec != http::error::end_of_stream && ec != http::error::partial_message;
            if (parseError) {
                m_keepAlive = false;
                m_requestId = freshRequestId();
                respond(HttpResponse::error(Error(ErrorCode::BadRequest,
                                                QStringLiteral("the request is not valid HTTP/1.1: %1")
                                                    .arg(QString::fromStdString(ec.message()))),
                            m_requestId),
                    {});
                return;
            }
            close();
            return;
        }
        ++m_requests;
        auto& header = m_parser->get();
        m_keepAlive = header.keep_alive() && !m_server.stopping;
        m_head = header.method() == http::verb::head;
        m_requestId = requestIdFor(*m_parser);

        const beast::string_view target = header.target();
        const auto queryStart = target.find('?');
        const beast::string_view path = target.substr(0, queryStart);
        const QByteArray method = toQByteArray(header.method_string());
        m_match = m_server.router.match(
            QByteArrayView(method), QByteArrayView(path.data(), static_cast<qsizetype>(path.size())));
        const bool hasBody = m_parser->content_length().value_or(0) > 0 || m_parser->chunked();
        m_origin = toQByteArray(header[http::field::origin]);
        if (header.method() == http::verb::options && !m_origin.isEmpty()
            && header.find(http::field::access_control_request_method) != header.end()) {
            answerPreflight();
            return;
        }

        if (m_match.kind != RouteMatch::Kind::Found) {
            // The body, if any, is not read: close after answering so it is not taken for a request.
            m_keepAlive = m_keepAlive && !hasBody;
            HttpResponse response;
            switch (m_match.kind) {
            case RouteMatch::Kind::MethodNotAllowed:
                response = HttpResponse::error(
                    Error(ErrorCode::MethodNotAllowed,
                        QStringLiteral("%1 is not allowed here; allowed: %2")
                            .arg(QString::fromLatin1(method), QString::fromLatin1(m_match.allow)),
                        QJsonObject { { QStringLiteral("allow"), QString::fromLatin1(m_match.allow) } }),
                    m_requestId);
                response.headers.set(QByteArrayLiteral("Allow"), m_match.allow);
                break;
            case RouteMatch::Kind::BadPath:
                response = HttpResponse::error(
                    Error(ErrorCode::BadRequest, QStringLiteral("the path holds a malformed percent-escape")),
                    m_requestId);
                break;
            default:
                response = HttpResponse::error(
                    Error(ErrorCode::NotFound,
                        QStringLiteral("there is no route %1 %2")
                            .arg(QString::fromLatin1(method),
                                QString::fromUtf8(path.data(), static_cast<qsizetype>(path.size())))),
                    m_requestId);
                break;
            }
            respond(std::move(response), {});
            return;
        }

        const qsizetype limit = m_match.route->options.maxBodyBytes;
        if (m_parser->content_length() && *m_parser->content_length() > static_cast<std::uint64_t>(limit)) {
            m_keepAlive = false;
            respond(HttpResponse::error(Error(ErrorCode::PayloadTooLarge,
                                            QStringLiteral("the request body of %1 bytes exceeds this route's limit "
                                                           "of %2 bytes")
                                                .arg(*m_parser->content_length())
                                                .arg(limit),
                                            QJsonObject { { QStringLiteral("limit"), limit } }),
                        m_requestId),
                {});
            return;
        }
        m_parser->body_limit(static_cast<std::uint64_t>(limit));
        if (hasBody && beast::iequals(header[http::field::expect], "100-continue")) {
            auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
            http::async_write(
                m_stream, *interim, [self = shared(), interim](beast::error_code writeError, std::size_t) {
                    if (writeError) {
                        self->close();
                        return;
                    }
                    self->readBody();
                });
            return;
        }
        readBody();
    }

    /// A browser asks whether it may send a cross-origin request: answer from the CORS policy
    /// and the methods the path allows, without running any handler.
    void answerPreflight()
    {
        m_keepAlive = m_keepAlive && !m_parser->chunked() && m_parser->content_length().value_or(0) == 0;
        if (!m_server.options.cors.allows(m_origin)) {
            respond(
                HttpResponse::error(
                    Error(ErrorCode::Forbidden,
                        QStringLiteral("the origin %1 may not call this server").arg(QString::fromLatin1(m_origin))),
                    m_requestId),
                {});
            return;
        }
        if (m_match.kind != RouteMatch::Kind::MethodNotAllowed) {
            respond(
                HttpResponse::error(Error(ErrorCode::NotFound, QStringLiteral("there is no such route")), m_requestId),
                {});
            return;
        }
        HttpResponse response = HttpResponse::noContent();
        response.headers = m_server.options.cors.preflight(m_origin, m_match.allow);
        respond(std::move(response), {});
    }

    void readBody()
    {
        lowest().expires_after(m_server.options.bodyTimeout);
        http::async_read(
            m_stream, m_buffer, *m_parser, [self = shared()](beast::error_code ec, std::size_t) { self->onBody(ec); });
    }

    void onBody(beast::error_code ec)
    {
        if (ec == http::error::body_limit) {
            m_keepAlive = false;
            respond(HttpResponse::error(Error(ErrorCode::PayloadTooLarge,
                                            QStringLiteral("the request body exceeds this route's limit of %1 bytes")
                                                .arg(m_match.route->options.maxBodyBytes)),
                        m_requestId),
                {});
            return;
        }
        if (ec) {
            close();
            return;
        }
        // The same conversion the fuzz target runs (fuzz/RequestFuzzer.cpp).
        auto parsed = toHttpRequest(m_parser->get());
        if (!parsed) {
            respond(HttpResponse::error(parsed.error(), m_requestId), {});
            return;
        }
        HttpRequest request = std::move(parsed.value());
        request.params = m_match.params;
        request.requestId = m_requestId;
        request.remoteAddress = m_remote;
        request.webSocketUpgrade = boost::beast::websocket::is_upgrade(m_parser->get());
        m_requestBytes = request.body.size();

        HttpResponse response;
        try {
            response = m_match.route->handler(request);
        } catch (const std::exception& e) {
            response = HttpResponse::error(
                Error(ErrorCode::Internal, QStringLiteral("the server failed: %1").arg(QString::fromUtf8(e.what()))),
                m_requestId);
        }
        if (response.upgrade) {
            if (m_server.stopping) {
                m_keepAlive = false;
                response = HttpResponse::error(
                    Error(ErrorCode::Unavailable, QStringLiteral("the server is stopping; connect again soon")),
                    m_requestId);
            } else if (request.webSocketUpgrade) {
                upgradeToWebSocket(std::move(response));
                return;
            } else {
                response = HttpResponse::upgradeRequired(m_requestId);
            }
        }
        QList<std::pair<QByteArray, QByteArray>> extra;
        if (m_match.route->options.noStore) {
            extra.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
        }
        respond(std::move(response), extra);
    }

    /// The route accepted a WebSocket: the connection leaves HTTP for good and goes on as a
    /// WebSocketSession over the same stream (plain or TLS), counted in place of this session.
    void upgradeToWebSocket(HttpResponse response)
    {
        m_closed = true; // the stream moves on; this session must not touch it again
        m_responseBytes = 0;
        log(101);
        QList<std::pair<QByteArray, QByteArray>> headers = m_server.options.commonHeaders;
        headers.append({ QByteArrayLiteral("X-Request-Id"), m_requestId.toLatin1() });
        QString remote = m_remote;
        beast::error_code ec;
        const auto endpoint = lowest().socket().remote_endpoint(ec);
        if (!ec) {
            remote = endpoint.address().is_v6() ? QStringLiteral("[%1]:%2").arg(m_remote).arg(endpoint.port())
                                                : QStringLiteral("%1:%2").arg(m_remote).arg(endpoint.port());
        }
        Impl& server = m_server;
        auto socket = std::make_shared<detail::WebSocketSession<Stream>>(std::move(m_stream), *response.upgrade, remote,
            std::move(headers),
            [&server](const std::shared_ptr<detail::ServerSession>& session) { server.forget(session); });
        m_server.replace(shared_from_this(), socket);
        socket->accept(m_parser->release());
    }

    void respond(HttpResponse response, const QList<std::pair<QByteArray, QByteArray>>& extra, int statusOverride = 0)
    {
        const int status = statusOverride ? statusOverride : response.status;
        auto write = [&](auto message) {
            message->version(11);
            message->result(static_cast<unsigned>(status));
            for (const auto& [name, value] : m_server.options.commonHeaders) {
                message->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                    beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
            }
            if (!m_origin.isEmpty() && m_server.options.cors.allows(m_origin)) {
                const HeaderList cors = m_server.options.cors.actual(m_origin);
                for (const auto& [name, value] : cors.fields()) {
                    message->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                        beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
                }
            }
            for (const auto& [name, value] : extra) {
                message->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                    beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
            }
            for (const auto& [name, value] : response.headers.fields()) {
                message->set(beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
                    beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
            }
            if (!m_requestId.isEmpty()) {
                message->set("X-Request-Id", m_requestId.toStdString());
            }
            message->keep_alive(m_keepAlive);
            m_responseBytes = response.body.size();
            log(status);
            lowest().expires_after(m_server.options.bodyTimeout);
            http::async_write(m_stream, *message,
                [self = shared(), message](beast::error_code ec, std::size_t) { self->onWritten(ec); });
        };
        const bool bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        if (m_head || bodyless) {
            auto message = std::make_shared<http::response<http::empty_body>>();
            if (!bodyless) {
                message->content_length(static_cast<std::uint64_t>(response.body.size()));
            }
            write(message);
        } else {
            auto message = std::make_shared<http::response<http::string_body>>();
            message->body().assign(response.body.constData(), static_cast<std::size_t>(response.body.size()));
            message->prepare_payload();
            write(message);
        }
    }

    void log(int status)
    {
        if (!m_server.options.onRequest) {
            return;
        }
        RequestLog entry;
        entry.method
            = m_parser && m_parser->is_header_done() ? toQByteArray(m_parser->get().method_string()) : QByteArray();
        entry.route = m_match.kind == RouteMatch::Kind::Found ? m_match.route->pattern : QString();
        entry.status = status;
        entry.duration
            = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_started);
        entry.requestId = m_requestId;
        entry.remoteAddress = m_remote;
        entry.requestBytes = m_requestBytes;
        entry.responseBytes = m_responseBytes;
        m_server.options.onRequest(entry);
    }

    void onWritten(beast::error_code ec)
    {
        if (ec || !m_keepAlive) {
            close();
            return;
        }
        m_match = {};
        m_origin.clear();
        m_requestBytes = 0;
        readHeader();
    }

    void close()
    {
        if (m_closed) {
            return;
        }
        m_closed = true;
        beast::error_code ec;
        // No TLS close_notify: every answer carries its length, so a cut cannot truncate one
        // unnoticed, and waiting for a peer's close_notify would let it hold the connection.
        lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
        lowest().close();
        m_server.forget(shared_from_this());
    }

    Impl& m_server;
    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    RouteMatch m_match;
    QString m_requestId;
    QString m_remote;
    QByteArray m_origin;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    qint64 m_requestBytes = 0;
    qint64 m_responseBytes = 0;
    int m_requests = 0;
    bool m_keepAlive = true;
    bool m_head = false;
    bool m_idle = true;
    bool m_closed = false;
};

void HttpServer::Impl::accept()
{
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == net::error::operation_aborted || stopping) {
                return;
            }
            accept(); // a failed accept (e.g. out of descriptors) must not stop the listener
            return;
        }
        // Responses and relayed signaling messages are written whole; Nagle's algorithm would only
        // hold a small one back until the peer's delayed ACK (tens of milliseconds).
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        const bool overLimit = connections.load() >= options.maxConnections;
        std::shared_ptr<SessionBase> session;
        if (tls) {
            session = std::make_shared<Session<TlsStream>>(*this, std::move(socket), *tls);
        } else {
            session = std::make_shared<Session<beast::tcp_stream>>(*this, std::move(socket));
        }
        {
            const std::lock_guard lock(sessionsMutex);
            sessions.insert(session);
            ++connections;
        }
        session->start(overLimit);
        accept();
    });
}

void HttpServer::Impl::replace(
    const std::shared_ptr<detail::ServerSession>& from, const std::shared_ptr<detail::ServerSession>& to)
{
    const std::lock_guard lock(sessionsMutex);
    if (sessions.erase(from) > 0) {
        sessions.insert(to);
    }
}

void HttpServer::Impl::forget(const std::shared_ptr<detail::ServerSession>& session)
{
    {
        const std::lock_guard lock(sessionsMutex);
        if (sessions.erase(session) > 0) {
            --connections;
        }
    }
    sessionsChanged.notify_all();
}

HttpServer::HttpServer(const Router& router, Options options)
    : d(std::make_unique<Impl>(router, std::move(options)))
{ }

HttpServer::~HttpServer()
{
    stop();
}

Result<quint16> HttpServer::start()
{
    beast::error_code ec;
    const auto address = net::ip::make_address(d->options.address.toStdString(), ec);
    if (ec) {
        return Error(
            ErrorCode::BadRequest, QStringLiteral("\"%1\" is not an IP address to listen on").arg(d->options.address));
    }
    if (d->options.tls && !d->tls) {
        auto context = makeTlsContext(*d->options.tls);
        if (!context) {
            return context.error();
        }
        d->tls = std::move(context.value());
    }
    const tcp::endpoint endpoint(address, d->options.port);
    const auto fail = [&](const QString& doing) {
        return Error(ErrorCode::Unavailable,
            QStringLiteral("cannot %1 %2:%3: %4")
                .arg(doing, d->options.address)
                .arg(d->options.port)
                .arg(QString::fromStdString(ec.message())),
            QJsonObject {
                { QStringLiteral("address"), d->options.address }, { QStringLiteral("port"), d->options.port } });
    };
    d->acceptor.open(endpoint.protocol(), ec);
    if (ec) {
        return fail(QStringLiteral("open a socket for"));
    }
    d->acceptor.set_option(net::socket_base::reuse_address(true), ec);
    d->acceptor.bind(endpoint, ec);
    if (ec) {
        return fail(QStringLiteral("listen on"));
    }
    d->acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        return fail(QStringLiteral("listen on"));
    }
    const quint16 port = d->acceptor.local_endpoint().port();
    d->accept();
    const int count = d->options.threads > 0 ? d->options.threads
                                             : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    for (int i = 0; i < count; ++i) {
        d->threads.emplace_back([this] { d->ioc.run(); });
    }
    d->started = true;
    return port;
}

void HttpServer::stop()
{
    if (!d->started || d->stopping.exchange(true)) {
        return;
    }
    net::post(d->acceptor.get_executor(), [this] {
        beast::error_code ec;
        d->acceptor.close(ec);
    });
    {
        std::unique_lock lock(d->sessionsMutex);
        for (const auto& session : d->sessions) {
            session->closeIfIdle();
        }
        d->sessionsChanged.wait_for(lock, d->options.drainTimeout, [this] { return d->sessions.empty(); });
    }
    d->ioc.stop();
    for (auto& thread : d->threads) {
        thread.join();
    }
    d->threads.clear();
    const std::lock_guard lock(d->sessionsMutex);
    d->sessions.clear();
}

int HttpServer::openConnections() const
{
    return d->connections.load();
}

} // namespace kv::server
