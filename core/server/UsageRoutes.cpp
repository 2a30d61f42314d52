#include "server/UsageRoutes.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/ApiKeyService.h"
#include "service/KvService.h"

#include <QJsonArray>

namespace kv::server {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

void addUsageRoutes(SecuredRoutes& routes, service::KvService& kv)
{
    routes.add("GET", QStringLiteral("/v1/usage"), model::Scope::Read, [&kv](HttpRequest& request) {
        const QString ns = request.queryValue(QStringLiteral("namespace")).value_or(QString());
        if (ns.isEmpty()) {
            return fail(
                Error(ErrorCode::BadRequest, QStringLiteral("name the namespace: /v1/usage?namespace=<id>")), request);
        }
        if (auto allowed = service::ApiKeyService::authorize(*request.apiKey, model::Scope::Read, ns); !allowed) {
            return fail(allowed.error(), request);
        }
        const QString stepText = request.queryValue(QStringLiteral("step")).value_or(QStringLiteral("hour"));
        if (stepText != QLatin1StringView("hour") && stepText != QLatin1StringView("day")) {
            return fail(Error(ErrorCode::InvalidTimeRange,
                            QStringLiteral("step is hour or day; got \"%1\"").arg(stepText.left(20))),
                request);
        }
        const bool hourly = stepText == QLatin1StringView("hour");
        const qint64 unit = hourly ? kHourMs : kDayMs;
        auto from = timeParameter(request, QStringLiteral("from"));
        auto to = timeParameter(request, QStringLiteral("to"));
        if (!from) {
            return fail(from.error(), request);
        }
        if (!to) {
            return fail(to.error(), request);
        }
        // By default the last 24 hours, or the last 30 days.
        const model::Timestamp end = to->value_or(kv.clock().now() + 1);
        const model::Timestamp start = from->value_or(end - (hourly ? 24 : 30) * unit);
        auto report = kv.usage(ns, start, end, hourly ? model::UsageStep::Hour : model::UsageStep::Day);
        if (!report) {
            return fail(report.error(), request);
        }
        QJsonArray series;
        for (const model::UsageBucket& bucket : std::as_const(report->buckets)) {
            series.append(model::json::fromUsageBucket(bucket));
        }
        const QJsonObject month = model::json::fromUsageBucket(report->month);
        return HttpResponse::json(200,
            QJsonDocument(
                QJsonObject { { QStringLiteral("namespace"), ns }, { QStringLiteral("plan"), report->plan.id },
                    { QStringLiteral("step"), stepText }, { QStringLiteral("from"), model::json::rfc3339(start) },
                    { QStringLiteral("to"), model::json::rfc3339(end) },
                    { QStringLiteral("quota"), model::json::fromQuota(report->plan) },
                    { QStringLiteral("month"), month }, { QStringLiteral("buckets"), series } }));
    });
}

} // namespace kv::server
