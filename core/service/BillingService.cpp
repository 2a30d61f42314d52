#include "service/BillingService.h"

#include "model/Json.h"
#include "service/ApiKeySecret.h"
#include "service/KvService.h"

#include <QJsonArray>

#include <sodium.h>

namespace kv::service {

namespace {

Error badSignature(const QString& why)
{
    return Error(ErrorCode::InvalidSignature, QStringLiteral("the Stripe-Signature header is not valid: %1").arg(why));
}

QByteArray mac(QByteArrayView timestamp, QByteArrayView body, const QByteArray& secret)
{
    const auto update = [](crypto_auth_hmacsha256_state& state, QByteArrayView bytes) {
        crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()),
            static_cast<unsigned long long>(bytes.size()));
    };
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(
        &state, reinterpret_cast<const unsigned char*>(secret.constData()), static_cast<size_t>(secret.size()));
    update(state, timestamp);
    update(state, ".");
    update(state, body);
    QByteArray result(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(result.data()));
    return result;
}

/// Subscription states in which the customer no longer pays for the plan.
bool isLapsed(const QString& status)
{
    return status == QLatin1StringView("canceled") || status == QLatin1StringView("unpaid")
        || status == QLatin1StringView("incomplete_expired");
}

} // namespace

BillingService::BillingService(
    store::Store& store, KvService& kv, AuditLog& audit, QByteArray webhookSecret, const model::Clock& clock)
    : m_store(store)
    , m_kv(kv)
    , m_audit(audit)
    , m_secret(std::move(webhookSecret))
    , m_clock(clock)
{ }

QByteArray BillingService::sign(QByteArrayView body, const QByteArray& secret, model::Timestamp at)
{
    const QByteArray t = QByteArray::number(at / 1000);
    return "t=" + t + ",v1=" + mac(t, body, secret).toHex();
}

Result<void> BillingService::verifySignature(QByteArrayView signatureHeader, QByteArrayView body,
    const QByteArray& secret, model::Timestamp now, std::chrono::seconds tolerance)
{
    if (secret.isEmpty()) {
        return Error(ErrorCode::Unavailable,
            QStringLiteral("the billing webhook is not configured (kvd serve --webhook-secret-file)"));
    }
    QByteArray timestamp;
    QList<QByteArray> signatures;
    for (const QByteArray& item : signatureHeader.toByteArray().split(',')) {
        const qsizetype equals = item.indexOf('=');
        if (equals <= 0) {
            continue;
        }
        const QByteArray name = item.left(equals).trimmed();
        const QByteArray value = item.mid(equals + 1).trimmed();
        if (name == "t") {
            timestamp = value;
        } else if (name == "v1") {
            signatures.append(value);
        }
    }
    if (timestamp.isEmpty() || signatures.isEmpty()) {
        return badSignature(QStringLiteral("it needs t=<timestamp> and at least one v1=<signature>"));
    }
    bool ok = false;
    const qint64 seconds = timestamp.toLongLong(&ok);
    if (!ok) {
        return badSignature(QStringLiteral("t is not a Unix time"));
    }
    if (seconds < now / 1000 - tolerance.count() || seconds > now / 1000 + tolerance.count()) {
        return badSignature(QStringLiteral("its timestamp is more than %1 s away from this server's clock (replayed, "
                                           "or a clock is wrong)")
                                .arg(tolerance.count()));
    }
    const QByteArray expected = mac(timestamp, body, secret);
    // Every candidate is compared in full, in constant time.
    bool matched = false;
    for (const QByteArray& signature : signatures) {
        matched = macEquals(QByteArray::fromHex(signature), expected) || matched;
    }
    if (!matched) {
        return badSignature(QStringLiteral("no v1 signature matches the body under the webhook secret"));
    }
    return {};
}

Result<BillingOutcome> BillingService::handle(
    QByteArrayView signatureHeader, QByteArrayView body, const QString& requestId)
{
    const model::Timestamp now = m_clock.now();
    if (auto verified = verifySignature(signatureHeader, body, m_secret, now); !verified) {
        return verified.error();
    }
    auto event = model::json::parseObject(body);
    if (!event) {
        return event.error();
    }
    BillingOutcome outcome;
    outcome.eventId = event->value(QStringLiteral("id")).toString();
    const QString type = event->value(QStringLiteral("type")).toString();
    if (outcome.eventId.isEmpty() || type.isEmpty()) {
        return Error(ErrorCode::BadRequest, QStringLiteral("a billing event needs an id and a type"));
    }
    const bool created = type == QLatin1StringView("customer.subscription.created");
    const bool updated = type == QLatin1StringView("customer.subscription.updated");
    const bool deleted = type == QLatin1StringView("customer.subscription.deleted");
    if (!created && !updated && !deleted) {
        outcome.kind = BillingOutcome::Kind::Ignored;
        return outcome;
    }
    const QJsonObject subscription
        = event->value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
    outcome.ns
        = subscription.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString();
    if (outcome.ns.isEmpty()) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("the subscription names no namespace: set metadata.namespace on it in the billing system"));
    }
    const QString status = subscription.value(QStringLiteral("status")).toString();
    QString price;
    for (const QJsonValue& item :
        subscription.value(QStringLiteral("items")).toObject().value(QStringLiteral("data")).toArray()) {
        price = item.toObject().value(QStringLiteral("price")).toObject().value(QStringLiteral("id")).toString();
        if (!price.isEmpty()) {
            break;
        }
    }
    if (deleted || isLapsed(status)) {
        outcome.plan = model::Plan::defaultPlanId();
    } else {
        for (const model::Plan& plan : m_kv.plans()) {
            if (plan.priceIds.contains(price)) {
                outcome.plan = plan.id;
            }
        }
        if (outcome.plan.isEmpty()) {
            return Error(ErrorCode::UnknownPrice,
                QStringLiteral("the price \"%1\" selects no plan; add it to a plan's price_ids in kvd's config")
                    .arg(price.left(100)),
                QJsonObject { { QStringLiteral("price"), price } });
        }
    }
    auto current = m_kv.getNamespace(outcome.ns);
    if (!current) {
        return current.error();
    }
    // The event id is remembered before the change, so two deliveries racing each other apply it
    // once; if the change then fails, it is forgotten again for the billing system's retry.
    auto fresh = m_store.rememberBillingEvent(outcome.eventId, now);
    if (!fresh) {
        return fresh.error();
    }
    if (!*fresh) {
        outcome.kind = BillingOutcome::Kind::Duplicate;
        return outcome;
    }
    const RequestContext billing { QStringLiteral("billing"), requestId };
    if (current->plan == outcome.plan) {
        outcome.kind = BillingOutcome::Kind::Unchanged;
    } else if (auto changed = m_kv.setNamespacePlan(outcome.ns, outcome.plan, billing); !changed) {
        (void)m_store.forgetBillingEvent(outcome.eventId);
        return changed.error();
    } else {
        outcome.kind = BillingOutcome::Kind::Applied;
    }
    if (auto recorded = m_audit.record(billing, QStringLiteral("billing.subscription"), outcome.ns, outcome.ns,
            QJsonObject { { QStringLiteral("event"), outcome.eventId }, { QStringLiteral("type"), type },
                { QStringLiteral("subscription"), subscription.value(QStringLiteral("id")).toString() },
                { QStringLiteral("status"), status }, { QStringLiteral("price"), price },
                { QStringLiteral("plan"), outcome.plan } });
        !recorded) {
        return recorded.error();
    }
    return outcome;
}

} // namespace kv::service
