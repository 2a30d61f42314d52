// The usage page, offscreen, on a real embedded store (and once on the real kvd): counters made by
// really writing, reading, listing and deleting through the client show exactly in the chart and
// the table for the current hour; a plan with a small quota raises the 80% and 100% warnings live
// (words in the warning label, the quota line, the marked points); the step changes the buckets;
// PNG and CSV exports; the table model under QAbstractItemModelTester; a palette change recolours
// the chart; the plan changes through the shared plan dialog; every control is named.

#include "AwaitFuture.h"
#include "KvdProcess.h"
#include "client/EmbeddedClient.h"
#include "client/RemoteClient.h"
#include "ui/MainWindow.h"
#include "ui/usage/UsageChart.h"
#include "ui/usage/UsagePage.h"
#include "ui/usage/UsageTableModel.h"

#include <QAbstractItemModelTester>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using kv::client::EmbeddedClient;
using kv::ui::BucketStep;
using kv::ui::UsageMetric;
using kv::ui::UsagePage;
using kv::ui::UsageTableModel;
using namespace Qt::StringLiterals;

namespace {

/// What the test did to a namespace.
using Done = kv::ui::UsageCounts;

kv::model::Timestamp now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// The y of the series' point at bucket `x`; -1 when there is none.
qreal yAt(const QXYSeries* series, int x)
{
    for (const QPointF& point : series->points()) {
        if (qFuzzyCompare(point.x() + 1, qreal(x) + 1)) {
            return point.y();
        }
    }
    return -1;
}

kv::ui::UsageCounts totalOf(const kv::ui::UsageSeries& series)
{
    kv::ui::UsageCounts total;
    for (const kv::ui::UsageRow& row : series.rows()) {
        total.reads += row.counts.reads;
        total.writes += row.counts.writes;
        total.lists += row.counts.lists;
        total.deletes += row.counts.deletes;
    }
    return total;
}

qint64 cell(const QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data(UsageTableModel::ValueRole).toLongLong();
}

/// Selects the combo's item with `data` by keyboard, as a person would: focus, then arrows.
void choose(QComboBox* combo, const QVariant& data)
{
    combo->setFocus();
    const int wanted = combo->findData(data);
    QVERIFY2(wanted >= 0, qPrintable(combo->objectName()));
    while (combo->currentIndex() < wanted) {
        QTest::keyClick(combo, Qt::Key_Down);
    }
    while (combo->currentIndex() > wanted) {
        QTest::keyClick(combo, Qt::Key_Up);
    }
}

} // namespace

class TestUsagePage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedClient> m_client;
    /// The counts namespace's operations, and when they happened (to find their hour bucket).
    Done m_done;
    kv::model::Timestamp m_doneFrom = 0;
    kv::model::Timestamp m_doneTo = 0;

    /// A page on the embedded client, shown, with `ns` chosen and its usage on screen.
    std::unique_ptr<UsagePage> openPage(const QString& ns, kv::client::Client* client = nullptr)
    {
        auto page = std::make_unique<UsagePage>(client ? *client : *m_client);
        page->resize(900, 600);
        page->show();
        [&] {
            QVERIFY(QTest::qWaitForWindowExposed(page.get()));
            page->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(page.get()));
            auto* namespaces = page->findChild<QComboBox*>(u"usageNamespace"_s);
            QTRY_VERIFY(namespaces->findData(ns) >= 0);
            choose(namespaces, ns);
            QTRY_COMPARE(page->series().namespaceId(), ns);
        }();
        return page;
    }

    /// Waits for the page to show a report of `step` again after a change.
    static void waitForStep(UsagePage& page, BucketStep step)
    {
        QTRY_VERIFY(page.series().range().step == step && page.series().namespaceId() == page.currentNamespace());
    }

    /// Counts the operations of namespace `ns` by really doing them.
    static Done operate(kv::client::Client& client, const QString& ns, int writes, int reads, int lists, int deletes)
    {
        Done done;
        for (int i = 0; i < writes; ++i) {
            [&] { QVERIFY(awaitFuture(client.putValue(ns, { u"key/%1"_s.arg(i), "value", {}, {}, {} }))); }();
            ++done.writes;
        }
        for (int i = 0; i < reads; ++i) {
            [&] { QVERIFY(awaitFuture(client.getValue(ns, u"key/%1"_s.arg(i % writes)))); }();
            ++done.reads;
        }
        for (int i = 0; i < lists; ++i) {
            [&] { QVERIFY(awaitFuture(client.listKeys(ns, { u"key/"_s, {}, 10 }))); }();
            ++done.lists;
        }
        for (int i = 0; i < deletes; ++i) {
            [&] { QVERIFY(*awaitFuture(client.deleteValue(ns, u"key/%1"_s.arg(i)))); }();
            ++done.deletes;
        }
        return done;
    }

    /// The rows of the buckets the operations began and ended in: the same one, unless they
    /// straddled a boundary, in which case the callers sum the two.
    static QPair<int, int> rowsOf(const UsagePage& page, kv::model::Timestamp from, kv::model::Timestamp to)
    {
        return { page.series().range().bucketOf(kv::ui::bucketFloor(from, page.series().range().step)),
            page.series().range().bucketOf(kv::ui::bucketFloor(to, page.series().range().step)) };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<kv::model::ServiceEvent>();
        kv::model::Plan tiny;
        tiny.id = u"tiny"_s;
        tiny.name = u"Tiny"_s;
        tiny.quota.writesPerMonth = 5;
        QList<kv::model::Plan> plans = kv::model::Plan::builtins();
        plans.append(tiny);
        // Usage reaches the store (and the feed its ticks) only through flushUsage(): the test
        // decides when a tick happens.
        auto client = EmbeddedClient::open(
            EmbeddedClient::Options { m_dir.filePath(u"usage.kvstore"_s), {}, plans, std::chrono::hours(1) });
        QVERIFY(client);
        m_client = std::move(client.value());
        m_client->startEvents();
        QVERIFY(awaitFuture(m_client->createNamespace(u"counts"_s)));
        QVERIFY(awaitFuture(m_client->createNamespace(u"tiny"_s, u"tiny"_s)));
        QVERIFY(awaitFuture(m_client->createNamespace(u"quiet"_s)));

        m_doneFrom = now();
        m_done = operate(*m_client, u"counts"_s, 7, 5, 3, 2);
        m_doneTo = now();
        QVERIFY(awaitFuture(m_client->flushUsage()));
    }

    void showsTheCountsOfTheCurrentHourInChartAndTable()
    {
        auto page = openPage(u"counts"_s);
        QCOMPARE(page->step(), BucketStep::Hour);
        QCOMPARE(page->series().size(), 24);
        const auto [first, last] = rowsOf(*page, m_doneFrom, m_doneTo);
        QVERIFY(first >= 0);
        if (first == last) {
            // The hour of the operations is the current one, the last bucket of the chart.
            QCOMPARE(last, 23);
            QCOMPARE(page->series().range().bucketStart(last), kv::ui::bucketFloor(now(), BucketStep::Hour));
        }
        const auto sum = [&](const auto& valueAt) { return valueAt(first) + (first == last ? 0 : valueAt(last)); };

        auto* metric = page->findChild<QComboBox*>(u"usageMetric"_s);
        const QList<std::pair<UsageMetric, qint64>> expected { { UsageMetric::Reads, m_done.reads },
            { UsageMetric::Writes, m_done.writes }, { UsageMetric::Lists, m_done.lists },
            { UsageMetric::Deletes, m_done.deletes } };
        for (const auto& [shown, count] : expected) {
            choose(metric, static_cast<int>(shown));
            QCOMPARE(page->metric(), shown);
            auto* values = page->chart()->valueSeries();
            QCOMPARE(values->count(), 24);
            QCOMPARE(sum([&](int row) { return static_cast<qint64>(yAt(values, row)); }), count);
            // Every other bucket of the day is empty.
            qreal total = 0;
            for (const QPointF& point : values->points()) {
                total += point.y();
            }
            QCOMPARE(static_cast<qint64>(total), count);
            QVERIFY2(page->chart()->accessibleDescription().contains(QLocale().toString(count)),
                qPrintable(page->chart()->accessibleDescription()));
        }

        const QAbstractItemModel* table = page->table()->model();
        QCOMPARE(table->rowCount(), 24);
        QCOMPARE(sum([&](int row) { return cell(table, row, UsageTableModel::ReadsColumn); }), m_done.reads);
        QCOMPARE(sum([&](int row) { return cell(table, row, UsageTableModel::WritesColumn); }), m_done.writes);
        QCOMPARE(sum([&](int row) { return cell(table, row, UsageTableModel::ListsColumn); }), m_done.lists);
        QCOMPARE(sum([&](int row) { return cell(table, row, UsageTableModel::DeletesColumn); }), m_done.deletes);
        if (first == last) {
            QCOMPARE(
                table->index(last, UsageTableModel::WritesColumn).data().toString(), QLocale().toString(m_done.writes));
            QCOMPARE(table->index(last, UsageTableModel::StartColumn).data().toString(),
                QDateTime::fromMSecsSinceEpoch(kv::ui::bucketFloor(now(), BucketStep::Hour), Qt::UTC)
                    .toString(u"yyyy-MM-dd HH:mm"_s));
        }
        // Storage: the bytes the namespace holds now, noted by its last write or delete.
        const auto stored = awaitFuture(m_client->getNamespace(u"counts"_s));
        QVERIFY(stored);
        QVERIFY(stored->bytes > 0);
        QCOMPARE(cell(table, 23, UsageTableModel::StorageColumn), stored->bytes);
        choose(metric, static_cast<int>(UsageMetric::Storage));
        QCOMPARE(static_cast<qint64>(yAt(page->chart()->valueSeries(), 23)), stored->bytes);

        // The chart's table alternative is a tab away, from the keyboard too.
        auto* views = page->findChild<QTabWidget*>(u"usageViews"_s);
        views->setFocus();
        QTest::keyClick(views, Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(views->currentWidget(), page->table());
        QTest::keyClick(views, Qt::Key_H, Qt::AltModifier);
        QTRY_COMPARE(views->currentWidget(), static_cast<QWidget*>(page->chart()));
    }

    void switchingTheStepChangesTheBuckets()
    {
        auto page = openPage(u"counts"_s);
        auto* step = page->findChild<QComboBox*>(u"usageStep"_s);
        auto* range = page->findChild<QComboBox*>(u"usageRange"_s);
        const QAbstractItemModel* table = page->table()->model();
        const kv::model::Timestamp at = now();

        choose(step, static_cast<int>(BucketStep::Day));
        waitForStep(*page, BucketStep::Day);
        QCOMPARE(range->currentData().toInt(), 30);
        QCOMPARE(table->rowCount(), 30);
        QCOMPARE(page->series().range().bucketStart(29), kv::ui::bucketFloor(at, BucketStep::Day));
        QCOMPARE(
            page->series().range().bucketStart(1) - page->series().range().bucketStart(0), qint64(24 * 3600 * 1000));
        const auto [dayFirst, dayLast] = rowsOf(*page, m_doneFrom, m_doneTo);
        QCOMPARE(cell(table, dayFirst, UsageTableModel::WritesColumn)
                + (dayFirst == dayLast ? 0 : cell(table, dayLast, UsageTableModel::WritesColumn)),
            m_done.writes);
        QVERIFY(page->chart()->bucketAxis()->titleText().contains(u"Day"_s));

        choose(step, static_cast<int>(BucketStep::Month));
        waitForStep(*page, BucketStep::Month);
        QCOMPARE(table->rowCount(), 12);
        QCOMPARE(page->series().range().bucketStart(11), kv::ui::bucketFloor(at, BucketStep::Month));
        const QDate firstMonth = QDateTime::fromMSecsSinceEpoch(page->series().range().bucketStart(0), Qt::UTC).date();
        QCOMPARE(firstMonth.day(), 1);
        QCOMPARE(firstMonth.addMonths(11),
            QDateTime::fromMSecsSinceEpoch(kv::ui::bucketFloor(at, BucketStep::Month), Qt::UTC).date());
        qint64 reads = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            reads += cell(table, row, UsageTableModel::ReadsColumn);
        }
        QCOMPARE(reads, m_done.reads);
        QCOMPARE(cell(table, 11, UsageTableModel::ReadsColumn), page->series().rows().last().counts.reads);
        QCOMPARE(table->index(11, UsageTableModel::StartColumn).data().toString(),
            QDateTime::fromMSecsSinceEpoch(kv::ui::bucketFloor(at, BucketStep::Month), Qt::UTC).toString(u"yyyy-MM"_s));

        // A shorter range of the same step.
        choose(range, 3);
        QTRY_COMPARE(table->rowCount(), 3);
        QCOMPARE(page->chart()->valueSeries()->count(), 3);

        choose(step, static_cast<int>(BucketStep::Hour));
        waitForStep(*page, BucketStep::Hour);
        QCOMPARE(table->rowCount(), 24);
        QCOMPARE(page->series().range().bucketStart(1) - page->series().range().bucketStart(0), qint64(3600 * 1000));
    }

    void warnsAt80And100PercentOfAQuotaLive()
    {
        auto page = openPage(u"tiny"_s);
        choose(page->findChild<QComboBox*>(u"usageMetric"_s), static_cast<int>(UsageMetric::Writes));
        QLabel* warning = page->warningLabel();
        auto* chart = page->chart();
        QVERIFY(!warning->isVisible());
        QVERIFY(chart->quotaSeries()->isVisible());
        QCOMPARE(chart->quotaSeries()->count(), 2);
        QCOMPARE(chart->quotaSeries()->at(0).y(), 5.0);
        QCOMPARE(chart->warningLine()->at(0).y(), 4.0);
        QVERIFY(page->findChild<QLabel*>(u"usagePlan"_s)->text().contains(u"Tiny"_s));
        QVERIFY(chart->valueAxis()->max() >= 5);

        // 3 of 5: no warning yet. The page is not told to reload: only the live feed moves it.
        operate(*m_client, u"tiny"_s, 3, 0, 0, 0);
        QVERIFY(!warning->isVisible());
        QVERIFY(chart->warningPoints()->points().isEmpty());

        // 4 of 5 = 80%.
        QVERIFY(awaitFuture(m_client->putValue(u"tiny"_s, { u"four"_s, "v", {}, {}, {} })));
        QTRY_VERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(u"Warning"_s) && warning->text().contains(u"80%"_s)
                && warning->text().contains(u"Writes"_s) && warning->text().contains(u"4 of 5"_s),
            qPrintable(warning->text()));
        // The debounced reload follows: the month-to-date line reaches 4, marked at the warning level.
        QTRY_COMPARE(yAt(chart->monthToDateSeries(), 23), 4.0);
        QVERIFY(chart->monthToDateSeries()->isVisible());
        QCOMPARE(chart->warningPoints()->count(), 1);
        QCOMPARE(chart->warningPoints()->at(0), QPointF(23, 4));
        QVERIFY(chart->reachedPoints()->points().isEmpty());
        QVERIFY(chart->warningBand()->isVisible());
        QCOMPARE(cell(page->table()->model(), 23, UsageTableModel::PercentColumn), 80);
        QVERIFY(
            page->table()->model()->index(23, UsageTableModel::PercentColumn).data().toString().contains(u"warning"_s));

        // 5 of 5 = 100%.
        QVERIFY(awaitFuture(m_client->putValue(u"tiny"_s, { u"five"_s, "v", {}, {}, {} })));
        QTRY_VERIFY2(warning->text().contains(u"Quota reached"_s), qPrintable(warning->text()));
        QVERIFY(warning->text().contains(u"100%"_s));
        QVERIFY(warning->text().contains(u"5 of 5"_s));
        QTRY_COMPARE(chart->reachedPoints()->count(), 1);
        QCOMPARE(chart->reachedPoints()->at(0), QPointF(23, 5));
        QVERIFY(
            page->table()->model()->index(23, UsageTableModel::PercentColumn).data().toString().contains(u"reached"_s));

        // The warnings are the plan's, whichever metric is shown; the quota line is the metric's.
        choose(page->findChild<QComboBox*>(u"usageMetric"_s), static_cast<int>(UsageMetric::Reads));
        QVERIFY(warning->isVisible());
        QVERIFY(!chart->quotaSeries()->isVisible());
        QVERIFY(chart->reachedPoints()->points().isEmpty());

        // A fresh page computes the same from the report alone.
        auto fresh = openPage(u"tiny"_s);
        QVERIFY2(fresh->warningLabel()->text().contains(u"Quota reached"_s), qPrintable(fresh->warningLabel()->text()));
    }

    void showsAQuotaWarningOfTheFeedAtOnce()
    {
        auto page = openPage(u"quiet"_s);
        QLabel* warning = page->warningLabel();
        QVERIFY(!warning->isVisible());
        kv::model::ServiceEvent event;
        event.type = kv::model::ServiceEvent::Type::QuotaWarning;
        event.ns = u"quiet"_s;
        event.data = QJsonObject { { u"plan"_s, u"free"_s }, { u"quota"_s, u"lists"_s }, { u"percent"_s, 80 },
            { u"used"_s, 800 }, { u"limit"_s, 1000 } };
        Q_EMIT m_client->eventReceived(event);
        // In the label before any reload answers.
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(u"Warning"_s) && warning->text().contains(u"Lists"_s)
                && warning->text().contains(u"80%"_s)
                && warning->text().contains(
                    QLocale().toString(qint64(800)) + u" of "_s + QLocale().toString(qint64(1000))),
            qPrintable(warning->text()));
        // The reload it started is the word of the store, which knows of no such lists: it goes.
        QTRY_VERIFY2(!warning->isVisible(), qPrintable(warning->text()));

        // Another namespace's warning is not this page's.
        event.ns = u"counts"_s;
        Q_EMIT m_client->eventReceived(event);
        QVERIFY(!warning->isVisible());
    }

    void followsUsageTicksOfTheFeed()
    {
        auto page = openPage(u"quiet"_s);
        QCOMPARE(yAt(page->chart()->valueSeries(), 23), 0.0);
        QSignalSpy shown(page.get(), &UsagePage::usageShown);
        for (int i = 0; i < 3; ++i) {
            (void)awaitFuture(m_client->getValue(u"quiet"_s, u"absent"_s));
        }
        // Reads raise no warning: without the tick the page would not reload.
        QVERIFY(awaitFuture(m_client->flushUsage()));
        QTRY_COMPARE(page->series().rows().last().counts.reads, qint64(3));
        QCOMPARE(yAt(page->chart()->valueSeries(), 23), 3.0);
        QVERIFY(!shown.isEmpty());

        // Hidden (another tab of the window), the page catches up when it is shown again.
        page->hide();
        QSignalSpy ticks(m_client.get(), &kv::client::Client::eventReceived);
        (void)awaitFuture(m_client->getValue(u"quiet"_s, u"absent"_s));
        QVERIFY(awaitFuture(m_client->flushUsage()));
        QTRY_VERIFY(std::any_of(ticks.cbegin(), ticks.cend(), [](const QList<QVariant>& arguments) {
            const auto event = arguments.at(0).value<kv::model::ServiceEvent>();
            return event.type == kv::model::ServiceEvent::Type::UsageTick && event.ns == u"quiet"_s;
        }));
        page->show();
        QTRY_COMPARE(page->series().rows().last().counts.reads, qint64(4));
    }

    void exportsPngAndCsv()
    {
        auto page = openPage(u"counts"_s);
        choose(page->findChild<QComboBox*>(u"usageMetric"_s), static_cast<int>(UsageMetric::Writes));
        const QString png = m_dir.filePath(u"usage.png"_s);
        QVERIFY(page->exportPng(png));
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QCOMPARE(image.size(), page->chart()->size() * page->chart()->devicePixelRatio());
        QVERIFY(image.size().width() > 100);

        const QString csvPath = m_dir.filePath(u"usage.csv"_s);
        QVERIFY(page->exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 24 + 1); // header, the buckets, and the empty rest after the last CRLF
        QCOMPARE(lines.first().trimmed(), "start,reads,writes,lists,deletes,storage_bytes,writes_quota");
        const auto stored = awaitFuture(m_client->getNamespace(u"counts"_s));
        const qint64 freeWrites
            = kv::model::findPlan(kv::model::Plan::builtins(), kv::model::Plan::defaultPlanId())->quota.writesPerMonth;
        qint64 reads = 0;
        qint64 writes = 0;
        qint64 lists = 0;
        qint64 deletes = 0;
        for (int row = 0; row < 24; ++row) {
            const QList<QByteArray> fields = lines.at(row + 1).trimmed().split(',');
            QCOMPARE(fields.size(), 7);
            const QDateTime start = QDateTime::fromString(QString::fromLatin1(fields.at(0)), Qt::ISODate);
            QVERIFY(start.isValid());
            QCOMPARE(start.timeSpec(), Qt::UTC);
            QVERIFY(fields.at(0).endsWith('Z'));
            QCOMPARE(start.toMSecsSinceEpoch(), page->series().range().bucketStart(row));
            reads += fields.at(1).toLongLong();
            writes += fields.at(2).toLongLong();
            lists += fields.at(3).toLongLong();
            deletes += fields.at(4).toLongLong();
            QCOMPARE(fields.at(6).toLongLong(), freeWrites);
            if (row == 23) {
                QCOMPARE(fields.at(5).toLongLong(), stored->bytes);
            }
        }
        QCOMPARE(reads, m_done.reads);
        QCOMPARE(writes, m_done.writes);
        QCOMPARE(lists, m_done.lists);
        QCOMPARE(deletes, m_done.deletes);

        // Through the button: a non-modal file dialog, then the same export.
        const QString chosen = m_dir.filePath(u"chosen.csv"_s);
        QTest::mouseClick(page->findChild<QPushButton*>(u"usageExportCsv"_s), Qt::LeftButton);
        QFileDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<QFileDialog*>(u"usageCsvDialog"_s)) && dialog->isVisible());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        dialog->selectFile(chosen);
        // Accepting the dialog is what pressing its Save button does.
        static_cast<QDialog*>(dialog)->accept();
        QTRY_VERIFY(QFile::exists(chosen));
        QFile written(chosen);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll().count('\n'), qsizetype(25));

        // A path that cannot be written goes to the message bar.
        QSignalSpy failed(page.get(), &UsagePage::failed);
        QVERIFY(!page->exportCsv(m_dir.filePath(u"missing/dir/usage.csv"_s)));
        QCOMPARE(failed.count(), 1);
    }

    void tableModelPassesTheModelTester()
    {
        auto page = openPage(u"counts"_s);
        QAbstractItemModelTester tester(page->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        choose(page->findChild<QComboBox*>(u"usageStep"_s), static_cast<int>(BucketStep::Day));
        waitForStep(*page, BucketStep::Day);
        choose(page->findChild<QComboBox*>(u"usageMetric"_s), static_cast<int>(UsageMetric::Storage));
        page->refresh();
        QSignalSpy shown(page.get(), &UsagePage::usageShown);
        QVERIFY(shown.wait());
        const UsageTableModel* model = page->tableModel();
        QCOMPARE(model->columnCount(), int(UsageTableModel::ColumnCount));
        QCOMPARE(model->headerData(UsageTableModel::QuotaColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            u"Storage quota"_s);
        // Every cell says something to a screen reader, a dash where there is nothing.
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                QVERIFY(!model->index(row, column).data().toString().isEmpty());
            }
        }
    }

    void paletteChangeRecoloursTheChart()
    {
        auto page = openPage(u"tiny"_s);
        choose(page->findChild<QComboBox*>(u"usageMetric"_s), static_cast<int>(UsageMetric::Writes));
        auto* chart = page->chart();
        QCOMPARE(chart->valueSeries()->pen().color(), chart->palette().color(QPalette::Highlight));

        for (const bool dark : { true, false }) {
            QPalette palette = page->palette();
            palette.setColor(QPalette::Window, dark ? QColor(0x20, 0x20, 0x24) : QColor(0xf4, 0xf4, 0xf0));
            palette.setColor(QPalette::Base, dark ? QColor(0x10, 0x10, 0x14) : QColor(0xff, 0xff, 0xff));
            palette.setColor(QPalette::WindowText, dark ? QColor(0xee, 0xee, 0xe0) : QColor(0x11, 0x11, 0x22));
            palette.setColor(QPalette::Highlight, dark ? QColor(0x66, 0xcc, 0x88) : QColor(0x88, 0x22, 0xaa));
            page->setPalette(palette);
            QCOMPARE(chart->valueSeries()->pen().color(), palette.color(QPalette::Highlight));
            QCOMPARE(chart->quotaSeries()->pen().color(), palette.color(QPalette::WindowText));
            QCOMPARE(chart->chart()->backgroundBrush().color(), palette.color(QPalette::Window));
            QCOMPARE(chart->chart()->plotAreaBackgroundBrush().color(), palette.color(QPalette::Base));
            QCOMPARE(chart->valueAxis()->labelsBrush().color(), palette.color(QPalette::WindowText));
            QCOMPARE(chart->chart()->theme(), dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        }
    }

    void changesThePlanThroughThePlanDialog()
    {
        auto page = openPage(u"quiet"_s);
        QCOMPARE(page->series().plan().id, u"free"_s);
        QTest::mouseClick(page->findChild<QPushButton*>(u"usageChangePlan"_s), Qt::LeftButton);
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<QDialog*>(u"planDialog"_s)) && dialog->isVisible());
        auto* plan = dialog->findChild<QComboBox*>(u"planChoice"_s);
        choose(plan, u"pro"_s);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE(page->series().plan().id, u"pro"_s);
        QVERIFY(page->findChild<QLabel*>(u"usagePlan"_s)->text().contains(page->series().plan().name));
        QCOMPARE(awaitFuture(m_client->getNamespace(u"quiet"_s))->plan, u"pro"_s);

        // A change made elsewhere (another window, a billing webhook) arrives through the feed.
        QVERIFY(awaitFuture(m_client->setNamespacePlan(u"quiet"_s, u"free"_s)));
        QTRY_COMPARE(page->series().plan().id, u"free"_s);
    }

    void everyControlIsNamedAndReachable()
    {
        auto page = openPage(u"counts"_s);
        for (QWidget* widget : page->findChildren<QWidget*>()) {
            // Qt's own parts (a scroll area's viewport, a combo's popup, a tab widget's bar) speak
            // through the control they belong to.
            auto* area = qobject_cast<QAbstractScrollArea*>(widget->parentWidget());
            const bool part = widget->objectName().startsWith(u"qt_"_s) || (area && area->viewport() == widget)
                || qobject_cast<QComboBox*>(widget->parentWidget()) || widget->parentWidget() == page->table();
            if (part || !(widget->focusPolicy() & Qt::TabFocus) || !widget->isVisibleTo(page.get())) {
                continue;
            }
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
            QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        }
        for (QLabel* label : page->findChildren<QLabel*>()) {
            if (label->text().endsWith(u':')) {
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }
        // The chart tells a screen reader what it shows.
        QVERIFY(!page->chart()->accessibleDescription().isEmpty());
        QVERIFY(!page->table()->accessibleName().isEmpty());
        // Tab order: the choices, then the actions, then the views.
        page->findChild<QComboBox*>(u"usageNamespace"_s)->setFocus();
        QStringList order;
        for (int i = 0; i < 7; ++i) {
            order.append(QApplication::focusWidget()->objectName());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(order,
            (QStringList { u"usageNamespace"_s, u"usageMetric"_s, u"usageStep"_s, u"usageRange"_s, u"usageChangePlan"_s,
                u"usageExportPng"_s, u"usageExportCsv"_s }));
    }

    void isAPageOfTheMainWindow()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(u"window.kvstore"_s));
        QVERIFY(client);
        kv::ui::MainWindow window;
        window.setClient(std::move(client.value()));
        auto* page = window.pages()->findChild<UsagePage*>(u"usage"_s);
        QVERIFY(page);
        QCOMPARE(window.pages()->tabText(window.pages()->indexOf(page)), u"Usage"_s);
    }

    /// The same page on the real kvd: counts over HTTP, months built from daily buckets, and
    /// usage ticks over the admin event stream.
    void showsTheUsageOfAKvdServer()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY2(kvd.start({ u"--flush-interval"_s, u"1"_s }), qPrintable(kvd.failureLog()));
        kv::client::RemoteClient::Options options;
        options.baseUrl = QUrl(kvd.baseUrl());
        options.apiKey = kvd.adminKey();
        kv::client::RemoteClient remote(options);
        QVERIFY(awaitFuture(remote.createNamespace(u"remote"_s)));
        const kv::model::Timestamp from = now();
        const Done done = operate(remote, u"remote"_s, 4, 3, 2, 1);
        const kv::model::Timestamp to = now();
        remote.startEvents();

        auto page = openPage(u"remote"_s, &remote);
        choose(page->findChild<QComboBox*>(u"usageMetric"_s), static_cast<int>(UsageMetric::Writes));
        const auto [first, last] = rowsOf(*page, from, to);
        QCOMPARE(
            yAt(page->chart()->valueSeries(), first) + (first == last ? 0 : yAt(page->chart()->valueSeries(), last)),
            qreal(done.writes));

        choose(page->findChild<QComboBox*>(u"usageStep"_s), static_cast<int>(BucketStep::Month));
        waitForStep(*page, BucketStep::Month);
        const kv::ui::UsageCounts total = totalOf(page->series());
        QCOMPARE(total.reads, done.reads);
        QCOMPARE(total.lists, done.lists);
        QCOMPARE(total.deletes, done.deletes);

        // kvd flushes every second; its tick reaches the page without a refresh.
        QTRY_COMPARE(remote.feedState(), kv::client::FeedState::Live);
        (void)awaitFuture(remote.getValue(u"remote"_s, u"absent"_s));
        QTRY_COMPARE(totalOf(page->series()).reads, done.reads + 1);
        page.reset();
        remote.stopEvents();
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
