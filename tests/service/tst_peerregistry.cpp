// Tests of PeerRegistry, the signaling peers of this process: ids are unique per room, removal is
// immediate, updates change one peer, listing filters by room in connection order, and the JSON
// form /v1/peers writes reads back the same.

#include "model/Json.h"
#include "service/PeerRegistry.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

kv::model::Peer peer(const QString& room, const QString& id, kv::model::Timestamp since)
{
    return kv::model::Peer { id, room, u"key_1"_s, u"127.0.0.1:5000"_s, since, u"new"_s, 0, 0, 0, 0 };
}

QStringList idsOf(const QList<kv::model::Peer>& peers)
{
    QStringList ids;
    for (const kv::model::Peer& p : peers) {
        ids.append(p.room + u'/' + p.id);
    }
    return ids;
}

} // namespace

class TestPeerRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListRemove()
    {
        kv::service::PeerRegistry registry;
        QVERIFY(registry.list().isEmpty());
        QVERIFY(registry.add(peer(u"lobby"_s, u"b"_s, 2000)));
        QVERIFY(registry.add(peer(u"lobby"_s, u"a"_s, 3000)));
        QVERIFY(registry.add(peer(u"stage"_s, u"a"_s, 1000))); // the same id in another room
        QVERIFY(!registry.add(peer(u"lobby"_s, u"a"_s, 4000))); // taken in this room
        QCOMPARE(registry.count(), 3);
        QCOMPARE(idsOf(registry.list()), (QStringList { u"stage/a"_s, u"lobby/b"_s, u"lobby/a"_s }));
        QCOMPARE(idsOf(registry.list(u"lobby"_s)), (QStringList { u"lobby/b"_s, u"lobby/a"_s }));
        QVERIFY(registry.list(u"nowhere"_s).isEmpty());

        QVERIFY(registry.update(u"lobby"_s, u"a"_s, [](kv::model::Peer& p) {
            p.iceState = u"connected"_s;
            p.messagesIn += 3;
        }));
        QVERIFY(!registry.update(u"lobby"_s, u"zzz"_s, [](kv::model::Peer&) {}));
        const kv::model::Peer updated = registry.list(u"lobby"_s).last();
        QCOMPARE(updated.iceState, u"connected"_s);
        QCOMPARE(updated.messagesIn, 3);

        QVERIFY(registry.remove(u"lobby"_s, u"a"_s));
        QVERIFY(!registry.remove(u"lobby"_s, u"a"_s));
        QCOMPARE(idsOf(registry.list()), (QStringList { u"stage/a"_s, u"lobby/b"_s }));
        QVERIFY(registry.add(peer(u"lobby"_s, u"a"_s, 5000))); // free again
    }

    void concurrentJoinsAndLeaves()
    {
        kv::service::PeerRegistry registry;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&registry, t] {
                for (int i = 0; i < 500; ++i) {
                    const QString id = u"p%1-%2"_s.arg(t).arg(i);
                    registry.add(peer(u"room"_s, id, i));
                    if (i % 2 == 0) {
                        registry.remove(u"room"_s, id);
                    }
                }
            });
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
        QCOMPARE(registry.count(), 4 * 250);
    }

    void jsonRoundTrip()
    {
        kv::model::Peer original = peer(u"lobby"_s, u"alice"_s, 1'763'900'000'123);
        original.messagesOut = 7;
        original.bytesIn = 1234;
        const auto read = kv::model::json::toPeer(kv::model::json::fromPeer(original));
        QVERIFY(read.ok());
        QCOMPARE(*read, original);
        QCOMPARE(
            kv::model::json::toPeer(QJsonObject { { u"id"_s, u"x"_s } }).error().code(), kv::ErrorCode::BadRequest);
    }
};

QTEST_GUILESS_MAIN(TestPeerRegistry)
#include "tst_peerregistry.moc"
