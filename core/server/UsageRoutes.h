#pragma once

#include "server/Auth.h"

namespace kv::service {
class KvService;
} // namespace kv::service

namespace kv::server {

/// GET /v1/usage?namespace=&from=&to=&step=hour|day: a namespace's counters over time, the month
/// so far and its plan's quota (read scope on that namespace).
void addUsageRoutes(SecuredRoutes& routes, service::KvService& kv);

} // namespace kv::server
