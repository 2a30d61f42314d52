#pragma once
// The OpenAPI 3.1 description of kvd's HTTP API v1. The document is core/server/openapi.json,
// compiled into kv_server as a Qt resource; tests/server/tst_openapi checks it against the
// routes addApiRoutes builds, so a route cannot exist undocumented (or the reverse).

#include "server/Router.h"

#include <QByteArray>

namespace kv::server {

/// The document as served: openapi.json with info.version set to this build's KV_VERSION.
[[nodiscard]] QByteArray openApiDocument();

/// GET /v1/openapi.json, open to anyone (a spec is no secret and clients fetch it before they
/// hold a key).
void addOpenApiRoute(Router& router);

} // namespace kv::server
