#pragma once
// GET /v1/admin/events: the live event feed of this kvd (EventHub) over a WebSocket, for the
// dashboard (docs/signaling.md, "Admin event stream"). The upgrade request carries an admin key
// in its Authorization header and may ask to resume with ?stream=&after=; the first message is
// a hello that says whether it did, then every event in order, without holes or repeats.

#include "server/Auth.h"
#include "server/WebSocket.h"

namespace kv::service {
class EventHub;
} // namespace kv::service

namespace kv::server {

struct EventStreamOptions
{
    WebSocketOptions webSocket;
    /// Events waiting for one client before it is closed as a slow consumer (1008). Keep it
    /// above the hub's history, which a resume may replay at once.
    int backlog = 8192;
};

void addEventStreamRoute(SecuredRoutes& routes, service::EventHub& hub, EventStreamOptions options);

} // namespace kv::server
