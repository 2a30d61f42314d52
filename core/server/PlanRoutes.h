#pragma once
// GET /v1/plans: the plans this kvd offers, so that a console can show quotas and offer a plan
// change without knowing kvd's configuration.

#include "server/Auth.h"

namespace kv::service {
class KvService;
}

namespace kv::server {

void addPlanRoutes(SecuredRoutes& routes, const service::KvService& kv);

} // namespace kv::server
