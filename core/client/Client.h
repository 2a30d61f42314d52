#pragma once
// Client is what the UI (and any other program) calls to reach a KV backend: one asynchronous
// interface, implemented in process by EmbeddedClient and, later, over HTTP by RemoteClient.
// Every call returns at once with a QFuture; the work runs elsewhere and never blocks the
// calling thread. Failures arrive as kv::Error with the same codes as the HTTP API.

#include "model/Namespace.h"
#include "model/Result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

namespace kv::client {

struct BackendInfo
{
    enum class Kind { Embedded, Remote };
    Kind kind = Kind::Embedded;
    /// Where the data lives: a store file path or a server URL.
    QString location;
    QString version;
};

class Client : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Client() override = default;

    [[nodiscard]] virtual BackendInfo backendInfo() const = 0;

    virtual QFuture<Result<QList<model::Namespace>>> listNamespaces() = 0;
    /// An empty plan means the backend's default plan.
    virtual QFuture<Result<model::Namespace>> createNamespace(const QString& id, const QString& plan = {}) = 0;
    virtual QFuture<Result<void>> deleteNamespace(const QString& id) = 0;
};

} // namespace kv::client
