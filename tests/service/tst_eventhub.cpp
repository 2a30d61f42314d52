// Tests of EventHub, the live feed of a running service: numbering, replay after a sequence,
// gap detection, and that the audit log, usage meter and peer registry publish what they do.

#include "model/Json.h"
#include "service/AuditLog.h"
#include "service/EventHub.h"
#include "service/KvService.h"
#include "service/PeerRegistry.h"
#include "service/UsageMeter.h"
#include "store/SqliteStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using kv::model::ServiceEvent;
using kv::service::EventHub;

namespace {

QList<qint64> sequencesOf(const QList<ServiceEvent>& events)
{
    QList<qint64> sequences;
    for (const ServiceEvent& event : events) {
        sequences.append(event.sequence);
    }
    return sequences;
}

} // namespace

class TestEventHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersAndDeliversInOrder()
    {
        kv::model::ManualClock clock(5000);
        EventHub hub(clock);
        QList<ServiceEvent> seen;
        const auto subscription = hub.subscribe([&seen](const ServiceEvent& event) { seen.append(event); });
        QVERIFY(subscription.complete);
        QCOMPARE(hub.publish(ServiceEvent::Type::Audit, u"app"_s, { { u"id"_s, 7 } }), 1);
        QCOMPARE(hub.publish(ServiceEvent::Type::PeerJoined, {}, {}), 2);
        QCOMPARE(sequencesOf(seen), (QList<qint64> { 1, 2 }));
        QCOMPARE(seen.first().at, 5000);
        QCOMPARE(seen.first().ns, u"app"_s);
        QCOMPARE(hub.lastSequence(), 2);

        hub.unsubscribe(subscription.id);
        hub.publish(ServiceEvent::Type::Audit, {}, {});
        QCOMPARE(seen.size(), 2);
    }

    void resumesAfterASequenceOrReportsTheGap()
    {
        kv::model::ManualClock clock;
        EventHub hub(clock, 3);
        for (int i = 0; i < 5; ++i) {
            hub.publish(ServiceEvent::Type::UsageTick, u"app"_s, {});
        }
        // Kept: 3, 4, 5.
        QList<ServiceEvent> resumed;
        auto subscription = hub.subscribe([&resumed](const ServiceEvent& event) { resumed.append(event); }, 3);
        QVERIFY(subscription.complete);
        QCOMPARE(sequencesOf(resumed), (QList<qint64> { 4, 5 }));
        hub.publish(ServiceEvent::Type::UsageTick, u"app"_s, {});
        QCOMPARE(sequencesOf(resumed), (QList<qint64> { 4, 5, 6 }));

        QList<ServiceEvent> late;
        QVERIFY(!hub.subscribe([&late](const ServiceEvent& event) { late.append(event); }, 1).complete);
        QCOMPARE(sequencesOf(late), (QList<qint64> { 4, 5, 6 }));
        QVERIFY(hub.subscribe([](const ServiceEvent&) {}, 6).complete);
        // A sequence this stream never reached comes from another stream (a restarted service).
        QVERIFY(!hub.subscribe([](const ServiceEvent&) {}, 99).complete);
        EventHub other(clock);
        QVERIFY(hub.streamId() != other.streamId());
    }

    void servicesPublishWhatTheyDo()
    {
        QTemporaryDir dir;
        auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { dir.filePath(u"s.kvstore"_s) });
        QVERIFY(store);
        kv::model::ManualClock clock(1'700'000'000'000);
        EventHub hub(clock);
        QList<ServiceEvent> seen;
        hub.subscribe([&seen](const ServiceEvent& event) { seen.append(event); });
        kv::service::AuditLog audit(**store, clock, &hub);
        kv::service::UsageMeter usage(**store, clock, &hub);
        kv::service::KvService service(**store, clock, kv::model::Plan::builtins(), {}, &audit, &usage);

        QVERIFY(service.createNamespace(u"app"_s));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.last().type, ServiceEvent::Type::Audit);
        QCOMPARE(seen.last().data.value(u"action"_s).toString(), u"namespace.create"_s);

        // A write's audit event is published with the id the store gave it.
        QVERIFY(service.put(u"app"_s, kv::service::PutRequest { u"k"_s, "v", {}, {}, {} }));
        QCOMPARE(seen.last().type, ServiceEvent::Type::Audit);
        auto written = kv::model::json::toAuditEvent(seen.last().data);
        QVERIFY(written);
        QCOMPARE(written->action, u"key.put"_s);
        QVERIFY(written->id > 0);
        auto stored = audit.list(kv::store::AuditQuery {});
        QVERIFY(stored);
        QCOMPARE(stored->first().id, written->id);

        // Usage is published per flush, not per operation.
        QVERIFY(service.get(u"app"_s, u"k"_s));
        const qsizetype before = seen.size();
        QVERIFY(usage.flush());
        QCOMPARE(seen.size(), before + 1);
        QCOMPARE(seen.last().type, ServiceEvent::Type::UsageTick);
        QCOMPARE(seen.last().ns, u"app"_s);
        QCOMPARE(seen.last().data.value(u"reads"_s).toInteger(), 1);
        QCOMPARE(seen.last().data.value(u"writes"_s).toInteger(), 1);
        QVERIFY(usage.flush());
        QCOMPARE(seen.size(), before + 1);

        kv::service::PeerRegistry peers(&hub);
        const kv::model::Peer peer { u"p1"_s, u"lobby"_s, u"key"_s, u"127.0.0.1:1"_s, 1, u"new"_s, 0, 0, 0, 0 };
        QVERIFY(peers.add(peer));
        QCOMPARE(seen.last().type, ServiceEvent::Type::PeerJoined);
        QVERIFY(peers.update(u"lobby"_s, u"p1"_s, [](kv::model::Peer& p) { ++p.messagesIn; }));
        QCOMPARE(seen.last().type, ServiceEvent::Type::PeerJoined); // counters alone are not published
        QVERIFY(peers.update(u"lobby"_s, u"p1"_s, [](kv::model::Peer& p) { p.iceState = u"connected"_s; }));
        QCOMPARE(seen.last().type, ServiceEvent::Type::PeerState);
        QCOMPARE(seen.last().data.value(u"iceState"_s).toString(), u"connected"_s);
        QVERIFY(peers.remove(u"lobby"_s, u"p1"_s));
        QCOMPARE(seen.last().type, ServiceEvent::Type::PeerLeft);
        QCOMPARE(seen.last().data.value(u"id"_s).toString(), u"p1"_s);

        // What the feed carries reads back the same through its JSON form.
        for (const ServiceEvent& event : std::as_const(seen)) {
            auto back = kv::model::json::toServiceEvent(kv::model::json::fromServiceEvent(event));
            QVERIFY(back);
            QCOMPARE(*back, event);
        }
    }
};

QTEST_GUILESS_MAIN(TestEventHub)
#include "tst_eventhub.moc"
