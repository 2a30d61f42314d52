#pragma once
// Small pieces every route file of core/server uses.

#include "server/HttpMessage.h"

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

} // namespace kv::server
