// Tests of the audit trail in core/service: every namespace, plan and API-key change made through
// KvService and ApiKeyService is recorded once, with the actor and request id of its context,
// failed changes leave no record, and AuditLog::list filters by time, actor, action and namespace
// and pages by id. A real SqliteStore in a temporary directory and a ManualClock.

#include "ErrorCodePrinter.h"
#include "model/Clock.h"
#include "service/ApiKeyService.h"
#include "service/AuditLog.h"
#include "service/KvService.h"
#include "store/SqliteStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using kv::ErrorCode;
using kv::model::AuditEvent;
using kv::model::Scope;
using kv::service::ApiKeyService;
using kv::service::AuditLog;
using kv::service::KvService;
using kv::service::NewApiKey;
using kv::service::RequestContext;
using kv::store::AuditQuery;

constexpr kv::model::Timestamp kStart = 1'700'000'000'000;

QStringList actionsOf(const QList<AuditEvent>& events)
{
    QStringList actions;
    for (const AuditEvent& event : events) {
        actions.append(event.action);
    }
    return actions;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    std::unique_ptr<kv::model::ManualClock> m_clock;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<KvService> m_service;
    std::unique_ptr<ApiKeyService> m_keys;
    int m_round = 0;

    QList<AuditEvent> all(AuditQuery query = {})
    {
        auto events = m_audit->list(query);
        [&] { QVERIFY2(events.ok(), events.ok() ? "" : qPrintable(events.error().message())); }();
        return events.ok() ? *events : QList<AuditEvent> {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_keys.reset();
        m_service.reset();
        m_audit.reset();
        m_store.reset();
        auto opened = kv::store::SqliteStore::open(
            kv::store::SqliteStore::Options { m_dir.filePath(u"audit-%1.kvstore"_s.arg(++m_round)) });
        QVERIFY(opened.ok());
        m_store = std::move(*opened);
        m_clock = std::make_unique<kv::model::ManualClock>(kStart);
        m_audit = std::make_unique<AuditLog>(*m_store, *m_clock);
        m_service = std::make_unique<KvService>(
            *m_store, *m_clock, kv::model::Plan::builtins(), kv::model::Limits {}, m_audit.get());
        m_keys = std::make_unique<ApiKeyService>(
            *m_store, QByteArray(32, 'k'), *m_clock, ApiKeyService::Options { .audit = m_audit.get() });
    }

    void namespaceChangesAreRecordedWithTheirContext()
    {
        const RequestContext alice { u"key_alice"_s, u"req_1"_s };
        QVERIFY(m_service->createNamespace(u"orders"_s, u"pro"_s, alice).ok());
        m_clock->advanceSeconds(1);
        QVERIFY(m_service->setNamespacePlan(u"orders"_s, u"business"_s, { u"key_bob"_s, u"req_2"_s }).ok());
        m_clock->advanceSeconds(1);
        QVERIFY(m_service->deleteNamespace(u"orders"_s).ok()); // the default context: the local operator

        const QList<AuditEvent> events = all();
        QCOMPARE(actionsOf(events), (QStringList { u"namespace.delete"_s, u"plan.change"_s, u"namespace.create"_s }));
        const AuditEvent& created = events.at(2);
        QCOMPARE(created.actor, u"key_alice"_s);
        QCOMPARE(created.requestId, u"req_1"_s);
        QCOMPARE(created.ns, u"orders"_s);
        QCOMPARE(created.at, kStart);
        QCOMPARE(created.details.value(u"plan"_s).toString(), u"pro"_s);
        const AuditEvent& changed = events.at(1);
        QCOMPARE(changed.actor, u"key_bob"_s);
        QCOMPARE(changed.details.value(u"from"_s).toString(), u"pro"_s);
        QCOMPARE(changed.details.value(u"to"_s).toString(), u"business"_s);
        QCOMPARE(changed.at, kStart + 1000);
        QCOMPARE(events.at(0).actor, u"local"_s);
        QVERIFY(events.at(0).id > changed.id && changed.id > created.id);
    }

    void failedChangesLeaveNoRecord()
    {
        QCOMPARE(m_service->createNamespace(u"Bad Id"_s).error().code(), ErrorCode::InvalidNamespace);
        QCOMPARE(m_service->createNamespace(u"orders"_s, u"gold"_s).error().code(), ErrorCode::PlanNotFound);
        QCOMPARE(m_service->setNamespacePlan(u"absent"_s, u"pro"_s).error().code(), ErrorCode::NamespaceNotFound);
        QCOMPARE(m_service->deleteNamespace(u"absent"_s).error().code(), ErrorCode::NamespaceNotFound);
        QCOMPARE(m_keys->revoke(u"no-such-key"_s).error().code(), ErrorCode::ApiKeyNotFound);
        QCOMPARE(m_keys->rotate(u"no-such-key"_s).error().code(), ErrorCode::ApiKeyNotFound);
        QVERIFY(all().isEmpty());
    }

    void apiKeyChangesAreRecordedWithoutSecrets()
    {
        const RequestContext admin { u"key_admin"_s, u"req_7"_s };
        auto created
            = m_keys->create(NewApiKey { u"ci"_s, Scope::Read | Scope::Write, { u"orders"_s }, std::nullopt }, admin);
        QVERIFY(created.ok());
        auto rotated = m_keys->rotate(created->key.id, admin);
        QVERIFY(rotated.ok());
        QVERIFY(m_keys->revoke(rotated->key.id, admin).ok());

        const QList<AuditEvent> events = all();
        QCOMPARE(actionsOf(events), (QStringList { u"apikey.revoke"_s, u"apikey.rotate"_s, u"apikey.create"_s }));
        QCOMPARE(events.at(2).target, created->key.id);
        QCOMPARE(events.at(2).details.value(u"name"_s).toString(), u"ci"_s);
        QCOMPARE(events.at(1).target, created->key.id);
        QCOMPARE(events.at(1).details.value(u"replacement"_s).toString(), rotated->key.id);
        QCOMPARE(events.at(0).target, rotated->key.id);
        for (const AuditEvent& event : events) {
            QCOMPARE(event.actor, u"key_admin"_s);
            QCOMPARE(event.requestId, u"req_7"_s);
            const QByteArray json = QJsonDocument(event.details).toJson();
            QVERIFY2(!json.contains(created->secret.toLatin1()) && !json.contains(rotated->secret.toLatin1()),
                "an audit record must never hold a secret");
        }
    }

    void listFiltersAndPages()
    {
        // 30 namespaces, one per second, by three actors.
        for (int i = 0; i < 30; ++i) {
            const RequestContext context { u"actor%1"_s.arg(i % 3), u"req_%1"_s.arg(i) };
            QVERIFY(m_service->createNamespace(u"ns%1"_s.arg(i, 2, 10, QLatin1Char('0')), {}, context).ok());
            m_clock->advanceSeconds(1);
        }
        QVERIFY(m_service->setNamespacePlan(u"ns05"_s, u"pro"_s).ok());

        QCOMPARE(all().size(), 31);
        AuditQuery byActor;
        byActor.actor = u"actor1"_s;
        QCOMPARE(all(byActor).size(), 10);
        AuditQuery byAction;
        byAction.action = u"plan.change"_s;
        QCOMPARE(all(byAction).size(), 1);
        AuditQuery byNamespace;
        byNamespace.ns = u"ns05"_s;
        QCOMPARE(actionsOf(all(byNamespace)), (QStringList { u"plan.change"_s, u"namespace.create"_s }));
        AuditQuery byTime; // [from, to): seconds 10..19
        byTime.from = kStart + 10'000;
        byTime.to = kStart + 20'000;
        const QList<AuditEvent> window = all(byTime);
        QCOMPARE(window.size(), 10);
        QCOMPARE(window.first().ns, u"ns19"_s);
        QCOMPARE(window.last().ns, u"ns10"_s);

        // Pages of 7, newest first, with no event twice or missing, even as new events arrive.
        QStringList seen;
        AuditQuery page;
        page.limit = 7;
        page.action = u"namespace.create"_s;
        for (int round = 0; round < 10; ++round) {
            const QList<AuditEvent> events = all(page);
            for (const AuditEvent& event : events) {
                seen.append(event.ns);
            }
            if (events.size() < page.limit) {
                break;
            }
            page.beforeId = events.last().id;
            QVERIFY(m_service->createNamespace(u"late%1"_s.arg(round)).ok()); // newer: not in this listing
        }
        QCOMPARE(seen.size(), 30);
        QCOMPARE(seen.first(), u"ns29"_s);
        QCOMPARE(seen.last(), u"ns00"_s);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 30);
    }

    void keyChangesAreRecordedWithTheWrite()
    {
        QVERIFY(m_service->createNamespace(u"shop"_s).ok());
        const RequestContext writer { u"key_writer"_s, u"req_w"_s };
        QVERIFY(m_service->put(u"shop"_s, kv::service::PutRequest { u"cart/1"_s, "v", {}, {}, {} }, writer).ok());
        QList<kv::service::PutRequest> batch;
        for (int i = 0; i < 150; ++i) {
            batch.append(kv::service::PutRequest { u"item/%1"_s.arg(i), "v", {}, {}, {} });
        }
        QVERIFY(m_service->putMany(u"shop"_s, batch, writer)->committed);
        QVERIFY(*m_service->remove(u"shop"_s, u"cart/1"_s, {}, writer));
        // Nothing changed: no record (a failed condition, a delete of a missing key).
        QCOMPARE(
            m_service
                ->put(u"shop"_s,
                    kv::service::PutRequest { u"item/1"_s, "w", {}, {}, kv::store::Precondition::absent() }, writer)
                .error()
                .code(),
            ErrorCode::KeyExists);
        QVERIFY(!*m_service->remove(u"shop"_s, u"never"_s, {}, writer));
        // Reads are no state change.
        QVERIFY(m_service->get(u"shop"_s, u"item/1"_s).ok());

        AuditQuery query;
        query.ns = u"shop"_s;
        const QList<AuditEvent> events = all(query);
        QCOMPARE(
            actionsOf(events), (QStringList { u"key.delete"_s, u"key.put"_s, u"key.put"_s, u"namespace.create"_s }));
        QCOMPARE(events[0].target, u"cart/1"_s);
        QCOMPARE(events[0].actor, u"key_writer"_s);
        QCOMPARE(events[0].requestId, u"req_w"_s);
        QCOMPARE(events[1].target, QString()); // a batch names its keys in the details
        QCOMPARE(events[1].details.value(u"count"_s).toInteger(), 150);
        QCOMPARE(events[1].details.value(u"keys"_s).toArray().size(), 100);
        QCOMPARE(events[2].target, u"cart/1"_s);
    }

    void listRejectsBadLimits()
    {
        AuditQuery query;
        query.limit = 0;
        QCOMPARE(m_audit->list(query).error().code(), ErrorCode::InvalidLimit);
        query.limit = 1001;
        QCOMPARE(m_audit->list(query).error().code(), ErrorCode::InvalidLimit);
    }

    void theTrailSurvivesAReopen()
    {
        QVERIFY(m_service->createNamespace(u"kept"_s, {}, { u"key_x"_s, u"req_x"_s }).ok());
        const QString path = m_dir.filePath(u"audit-%1.kvstore"_s.arg(m_round));
        m_keys.reset();
        m_service.reset();
        m_audit.reset();
        m_store.reset();
        auto reopened = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { path });
        QVERIFY(reopened.ok());
        AuditLog audit(**reopened, *m_clock);
        auto events = audit.list({});
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().requestId, u"req_x"_s);
        m_store = std::move(*reopened);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
