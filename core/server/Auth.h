#pragma once
// Bearer-key authentication for routes: a handler wrapped with requireScope() runs only for a
// request whose key is valid and holds the scope (and, on a route with {ns}, may use that
// namespace). Everything it decides is ApiKeyService's rule; this is the HTTP side of it.

#include "model/ApiKey.h"
#include "server/Router.h"

namespace kv::service {
class ApiKeyService;
}

namespace kv::server {

Handler requireScope(service::ApiKeyService& keys, model::Scope scope, Handler handler);

/// Adds routes that each need a key with one scope.
class SecuredRoutes final
{
public:
    SecuredRoutes(Router& router, service::ApiKeyService& keys)
        : m_router(router)
        , m_keys(keys)
    { }
    void add(const QByteArray& method, const QString& pattern, model::Scope scope, Handler handler,
        RouteOptions options = {})
    {
        // What a key may read is nobody else's: no shared or browser cache keeps it.
        options.noStore = true;
        m_router.add(method, pattern, requireScope(m_keys, scope, std::move(handler)), options);
    }

private:
    Router& m_router;
    service::ApiKeyService& m_keys;
};

} // namespace kv::server
