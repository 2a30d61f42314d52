// Tests of BillingService: the Stripe-compatible signature (valid, wrong secret, tampered body,
// timestamps outside the five-minute tolerance both ways, several v1 values, malformed headers)
// and how events change plans (created/updated select the plan of a configured price,
// deleted or cancelled fall back to the default plan, an unknown price is refused, each event id
// applies once, every change is audited as "billing"). A real SqliteStore and a ManualClock.

#include "ErrorCodePrinter.h"
#include "model/Clock.h"
#include "service/AuditLog.h"
#include "service/BillingService.h"
#include "service/KvService.h"
#include "store/SqliteStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using kv::ErrorCode;
using kv::service::BillingOutcome;
using kv::service::BillingService;

const QByteArray kSecret = "whsec_test_secret";
constexpr kv::model::Timestamp kNow = 1'800'000'000'000;

QByteArray subscriptionEvent(const QString& id, const QString& type, const QString& ns, const QString& price,
    const QString& status = u"active"_s)
{
    const QJsonObject subscription { { u"id"_s, u"sub_1"_s }, { u"object"_s, u"subscription"_s },
        { u"status"_s, status }, { u"metadata"_s, QJsonObject { { u"namespace"_s, ns } } },
        { u"items"_s,
            QJsonObject {
                { u"data"_s, QJsonArray { QJsonObject { { u"price"_s, QJsonObject { { u"id"_s, price } } } } } } } } };
    return QJsonDocument(QJsonObject { { u"id"_s, id }, { u"type"_s, type },
                             { u"data"_s, QJsonObject { { u"object"_s, subscription } } } })
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestBilling : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    std::unique_ptr<kv::model::ManualClock> m_clock;
    std::unique_ptr<kv::service::AuditLog> m_audit;
    std::unique_ptr<kv::service::KvService> m_kv;
    std::unique_ptr<BillingService> m_billing;
    int m_round = 0;

    kv::Result<BillingOutcome> deliver(const QByteArray& body)
    {
        return m_billing->handle(BillingService::sign(body, kSecret, m_clock->now()), body, u"req_hook"_s);
    }

    QString planOf(const QString& ns) { return m_kv->getNamespace(ns)->plan; }

private Q_SLOTS:
    void init()
    {
        m_billing.reset();
        m_kv.reset();
        m_audit.reset();
        m_store.reset();
        auto opened = kv::store::SqliteStore::open(
            kv::store::SqliteStore::Options { m_dir.filePath(u"billing-%1.kvstore"_s.arg(++m_round)) });
        QVERIFY(opened.ok());
        m_store = std::move(*opened);
        m_clock = std::make_unique<kv::model::ManualClock>(kNow);
        m_audit = std::make_unique<kv::service::AuditLog>(*m_store, *m_clock);
        m_kv = std::make_unique<kv::service::KvService>(
            *m_store, *m_clock, kv::model::Plan::builtins(), kv::model::Limits {}, m_audit.get());
        m_billing = std::make_unique<BillingService>(*m_store, *m_kv, *m_audit, kSecret, *m_clock);
        QVERIFY(m_kv->createNamespace(u"shop"_s).ok());
    }

    void signatures_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("valid");
        const QByteArray body = "{\"id\":\"evt_1\"}";
        const QByteArray good = BillingService::sign(body, kSecret, kNow);
        const QByteArray goodV1 = good.mid(good.indexOf("v1="));
        const QByteArray t = "t=" + QByteArray::number(kNow / 1000);
        QTest::newRow("valid") << good << true;
        QTest::newRow("valid with spaces and v0") << (t + ", v0=abc, " + goodV1) << true;
        QTest::newRow("one of several v1 matches") << (t + ",v1=" + QByteArray(64, '0') + "," + goodV1) << true;
        QTest::newRow("299 s old") << BillingService::sign(body, kSecret, kNow - 299'000) << true;
        QTest::newRow("301 s old") << BillingService::sign(body, kSecret, kNow - 301'000) << false;
        QTest::newRow("301 s ahead") << BillingService::sign(body, kSecret, kNow + 301'000) << false;
        QTest::newRow("wrong secret") << BillingService::sign(body, "whsec_other", kNow) << false;
        QTest::newRow("signature of another body")
            << BillingService::sign("{\"id\":\"evt_2\"}", kSecret, kNow) << false;
        QTest::newRow("timestamp changed") << ("t=" + QByteArray::number(kNow / 1000 + 1) + "," + goodV1) << false;
        QTest::newRow("no v1") << t << false;
        QTest::newRow("no t") << goodV1 << false;
        QTest::newRow("t not a number") << ("t=soon," + goodV1) << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("v1 not hex") << (t + ",v1=zz") << false;
    }

    void signatures()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, valid);
        const auto verified = BillingService::verifySignature(header, "{\"id\":\"evt_1\"}", kSecret, kNow);
        QCOMPARE(verified.ok(), valid);
        if (!valid) {
            QCOMPARE(verified.error().code(), ErrorCode::InvalidSignature);
            QCOMPARE(verified.error().httpStatus(), 400);
        }
    }

    void tamperedBodyIsRefusedAndChangesNothing()
    {
        const QByteArray body
            = subscriptionEvent(u"evt_1"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_pro"_s);
        const QByteArray header = BillingService::sign(body, kSecret, kNow);
        QByteArray tampered = body;
        tampered.replace("price_pro", "price_business");
        QCOMPARE(m_billing->handle(header, tampered, {}).error().code(), ErrorCode::InvalidSignature);
        QCOMPARE(planOf(u"shop"_s), u"free"_s);
        kv::store::AuditQuery byBilling;
        byBilling.actor = u"billing"_s;
        QVERIFY(m_audit->list(byBilling)->isEmpty());
    }

    void subscriptionLifecycle()
    {
        auto created
            = deliver(subscriptionEvent(u"evt_1"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_pro"_s));
        QVERIFY(created.ok());
        QCOMPARE(created->kind, BillingOutcome::Kind::Applied);
        QCOMPARE(planOf(u"shop"_s), u"pro"_s);

        auto upgraded = deliver(
            subscriptionEvent(u"evt_2"_s, u"customer.subscription.updated"_s, u"shop"_s, u"price_business"_s));
        QCOMPARE(upgraded->kind, BillingOutcome::Kind::Applied);
        QCOMPARE(planOf(u"shop"_s), u"business"_s);

        auto same = deliver(
            subscriptionEvent(u"evt_3"_s, u"customer.subscription.updated"_s, u"shop"_s, u"price_business"_s));
        QCOMPARE(same->kind, BillingOutcome::Kind::Unchanged);

        auto cancelled = deliver(subscriptionEvent(
            u"evt_4"_s, u"customer.subscription.updated"_s, u"shop"_s, u"price_business"_s, u"canceled"_s));
        QCOMPARE(cancelled->kind, BillingOutcome::Kind::Applied);
        QCOMPARE(planOf(u"shop"_s), u"free"_s);

        QVERIFY(
            deliver(subscriptionEvent(u"evt_5"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_pro"_s)).ok());
        auto deleted
            = deliver(subscriptionEvent(u"evt_6"_s, u"customer.subscription.deleted"_s, u"shop"_s, u"price_pro"_s));
        QCOMPARE(deleted->kind, BillingOutcome::Kind::Applied);
        QCOMPARE(deleted->plan, u"free"_s);
        QCOMPARE(planOf(u"shop"_s), u"free"_s);

        // Audited: each plan change by "billing", and each subscription event with its id.
        kv::store::AuditQuery changes;
        changes.action = u"plan.change"_s;
        const auto planChanges = m_audit->list(changes);
        QCOMPARE(planChanges->size(), 5);
        for (const auto& change : *planChanges) {
            QCOMPARE(change.actor, u"billing"_s);
            QCOMPARE(change.requestId, u"req_hook"_s);
        }
        kv::store::AuditQuery events;
        events.action = u"billing.subscription"_s;
        const auto subscriptionEvents = m_audit->list(events);
        QCOMPARE(subscriptionEvents->size(), 6);
        QCOMPARE(subscriptionEvents->first().details.value(u"event"_s).toString(), u"evt_6"_s);
    }

    void aRedeliveredEventAppliesOnce()
    {
        const QByteArray body
            = subscriptionEvent(u"evt_1"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_pro"_s);
        QCOMPARE(deliver(body)->kind, BillingOutcome::Kind::Applied);
        QVERIFY(m_kv->setNamespacePlan(u"shop"_s, u"business"_s).ok()); // the operator changes it meanwhile
        m_clock->advanceSeconds(60);
        auto again = deliver(body);
        QVERIFY(again.ok());
        QCOMPARE(again->kind, BillingOutcome::Kind::Duplicate);
        QCOMPARE(planOf(u"shop"_s), u"business"_s);
    }

    void unknownPricesAndBadEventsAreRefused()
    {
        auto unknown
            = deliver(subscriptionEvent(u"evt_1"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_gold"_s));
        QCOMPARE(unknown.error().code(), ErrorCode::UnknownPrice);
        QCOMPARE(planOf(u"shop"_s), u"free"_s);
        auto noNamespace
            = deliver(subscriptionEvent(u"evt_2"_s, u"customer.subscription.created"_s, {}, u"price_pro"_s));
        QCOMPARE(noNamespace.error().code(), ErrorCode::BadRequest);
        auto absent
            = deliver(subscriptionEvent(u"evt_3"_s, u"customer.subscription.created"_s, u"nowhere"_s, u"price_pro"_s));
        QCOMPARE(absent.error().code(), ErrorCode::NamespaceNotFound);
        QCOMPARE(deliver("not json").error().code(), ErrorCode::BadRequest);
        // A refused event is not remembered: once the config knows the price, a retry applies.
        auto retried
            = deliver(subscriptionEvent(u"evt_3"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_pro"_s));
        QCOMPARE(retried->kind, BillingOutcome::Kind::Applied);
        // Other event types are acknowledged and ignored.
        auto other = deliver(QByteArray("{\"id\":\"evt_9\",\"type\":\"invoice.paid\",\"data\":{\"object\":{}}}"));
        QCOMPARE(other->kind, BillingOutcome::Kind::Ignored);
    }

    void withoutASecretNothingIsAccepted()
    {
        BillingService unconfigured(*m_store, *m_kv, *m_audit, {}, *m_clock);
        const QByteArray body
            = subscriptionEvent(u"evt_1"_s, u"customer.subscription.created"_s, u"shop"_s, u"price_pro"_s);
        QCOMPARE(
            unconfigured.handle(BillingService::sign(body, {}, kNow), body, {}).error().code(), ErrorCode::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestBilling)
#include "tst_billing.moc"
