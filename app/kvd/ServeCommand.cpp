#include "ServeCommand.h"

#include "DataDir.h"
#include "JsonLog.h"
#include "server/Api.h"
#include "server/HttpServer.h"
#include "server/Metrics.h"
#include "service/ApiKeyService.h"
#include "service/ExpiryPurger.h"
#include "service/KvService.h"
#include "service/PeriodicTask.h"
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
constexpr int kFailure = 1;

struct ListenAddress
{
    QString host;
    quint16 port = 0;
};

std::optional<ListenAddress> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return std::nullopt;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535 || QHostAddress(host).isNull()) {
        return std::nullopt;
    }
    return ListenAddress { host, static_cast<quint16>(port) };
}

int usage(const QString& message)
{
    QTextStream(stderr) << QStringLiteral("kvd serve: %1\n").arg(message);
    return kUsageError;
}

} // namespace

int serve(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serve the HTTP API v1 on the store in --data."));
    parser.addHelpOption();
    const QCommandLineOption data(
        QStringLiteral("data"), QStringLiteral("The data directory (holds kvd.kvstore)."), QStringLiteral("dir"));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on (default 127.0.0.1:8787; port 0 "
                       "picks a free one)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8787"));
    const QCommandLineOption threads(QStringLiteral("threads"),
        QStringLiteral("Server threads (default: one per core)."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
        QStringLiteral("Open connections at most (default 1024)."), QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption allowOrigin(QStringLiteral("allow-origin"),
        QStringLiteral("A browser origin allowed to call kvd (repeatable; * for any)."), QStringLiteral("origin"));
    parser.addOptions({ data, listen, threads, maxConnections, allowOrigin });
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.isSet(data)) {
        return usage(QStringLiteral("--data DIR is required"));
    }
    const auto address = parseListen(parser.value(listen));
    if (!address) {
        return usage(
            QStringLiteral("--listen takes host:port, e.g. 127.0.0.1:8787; got \"%1\"").arg(parser.value(listen)));
    }
    bool threadsOk = false;
    bool connectionsOk = false;
    const int threadCount = parser.value(threads).toInt(&threadsOk);
    const int connectionLimit = parser.value(maxConnections).toInt(&connectionsOk);
    if (!threadsOk || threadCount < 0 || !connectionsOk || connectionLimit < 1) {
        return usage(QStringLiteral("--threads and --max-connections take positive numbers"));
    }

    // SIGTERM and SIGINT are taken by sigwait below: block them before any thread starts, so
    // that every thread inherits the mask and none is interrupted by them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const DataDir dataDir(parser.value(data));
    auto secret = dataDir.loadSecret();
    if (!secret) {
        log(LogLevel::Error, secret.error().message(), { { QStringLiteral("code"), secret.error().codeName() } });
        return kFailure;
    }
    const QString storePath = dataDir.storePath();
    auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { storePath });
    if (!store) {
        log(LogLevel::Error, store.error().message(), { { QStringLiteral("code"), store.error().codeName() } });
        return kFailure;
    }
    const kv::model::Clock& clock = kv::model::SystemClock::instance();
    kv::service::AuditLog audit(**store, clock);
    kv::service::KvService service(**store, clock, kv::model::Plan::builtins(), {}, &audit);
    kv::service::ExpiryPurger purger(service);
    kv::service::ApiKeyService keys(**store, *secret, clock, kv::service::ApiKeyService::Options { .audit = &audit });
    // Last-used times reach the store in one write every few seconds, never one per request.
    kv::service::PeriodicTask usageFlush(std::chrono::seconds(5), [&keys] { (void)keys.flushUsage(); });

    kv::server::HttpServer::Options options;
    options.address = address->host;
    options.port = address->port;
    options.threads = threadCount;
    options.maxConnections = connectionLimit;
    options.cors.allowedOrigins = parser.values(allowOrigin);
    options.commonHeaders = { { QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff") },
        { QByteArrayLiteral("Server"), QByteArrayLiteral("kvd/" KV_VERSION) } };
    // The gauges read the server, which exists only below; the pointer is set before it starts.
    kv::server::HttpServer* running = nullptr;
    kv::server::Metrics metrics({ [&running] { return running ? running->openConnections() : 0; },
        [&storePath] { return QFileInfo(storePath).size() + QFileInfo(storePath + QStringLiteral("-wal")).size(); } });
    kv::server::Router router;
    kv::server::addApiRoutes(router, kv::server::ApiServices { service, keys, audit, &metrics });
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
    if (!QHostAddress(address->host).isLoopback()) {
        log(LogLevel::Warning,
            QStringLiteral("serving plain HTTP on a non-loopback address; API keys and data cross the network "
                           "unencrypted"));
    }
    log(LogLevel::Info, QStringLiteral("listening"),
        { { QStringLiteral("address"), address->host }, { QStringLiteral("port"), *port },
            { QStringLiteral("store"), storePath }, { QStringLiteral("version"), QStringLiteral(KV_VERSION) } });

    int received = 0;
    sigwait(&signals, &received);
    log(LogLevel::Info, QStringLiteral("stopping"),
        { { QStringLiteral("signal"), received == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT") } });
    server.stop();
    (void)keys.flushUsage();
    log(LogLevel::Info, QStringLiteral("stopped"));
    return 0;
}

} // namespace kvd
