#include "client/RemoteClient.h"

#include "client/CircuitBreaker.h"
#include "client/EventFeed.h"
#include "client/KvdCodec.h"
#include "client/WhenDone.h"
#include "model/Json.h"
#include "model/Validation.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace kv::client {

using kvd::HttpAnswer;

struct RemoteRequest
{
    QByteArray method;
    /// Below the base URL, already percent-encoded: "/v1/namespaces/app".
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> headers;
    /// May be sent again after a failure: the same request twice leaves the same state.
    bool idempotent = true;
    /// A bulk call: a longer timeout, and its body encoded and its answer parsed on a worker
    /// thread, since 10,000 items of JSON take longer than a UI frame.
    bool bulk = false;
    std::function<QByteArray()> encodeBody;
};

struct RemoteCall
{
    RemoteRequest request;
    /// One id for every attempt, so kvd's log ties the retries together.
    QByteArray requestId;
    int attempt = 0;
    bool probe = false;
    /// The caller's future, watched for cancellation.
    QFuture<void> future;
    std::function<void(Result<HttpAnswer>)> deliver;
    QList<QSslError> sslErrors;
    QSslCertificate peerCertificate;
};

RemoteClient::RemoteClient(Options options, QObject* parent)
    : Client(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
    , m_breaker(std::make_unique<CircuitBreaker>(m_options.breakerThreshold, m_options.breakerOpenFor))
    , m_feed(new EventFeed(EventFeed::Options { m_options.baseUrl, m_options.apiKey, m_options.trustedCertificates,
                               m_options.feedMinBackoff, m_options.feedMaxBackoff },
          this))
{
    // A connection to kvd is kept open and reused; redirects are not followed (kvd sends none,
    // and a redirect would carry the key elsewhere).
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_breaker->onStateChanged = [this](BreakerState state) { Q_EMIT breakerStateChanged(state); };
    connect(m_feed, &EventFeed::eventReceived, this, &Client::eventReceived);
    connect(m_feed, &EventFeed::eventsMissed, this, &Client::eventsMissed);
    connect(m_feed, &EventFeed::stateChanged, this, &Client::feedStateChanged);
}

RemoteClient::~RemoteClient() = default;

BackendInfo RemoteClient::backendInfo() const
{
    return BackendInfo { BackendInfo::Kind::Remote, m_options.baseUrl.toString(), QStringLiteral(KV_VERSION) };
}

BreakerState RemoteClient::breakerState() const
{
    return m_breaker->state();
}

template <typename T, typename Parse> QFuture<Result<T>> RemoteClient::call(RemoteRequest request, Parse parse)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    auto pending = std::make_shared<RemoteCall>();
    pending->request = std::move(request);
    pending->requestId = "kvdesk-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + '-'
        + QByteArray::number(++m_nextRequest);
    pending->future = QFuture<void>(future);
    const bool offThread = pending->request.bulk;
    pending->deliver = [promise, parse = std::move(parse), offThread](Result<HttpAnswer> outcome) {
        const auto fulfil = [promise, parse](const Result<HttpAnswer>& answer) {
            promise->addResult(answer ? parse(*answer) : Result<T>(answer.error()));
            promise->finish();
        };
        if (offThread && outcome) {
            (void)QtConcurrent::run([fulfil, outcome = std::move(outcome)] { fulfil(outcome); });
        } else {
            fulfil(outcome);
        }
    };
    if (pending->request.encodeBody) {
        whenDone(
            QtConcurrent::run(std::move(pending->request.encodeBody)), this, [this, pending](const QByteArray& body) {
                pending->request.body = body;
                send(pending);
            });
        pending->request.encodeBody = nullptr;
        return future;
    }
    // Sent from the event loop, so that even a failure known at once (an open breaker) arrives
    // after the caller has attached its continuation, like every other outcome.
    QTimer::singleShot(0, this, [this, pending] { send(pending); });
    return future;
}

void RemoteClient::send(const std::shared_ptr<RemoteCall>& call)
{
    if (call->future.isCanceled()) {
        return;
    }
    const auto now = CircuitBreaker::Clock::now();
    if (!m_breaker->allow(now)) {
        const qint64 seconds = (m_breaker->reopensIn(now).count() + 999) / 1000;
        call->deliver(Error(ErrorCode::Unavailable,
            QStringLiteral("%1 failed %2 times in a row; calls are paused for %3 s before the next try")
                .arg(m_options.baseUrl.toString())
                .arg(m_breaker->consecutiveFailures())
                .arg(seconds),
            QJsonObject { { QStringLiteral("breaker"), QStringLiteral("open") },
                { QStringLiteral("retryAfterSeconds"), seconds } }));
        return;
    }
    call->probe = m_breaker->state() == BreakerState::HalfOpen;
    ++call->attempt;
    call->sslErrors.clear();

    QUrl url = m_options.baseUrl;
    url.setPath(
        url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + call->request.path, QUrl::TolerantMode);
    if (!call->request.query.isEmpty()) {
        url.setQuery(call->request.query);
    }
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_options.apiKey.toUtf8());
    request.setRawHeader(QByteArrayLiteral("X-Request-Id"), call->requestId);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("kvdesk/" KV_VERSION));
    if (!call->request.contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->request.contentType);
    }
    for (const auto& [name, value] : std::as_const(call->request.headers)) {
        request.setRawHeader(name, value);
    }
    QNetworkReply* reply = m_network->sendCustomRequest(request, call->request.method, call->request.body);
    ++m_attemptsSent;

    // Per attempt: a server that accepts and never answers must not hold the call forever.
    auto* timeout = new QTimer(reply);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, reply, [reply] {
        reply->setProperty("kvTimedOut", true);
        reply->abort();
    });
    timeout->start(call->request.bulk ? m_options.bulkTimeout : m_options.timeout);

    // A cancelled call stops its request at once, not only its delivery.
    auto* cancel = new QFutureWatcher<void>(reply);
    connect(cancel, &QFutureWatcher<void>::canceled, reply, &QNetworkReply::abort);
    cancel->setFuture(call->future);

    connect(reply, &QNetworkReply::sslErrors, reply, [this, call, reply](const QList<QSslError>& errors) {
        const QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
        if (m_options.trustedCertificates.contains(certificate)) {
            reply->ignoreSslErrors(errors);
            return;
        }
        call->sslErrors = errors;
        call->peerCertificate = certificate;
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        reply->deleteLater();
        onFinished(call, reply);
    });
}

void RemoteClient::onFinished(const std::shared_ptr<RemoteCall>& call, QNetworkReply* reply)
{
    if (call->future.isCanceled()) {
        if (call->probe) {
            m_breaker->abandoned();
        }
        return;
    }
    const QString server = m_options.baseUrl.toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    std::optional<Result<HttpAnswer>> outcome;
    bool retriable = false;
    bool serverFault = false;
    qint64 retryAfter = -1;
    if (reply->property("kvTimedOut").toBool()) {
        const qint64 seconds = (call->request.bulk ? m_options.bulkTimeout : m_options.timeout).count() / 1000;
        outcome = Error(ErrorCode::Timeout, QStringLiteral("%1 did not answer within %2 s").arg(server).arg(seconds),
            QJsonObject { { QStringLiteral("attempts"), call->attempt } });
        retriable = serverFault = true;
    } else if (!call->sslErrors.isEmpty()) {
        outcome = tlsError(call->peerCertificate, call->sslErrors);
    } else if (status == 0) {
        outcome = Error(ErrorCode::Network, QStringLiteral("cannot reach %1: %2").arg(server, reply->errorString()),
            QJsonObject { { QStringLiteral("networkError"), static_cast<int>(reply->error()) },
                { QStringLiteral("attempts"), call->attempt } });
        retriable = serverFault = true;
    } else {
        HttpAnswer answer { status, reply->readAll(), {} };
        for (const auto& [name, value] : reply->rawHeaderPairs()) {
            answer.headers.insert(name.toLower(), value);
        }
        if (status == 429 || status == 503) {
            retriable = true;
            retryAfter = kvd::retryAfterSeconds(answer);
        } else if (status >= 500) {
            retriable = true;
        }
        serverFault = status >= 500;
        outcome = std::move(answer);
    }
    if (serverFault) {
        m_breaker->failure(CircuitBreaker::Clock::now());
    } else {
        m_breaker->success();
    }

    if (retriable && call->request.idempotent && call->attempt < m_options.maxAttempts) {
        // Full jitter: a random wait up to the exponential bound, so that clients that failed
        // together do not retry together.
        const qint64 bound = std::min<qint64>(
            m_options.maxBackoff.count(), m_options.baseBackoff.count() << std::min(call->attempt - 1, 20));
        qint64 wait = QRandomGenerator::global()->bounded(std::max<qint64>(bound, 1));
        const bool waitable = retryAfter < 0 || retryAfter * 1000 <= m_options.maxRetryAfter.count();
        if (waitable) {
            if (retryAfter >= 0) {
                wait = std::max(wait, retryAfter * 1000);
            }
            QTimer::singleShot(std::chrono::milliseconds(wait), this, [this, call] { send(call); });
            return;
        }
    }
    call->deliver(std::move(*outcome));
}

Error RemoteClient::tlsError(const QSslCertificate& certificate, const QList<QSslError>& errors) const
{
    QStringList reasons;
    for (const QSslError& error : errors) {
        reasons.append(error.errorString());
    }
    const QJsonObject details {
        { QStringLiteral("host"), m_options.baseUrl.host() },
        { QStringLiteral("errors"), QJsonArray::fromStringList(reasons) },
        { QStringLiteral("certificate"),
            QJsonObject { { QStringLiteral("subject"), certificate.subjectDisplayName() },
                { QStringLiteral("issuer"), certificate.issuerDisplayName() },
                { QStringLiteral("sha256"),
                    QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':')) },
                { QStringLiteral("notBefore"), certificate.effectiveDate().toUTC().toString(Qt::ISODate) },
                { QStringLiteral("notAfter"), certificate.expiryDate().toUTC().toString(Qt::ISODate) },
                { QStringLiteral("pem"), QString::fromLatin1(certificate.toPem()) } } },
    };
    return Error(ErrorCode::TlsError,
        QStringLiteral("the certificate of %1 is not trusted: %2").arg(m_options.baseUrl.host(), reasons.join(u"; ")),
        details);
}

// The calls ----------------------------------------------------------------------------------

namespace {

QByteArray compact(const QJsonValue& value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

template <typename T> auto whenOk(Result<T> (*read)(const HttpAnswer&))
{
    return [read](const HttpAnswer& answer) -> Result<T> {
        if (answer.status >= 400) {
            return kvd::errorOf(answer);
        }
        return read(answer);
    };
}

auto noContent()
{
    return [](const HttpAnswer& answer) -> Result<void> {
        if (answer.status >= 400) {
            return kvd::errorOf(answer);
        }
        return {};
    };
}

QString namespacePath(const QString& ns)
{
    return QStringLiteral("/v1/namespaces/") + kvd::pathSegment(ns);
}

/// An empty key would make a path without its last segment, which is no value's route: it is
/// refused here with the model's own error, as the embedded service refuses it.
template <typename T> std::optional<QFuture<Result<T>>> refuseEmptyKey(const QString& key)
{
    if (!key.isEmpty()) {
        return std::nullopt;
    }
    return QtFuture::makeReadyFuture(Result<T>(model::validateKey(key, model::Limits {}).error()));
}

RemoteRequest getRequest(QString path)
{
    return RemoteRequest { "GET", std::move(path), {}, {}, {}, {}, true, false, {} };
}

/// A request with a JSON body.
RemoteRequest jsonRequest(QByteArray method, QString path, const QJsonValue& body, bool idempotent)
{
    return RemoteRequest { std::move(method), std::move(path), {}, compact(body), "application/json", {}, idempotent,
        false, {} };
}

/// A bulk POST whose body `encode` makes on a worker thread.
RemoteRequest bulkRequest(QString path, std::function<QJsonValue()> encode, bool idempotent)
{
    return RemoteRequest { "POST", std::move(path), {}, {}, "application/json", {}, idempotent, true,
        [encode = std::move(encode)] { return compact(encode()); } };
}

RemoteRequest plainRequest(QByteArray method, QString path, bool idempotent)
{
    return RemoteRequest { std::move(method), std::move(path), {}, {}, {}, {}, idempotent, false, {} };
}

} // namespace

QFuture<Result<Health>> RemoteClient::health()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return call<Health>(getRequest(QStringLiteral("/healthz")), [timer](const HttpAnswer& answer) -> Result<Health> {
        if (answer.status >= 400) {
            return kvd::errorOf(answer);
        }
        auto health = kvd::healthOf(answer);
        if (health) {
            health->latency = std::chrono::milliseconds(timer->elapsed());
        }
        return health;
    });
}

QFuture<Result<QList<model::Namespace>>> RemoteClient::listNamespaces()
{
    return call<QList<model::Namespace>>(getRequest(QStringLiteral("/v1/namespaces")), whenOk(&kvd::namespacesOf));
}

QFuture<Result<model::Namespace>> RemoteClient::getNamespace(const QString& id)
{
    return call<model::Namespace>(getRequest(namespacePath(id)), whenOk(&kvd::namespaceOf));
}

QFuture<Result<model::Namespace>> RemoteClient::createNamespace(const QString& id, const QString& plan)
{
    QJsonObject body { { QStringLiteral("id"), id } };
    if (!plan.isEmpty()) {
        body.insert(QStringLiteral("plan"), plan);
    }
    return call<model::Namespace>(
        jsonRequest("POST", QStringLiteral("/v1/namespaces"), body, false), whenOk(&kvd::namespaceOf));
}

QFuture<Result<model::Namespace>> RemoteClient::setNamespacePlan(const QString& id, const QString& plan)
{
    return call<model::Namespace>(
        jsonRequest("PATCH", namespacePath(id), QJsonObject { { QStringLiteral("plan"), plan } }, true),
        whenOk(&kvd::namespaceOf));
}

QFuture<Result<void>> RemoteClient::deleteNamespace(const QString& id)
{
    return call<void>(plainRequest("DELETE", namespacePath(id), true), noContent());
}

QFuture<Result<QList<model::Plan>>> RemoteClient::listPlans()
{
    return call<QList<model::Plan>>(getRequest(QStringLiteral("/v1/plans")), whenOk(&kvd::plansOf));
}

QFuture<Result<model::KeyPage>> RemoteClient::listKeys(const QString& ns, const ListRequest& request)
{
    RemoteRequest list = getRequest(namespacePath(ns) + QStringLiteral("/keys"));
    if (!request.prefix.isEmpty()) {
        list.query.addQueryItem(QStringLiteral("prefix"), kvd::pathSegment(request.prefix));
    }
    if (!request.cursor.isEmpty()) {
        list.query.addQueryItem(QStringLiteral("cursor"), kvd::pathSegment(request.cursor));
    }
    if (request.limit) {
        list.query.addQueryItem(QStringLiteral("limit"), QString::number(*request.limit));
    }
    // Sent only when it is not the default, so that an ascending listing is the same request it
    // always was.
    const model::KeyOrder order = request.order;
    if (order != model::KeyOrder::Ascending) {
        list.query.addQueryItem(QStringLiteral("order"), QString(model::keyOrderName(order)));
    }
    return call<model::KeyPage>(std::move(list), [order](const HttpAnswer& answer) -> Result<model::KeyPage> {
        if (answer.status >= 400) {
            return kvd::errorOf(answer);
        }
        return kvd::keyPageOf(answer, order);
    });
}

QFuture<Result<model::Entry>> RemoteClient::getValue(const QString& ns, const QString& key)
{
    if (auto refused = refuseEmptyKey<model::Entry>(key)) {
        return *refused;
    }
    return call<model::Entry>(getRequest(namespacePath(ns) + QStringLiteral("/values/") + kvd::pathSegment(key)),
        [key](const HttpAnswer& answer) -> Result<model::Entry> {
            if (answer.status >= 400) {
                return kvd::errorOf(answer);
            }
            return kvd::entryOf(key, answer);
        });
}

QFuture<Result<PutResult>> RemoteClient::putValue(const QString& ns, const PutRequest& request)
{
    if (auto refused = refuseEmptyKey<PutResult>(request.key)) {
        return *refused;
    }
    RemoteRequest put { "PUT", namespacePath(ns) + QStringLiteral("/values/") + kvd::pathSegment(request.key), {},
        request.value, "application/octet-stream", {}, true, false, {} };
    if (!request.metadata.isEmpty()) {
        put.headers.append({ QByteArrayLiteral("Kv-Metadata"), model::json::asciiJson(request.metadata) });
    }
    if (request.expiry.ttlSeconds) {
        put.query.addQueryItem(QStringLiteral("ttl"), QString::number(*request.expiry.ttlSeconds));
    }
    if (request.expiry.expirationSeconds) {
        put.query.addQueryItem(QStringLiteral("expiration"), QString::number(*request.expiry.expirationSeconds));
    }
    if (request.precondition.kind == Precondition::Kind::VersionEquals) {
        put.headers.append({ QByteArrayLiteral("If-Match"), kvd::etagOf(request.precondition.version) });
    } else if (request.precondition.kind == Precondition::Kind::Absent) {
        put.headers.append({ QByteArrayLiteral("If-None-Match"), QByteArrayLiteral("*") });
    }
    return call<PutResult>(std::move(put), whenOk(&kvd::putResultOf));
}

QFuture<Result<bool>> RemoteClient::deleteValue(const QString& ns, const QString& key, const Precondition& precondition)
{
    if (auto refused = refuseEmptyKey<bool>(key)) {
        return *refused;
    }
    RemoteRequest remove { "DELETE", namespacePath(ns) + QStringLiteral("/values/") + kvd::pathSegment(key), {}, {}, {},
        {}, true, false, {} };
    if (precondition.kind == Precondition::Kind::VersionEquals) {
        remove.headers.append({ QByteArrayLiteral("If-Match"), kvd::etagOf(precondition.version) });
    }
    return call<bool>(std::move(remove), whenOk(&kvd::deletedOf));
}

QFuture<Result<QList<ItemResult>>> RemoteClient::getMany(const QString& ns, const QList<QString>& keys)
{
    // A read: safe to repeat although it is a POST.
    return call<QList<ItemResult>>(
        bulkRequest(
            namespacePath(ns) + QStringLiteral("/bulk/get"), [keys] { return QJsonArray::fromStringList(keys); }, true),
        whenOk(&kvd::getItemsOf));
}

QFuture<Result<BatchResult>> RemoteClient::putMany(const QString& ns, const QList<PutRequest>& requests)
{
    // Repeating a batch is safe only when every item is conditional: a second run then fails
    // its preconditions instead of writing again.
    const bool conditional = std::all_of(requests.cbegin(), requests.cend(),
        [](const PutRequest& request) { return request.precondition.kind != Precondition::Kind::None; });
    return call<BatchResult>(
        bulkRequest(
            namespacePath(ns) + QStringLiteral("/bulk"), [requests] { return kvd::putItems(requests); }, conditional),
        &kvd::batchOf);
}

QFuture<Result<BatchResult>> RemoteClient::deleteMany(const QString& ns, const QList<DeleteRequest>& requests)
{
    // Deleting what is already gone changes nothing: a delete batch may be repeated.
    return call<BatchResult>(bulkRequest(
                                 namespacePath(ns) + QStringLiteral("/bulk/delete"),
                                 [requests] { return kvd::deleteItems(requests); }, true),
        &kvd::batchOf);
}

QFuture<Result<QList<model::ApiKey>>> RemoteClient::listApiKeys()
{
    return call<QList<model::ApiKey>>(getRequest(QStringLiteral("/v1/apikeys")), whenOk(&kvd::apiKeysOf));
}

QFuture<Result<IssuedApiKey>> RemoteClient::createApiKey(const NewApiKey& request)
{
    return call<IssuedApiKey>(jsonRequest("POST", QStringLiteral("/v1/apikeys"), kvd::newApiKeyBody(request), false),
        whenOk(&kvd::issuedKeyOf));
}

QFuture<Result<IssuedApiKey>> RemoteClient::rotateApiKey(const QString& id)
{
    return call<IssuedApiKey>(
        plainRequest("POST", QStringLiteral("/v1/apikeys/") + kvd::pathSegment(id) + QStringLiteral("/rotate"), false),
        whenOk(&kvd::issuedKeyOf));
}

QFuture<Result<void>> RemoteClient::revokeApiKey(const QString& id)
{
    return call<void>(plainRequest("DELETE", QStringLiteral("/v1/apikeys/") + kvd::pathSegment(id), true), noContent());
}

QFuture<Result<UsageReport>> RemoteClient::usage(const UsageQuery& query)
{
    RemoteRequest request = getRequest(QStringLiteral("/v1/usage"));
    request.query.addQueryItem(QStringLiteral("namespace"), kvd::pathSegment(query.ns));
    request.query.addQueryItem(QStringLiteral("from"), kvd::pathSegment(model::json::rfc3339(query.from)));
    request.query.addQueryItem(QStringLiteral("to"), kvd::pathSegment(model::json::rfc3339(query.to)));
    request.query.addQueryItem(
        QStringLiteral("step"), query.step == model::UsageStep::Day ? QStringLiteral("day") : QStringLiteral("hour"));
    return call<UsageReport>(std::move(request), whenOk(&kvd::usageReportOf));
}

QFuture<Result<AuditPage>> RemoteClient::auditPage(const AuditQuery& query)
{
    RemoteRequest request = getRequest(QStringLiteral("/v1/audit"));
    const auto add = [&request](const QString& name, const QString& value) {
        if (!value.isEmpty()) {
            request.query.addQueryItem(name, kvd::pathSegment(value));
        }
    };
    add(QStringLiteral("from"), query.from ? model::json::rfc3339(*query.from) : QString());
    add(QStringLiteral("to"), query.to ? model::json::rfc3339(*query.to) : QString());
    add(QStringLiteral("actor"), query.actor);
    add(QStringLiteral("action"), query.action);
    add(QStringLiteral("namespace"), query.ns);
    add(QStringLiteral("cursor"), query.beforeId > 0 ? QString::number(query.beforeId) : QString());
    add(QStringLiteral("limit"), QString::number(query.limit));
    return call<AuditPage>(std::move(request), whenOk(&kvd::auditPageOf));
}

QFuture<Result<QList<model::Peer>>> RemoteClient::listPeers(const QString& room)
{
    RemoteRequest request = getRequest(QStringLiteral("/v1/peers"));
    if (!room.isEmpty()) {
        request.query.addQueryItem(QStringLiteral("room"), kvd::pathSegment(room));
    }
    return call<QList<model::Peer>>(std::move(request), whenOk(&kvd::peersOf));
}

void RemoteClient::startEvents()
{
    m_feed->start();
}

void RemoteClient::stopEvents()
{
    m_feed->stop();
}

FeedState RemoteClient::feedState() const
{
    return m_feed->state();
}

} // namespace kv::client
