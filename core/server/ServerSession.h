#pragma once
// What HttpServer keeps of each open connection, HTTP or WebSocket, to count it against the
// connection limit and to close it when the server stops. Internal to core/server.

#include <memory>

namespace kv::server::detail {

class ServerSession : public std::enable_shared_from_this<ServerSession>
{
public:
    virtual ~ServerSession() = default;
    /// Called on stop: an HTTP connection closes when it waits for a request (a busy one after
    /// its answer); a WebSocket connection sends "going away" and closes.
    virtual void closeIfIdle() = 0;
};

} // namespace kv::server::detail
