// The key table and namespace models on a real embedded store: pages arrive one fetchMore at a
// time in key order, A to Z or Z to A (sorting the key column, also by a click on a real table
// header), a prefix narrows them, a newer show() or sort() drops the pages of an older one,
// deleted keys leave without a reload, and both models pass QAbstractItemModelTester throughout.

#include "AwaitFuture.h"
#include "client/EmbeddedClient.h"
#include "ui/models/KeyTableModel.h"
#include "ui/models/NamespaceModel.h"

#include <QAbstractItemModelTester>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using kv::client::EmbeddedClient;
using kv::ui::KeyTableModel;
using kv::ui::NamespaceModel;
using namespace Qt::StringLiterals;

namespace {

/// Every loaded key of the model, top to bottom.
QStringList keysOf(const KeyTableModel& model)
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        keys.append(model.keyAt(row));
    }
    return keys;
}

/// Whether each key comes after the one above it in the byte order of UTF-8, up or down.
bool inOrder(const QStringList& keys, Qt::SortOrder order)
{
    for (qsizetype i = 1; i < keys.size(); ++i) {
        const QByteArray above = keys.at(i - 1).toUtf8();
        const QByteArray below = keys.at(i).toUtf8();
        if (order == Qt::AscendingOrder ? !(above < below) : !(below < above)) {
            return false;
        }
    }
    return true;
}

/// Clicks the middle of a header section, as a person would.
void clickSection(QHeaderView* header, int section)
{
    const QPoint middle(
        header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->viewport()->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
}

} // namespace

class TestKeyTableModel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(u"models.kvstore"_s));
        QVERIFY(client);
        m_client = std::move(client.value());
        QVERIFY(awaitFuture(m_client->createNamespace(u"app"_s)));
        QList<kv::client::PutRequest> puts;
        for (int i = 0; i < 1200; ++i) {
            puts.append({ u"user/%1"_s.arg(i, 4, 10, QLatin1Char('0')), QByteArray(i % 7, 'x'),
                i % 2 ? QJsonObject { { u"n"_s, i } } : QJsonObject {}, {}, {} });
        }
        for (int i = 0; i < 300; ++i) {
            puts.append({ u"order/%1"_s.arg(i, 4, 10, QLatin1Char('0')), "o", {}, {}, {} });
        }
        auto written = awaitFuture(m_client->putMany(u"app"_s, puts));
        QVERIFY(written && written->committed);
    }

    void pagesThroughTheKeysInOrder()
    {
        KeyTableModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(400);
        QSignalSpy pages(&model, &KeyTableModel::pageLoaded);
        model.show(u"app"_s);
        QVERIFY(pages.wait());
        QCOMPARE(model.rowCount(), 400);
        QCOMPARE(model.keyAt(0), u"order/0000"_s);
        // A view (here the model tester) may ask for more by itself; ask until everything is in.
        while (!model.isComplete()) {
            model.fetchMore({});
            QVERIFY(pages.wait());
        }
        QCOMPARE(model.rowCount(), 1500);
        QVERIFY(model.isComplete());
        QCOMPARE(pages.size(), 4); // 400 + 400 + 400 + 300: no page twice
        QCOMPARE(model.keyAt(1499), u"user/1199"_s);
        QCOMPARE(model.rowOf(u"user/0001"_s), 301);
        QCOMPARE(model.rowOf(u"missing"_s), -1);
        const QModelIndex odd = model.index(301, KeyTableModel::MetadataColumn);
        QCOMPARE(model.data(odd).toString(), uR"({"n":1})"_s);
        QCOMPARE(model.data(model.index(301, KeyTableModel::SizeColumn), KeyTableModel::SizeRole).toLongLong(), 1);
        QVERIFY(
            model.data(model.index(301, KeyTableModel::VersionColumn), KeyTableModel::VersionRole).toLongLong() > 0);
        QCOMPARE(model.headerData(KeyTableModel::KeyColumn, Qt::Horizontal, Qt::DisplayRole).toString(), u"Key"_s);
    }

    void forgetsAcrossPagesAndKeepsMetadata()
    {
        // Rows live in packed pages: a removal in one page moves the rows of every later one.
        KeyTableModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(400);
        QSignalSpy pages(&model, &KeyTableModel::pageLoaded);
        model.show(u"app"_s, u"user/"_s);
        QVERIFY(pages.wait());
        while (!model.isComplete()) {
            model.fetchMore({});
            QVERIFY(pages.wait());
        }
        QCOMPARE(model.rowCount(), 1200);
        model.forget({ u"user/0000"_s, u"user/0399"_s, u"user/0400"_s, u"user/1199"_s });
        QCOMPARE(model.rowCount(), 1196);
        QCOMPARE(model.keyAt(0), u"user/0001"_s);
        QCOMPARE(model.keyAt(397), u"user/0398"_s);
        QCOMPARE(model.keyAt(398), u"user/0401"_s);
        QCOMPARE(model.keyAt(1195), u"user/1198"_s);
        QCOMPARE(model.rowOf(u"user/0401"_s), 398);
        QCOMPARE(model.rowOf(u"user/0400"_s), -1);
        QCOMPARE(model.rowOf(u"user/1198"_s), 1195);
        const int odd = model.rowOf(u"user/0403"_s);
        QCOMPARE(
            model.data(model.index(odd, KeyTableModel::MetadataColumn), KeyTableModel::MetadataRole).toJsonObject(),
            (QJsonObject { { u"n"_s, 403 } }));
        QVERIFY(
            model.data(model.index(odd, KeyTableModel::MetadataColumn), Qt::ToolTipRole).toString().contains(u"403"_s));
        QCOMPARE(model.data(model.index(odd - 1, KeyTableModel::MetadataColumn)).toString(), QString());
        QCOMPARE(
            model.data(model.index(odd, KeyTableModel::KeyColumn), KeyTableModel::KeyRole).toString(), u"user/0403"_s);
    }

    void aPrefixNarrowsAndANewerShowWins()
    {
        KeyTableModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1000);
        QSignalSpy pages(&model, &KeyTableModel::pageLoaded);
        // Two requests in flight; only the second one's page may land.
        model.show(u"app"_s, u"user/"_s);
        model.show(u"app"_s, u"order/01"_s);
        QVERIFY(pages.wait());
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(pages.size(), 1);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.keyAt(0), u"order/0100"_s);
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));

        model.forget({ u"order/0100"_s, u"order/0150"_s, u"not/loaded"_s });
        QCOMPARE(model.rowCount(), 98);
        QCOMPARE(model.keyAt(0), u"order/0101"_s);

        model.show({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void sortsByKeyDownwardsAndPagesOnInThatOrder()
    {
        KeyTableModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(400);
        QSignalSpy pages(&model, &KeyTableModel::pageLoaded);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        model.show(u"app"_s);
        QVERIFY(pages.wait());
        QCOMPARE(model.keyAt(0), u"order/0000"_s);

        model.sort(KeyTableModel::KeyColumn, Qt::DescendingOrder);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QCOMPARE(model.rowCount(), 0); // from the first page again
        QVERIFY(pages.wait());
        QCOMPARE(model.rowCount(), 400);
        QCOMPARE(model.keyAt(0), u"user/1199"_s);
        QCOMPARE(model.keyAt(399), u"user/0800"_s);
        while (!model.isComplete()) {
            model.fetchMore({});
            QVERIFY(pages.wait());
        }
        QCOMPARE(pages.size(), 1 + 4); // the ascending page, then 400 + 400 + 400 + 300
        const QStringList keys = keysOf(model);
        QCOMPARE(keys.size(), 1500);
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), 1500);
        QVERIFY(inOrder(keys, Qt::DescendingOrder));
        QCOMPARE(keys.last(), u"order/0000"_s);
        // Finding and forgetting keys works going down as well.
        QCOMPARE(model.rowOf(u"user/0001"_s), 1198);
        QCOMPARE(model.rowOf(u"order/0299"_s), 1200);
        QCOMPARE(model.rowOf(u"user/1199"_s), 0);
        QCOMPARE(model.rowOf(u"missing"_s), -1);
        QCOMPARE(model.rowOf(u"user/0000a"_s), -1);
        model.forget({ u"user/0800"_s, u"user/0001"_s });
        QCOMPARE(model.rowCount(), 1498);
        QCOMPARE(model.keyAt(399), u"user/0799"_s);
        QCOMPARE(model.rowOf(u"user/0000"_s), 1197);

        // Other columns cannot be sorted, and the order already shown is no reason to reload.
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        model.sort(KeyTableModel::SizeColumn, Qt::AscendingOrder);
        model.sort(KeyTableModel::VersionColumn, Qt::DescendingOrder);
        model.sort(-1, Qt::AscendingOrder);
        model.sort(KeyTableModel::KeyColumn, Qt::DescendingOrder);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);

        // The order outlives a new prefix, a new namespace and a reload.
        model.show(u"app"_s, u"order/01"_s);
        QVERIFY(pages.wait());
        QCOMPARE(model.keyAt(0), u"order/0199"_s);
        QCOMPARE(model.keyAt(99), u"order/0100"_s);
        model.reload();
        QVERIFY(pages.wait());
        QCOMPARE(model.keyAt(0), u"order/0199"_s);

        // And back up.
        model.sort(KeyTableModel::KeyColumn, Qt::AscendingOrder);
        QVERIFY(pages.wait());
        QCOMPARE(model.keyAt(0), u"order/0100"_s);
        QVERIFY(inOrder(keysOf(model), Qt::AscendingOrder));
    }

    void aPageOfTheOldOrderIsDropped()
    {
        KeyTableModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        QSignalSpy pages(&model, &KeyTableModel::pageLoaded);
        // The ascending page is on its way when the order changes: only the descending one lands.
        model.show(u"app"_s);
        model.sort(KeyTableModel::KeyColumn, Qt::DescendingOrder);
        QVERIFY(pages.wait());
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(pages.size(), 1);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.keyAt(0), u"user/1199"_s);
        QVERIFY(inOrder(keysOf(model), Qt::DescendingOrder));
    }

    void aClickOnTheHeaderFlipsTheOrder()
    {
        KeyTableModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50);
        QTableView view;
        view.setModel(&model);
        // Qt's own default indicator is descending: a view that shows A to Z first says so.
        view.horizontalHeader()->setSortIndicator(KeyTableModel::KeyColumn, Qt::AscendingOrder);
        view.setSortingEnabled(true);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.show(u"app"_s);
        QTRY_COMPARE(model.keyAt(0), u"order/0000"_s);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);

        QHeaderView* header = view.horizontalHeader();
        clickSection(header, KeyTableModel::KeyColumn);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QTRY_COMPARE(model.keyAt(0), u"user/1199"_s);
        // The view fetches more as it scrolls, in the same order.
        view.scrollToBottom();
        QTRY_VERIFY(model.rowCount() > 50);
        QVERIFY(inOrder(keysOf(model), Qt::DescendingOrder));

        clickSection(header, KeyTableModel::KeyColumn);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
        QTRY_COMPARE(model.keyAt(0), u"order/0000"_s);

        // A click on a column the server cannot order by changes nothing.
        QTRY_VERIFY(!model.isLoading());
        const QStringList shown = keysOf(model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        clickSection(header, KeyTableModel::SizeColumn);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(keysOf(model), shown);
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
    }

    void reportsAFailureAndStops()
    {
        KeyTableModel model(*m_client);
        std::optional<kv::ErrorCode> code;
        connect(&model, &KeyTableModel::failed, this, [&code](const kv::Error& error) { code = error.code(); });
        model.show(u"nowhere"_s);
        QTRY_VERIFY(code.has_value());
        QCOMPARE(*code, kv::ErrorCode::NamespaceNotFound);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void listsNamespaces()
    {
        NamespaceModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &NamespaceModel::loaded);
        model.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), u"app"_s);
        QCOMPARE(
            model.data(model.index(0, NamespaceModel::KeysColumn), NamespaceModel::KeyCountRole).toLongLong(), 1500);
        QCOMPARE(model.rowOf(u"app"_s), 0);
        QVERIFY(awaitFuture(m_client->createNamespace(u"beta"_s, u"pro"_s)));
        model.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(model.rowOf(u"beta"_s), NamespaceModel::PlanColumn)).toString(), u"pro"_s);
    }
};

QTEST_MAIN(TestKeyTableModel)
#include "tst_keytablemodel.moc"
