#include "server/AuditRoutes.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/AuditLog.h"

#include <QJsonArray>

namespace kv::server {

namespace {

constexpr int kDefaultPage = 100;

Result<store::AuditQuery> auditQueryOf(const HttpRequest& request)
{
    store::AuditQuery query;
    auto from = timeParameter(request, QStringLiteral("from"));
    auto to = timeParameter(request, QStringLiteral("to"));
    if (!from) {
        return from.error();
    }
    if (!to) {
        return to.error();
    }
    if (*from && *to && **from >= **to) {
        return Error(ErrorCode::InvalidTimeRange, QStringLiteral("from must be earlier than to"));
    }
    query.from = *from;
    query.to = *to;
    query.actor = request.queryValue(QStringLiteral("actor")).value_or(QString());
    query.action = request.queryValue(QStringLiteral("action")).value_or(QString());
    query.ns = request.queryValue(QStringLiteral("namespace")).value_or(QString());
    // The cursor is the id of the last event of the previous page; clients pass it back as is.
    if (const auto cursor = request.queryValue(QStringLiteral("cursor")); cursor && !cursor->isEmpty()) {
        bool ok = false;
        query.beforeId = cursor->toLongLong(&ok);
        if (!ok || query.beforeId <= 0) {
            return Error(ErrorCode::InvalidCursor,
                QStringLiteral("the cursor must be one returned by a previous page of /v1/audit"));
        }
    }
    auto limit = integerParameter(request, QStringLiteral("limit"), ErrorCode::InvalidLimit);
    if (!limit) {
        return limit.error();
    }
    query.limit = static_cast<int>(std::clamp<qint64>(limit->value_or(kDefaultPage), -1, INT_MAX));
    return query;
}

} // namespace

void addAuditRoutes(SecuredRoutes& routes, service::AuditLog& audit)
{
    routes.add("GET", QStringLiteral("/v1/audit"), model::Scope::Admin, [&audit](HttpRequest& request) {
        auto query = auditQueryOf(request);
        if (!query) {
            return fail(query.error(), request);
        }
        auto page = audit.page(*query);
        if (!page) {
            return fail(page.error(), request);
        }
        QJsonArray list;
        for (const model::AuditEvent& event : std::as_const(page->events)) {
            list.append(model::json::fromAuditEvent(event));
        }
        const QJsonValue cursor
            = page->nextBeforeId > 0 ? QJsonValue(QString::number(page->nextBeforeId)) : QJsonValue();
        return HttpResponse::json(200,
            QJsonDocument(QJsonObject { { QStringLiteral("events"), list }, { QStringLiteral("cursor"), cursor } }));
    });
}

} // namespace kv::server
