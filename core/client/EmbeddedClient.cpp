#include "client/EmbeddedClient.h"

#include "service/ApiKeyService.h"
#include "service/AuditLog.h"
#include "service/EventHub.h"
#include "service/ExpiryPurger.h"
#include "service/KvService.h"
#include "service/PeriodicTask.h"
#include "service/ServerSecretFile.h"
#include "service/UsageMeter.h"
#include "store/SqliteStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace kv::client {

// Members are destroyed in reverse order: the periodic tasks stop before the services they call,
// and the services before the store.
struct EmbeddedClient::Backend
{
    QString storePath;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<service::EventHub> events;
    std::unique_ptr<service::AuditLog> audit;
    std::unique_ptr<service::UsageMeter> usage;
    std::unique_ptr<service::KvService> service;
    std::unique_ptr<service::ApiKeyService> keys;
    std::unique_ptr<service::ExpiryPurger> purger;
    std::unique_ptr<service::PeriodicTask> flusher;

    ~Backend()
    {
        flusher.reset();
        // What was counted since the last interval is not lost when the client closes.
        if (usage) {
            (void)usage->flush();
        }
        if (keys) {
            (void)keys->flushUsage();
        }
    }
};

Result<std::unique_ptr<EmbeddedClient>> EmbeddedClient::open(const QString& storePath, QObject* parent)
{
    return open(Options { storePath, {}, model::Plan::builtins(), std::chrono::milliseconds(5000) }, parent);
}

Result<std::unique_ptr<EmbeddedClient>> EmbeddedClient::open(const Options& options, QObject* parent)
{
    auto store = store::SqliteStore::open(store::SqliteStore::Options { options.storePath });
    if (!store) {
        return store.error();
    }
    const QString secretPath = options.secretPath.isEmpty()
        ? QFileInfo(options.storePath).absoluteDir().filePath(QStringLiteral("server.secret"))
        : options.secretPath;
    auto secret = service::openServerSecretFile(secretPath);
    if (!secret) {
        return secret.error();
    }
    const model::Clock& clock = model::SystemClock::instance();
    auto backend = std::make_shared<Backend>();
    backend->storePath = options.storePath;
    backend->store = std::move(store.value());
    backend->events = std::make_unique<service::EventHub>(clock);
    backend->audit = std::make_unique<service::AuditLog>(*backend->store, clock, backend->events.get());
    backend->usage = std::make_unique<service::UsageMeter>(*backend->store, clock, backend->events.get());
    backend->service = std::make_unique<service::KvService>(
        *backend->store, clock, options.plans, model::Limits {}, backend->audit.get(), backend->usage.get());
    backend->keys = std::make_unique<service::ApiKeyService>(
        *backend->store, *secret, clock, service::ApiKeyService::Options { .audit = backend->audit.get() });
    backend->purger = std::make_unique<service::ExpiryPurger>(*backend->service);
    // A raw pointer: the task is destroyed first, in ~Backend.
    backend->flusher = std::make_unique<service::PeriodicTask>(options.flushInterval, [raw = backend.get()] {
        (void)raw->usage->flush();
        (void)raw->keys->flushUsage();
    });
    return std::unique_ptr<EmbeddedClient>(new EmbeddedClient(std::move(backend), parent));
}

EmbeddedClient::EmbeddedClient(std::shared_ptr<Backend> backend, QObject* parent)
    : Client(parent)
    , m_backend(std::move(backend))
{
    // SQLite serialises writers anyway; two threads let a read go by a long write.
    m_pool.setMaxThreadCount(2);
}

EmbeddedClient::~EmbeddedClient()
{
    stopEvents();
    // Tasks hold their own reference to the backend; wait so none outlives the pool.
    m_pool.waitForDone();
}

template <typename Work> auto EmbeddedClient::run(Work work)
{
    return QtConcurrent::run(&m_pool, [backend = m_backend, work = std::move(work)] { return work(*backend); });
}

BackendInfo EmbeddedClient::backendInfo() const
{
    return BackendInfo { BackendInfo::Kind::Embedded, m_backend->storePath, QStringLiteral(KV_VERSION) };
}

QFuture<Result<Health>> EmbeddedClient::health()
{
    return run([](Backend& backend) -> Result<Health> {
        QElapsedTimer timer;
        timer.start();
        auto namespaces = backend.store->listNamespaces();
        if (!namespaces) {
            return namespaces.error();
        }
        return Health { true, QStringLiteral(KV_VERSION),
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(timer.nsecsElapsed())) };
    });
}

QFuture<Result<QList<model::Namespace>>> EmbeddedClient::listNamespaces()
{
    return run([](Backend& backend) { return backend.service->listNamespaces(); });
}

QFuture<Result<model::Namespace>> EmbeddedClient::getNamespace(const QString& id)
{
    return run([id](Backend& backend) { return backend.service->getNamespace(id); });
}

QFuture<Result<model::Namespace>> EmbeddedClient::createNamespace(const QString& id, const QString& plan)
{
    return run([id, plan](Backend& backend) { return backend.service->createNamespace(id, plan); });
}

QFuture<Result<model::Namespace>> EmbeddedClient::setNamespacePlan(const QString& id, const QString& plan)
{
    return run([id, plan](Backend& backend) { return backend.service->setNamespacePlan(id, plan); });
}

QFuture<Result<void>> EmbeddedClient::deleteNamespace(const QString& id)
{
    return run([id](Backend& backend) { return backend.service->deleteNamespace(id); });
}

QFuture<Result<QList<model::Plan>>> EmbeddedClient::listPlans()
{
    return run([](Backend& backend) -> Result<QList<model::Plan>> { return backend.service->plans(); });
}

QFuture<Result<model::KeyPage>> EmbeddedClient::listKeys(const QString& ns, const ListRequest& request)
{
    return run([ns, request](Backend& backend) { return backend.service->list(ns, request); });
}

QFuture<Result<model::Entry>> EmbeddedClient::getValue(const QString& ns, const QString& key)
{
    return run([ns, key](Backend& backend) { return backend.service->get(ns, key); });
}

QFuture<Result<PutResult>> EmbeddedClient::putValue(const QString& ns, const PutRequest& request)
{
    return run([ns, request](Backend& backend) { return backend.service->put(ns, request); });
}

QFuture<Result<bool>> EmbeddedClient::deleteValue(
    const QString& ns, const QString& key, const Precondition& precondition)
{
    return run([ns, key, precondition](Backend& backend) { return backend.service->remove(ns, key, precondition); });
}

QFuture<Result<QList<ItemResult>>> EmbeddedClient::getMany(const QString& ns, const QList<QString>& keys)
{
    return run([ns, keys](Backend& backend) { return backend.service->getMany(ns, keys); });
}

QFuture<Result<BatchResult>> EmbeddedClient::putMany(const QString& ns, const QList<PutRequest>& requests)
{
    return run([ns, requests](Backend& backend) { return backend.service->putMany(ns, requests); });
}

QFuture<Result<BatchResult>> EmbeddedClient::deleteMany(const QString& ns, const QList<DeleteRequest>& requests)
{
    return run([ns, requests](Backend& backend) { return backend.service->removeMany(ns, requests); });
}

QFuture<Result<QList<model::ApiKey>>> EmbeddedClient::listApiKeys()
{
    return run([](Backend& backend) { return backend.keys->list(); });
}

QFuture<Result<IssuedApiKey>> EmbeddedClient::createApiKey(const NewApiKey& request)
{
    return run([request](Backend& backend) { return backend.keys->create(request); });
}

QFuture<Result<IssuedApiKey>> EmbeddedClient::rotateApiKey(const QString& id)
{
    return run([id](Backend& backend) { return backend.keys->rotate(id); });
}

QFuture<Result<void>> EmbeddedClient::revokeApiKey(const QString& id)
{
    return run([id](Backend& backend) { return backend.keys->revoke(id); });
}

QFuture<Result<UsageReport>> EmbeddedClient::usage(const UsageQuery& query)
{
    return run(
        [query](Backend& backend) { return backend.service->usage(query.ns, query.from, query.to, query.step); });
}

QFuture<Result<AuditPage>> EmbeddedClient::auditPage(const AuditQuery& query)
{
    return run([query](Backend& backend) { return backend.audit->page(query); });
}

QFuture<Result<QList<model::Peer>>> EmbeddedClient::listPeers(const QString&)
{
    return QtFuture::makeReadyFuture(Result<QList<model::Peer>>(QList<model::Peer> {}));
}

QFuture<Result<void>> EmbeddedClient::flushUsage()
{
    return run([](Backend& backend) { return backend.usage->flush(); });
}

void EmbeddedClient::startEvents()
{
    if (m_subscription != 0) {
        return;
    }
    // The hub calls back on the thread that published; the event crosses to this client's
    // thread as a queued call, which Qt drops if the client is gone by then.
    m_subscription = m_backend->events
                         ->subscribe([this](const model::ServiceEvent& event) {
                             QMetaObject::invokeMethod(
                                 this, [this, event] { Q_EMIT eventReceived(event); }, Qt::QueuedConnection);
                         })
                         .id;
    Q_EMIT feedStateChanged(FeedState::Live);
}

void EmbeddedClient::stopEvents()
{
    if (m_subscription == 0) {
        return;
    }
    // Once unsubscribe returns, no listener call is running or will run.
    m_backend->events->unsubscribe(m_subscription);
    m_subscription = 0;
    Q_EMIT feedStateChanged(FeedState::Off);
}

FeedState EmbeddedClient::feedState() const
{
    return m_subscription != 0 ? FeedState::Live : FeedState::Off;
}

} // namespace kv::client
