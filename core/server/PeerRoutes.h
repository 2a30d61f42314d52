#pragma once

#include "server/Auth.h"

namespace kv::service {
class PeerRegistry;
}

namespace kv::server {

/// GET /v1/peers?room=: the signaling peers connected now (admin scope).
void addPeerRoutes(SecuredRoutes& routes, const service::PeerRegistry& peers);

} // namespace kv::server
