#pragma once
// The whole HTTP API v1 of kvd in one call: every route, wired to the services that answer it.
// kvd, the OpenAPI route check and the fuzz target build their router here, so none of them can
// miss a route.

#include "server/Router.h"
#include "server/WebSocket.h"

namespace kv::service {
class ApiKeyService;
class AuditLog;
class BillingService;
class EventHub;
class KvService;
class PeerRegistry;
class RateLimiter;
class SignalRelay;
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
    /// Without a relay there is no /v1/signal route.
    service::SignalRelay* signal = nullptr;
    /// Without a hub there is no /v1/admin/events route.
    service::EventHub* events = nullptr;
    /// Pings and send backlog of both WebSocket routes.
    WebSocketOptions webSockets {};
    /// Events queued to one /v1/admin/events client before it counts as a slow consumer.
    int eventBacklog = 8192;
};

void addApiRoutes(Router& router, const ApiServices& services);

} // namespace kv::server
