#pragma once
// EmbeddedClient runs the service and an SQLite store in process: the offline, local backend.
// Calls run on the client's own worker threads, never on the caller's; the local operator is
// trusted, so no API key is involved (changes are audited with the actor "local"). The event
// feed comes from the service itself: audit events as they are written, usage ticks at each
// flush, quota warnings.

#include "client/Client.h"

#include <QString>
#include <QThreadPool>

#include <chrono>
#include <memory>

namespace kv::client {

class EmbeddedClient final : public Client
{
    Q_OBJECT
public:
    struct Options
    {
        QString storePath;
        /// The server secret that API keys are made with; empty: server.secret beside the store
        /// (created when missing), as kvd's data directory keeps it, so keys made here work
        /// when kvd serves the same directory.
        QString secretPath;
        QList<model::Plan> plans = model::Plan::builtins();
        /// How often usage counters reach the store (and usage ticks the feed).
        std::chrono::milliseconds flushInterval { 5000 };
    };

    /// Opens (or creates) the store file; fails with the store's error, e.g. a file that is
    /// not a kvdesk store or a store of a newer version.
    static Result<std::unique_ptr<EmbeddedClient>> open(const Options& options, QObject* parent = nullptr);
    static Result<std::unique_ptr<EmbeddedClient>> open(const QString& storePath, QObject* parent = nullptr);
    ~EmbeddedClient() override;
    Q_DISABLE_COPY_MOVE(EmbeddedClient)

    [[nodiscard]] BackendInfo backendInfo() const override;
    QFuture<Result<Health>> health() override;

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
    /// Always empty: signaling peers connect to a kvd, never to a local store.
    QFuture<Result<QList<model::Peer>>> listPeers(const QString& room = {}) override;

    void startEvents() override;
    void stopEvents() override;
    [[nodiscard]] FeedState feedState() const override;

    /// Writes the usage counted so far now instead of at the next interval (publishing its
    /// usage ticks); for a caller that is about to read usage from elsewhere, and for tests.
    QFuture<Result<void>> flushUsage();

private:
    struct Backend;
    EmbeddedClient(std::shared_ptr<Backend> backend, QObject* parent);

    /// Runs `work` on the pool with the backend; the future carries what it returns.
    template <typename Work> auto run(Work work);

    /// The store and service, shared with the tasks that are still running when the client goes.
    std::shared_ptr<Backend> m_backend;
    QThreadPool m_pool;
    /// The feed's subscription to the service's events; 0 when stopped.
    int m_subscription = 0;
};

} // namespace kv::client
