#pragma once
// The namespace, key, value and bulk routes of the HTTP API v1 (DESIGN.md, "HTTP API v1"):
// HTTP in, KvService calls, HTTP out. Every rule they apply lives in core/service or
// core/model; this file only translates.

#include "server/Router.h"

namespace kv::service {
class ApiKeyService;
class KvService;
} // namespace kv::service

namespace kv::server {

/// Every route but /healthz needs a bearer key with the route's scope.
void addKvRoutes(Router& router, service::KvService& service, service::ApiKeyService& keys);

} // namespace kv::server
