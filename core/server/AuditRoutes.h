#pragma once

#include "server/Auth.h"

namespace kv::service {
class AuditLog;
}

namespace kv::server {

/// GET /v1/audit: the audit trail, newest first, filtered and paged by cursor (admin scope).
void addAuditRoutes(SecuredRoutes& routes, service::AuditLog& audit);

} // namespace kv::server
