#pragma once
// BillingService applies a billing system's subscription events to namespace plans (DESIGN.md,
// "Plans, quotas and billing"), with the Stripe-compatible webhook scheme: the Stripe-Signature
// header "t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<raw body>" under the webhook secret>"
// (several v1 values are accepted, so the secret can be rolled), a five-minute tolerance on t,
// constant-time comparison. Only configured price ids select a plan; each event id is applied
// once; a deleted (or cancelled) subscription drops its namespace to the default plan; every
// change is audited with the actor "billing".
//
// Thread-safe.

#include "model/Clock.h"
#include "model/Result.h"
#include "service/AuditLog.h"
#include "store/Store.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace kv::service {

class KvService;

struct BillingOutcome
{
    enum class Kind {
        Applied, ///< the namespace now has `plan`
        Unchanged, ///< it had that plan already
        Duplicate, ///< this event id was applied before
        Ignored, ///< not a subscription event
    };
    Kind kind = Kind::Ignored;
    QString eventId;
    QString ns;
    QString plan;
};

class BillingService final
{
public:
    static constexpr std::chrono::seconds kTolerance { 300 };

    /// An empty secret refuses every event (the webhook is not configured).
    BillingService(store::Store& store, KvService& kv, AuditLog& audit, QByteArray webhookSecret,
        const model::Clock& clock = model::SystemClock::instance());
    Q_DISABLE_COPY_MOVE(BillingService)

    /// InvalidSignature unless `signatureHeader` signs `body` with the secret, within the tolerance.
    static Result<void> verifySignature(QByteArrayView signatureHeader, QByteArrayView body, const QByteArray& secret,
        model::Timestamp now, std::chrono::seconds tolerance = kTolerance);
    /// The header a billing system would send for `body` at `at` (for tests and tools).
    static QByteArray sign(QByteArrayView body, const QByteArray& secret, model::Timestamp at);

    /// Verifies and applies one webhook delivery.
    Result<BillingOutcome> handle(QByteArrayView signatureHeader, QByteArrayView body, const QString& requestId);

private:
    store::Store& m_store;
    KvService& m_kv;
    AuditLog& m_audit;
    QByteArray m_secret;
    const model::Clock& m_clock;
};

} // namespace kv::service
