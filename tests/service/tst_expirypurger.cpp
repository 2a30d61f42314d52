// Tests of ExpiryPurger, the background thread that reclaims expired entries. Time moves by a
// ManualClock; the tests wait for the purger's thread only through QTRY_* polling, never by
// fixed sleeps.

#include "model/Clock.h"
#include "model/Plan.h"
#include "service/ExpiryPurger.h"
#include "service/KvService.h"
#include "store/SqliteStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

using kv::Result;
using kv::model::ExpiryRequest;
using kv::model::Timestamp;
using kv::service::ExpiryPurger;
using kv::service::KvService;
using kv::service::PutRequest;

constexpr Timestamp kStart = 1'700'000'000'000;

template <typename T> QString describe(const Result<T>& result)
{
    if (result.ok()) {
        return {};
    }
    return result.error().codeName() + u": "_s + result.error().message();
}

QString numbered(const QString& prefix, int n)
{
    return prefix + u"%1"_s.arg(n, 4, 10, QLatin1Char('0'));
}

ExpiryPurger::Options every(std::chrono::milliseconds interval, int batchSize = 1000)
{
    ExpiryPurger::Options options;
    options.interval = interval;
    options.batchSize = batchSize;
    return options;
}

} // namespace

#define KV_VERIFY_OK(expr)                                                                                             \
    do {                                                                                                               \
        const auto& kvResult_ = (expr);                                                                                \
        QVERIFY2(kvResult_.ok(), qPrintable(describe(kvResult_)));                                                     \
    } while (false)

class TestExpiryPurger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void purgesExpiredEntries();
    void purgesLaterExpiriesOnLaterPasses();
    void purgesEverythingInSmallTransactions();
    void wakeRunsAPassNow();
    void destructionIsPrompt();
    void destructionIsPromptAfterWork();

private:
    /// Writes `count` entries under `prefix`, each `ttlSeconds` long (0: no expiry).
    void write(const QString& prefix, int count, qint64 ttlSeconds);
    /// The namespace's key count, or -1 when it cannot be read.
    qint64 keyCount();
    qint64 bytes();
    /// Destroys the purger and says whether that took less than `limit`.
    bool destroyWithin(std::unique_ptr<ExpiryPurger> purger, std::chrono::milliseconds limit);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    kv::model::ManualClock m_clock { kStart };
    std::unique_ptr<KvService> m_service;
    const QString m_ns = u"app"_s;
};

void TestExpiryPurger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    kv::store::SqliteStore::Options options;
    options.path = m_dir->filePath(u"kv.sqlite"_s);
    options.sync = kv::store::SqliteStore::Sync::Normal;
    auto opened = kv::store::SqliteStore::open(options);
    KV_VERIFY_OK(opened);
    m_store = std::move(opened.value());
    m_clock.set(kStart);
    m_service = std::make_unique<KvService>(*m_store, m_clock);
    KV_VERIFY_OK(m_service->createNamespace(m_ns));
}

void TestExpiryPurger::cleanup()
{
    m_service.reset();
    m_store.reset();
    m_dir.reset();
}

void TestExpiryPurger::write(const QString& prefix, int count, qint64 ttlSeconds)
{
    QList<PutRequest> batch;
    for (int i = 0; i < count; ++i) {
        ExpiryRequest expiry;
        if (ttlSeconds > 0) {
            expiry.ttlSeconds = ttlSeconds;
        }
        batch.append(PutRequest { numbered(prefix, i), "value"_ba, {}, expiry, {} });
    }
    const auto written = m_service->putMany(m_ns, batch);
    KV_VERIFY_OK(written);
    QVERIFY(written->committed);
}

qint64 TestExpiryPurger::keyCount()
{
    const auto ns = m_service->getNamespace(m_ns);
    return ns ? ns->keyCount : -1;
}

qint64 TestExpiryPurger::bytes()
{
    const auto ns = m_service->getNamespace(m_ns);
    return ns ? ns->bytes : -1;
}

void TestExpiryPurger::purgesExpiredEntries()
{
    write(u"temp/"_s, 3, 60);
    write(u"keep/"_s, 2, 0);
    QCOMPARE(keyCount(), 5);
    const qint64 keptBytes = 2 * (9 + 5); // "keep/0000" and "value"

    ExpiryPurger purger(*m_service, every(20ms));
    // Nothing has expired yet, whatever passes have run.
    QCOMPARE(purger.purged(), 0);
    QCOMPARE(keyCount(), 5);

    m_clock.advanceSeconds(60);
    QTRY_COMPARE(purger.purged(), 3);
    QTRY_COMPARE(keyCount(), 2);
    QCOMPARE(bytes(), keptBytes);
    QCOMPARE(m_service->list(m_ns, {})->keys.size(), 2);
    KV_VERIFY_OK(m_service->get(m_ns, u"keep/0001"_s));
    // Nothing was left for a direct purge.
    QCOMPARE(*m_service->purgeExpired(), 0);
}

void TestExpiryPurger::purgesLaterExpiriesOnLaterPasses()
{
    write(u"short/"_s, 2, 60);
    write(u"long/"_s, 3, 120);
    ExpiryPurger purger(*m_service, every(20ms));

    m_clock.advanceSeconds(60);
    QTRY_COMPARE(purger.purged(), 2);
    QTRY_COMPARE(keyCount(), 3);

    m_clock.advanceSeconds(60);
    QTRY_COMPARE(purger.purged(), 5);
    QTRY_COMPARE(keyCount(), 0);
    QCOMPARE(bytes(), 0);
}

void TestExpiryPurger::purgesEverythingInSmallTransactions()
{
    write(u"temp/"_s, 7, 60);
    // A one-hour interval: only the pass that wake() starts can do the work, so it must keep
    // going, batch after batch of 2, until a batch comes back short.
    auto purger = std::make_unique<ExpiryPurger>(*m_service, every(1h, 2));
    m_clock.advanceSeconds(60);
    purger->wake();
    QTRY_COMPARE(purger->purged(), 7);
    QTRY_COMPARE(keyCount(), 0);
    QVERIFY2(destroyWithin(std::move(purger), 2s), "the destructor did not return within 2 s");
}

void TestExpiryPurger::wakeRunsAPassNow()
{
    write(u"temp/"_s, 4, 60);
    auto purger = std::make_unique<ExpiryPurger>(*m_service, every(1h));
    m_clock.advanceSeconds(60);
    // Well before the hour is up.
    purger->wake();
    QTRY_COMPARE_WITH_TIMEOUT(purger->purged(), 4, 5000);
    QTRY_COMPARE(keyCount(), 0);

    // Entries written later are purged by the next wake after they expire.
    write(u"more/"_s, 2, 60);
    m_clock.advanceSeconds(60);
    purger->wake();
    QTRY_COMPARE(purger->purged(), 6);
    QVERIFY2(destroyWithin(std::move(purger), 2s), "the destructor did not return within 2 s");
}

bool TestExpiryPurger::destroyWithin(std::unique_ptr<ExpiryPurger> purger, std::chrono::milliseconds limit)
{
    // Destroyed on a thread of its own, so that a destructor that blocks fails this test in
    // seconds instead of hanging the suite until the watchdog kills it.
    std::promise<void> destroyed;
    std::future<void> done = destroyed.get_future();
    std::thread([purger = std::move(purger), destroyed = std::move(destroyed)]() mutable {
        purger.reset();
        destroyed.set_value();
    }).detach();
    if (done.wait_for(limit) == std::future_status::ready) {
        return true;
    }
    // The stuck purger still uses the service and the store: keep them alive rather than have
    // cleanup() pull them from under it.
    (void)m_service.release();
    (void)m_store.release();
    (void)m_dir.release();
    return false;
}

void TestExpiryPurger::destructionIsPrompt()
{
    // Its thread sleeps for an hour between passes; the destructor must not wait for that.
    auto purger = std::make_unique<ExpiryPurger>(*m_service, every(1h));
    QVERIFY2(destroyWithin(std::move(purger), 2s), "the destructor did not return within 2 s");
}

void TestExpiryPurger::destructionIsPromptAfterWork()
{
    write(u"temp/"_s, 5, 60);
    auto purger = std::make_unique<ExpiryPurger>(*m_service, every(1h, 2));
    m_clock.advanceSeconds(60);
    purger->wake();
    QTRY_COMPARE(purger->purged(), 5);
    QVERIFY2(destroyWithin(std::move(purger), 2s), "the destructor did not return within 2 s");

    // With the purger gone, new expiries stay until someone purges them.
    write(u"later/"_s, 1, 60);
    m_clock.advanceSeconds(60);
    QCOMPARE(keyCount(), 1);
    QCOMPARE(*m_service->purgeExpired(), 1);
}

QTEST_GUILESS_MAIN(TestExpiryPurger)
#include "tst_expirypurger.moc"
