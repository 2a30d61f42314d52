#pragma once
// Bearer-key authentication for routes: a handler wrapped with requireScope() runs only for a
// request whose key is valid and holds the scope (and, on a route with {ns}, may use that
// namespace). On a namespace route it is also where the plan's rate limit applies: one token
// bucket per key and namespace, with the X-RateLimit-* and RateLimit headers on every answer and
// 429 with Retry-After past the burst. Every decision is core/service's rule (ApiKeyService,
// RateLimiter); this is the HTTP side of it.

#include "model/ApiKey.h"
#include "server/Router.h"

#include <optional>

namespace kv::service {
class ApiKeyService;
class KvService;
class RateLimiter;
} // namespace kv::service

namespace kv::server {

/// What rate-limits namespace routes: the limiter and where plans come from.
struct RateLimits
{
    service::RateLimiter& limiter;
    service::KvService& kv;
};

Handler requireScope(service::ApiKeyService& keys, model::Scope scope, Handler handler,
    std::optional<RateLimits> rateLimits = std::nullopt);

/// Adds routes that each need a key with one scope.
class SecuredRoutes final
{
public:
    SecuredRoutes(Router& router, service::ApiKeyService& keys, std::optional<RateLimits> rateLimits = std::nullopt)
        : m_router(router)
        , m_keys(keys)
        , m_rateLimits(rateLimits)
    { }
    void add(const QByteArray& method, const QString& pattern, model::Scope scope, Handler handler,
        RouteOptions options = {})
    {
        // What a key may read is nobody else's: no shared or browser cache keeps it.
        options.noStore = true;
        m_router.add(method, pattern, requireScope(m_keys, scope, std::move(handler), m_rateLimits), options);
    }

private:
    Router& m_router;
    service::ApiKeyService& m_keys;
    std::optional<RateLimits> m_rateLimits;
};

} // namespace kv::server
