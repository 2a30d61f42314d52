#pragma once
// The three bulk routes: POST /v1/namespaces/{ns}/bulk (put), .../bulk/get and .../bulk/delete.
// Writes are atomic per request and answer per item; values travel as text, or as base64 when
// they are not UTF-8 (or when the writer says so).

#include "server/Auth.h"

namespace kv::service {
class KvService;
}

namespace kv::server {

void addBulkRoutes(SecuredRoutes& routes, service::KvService& service);

} // namespace kv::server
