#pragma once

#include "server/Router.h"

namespace kv::service {
class BillingService;
}

namespace kv::server {

/// POST /v1/billing/webhook: signed subscription events from a billing system. No API key: the
/// Stripe-Signature header is the authentication. Without a billing service (no webhook secret
/// configured) it answers 503 unavailable.
void addBillingRoutes(Router& router, service::BillingService* billing);

} // namespace kv::server
