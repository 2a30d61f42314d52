#include "server/ApiKeyRoutes.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/ApiKeyService.h"

#include <QDateTime>
#include <QJsonArray>

namespace kv::server {

namespace {

using model::Scope;

Result<service::NewApiKey> newKeyFrom(const QJsonObject& body)
{
    service::NewApiKey request;
    const QJsonValue name = body.value(QStringLiteral("name"));
    const QJsonValue scopes = body.value(QStringLiteral("scopes"));
    const QJsonValue namespaces = body.value(QStringLiteral("namespaces"));
    const QJsonValue expiresAt = body.value(QStringLiteral("expiresAt"));
    if (!name.isString() || !scopes.isArray() || !(namespaces.isUndefined() || namespaces.isArray())
        || !(expiresAt.isUndefined() || expiresAt.isNull() || expiresAt.isString())) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("the body must be {\"name\": string, \"scopes\": [\"read\"|\"write\"|\"admin\"|"
                           "\"signal\", ...], \"namespaces\": [string, ...] (optional, default all), "
                           "\"expiresAt\": RFC 3339 time (optional)}"));
    }
    request.name = name.toString();
    QStringList scopeNames;
    for (const QJsonValue& scope : scopes.toArray()) {
        scopeNames.append(scope.toString());
    }
    const auto parsed = model::scopesFromNames(scopeNames);
    if (!parsed) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("unknown scope in %1; the scopes are read, write, admin and signal")
                .arg(scopeNames.join(QStringLiteral(", "))));
    }
    request.scopes = *parsed;
    for (const QJsonValue& ns : namespaces.toArray()) {
        request.namespaces.append(ns.toString());
    }
    if (expiresAt.isString()) {
        const QDateTime at = QDateTime::fromString(expiresAt.toString(), Qt::ISODateWithMs);
        if (!at.isValid()) {
            return Error(ErrorCode::InvalidExpiration,
                QStringLiteral("expiresAt must be an RFC 3339 time, e.g. 2027-01-31T00:00:00Z"));
        }
        request.expiresAt = at.toMSecsSinceEpoch();
    }
    return request;
}

HttpResponse issuedResponse(const service::IssuedApiKey& issued)
{
    return HttpResponse::json(201,
        QJsonDocument(QJsonObject { { QStringLiteral("apiKey"), model::json::fromApiKey(issued.key) },
            { QStringLiteral("secret"), issued.secret } }));
}

QString idParameter(const HttpRequest& request)
{
    return QString::fromUtf8(request.params.value(QStringLiteral("id")));
}

} // namespace

void addApiKeyRoutes(SecuredRoutes& routes, service::ApiKeyService& keys)
{
    const RouteOptions secret { 64 * 1024, true };
    routes.add(
        "GET", QStringLiteral("/v1/apikeys"), Scope::Admin,
        [&keys](HttpRequest& request) {
            auto list = keys.list();
            if (!list) {
                return fail(list.error(), request);
            }
            QJsonArray array;
            for (const model::ApiKey& key : *list) {
                array.append(model::json::fromApiKey(key));
            }
            return HttpResponse::json(200, QJsonDocument(QJsonObject { { QStringLiteral("apiKeys"), array } }));
        },
        secret);
    routes.add(
        "POST", QStringLiteral("/v1/apikeys"), Scope::Admin,
        [&keys](HttpRequest& request) {
            auto body = model::json::parseObject(request.body);
            if (!body) {
                return fail(body.error(), request);
            }
            auto newKey = newKeyFrom(*body);
            if (!newKey) {
                return fail(newKey.error(), request);
            }
            auto issued = keys.create(*newKey, contextOf(request));
            return issued ? issuedResponse(*issued) : fail(issued.error(), request);
        },
        secret);
    routes.add(
        "POST", QStringLiteral("/v1/apikeys/{id}/rotate"), Scope::Admin,
        [&keys](HttpRequest& request) {
            auto issued = keys.rotate(idParameter(request), contextOf(request));
            return issued ? issuedResponse(*issued) : fail(issued.error(), request);
        },
        secret);
    routes.add(
        "DELETE", QStringLiteral("/v1/apikeys/{id}"), Scope::Admin,
        [&keys](HttpRequest& request) {
            auto revoked = keys.revoke(idParameter(request), contextOf(request));
            return revoked ? HttpResponse::noContent() : fail(revoked.error(), request);
        },
        secret);
}

} // namespace kv::server
