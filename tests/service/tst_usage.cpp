// Tests of usage, quotas and rate limits in core/service: UsageMeter counts what KvService does,
// in memory, and writes it only on flush (a read costs no store write); series() is exact before
// and after a flush; monthly quotas refuse with QuotaExceeded and a Retry-After until the month
// rolls over; the storage quota; 80% and 100% announcements once per month; counts survive a
// restart. RateLimiter's token buckets. A real SqliteStore and a ManualClock: no sleeping.

#include "ErrorCodePrinter.h"
#include "model/Clock.h"
#include "service/KvService.h"
#include "service/RateLimiter.h"
#include "service/UsageMeter.h"
#include "store/SqliteStore.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using kv::ErrorCode;
using kv::model::Plan;
using kv::model::Timestamp;
using kv::model::UsageBucket;
using kv::model::UsageStep;
using kv::service::KvService;
using kv::service::Operation;
using kv::service::PutRequest;
using kv::service::QuotaEvent;
using kv::service::RateLimiter;
using kv::service::UsageMeter;

Timestamp utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc()).toMSecsSinceEpoch();
}

constexpr qint64 kHour = 3600 * 1000;

/// A plan with small quotas, so that the suite can reach them.
Plan smallPlan()
{
    Plan plan;
    plan.id = u"small"_s;
    plan.name = u"Small"_s;
    plan.quota.readsPerMonth = 10;
    plan.quota.writesPerMonth = 5;
    plan.quota.listsPerMonth = 3;
    plan.quota.deletesPerMonth = 2;
    plan.quota.storageBytes = 1000;
    plan.ratePerSecond = 0;
    return plan;
}

} // namespace

class TestUsage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    std::unique_ptr<kv::model::ManualClock> m_clock;
    std::unique_ptr<UsageMeter> m_usage;
    std::unique_ptr<KvService> m_service;
    QList<QuotaEvent> m_events;
    int m_round = 0;

    void open()
    {
        m_service.reset();
        m_usage.reset();
        m_store.reset();
        auto opened = kv::store::SqliteStore::open(kv::store::SqliteStore::Options { m_path });
        QVERIFY(opened.ok());
        m_store = std::move(*opened);
        m_usage = std::make_unique<UsageMeter>(*m_store, *m_clock);
        m_usage->onQuotaEvent([this](const QuotaEvent& event) { m_events.append(event); });
        QList<Plan> plans = Plan::builtins();
        plans.append(smallPlan());
        m_service
            = std::make_unique<KvService>(*m_store, *m_clock, plans, kv::model::Limits {}, nullptr, m_usage.get());
    }

    void put(const QString& ns, const QString& key, qsizetype bytes = 10)
    {
        auto written = m_service->put(ns, PutRequest { key, QByteArray(bytes, 'v'), {}, {}, {} });
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message()));
    }

    QList<UsageBucket> series(const QString& ns, Timestamp from, Timestamp to, UsageStep step)
    {
        auto buckets = m_usage->series(ns, from, to, step);
        [&] { QVERIFY(buckets.ok()); }();
        return buckets.ok() ? *buckets : QList<UsageBucket> {};
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(u"usage-%1.kvstore"_s.arg(++m_round));
        m_clock = std::make_unique<kv::model::ManualClock>(utc(2026, 11, 23, 10, 30));
        m_events.clear();
        open();
        QVERIFY(m_service->createNamespace(u"big"_s, u"business"_s).ok());
        QVERIFY(m_service->createNamespace(u"small"_s, u"small"_s).ok());
    }

    void countsArePerHourAndExactBeforeAndAfterAFlush()
    {
        put(u"big"_s, u"a"_s);
        put(u"big"_s, u"b"_s);
        QVERIFY(m_service->get(u"big"_s, u"a"_s).ok());
        QCOMPARE(m_service->get(u"big"_s, u"missing"_s).error().code(), ErrorCode::KeyNotFound); // a read all the same
        m_clock->advanceMs(kHour); // 11:30
        QVERIFY(m_service->list(u"big"_s, {}).ok());
        QVERIFY(m_service->remove(u"big"_s, u"a"_s).ok());
        QVERIFY(m_service->getMany(u"big"_s, { u"a"_s, u"b"_s, u"c"_s }).ok());

        const auto check = [&] {
            const QList<UsageBucket> hours = series(u"big"_s, utc(2026, 11, 23), utc(2026, 11, 24), UsageStep::Hour);
            QCOMPARE(hours.size(), 2);
            QCOMPARE(hours[0].start, utc(2026, 11, 23, 10));
            QCOMPARE(hours[0].writes, 2);
            QCOMPARE(hours[0].reads, 2);
            QCOMPARE(hours[0].storageBytes, 2 + 20); // keys a, b and two 10-byte values
            QCOMPARE(hours[1].start, utc(2026, 11, 23, 11));
            QCOMPARE(hours[1].lists, 1);
            QCOMPARE(hours[1].deletes, 1);
            QCOMPARE(hours[1].reads, 3);
            QCOMPARE(hours[1].storageBytes, 1 + 10);
            const QList<UsageBucket> days = series(u"big"_s, utc(2026, 11, 1), utc(2026, 12, 1), UsageStep::Day);
            QCOMPARE(days.size(), 1);
            QCOMPARE(days[0].start, utc(2026, 11, 23));
            QCOMPARE(days[0].step, UsageStep::Day);
            QCOMPARE(days[0].reads, 5);
            QCOMPARE(days[0].writes, 2);
            QCOMPARE(days[0].storageBytes, 11);
            QCOMPARE(series(u"small"_s, utc(2026, 11, 1), utc(2026, 12, 1), UsageStep::Day).size(), 0);
        };
        check();
        QVERIFY(m_usage->pendingBuckets() > 0);
        QVERIFY(m_usage->flush().ok());
        QCOMPARE(m_usage->pendingBuckets(), 0);
        check();
        // More use in an hour already flushed adds to it.
        m_clock->set(utc(2026, 11, 23, 10, 45));
        QVERIFY(m_service->get(u"big"_s, u"b"_s).ok());
        QCOMPARE(series(u"big"_s, utc(2026, 11, 23, 10), utc(2026, 11, 23, 11), UsageStep::Hour).first().reads, 3);
        QVERIFY(m_usage->flush().ok());
        QCOMPARE(series(u"big"_s, utc(2026, 11, 23, 10), utc(2026, 11, 23, 11), UsageStep::Hour).first().reads, 3);
    }

    void readsCauseNoStoreWrite()
    {
        put(u"big"_s, u"a"_s);
        QVERIFY(m_usage->flush().ok());
        const quint64 before = m_store->rowsWritten();
        for (int i = 0; i < 200; ++i) {
            QVERIFY(m_service->get(u"big"_s, u"a"_s).ok());
            QVERIFY(m_service->list(u"big"_s, {}).ok());
        }
        QCOMPARE(m_store->rowsWritten(), before);
        auto month = m_usage->month(u"big"_s);
        QVERIFY(month.ok());
        QCOMPARE(month->reads, 200);
        QCOMPARE(month->lists, 200);
        // One flush writes them all at once: one row for the one namespace and hour.
        QVERIFY(m_usage->flush().ok());
        QCOMPARE(m_store->rowsWritten(), before + 1);
    }

    void monthlyQuotasRefuseUntilTheMonthRollsOver()
    {
        for (int i = 0; i < 5; ++i) {
            put(u"small"_s, u"k%1"_s.arg(i));
        }
        const auto refused = m_service->put(u"small"_s, PutRequest { u"k9"_s, "v", {}, {}, {} });
        QCOMPARE(refused.error().code(), ErrorCode::QuotaExceeded);
        QCOMPARE(refused.error().httpStatus(), 429);
        QCOMPARE(refused.error().details().value(u"quota"_s).toString(), u"writes"_s);
        // Retry after: from 2026-11-23 10:30 to 2026-12-01 00:00.
        const qint64 expected = (utc(2026, 12, 1) - m_clock->now()) / 1000;
        QCOMPARE(refused.error().details().value(u"retryAfterSeconds"_s).toInteger(), expected);
        QVERIFY(m_service->get(u"small"_s, u"k1"_s).ok()); // other quotas are separate

        // A batch that would pass the quota is refused whole.
        for (int i = 1; i < 9; ++i) {
            QVERIFY(m_service->get(u"small"_s, u"k1"_s).ok()); // 9 reads
        }
        QCOMPARE(m_service->getMany(u"small"_s, { u"k1"_s, u"k2"_s }).error().code(), ErrorCode::QuotaExceeded);
        QVERIFY(m_service->getMany(u"small"_s, { u"k1"_s }).ok()); // the 10th
        QCOMPARE(m_service->get(u"small"_s, u"k1"_s).error().code(), ErrorCode::QuotaExceeded);

        // Deletes: 2 allowed.
        QVERIFY(m_service->remove(u"small"_s, u"k0"_s).ok());
        QVERIFY(m_service->remove(u"small"_s, u"k1"_s).ok());
        QCOMPARE(m_service->remove(u"small"_s, u"k2"_s).error().code(), ErrorCode::QuotaExceeded);

        // December: everything is allowed again, and November's counts stay in November.
        m_clock->set(utc(2026, 12, 1, 0, 0));
        QVERIFY(m_service->get(u"small"_s, u"k3"_s).ok());
        put(u"small"_s, u"k9"_s);
        auto month = m_usage->month(u"small"_s);
        QVERIFY(month.ok());
        QCOMPARE(month->reads, 1);
        QCOMPARE(month->writes, 1);
        QCOMPARE(series(u"small"_s, utc(2026, 11, 1), utc(2026, 12, 1), UsageStep::Day).first().reads, 10);
    }

    void storageQuotaHoldsBackWritesButNotDeletes()
    {
        put(u"small"_s, u"a"_s, 900);
        const auto refused = m_service->put(u"small"_s, PutRequest { u"b"_s, QByteArray(200, 'x'), {}, {}, {} });
        QCOMPARE(refused.error().code(), ErrorCode::QuotaExceeded);
        QCOMPARE(refused.error().details().value(u"quota"_s).toString(), u"storage"_s);
        QVERIFY(m_service->remove(u"small"_s, u"a"_s).ok());
        put(u"small"_s, u"b"_s, 200);
    }

    void storageQuotaCountsWhatAWriteReplaces()
    {
        put(u"small"_s, u"a"_s, 900); // 901 of 1000
        // A rewrite in place replaces the old bytes: 901 again, or 951.
        put(u"small"_s, u"a"_s, 900);
        put(u"small"_s, u"a"_s, 950);
        // Metadata is stored bytes too: 1 + 990 + 18 ({"k":"0123456789"}) would be 1009.
        const auto refused = m_service->put(u"small"_s,
            PutRequest { u"a"_s, QByteArray(990, 'x'), QJsonObject { { u"k"_s, u"0123456789"_s } }, {}, {} });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::QuotaExceeded);
    }

    void quotaWarningsAt80And100PercentOncePerMonth()
    {
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(m_service->get(u"small"_s, u"x"_s).error().code(), ErrorCode::KeyNotFound);
        }
        QVERIFY(m_events.isEmpty());
        (void)m_service->get(u"small"_s, u"x"_s); // 8 of 10
        QCOMPARE(m_events.size(), 1);
        QCOMPARE(m_events[0].quota, u"reads"_s);
        QCOMPARE(m_events[0].percent, 80);
        QCOMPARE(m_events[0].used, 8);
        QCOMPARE(m_events[0].limit, 10);
        QCOMPARE(m_events[0].ns, u"small"_s);
        (void)m_service->get(u"small"_s, u"x"_s);
        (void)m_service->get(u"small"_s, u"x"_s); // 10 of 10
        QCOMPARE(m_events.size(), 2);
        QCOMPARE(m_events[1].percent, 100);
        (void)m_service->get(u"small"_s, u"x"_s); // refused: no third event
        QCOMPARE(m_events.size(), 2);

        put(u"small"_s, u"big"_s, 850); // storage 853 of 1000
        QCOMPARE(m_events.size(), 3);
        QCOMPARE(m_events[2].quota, u"storage"_s);
        QCOMPARE(m_events[2].percent, 80);
        // The business plan has no quota: no event ever.
        for (int i = 0; i < 50; ++i) {
            (void)m_service->get(u"big"_s, u"x"_s);
        }
        QCOMPARE(m_events.size(), 3);
    }

    void countsSurviveARestart()
    {
        for (int i = 0; i < 4; ++i) {
            put(u"small"_s, u"k%1"_s.arg(i));
        }
        QVERIFY(m_usage->flush().ok());
        open(); // a new meter over the same file
        put(u"small"_s, u"k4"_s);
        QCOMPARE(m_service->put(u"small"_s, PutRequest { u"k5"_s, "v", {}, {}, {} }).error().code(),
            ErrorCode::QuotaExceeded);
        auto month = m_usage->month(u"small"_s);
        QVERIFY(month.ok());
        QCOMPARE(month->writes, 5);
    }

    void planChangesApplyAtOnce()
    {
        for (int i = 0; i < 5; ++i) {
            put(u"small"_s, u"k%1"_s.arg(i));
        }
        QCOMPARE(m_service->put(u"small"_s, PutRequest { u"k5"_s, "v", {}, {}, {} }).error().code(),
            ErrorCode::QuotaExceeded);
        QVERIFY(m_service->setNamespacePlan(u"small"_s, u"pro"_s).ok());
        put(u"small"_s, u"k5"_s);
        QCOMPARE(m_service->planOf(u"small"_s)->id, u"pro"_s);
    }

    void monthBoundaries()
    {
        QCOMPARE(UsageMeter::monthStart(utc(2026, 12, 31, 23, 59)), utc(2026, 12, 1));
        QCOMPARE(UsageMeter::nextMonthStart(utc(2026, 12, 31, 23, 59)), utc(2027, 1, 1));
        QCOMPARE(UsageMeter::nextMonthStart(utc(2028, 2, 1)), utc(2028, 3, 1));
        QCOMPARE(UsageMeter::hourStart(utc(2026, 11, 23, 10, 59) + 59'999), utc(2026, 11, 23, 10));
        QCOMPARE(UsageMeter::dayStart(utc(2026, 11, 23, 23, 59)), utc(2026, 11, 23));
    }

    void tokenBucketBurstRefillAndRetryAfter()
    {
        kv::model::ManualClock clock(1'000'000);
        RateLimiter limiter(clock);
        // 2 per second, burst 5: five at once, then refused for half a second.
        for (int i = 0; i < 5; ++i) {
            const auto decision = limiter.take(u"key\nns"_s, 2, 5);
            QVERIFY(decision.allowed);
            QVERIFY(decision.limited);
            QCOMPARE(decision.limit, 5);
            QCOMPARE(decision.remaining, 4 - i);
        }
        auto refused = limiter.take(u"key\nns"_s, 2, 5);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.remaining, 0);
        QCOMPARE(refused.retryAfterSeconds, 1);
        QCOMPARE(refused.resetSeconds, 3); // 5 tokens at 2/s
        // Another key or namespace has its own bucket.
        QVERIFY(limiter.take(u"key\nother"_s, 2, 5).allowed);
        clock.advanceMs(499);
        QVERIFY(!limiter.take(u"key\nns"_s, 2, 5).allowed);
        clock.advanceMs(1);
        QVERIFY(limiter.take(u"key\nns"_s, 2, 5).allowed);
        QVERIFY(!limiter.take(u"key\nns"_s, 2, 5).allowed);
        // Long idle: back to the burst, not beyond.
        clock.advanceSeconds(3600);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(limiter.take(u"key\nns"_s, 2, 5).allowed);
        }
        QVERIFY(!limiter.take(u"key\nns"_s, 2, 5).allowed);
        // A slow rate waits whole seconds.
        QVERIFY(limiter.take(u"slow"_s, 0.1, 1).allowed);
        QCOMPARE(limiter.take(u"slow"_s, 0.1, 1).retryAfterSeconds, 10);
        // Unlimited: always allowed, nothing to report.
        for (int i = 0; i < 1000; ++i) {
            QVERIFY(limiter.take(u"free"_s, 0, 0).allowed);
        }
        QVERIFY(!limiter.take(u"free"_s, 0, 0).limited);
    }

    void rateLimiterForgetsIdleBucketsWhenFull()
    {
        kv::model::ManualClock clock(1'000'000);
        RateLimiter limiter(clock, 100);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(limiter.take(u"k%1"_s.arg(i), 10, 10).allowed);
        }
        QCOMPARE(limiter.bucketCount(), 100);
        clock.advanceSeconds(10); // all full again
        QVERIFY(limiter.take(u"new"_s, 10, 10).allowed);
        QCOMPARE(limiter.bucketCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUsage)
#include "tst_usage.moc"
