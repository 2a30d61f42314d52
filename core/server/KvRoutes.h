#pragma once
// The namespace, key and value routes of the HTTP API v1 (DESIGN.md, "HTTP API v1"): HTTP in,
// KvService calls, HTTP out. Every rule they apply lives in core/service or core/model; this
// file only translates.

#include "server/Auth.h"

namespace kv::service {
class KvService;
}

namespace kv::server {

void addKvRoutes(SecuredRoutes& routes, service::KvService& service);

} // namespace kv::server
