// PeerModel on its own: how a listing and peer events reconcile by peer (room and id) — a listing
// updates rows in place, removes the gone and inserts the new in one batch; an event repeats
// nothing, takes no counter back, and one about an earlier connection of the same id is ignored.
// QAbstractItemModelTester watches every change.

#include "model/Json.h"
#include "ui/peers/PeerModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using kv::model::Peer;
using kv::model::ServiceEvent;
using kv::ui::PeerModel;
using namespace Qt::StringLiterals;

namespace {

Peer peer(const QString& room, const QString& id, kv::model::Timestamp since, const QString& ice = u"new"_s)
{
    Peer p;
    p.id = id;
    p.room = room;
    p.apiKeyId = u"key-1"_s;
    p.remoteAddress = u"127.0.0.1:40000"_s;
    p.connectedSince = since;
    p.iceState = ice;
    return p;
}

ServiceEvent peerEvent(ServiceEvent::Type type, const Peer& p)
{
    ServiceEvent e;
    e.type = type;
    e.data = kv::model::json::fromPeer(p);
    return e;
}

QStringList rows(const PeerModel& model)
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        keys.append(model.peerAt(row).room + u'/' + model.peerAt(row).id);
    }
    return keys;
}

} // namespace

class TestPeerModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aListingInsertsInOneBatch()
    {
        PeerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setPeers(
            { peer(u"a"_s, u"alice"_s, 1000), peer(u"a"_s, u"bob"_s, 2000), peer(u"b"_s, u"alice"_s, 3000) });
        QCOMPARE(inserted.count(), 1);
        // The same id in two rooms is two peers.
        QCOMPARE(rows(model), (QStringList { u"a/alice"_s, u"a/bob"_s, u"b/alice"_s }));
        QCOMPARE(model.rowOf(u"b"_s, u"alice"_s), 2);
        QCOMPARE(model.rooms(), (QStringList { u"a"_s, u"b"_s }));
    }

    void aListingUpdatesRowsInPlace()
    {
        PeerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeers(
            { peer(u"a"_s, u"alice"_s, 1000), peer(u"a"_s, u"bob"_s, 2000), peer(u"a"_s, u"carol"_s, 3000) });
        const QPersistentModelIndex carol = model.index(2, PeerModel::IdColumn);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        Peer busier = peer(u"a"_s, u"carol"_s, 3000);
        busier.messagesIn = 7;
        busier.bytesOut = 900;
        model.setPeers({ peer(u"a"_s, u"alice"_s, 1000), busier, peer(u"a"_s, u"dave"_s, 4000) });

        QCOMPARE(reset.count(), 0);
        QCOMPARE(rows(model), (QStringList { u"a/alice"_s, u"a/carol"_s, u"a/dave"_s }));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        // Carol's row moved up one and is still Carol's: a view's selection follows it.
        QVERIFY(carol.isValid());
        QCOMPARE(carol.row(), 1);
        // Only Carol changed, and only from her first changed counter to her last.
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);
        QCOMPARE(topLeft.column(), int(PeerModel::MessagesInColumn));
        QCOMPARE(bottomRight.column(), int(PeerModel::BytesOutColumn));
        QCOMPARE(model.index(1, PeerModel::MessagesInColumn).data(PeerModel::SortRole).toLongLong(), 7);

        // The same listing again changes nothing.
        changed.clear();
        model.setPeers({ peer(u"a"_s, u"alice"_s, 1000), busier, peer(u"a"_s, u"dave"_s, 4000) });
        QCOMPARE(changed.count(), 0);
    }

    void eventsJoinChangeAndLeave()
    {
        PeerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeers({ peer(u"a"_s, u"alice"_s, 1000), peer(u"a"_s, u"bob"_s, 2000) });

        QVERIFY(model.apply(peerEvent(ServiceEvent::Type::PeerJoined, peer(u"b"_s, u"carol"_s, 3000))));
        QCOMPARE(rows(model), (QStringList { u"a/alice"_s, u"a/bob"_s, u"b/carol"_s }));
        // A join the table already shows (a listing had it) is not a second row.
        QVERIFY(!model.apply(peerEvent(ServiceEvent::Type::PeerJoined, peer(u"b"_s, u"carol"_s, 3000))));
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.apply(peerEvent(ServiceEvent::Type::PeerState, peer(u"a"_s, u"bob"_s, 2000, u"connected"_s))));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1, PeerModel::IceStateColumn).data().toString(), u"Connected"_s);
        QCOMPARE(model.index(1, PeerModel::IceStateColumn).data(PeerModel::IceStateRole).toString(), u"connected"_s);

        QVERIFY(model.apply(peerEvent(ServiceEvent::Type::PeerLeft, peer(u"a"_s, u"alice"_s, 1000))));
        QCOMPARE(rows(model), (QStringList { u"a/bob"_s, u"b/carol"_s }));
        QVERIFY(!model.apply(peerEvent(ServiceEvent::Type::PeerLeft, peer(u"a"_s, u"alice"_s, 1000))));
        QCOMPARE(model.rowOf(u"b"_s, u"carol"_s), 1);

        // Other events are not about peers.
        ServiceEvent audit;
        audit.type = ServiceEvent::Type::Audit;
        QVERIFY(!model.apply(audit));
        ServiceEvent malformed;
        malformed.type = ServiceEvent::Type::PeerJoined;
        QVERIFY(!model.apply(malformed));
        QCOMPARE(model.rowCount(), 2);
    }

    void aStaleEventTakesNothingBack()
    {
        PeerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Peer now = peer(u"a"_s, u"alice"_s, 1000, u"connected"_s);
        now.messagesIn = 40;
        now.bytesIn = 4000;
        model.setPeers({ now });

        // An event from before the listing (it can arrive after it) keeps the counters that grew.
        Peer earlier = peer(u"a"_s, u"alice"_s, 1000, u"checking"_s);
        earlier.messagesIn = 10;
        earlier.bytesIn = 1000;
        QVERIFY(model.apply(peerEvent(ServiceEvent::Type::PeerState, earlier)));
        QCOMPARE(model.peerAt(0).messagesIn, 40);
        QCOMPARE(model.peerAt(0).bytesIn, 4000);

        // Alice left and came back (a later connection): the old connection's leave and state
        // are stale and must not take the new connection's row away.
        model.setPeers({ peer(u"a"_s, u"alice"_s, 5000) });
        QVERIFY(!model.apply(peerEvent(ServiceEvent::Type::PeerLeft, peer(u"a"_s, u"alice"_s, 1000))));
        QVERIFY(!model.apply(peerEvent(ServiceEvent::Type::PeerState, peer(u"a"_s, u"alice"_s, 1000, u"failed"_s))));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.peerAt(0).iceState, u"new"_s);
        // Its own leave removes it.
        QVERIFY(model.apply(peerEvent(ServiceEvent::Type::PeerLeft, peer(u"a"_s, u"alice"_s, 5000))));
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsByValueNotText()
    {
        PeerModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(PeerModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Peer small = peer(u"a"_s, u"small"_s, 1000, u"failed"_s);
        small.bytesIn = 900;
        Peer large = peer(u"a"_s, u"large"_s, 2000, u"checking"_s);
        large.bytesIn = 10'000;
        Peer middle = peer(u"a"_s, u"middle"_s, 3000, u"connected"_s);
        middle.bytesIn = 2'000;
        model.setPeers({ small, large, middle });

        proxy.sort(PeerModel::BytesInColumn, Qt::AscendingOrder);
        QStringList ids;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            ids.append(proxy.index(row, PeerModel::IdColumn).data().toString());
        }
        QCOMPARE(ids, (QStringList { u"small"_s, u"middle"_s, u"large"_s }));

        // ICE states in the order a connection goes through them.
        proxy.sort(PeerModel::IceStateColumn, Qt::AscendingOrder);
        ids.clear();
        for (int row = 0; row < proxy.rowCount(); ++row) {
            ids.append(proxy.index(row, PeerModel::IdColumn).data().toString());
        }
        QCOMPARE(ids, (QStringList { u"large"_s, u"middle"_s, u"small"_s }));
    }
};

QTEST_GUILESS_MAIN(TestPeerModel)
#include "tst_peermodel.moc"
