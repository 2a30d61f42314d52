// libFuzzer target over kvd's request path: raw bytes are parsed by Beast's request parser with
// HttpServer's header and per-route body limits, turned into an HttpRequest by the same code as
// HttpServer (server/RequestParsing.h), routed by the router addApiRoutes() builds for kvd, and
// handled against a real SqliteStore in a temporary directory. One input may hold several
// pipelined requests, as a keep-alive connection does, so sequences (create, put, list, delete)
// are reachable too.
//
// It aborts on what must never happen whatever a client sends: a sanitizer report, an exception
// escaping a handler, a 5xx answer (the store here is healthy, so a 5xx is a bug in kvd), a
// response header that holds CR, LF or NUL (header injection), or an error body that is not the
// error envelope of DESIGN.md.

#include "server/Api.h"
#include "server/HttpServer.h"
#include "server/Metrics.h"
#include "server/RequestParsing.h"
#include "server/Router.h"
#include "service/ApiKeyService.h"
#include "service/AuditLog.h"
#include "service/BillingService.h"
#include "service/KvService.h"
#include "service/RateLimiter.h"
#include "service/UsageMeter.h"
#include "store/SqliteStore.h"

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

namespace http = boost::beast::http;
namespace net = boost::asio;

using namespace kv;

// The same limits as kvd serve (HttpServer::Options defaults); the body limit comes from the route.
constexpr std::uint32_t kMaxHeaderBytes = 16 * 1024;
constexpr int kMaxRequestsPerInput = 8;
const QString kNamespace = QStringLiteral("fuzz");
const QString kPlan = QStringLiteral("roomy");

[[noreturn]] void die(const char* what, const QByteArray& detail = {})
{
    std::fprintf(stderr, "fuzz_request: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.constData());
    std::abort();
}

/// Everything a kvd process holds, built once: building a store per input would cost more than
/// the request itself and leave no state for sequences to explore.
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<service::AuditLog> audit;
    std::unique_ptr<service::UsageMeter> usage;
    std::unique_ptr<service::RateLimiter> rateLimiter;
    std::unique_ptr<service::KvService> kv;
    std::unique_ptr<service::BillingService> billing;
    std::unique_ptr<service::ApiKeyService> keys;
    std::unique_ptr<server::Metrics> metrics;
    server::Router router;
    QByteArray adminBearer;

    Fixture()
    {
        if (!dir.isValid()) {
            die("cannot create a temporary directory");
        }
        // Sync::Normal: the fuzzer needs no durability across a power cut, and FULL costs an fsync
        // per write.
        auto opened = store::SqliteStore::open(
            { dir.filePath(QStringLiteral("fuzz.kvstore")), store::SqliteStore::Sync::Normal });
        if (!opened) {
            die("cannot open the store", opened.error().message().toUtf8());
        }
        store = std::move(opened.value());
        const model::Clock& clock = model::SystemClock::instance();
        audit = std::make_unique<service::AuditLog>(*store, clock);
        usage = std::make_unique<service::UsageMeter>(*store, clock);
        rateLimiter = std::make_unique<service::RateLimiter>(clock);
        // The fixture's plan runs the quota and rate-limit code on every request without ever
        // refusing one: a refusal would hide the handlers from the rest of the run.
        QList<model::Plan> plans = model::Plan::builtins();
        model::Plan roomy;
        roomy.id = kPlan;
        roomy.name = QStringLiteral("Fuzz");
        roomy.ratePerSecond = 1e9;
        roomy.burst = 1'000'000'000;
        plans.append(roomy);
        kv = std::make_unique<service::KvService>(*store, clock, plans, model::Limits {}, audit.get(), usage.get());
        billing
            = std::make_unique<service::BillingService>(*store, *kv, *audit, QByteArrayLiteral("whsec_fuzz"), clock);
        keys = std::make_unique<service::ApiKeyService>(
            *store, QByteArray(32, 'k'), clock, service::ApiKeyService::Options { .audit = audit.get() });
        metrics = std::make_unique<server::Metrics>(server::Metrics::Gauges { .openConnections = [] { return 1; },
            .storeBytes = [] { return qint64(0); },
            .storeRowsWritten = [] { return quint64(0); } });
        server::addApiRoutes(router,
            server::ApiServices { *kv, *keys, *audit, metrics.get(), usage.get(), rateLimiter.get(), billing.get() });
        restore();
    }

    /// Puts back what an input may have taken away (the namespace deleted, the admin key rotated
    /// or revoked), so that one input cannot shut every later one out of the handlers.
    void restore()
    {
        auto ns = kv->getNamespace(kNamespace);
        if (!ns) {
            if (auto created = kv->createNamespace(kNamespace, kPlan); !created) {
                die("cannot create the namespace", created.error().message().toUtf8());
            }
        } else if (ns->plan != kPlan) {
            (void)kv->setNamespacePlan(kNamespace, kPlan);
        }
        if (!adminBearer.isEmpty() && keys->authenticate(QString::fromLatin1(adminBearer.mid(7)))) {
            return;
        }
        auto issued = keys->create(service::NewApiKey { QStringLiteral("fuzz admin"),
            model::Scope::Read | model::Scope::Write | model::Scope::Admin | model::Scope::Signal, {}, {} });
        if (!issued) {
            die("cannot issue the admin key", issued.error().message().toUtf8());
        }
        adminBearer = "Bearer " + issued->secret.toLatin1();
    }
};

Fixture* fixture = nullptr;

void checkResponse(const server::HttpResponse& response, const QByteArray& input)
{
    if (response.status < 100 || response.status > 599) {
        die("a status outside 100..599", QByteArray::number(response.status));
    }
    if (response.status >= 500) {
        die("a 5xx answer to a request on a healthy store", response.body + "\n--- request:\n" + input);
    }
    for (const auto& [name, value] : response.headers.fields()) {
        for (const QByteArray* part : { &name, &value }) {
            if (part->contains('\r') || part->contains('\n') || part->contains('\0')) {
                die("a response header holds CR, LF or NUL", name + ": " + value);
            }
        }
        if (name.isEmpty()) {
            die("a response header without a name");
        }
    }
    if (response.status >= 400) {
        const QJsonObject error
            = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject();
        if (!error.value(QStringLiteral("code")).isString() || !error.value(QStringLiteral("message")).isString()) {
            die("an error answer without the error envelope", response.body);
        }
    }
    // What HttpServer::respond does next: Beast must accept every header and serialise the message.
    http::response<http::string_body> message;
    message.version(11);
    message.result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers.fields()) {
        message.set(boost::beast::string_view(name.constData(), static_cast<std::size_t>(name.size())),
            boost::beast::string_view(value.constData(), static_cast<std::size_t>(value.size())));
    }
    message.body().assign(response.body.constData(), static_cast<std::size_t>(response.body.size()));
    message.prepare_payload();
    http::serializer<false, http::string_body> serializer(message);
    boost::beast::error_code ec;
    do {
        serializer.next(ec, [&](boost::beast::error_code&, const auto& buffers) {
            serializer.consume(boost::beast::buffer_bytes(buffers));
        });
    } while (!ec && !serializer.is_done());
    if (ec) {
        die("Beast cannot serialise the response", QByteArray::fromStdString(ec.message()));
    }
}

/// Feeds `data` to the parser until `done` holds; false when the input ends first or is not HTTP.
template <typename Done> bool feed(http::request_parser<http::string_body>& parser, QByteArrayView& data, Done done)
{
    while (!done()) {
        if (data.isEmpty()) {
            return false; // the rest of the request never came: HttpServer would time out
        }
        boost::beast::error_code ec;
        const std::size_t used = parser.put(net::buffer(data.data(), static_cast<std::size_t>(data.size())), ec);
        data = data.sliced(static_cast<qsizetype>(used));
        if (ec == http::error::need_more) {
            ec = {};
        }
        if (ec) {
            return false; // HttpServer answers 400, 413 or 431 and closes
        }
        if (used == 0) {
            return false; // no progress (Beast takes an empty body buffer without an error)
        }
    }
    return true;
}

/// One request from the front of `data`, as HttpServer::Session reads and answers it; false when
/// the connection would close after it.
bool serveOne(QByteArrayView& data)
{
    const QByteArray input = data.toByteArray();
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxHeaderBytes);
    parser.body_limit(boost::none); // until the header names the route, as in HttpServer
    if (!feed(parser, data, [&] { return parser.is_header_done(); })) {
        return false;
    }
    const auto& header = parser.get();
    const bool keepAlive = header.keep_alive();
    const QByteArray method(header.method_string().data(), static_cast<qsizetype>(header.method_string().size()));
    const QByteArrayView target(header.target().data(), static_cast<qsizetype>(header.target().size()));
    const server::RouteMatch match = fixture->router.match(method, server::splitTarget(target).path);
    const bool hasBody = parser.content_length().value_or(0) > 0 || parser.chunked();
    if (match.kind != server::RouteMatch::Kind::Found) {
        return keepAlive && !hasBody; // 404, 405 or 400 without reading the body
    }
    const qsizetype limit = match.route->options.maxBodyBytes;
    if (parser.content_length() && *parser.content_length() > static_cast<std::uint64_t>(limit)) {
        return false; // 413 before the body
    }
    parser.body_limit(static_cast<std::uint64_t>(limit));
    if (!feed(parser, data, [&] { return parser.is_done(); })) {
        return false;
    }

    auto parsed = server::toHttpRequest(parser.get());
    if (!parsed) {
        checkResponse(server::HttpResponse::error(parsed.error(), QStringLiteral("req_fuzz")), input);
        return keepAlive;
    }
    server::HttpRequest request = std::move(parsed.value());
    request.params = match.params;
    request.requestId = QStringLiteral("req_fuzz");
    request.remoteAddress = QStringLiteral("127.0.0.1");
    // The admin key goes in only when the input brings no Authorization of its own: without a
    // valid key every /v1 route stops at requireScope, and the fuzzer cannot guess a secret with
    // a checksum. Injecting it into the request rather than setting request.apiKey keeps
    // requireScope's real path (header parsing, authenticate, authorize) in every run, and an
    // input that sends its own header still explores the 401/403 paths.
    if (!request.headers.value("Authorization")) {
        request.headers.add(QByteArrayLiteral("Authorization"), fixture->adminBearer);
    }
    server::HttpResponse response;
    try {
        response = match.route->handler(request);
    } catch (const std::exception& e) {
        die("a handler threw", QByteArray(e.what()) + "\n--- request:\n" + input);
    }
    checkResponse(response, input);
    server::RequestLog log;
    log.method = method;
    log.route = match.route->pattern;
    log.status = response.status;
    fixture->metrics->record(log);
    return keepAlive;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fixture = new Fixture;
    // The store's files go with the temporary directory when libFuzzer exits normally
    // (-max_total_time, -runs); a crash leaves them in $TMPDIR for the post-mortem.
    std::atexit([] {
        delete fixture;
        fixture = nullptr;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QByteArrayView rest(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (int i = 0; i < kMaxRequestsPerInput && !rest.isEmpty(); ++i) {
        if (!serveOne(rest)) {
            break;
        }
    }
    fixture->restore();
    return 0;
}
