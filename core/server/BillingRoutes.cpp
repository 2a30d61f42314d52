#include "server/BillingRoutes.h"

#include "server/RouteSupport.h"
#include "service/BillingService.h"

namespace kv::server {

namespace {

QString outcomeName(service::BillingOutcome::Kind kind)
{
    switch (kind) {
    case service::BillingOutcome::Kind::Applied:
        return QStringLiteral("applied");
    case service::BillingOutcome::Kind::Unchanged:
        return QStringLiteral("unchanged");
    case service::BillingOutcome::Kind::Duplicate:
        return QStringLiteral("duplicate");
    case service::BillingOutcome::Kind::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

} // namespace

void addBillingRoutes(Router& router, service::BillingService* billing)
{
    // Billing events are small; a megabyte is far more than any subscription event.
    const RouteOptions options { 1024 * 1024, true };
    router.add(
        "POST", QStringLiteral("/v1/billing/webhook"),
        [billing](HttpRequest& request) {
            if (!billing) {
                return fail(Error(ErrorCode::Unavailable,
                                QStringLiteral("the billing webhook is not configured (kvd serve "
                                               "--webhook-secret-file)")),
                    request);
            }
            const QByteArray signature = request.headers.value("Stripe-Signature").value_or(QByteArray());
            auto outcome = billing->handle(signature, request.body, request.requestId);
            if (!outcome) {
                return fail(outcome.error(), request);
            }
            QJsonObject body { { QStringLiteral("received"), true }, { QStringLiteral("event"), outcome->eventId },
                { QStringLiteral("outcome"), outcomeName(outcome->kind) } };
            if (!outcome->ns.isEmpty()) {
                body.insert(QStringLiteral("namespace"), outcome->ns);
                body.insert(QStringLiteral("plan"), outcome->plan);
            }
            return HttpResponse::json(200, QJsonDocument(body));
        },
        options);
}

} // namespace kv::server
