#pragma once
// EmbeddedClient runs the service and an SQLite store in process: the offline, local backend.
// Calls run on the client's own worker threads, never on the caller's; the local operator is
// trusted, so no API key is involved.

#include "client/Client.h"

#include <QString>
#include <QThreadPool>

#include <memory>

namespace kv::client {

class EmbeddedClient final : public Client
{
    Q_OBJECT
public:
    /// Opens (or creates) the store file; fails with the store's error, e.g. a file that is
    /// not a kvdesk store or a store of a newer version.
    static Result<std::unique_ptr<EmbeddedClient>> open(const QString& storePath, QObject* parent = nullptr);
    ~EmbeddedClient() override;
    Q_DISABLE_COPY_MOVE(EmbeddedClient)

    [[nodiscard]] BackendInfo backendInfo() const override;

    QFuture<Result<QList<model::Namespace>>> listNamespaces() override;
    QFuture<Result<model::Namespace>> createNamespace(const QString& id, const QString& plan = {}) override;
    QFuture<Result<void>> deleteNamespace(const QString& id) override;

private:
    struct Backend;
    EmbeddedClient(std::shared_ptr<Backend> backend, QObject* parent);

    /// The store and service, shared with the tasks that are still running when the client goes.
    std::shared_ptr<Backend> m_backend;
    QThreadPool m_pool;
};

} // namespace kv::client
