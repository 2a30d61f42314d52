// The OpenAPI document against the API it describes: every route addApiRoutes builds must be in
// the spec and every operation of the spec must be a route, every error code of kv::Error must
// be listed with its status, every path parameter declared, every $ref resolvable. Then the real
// kvd must serve the same document at /v1/openapi.json without a key.

#include "KvdProcess.h"
#include "model/Error.h"
#include "server/Api.h"
#include "server/Metrics.h"
#include "server/OpenApi.h"
#include "service/ApiKeyService.h"
#include "service/AuditLog.h"
#include "service/EventHub.h"
#include "service/KvService.h"
#include "service/PeerRegistry.h"
#include "service/RateLimiter.h"
#include "service/SignalRelay.h"
#include "service/UsageMeter.h"
#include "store/SqliteStore.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

namespace {

/// The methods an OpenAPI path item may hold operations under.
const QStringList kOperationMethods { QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
    QStringLiteral("delete"), QStringLiteral("patch"), QStringLiteral("head"), QStringLiteral("options"),
    QStringLiteral("trace") };

QString routeName(const QString& method, const QString& pattern)
{
    return method.toUpper() + QLatin1Char(' ') + pattern;
}

/// Follows a local "$ref" ("#/components/parameters/ns") to what it names.
QJsonObject resolve(const QJsonObject& root, const QJsonObject& node)
{
    const QString ref = node.value(QStringLiteral("$ref")).toString();
    if (ref.isEmpty()) {
        return node;
    }
    QJsonValue at = root;
    for (const QString& part : ref.mid(2).split(QLatin1Char('/'))) {
        at = at.toObject().value(part);
    }
    return at.toObject();
}

/// Every "$ref" string under a JSON value, with where it was found.
void collectRefs(const QJsonValue& value, const QString& where, QList<std::pair<QString, QString>>& refs)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1StringView("$ref") && it.value().isString()) {
                refs.append({ it.value().toString(), where });
            } else {
                collectRefs(it.value(), where + QLatin1Char('/') + it.key(), refs);
            }
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            collectRefs(array.at(i), where + QLatin1Char('/') + QString::number(i), refs);
        }
    }
}

} // namespace

class TestOpenApi final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    std::unique_ptr<kv::service::AuditLog> m_audit;
    std::unique_ptr<kv::service::UsageMeter> m_usage;
    std::unique_ptr<kv::service::RateLimiter> m_rateLimiter;
    kv::service::PeerRegistry m_peers;
    std::unique_ptr<kv::service::EventHub> m_events;
    std::unique_ptr<kv::service::SignalRelay> m_relay;
    std::unique_ptr<kv::service::KvService> m_service;
    std::unique_ptr<kv::service::ApiKeyService> m_keys;
    std::unique_ptr<kv::server::Metrics> m_metrics;
    kv::server::Router m_router;
    QJsonObject m_spec;

    [[nodiscard]] QJsonObject paths() const { return m_spec.value(QStringLiteral("paths")).toObject(); }

    /// The operation of the spec for a route; empty when the spec lacks it.
    [[nodiscard]] QJsonObject operation(const QString& method, const QString& pattern) const
    {
        return paths().value(pattern).toObject().value(method.toLower()).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = kv::store::SqliteStore::open(
            kv::store::SqliteStore::Options { m_dir.filePath(QStringLiteral("openapi.kvstore")) });
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        m_store = std::move(opened.value());
        const kv::model::Clock& clock = kv::model::SystemClock::instance();
        m_audit = std::make_unique<kv::service::AuditLog>(*m_store, clock);
        m_usage = std::make_unique<kv::service::UsageMeter>(*m_store, clock);
        m_rateLimiter = std::make_unique<kv::service::RateLimiter>(clock);
        m_service = std::make_unique<kv::service::KvService>(
            *m_store, clock, kv::model::Plan::builtins(), kv::model::Limits {}, m_audit.get(), m_usage.get());
        m_keys = std::make_unique<kv::service::ApiKeyService>(
            *m_store, QByteArray(32, 's'), clock, kv::service::ApiKeyService::Options { .audit = m_audit.get() });
        m_metrics = std::make_unique<kv::server::Metrics>(kv::server::Metrics::Gauges {});
        m_events = std::make_unique<kv::service::EventHub>(clock);
        m_relay
            = std::make_unique<kv::service::SignalRelay>(*m_keys, m_peers, clock, kv::service::SignalRelay::Options {});
        // Built exactly as kvd builds it, with metrics, usage and rate limits, so that no route is missed.
        kv::server::addApiRoutes(m_router,
            kv::server::ApiServices { .kv = *m_service,
                .keys = *m_keys,
                .audit = *m_audit,
                .metrics = m_metrics.get(),
                .usage = m_usage.get(),
                .rateLimiter = m_rateLimiter.get(),
                .peers = &m_peers,
                .signal = m_relay.get(),
                .events = m_events.get(),
                .webSockets = {},
                .eventBacklog = 8192 });
        QVERIFY(!m_router.routes().isEmpty());

        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(kv::server::openApiDocument(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isObject());
        m_spec = document.object();
    }

    void documentBasics()
    {
        QCOMPARE(m_spec.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
        QCOMPARE(m_spec.value(QStringLiteral("info")).toObject().value(QStringLiteral("version")).toString(),
            QStringLiteral(KV_VERSION));
        const QJsonObject bearer = m_spec.value(QStringLiteral("components"))
                                       .toObject()
                                       .value(QStringLiteral("securitySchemes"))
                                       .toObject()
                                       .value(QStringLiteral("bearer"))
                                       .toObject();
        QCOMPARE(bearer.value(QStringLiteral("type")).toString(), QStringLiteral("http"));
        QCOMPARE(bearer.value(QStringLiteral("scheme")).toString(), QStringLiteral("bearer"));
    }

    /// The document compiled in is the one in the repository (only info.version differs).
    void compiledInMatchesTheSource()
    {
        QFile source(QStringLiteral(KV_OPENAPI_SOURCE));
        QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.errorString()));
        QJsonParseError error {};
        QJsonObject fromSource = QJsonDocument::fromJson(source.readAll(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError,
            qPrintable(QStringLiteral("openapi.json: %1 at offset %2").arg(error.errorString()).arg(error.offset)));
        QJsonObject info = fromSource.value(QStringLiteral("info")).toObject();
        info.insert(QStringLiteral("version"), QStringLiteral(KV_VERSION));
        fromSource.insert(QStringLiteral("info"), info);
        QVERIFY2(fromSource == m_spec, "the compiled-in document differs from core/server/openapi.json; rebuild");
    }

    void everyRouteIsInTheSpec()
    {
        QStringList missing;
        for (const kv::server::Route& route : m_router.routes()) {
            const QString method = QString::fromLatin1(route.method);
            if (operation(method, route.pattern).isEmpty()) {
                missing.append(routeName(method, route.pattern));
            }
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(
                QStringLiteral("routes missing from core/server/openapi.json: ") + missing.join(QStringLiteral(", "))));
    }

    void everySpecOperationIsARoute()
    {
        QSet<QString> routes;
        for (const kv::server::Route& route : m_router.routes()) {
            routes.insert(routeName(QString::fromLatin1(route.method), route.pattern));
        }
        QStringList extra;
        const QJsonObject all = paths();
        for (auto path = all.begin(); path != all.end(); ++path) {
            const QJsonObject item = path.value().toObject();
            for (const QString& method : kOperationMethods) {
                if (item.contains(method) && !routes.contains(routeName(method, path.key()))) {
                    extra.append(routeName(method, path.key()));
                }
            }
        }
        QVERIFY2(extra.isEmpty(),
            qPrintable(QStringLiteral("core/server/openapi.json describes operations no route serves: ")
                + extra.join(QStringLiteral(", "))));
    }

    /// A route answers a request without a key with 401 and a Bearer challenge exactly when the
    /// spec says it needs the bearer scheme (the default) rather than `security: []`.
    void securityMatchesTheRoutes()
    {
        QStringList wrong;
        for (const kv::server::Route& route : m_router.routes()) {
            const QString method = QString::fromLatin1(route.method);
            const QJsonObject op = operation(method, route.pattern);
            if (op.isEmpty()) {
                continue; // reported by everyRouteIsInTheSpec
            }
            kv::server::HttpRequest request;
            request.method = route.method;
            request.target = route.pattern.toUtf8();
            request.requestId = QStringLiteral("req_openapi");
            const kv::server::HttpResponse response = route.handler(request);
            const bool challenged = response.status == 401
                && response.headers.value("WWW-Authenticate").value_or(QByteArray()).startsWith("Bearer");
            const bool open
                = op.contains(QStringLiteral("security")) && op.value(QStringLiteral("security")).toArray().isEmpty();
            if (challenged == open) {
                wrong.append(routeName(method, route.pattern)
                    + (challenged ? QStringLiteral(" (needs a key, spec says open)")
                                  : QStringLiteral(" (open, spec says it needs a key)")));
            }
            if (challenged && !op.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("401"))) {
                wrong.append(routeName(method, route.pattern) + QStringLiteral(" (no 401 response)"));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
    }

    void everyErrorCodeIsListed()
    {
        const QJsonObject errorCode = m_spec.value(QStringLiteral("components"))
                                          .toObject()
                                          .value(QStringLiteral("schemas"))
                                          .toObject()
                                          .value(QStringLiteral("ErrorCode"))
                                          .toObject();
        QSet<QString> listed;
        for (const QJsonValue& code : errorCode.value(QStringLiteral("enum")).toArray()) {
            listed.insert(code.toString());
        }
        const QJsonObject statuses = errorCode.value(QStringLiteral("x-http-status")).toObject();
        QStringList problems;
        QSet<QString> known;
        for (const kv::ErrorCode code : kv::Error::allCodes()) {
            const QString name = kv::Error::codeName(code);
            known.insert(name);
            if (!listed.contains(name)) {
                problems.append(name + QStringLiteral(" is missing from ErrorCode.enum"));
            }
            if (statuses.value(name).toInt() != kv::Error::httpStatusFor(code)) {
                problems.append(name
                    + QStringLiteral(": x-http-status %1, kv::Error says %2")
                          .arg(statuses.value(name).toInt())
                          .arg(kv::Error::httpStatusFor(code)));
            }
        }
        for (const QString& name : listed) {
            if (!known.contains(name)) {
                problems.append(name + QStringLiteral(" is in ErrorCode.enum but kv::Error has no such code"));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void pathParametersAreDeclared()
    {
        static const QRegularExpression templateParameter(QStringLiteral("\\{([^}/]+)\\}"));
        QStringList problems;
        const QJsonObject all = paths();
        for (auto path = all.begin(); path != all.end(); ++path) {
            QSet<QString> inTemplate;
            for (const auto& match : templateParameter.globalMatch(path.key())) {
                inTemplate.insert(match.captured(1));
            }
            const QJsonObject item = path.value().toObject();
            for (const QString& method : kOperationMethods) {
                if (!item.contains(method)) {
                    continue;
                }
                QJsonArray parameters = item.value(QStringLiteral("parameters")).toArray();
                for (const QJsonValue& parameter :
                    item.value(method).toObject().value(QStringLiteral("parameters")).toArray()) {
                    parameters.append(parameter);
                }
                QSet<QString> declared;
                for (const QJsonValue& value : parameters) {
                    const QJsonObject parameter = resolve(m_spec, value.toObject());
                    if (parameter.isEmpty()) {
                        problems.append(routeName(method, path.key()) + QStringLiteral(": an unresolvable parameter"));
                        continue;
                    }
                    if (parameter.value(QStringLiteral("in")).toString() != QLatin1StringView("path")) {
                        continue;
                    }
                    const QString name = parameter.value(QStringLiteral("name")).toString();
                    declared.insert(name);
                    if (!parameter.value(QStringLiteral("required")).toBool()) {
                        problems.append(routeName(method, path.key())
                            + QStringLiteral(": path parameter %1 is not required").arg(name));
                    }
                }
                for (const QString& name : inTemplate - declared) {
                    problems.append(routeName(method, path.key()) + QStringLiteral(": {%1} is not declared").arg(name));
                }
                for (const QString& name : declared - inTemplate) {
                    problems.append(
                        routeName(method, path.key()) + QStringLiteral(": declares %1, not in the path").arg(name));
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void operationsAreComplete()
    {
        QStringList problems;
        QSet<QString> operationIds;
        const QJsonObject all = paths();
        for (auto path = all.begin(); path != all.end(); ++path) {
            const QJsonObject item = path.value().toObject();
            for (const QString& method : kOperationMethods) {
                if (!item.contains(method)) {
                    continue;
                }
                const QString name = routeName(method, path.key());
                const QJsonObject op = item.value(method).toObject();
                const QString id = op.value(QStringLiteral("operationId")).toString();
                if (id.isEmpty() || operationIds.contains(id)) {
                    problems.append(name + QStringLiteral(": operationId missing or repeated"));
                }
                operationIds.insert(id);
                if (op.value(QStringLiteral("summary")).toString().isEmpty()) {
                    problems.append(name + QStringLiteral(": no summary"));
                }
                const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
                // A WebSocket route succeeds with 101 Switching Protocols.
                const bool webSocket = op.value(QStringLiteral("x-websocket")).toBool();
                bool success = false;
                for (auto response = responses.begin(); response != responses.end(); ++response) {
                    success = success || response.key().startsWith(QLatin1Char('2'))
                        || (webSocket && response.key() == QLatin1StringView("101"));
                    const QJsonObject resolved = resolve(m_spec, response.value().toObject());
                    if (!resolved.value(QStringLiteral("headers"))
                             .toObject()
                             .contains(QStringLiteral("X-Request-Id"))) {
                        problems.append(name + QStringLiteral(": response %1 lacks X-Request-Id").arg(response.key()));
                    }
                }
                if (!success) {
                    problems.append(name + QStringLiteral(": no 2xx response"));
                }
                if (!responses.contains(QStringLiteral("500"))) {
                    problems.append(name + QStringLiteral(": no 500 response"));
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    /// Only routes with a {ns} path parameter are rate-limited (Auth.cpp): only they may list the
    /// rate-limit headers or a 429, and each of them lists a 429.
    void rateLimitsOnlyOnNamespaceRoutes()
    {
        static const QStringList rateHeaders { QStringLiteral("X-RateLimit-Limit"),
            QStringLiteral("X-RateLimit-Remaining"), QStringLiteral("X-RateLimit-Reset"), QStringLiteral("RateLimit"),
            QStringLiteral("RateLimit-Policy") };
        QStringList problems;
        const QJsonObject all = paths();
        for (auto path = all.begin(); path != all.end(); ++path) {
            const bool limited = path.key().contains(QLatin1StringView("{ns}"));
            const QJsonObject item = path.value().toObject();
            for (const QString& method : kOperationMethods) {
                if (!item.contains(method)) {
                    continue;
                }
                const QString name = routeName(method, path.key());
                const QJsonObject responses
                    = item.value(method).toObject().value(QStringLiteral("responses")).toObject();
                if (limited != responses.contains(QStringLiteral("429"))) {
                    problems.append(name
                        + (limited ? QStringLiteral(": rate-limited, no 429")
                                   : QStringLiteral(": not rate-limited, but lists a 429")));
                }
                for (auto response = responses.begin(); response != responses.end(); ++response) {
                    const QJsonObject headers
                        = resolve(m_spec, response.value().toObject()).value(QStringLiteral("headers")).toObject();
                    for (const QString& header : rateHeaders) {
                        if (!limited && headers.contains(header)) {
                            problems.append(name + QStringLiteral(": %1 lists %2").arg(response.key(), header));
                        }
                    }
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void everyRefResolves()
    {
        QList<std::pair<QString, QString>> refs;
        collectRefs(m_spec, QString(), refs);
        QVERIFY(!refs.isEmpty());
        QStringList broken;
        for (const auto& [ref, where] : refs) {
            if (!ref.startsWith(QLatin1StringView("#/"))
                || resolve(m_spec, QJsonObject { { QStringLiteral("$ref"), ref } }).isEmpty()) {
                broken.append(ref + QStringLiteral(" at ") + where);
            }
        }
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral("; "))));
    }

    void kvdServesIt()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY2(kvd.start(), qPrintable(kvd.failureLog()));
        QNetworkAccessManager network;
        // No Authorization: the spec is open.
        QNetworkReply* reply = network.get(QNetworkRequest(QUrl(kvd.baseUrl() + QStringLiteral("/v1/openapi.json"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->header(QNetworkRequest::ContentTypeHeader)
                    .toString()
                    .startsWith(QLatin1StringView("application/json")));
        QVERIFY(reply->hasRawHeader("X-Request-Id"));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        QJsonParseError error {};
        const QJsonDocument served = QJsonDocument::fromJson(body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(served.object(), m_spec);
        QCOMPARE(body, kv::server::openApiDocument());
        QCOMPARE(kvd.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
