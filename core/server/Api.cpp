#include "server/Api.h"

#include "server/ApiKeyRoutes.h"
#include "server/AuditRoutes.h"
#include "server/BillingRoutes.h"
#include "server/BulkRoutes.h"
#include "server/EventStreamRoute.h"
#include "server/KvRoutes.h"
#include "server/Metrics.h"
#include "server/OpenApi.h"
#include "server/PeerRoutes.h"
#include "server/PlanRoutes.h"
#include "server/SignalRoutes.h"
#include "server/UsageRoutes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kv::server {

void addApiRoutes(Router& router, const ApiServices& services)
{
    router.add("GET", QStringLiteral("/healthz"), [](HttpRequest&) {
        return HttpResponse::json(200,
            QJsonDocument(QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") },
                { QStringLiteral("version"), QStringLiteral(KV_VERSION) } }));
    });
    addOpenApiRoute(router);
    addBillingRoutes(router, services.billing);
    if (services.metrics) {
        addMetricsRoute(router, *services.metrics);
    }
    std::optional<RateLimits> rateLimits;
    if (services.rateLimiter) {
        rateLimits.emplace(RateLimits { *services.rateLimiter, services.kv });
    }
    SecuredRoutes routes(router, services.keys, rateLimits);
    addKvRoutes(routes, services.kv);
    addBulkRoutes(routes, services.kv);
    addPlanRoutes(routes, services.kv);
    addApiKeyRoutes(routes, services.keys);
    addAuditRoutes(routes, services.audit);
    if (services.peers) {
        addPeerRoutes(routes, *services.peers);
    }
    if (services.usage) {
        addUsageRoutes(routes, services.kv);
    }
    if (services.signal) {
        addSignalRoute(router, *services.signal, services.webSockets);
    }
    if (services.events) {
        addEventStreamRoute(
            routes, *services.events, EventStreamOptions { services.webSockets, services.eventBacklog });
    }
}

} // namespace kv::server
