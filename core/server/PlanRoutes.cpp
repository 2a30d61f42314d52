#include "server/PlanRoutes.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/KvService.h"

#include <QJsonArray>

namespace kv::server {

void addPlanRoutes(SecuredRoutes& routes, const service::KvService& kv)
{
    routes.add("GET", QStringLiteral("/v1/plans"), model::Scope::Read, [&kv](HttpRequest&) {
        QJsonArray plans;
        for (const model::Plan& plan : kv.plans()) {
            plans.append(model::json::fromPlan(plan));
        }
        return HttpResponse::json(200,
            QJsonDocument(QJsonObject {
                { QStringLiteral("plans"), plans }, { QStringLiteral("default"), model::Plan::defaultPlanId() } }));
    });
}

} // namespace kv::server
