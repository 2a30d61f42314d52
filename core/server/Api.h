#pragma once
// The whole HTTP API v1 of kvd in one call: every route, wired to the services that answer it.
// kvd, the OpenAPI route check and the fuzz target build their router here, so none of them can
// miss a route.

#include "server/Router.h"

namespace kv::service {
class ApiKeyService;
class AuditLog;
class BillingService;
class KvService;
class PeerRegistry;
class RateLimiter;
class UsageMeter;
} // namespace kv::service

namespace kv::server {

class Metrics;

struct ApiServices
{
    service::KvService& kv;
    service::ApiKeyService& keys;
    service::AuditLog& audit;
    /// Without metrics there is no /metrics route.
    const Metrics* metrics = nullptr;
    /// Without a usage meter there is no /v1/usage route.
    service::UsageMeter* usage = nullptr;
    /// Without a rate limiter, namespace routes are not rate-limited.
    service::RateLimiter* rateLimiter = nullptr;
    /// Without billing, the webhook answers 503 (not configured).
    service::BillingService* billing = nullptr;
    /// Without a registry there is no /v1/peers route.
    const service::PeerRegistry* peers = nullptr;
};

void addApiRoutes(Router& router, const ApiServices& services);

} // namespace kv::server
