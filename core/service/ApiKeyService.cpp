#include "service/ApiKeyService.h"

#include "model/Validation.h"
#include "service/ApiKeySecret.h"

#include <QJsonArray>

namespace kv::service {

namespace {

Error unauthorized(const QString& why)
{
    return Error(ErrorCode::Unauthorized, why);
}

Result<void> validateNewKey(const NewApiKey& request, model::Timestamp now)
{
    for (const Result<void>& valid : { model::validateApiKeyName(request.name),
             model::validateApiKeyScopes(request.scopes), model::validateApiKeyNamespaces(request.namespaces),
             model::validateApiKeyExpiry(request.expiresAt, now) }) {
        if (!valid) {
            return valid;
        }
    }
    return {};
}

} // namespace

ApiKeyService::ApiKeyService(store::Store& store, QByteArray serverSecret, const model::Clock& clock, Options options)
    : m_store(store)
    , m_serverSecret(std::move(serverSecret))
    , m_clock(clock)
    , m_options(options)
{ }

ApiKeyService::ApiKeyService(store::Store& store, QByteArray serverSecret, const model::Clock& clock)
    : ApiKeyService(store, std::move(serverSecret), clock, Options {})
{ }

Result<IssuedApiKey> ApiKeyService::create(const NewApiKey& request, const RequestContext& context)
{
    const model::Timestamp now = m_clock.now();
    if (auto valid = validateNewKey(request, now); !valid) {
        return valid.error();
    }
    const ApiKeySecret secret = ApiKeySecret::generate();
    store::StoredApiKey stored;
    stored.key.id = secret.id;
    stored.key.name = request.name.trimmed();
    stored.key.prefix = ApiKeySecret::prefixOf(secret.secret);
    stored.key.scopes = request.scopes;
    stored.key.namespaces = request.namespaces;
    stored.key.createdAt = now;
    stored.key.expiresAt = request.expiresAt;
    stored.secretHash = hashSecret(m_serverSecret, secret.secret);
    if (auto inserted = m_store.insertApiKey(stored); !inserted) {
        return inserted.error();
    }
    if (auto audited = audit(context, QStringLiteral("apikey.create"), stored.key.id,
            QJsonObject { { QStringLiteral("name"), stored.key.name },
                { QStringLiteral("scopes"), QJsonArray::fromStringList(model::scopeNames(stored.key.scopes)) },
                { QStringLiteral("namespaces"), QJsonArray::fromStringList(stored.key.namespaces) } });
        !audited) {
        return audited.error();
    }
    return IssuedApiKey { stored.key, secret.secret };
}

Result<QList<model::ApiKey>> ApiKeyService::list()
{
    if (auto flushed = flushUsage(); !flushed) {
        return flushed.error();
    }
    return m_store.listApiKeys();
}

Result<IssuedApiKey> ApiKeyService::rotate(const QString& id, const RequestContext& context)
{
    auto found = m_store.findApiKey(id);
    if (!found) {
        return found.error();
    }
    const model::Timestamp now = m_clock.now();
    if (!*found || !(*found)->key.isActive(now)) {
        return Error(ErrorCode::ApiKeyNotFound, QStringLiteral("there is no active API key \"%1\" to rotate").arg(id),
            QJsonObject { { QStringLiteral("id"), id } });
    }
    const model::ApiKey& old = (*found)->key;
    const ApiKeySecret secret = ApiKeySecret::generate();
    store::StoredApiKey replacement;
    replacement.key = old;
    replacement.key.id = secret.id;
    replacement.key.prefix = ApiKeySecret::prefixOf(secret.secret);
    replacement.key.createdAt = now;
    replacement.key.lastUsedAt.reset();
    replacement.key.revokedAt.reset();
    replacement.key.rotatedFrom = old.id;
    replacement.key.rotatedTo.clear();
    replacement.secretHash = hashSecret(m_serverSecret, secret.secret);
    if (auto rotated = m_store.rotateApiKey(id, replacement, now); !rotated) {
        return rotated.error();
    }
    evict(id);
    if (auto audited = audit(context, QStringLiteral("apikey.rotate"), id,
            QJsonObject { { QStringLiteral("replacement"), replacement.key.id } });
        !audited) {
        return audited.error();
    }
    return IssuedApiKey { replacement.key, secret.secret };
}

Result<void> ApiKeyService::revoke(const QString& id, const RequestContext& context)
{
    if (auto revoked = m_store.revokeApiKey(id, m_clock.now()); !revoked) {
        return revoked;
    }
    evict(id);
    return audit(context, QStringLiteral("apikey.revoke"), id);
}

Result<void> ApiKeyService::audit(
    const RequestContext& context, const QString& action, const QString& id, const QJsonObject& details)
{
    if (!m_options.audit) {
        return {};
    }
    if (auto recorded = m_options.audit->record(context, action, {}, id, details); !recorded) {
        return recorded.error();
    }
    return {};
}

Result<model::ApiKey> ApiKeyService::authenticate(const QString& secret)
{
    if (secret.isEmpty()) {
        return unauthorized(QStringLiteral("this route needs an API key: send Authorization: Bearer <key>"));
    }
    const auto id = ApiKeySecret::parse(secret);
    if (!id) {
        return unauthorized(
            QStringLiteral("the API key is malformed (a key starts with kvd_ and is %1 characters long)")
                .arg(ApiKeySecret::kLength));
    }
    auto stored = lookup(*id);
    const QByteArray mac = hashSecret(m_serverSecret, secret);
    // Unknown and wrong keys answer alike, and both pay for the comparison.
    if (!stored || !macEquals(mac, stored->secretHash)) {
        if (!stored && stored.error().code() != ErrorCode::ApiKeyNotFound) {
            return stored.error();
        }
        return unauthorized(QStringLiteral("the API key is not valid"));
    }
    const model::Timestamp now = m_clock.now();
    const model::ApiKey& key = stored->key;
    if (key.revokedAt) {
        return unauthorized(key.rotatedTo.isEmpty()
                ? QStringLiteral("the API key %1 was revoked").arg(key.prefix)
                : QStringLiteral("the API key %1 was rotated; use its replacement").arg(key.prefix));
    }
    if (key.expiresAt && *key.expiresAt <= now) {
        return unauthorized(QStringLiteral("the API key %1 has expired").arg(key.prefix));
    }
    {
        const std::lock_guard lock(m_mutex);
        m_pendingUse.insert(key.id, now);
    }
    return key;
}

Result<void> ApiKeyService::authorize(const model::ApiKey& key, model::Scope scope, const QString& ns)
{
    if (!key.scopes.testFlag(scope)) {
        return Error(ErrorCode::Forbidden,
            QStringLiteral("the API key %1 lacks the \"%2\" scope").arg(key.prefix, model::scopeName(scope)),
            QJsonObject { { QStringLiteral("scope"), model::scopeName(scope) } });
    }
    if (!ns.isEmpty() && !key.allowsNamespace(ns)) {
        return Error(ErrorCode::Forbidden,
            QStringLiteral("the API key %1 may not use the namespace \"%2\"").arg(key.prefix, ns),
            QJsonObject { { QStringLiteral("namespace"), ns } });
    }
    return {};
}

Result<void> ApiKeyService::flushUsage()
{
    QHash<QString, model::Timestamp> pending;
    {
        const std::lock_guard lock(m_mutex);
        pending.swap(m_pendingUse);
    }
    auto recorded = m_store.recordApiKeyUse(pending);
    if (!recorded) {
        // Keep the times for the next flush rather than lose them.
        const std::lock_guard lock(m_mutex);
        for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
            m_pendingUse.insert(it.key(), std::max(it.value(), m_pendingUse.value(it.key())));
        }
    }
    return recorded;
}

Result<store::StoredApiKey> ApiKeyService::lookup(const QString& id)
{
    const model::Timestamp now = m_clock.now();
    quint64 evictionsBefore = 0;
    {
        const std::lock_guard lock(m_mutex);
        evictionsBefore = m_evictions;
        if (const auto it = m_cache.constFind(id); it != m_cache.cend()) {
            if (now - (*it)->cachedAt < m_options.cacheTtl.count()) {
                m_lru.splice(m_lru.begin(), m_lru, *it);
                return m_lru.front().stored;
            }
            m_lru.erase(*it);
            m_cache.erase(it);
        }
    }
    auto found = m_store.findApiKey(id);
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return Error(ErrorCode::ApiKeyNotFound, QStringLiteral("there is no API key \"%1\"").arg(id));
    }
    const std::lock_guard lock(m_mutex);
    // A revoke that ran while the store was read may have evicted nothing yet: do not cache
    // what might already be stale.
    if (!m_cache.contains(id) && m_evictions == evictionsBefore) {
        m_lru.push_front(CachedKey { **found, now });
        m_cache.insert(id, m_lru.begin());
        while (m_lru.size() > static_cast<std::size_t>(std::max(1, m_options.cacheSize))) {
            m_cache.remove(m_lru.back().stored.key.id);
            m_lru.pop_back();
        }
    }
    return std::move(**found);
}

void ApiKeyService::evict(const QString& id)
{
    const std::lock_guard lock(m_mutex);
    ++m_evictions;
    if (const auto it = m_cache.constFind(id); it != m_cache.cend()) {
        m_lru.erase(*it);
        m_cache.erase(it);
    }
}

} // namespace kv::service
