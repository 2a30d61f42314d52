#pragma once
// ApiKeyService issues, checks and retires API keys (DESIGN.md, "API keys"). Secrets are shown
// once, at create and rotate, and kept only as MACs. authenticate() is on every request's path,
// so found keys are cached in a small LRU: revoking or rotating through this service evicts the
// key at once; a change made by another process (kvd apikey revoke while kvd serves) is seen
// when the cached entry ages out, after cacheTtl. Last-used times are gathered in memory and
// written in one transaction by flushUsage(), never on the request path.
//
// Thread-safe.

#include "model/ApiKey.h"
#include "model/Clock.h"
#include "model/Result.h"
#include "service/AuditLog.h"
#include "store/Store.h"

#include <QHash>
#include <QList>

#include <chrono>
#include <list>
#include <mutex>

namespace kv::service {

struct NewApiKey
{
    QString name;
    model::Scopes scopes;
    /// Empty: every namespace.
    QStringList namespaces;
    std::optional<model::Timestamp> expiresAt;
};

/// A key together with its secret: what create and rotate return, the only time the secret exists.
struct IssuedApiKey
{
    model::ApiKey key;
    QString secret;
};

class ApiKeyService final
{
public:
    struct Options
    {
        int cacheSize = 1024;
        std::chrono::milliseconds cacheTtl { 10'000 };
        /// When set, create, rotate and revoke are recorded in it.
        AuditLog* audit = nullptr;
    };

    ApiKeyService(store::Store& store, QByteArray serverSecret, const model::Clock& clock, Options options);
    ApiKeyService(
        store::Store& store, QByteArray serverSecret, const model::Clock& clock = model::SystemClock::instance());
    Q_DISABLE_COPY_MOVE(ApiKeyService)

    Result<IssuedApiKey> create(const NewApiKey& request, const RequestContext& context = {});
    Result<QList<model::ApiKey>> list();
    /// A new secret under a new id with the same name, scopes, namespaces and expiry; the old key
    /// stops working at once.
    Result<IssuedApiKey> rotate(const QString& id, const RequestContext& context = {});
    Result<void> revoke(const QString& id, const RequestContext& context = {});

    /// Unauthorized for a missing, malformed, unknown, wrong, expired or revoked secret. The
    /// message says which, except that a wrong secret and an unknown one read the same.
    Result<model::ApiKey> authenticate(const QString& secret);
    /// Forbidden when the key lacks the scope or, for a namespace route, the namespace.
    static Result<void> authorize(const model::ApiKey& key, model::Scope scope, const QString& ns = {});

    /// Writes the last-used times gathered since the previous flush.
    Result<void> flushUsage();

private:
    struct CachedKey
    {
        store::StoredApiKey stored;
        model::Timestamp cachedAt = 0;
    };

    Result<store::StoredApiKey> lookup(const QString& id);
    void evict(const QString& id);
    Result<void> audit(
        const RequestContext& context, const QString& action, const QString& id, const QJsonObject& details = {});

    store::Store& m_store;
    QByteArray m_serverSecret;
    const model::Clock& m_clock;
    Options m_options;

    std::mutex m_mutex;
    std::list<CachedKey> m_lru; // most recent first
    QHash<QString, std::list<CachedKey>::iterator> m_cache;
    QHash<QString, model::Timestamp> m_pendingUse;
    quint64 m_evictions = 0;
};

} // namespace kv::service
