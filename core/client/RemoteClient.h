#pragma once
// RemoteClient reaches a kvd over HTTP or HTTPS (QNetworkAccessManager) with an API key, and
// its live event feed over a WebSocket (/v1/admin/events, QWebSocket). It makes a flaky network
// bearable without hiding it: every call has a request id and a timeout; idempotent calls are
// retried with exponential backoff and full jitter on network errors, timeouts, 5xx and 429
// (after Retry-After); a circuit breaker stops calling a server that keeps failing and probes it
// after a pause; a certificate that is not trusted fails with tls_error and the certificate's
// details, so that a person can choose to trust it (Options::trustedCertificates).

#include "client/Client.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace kv::client {

class CircuitBreaker;
class EventFeed;
struct RemoteCall;
struct RemoteRequest;

class RemoteClient final : public Client
{
    Q_OBJECT
public:
    struct Options
    {
        /// http(s)://host:port of the kvd, without /v1.
        QUrl baseUrl;
        QString apiKey;
        /// Per attempt of a call; bulk calls get bulkTimeout.
        std::chrono::milliseconds timeout { 15'000 };
        std::chrono::milliseconds bulkTimeout { 120'000 };
        /// Attempts of an idempotent call in all (1 = no retry).
        int maxAttempts = 4;
        /// Backoff before retry n (n = 1, 2, …): a random wait in [0, min(maxBackoff, baseBackoff × 2^(n−1))].
        std::chrono::milliseconds baseBackoff { 200 };
        std::chrono::milliseconds maxBackoff { 5'000 };
        /// A 429 whose Retry-After is longer than this is not waited for (a monthly quota).
        std::chrono::milliseconds maxRetryAfter { 30'000 };
        /// Consecutive failed calls (network, timeout, 5xx) that open the breaker, and how long it
        /// stays open before one probe call may pass.
        int breakerThreshold = 5;
        std::chrono::milliseconds breakerOpenFor { 10'000 };
        /// Certificates accepted even though they do not verify (e.g. a self-signed kvd the
        /// operator chose to trust), compared exactly.
        QList<QSslCertificate> trustedCertificates;
        /// The event feed's reconnect backoff bounds.
        std::chrono::milliseconds feedMinBackoff { 250 };
        std::chrono::milliseconds feedMaxBackoff { 15'000 };
    };

    explicit RemoteClient(Options options, QObject* parent = nullptr);
    ~RemoteClient() override;
    Q_DISABLE_COPY_MOVE(RemoteClient)

    [[nodiscard]] const Options& options() const { return m_options; }

    [[nodiscard]] BackendInfo backendInfo() const override;
    QFuture<Result<Health>> health() override;
    [[nodiscard]] BreakerState breakerState() const override;

    QFuture<Result<QList<model::Namespace>>> listNamespaces() override;
    QFuture<Result<model::Namespace>> getNamespace(const QString& id) override;
    QFuture<Result<model::Namespace>> createNamespace(const QString& id, const QString& plan = {}) override;
    QFuture<Result<model::Namespace>> setNamespacePlan(const QString& id, const QString& plan) override;
    QFuture<Result<void>> deleteNamespace(const QString& id) override;
    QFuture<Result<QList<model::Plan>>> listPlans() override;

    QFuture<Result<model::KeyPage>> listKeys(const QString& ns, const ListRequest& request) override;
    QFuture<Result<model::Entry>> getValue(const QString& ns, const QString& key) override;
    QFuture<Result<PutResult>> putValue(const QString& ns, const PutRequest& request) override;
    QFuture<Result<bool>> deleteValue(
        const QString& ns, const QString& key, const Precondition& precondition = {}) override;

    QFuture<Result<QList<ItemResult>>> getMany(const QString& ns, const QList<QString>& keys) override;
    QFuture<Result<BatchResult>> putMany(const QString& ns, const QList<PutRequest>& requests) override;
    QFuture<Result<BatchResult>> deleteMany(const QString& ns, const QList<DeleteRequest>& requests) override;

    QFuture<Result<QList<model::ApiKey>>> listApiKeys() override;
    QFuture<Result<IssuedApiKey>> createApiKey(const NewApiKey& request) override;
    QFuture<Result<IssuedApiKey>> rotateApiKey(const QString& id) override;
    QFuture<Result<void>> revokeApiKey(const QString& id) override;

    QFuture<Result<UsageReport>> usage(const UsageQuery& query) override;
    QFuture<Result<AuditPage>> auditPage(const AuditQuery& query) override;
    QFuture<Result<QList<model::Peer>>> listPeers(const QString& room = {}) override;

    void startEvents() override;
    void stopEvents() override;
    [[nodiscard]] FeedState feedState() const override;

    /// How many HTTP attempts this client has sent (retries included): lets tests and a
    /// diagnostics view see retries happen.
    [[nodiscard]] qint64 attemptsSent() const { return m_attemptsSent; }

private:
    /// Sends the request (again, on a retry) and delivers what `parse` makes of kvd's answer.
    template <typename T, typename Parse> QFuture<Result<T>> call(RemoteRequest request, Parse parse);
    void send(const std::shared_ptr<RemoteCall>& call);
    void onFinished(const std::shared_ptr<RemoteCall>& call, QNetworkReply* reply);
    [[nodiscard]] Error tlsError(const QSslCertificate& certificate, const QList<QSslError>& errors) const;

    Options m_options;
    QNetworkAccessManager* m_network;
    std::unique_ptr<CircuitBreaker> m_breaker;
    EventFeed* m_feed;
    quint64 m_nextRequest = 0;
    qint64 m_attemptsSent = 0;
};

} // namespace kv::client
