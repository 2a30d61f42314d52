// The live peers page, offscreen, in the main window, against the real kvd on a free loopback port:
// test peers connect to /v1/signal with QWebSocket, authenticate with a key of the signal scope
// and join rooms, and the page follows them through the admin event feed — rows appear with
// their room and key, an ICE state report changes that row only, a peer that closes goes, the
// room filter shows one room, and the status bar counts. The races between a listing and the
// feed are made exact with a client that holds a listing back: an event during the listing is
// neither lost nor doubled; a feed that missed events, or that became live after the listing,
// brings a new listing. A failure that lasts is reported once, not at every counter refresh. A
// local store says it has no relay. QAbstractItemModelTester watches the page's models throughout.

#include "AwaitFuture.h"
#include "ForwardingClient.h"
#include "KvdProcess.h"
#include "WebSocketClient.h"
#include "client/EmbeddedClient.h"
#include "client/RemoteClient.h"
#include "client/WhenDone.h"
#include "ui/MainWindow.h"
#include "ui/peers/PeerModel.h"
#include "ui/peers/PeerTracker.h"
#include "ui/peers/PeersPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPromise>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using kv::Result;
using kv::client::Client;
using kv::client::FeedState;
using kv::model::Peer;
using kv::model::ServiceEvent;
using kv::ui::MainWindow;
using kv::ui::PeerModel;
using kv::ui::PeersPage;
using kv::ui::PeerTracker;
using namespace Qt::StringLiterals;

namespace {

using PeersResult = Result<QList<Peer>>;

/// The real client, except that it can hold one listPeers back — its answer, or the call
/// itself — drop the events it receives and pretend a feed state, so that a test puts an event
/// exactly where the race it checks needs it.
class GatedClient final : public ForwardingClient
{
public:
    enum class Hold { Answer, Call };

    using ForwardingClient::ForwardingClient;

    /// The next listPeers is held until release(): with Hold::Answer the real call is made at
    /// once and its answer kept; with Hold::Call the real call is made at release().
    void holdNextListing(Hold how) { m_hold = how; }
    [[nodiscard]] bool isHolding() const { return m_held.has_value(); }
    /// The held call's real answer is in: the relay's listing was taken.
    [[nodiscard]] bool heldAnswerArrived() const { return m_held && m_held->called && m_held->call.isFinished(); }
    void release()
    {
        Held held = std::move(*m_held);
        m_held.reset();
        QFuture<PeersResult> call = held.called ? held.call : inner().listPeers(held.room);
        kv::client::whenDone(call, this, [promise = held.promise](const PeersResult& result) {
            promise->addResult(result);
            promise->finish();
        });
    }

    /// Drops every event while muted (a feed that has a gap), keeping it in dropped().
    void setMuted(bool muted) { m_muted = muted; }
    [[nodiscard]] const QList<ServiceEvent>& dropped() const { return m_dropped; }
    /// Reports `state` instead of the real feed's; nullopt reports the real one again (and says so).
    void fakeFeedState(std::optional<FeedState> state)
    {
        m_feedState = state;
        Q_EMIT feedStateChanged(feedState());
    }

    /// How many times listPeers was called.
    [[nodiscard]] int listings() const { return m_listings; }

    QFuture<PeersResult> listPeers(const QString& room) override
    {
        ++m_listings;
        if (!m_hold) {
            return inner().listPeers(room);
        }
        Held held { room, *m_hold == Hold::Answer, {}, std::make_shared<QPromise<PeersResult>>() };
        m_hold.reset();
        if (held.called) {
            held.call = inner().listPeers(room);
        }
        held.promise->start();
        QFuture<PeersResult> future = held.promise->future();
        m_held = std::move(held);
        return future;
    }
    [[nodiscard]] FeedState feedState() const override { return m_feedState.value_or(inner().feedState()); }

protected:
    void forwardEvent(const ServiceEvent& event) override
    {
        if (m_muted) {
            m_dropped.append(event);
            return;
        }
        Q_EMIT eventReceived(event);
    }
    void forwardFeedState(FeedState state) override
    {
        if (!m_feedState) {
            Q_EMIT feedStateChanged(state);
        }
    }

private:
    struct Held
    {
        QString room;
        bool called = false;
        QFuture<PeersResult> call;
        std::shared_ptr<QPromise<PeersResult>> promise;
    };

    std::optional<Hold> m_hold;
    std::optional<Held> m_held;
    bool m_muted = false;
    QList<ServiceEvent> m_dropped;
    std::optional<FeedState> m_feedState;
    int m_listings = 0;
};

bool hasPeerEvent(const QList<ServiceEvent>& events, ServiceEvent::Type type, const QString& id)
{
    return std::any_of(events.cbegin(), events.cend(),
        [&](const ServiceEvent& event) { return event.type == type && event.data.value(u"id"_s).toString() == id; });
}

bool hasPeerEvent(const QSignalSpy& spy, ServiceEvent::Type type, const QString& id)
{
    QList<ServiceEvent> events;
    for (const QList<QVariant>& arguments : spy) {
        events.append(arguments.at(0).value<ServiceEvent>());
    }
    return hasPeerEvent(events, type, id);
}

/// "room/id" of every row of `model` (the proxy: what the table shows), sorted.
QStringList peersShown(const QAbstractItemModel* model)
{
    QStringList peers;
    for (int row = 0; row < model->rowCount(); ++row) {
        peers.append(model->index(row, PeerModel::RoomColumn).data().toString() + u'/'
            + model->index(row, PeerModel::IdColumn).data().toString());
    }
    peers.sort();
    return peers;
}

} // namespace

class TestPeersPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QString m_signalSecret;
    QString m_signalKeyId;
    QString m_readSecret;
    std::unique_ptr<MainWindow> m_window;
    GatedClient* m_gate = nullptr;
    PeersPage* m_page = nullptr;
    PeerModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    PeerTracker* m_tracker = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    /// A test peer: connected to /v1/signal, authenticated with the signal key, joined to `room`
    /// as `id`. nullptr (with the test failed) when any step did not work.
    std::unique_ptr<WebSocketClient> joinPeer(const QString& room, const QString& id)
    {
        auto peer = std::make_unique<WebSocketClient>();
        if (!peer->open(QUrl(u"ws://127.0.0.1:%1/v1/signal"_s.arg(m_kvd.port())))) {
            [] { QFAIL("the signaling WebSocket did not open"); }();
            return nullptr;
        }
        peer->send({ { u"type"_s, u"auth"_s }, { u"key"_s, m_signalSecret } });
        const auto authenticated = peer->next();
        if (!authenticated || authenticated->value(u"type"_s).toString() != u"authenticated"_s) {
            [] { QFAIL("the test peer was not authenticated"); }();
            return nullptr;
        }
        peer->send({ { u"type"_s, u"join"_s }, { u"room"_s, room }, { u"peer"_s, id } });
        const auto joined = peer->next();
        if (!joined || joined->value(u"type"_s).toString() != u"joined"_s) {
            [] { QFAIL("the test peer did not join"); }();
            return nullptr;
        }
        return peer;
    }

    QLabel* peerCountLabel() const { return m_window->findChild<QLabel*>(u"peerCountLabel"_s); }

    /// Shows the page (its counters refresh on a timer while shown) or another one.
    void showPeersPage(bool shown)
    {
        m_window->pages()->setCurrentWidget(shown ? static_cast<QWidget*>(m_page) : m_window->pages()->widget(0));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<ServiceEvent>();
        QCoreApplication::setOrganizationName(u"kvdesk-tests"_s);
        QCoreApplication::setApplicationName(u"tst_peerspage"_s);
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QVERIFY2(m_kvd.start(), qPrintable(m_kvd.failureLog()));

        kv::client::RemoteClient::Options options;
        options.baseUrl = QUrl(m_kvd.baseUrl());
        options.apiKey = m_kvd.adminKey();
        auto remote = std::make_unique<kv::client::RemoteClient>(options);
        auto issued = awaitFuture(remote->createApiKey({ u"test peers"_s, kv::model::Scope::Signal, {}, {} }));
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));
        m_signalSecret = issued->secret;
        m_signalKeyId = issued->key.id;
        auto reader = awaitFuture(remote->createApiKey({ u"no admin"_s, kv::model::Scope::Read, {}, {} }));
        QVERIFY(reader);
        m_readSecret = reader->secret;

        auto gate = std::make_unique<GatedClient>(std::move(remote));
        m_gate = gate.get();
        m_window = std::make_unique<MainWindow>();
        m_window->setClient(std::move(gate));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        m_page = m_window->findChild<PeersPage*>(u"peers"_s);
        QVERIFY(m_page);
        QVERIFY(m_page->hasRelay());
        m_model = m_page->findChild<PeerModel*>();
        m_tracker = m_page->findChild<PeerTracker*>();
        auto* table = m_page->findChild<QTableView*>(u"peerTable"_s);
        QVERIFY(m_model && m_tracker && table);
        m_proxy = qobject_cast<QSortFilterProxyModel*>(table->model());
        QVERIFY(m_proxy);
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Settled: the feed is live and the listing made after it is in.
        QTRY_COMPARE_WITH_TIMEOUT(m_gate->feedState(), FeedState::Live, 10000);
        QTRY_VERIFY(m_tracker->hasLoaded() && !m_tracker->isLoading());
        QTRY_COMPARE(peerCountLabel()->text(), u"Peers: 0"_s);
        QCOMPARE(peerCountLabel()->accessibleName(), u"Connected peers"_s);
    }

    void init()
    {
        // Every test starts with no peer connected and the page off screen.
        showPeersPage(false);
        QTRY_COMPARE(m_model->rowCount(), 0);
    }

    void cleanup()
    {
        m_gate->setMuted(false);
        m_page->setRoomFilter({});
        m_page->setCounterRefreshInterval(std::chrono::seconds(5));
    }

    void aLocalStoreSaysItHasNoRelay()
    {
        auto client = kv::client::EmbeddedClient::open(m_dir.filePath(u"local.kvstore"_s));
        QVERIFY(client);
        PeersPage page(**client);
        QSignalSpy counted(&page, &PeersPage::peerCountChanged);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(!page.hasRelay());
        auto* placeholder = page.findChild<QLabel*>(u"peersPlaceholder"_s);
        QVERIFY(placeholder);
        QVERIFY(placeholder->isVisible());
        QVERIFY(placeholder->text().contains(u"local store"_s));
        QVERIFY(!page.findChild<QTableView*>(u"peerTable"_s)->isVisible());
        // No count is claimed for a backend that cannot have peers.
        page.refresh();
        QCOMPARE(counted.count(), 0);
    }

    void followsPeersLive()
    {
        // Everything here comes from the event feed: no listing refreshes the page meanwhile.
        m_page->setCounterRefreshInterval(std::chrono::hours(1));
        auto alice = joinPeer(u"room-a"_s, u"alice"_s);
        auto bob = joinPeer(u"room-a"_s, u"bob"_s);
        auto carol = joinPeer(u"room-b"_s, u"carol"_s);
        QVERIFY(alice && bob && carol);

        QTRY_COMPARE(peersShown(m_proxy), (QStringList { u"room-a/alice"_s, u"room-a/bob"_s, u"room-b/carol"_s }));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QCOMPARE(m_model->index(row, PeerModel::ApiKeyColumn).data().toString(), m_signalKeyId);
            QVERIFY(m_model->index(row, PeerModel::AddressColumn).data().toString().startsWith(u"127.0.0.1:"_s));
            QCOMPARE(m_model->index(row, PeerModel::IceStateColumn).data().toString(), u"New"_s);
        }
        QTRY_COMPARE(peerCountLabel()->text(), u"Peers: 3"_s);

        // Alice reports her ICE state: her row changes, and nothing else does.
        const int aliceRow = m_model->rowOf(u"room-a"_s, u"alice"_s);
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
        alice->send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"connected"_s } });
        QTRY_COMPARE(m_model->index(aliceRow, PeerModel::IceStateColumn).data().toString(), u"Connected"_s);
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant>& arguments : changed) {
            QCOMPARE(arguments.at(0).value<QModelIndex>().row(), aliceRow);
            QCOMPARE(arguments.at(1).value<QModelIndex>().row(), aliceRow);
        }
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m_model->index(m_model->rowOf(u"room-a"_s, u"bob"_s), PeerModel::IceStateColumn).data().toString(),
            u"New"_s);

        // The room filter, from the keyboard: All rooms, room-a, room-b.
        showPeersPage(true);
        auto* rooms = m_page->findChild<QComboBox*>(u"peerRoomFilter"_s);
        QVERIFY(rooms);
        QCOMPARE(rooms->accessibleName(), u"Room filter"_s);
        QCOMPARE(rooms->count(), 3);
        rooms->setFocus();
        QTest::keyClick(rooms, Qt::Key_Down);
        QCOMPARE(m_page->roomFilter(), u"room-a"_s);
        QCOMPARE(peersShown(m_proxy), (QStringList { u"room-a/alice"_s, u"room-a/bob"_s }));
        QCOMPARE(m_page->findChild<QLabel*>(u"peerSummary"_s)->text(), u"2 of 3 peer(s) shown"_s);
        QTest::keyClick(rooms, Qt::Key_Down);
        QCOMPARE(peersShown(m_proxy), QStringList { u"room-b/carol"_s });

        // Bob closes: his row goes, the filter and the count follow.
        QTest::keyClick(rooms, Qt::Key_Up);
        bob->socket().close();
        QTRY_COMPARE(peersShown(m_proxy), QStringList { u"room-a/alice"_s });
        QCOMPARE(m_model->rowOf(u"room-a"_s, u"bob"_s), -1);
        QTRY_COMPARE(peerCountLabel()->text(), u"Peers: 2"_s);
        QTest::keyClick(rooms, Qt::Key_Home);
        QCOMPARE(peersShown(m_proxy), (QStringList { u"room-a/alice"_s, u"room-b/carol"_s }));
    }

    void countersRefreshInPlaceAndKeepTheSelection()
    {
        auto dave = joinPeer(u"room-c"_s, u"dave"_s);
        auto erin = joinPeer(u"room-c"_s, u"erin"_s);
        QVERIFY(dave && erin);
        QTRY_COMPARE(m_model->rowCount(), 2);

        showPeersPage(true);
        m_page->setCounterRefreshInterval(std::chrono::milliseconds(100));
        auto* table = m_page->findChild<QTableView*>(u"peerTable"_s);
        int erinRow = -1;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            if (m_proxy->index(row, PeerModel::IdColumn).data().toString() == u"erin"_s) {
                erinRow = row;
            }
        }
        QVERIFY(erinRow >= 0);
        const QRect cell = table->visualRect(m_proxy->index(erinRow, PeerModel::IdColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);

        QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
        const qint64 before = m_model->peerAt(m_model->rowOf(u"room-c"_s, u"erin"_s)).messagesIn;
        // Reporting the state it already has is counted, but is no change of state: no event
        // carries these counters, only a listing does.
        erin->send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"new"_s } });
        erin->send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"new"_s } });
        QTRY_VERIFY(m_model->peerAt(m_model->rowOf(u"room-c"_s, u"erin"_s)).messagesIn >= before + 2);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        const QModelIndexList selected = table->selectionModel()->selectedRows(PeerModel::IdColumn);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().data().toString(), u"erin"_s);
    }

    void aPeerJoiningDuringTheListingIsNotLost()
    {
        auto frank = joinPeer(u"room-d"_s, u"frank"_s);
        QVERIFY(frank);
        QTRY_COMPARE(peersShown(m_proxy), QStringList { u"room-d/frank"_s });

        QSignalSpy events(m_gate, &Client::eventReceived);
        QSignalSpy loaded(m_tracker, &PeerTracker::loaded);
        m_gate->holdNextListing(GatedClient::Hold::Answer);
        m_page->refresh();
        QVERIFY(m_gate->isHolding());
        // The relay's listing is taken (Frank in it, Eve not yet) but not yet handed over.
        QTRY_VERIFY(m_gate->heldAnswerArrived());
        auto eve = joinPeer(u"room-d"_s, u"eve"_s);
        QVERIFY(eve);
        frank->socket().close();
        QTRY_VERIFY(hasPeerEvent(events, ServiceEvent::Type::PeerJoined, u"eve"_s)
            && hasPeerEvent(events, ServiceEvent::Type::PeerLeft, u"frank"_s));

        m_gate->release();
        QVERIFY(loaded.wait());
        // The listing did not know of either event; the page did.
        QCOMPARE(peersShown(m_proxy), QStringList { u"room-d/eve"_s });
        QTRY_COMPARE(peerCountLabel()->text(), u"Peers: 1"_s);
    }

    void aPeerInTheListingAndInAnEventIsShownOnce()
    {
        QSignalSpy events(m_gate, &Client::eventReceived);
        QSignalSpy loaded(m_tracker, &PeerTracker::loaded);
        m_gate->holdNextListing(GatedClient::Hold::Call);
        m_page->refresh();
        QVERIFY(m_gate->isHolding());
        auto grace = joinPeer(u"room-e"_s, u"grace"_s);
        QVERIFY(grace);
        // Grace's join reaches the page while its listing is on the way...
        QTRY_VERIFY(hasPeerEvent(events, ServiceEvent::Type::PeerJoined, u"grace"_s));
        // ...and the listing, taken only now, has her too.
        m_gate->release();
        QVERIFY(loaded.wait());
        QCOMPARE(peersShown(m_proxy), QStringList { u"room-e/grace"_s });
        QCOMPARE(m_model->rowCount(), 1);
    }

    void missedEventsBringANewListing()
    {
        // A page of its own: the main window reloads every page on eventsMissed by itself.
        PeersPage page(*m_gate);
        auto* tracker = page.findChild<PeerTracker*>();
        auto* model = page.findChild<PeerModel*>();
        QTRY_VERIFY(tracker->hasLoaded() && !tracker->isLoading());

        m_gate->setMuted(true);
        auto henry = joinPeer(u"room-f"_s, u"henry"_s);
        QVERIFY(henry);
        QTRY_VERIFY(hasPeerEvent(m_gate->dropped(), ServiceEvent::Type::PeerJoined, u"henry"_s));
        QCOMPARE(model->rowOf(u"room-f"_s, u"henry"_s), -1);
        m_gate->setMuted(false);

        QSignalSpy loaded(tracker, &PeerTracker::loaded);
        Q_EMIT m_gate->eventsMissed();
        QVERIFY(loaded.wait());
        QVERIFY(model->rowOf(u"room-f"_s, u"henry"_s) >= 0);
    }

    void aListingFromBeforeTheFeedIsRenewedWhenItIsLive()
    {
        // The feed is not live yet when the page lists the peers...
        m_gate->fakeFeedState(FeedState::Connecting);
        PeersPage page(*m_gate);
        auto* tracker = page.findChild<PeerTracker*>();
        auto* model = page.findChild<PeerModel*>();
        QTRY_VERIFY(tracker->hasLoaded() && !tracker->isLoading());

        // ...so a peer that joins before it is live is in no event the page will see.
        m_gate->setMuted(true);
        auto ivan = joinPeer(u"room-g"_s, u"ivan"_s);
        QVERIFY(ivan);
        QTRY_VERIFY(hasPeerEvent(m_gate->dropped(), ServiceEvent::Type::PeerJoined, u"ivan"_s));
        m_gate->setMuted(false);
        QCOMPARE(model->rowOf(u"room-g"_s, u"ivan"_s), -1);

        QSignalSpy loaded(tracker, &PeerTracker::loaded);
        m_gate->fakeFeedState(std::nullopt);
        QCOMPARE(m_gate->feedState(), FeedState::Live);
        QVERIFY(loaded.wait());
        QVERIFY(model->rowOf(u"room-g"_s, u"ivan"_s) >= 0);
    }

    void aLastingFailureIsReportedOnce()
    {
        // A key without the admin scope may not list peers: every listing fails alike.
        kv::client::RemoteClient::Options options;
        options.baseUrl = QUrl(m_kvd.baseUrl());
        options.apiKey = m_readSecret;
        GatedClient client(std::make_unique<kv::client::RemoteClient>(options));
        PeersPage page(client);
        QSignalSpy failed(&page, &PeersPage::failed);
        page.setCounterRefreshInterval(std::chrono::milliseconds(20));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"admin"_s), qPrintable(failed.at(0).at(0).toString()));
        // The listing is tried again and again while the page is shown, and still said once.
        const int listings = client.listings();
        QTRY_VERIFY(client.listings() >= listings + 3);
        QCOMPARE(failed.count(), 1);
        // The operator's own refresh says it again.
        page.refresh();
        QTRY_COMPARE(failed.count(), 2);
    }

    void cleanupTestCase()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_window.reset();
    }
};

QTEST_MAIN(TestPeersPage)
#include "tst_peerspage.moc"
