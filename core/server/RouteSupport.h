#pragma once
// Small pieces every route file of core/server uses.

#include "model/Json.h"
#include "server/HttpMessage.h"
#include "service/AuditLog.h"

namespace kv::server {

inline HttpResponse fail(const Error& error, const HttpRequest& request)
{
    return HttpResponse::error(error, request.requestId);
}

/// The {ns} route parameter (validated by the service).
inline QString nsParameter(const HttpRequest& request)
{
    return QString::fromUtf8(request.params.value(QStringLiteral("ns")));
}

/// An optional whole-number query parameter; `code` when it is present but not a number.
inline Result<std::optional<qint64>> integerParameter(const HttpRequest& request, const QString& name, ErrorCode code)
{
    const auto text = request.queryValue(name);
    if (!text) {
        return std::optional<qint64>();
    }
    bool ok = false;
    const qint64 value = text->toLongLong(&ok);
    if (!ok) {
        return Error(
            code, QStringLiteral("the parameter %1 must be a whole number; got \"%2\"").arg(name, text->left(40)));
    }
    return std::optional<qint64>(value);
}

/// An optional RFC 3339 time in the query (`from`, `to`).
inline Result<std::optional<model::Timestamp>> timeParameter(const HttpRequest& request, const QString& name)
{
    const auto text = request.queryValue(name);
    if (!text) {
        return std::optional<model::Timestamp>();
    }
    const auto at = model::json::parseRfc3339(*text);
    if (!at) {
        return Error(ErrorCode::InvalidTimeRange,
            QStringLiteral("the parameter %1 must be an RFC 3339 time such as 2026-11-23T14:00:00Z; got \"%2\"")
                .arg(name, text->left(40)));
    }
    return std::optional<model::Timestamp>(*at);
}

/// Who acts, for the audit trail: the authenticated key and this request's id.
inline service::RequestContext contextOf(const HttpRequest& request)
{
    return service::RequestContext { request.apiKey ? request.apiKey->id : QStringLiteral("anonymous"),
        request.requestId };
}

} // namespace kv::server
