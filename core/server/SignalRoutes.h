#pragma once
// GET /v1/signal: the WebSocket side of the signaling relay (docs/signaling.md). The route is
// open, as browsers cannot set headers on a WebSocket: the first message authenticates, which
// is SignalRelay's rule. Each connection feeds its messages to the relay and runs its auth timer.

#include "server/Router.h"
#include "server/WebSocket.h"

namespace kv::service {
class SignalRelay;
} // namespace kv::service

namespace kv::server {

/// `options.maxMessageBytes` is replaced by 4 times the relay's message limit: a message up to
/// the limit is read, one above it answered with an error, one above 4 times closes (1009).
void addSignalRoute(Router& router, service::SignalRelay& relay, WebSocketOptions options);

} // namespace kv::server
