// What the usage page computes from a report, on reports made by hand at chosen instants (the
// page's own suite can only count in the current hour): UTC buckets and the query behind them,
// month-to-date sums that restart with each month, stored bytes carried between the buckets that
// note them, months summed from days, the 80%/100% levels, the warnings of a plan, the chart's
// quota marks, the exact CSV text, and the table model under QAbstractItemModelTester.

#include "model/Validation.h"
#include "ui/usage/UsageChart.h"
#include "ui/usage/UsageCsv.h"
#include "ui/usage/UsageSeries.h"
#include "ui/usage/UsageTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTime>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTest>

using kv::model::Timestamp;
using kv::model::UsageBucket;
using kv::ui::BucketStep;
using kv::ui::QuotaLevel;
using kv::ui::UsageMetric;
using kv::ui::UsageRange;
using kv::ui::UsageSeries;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(kv::ui::QuotaLevel)

namespace {

Timestamp at(const QString& iso)
{
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    [&] { QVERIFY2(parsed.isValid(), qPrintable(iso)); }();
    return parsed.toMSecsSinceEpoch();
}

UsageBucket bucket(const QString& start, qint64 reads, qint64 writes, qint64 storage = -1)
{
    UsageBucket made;
    made.ns = u"ns"_s;
    made.start = at(start);
    made.reads = reads;
    made.writes = writes;
    made.storageBytes = storage;
    return made;
}

kv::client::UsageReport report(const UsageRange& range, QList<UsageBucket> buckets, const kv::model::Quota& quota = {})
{
    kv::client::UsageReport made;
    made.ns = u"ns"_s;
    made.plan.id = u"test"_s;
    made.plan.name = u"Test"_s;
    made.plan.quota = quota;
    const auto query = range.query(made.ns);
    made.step = query.step;
    made.from = query.from;
    made.to = query.to;
    made.buckets = std::move(buckets);
    return made;
}

/// The row whose bucket starts at `iso`.
int rowAt(const UsageSeries& series, const QString& iso)
{
    return series.range().bucketOf(at(iso));
}

} // namespace

class TestUsageSeries final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketsAreUtcAndTheQueryStartsAtTheFirstMonth()
    {
        const UsageRange hours = UsageRange::lastBuckets(BucketStep::Hour, 24, at(u"2024-03-01T00:30:00Z"_s));
        QCOMPARE(hours.first, at(u"2024-02-29T01:00:00Z"_s));
        QCOMPARE(hours.end(), at(u"2024-03-01T01:00:00Z"_s));
        QCOMPARE(hours.bucketOf(at(u"2024-03-01T00:59:59Z"_s)), 23);
        QCOMPARE(hours.bucketOf(at(u"2024-03-01T01:00:00Z"_s)), -1);
        QCOMPARE(hours.bucketOf(at(u"2024-02-29T00:59:59Z"_s)), -1);
        const auto hourly = hours.query(u"ns"_s);
        QCOMPARE(hourly.from, at(u"2024-02-01T00:00:00Z"_s));
        QCOMPARE(hourly.to, hours.end());
        QCOMPARE(hourly.step, kv::model::UsageStep::Hour);

        const UsageRange months = UsageRange::lastBuckets(BucketStep::Month, 12, at(u"2024-03-15T12:00:00Z"_s));
        QCOMPARE(months.first, at(u"2023-04-01T00:00:00Z"_s));
        QCOMPARE(months.end(), at(u"2024-04-01T00:00:00Z"_s));
        QCOMPARE(months.bucketStart(10), at(u"2024-02-01T00:00:00Z"_s));
        QCOMPARE(months.bucketOf(at(u"2023-12-31T23:59:59Z"_s)), 8);
        QCOMPARE(months.query(u"ns"_s).step, kv::model::UsageStep::Day);

        const UsageRange days = UsageRange::lastBuckets(BucketStep::Day, 30, at(u"2024-03-15T23:59:59Z"_s));
        QCOMPARE(days.first, at(u"2024-02-15T00:00:00Z"_s));
        QCOMPARE(days.query(u"ns"_s).from, at(u"2024-02-01T00:00:00Z"_s));

        // The longest spans the page offers stay inside the service's bucket limit, at the worst
        // place in a month.
        for (const auto& [step, count] : { std::pair { BucketStep::Hour, 168 }, std::pair { BucketStep::Day, 90 },
                 std::pair { BucketStep::Month, 12 } }) {
            for (const QString& now :
                { u"2024-03-31T23:59:59Z"_s, u"2024-03-01T00:00:00Z"_s, u"2024-12-31T12:00:00Z"_s }) {
                const auto query = UsageRange::lastBuckets(step, count, at(now)).query(u"ns"_s);
                QVERIFY2(kv::model::validateUsageRange(query.from, query.to, query.step), qPrintable(now));
            }
        }
    }

    void monthToDateRestartsWithEachMonth()
    {
        // The last 24 hours on the morning of 1 March: 18 hours of February, 6 of March.
        const UsageRange range = UsageRange::lastBuckets(BucketStep::Hour, 24, at(u"2024-03-01T05:10:00Z"_s));
        kv::model::Quota quota;
        quota.writesPerMonth = 15;
        const UsageSeries series(
            report(range,
                { bucket(u"2024-02-10T00:00:00Z"_s, 0, 10), bucket(u"2024-02-29T08:00:00Z"_s, 1, 3),
                    bucket(u"2024-03-01T02:00:00Z"_s, 0, 2) },
                quota),
            range);
        QCOMPARE(series.size(), 24);
        const int feb29at8 = rowAt(series, u"2024-02-29T08:00:00Z"_s);
        const int mar1 = rowAt(series, u"2024-03-01T00:00:00Z"_s);
        const int mar1at2 = rowAt(series, u"2024-03-01T02:00:00Z"_s);
        // The bucket of 10 February lies before the range: in no row, but in February's sums.
        QCOMPARE(series.rows().first().counts.writes, 0);
        QCOMPARE(series.rows().first().monthToDate.writes, 10);
        QCOMPARE(series.rows().at(feb29at8).counts.writes, 3);
        QCOMPARE(series.rows().at(feb29at8).counts.reads, 1);
        QCOMPARE(series.rows().at(feb29at8).monthToDate.writes, 13);
        QCOMPARE(series.rows().at(mar1 - 1).monthToDate.writes, 13);
        QCOMPARE(series.rows().at(mar1).monthToDate.writes, 0);
        QCOMPARE(series.rows().at(mar1at2).monthToDate.writes, 2);
        QCOMPARE(series.rows().last().monthToDate.writes, 2);
        // Use in the first hour of March restarts the sum there, not February's 13 plus it.
        const UsageSeries busyFirstHour(
            report(range,
                { bucket(u"2024-02-29T08:00:00Z"_s, 1, 3), bucket(u"2024-03-01T00:00:00Z"_s, 0, 1),
                    bucket(u"2024-03-01T02:00:00Z"_s, 0, 2) },
                quota),
            range);
        QCOMPARE(busyFirstHour.rows().at(mar1 - 1).monthToDate.writes, 3);
        QCOMPARE(busyFirstHour.rows().at(mar1).monthToDate.writes, 1);
        QCOMPARE(busyFirstHour.rows().at(mar1at2).monthToDate.writes, 3);

        QVERIFY(series.comparesMonthToDate(UsageMetric::Writes));
        QVERIFY(!series.comparesMonthToDate(UsageMetric::Storage));
        QCOMPARE(series.compared(feb29at8, UsageMetric::Writes), 13);
        QCOMPARE(series.value(feb29at8, UsageMetric::Writes), 3);

        // On the chart: the month-to-date line, and 13 of 15 (86%) marked from 08:00 to midnight.
        kv::ui::UsageChart chart;
        chart.setSeries(series, UsageMetric::Writes);
        QVERIFY(chart.monthToDateSeries()->isVisible());
        QCOMPARE(chart.monthToDateSeries()->at(feb29at8), QPointF(feb29at8, 13));
        QCOMPARE(chart.monthToDateSeries()->at(mar1), QPointF(mar1, 0));
        QCOMPARE(chart.valueSeries()->at(feb29at8), QPointF(feb29at8, 3));
        QCOMPARE(chart.warningPoints()->count(), mar1 - feb29at8);
        QCOMPARE(chart.warningPoints()->at(0), QPointF(feb29at8, 13));
        QCOMPARE(chart.reachedPoints()->count(), 0);
        QCOMPARE(chart.quotaSeries()->at(0).y(), 15.0);
        QCOMPARE(chart.warningLine()->at(0).y(), 12.0);
        QVERIFY(!chart.toolTip().isEmpty());
        // Labels name UTC hours and the newest bucket.
        QVERIFY(chart.bucketAxis()->categoriesLabels().contains(u"05:00"_s));

        // No quota for reads: no quota line, band or marks.
        chart.setSeries(series, UsageMetric::Reads);
        QVERIFY(!chart.quotaSeries()->isVisible());
        QVERIFY(!chart.warningBand()->isVisible());
        QCOMPARE(chart.warningPoints()->count(), 0);
    }

    void storedBytesCarryOverBucketsWithoutWrites()
    {
        const UsageRange range = UsageRange::lastBuckets(BucketStep::Hour, 24, at(u"2024-03-20T23:30:00Z"_s));
        // A write on the 1st of the month noted 100 bytes, one at 10:00 today 250.
        const UsageSeries seeded(
            report(
                range, { bucket(u"2024-03-01T00:00:00Z"_s, 0, 1, 100), bucket(u"2024-03-20T10:00:00Z"_s, 0, 1, 250) }),
            range);
        QCOMPARE(seeded.value(0, UsageMetric::Storage), 100);
        QCOMPARE(seeded.value(rowAt(seeded, u"2024-03-20T09:00:00Z"_s), UsageMetric::Storage), 100);
        QCOMPARE(seeded.value(rowAt(seeded, u"2024-03-20T10:00:00Z"_s), UsageMetric::Storage), 250);
        QCOMPARE(seeded.value(23, UsageMetric::Storage), 250);

        // Nothing noted before 10:00 in the month: unknown until then, and left out of the chart.
        const UsageSeries late(report(range, { bucket(u"2024-03-20T10:00:00Z"_s, 0, 1, 250) }), range);
        QCOMPARE(late.value(0, UsageMetric::Storage), std::nullopt);
        QCOMPARE(late.value(rowAt(late, u"2024-03-20T10:00:00Z"_s), UsageMetric::Storage), 250);
        kv::ui::UsageChart chart;
        chart.setSeries(late, UsageMetric::Storage);
        QCOMPARE(chart.valueSeries()->count(), 24 - rowAt(late, u"2024-03-20T10:00:00Z"_s));
        QVERIFY(!chart.monthToDateSeries()->isVisible());

        // Nothing noted at all: nothing changed the size in the span; it is the size now.
        auto quiet = report(range, {});
        quiet.month.storageBytes = 4096;
        const UsageSeries unchanged(quiet, range);
        QCOMPARE(unchanged.value(0, UsageMetric::Storage), 4096);
        QCOMPARE(unchanged.value(23, UsageMetric::Storage), 4096);
    }

    void monthsAreSummedFromDays()
    {
        const UsageRange range = UsageRange::lastBuckets(BucketStep::Month, 3, at(u"2024-03-15T08:00:00Z"_s));
        kv::model::Quota quota;
        quota.readsPerMonth = 5;
        const UsageSeries series(
            report(range,
                { bucket(u"2024-01-05T00:00:00Z"_s, 1, 0), bucket(u"2024-01-31T00:00:00Z"_s, 2, 0),
                    bucket(u"2024-02-01T00:00:00Z"_s, 4, 0), bucket(u"2024-03-15T00:00:00Z"_s, 8, 0) },
                quota),
            range);
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.rows().at(0).counts.reads, 3);
        QCOMPARE(series.rows().at(1).counts.reads, 4);
        QCOMPARE(series.rows().at(2).counts.reads, 8);
        // By month, the bucket is the month: compared with the quota as it is.
        QVERIFY(!series.comparesMonthToDate(UsageMetric::Reads));
        QCOMPARE(series.compared(2, UsageMetric::Reads), 8);
        kv::ui::UsageChart chart;
        chart.setSeries(series, UsageMetric::Reads);
        QVERIFY(!chart.monthToDateSeries()->isVisible());
        QCOMPARE(chart.warningPoints()->points(), (QList<QPointF> { { 1, 4 } }));
        QCOMPARE(chart.reachedPoints()->points(), (QList<QPointF> { { 2, 8 } }));
        QCOMPARE(chart.bucketAxis()->categoriesLabels(), (QStringList { u"2024-01"_s, u"2024-02"_s, u"2024-03"_s }));
    }

    void quotaLevels_data()
    {
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QuotaLevel>("level");
        QTest::newRow("79%") << qint64(79) << qint64(100) << QuotaLevel::Normal;
        QTest::newRow("80%") << qint64(80) << qint64(100) << QuotaLevel::Warning;
        QTest::newRow("4 of 5") << qint64(4) << qint64(5) << QuotaLevel::Warning;
        QTest::newRow("99%") << qint64(99) << qint64(100) << QuotaLevel::Warning;
        QTest::newRow("100%") << qint64(100) << qint64(100) << QuotaLevel::Reached;
        QTest::newRow("past") << qint64(7) << qint64(5) << QuotaLevel::Reached;
        QTest::newRow("unlimited") << qint64(1'000'000) << qint64(-1) << QuotaLevel::Normal;
        QTest::newRow("zero limit") << qint64(0) << qint64(0) << QuotaLevel::Normal;
        QTest::newRow("huge") << qint64(std::numeric_limits<qint64>::max() / 10 * 8)
                              << qint64(std::numeric_limits<qint64>::max() / 10) * 10 << QuotaLevel::Warning;
    }

    void quotaLevels()
    {
        QFETCH(qint64, used);
        QFETCH(qint64, limit);
        QFETCH(QuotaLevel, level);
        QCOMPARE(kv::ui::quotaLevel(used, limit), level);
    }

    void warningsNameEveryQuotaAtEightyPercentOrMore()
    {
        const UsageRange range = UsageRange::lastBuckets(BucketStep::Day, 7, at(u"2024-03-15T08:00:00Z"_s));
        kv::model::Quota quota;
        quota.readsPerMonth = 100;
        quota.writesPerMonth = 5;
        quota.listsPerMonth = 10;
        quota.storageBytes = 1000;
        auto made = report(range, {}, quota);
        made.month.reads = 85;
        made.month.writes = 5;
        made.month.lists = 7;
        made.month.storageBytes = 900;
        const QList<kv::ui::QuotaStatus> warnings = UsageSeries(made, range).warnings();
        QCOMPARE(warnings.size(), 3);
        QCOMPARE(warnings.at(0).metric, UsageMetric::Writes);
        QCOMPARE(warnings.at(0).level, QuotaLevel::Reached);
        QCOMPARE(warnings.at(1).metric, UsageMetric::Storage);
        QCOMPARE(warnings.at(1).percent(), 90);
        QCOMPARE(warnings.at(2).metric, UsageMetric::Reads);
        QCOMPARE(warnings.at(2).level, QuotaLevel::Warning);
        const QString reached = UsageSeries::describe(warnings.at(0));
        QVERIFY2(reached.startsWith(u"Quota reached"_s) && reached.contains(u"100%"_s), qPrintable(reached));
        const QString warning = UsageSeries::describe(warnings.at(2));
        QVERIFY2(warning.startsWith(u"Warning"_s) && warning.contains(u"85%"_s), qPrintable(warning));
    }

    void csvHasOneLinePerBucket()
    {
        const UsageRange range = UsageRange::lastBuckets(BucketStep::Day, 2, at(u"2024-03-15T08:00:00Z"_s));
        kv::model::Quota quota;
        quota.writesPerMonth = 1000;
        const UsageSeries series(report(range, { bucket(u"2024-03-15T00:00:00Z"_s, 3, 2, 512) }, quota), range);
        QCOMPARE(kv::ui::usageCsv(series, UsageMetric::Writes),
            "start,reads,writes,lists,deletes,storage_bytes,writes_quota\r\n"
            "2024-03-14T00:00:00Z,0,0,0,0,,1000\r\n"
            "2024-03-15T00:00:00Z,3,2,0,0,512,1000\r\n");
        // No quota: an empty column, never a made-up number.
        QVERIFY(kv::ui::usageCsv(series, UsageMetric::Reads).endsWith(",512,\r\n"));
    }

    void tableModelPassesTheModelTester()
    {
        kv::ui::UsageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const UsageRange range = UsageRange::lastBuckets(BucketStep::Hour, 24, at(u"2024-03-01T05:10:00Z"_s));
        kv::model::Quota quota;
        quota.writesPerMonth = 15;
        const UsageSeries series(
            report(range, { bucket(u"2024-02-29T08:00:00Z"_s, 1, 13, 64), bucket(u"2024-03-01T02:00:00Z"_s, 0, 2) },
                quota),
            range);
        model.setSeries(series, UsageMetric::Writes);
        QCOMPARE(model.rowCount(), 24);
        const int row = rowAt(series, u"2024-02-29T08:00:00Z"_s);
        QCOMPARE(model.index(row, kv::ui::UsageTableModel::StartColumn).data().toString(), u"2024-02-29 08:00"_s);
        QCOMPARE(
            model.index(row, kv::ui::UsageTableModel::ComparedColumn).data(kv::ui::UsageTableModel::ValueRole), 13);
        QCOMPARE(model.index(row, kv::ui::UsageTableModel::PercentColumn).data(kv::ui::UsageTableModel::ValueRole), 86);
        QVERIFY(model.index(row, kv::ui::UsageTableModel::PercentColumn).data().toString().contains(u"warning"_s));
        QCOMPARE(model.index(0, kv::ui::UsageTableModel::StorageColumn).data().toString(), u"—"_s);
        QVERIFY(
            !model.index(0, kv::ui::UsageTableModel::StorageColumn).data(kv::ui::UsageTableModel::ValueRole).isValid());
        QCOMPARE(model.headerData(kv::ui::UsageTableModel::ComparedColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            u"Writes month to date"_s);
        model.setSeries(UsageSeries(), UsageMetric::Reads);
        QCOMPARE(model.rowCount(), 0);
        model.setSeries(series, UsageMetric::Storage);
        QCOMPARE(model.index(23, kv::ui::UsageTableModel::QuotaColumn).data().toString(), u"—"_s);
    }
};

QTEST_MAIN(TestUsageSeries)
#include "tst_usageseries.moc"
