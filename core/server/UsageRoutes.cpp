#include "server/UsageRoutes.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/ApiKeyService.h"
#include "service/KvService.h"
#include "service/UsageMeter.h"

#include <QJsonArray>

namespace kv::server {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
/// A chart of more points than this is not a chart; ask for days instead of hours.
constexpr qint64 kMaxBuckets = 2000;

} // namespace

void addUsageRoutes(SecuredRoutes& routes, service::KvService& kv, service::UsageMeter& usage)
{
    routes.add("GET", QStringLiteral("/v1/usage"), model::Scope::Read, [&kv, &usage](HttpRequest& request) {
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
        if (start >= end) {
            return fail(Error(ErrorCode::InvalidTimeRange, QStringLiteral("from must be earlier than to")), request);
        }
        if ((end - start) / unit > kMaxBuckets) {
            return fail(Error(ErrorCode::InvalidTimeRange,
                            QStringLiteral("the range holds more than %1 %2s; narrow it or use a longer step")
                                .arg(kMaxBuckets)
                                .arg(stepText)),
                request);
        }
        auto current = kv.getNamespace(ns);
        if (!current) {
            return fail(current.error(), request);
        }
        auto plan = kv.planOf(ns);
        if (!plan) {
            return fail(plan.error(), request);
        }
        auto buckets = usage.series(ns, start, end, hourly ? model::UsageStep::Hour : model::UsageStep::Day);
        auto month = usage.month(ns);
        if (!buckets) {
            return fail(buckets.error(), request);
        }
        if (!month) {
            return fail(month.error(), request);
        }
        QJsonArray series;
        for (const model::UsageBucket& bucket : *buckets) {
            series.append(model::json::fromUsageBucket(bucket));
        }
        const model::Timestamp now = kv.clock().now();
        return HttpResponse::json(200,
            QJsonDocument(QJsonObject { { QStringLiteral("namespace"), ns }, { QStringLiteral("plan"), plan->id },
                { QStringLiteral("step"), stepText }, { QStringLiteral("from"), model::json::rfc3339(start) },
                { QStringLiteral("to"), model::json::rfc3339(end) },
                { QStringLiteral("quota"), model::json::fromQuota(*plan) },
                { QStringLiteral("month"),
                    QJsonObject {
                        { QStringLiteral("start"), model::json::rfc3339(service::UsageMeter::monthStart(now)) },
                        { QStringLiteral("reads"), month->reads }, { QStringLiteral("writes"), month->writes },
                        { QStringLiteral("lists"), month->lists }, { QStringLiteral("deletes"), month->deletes },
                        { QStringLiteral("storageBytes"), current->bytes } } },
                { QStringLiteral("buckets"), series } }));
    });
}

} // namespace kv::server
