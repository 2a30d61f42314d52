#include "ServeCommand.h"

#include "DataDir.h"
#include "JsonLog.h"
#include "ServeConfig.h"
#include "server/Api.h"
#include "server/HttpServer.h"
#include "server/Metrics.h"
#include "service/ApiKeyService.h"
#include "service/BillingService.h"
#include "service/EventHub.h"
#include "service/ExpiryPurger.h"
#include "service/KvService.h"
#include "service/PeerRegistry.h"
#include "service/PeriodicTask.h"
#include "service/RateLimiter.h"
#include "service/SignalRelay.h"
#include "service/UsageMeter.h"
#include "store/SqliteStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostAddress>
#include <QTextStream>

#include <csignal>
#include <pthread.h>

namespace kvd {

namespace {

constexpr int kUsageError = 64;
// sysexits.h EX_CONFIG: a config file (or a file it names) is wrong.
constexpr int kConfigError = 78;
constexpr int kFailure = 1;

int usage(const QString& message)
{
    QTextStream(stderr) << QStringLiteral("kvd serve: %1\n").arg(message);
    return kUsageError;
}

} // namespace

int serve(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serve the HTTP API v1 on the store in --data: HTTPS with --tls-cert and --tls-key, else "
                       "plain HTTP.\nSettings come from --config FILE (INI: global keys, [tls], [limits], "
                       "[plan.ID], [billing]) and these flags, which override the file."));
    parser.addHelpOption();
    addServeOptions(parser);
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    }
    auto loaded = serveConfigFrom(parser);
    if (!loaded) {
        usage(loaded.error().message());
        return loaded.error().details().contains(QStringLiteral("file")) ? kConfigError : kUsageError;
    }
    const ServeConfig& config = *loaded;

    // SIGTERM and SIGINT are taken by sigwait below: block them before any thread starts, so
    // that every thread inherits the mask and none is interrupted by them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const DataDir dataDir(config.dataDir);
    auto secret = dataDir.loadSecret();
    if (!secret) {
        log(LogLevel::Error, secret.error().message(), { { QStringLiteral("code"), secret.error().codeName() } });
        return kFailure;
    }
    // One kvd per store: two would each count usage and rate limits of their own.
    auto lock = dataDir.lock(QStringLiteral("one kvd serves a data directory"));
    if (!lock) {
        log(LogLevel::Error, lock.error().message(), { { QStringLiteral("code"), lock.error().codeName() } });
        return kFailure;
    }
    const QString storePath = dataDir.storePath();
    auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { storePath });
    if (!store) {
        log(LogLevel::Error, store.error().message(), { { QStringLiteral("code"), store.error().codeName() } });
        return kFailure;
    }
    const kv::model::Clock& clock = kv::model::SystemClock::instance();
    // The live feed of /v1/admin/events: audit, usage, quota and peer events, numbered in order.
    kv::service::EventHub events(clock);
    kv::service::AuditLog audit(**store, clock, &events);
    kv::service::UsageMeter usage(**store, clock, &events);
    usage.onQuotaEvent([](const kv::service::QuotaEvent& event) {
        log(LogLevel::Warning, QStringLiteral("quota"),
            { { QStringLiteral("namespace"), event.ns }, { QStringLiteral("plan"), event.plan },
                { QStringLiteral("quota"), event.quota }, { QStringLiteral("percent"), event.percent },
                { QStringLiteral("used"), event.used }, { QStringLiteral("limit"), event.limit } });
    });
    kv::service::KvService service(**store, clock, config.plans, config.limits, &audit, &usage);
    kv::service::ExpiryPurger purger(service);
    kv::service::ApiKeyService keys(**store, *secret, clock, kv::service::ApiKeyService::Options { .audit = &audit });
    kv::service::RateLimiter rateLimiter(clock);
    // Filled by the signaling relay; a new process has no peers, so no stale record survives it.
    kv::service::PeerRegistry peers(&events);
    kv::service::SignalRelay relay(keys, peers, clock,
        kv::service::SignalRelay::Options { config.signalLimits, config.signalAuthTimeout, config.resumeGrace });
    std::optional<kv::service::BillingService> billing;
    if (!config.webhookSecret.isEmpty()) {
        billing.emplace(**store, service, audit, config.webhookSecret, clock);
    }
    // Usage counters and last-used times reach the store in one write each per interval, never
    // one per request: a read costs no store write.
    const auto flushAll = [&keys, &usage] {
        if (auto flushed = usage.flush(); !flushed) {
            log(LogLevel::Error, flushed.error().message(), { { QStringLiteral("code"), flushed.error().codeName() } });
        }
        (void)keys.flushUsage();
    };
    kv::service::PeriodicTask flusher(config.flushInterval, flushAll);

    kv::server::HttpServer::Options options;
    options.address = config.listenHost;
    options.port = config.listenPort;
    options.threads = config.threads;
    options.maxConnections = config.maxConnections;
    options.headerTimeout = config.headerTimeout;
    options.idleTimeout = config.idleTimeout;
    options.cors.allowedOrigins = config.allowedOrigins;
    if (config.tls()) {
        options.tls = kv::server::HttpServer::Tls { config.tlsCertificateFile, config.tlsPrivateKeyFile };
    }
    options.commonHeaders = { { QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff") },
        { QByteArrayLiteral("Server"), QByteArrayLiteral("kvd/" KV_VERSION) } };
    // The gauges read the server, which exists only below; the pointer is set before it starts.
    kv::server::HttpServer* running = nullptr;
    kv::server::Metrics metrics({ [&running] { return running ? running->openConnections() : 0; },
        [&storePath] { return QFileInfo(storePath).size() + QFileInfo(storePath + QStringLiteral("-wal")).size(); },
        [&store] { return (*store)->rowsWritten(); } });
    kv::server::Router router;
    kv::server::WebSocketOptions webSockets;
    webSockets.pingInterval = config.pingInterval;
    webSockets.sendBacklogBytes = config.sendBacklogBytes;
    kv::server::addApiRoutes(router,
        kv::server::ApiServices { service, keys, audit, &metrics, &usage, &rateLimiter, billing ? &*billing : nullptr,
            &peers, &relay, &events, webSockets, config.eventBacklog });
    options.onRequest = [&metrics](const kv::server::RequestLog& request) {
        metrics.record(request);
        log(request.status >= 500 ? LogLevel::Error : LogLevel::Info, QStringLiteral("request"),
            { { QStringLiteral("method"), QString::fromLatin1(request.method) },
                { QStringLiteral("route"), request.route }, { QStringLiteral("status"), request.status },
                { QStringLiteral("durationMs"), static_cast<double>(request.duration.count()) / 1000.0 },
                { QStringLiteral("requestId"), request.requestId }, { QStringLiteral("remote"), request.remoteAddress },
                { QStringLiteral("bytesIn"), request.requestBytes },
                { QStringLiteral("bytesOut"), request.responseBytes } });
    };
    kv::server::HttpServer server(router, options);
    running = &server;
    auto port = server.start();
    if (!port) {
        log(LogLevel::Error, port.error().message(), { { QStringLiteral("code"), port.error().codeName() } });
        return kFailure;
    }
    if (!config.tls() && !QHostAddress(config.listenHost).isLoopback()) {
        log(LogLevel::Warning,
            QStringLiteral("serving plain HTTP on a non-loopback address; API keys and data cross the network "
                           "unencrypted"));
    }
    log(LogLevel::Info, QStringLiteral("listening"),
        { { QStringLiteral("scheme"), config.tls() ? QStringLiteral("https") : QStringLiteral("http") },
            { QStringLiteral("address"), config.listenHost }, { QStringLiteral("port"), *port },
            { QStringLiteral("store"), storePath }, { QStringLiteral("version"), QStringLiteral(KV_VERSION) } });

    int received = 0;
    sigwait(&signals, &received);
    log(LogLevel::Info, QStringLiteral("stopping"),
        { { QStringLiteral("signal"), received == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT") } });
    server.stop();
    flushAll();
    log(LogLevel::Info, QStringLiteral("stopped"));
    return 0;
}

} // namespace kvd
