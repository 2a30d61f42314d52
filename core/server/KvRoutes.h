#pragma once
// The namespace, key, value and bulk routes of the HTTP API v1 (DESIGN.md, "HTTP API v1"):
// HTTP in, KvService calls, HTTP out. Every rule they apply lives in core/service or
// core/model; this file only translates.

#include "server/Router.h"

namespace kv::service {
class KvService;
}

namespace kv::server {

void addKvRoutes(Router& router, service::KvService& service);

} // namespace kv::server
