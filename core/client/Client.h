#pragma once
// Client is what the UI (and any other program) calls to reach a KV backend: one asynchronous
// interface, implemented in process by EmbeddedClient and over HTTP(S) by RemoteClient. Every
// call returns at once with a QFuture; the work runs elsewhere and never blocks the calling
// thread. Failures arrive as kv::Error with the same codes as the HTTP API. Cancelling a call's
// future (QFuture::cancel) abandons it: its result is never delivered.
//
// A client is used from the thread that created it; its signals arrive on that thread.

#include "model/ApiKey.h"
#include "model/AuditEvent.h"
#include "model/Entry.h"
#include "model/Namespace.h"
#include "model/Peer.h"
#include "model/Plan.h"
#include "model/Result.h"
#include "model/ServiceEvent.h"
#include "model/UsageBucket.h"
#include "service/ApiKeyService.h"
#include "service/AuditLog.h"
#include "service/KvService.h"
#include "service/UsageMeter.h"
#include "store/Store.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>

namespace kv::client {

// The request and result types of the service are the client's too: one vocabulary from the UI
// to the store, whichever backend answers.
using service::AuditPage;
using service::BatchResult;
using service::DeleteRequest;
using service::IssuedApiKey;
using service::ItemResult;
using service::ListRequest;
using service::NewApiKey;
using service::PutRequest;
using service::PutResult;
using service::UsageReport;
using store::AuditQuery;
using store::Precondition;

struct BackendInfo
{
    enum class Kind { Embedded, Remote };
    Kind kind = Kind::Embedded;
    /// Where the data lives: a store file path or a server URL.
    QString location;
    /// The version of this client library; the server's comes with health().
    QString version;
};

/// What a status bar shows: is the backend there, which version, how fast it answers.
struct Health
{
    bool healthy = false;
    QString serverVersion;
    std::chrono::milliseconds latency { 0 };
};

/// A remote client stops calling a server that keeps failing (Open), lets one call through after
/// a pause to see whether it is back (HalfOpen), and resumes when it is (Closed).
enum class BreakerState { Closed, Open, HalfOpen };

/// The live event feed: not started, connecting, live, or waiting to reconnect after a loss.
enum class FeedState { Off, Connecting, Live, Reconnecting };

struct UsageQuery
{
    QString ns;
    /// from <= bucket start < to.
    model::Timestamp from = 0;
    model::Timestamp to = 0;
    model::UsageStep step = model::UsageStep::Hour;
};

class Client : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Client() override = default;

    [[nodiscard]] virtual BackendInfo backendInfo() const = 0;
    virtual QFuture<Result<Health>> health() = 0;
    [[nodiscard]] virtual BreakerState breakerState() const { return BreakerState::Closed; }

    // Namespaces and plans ------------------------------------------------------------------
    virtual QFuture<Result<QList<model::Namespace>>> listNamespaces() = 0;
    virtual QFuture<Result<model::Namespace>> getNamespace(const QString& id) = 0;
    /// An empty plan means the backend's default plan.
    virtual QFuture<Result<model::Namespace>> createNamespace(const QString& id, const QString& plan = {}) = 0;
    virtual QFuture<Result<model::Namespace>> setNamespacePlan(const QString& id, const QString& plan) = 0;
    /// Deletes the namespace with every entry in it.
    virtual QFuture<Result<void>> deleteNamespace(const QString& id) = 0;
    virtual QFuture<Result<QList<model::Plan>>> listPlans() = 0;

    // Keys and values -----------------------------------------------------------------------
    /// One page of keys in key order; KeyPage::cursor resumes after it.
    virtual QFuture<Result<model::KeyPage>> listKeys(const QString& ns, const ListRequest& request) = 0;
    /// KeyNotFound when the key is absent or expired.
    virtual QFuture<Result<model::Entry>> getValue(const QString& ns, const QString& key) = 0;
    /// VersionConflict or KeyExists when the request's precondition fails.
    virtual QFuture<Result<PutResult>> putValue(const QString& ns, const PutRequest& request) = 0;
    /// true when a live entry was removed.
    virtual QFuture<Result<bool>> deleteValue(
        const QString& ns, const QString& key, const Precondition& precondition = {})
        = 0;

    // Bulk: per-item results; the write batches are atomic ------------------------------------
    virtual QFuture<Result<QList<ItemResult>>> getMany(const QString& ns, const QList<QString>& keys) = 0;
    virtual QFuture<Result<BatchResult>> putMany(const QString& ns, const QList<PutRequest>& requests) = 0;
    virtual QFuture<Result<BatchResult>> deleteMany(const QString& ns, const QList<DeleteRequest>& requests) = 0;

    // API keys: the secret exists only in what create and rotate return ----------------------
    virtual QFuture<Result<QList<model::ApiKey>>> listApiKeys() = 0;
    virtual QFuture<Result<IssuedApiKey>> createApiKey(const NewApiKey& request) = 0;
    virtual QFuture<Result<IssuedApiKey>> rotateApiKey(const QString& id) = 0;
    virtual QFuture<Result<void>> revokeApiKey(const QString& id) = 0;

    // Usage, audit, peers --------------------------------------------------------------------
    virtual QFuture<Result<UsageReport>> usage(const UsageQuery& query) = 0;
    virtual QFuture<Result<AuditPage>> auditPage(const AuditQuery& query) = 0;
    /// The signaling peers connected now (of one room, when given).
    virtual QFuture<Result<QList<model::Peer>>> listPeers(const QString& room = {}) = 0;

    // The live event feed ---------------------------------------------------------------------
    /// Starts delivering eventReceived(); a remote feed reconnects by itself after a loss and
    /// resumes after the last event it delivered.
    virtual void startEvents() = 0;
    virtual void stopEvents() = 0;
    [[nodiscard]] virtual FeedState feedState() const = 0;

Q_SIGNALS:
    void eventReceived(const kv::model::ServiceEvent& event);
    /// The feed came back but could not replay what happened meanwhile: views built from events
    /// should reload.
    void eventsMissed();
    void feedStateChanged(kv::client::FeedState state);
    void breakerStateChanged(kv::client::BreakerState state);
};

} // namespace kv::client
