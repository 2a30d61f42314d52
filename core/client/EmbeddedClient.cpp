#include "client/EmbeddedClient.h"

#include "service/ExpiryPurger.h"
#include "service/KvService.h"
#include "store/SqliteStore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace kv::client {

struct EmbeddedClient::Backend
{
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<service::KvService> service;
    std::unique_ptr<service::ExpiryPurger> purger;
};

Result<std::unique_ptr<EmbeddedClient>> EmbeddedClient::open(const QString& storePath, QObject* parent)
{
    auto store = store::SqliteStore::open(store::SqliteStore::Options { storePath });
    if (!store) {
        return store.error();
    }
    auto backend = std::make_shared<Backend>();
    backend->store = std::move(store.value());
    backend->service = std::make_unique<service::KvService>(*backend->store);
    backend->purger = std::make_unique<service::ExpiryPurger>(*backend->service);
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
    // Tasks hold their own reference to the backend; wait so none outlives the pool.
    m_pool.waitForDone();
}

BackendInfo EmbeddedClient::backendInfo() const
{
    return BackendInfo { BackendInfo::Kind::Embedded, m_backend->store->path(), QStringLiteral(KV_VERSION) };
}

QFuture<Result<QList<model::Namespace>>> EmbeddedClient::listNamespaces()
{
    return QtConcurrent::run(&m_pool, [backend = m_backend] { return backend->service->listNamespaces(); });
}

QFuture<Result<model::Namespace>> EmbeddedClient::createNamespace(const QString& id, const QString& plan)
{
    return QtConcurrent::run(
        &m_pool, [backend = m_backend, id, plan] { return backend->service->createNamespace(id, plan); });
}

QFuture<Result<void>> EmbeddedClient::deleteNamespace(const QString& id)
{
    return QtConcurrent::run(&m_pool, [backend = m_backend, id] { return backend->service->deleteNamespace(id); });
}

} // namespace kv::client
