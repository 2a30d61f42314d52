// The audit page, offscreen, on a real embedded store whose trail holds seeded events at known
// times (written through the store before the client opens it) and the events of real admin
// actions made through the client: the model pages through every event once, newest first, and
// passes QAbstractItemModelTester; each filter (period, custom range, actor, action, namespace)
// narrows the rows to exactly the matching events; live events join when they match and not
// otherwise, without moving a reader who scrolled away; a lost feed reloads; an answer for an
// older filter never mixes into the rows of a newer one.

#include "AwaitFuture.h"
#include "client/EmbeddedClient.h"
#include "store/SqliteStore.h"
#include "ui/MainWindow.h"
#include "ui/audit/AuditModel.h"
#include "ui/audit/AuditPage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using kv::client::EmbeddedClient;
using kv::model::AuditEvent;
using kv::ui::AuditFilter;
using kv::ui::AuditModel;
using kv::ui::AuditPage;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 24 * 60 * kMinute;
constexpr int kOldSeeds = 200;
constexpr int kRecentSeeds = 60;

QList<qint64> idsOf(const AuditModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.data(model.index(row, 0), AuditModel::IdRole).toLongLong());
    }
    return ids;
}

QList<qint64> idsOf(const QList<AuditEvent>& events, const std::function<bool(const AuditEvent&)>& keep = {})
{
    QList<qint64> ids;
    for (const AuditEvent& event : events) {
        if (!keep || keep(event)) {
            ids.append(event.id);
        }
    }
    return ids;
}

/// Asks for pages until the model holds every matching event.
void loadAll(AuditModel& model)
{
    QSignalSpy pages(&model, &AuditModel::pageLoaded);
    QTRY_VERIFY(!model.isLoading());
    // A model that never completes (a cursor that does not move) fails here instead of hanging.
    for (int asked = 0; !model.isComplete(); ++asked) {
        QVERIFY2(asked < 1000, "the pages never end");
        model.fetchMore({});
        QVERIFY(pages.wait());
    }
}

} // namespace

class TestAuditPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedClient> m_client;
    /// The first seeded event's time: ten days ago, on a whole minute.
    qint64 m_oldStart = 0;

    /// The whole trail, newest first, straight from the client.
    QList<AuditEvent> allEvents() const
    {
        QList<AuditEvent> events;
        kv::client::AuditQuery query;
        query.limit = 1000;
        while (true) {
            auto page = awaitFuture(m_client->auditPage(query));
            [&] { QVERIFY2(page, qPrintable(page ? QString() : page.error().message())); }();
            if (!page) {
                return events;
            }
            events.append(page->events);
            if (page->nextBeforeId == 0) {
                return events;
            }
            query.beforeId = page->nextBeforeId;
        }
    }

    /// A page on its own, shown, with every matching event in one page of the model.
    std::unique_ptr<AuditPage> openPage(int pageSize = 1000) const
    {
        auto page = std::make_unique<AuditPage>(*m_client);
        page->model()->setPageSize(pageSize);
        page->refresh();
        page->resize(1000, 600);
        page->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(page.get())); }();
        return page;
    }

    template <typename T> static T* child(const QWidget* page, const QString& name)
    {
        T* found = page->findChild<T*>(name);
        [&] { QVERIFY2(found, qPrintable(name)); }();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationDomain(u"test.kvdesk.dev"_s);
        QCoreApplication::setApplicationName(u"tst_auditpage"_s);
        const QString path = m_dir.filePath(u"audit.kvstore"_s);
        // Seeded through the store itself: the client stamps events with the real clock, and the
        // time filters need events whose times the test knows.
        {
            auto store = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { path });
            QVERIFY(store);
            const QStringList actors { u"local"_s, u"billing"_s, u"key_one"_s, u"key_two"_s };
            const QStringList actions = kv::ui::knownAuditActions();
            const QStringList namespaces { u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s, QString() };
            m_oldStart = QDateTime::currentMSecsSinceEpoch() / kMinute * kMinute - 10 * kDay;
            const qint64 recentStart = m_oldStart + 8 * kDay;
            for (int i = 0; i < kOldSeeds + kRecentSeeds; ++i) {
                AuditEvent event;
                event.at = i < kOldSeeds ? m_oldStart + i * kMinute : recentStart + (i - kOldSeeds) * kMinute;
                event.actor = actors.at(i % actors.size());
                event.action = actions.at(i % actions.size());
                event.ns = namespaces.at(i % namespaces.size());
                event.target = u"target-%1"_s.arg(i);
                event.requestId = u"req-%1"_s.arg(i);
                event.details = QJsonObject { { u"seed"_s, i } };
                QVERIFY(store.value()->appendAudit(event));
            }
        }
        auto client = EmbeddedClient::open(path);
        QVERIFY(client);
        m_client = std::move(client.value());
        m_client->startEvents();
        // And real admin actions, audited by the service as they happen.
        for (const QString& ns : { u"alpha"_s, u"beta"_s }) {
            QVERIFY(awaitFuture(m_client->createNamespace(ns)));
        }
        QVERIFY(awaitFuture(m_client->setNamespacePlan(u"beta"_s, u"pro"_s)));
        kv::client::NewApiKey request;
        request.name = u"ci"_s;
        request.scopes = kv::model::Scope::Read;
        auto key = awaitFuture(m_client->createApiKey(request));
        QVERIFY(key);
        QVERIFY(awaitFuture(m_client->revokeApiKey(key->key.id)));
        QCOMPARE(allEvents().size(), kOldSeeds + kRecentSeeds + 5);
    }

    void pagesThroughEveryEventOnceNewestFirst()
    {
        AuditModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(40);
        QSignalSpy pages(&model, &AuditModel::pageLoaded);
        model.reload();
        QVERIFY(pages.wait());
        QCOMPARE(model.rowCount(), 40);
        QVERIFY(model.canFetchMore({}));
        loadAll(model);
        const QList<AuditEvent> all = allEvents();
        QCOMPARE(idsOf(model), idsOf(all));
        QVERIFY(pages.size() >= 7); // 265 events in pages of 40: never one page for all
        QVERIFY(!model.canFetchMore({}));

        // The newest is a real action; the cells show it, the roles carry it raw.
        const AuditEvent& newest = all.constFirst();
        QCOMPARE(newest.action, u"apikey.revoke"_s);
        QCOMPARE(model.index(0, AuditModel::ActionColumn).data().toString(), u"apikey.revoke"_s);
        QCOMPARE(model.index(0, AuditModel::ActorColumn).data().toString(), u"local"_s);
        QCOMPARE(model.index(0, AuditModel::TargetColumn).data().toString(), newest.target);
        QCOMPARE(model.index(0, 0).data(AuditModel::AtRole).toLongLong(), newest.at);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(newest.at);
        QCOMPARE(
            model.index(0, AuditModel::TimeColumn).data().toString(), QLocale().toString(at, u"yyyy-MM-dd HH:mm:ss"_s));
        const QString utc = model.index(0, AuditModel::TimeColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(
            utc.contains(at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)) && utc.contains(u"UTC"_s), qPrintable(utc));
        const int seeded = model.rowOfId(all.constLast().id);
        QCOMPARE(seeded, model.rowCount() - 1);
        QCOMPARE(model.index(seeded, AuditModel::DetailsColumn).data().toString(), uR"({"seed":0})"_s);
        QCOMPARE(model.index(seeded, AuditModel::RequestIdColumn).data().toString(), u"req-0"_s);
        QCOMPARE(model.index(seeded, 0).data(AuditModel::EventJsonRole).toJsonObject().value(u"target"_s).toString(),
            u"target-0"_s);
    }

    void theViewPagesInAsTheReaderScrolls()
    {
        auto page = openPage(50);
        AuditModel* model = page->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* view = child<QTableView>(page.get(), u"auditEvents"_s);
        QTRY_COMPARE(model->rowCount(), 50);
        QVERIFY(!model->isComplete());
        QVERIFY(child<QLabel>(page.get(), u"auditStatus"_s)->text().contains(u"50"_s));
        // Scrolling to the end asks for the next page, as a reader's wheel or End key would.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(0, 1)).center());
        QCOMPARE(view->currentIndex().row(), 0);
        for (int scrolled = 0; !model->isComplete(); ++scrolled) {
            QVERIFY2(scrolled < 100, "the pages never end");
            const int rows = model->rowCount();
            QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
            QTRY_VERIFY(model->rowCount() > rows || model->isComplete());
        }
        QCOMPARE(idsOf(*model), idsOf(allEvents()));
        QVERIFY(child<QLabel>(page.get(), u"auditStatus"_s)->text().contains(QLocale().toString(model->rowCount())));
    }

    void filtersByPeriod()
    {
        auto page = openPage();
        AuditModel* model = page->model();
        const QList<AuditEvent> all = allEvents();
        QTRY_COMPARE(idsOf(*model), idsOf(all));
        auto* period = child<QComboBox>(page.get(), u"auditPeriod"_s);

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        period->setCurrentIndex(period->findText(u"Last 7 days"_s));
        const auto week = idsOf(all, [now](const AuditEvent& e) { return e.at >= now - 7 * kDay; });
        QCOMPARE(week.size(), kRecentSeeds + 5);
        QTRY_COMPARE(idsOf(*model), week);

        period->setCurrentIndex(period->findText(u"Last hour"_s));
        const auto hour = idsOf(all, [now](const AuditEvent& e) { return e.at >= now - 60 * kMinute; });
        QCOMPARE(hour.size(), 5); // the real actions only
        QTRY_COMPARE(idsOf(*model), hour);

        period->setCurrentIndex(period->findText(u"Any time"_s));
        QTRY_COMPARE(idsOf(*model), idsOf(all));
    }

    void filtersByACustomRangeTypedIn()
    {
        auto page = openPage();
        AuditModel* model = page->model();
        const QList<AuditEvent> all = allEvents();
        QTRY_COMPARE(idsOf(*model), idsOf(all));
        auto* period = child<QComboBox>(page.get(), u"auditPeriod"_s);
        auto* from = child<QDateTimeEdit>(page.get(), u"auditFrom"_s);
        auto* to = child<QDateTimeEdit>(page.get(), u"auditTo"_s);
        QVERIFY(!from->isEnabled());
        period->setCurrentIndex(period->findText(u"Custom range"_s));
        QVERIFY(from->isEnabled() && to->isEnabled());

        // From the 50th seeded minute (included) to the 120th (excluded), typed as a reader would.
        const qint64 start = m_oldStart + 50 * kMinute;
        const qint64 end = m_oldStart + 120 * kMinute;
        const auto type = [](QDateTimeEdit* edit, qint64 at) {
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(at);
            edit->setFocus();
            // Section by section, as after a click into each: the digits replace what it held.
            const std::pair<QDateTimeEdit::Section, QString> sections[] {
                { QDateTimeEdit::YearSection, local.toString(u"yyyy"_s) },
                { QDateTimeEdit::MonthSection, local.toString(u"MM"_s) },
                { QDateTimeEdit::DaySection, local.toString(u"dd"_s) },
                { QDateTimeEdit::HourSection, local.toString(u"HH"_s) },
                { QDateTimeEdit::MinuteSection, local.toString(u"mm"_s) },
                { QDateTimeEdit::SecondSection, local.toString(u"ss"_s) },
            };
            for (const auto& [section, digits] : sections) {
                edit->setSelectedSection(section);
                QTest::keyClicks(edit, digits);
            }
            QTest::keyClick(edit, Qt::Key_Tab);
            QCOMPARE(edit->dateTime().toMSecsSinceEpoch(), at);
        };
        type(to, end);
        type(from, start);
        const auto range = idsOf(all, [&](const AuditEvent& e) { return e.at >= start && e.at < end; });
        QCOMPARE(range.size(), 70);
        QTRY_COMPARE(idsOf(*model), range);
        auto* problem = child<QLabel>(page.get(), u"auditFilterProblem"_s);
        QVERIFY(problem->isHidden());

        // A range that ends before it starts is not applied, and the bar says why.
        type(from, end + kMinute);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"start before it ends"_s), qPrintable(problem->text()));
        QCOMPARE(idsOf(*model), range);
    }

    void filtersByActorActionAndNamespace()
    {
        auto page = openPage();
        AuditModel* model = page->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<AuditEvent> all = allEvents();
        QTRY_COMPARE(idsOf(*model), idsOf(all));

        auto* actor = child<QLineEdit>(page.get(), u"auditActor"_s);
        QTest::keyClicks(actor, u"billing"_s);
        const auto billing = idsOf(all, [](const AuditEvent& e) { return e.actor == u"billing"_s; });
        QCOMPARE(billing.size(), (kOldSeeds + kRecentSeeds) / 4);
        QTRY_COMPARE(idsOf(*model), billing);
        actor->clear();
        QTest::keyClick(actor, Qt::Key_Return);
        QTRY_COMPARE(idsOf(*model), idsOf(all));

        auto* action = child<QComboBox>(page.get(), u"auditAction"_s);
        action->setCurrentIndex(action->findData(u"namespace.create"_s));
        const auto created = idsOf(all, [](const AuditEvent& e) { return e.action == u"namespace.create"_s; });
        QVERIFY(created.size() > 2 && created.size() < all.size() / 4);
        QTRY_COMPARE(idsOf(*model), created);

        // Filters combine: the namespaces created in alpha, by anyone.
        auto* ns = child<QLineEdit>(page.get(), u"auditNamespace"_s);
        QTest::keyClicks(ns, u"alpha"_s);
        const auto createdInAlpha
            = idsOf(all, [](const AuditEvent& e) { return e.action == u"namespace.create"_s && e.ns == u"alpha"_s; });
        QVERIFY(!createdInAlpha.isEmpty() && createdInAlpha.size() < created.size());
        QTRY_COMPARE(idsOf(*model), createdInAlpha);

        action->setCurrentIndex(action->findData(QString()));
        const auto alpha = idsOf(all, [](const AuditEvent& e) { return e.ns == u"alpha"_s; });
        QTRY_COMPARE(idsOf(*model), alpha);

        // A namespace id that cannot exist is not asked for: the rule of core/model says why.
        auto* problem = child<QLabel>(page.get(), u"auditFilterProblem"_s);
        QTest::keyClicks(ns, u" Bad"_s);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"not a valid namespace id"_s), qPrintable(problem->text()));
        QCOMPARE(idsOf(*model), alpha);
        ns->clear();
        QTest::keyClicks(ns, u"beta"_s);
        QTRY_COMPARE(idsOf(*model), idsOf(all, [](const AuditEvent& e) { return e.ns == u"beta"_s; }));
        QVERIFY(problem->isHidden());
    }

    void liveEventsJoinOnlyWhenTheyMatch()
    {
        auto page = openPage();
        AuditModel* model = page->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A model without a filter witnesses that an event was delivered at all.
        AuditModel witness(*m_client);
        witness.reload();
        QTRY_VERIFY(witness.isComplete() || witness.rowCount() == witness.pageSize());

        auto* action = child<QComboBox>(page.get(), u"auditAction"_s);
        action->setCurrentIndex(action->findData(u"namespace.create"_s));
        const auto created = idsOf(allEvents(), [](const AuditEvent& e) { return e.action == u"namespace.create"_s; });
        QTRY_COMPARE(idsOf(*model), created);

        QVERIFY(awaitFuture(m_client->setNamespacePlan(u"alpha"_s, u"pro"_s)));
        QTRY_COMPARE(witness.index(0, AuditModel::ActionColumn).data().toString(), u"plan.change"_s);
        QCOMPARE(idsOf(*model), created);

        QVERIFY(awaitFuture(m_client->createNamespace(u"live"_s)));
        QTRY_COMPARE(model->rowCount(), created.size() + 1);
        QCOMPARE(model->index(0, AuditModel::TargetColumn).data().toString(), u"live"_s);
        QCOMPARE(model->index(0, AuditModel::ActionColumn).data().toString(), u"namespace.create"_s);
        QCOMPARE(idsOf(*model).mid(1), created);

        // By namespace: a write to alpha stays out, one to live comes in.
        action->setCurrentIndex(action->findData(QString()));
        auto* ns = child<QLineEdit>(page.get(), u"auditNamespace"_s);
        QTest::keyClicks(ns, u"live"_s);
        QTest::keyClick(ns, Qt::Key_Return);
        QTRY_COMPARE(model->rowCount(), 1);
        QVERIFY(awaitFuture(m_client->putValue(u"alpha"_s, kv::client::PutRequest { u"k"_s, "v", {}, {}, {} })));
        QTRY_COMPARE(witness.index(0, AuditModel::NamespaceColumn).data().toString(), u"alpha"_s);
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(awaitFuture(m_client->putValue(u"live"_s, kv::client::PutRequest { u"k"_s, "v", {}, {}, {} })));
        QTRY_COMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, AuditModel::ActionColumn).data().toString(), u"key.put"_s);

        // A custom range in the past: nothing new can match it.
        auto* period = child<QComboBox>(page.get(), u"auditPeriod"_s);
        ns->clear();
        QTest::keyClick(ns, Qt::Key_Return);
        child<QDateTimeEdit>(page.get(), u"auditFrom"_s)->setDateTime(QDateTime::fromMSecsSinceEpoch(m_oldStart));
        child<QDateTimeEdit>(page.get(), u"auditTo"_s)
            ->setDateTime(QDateTime::fromMSecsSinceEpoch(m_oldStart + 30 * kMinute));
        period->setCurrentIndex(period->findText(u"Custom range"_s));
        QTRY_COMPARE(model->rowCount(), 30);
        QVERIFY(awaitFuture(m_client->createNamespace(u"later"_s)));
        QTRY_COMPARE(witness.index(0, AuditModel::TargetColumn).data().toString(), u"later"_s);
        QCOMPARE(model->rowCount(), 30);
    }

    void liveEventsKeepTheReadersPlace()
    {
        auto page = openPage();
        AuditModel* model = page->model();
        auto* view = child<QTableView>(page.get(), u"auditEvents"_s);
        QTRY_VERIFY(model->isComplete() && model->rowCount() > 200);
        const auto idAt
            = [model](int row) { return model->data(model->index(row, 0), AuditModel::IdRole).toLongLong(); };

        // A reader scrolled to row 100 and chose row 105.
        view->scrollTo(model->index(100, 0), QAbstractItemView::PositionAtTop);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(105, 1)).center());
        QCOMPARE(view->currentIndex().row(), 105);
        const qint64 top = idAt(view->rowAt(0));
        const qint64 chosen = idAt(105);
        const int rows = model->rowCount();
        QVERIFY(awaitFuture(m_client->createNamespace(u"while-reading"_s)));
        QTRY_COMPARE(model->rowCount(), rows + 1);
        QCOMPARE(model->index(0, AuditModel::TargetColumn).data().toString(), u"while-reading"_s);
        QTRY_COMPARE(idAt(view->rowAt(0)), top);
        QCOMPARE(idAt(view->currentIndex().row()), chosen);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(idAt(view->selectionModel()->selectedRows().constFirst().row()), chosen);
        auto* details = child<QPlainTextEdit>(page.get(), u"auditDetails"_s);
        QVERIFY2(details->toPlainText().contains(u"\"id\": %1"_s.arg(chosen)), qPrintable(details->toPlainText()));

        // At the top, the reader follows the newest events.
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QTRY_COMPARE(view->verticalScrollBar()->value(), 0);
        QVERIFY(awaitFuture(m_client->createNamespace(u"at-the-top"_s)));
        QTRY_COMPARE(model->rowCount(), rows + 2);
        QCOMPARE(view->rowAt(0), 0);
        QCOMPARE(model->index(0, AuditModel::TargetColumn).data().toString(), u"at-the-top"_s);
    }

    void aLostFeedReloads()
    {
        auto page = openPage();
        AuditModel* model = page->model();
        QTRY_VERIFY(model->isComplete() && model->rowCount() > 200);
        const int rows = model->rowCount();
        m_client->stopEvents();
        QVERIFY(awaitFuture(m_client->createNamespace(u"missed"_s)));
        m_client->startEvents();
        QCOMPARE(model->rowCount(), rows);
        // What a remote feed says when it came back without the stretch it lost.
        Q_EMIT m_client->eventsMissed();
        QTRY_COMPARE(model->rowCount(), rows + 1);
        QCOMPARE(model->index(0, AuditModel::TargetColumn).data().toString(), u"missed"_s);
    }

    void anEventBothPagedAndLiveShowsOnce()
    {
        AuditModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        model.reload();
        QTRY_VERIFY(model.isComplete());
        // Blocking on purpose: the event's live delivery must wait in the queue until the reload
        // below has asked for the page that also holds it.
        auto made = m_client->createNamespace(u"twice"_s);
        made.waitForFinished();
        QVERIFY(made.result());
        model.reload();
        QVERIFY(awaitFuture(m_client->createNamespace(u"after-twice"_s)));
        QTRY_COMPARE(model.index(0, AuditModel::TargetColumn).data().toString(), u"after-twice"_s);
        QCOMPARE(idsOf(model), idsOf(allEvents()));
    }

    void anAnswerForAnOlderFilterIsDropped()
    {
        // Read first: waiting for it runs the event loop, which would let the model's answers in.
        const QList<AuditEvent> all = allEvents();
        AuditModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        QSignalSpy pages(&model, &AuditModel::pageLoaded);

        // Two first pages in flight; only the newer filter's may land.
        model.setFilter(AuditFilter { {}, {}, u"billing"_s, {}, {} });
        model.setFilter(AuditFilter { {}, {}, {}, u"apikey.revoke"_s, {} });
        QVERIFY(pages.wait());
        QTRY_VERIFY(!model.isLoading());
        // The older answer, had it not been dropped, would be in by now: the pool takes calls in turn.
        QVERIFY(awaitFuture(m_client->auditPage({})));
        QVERIFY(awaitFuture(m_client->auditPage({})));
        QCoreApplication::processEvents();
        QCOMPARE(pages.size(), 1);
        QCOMPARE(idsOf(model), idsOf(all, [](const AuditEvent& e) { return e.action == u"apikey.revoke"_s; }));

        // A next page in flight when the filter changes.
        model.setPageSize(10);
        model.setFilter(AuditFilter {});
        QVERIFY(pages.wait());
        QCOMPARE(model.rowCount(), 10);
        model.fetchMore({});
        QVERIFY(model.isLoading());
        model.setFilter(AuditFilter { {}, {}, {}, {}, u"beta"_s });
        loadAll(model);
        QCOMPARE(idsOf(model), idsOf(all, [](const AuditEvent& e) { return e.ns == u"beta"_s; }));
    }

    void everyControlIsNamedAndTheWindowHasThePage()
    {
        auto page = openPage();
        for (QWidget* control : page->findChildren<QWidget*>()) {
            if (control->focusPolicy() == Qt::NoFocus || control->objectName().isEmpty()
                || control->objectName().startsWith(u"qt_"_s)) {
                continue;
            }
            QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        }
        for (QLabel* label : page->findChildren<QLabel*>()) {
            if (label->text().contains(u'&')) {
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }
        QCOMPARE(page->view()->horizontalHeader()->sortIndicatorSection(), int(AuditModel::TimeColumn));
        QCOMPARE(page->view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);

        auto client = EmbeddedClient::open(m_dir.filePath(u"window.kvstore"_s));
        QVERIFY(client);
        kv::ui::MainWindow window;
        window.setClient(std::move(client.value()));
        auto* audit = window.pages()->findChild<AuditPage*>(u"audit"_s);
        QVERIFY(audit);
        QCOMPARE(window.pages()->tabText(window.pages()->indexOf(audit)), u"Audit"_s);
        auto* show = window.findChild<QAction*>(u"auditPageAction"_s);
        QVERIFY(show);
        show->trigger();
        QCOMPARE(window.pages()->currentWidget(), audit);
        // The window's own feed brings its actions to the page.
        QVERIFY(awaitFuture(window.client()->createNamespace(u"windowed"_s)));
        QTRY_COMPARE(audit->model()->rowCount(), 1);
        QCOMPARE(audit->model()->index(0, AuditModel::TargetColumn).data().toString(), u"windowed"_s);
    }
};

QTEST_MAIN(TestAuditPage)
#include "tst_auditpage.moc"
