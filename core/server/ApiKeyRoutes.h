#pragma once
// The API-key routes (admin scope): list, create, rotate, revoke. The secret appears in the
// create and rotate responses only.

#include "server/Auth.h"

namespace kv::server {

void addApiKeyRoutes(SecuredRoutes& routes, service::ApiKeyService& keys);

} // namespace kv::server
