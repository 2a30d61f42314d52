// Tests of KvService, the rules of the key-value service: namespaces, entries, TTL expiry,
// conditional writes, atomic batches, keyset listing and a write race. It runs against a real
// SqliteStore in a temporary directory and a ManualClock, so expiry is tested without sleeping.

#include "ErrorCodePrinter.h"
#include "model/Clock.h"
#include "model/Entry.h"
#include "model/Error.h"
#include "model/Limits.h"
#include "model/Plan.h"
#include "service/KvService.h"
#include "store/SqliteStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <barrier>
#include <limits>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using kv::Error;
using kv::ErrorCode;
using kv::Result;
using kv::model::ExpiryRequest;
using kv::model::Timestamp;
using kv::service::DeleteRequest;
using kv::service::ItemResult;
using kv::service::KvService;
using kv::service::ListRequest;
using kv::service::Precondition;
using kv::service::PutRequest;

constexpr Timestamp kStart = 1'700'000'000'000;
constexpr qint64 kStartSeconds = kStart / 1000;

QString describe(const Error& error)
{
    return error.codeName() + u": "_s + error.message();
}

template <typename T> QString describe(const Result<T>& result)
{
    if (result.ok()) {
        return {};
    }
    return describe(result.error());
}

QString describe(const ItemResult& item)
{
    if (!item.error) {
        return {};
    }
    return describe(*item.error);
}

// The limits of most tests: small enough that a test can exceed them without allocating 25 MiB
// or writing 10,000 items.
kv::model::Limits smallLimits()
{
    kv::model::Limits limits;
    limits.maxValueBytes = 1000;
    limits.maxBatchItems = 10;
    return limits;
}

PutRequest putRequest(const QString& key, const QByteArray& value, const QJsonObject& metadata = {},
    ExpiryRequest expiry = {}, Precondition precondition = {})
{
    return PutRequest { key, value, metadata, expiry, precondition };
}

ExpiryRequest ttl(qint64 seconds)
{
    return ExpiryRequest { seconds, std::nullopt };
}

ExpiryRequest expiration(qint64 unixSeconds)
{
    return ExpiryRequest { std::nullopt, unixSeconds };
}

QString numbered(const QString& prefix, int n)
{
    return prefix + u"%1"_s.arg(n, 4, 10, QLatin1Char('0'));
}

QStringList keysOf(const kv::model::KeyPage& page)
{
    QStringList keys;
    for (const auto& info : page.keys) {
        keys.append(info.key);
    }
    return keys;
}

QString cursorFor(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

Q_DECLARE_METATYPE(kv::ErrorCode)
Q_DECLARE_METATYPE(std::optional<qint64>)
Q_DECLARE_METATYPE(kv::service::PutRequest)

// The result is bound once, so that the call under test runs exactly once.
#define KV_VERIFY_OK(expr)                                                                                             \
    do {                                                                                                               \
        const auto& kvResult_ = (expr);                                                                                \
        QVERIFY2(kvResult_.ok(), qPrintable(describe(kvResult_)));                                                     \
    } while (false)

#define KV_COMPARE_ERROR(expr, expected)                                                                               \
    do {                                                                                                               \
        const auto& kvResult_ = (expr);                                                                                \
        QVERIFY2(!kvResult_.ok(), "the call succeeded but was expected to fail");                                      \
        QCOMPARE(kvResult_.error().code(), expected);                                                                  \
    } while (false)

#define KV_COMPARE_ITEM_ERROR(item, expected)                                                                          \
    do {                                                                                                               \
        QVERIFY2((item).error.has_value(), "the item succeeded but was expected to fail");                             \
        QCOMPARE((item).error->code(), expected);                                                                      \
    } while (false)

class TestKvService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Namespaces
    void createNamespaceDefaultPlan();
    void createNamespaceWithPlan();
    void createNamespaceValidIds_data();
    void createNamespaceValidIds();
    void createNamespaceInvalidId_data();
    void createNamespaceInvalidId();
    void createNamespaceUnknownPlan();
    void createNamespaceDuplicate();
    void listNamespacesWithCounters();
    void countersFollowOverwritesAndRemoves();
    void setNamespacePlan();
    void deleteNamespace();

    // Entries
    void putGetRoundTrip();
    void putGetEmptyValueAndMetadata();
    void versionsIncreaseOnEveryWrite();
    void getMissingKey();
    void validKeys_data();
    void validKeys();
    void invalidKey_data();
    void invalidKey();
    void valueTooLarge();
    void metadataTooLarge();
    void missingNamespace();
    void invalidNamespaceInEntryCalls();

    // TTL
    void ttlExpiresExactlyOnTime();
    void validExpiry_data();
    void validExpiry();
    void invalidExpiry_data();
    void invalidExpiry();
    void purgeExpiredUpdatesCounters();
    void purgeExpiredHonoursMax();
    void overwriteWithoutTtlClearsExpiry();
    void writeOverExpiredEntryKeepsCounters();

    // Conditional writes
    void putVersionEqualsCurrent();
    void putVersionEqualsStale();
    void putVersionEqualsMissingOrExpired();
    void putAbsent();
    void removeVersionEquals();
    void removeMissingKeyUnconditionally();
    void nonPositiveExpectedVersion_data();
    void nonPositiveExpectedVersion();

    // Batches
    void putManyCommits();
    void putManySameKeyTwice();
    void putManyInvalidItemRejectsBatch_data();
    void putManyInvalidItemRejectsBatch();
    void putManyPreconditionFailureRejectsBatch();
    void putManyReportsEveryFailingItem();
    void batchTooLarge();
    void emptyBatch();
    void removeMany();
    void removeManyPreconditionFailure();
    void getMany();

    // Listing
    void listPagesThroughPrefix();
    void listExactMultipleOfLimit();
    void listDescending();
    void listCursorKeepsItsOrder();
    void listPrefixBounds();
    void listByteOrderOfUtf8();
    void listValidLimits_data();
    void listValidLimits();
    void listInvalidLimit_data();
    void listInvalidLimit();
    void listInvalidCursor_data();
    void listInvalidCursor();
    void listInvalidPrefix();
    void listKeyInfo();
    void listSkipsExpired();
    void listStableUnderConcurrentWrites();

    // Concurrency
    void raceVersionEquals();
    void raceAbsent();

private:
    Result<kv::model::Namespace> ns(const QString& id = u"app"_s) { return m_service->getNamespace(id); }
    /// Writes 2,500 keys, a/0000..a/1249 and b/0000..b/1249, through a service with default limits.
    void seedListing(KvService& service);
    /// Pages through a listing and checks that it ends; returns every page.
    QList<kv::model::KeyPage> pages(KvService& service, const QString& prefix, qint64 limit,
        kv::model::KeyOrder order = kv::model::KeyOrder::Ascending);
    struct RaceOutcome
    {
        bool ok = false;
        qint64 version = 0;
        std::optional<ErrorCode> code;
        qint64 currentVersion = -1;
    };
    /// Two threads call `attempt` at the same moment, 100 rounds; returns both outcomes of each round.
    template <typename Attempt> std::vector<std::array<RaceOutcome, 2>> race(Attempt attempt, int rounds);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<kv::store::SqliteStore> m_store;
    kv::model::ManualClock m_clock { kStart };
    std::unique_ptr<KvService> m_service;
    const QString m_ns = u"app"_s;
};

void TestKvService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    kv::store::SqliteStore::Options options;
    options.path = m_dir->filePath(u"kv.sqlite"_s);
    // Durability is not under test here; Normal keeps the suite fast on slow disks.
    options.sync = kv::store::SqliteStore::Sync::Normal;
    auto opened = kv::store::SqliteStore::open(options);
    KV_VERIFY_OK(opened);
    m_store = std::move(opened.value());
    m_clock.set(kStart);
    m_service = std::make_unique<KvService>(*m_store, m_clock, kv::model::Plan::builtins(), smallLimits());
    KV_VERIFY_OK(m_service->createNamespace(m_ns));
}

void TestKvService::cleanup()
{
    m_service.reset();
    m_store.reset();
    m_dir.reset();
}

// Namespaces ----------------------------------------------------------------------------------

void TestKvService::createNamespaceDefaultPlan()
{
    m_clock.advanceSeconds(3);
    const auto created = m_service->createNamespace(u"users"_s);
    KV_VERIFY_OK(created);
    QCOMPARE(created->id, u"users"_s);
    QCOMPARE(created->plan, u"free"_s);
    QCOMPARE(created->keyCount, 0);
    QCOMPARE(created->bytes, 0);
    QCOMPARE(created->createdAt, kStart + 3000);

    const auto fetched = ns(u"users"_s);
    KV_VERIFY_OK(fetched);
    QCOMPARE(fetched->id, u"users"_s);
    QCOMPARE(fetched->plan, u"free"_s);
    QCOMPARE(fetched->createdAt, kStart + 3000);
    QVERIFY(*fetched == *created);
}

void TestKvService::createNamespaceWithPlan()
{
    const auto created = m_service->createNamespace(u"paid"_s, u"pro"_s);
    KV_VERIFY_OK(created);
    QCOMPARE(created->plan, u"pro"_s);
    const auto fetched = ns(u"paid"_s);
    KV_VERIFY_OK(fetched);
    QCOMPARE(fetched->plan, u"pro"_s);
}

void TestKvService::createNamespaceValidIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("one letter") << u"a"_s;
    QTest::newRow("one digit") << u"7"_s;
    QTest::newRow("dash and underscore") << u"my-app_2"_s;
    QTest::newRow("63 characters") << QString(63, u'x');
}

void TestKvService::createNamespaceValidIds()
{
    QFETCH(QString, id);
    KV_VERIFY_OK(m_service->createNamespace(id));
    KV_VERIFY_OK(ns(id));
}

void TestKvService::createNamespaceInvalidId_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("uppercase") << u"App"_s;
    QTest::newRow("leading dash") << u"-app"_s;
    QTest::newRow("leading underscore") << u"_app"_s;
    QTest::newRow("space") << u"my app"_s;
    QTest::newRow("dot") << u"my.app"_s;
    QTest::newRow("slash") << u"my/app"_s;
    QTest::newRow("non-ASCII") << u"caf\u00e9"_s;
    QTest::newRow("64 characters") << QString(64, u'x');
}

void TestKvService::createNamespaceInvalidId()
{
    QFETCH(QString, id);
    KV_COMPARE_ERROR(m_service->createNamespace(id), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(ns(id), ErrorCode::InvalidNamespace);
    const auto all = m_service->listNamespaces();
    KV_VERIFY_OK(all);
    QCOMPARE(all->size(), 1); // only the fixture's namespace
}

void TestKvService::createNamespaceUnknownPlan()
{
    const auto created = m_service->createNamespace(u"gilded"_s, u"gold"_s);
    KV_COMPARE_ERROR(created, ErrorCode::PlanNotFound);
    QCOMPARE(created.error().details().value(u"plan"_s).toString(), u"gold"_s);
    KV_COMPARE_ERROR(ns(u"gilded"_s), ErrorCode::NamespaceNotFound);
}

void TestKvService::createNamespaceDuplicate()
{
    KV_VERIFY_OK(m_service->createNamespace(u"twice"_s));
    KV_COMPARE_ERROR(m_service->createNamespace(u"twice"_s), ErrorCode::NamespaceExists);
    KV_COMPARE_ERROR(m_service->createNamespace(u"twice"_s, u"pro"_s), ErrorCode::NamespaceExists);
    const auto fetched = ns(u"twice"_s);
    KV_VERIFY_OK(fetched);
    QCOMPARE(fetched->plan, u"free"_s); // the failed create did not change the plan
}

void TestKvService::listNamespacesWithCounters()
{
    KV_VERIFY_OK(m_service->createNamespace(u"beta"_s));
    KV_VERIFY_OK(m_service->createNamespace(u"alpha"_s, u"pro"_s));
    // A namespace counts key + value + compact metadata bytes.
    KV_VERIFY_OK(m_service->put(u"alpha"_s, putRequest(u"k1"_s, "hello"_ba))); // 2 + 5 = 7
    KV_VERIFY_OK(m_service->put(u"alpha"_s, putRequest(u"k2"_s, "abc"_ba, QJsonObject { { u"t"_s, 1 } }))); // 2+3+7
    KV_VERIFY_OK(m_service->put(u"beta"_s, putRequest(u"x"_s, QByteArray()))); // 1

    const auto all = m_service->listNamespaces();
    KV_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    // In id order.
    QCOMPARE(all->at(0).id, u"alpha"_s);
    QCOMPARE(all->at(1).id, u"app"_s);
    QCOMPARE(all->at(2).id, u"beta"_s);

    QCOMPARE(all->at(0).plan, u"pro"_s);
    QCOMPARE(all->at(0).keyCount, 2);
    QCOMPARE(all->at(0).bytes, 19);
    QCOMPARE(all->at(1).plan, u"free"_s);
    QCOMPARE(all->at(1).keyCount, 0);
    QCOMPARE(all->at(1).bytes, 0);
    QCOMPARE(all->at(2).plan, u"free"_s);
    QCOMPARE(all->at(2).keyCount, 1);
    QCOMPARE(all->at(2).bytes, 1);
}

void TestKvService::countersFollowOverwritesAndRemoves()
{
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k1"_s, "hello"_ba))); // 7
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k2"_s, "abc"_ba, QJsonObject { { u"t"_s, 1 } }))); // 12
    QCOMPARE(ns()->keyCount, 2);
    QCOMPARE(ns()->bytes, 19);

    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k1"_s, "hi"_ba))); // 7 -> 4
    QCOMPARE(ns()->keyCount, 2);
    QCOMPARE(ns()->bytes, 16);

    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k2"_s, "abc"_ba))); // metadata dropped: 12 -> 5
    QCOMPARE(ns()->keyCount, 2);
    QCOMPARE(ns()->bytes, 9);

    const auto removed = m_service->remove(m_ns, u"k2"_s);
    KV_VERIFY_OK(removed);
    QCOMPARE(*removed, true);
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 4);

    // A failed conditional write changes nothing.
    KV_COMPARE_ERROR(m_service->put(m_ns,
                         putRequest(u"k1"_s, "a much longer value"_ba, {}, {}, Precondition::versionEquals(999'999))),
        ErrorCode::VersionConflict);
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 4);
}

void TestKvService::setNamespacePlan()
{
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "v"_ba)));
    const auto changed = m_service->setNamespacePlan(m_ns, u"pro"_s);
    KV_VERIFY_OK(changed);
    QCOMPARE(changed->id, m_ns);
    QCOMPARE(changed->plan, u"pro"_s);
    QCOMPARE(changed->keyCount, 1);
    QCOMPARE(changed->bytes, 2);
    QCOMPARE(ns()->plan, u"pro"_s);

    const auto unknown = m_service->setNamespacePlan(m_ns, u"gold"_s);
    KV_COMPARE_ERROR(unknown, ErrorCode::PlanNotFound);
    QCOMPARE(unknown.error().details().value(u"plan"_s).toString(), u"gold"_s);
    QCOMPARE(ns()->plan, u"pro"_s);

    KV_COMPARE_ERROR(m_service->setNamespacePlan(u"ghost"_s, u"business"_s), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->setNamespacePlan(u"Bad!"_s, u"pro"_s), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(ns(u"ghost"_s), ErrorCode::NamespaceNotFound);
}

void TestKvService::deleteNamespace()
{
    const QString doomed = u"doomed"_s;
    const QString keeper = u"keeper"_s;
    KV_VERIFY_OK(m_service->createNamespace(doomed));
    KV_VERIFY_OK(m_service->createNamespace(keeper));
    for (const QString& key : { u"k1"_s, u"k2"_s, u"k3"_s }) {
        KV_VERIFY_OK(m_service->put(doomed, putRequest(key, "v"_ba)));
        KV_VERIFY_OK(m_service->put(keeper, putRequest(key, "kept"_ba)));
    }

    KV_VERIFY_OK(m_service->deleteNamespace(doomed));
    KV_COMPARE_ERROR(ns(doomed), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->get(doomed, u"k1"_s), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->list(doomed, {}), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->deleteNamespace(doomed), ErrorCode::NamespaceNotFound);
    const auto all = m_service->listNamespaces();
    KV_VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).id, m_ns);
    QCOMPARE(all->at(1).id, keeper);

    // The keys went with it: a namespace created again under the same id starts empty.
    const auto again = m_service->createNamespace(doomed);
    KV_VERIFY_OK(again);
    QCOMPARE(ns(doomed)->keyCount, 0);
    QCOMPARE(ns(doomed)->bytes, 0);
    KV_COMPARE_ERROR(m_service->get(doomed, u"k1"_s), ErrorCode::KeyNotFound);
    const auto listed = m_service->list(doomed, {});
    KV_VERIFY_OK(listed);
    QCOMPARE(listed->keys.size(), 0);

    // Other namespaces' keys of the same names are untouched.
    const auto kept = m_service->get(keeper, u"k2"_s);
    KV_VERIFY_OK(kept);
    QCOMPARE(kept->value, "kept"_ba);
    QCOMPARE(ns(keeper)->keyCount, 3);

    KV_COMPARE_ERROR(m_service->deleteNamespace(u"Bad!"_s), ErrorCode::InvalidNamespace);
}

// Entries -------------------------------------------------------------------------------------

void TestKvService::putGetRoundTrip()
{
    const QByteArray value("a\0b\xff\n", 5);
    const QJsonObject metadata { { u"type"_s, u"user"_s }, { u"tags"_s, QJsonArray { u"a"_s, u"b"_s } }, { u"n"_s, 42 },
        { u"nested"_s, QJsonObject { { u"ok"_s, true } } } };
    m_clock.advanceSeconds(5);
    const auto put = m_service->put(m_ns, putRequest(u"user/42"_s, value, metadata));
    KV_VERIFY_OK(put);
    QVERIFY(put->version > 0);
    QVERIFY(!put->expiresAt.has_value());

    m_clock.advanceSeconds(5);
    const auto entry = m_service->get(m_ns, u"user/42"_s);
    KV_VERIFY_OK(entry);
    QCOMPARE(entry->key, u"user/42"_s);
    QCOMPARE(entry->value, value);
    QCOMPARE(entry->value.size(), 5);
    QCOMPARE(entry->metadata, metadata);
    QVERIFY(!entry->expiresAt.has_value());
    QCOMPARE(entry->version, put->version);
    QCOMPARE(entry->updatedAt, kStart + 5000); // when written, not when read
}

void TestKvService::putGetEmptyValueAndMetadata()
{
    const auto put = m_service->put(m_ns, putRequest(u"empty"_s, QByteArray()));
    KV_VERIFY_OK(put);
    const auto entry = m_service->get(m_ns, u"empty"_s);
    KV_VERIFY_OK(entry);
    QCOMPARE(entry->value.size(), 0);
    QVERIFY(entry->metadata.isEmpty());
    QCOMPARE(entry->version, put->version);
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 5); // the key alone
}

void TestKvService::versionsIncreaseOnEveryWrite()
{
    const auto v1 = m_service->put(m_ns, putRequest(u"k1"_s, "1"_ba));
    KV_VERIFY_OK(v1);
    const auto v2 = m_service->put(m_ns, putRequest(u"k1"_s, "2"_ba));
    KV_VERIFY_OK(v2);
    QVERIFY2(v2->version > v1->version, "an overwrite must raise the version");
    const auto v3 = m_service->put(m_ns, putRequest(u"k2"_s, "3"_ba));
    KV_VERIFY_OK(v3);
    QVERIFY2(v3->version > v2->version, "versions are store-wide");

    // Delete and write again: the key never gets an old version back (no ABA for If-Match).
    KV_VERIFY_OK(m_service->remove(m_ns, u"k1"_s));
    const auto v4 = m_service->put(m_ns, putRequest(u"k1"_s, "4"_ba));
    KV_VERIFY_OK(v4);
    QVERIFY(v4->version > v3->version);
    QCOMPARE(m_service->get(m_ns, u"k1"_s)->version, v4->version);
    QCOMPARE(m_service->get(m_ns, u"k2"_s)->version, v3->version);

    // A write in another namespace raises it too.
    KV_VERIFY_OK(m_service->createNamespace(u"other"_s));
    const auto v5 = m_service->put(u"other"_s, putRequest(u"k1"_s, "5"_ba));
    KV_VERIFY_OK(v5);
    QVERIFY(v5->version > v4->version);
}

void TestKvService::getMissingKey()
{
    const auto missing = m_service->get(m_ns, u"nope"_s);
    KV_COMPARE_ERROR(missing, ErrorCode::KeyNotFound);
    QCOMPARE(missing.error().details().value(u"key"_s).toString(), u"nope"_s);
    QCOMPARE(missing.error().details().value(u"namespace"_s).toString(), m_ns);
}

void TestKvService::validKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("one byte") << u"k"_s;
    QTest::newRow("slashes and spaces") << u"a b/c:d"_s;
    QTest::newRow("512 ASCII bytes") << QString(512, u'k');
    QTest::newRow("512 bytes of two-byte UTF-8") << QString(256, u'\u00e9');
    QTest::newRow("emoji") << u"smile \U0001F600"_s;
}

void TestKvService::validKeys()
{
    QFETCH(QString, key);
    const auto put = m_service->put(m_ns, putRequest(key, "v"_ba));
    KV_VERIFY_OK(put);
    const auto entry = m_service->get(m_ns, key);
    KV_VERIFY_OK(entry);
    QCOMPARE(entry->key, key);
    QCOMPARE(entry->version, put->version);
    const auto removed = m_service->remove(m_ns, key);
    KV_VERIFY_OK(removed);
    QCOMPARE(*removed, true);
}

void TestKvService::invalidKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("newline") << u"a\nb"_s;
    QTest::newRow("NUL") << QString(QChar(u'\0'));
    QTest::newRow("DEL") << u"a\u007fb"_s;
    QTest::newRow("C1 control") << u"a\u0085b"_s;
    QTest::newRow("lone high surrogate") << QString(QChar(char16_t(0xd800)));
    QTest::newRow("lone low surrogate") << (u"a"_s + QChar(char16_t(0xdc00)));
    QTest::newRow("513 ASCII bytes") << QString(513, u'k');
    QTest::newRow("514 bytes of two-byte UTF-8") << QString(257, u'\u00e9');
}

void TestKvService::invalidKey()
{
    QFETCH(QString, key);
    KV_COMPARE_ERROR(m_service->put(m_ns, putRequest(key, "v"_ba)), ErrorCode::InvalidKey);
    KV_COMPARE_ERROR(m_service->get(m_ns, key), ErrorCode::InvalidKey);
    KV_COMPARE_ERROR(m_service->remove(m_ns, key), ErrorCode::InvalidKey);
    QCOMPARE(ns()->keyCount, 0);
}

void TestKvService::valueTooLarge()
{
    const auto atLimit = m_service->put(m_ns, putRequest(u"k"_s, QByteArray(1000, 'x')));
    KV_VERIFY_OK(atLimit);

    const auto over = m_service->put(m_ns, putRequest(u"k"_s, QByteArray(1001, 'y')));
    KV_COMPARE_ERROR(over, ErrorCode::ValueTooLarge);
    QCOMPARE(over.error().details().value(u"bytes"_s).toInteger(), 1001);
    QCOMPARE(over.error().details().value(u"limit"_s).toInteger(), 1000);
    // The old value stays.
    const auto entry = m_service->get(m_ns, u"k"_s);
    KV_VERIFY_OK(entry);
    QCOMPARE(entry->value, QByteArray(1000, 'x'));
    QCOMPARE(entry->version, atLimit->version);

    KV_COMPARE_ERROR(m_service->put(m_ns, putRequest(u"new"_s, QByteArray(1001, 'y'))), ErrorCode::ValueTooLarge);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"new"_s), ErrorCode::KeyNotFound);
}

void TestKvService::metadataTooLarge()
{
    // {"m":"<n characters>"} is n + 8 bytes as compact JSON; the limit is 1024.
    const QJsonObject atLimit { { u"m"_s, QString(1016, u'x') } };
    const QJsonObject over { { u"m"_s, QString(1017, u'x') } };
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "v"_ba, atLimit)));
    QCOMPARE(m_service->get(m_ns, u"k"_s)->metadata, atLimit);

    const auto rejected = m_service->put(m_ns, putRequest(u"k2"_s, "v"_ba, over));
    KV_COMPARE_ERROR(rejected, ErrorCode::MetadataTooLarge);
    QCOMPARE(rejected.error().details().value(u"bytes"_s).toInteger(), 1025);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"k2"_s), ErrorCode::KeyNotFound);
}

void TestKvService::missingNamespace()
{
    const QString ghost = u"ghost"_s;
    KV_COMPARE_ERROR(m_service->get(ghost, u"k"_s), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->put(ghost, putRequest(u"k"_s, "v"_ba)), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->remove(ghost, u"k"_s), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->list(ghost, {}), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->getMany(ghost, { u"k"_s }), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->putMany(ghost, { putRequest(u"k"_s, "v"_ba) }), ErrorCode::NamespaceNotFound);
    KV_COMPARE_ERROR(m_service->removeMany(ghost, { DeleteRequest { u"k"_s, {} } }), ErrorCode::NamespaceNotFound);
    // A write did not create it on the way.
    KV_COMPARE_ERROR(ns(ghost), ErrorCode::NamespaceNotFound);
}

void TestKvService::invalidNamespaceInEntryCalls()
{
    const QString bad = u"Not Valid"_s;
    KV_COMPARE_ERROR(m_service->get(bad, u"k"_s), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(m_service->put(bad, putRequest(u"k"_s, "v"_ba)), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(m_service->remove(bad, u"k"_s), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(m_service->list(bad, {}), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(m_service->getMany(bad, { u"k"_s }), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(m_service->putMany(bad, { putRequest(u"k"_s, "v"_ba) }), ErrorCode::InvalidNamespace);
    KV_COMPARE_ERROR(m_service->removeMany(bad, { DeleteRequest { u"k"_s, {} } }), ErrorCode::InvalidNamespace);
}

// TTL -----------------------------------------------------------------------------------------

void TestKvService::ttlExpiresExactlyOnTime()
{
    const auto put = m_service->put(m_ns, putRequest(u"session"_s, "token"_ba, {}, ttl(60)));
    KV_VERIFY_OK(put);
    QCOMPARE(put->expiresAt.value_or(-1), kStart + 60'000);

    const auto fresh = m_service->get(m_ns, u"session"_s);
    KV_VERIFY_OK(fresh);
    QCOMPARE(fresh->expiresAt.value_or(-1), kStart + 60'000);

    m_clock.advanceSeconds(59);
    KV_VERIFY_OK(m_service->get(m_ns, u"session"_s));
    m_clock.advanceMs(999);
    KV_VERIFY_OK(m_service->get(m_ns, u"session"_s));
    QCOMPARE(keysOf(*m_service->list(m_ns, {})), QStringList { u"session"_s });

    // At exactly 60 s it is gone for every read, without waiting for a purge.
    m_clock.advanceMs(1);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"session"_s), ErrorCode::KeyNotFound);
    const auto listed = m_service->list(m_ns, {});
    KV_VERIFY_OK(listed);
    QCOMPARE(listed->keys.size(), 0);
    QVERIFY(listed->cursor.isEmpty());
    const auto many = m_service->getMany(m_ns, { u"session"_s });
    KV_VERIFY_OK(many);
    KV_COMPARE_ITEM_ERROR(many->at(0), ErrorCode::KeyNotFound);
}

void TestKvService::validExpiry_data()
{
    QTest::addColumn<std::optional<qint64>>("ttlSeconds");
    QTest::addColumn<std::optional<qint64>>("expirationSeconds");
    QTest::addColumn<qint64>("expiresAt");
    QTest::newRow("ttl at the minimum") << std::optional<qint64>(60) << std::optional<qint64>() << kStart + 60'000;
    QTest::newRow("ttl of a day") << std::optional<qint64>(86'400) << std::optional<qint64>() << kStart + 86'400'000;
    QTest::newRow("expiration 60 s ahead")
        << std::optional<qint64>() << std::optional<qint64>(kStartSeconds + 60) << kStart + 60'000;
    QTest::newRow("expiration a year ahead")
        << std::optional<qint64>() << std::optional<qint64>(kStartSeconds + 31'536'000) << kStart + 31'536'000'000;
}

void TestKvService::validExpiry()
{
    QFETCH(std::optional<qint64>, ttlSeconds);
    QFETCH(std::optional<qint64>, expirationSeconds);
    QFETCH(qint64, expiresAt);
    const auto put
        = m_service->put(m_ns, putRequest(u"k"_s, "v"_ba, {}, ExpiryRequest { ttlSeconds, expirationSeconds }));
    KV_VERIFY_OK(put);
    QCOMPARE(put->expiresAt.value_or(-1), expiresAt);
    QCOMPARE(m_service->get(m_ns, u"k"_s)->expiresAt.value_or(-1), expiresAt);
}

void TestKvService::invalidExpiry_data()
{
    QTest::addColumn<std::optional<qint64>>("ttlSeconds");
    QTest::addColumn<std::optional<qint64>>("expirationSeconds");
    QTest::addColumn<ErrorCode>("code");
    const std::optional<qint64> none;
    QTest::newRow("ttl 59") << std::optional<qint64>(59) << none << ErrorCode::InvalidTtl;
    QTest::newRow("ttl 0") << std::optional<qint64>(0) << none << ErrorCode::InvalidTtl;
    QTest::newRow("negative ttl") << std::optional<qint64>(-60) << none << ErrorCode::InvalidTtl;
    QTest::newRow("ttl too far out") << std::optional<qint64>(std::numeric_limits<qint64>::max()) << none
                                     << ErrorCode::InvalidTtl;
    QTest::newRow("expiration in the past")
        << none << std::optional<qint64>(kStartSeconds - 1) << ErrorCode::InvalidExpiration;
    QTest::newRow("expiration now") << none << std::optional<qint64>(kStartSeconds) << ErrorCode::InvalidExpiration;
    QTest::newRow("expiration 59 s ahead")
        << none << std::optional<qint64>(kStartSeconds + 59) << ErrorCode::InvalidExpiration;
    QTest::newRow("expiration 0") << none << std::optional<qint64>(0) << ErrorCode::InvalidExpiration;
    QTest::newRow("expiration most negative")
        << none << std::optional<qint64>(std::numeric_limits<qint64>::min()) << ErrorCode::InvalidExpiration;
    // Times 1000 this wraps modulo 2^64 to kStart + 100,616 ms: it must not pass for a time 100 s ahead.
    QTest::newRow("negative expiration that overflows")
        << none << std::optional<qint64>(-18'446'742'373'709'451) << ErrorCode::InvalidExpiration;
    QTest::newRow("expiration too far out")
        << none << std::optional<qint64>(std::numeric_limits<qint64>::max()) << ErrorCode::InvalidExpiration;
    QTest::newRow("both") << std::optional<qint64>(3600) << std::optional<qint64>(kStartSeconds + 3600)
                          << ErrorCode::InvalidExpiration;
}

void TestKvService::invalidExpiry()
{
    QFETCH(std::optional<qint64>, ttlSeconds);
    QFETCH(std::optional<qint64>, expirationSeconds);
    QFETCH(ErrorCode, code);
    KV_COMPARE_ERROR(
        m_service->put(m_ns, putRequest(u"k"_s, "v"_ba, {}, ExpiryRequest { ttlSeconds, expirationSeconds })), code);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"k"_s), ErrorCode::KeyNotFound);
    QCOMPARE(ns()->keyCount, 0);
}

void TestKvService::purgeExpiredUpdatesCounters()
{
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"keep"_s, "v1"_ba))); // 6 bytes
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"temp"_s, "value"_ba, {}, ttl(60)))); // 9 bytes
    QCOMPARE(ns()->keyCount, 2);
    QCOMPARE(ns()->bytes, 15);

    const auto early = m_service->purgeExpired();
    KV_VERIFY_OK(early);
    QCOMPARE(*early, 0);

    m_clock.advanceSeconds(60);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"temp"_s), ErrorCode::KeyNotFound);
    // Expired but not yet purged: still counted, as the store documents.
    QCOMPARE(ns()->keyCount, 2);
    QCOMPARE(ns()->bytes, 15);

    const auto purged = m_service->purgeExpired();
    KV_VERIFY_OK(purged);
    QCOMPARE(*purged, 1);
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 6);
    KV_VERIFY_OK(m_service->get(m_ns, u"keep"_s));

    const auto again = m_service->purgeExpired();
    KV_VERIFY_OK(again);
    QCOMPARE(*again, 0);
    QCOMPARE(ns()->keyCount, 1);
}

void TestKvService::purgeExpiredHonoursMax()
{
    QList<PutRequest> batch;
    for (int i = 0; i < 5; ++i) {
        batch.append(putRequest(numbered(u"t/"_s, i), "v"_ba, {}, ttl(60)));
    }
    const auto written = m_service->putMany(m_ns, batch);
    KV_VERIFY_OK(written);
    QVERIFY(written->committed);
    m_clock.advanceSeconds(60);
    QCOMPARE(*m_service->purgeExpired(2), 2);
    QCOMPARE(ns()->keyCount, 3);
    QCOMPARE(*m_service->purgeExpired(2), 2);
    QCOMPARE(*m_service->purgeExpired(2), 1);
    QCOMPARE(*m_service->purgeExpired(2), 0);
    QCOMPARE(ns()->keyCount, 0);
    QCOMPARE(ns()->bytes, 0);
}

void TestKvService::overwriteWithoutTtlClearsExpiry()
{
    const auto first = m_service->put(m_ns, putRequest(u"k"_s, "v1"_ba, {}, ttl(60)));
    KV_VERIFY_OK(first);
    QVERIFY(first->expiresAt.has_value());

    const auto second = m_service->put(m_ns, putRequest(u"k"_s, "v2"_ba));
    KV_VERIFY_OK(second);
    QVERIFY(!second->expiresAt.has_value());
    QVERIFY(!m_service->get(m_ns, u"k"_s)->expiresAt.has_value());

    m_clock.advanceSeconds(3600);
    const auto entry = m_service->get(m_ns, u"k"_s);
    KV_VERIFY_OK(entry);
    QCOMPARE(entry->value, "v2"_ba);
    QCOMPARE(*m_service->purgeExpired(), 0);
    QCOMPARE(ns()->keyCount, 1);
}

void TestKvService::writeOverExpiredEntryKeepsCounters()
{
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "old-value"_ba, {}, ttl(60)))); // 10 bytes
    m_clock.advanceSeconds(60);
    // The expired row is replaced, not added to: one key, the new bytes.
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "new"_ba))); // 4 bytes
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 4);
    QCOMPARE(*m_service->purgeExpired(), 0);

    // Removing an expired entry reports "not found" but still takes it out of the counters.
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"e"_s, "x"_ba, {}, ttl(60))));
    QCOMPARE(ns()->keyCount, 2);
    m_clock.advanceSeconds(60);
    const auto removed = m_service->remove(m_ns, u"e"_s);
    KV_VERIFY_OK(removed);
    QCOMPARE(*removed, false);
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 4);
}

// Conditional writes ----------------------------------------------------------------------------

void TestKvService::putVersionEqualsCurrent()
{
    const auto v1 = m_service->put(m_ns, putRequest(u"k"_s, "1"_ba));
    KV_VERIFY_OK(v1);
    const auto v2 = m_service->put(m_ns, putRequest(u"k"_s, "2"_ba, {}, {}, Precondition::versionEquals(v1->version)));
    KV_VERIFY_OK(v2);
    QVERIFY(v2->version > v1->version);
    const auto entry = m_service->get(m_ns, u"k"_s);
    QCOMPARE(entry->value, "2"_ba);
    QCOMPARE(entry->version, v2->version);
}

void TestKvService::putVersionEqualsStale()
{
    const auto v1 = m_service->put(m_ns, putRequest(u"k"_s, "1"_ba));
    KV_VERIFY_OK(v1);
    const auto v2 = m_service->put(m_ns, putRequest(u"k"_s, "2"_ba));
    KV_VERIFY_OK(v2);

    const auto stale
        = m_service->put(m_ns, putRequest(u"k"_s, "3"_ba, {}, {}, Precondition::versionEquals(v1->version)));
    KV_COMPARE_ERROR(stale, ErrorCode::VersionConflict);
    QCOMPARE(stale.error().details().value(u"currentVersion"_s).toInteger(), v2->version);
    QCOMPARE(stale.error().details().value(u"expectedVersion"_s).toInteger(), v1->version);
    QCOMPARE(stale.error().details().value(u"key"_s).toString(), u"k"_s);

    const auto entry = m_service->get(m_ns, u"k"_s);
    QCOMPARE(entry->value, "2"_ba);
    QCOMPARE(entry->version, v2->version);
}

void TestKvService::putVersionEqualsMissingOrExpired()
{
    const auto missing = m_service->put(m_ns, putRequest(u"nope"_s, "v"_ba, {}, {}, Precondition::versionEquals(1)));
    KV_COMPARE_ERROR(missing, ErrorCode::VersionConflict);
    QCOMPARE(missing.error().details().value(u"currentVersion"_s).toInteger(), 0);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"nope"_s), ErrorCode::KeyNotFound);

    // An expired entry counts as absent, even though its row is still stored.
    const auto v1 = m_service->put(m_ns, putRequest(u"k"_s, "v"_ba, {}, ttl(60)));
    KV_VERIFY_OK(v1);
    m_clock.advanceSeconds(60);
    const auto expired
        = m_service->put(m_ns, putRequest(u"k"_s, "v2"_ba, {}, {}, Precondition::versionEquals(v1->version)));
    KV_COMPARE_ERROR(expired, ErrorCode::VersionConflict);
    QCOMPARE(expired.error().details().value(u"currentVersion"_s).toInteger(), 0);
}

void TestKvService::putAbsent()
{
    const auto created = m_service->put(m_ns, putRequest(u"k"_s, "1"_ba, {}, {}, Precondition::absent()));
    KV_VERIFY_OK(created);
    QVERIFY(created->version > 0);

    const auto exists = m_service->put(m_ns, putRequest(u"k"_s, "2"_ba, {}, {}, Precondition::absent()));
    KV_COMPARE_ERROR(exists, ErrorCode::KeyExists);
    QCOMPARE(exists.error().details().value(u"currentVersion"_s).toInteger(), created->version);
    QCOMPARE(m_service->get(m_ns, u"k"_s)->value, "1"_ba);

    // Create-only succeeds over an entry that has expired but is not yet purged.
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"t"_s, "old"_ba, {}, ttl(60))));
    m_clock.advanceSeconds(60);
    const auto recreated = m_service->put(m_ns, putRequest(u"t"_s, "new"_ba, {}, {}, Precondition::absent()));
    KV_VERIFY_OK(recreated);
    const auto entry = m_service->get(m_ns, u"t"_s);
    KV_VERIFY_OK(entry);
    QCOMPARE(entry->value, "new"_ba);
    QVERIFY(!entry->expiresAt.has_value());
    QCOMPARE(entry->version, recreated->version);
}

void TestKvService::removeVersionEquals()
{
    const auto v1 = m_service->put(m_ns, putRequest(u"k"_s, "1"_ba));
    KV_VERIFY_OK(v1);

    const auto wrong = m_service->remove(m_ns, u"k"_s, Precondition::versionEquals(v1->version + 1));
    KV_COMPARE_ERROR(wrong, ErrorCode::VersionConflict);
    QCOMPARE(wrong.error().details().value(u"currentVersion"_s).toInteger(), v1->version);
    KV_VERIFY_OK(m_service->get(m_ns, u"k"_s));
    QCOMPARE(ns()->keyCount, 1);

    const auto right = m_service->remove(m_ns, u"k"_s, Precondition::versionEquals(v1->version));
    KV_VERIFY_OK(right);
    QCOMPARE(*right, true);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"k"_s), ErrorCode::KeyNotFound);
    QCOMPARE(ns()->keyCount, 0);

    // The same version again: the key is gone now.
    KV_COMPARE_ERROR(
        m_service->remove(m_ns, u"k"_s, Precondition::versionEquals(v1->version)), ErrorCode::VersionConflict);
}

void TestKvService::removeMissingKeyUnconditionally()
{
    const auto removed = m_service->remove(m_ns, u"never-written"_s);
    KV_VERIFY_OK(removed);
    QCOMPARE(*removed, false);

    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "v"_ba)));
    QCOMPARE(*m_service->remove(m_ns, u"k"_s), true);
    QCOMPARE(*m_service->remove(m_ns, u"k"_s), false);
}

void TestKvService::nonPositiveExpectedVersion_data()
{
    QTest::addColumn<qint64>("version");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("minus one") << qint64(-1);
    QTest::newRow("most negative") << std::numeric_limits<qint64>::min();
}

void TestKvService::nonPositiveExpectedVersion()
{
    QFETCH(qint64, version);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "v"_ba)));
    KV_COMPARE_ERROR(m_service->put(m_ns, putRequest(u"k"_s, "v2"_ba, {}, {}, Precondition::versionEquals(version))),
        ErrorCode::BadRequest);
    KV_COMPARE_ERROR(m_service->remove(m_ns, u"k"_s, Precondition::versionEquals(version)), ErrorCode::BadRequest);
    QCOMPARE(m_service->get(m_ns, u"k"_s)->value, "v"_ba);
}

// Batches -------------------------------------------------------------------------------------

void TestKvService::putManyCommits()
{
    const QList<PutRequest> requests { putRequest(u"a"_s, "1"_ba), putRequest(u"b"_s, "22"_ba, {}, ttl(120)),
        putRequest(u"c"_s, "333"_ba, QJsonObject { { u"x"_s, 1 } }) };
    const auto batch = m_service->putMany(m_ns, requests);
    KV_VERIFY_OK(batch);
    QVERIFY(batch->committed);
    QCOMPARE(batch->items.size(), 3);
    qint64 previous = 0;
    for (qsizetype i = 0; i < 3; ++i) {
        const ItemResult& item = batch->items.at(i);
        QVERIFY2(item.ok(), qPrintable(describe(item)));
        QCOMPARE(item.key, requests.at(i).key);
        QVERIFY(item.found);
        QVERIFY2(item.version > previous, "each item gets its own, increasing version");
        previous = item.version;
        const auto entry = m_service->get(m_ns, item.key);
        KV_VERIFY_OK(entry);
        QCOMPARE(entry->version, item.version);
        QCOMPARE(entry->value, requests.at(i).value);
    }
    QVERIFY(!batch->items.at(0).expiresAt.has_value());
    QCOMPARE(batch->items.at(1).expiresAt.value_or(-1), kStart + 120'000);
    QCOMPARE(m_service->get(m_ns, u"c"_s)->metadata, (QJsonObject { { u"x"_s, 1 } }));
    QCOMPARE(ns()->keyCount, 3);
}

void TestKvService::putManySameKeyTwice()
{
    const auto batch = m_service->putMany(m_ns, { putRequest(u"k"_s, "first"_ba), putRequest(u"k"_s, "second"_ba) });
    KV_VERIFY_OK(batch);
    QVERIFY(batch->committed);
    QVERIFY(batch->items.at(1).version > batch->items.at(0).version);
    const auto entry = m_service->get(m_ns, u"k"_s);
    QCOMPARE(entry->value, "second"_ba);
    QCOMPARE(entry->version, batch->items.at(1).version);
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 7);
}

void TestKvService::putManyInvalidItemRejectsBatch_data()
{
    QTest::addColumn<PutRequest>("invalid");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("invalid key") << putRequest(QString(), "v"_ba) << ErrorCode::InvalidKey;
    QTest::newRow("control character in key") << putRequest(u"a\tb"_s, "v"_ba) << ErrorCode::InvalidKey;
    QTest::newRow("value too large") << putRequest(u"big"_s, QByteArray(1001, 'v')) << ErrorCode::ValueTooLarge;
    QTest::newRow("metadata too large") << putRequest(
        u"meta"_s, "v"_ba, QJsonObject { { u"m"_s, QString(2000, u'x') } })
                                        << ErrorCode::MetadataTooLarge;
    QTest::newRow("ttl too short") << putRequest(u"ttl"_s, "v"_ba, {}, ttl(59)) << ErrorCode::InvalidTtl;
    QTest::newRow("expiration in the past")
        << putRequest(u"exp"_s, "v"_ba, {}, expiration(kStartSeconds - 10)) << ErrorCode::InvalidExpiration;
    QTest::newRow("expected version 0") << putRequest(u"pre"_s, "v"_ba, {}, {}, Precondition::versionEquals(0))
                                        << ErrorCode::BadRequest;
}

void TestKvService::putManyInvalidItemRejectsBatch()
{
    QFETCH(PutRequest, invalid);
    QFETCH(ErrorCode, code);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"existing"_s, "old"_ba)));
    const auto before = ns();
    KV_VERIFY_OK(before);

    const QList<PutRequest> requests { putRequest(u"n1"_s, "1"_ba), invalid, putRequest(u"existing"_s, "new"_ba) };
    const auto batch = m_service->putMany(m_ns, requests);
    KV_VERIFY_OK(batch); // a rejected batch is a result, not a failed call
    QVERIFY(!batch->committed);
    QCOMPARE(batch->items.size(), 3);
    KV_COMPARE_ITEM_ERROR(batch->items.at(1), code);
    KV_COMPARE_ITEM_ERROR(batch->items.at(0), ErrorCode::BatchRejected);
    KV_COMPARE_ITEM_ERROR(batch->items.at(2), ErrorCode::BatchRejected);
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(batch->items.at(i).key, requests.at(i).key);
        QCOMPARE(batch->items.at(i).version, 0);
    }

    KV_COMPARE_ERROR(m_service->get(m_ns, u"n1"_s), ErrorCode::KeyNotFound);
    if (code != ErrorCode::InvalidKey) {
        KV_COMPARE_ERROR(m_service->get(m_ns, invalid.key), ErrorCode::KeyNotFound);
    }
    QCOMPARE(m_service->get(m_ns, u"existing"_s)->value, "old"_ba);
    QCOMPARE(ns()->keyCount, before->keyCount);
    QCOMPARE(ns()->bytes, before->bytes);
}

void TestKvService::putManyPreconditionFailureRejectsBatch()
{
    const auto x1 = m_service->put(m_ns, putRequest(u"x"_s, "x1"_ba));
    KV_VERIFY_OK(x1);
    const auto x2 = m_service->put(m_ns, putRequest(u"x"_s, "x2"_ba));
    KV_VERIFY_OK(x2);
    const auto before = ns();
    KV_VERIFY_OK(before);

    {
        const auto batch = m_service->putMany(m_ns,
            { putRequest(u"n1"_s, "1"_ba),
                putRequest(u"x"_s, "x3"_ba, {}, {}, Precondition::versionEquals(x1->version)),
                putRequest(u"n3"_s, "3"_ba) });
        KV_VERIFY_OK(batch);
        QVERIFY(!batch->committed);
        KV_COMPARE_ITEM_ERROR(batch->items.at(0), ErrorCode::BatchRejected);
        KV_COMPARE_ITEM_ERROR(batch->items.at(1), ErrorCode::VersionConflict);
        QCOMPARE(batch->items.at(1).error->details().value(u"currentVersion"_s).toInteger(), x2->version);
        KV_COMPARE_ITEM_ERROR(batch->items.at(2), ErrorCode::BatchRejected);
    }
    {
        // Item 1 overwrites x before item 2 fails: the transaction must roll that back too.
        const auto batch = m_service->putMany(m_ns,
            { putRequest(u"x"_s, "overwritten"_ba), putRequest(u"x"_s, "x4"_ba, {}, {}, Precondition::absent()),
                putRequest(u"n3"_s, "3"_ba) });
        KV_VERIFY_OK(batch);
        QVERIFY(!batch->committed);
        KV_COMPARE_ITEM_ERROR(batch->items.at(0), ErrorCode::BatchRejected);
        KV_COMPARE_ITEM_ERROR(batch->items.at(1), ErrorCode::KeyExists);
        KV_COMPARE_ITEM_ERROR(batch->items.at(2), ErrorCode::BatchRejected);
    }

    KV_COMPARE_ERROR(m_service->get(m_ns, u"n1"_s), ErrorCode::KeyNotFound);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"n3"_s), ErrorCode::KeyNotFound);
    const auto x = m_service->get(m_ns, u"x"_s);
    KV_VERIFY_OK(x);
    QCOMPARE(x->value, "x2"_ba);
    QCOMPARE(x->version, x2->version);
    QCOMPARE(ns()->keyCount, before->keyCount);
    QCOMPARE(ns()->bytes, before->bytes);

    // The next write still gets a version above every committed one.
    const auto next = m_service->put(m_ns, putRequest(u"y"_s, "y"_ba));
    KV_VERIFY_OK(next);
    QVERIFY(next->version > x2->version);
}

void TestKvService::putManyReportsEveryFailingItem()
{
    const auto x = m_service->put(m_ns, putRequest(u"x"_s, "x"_ba));
    KV_VERIFY_OK(x);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"y"_s, "y"_ba)));

    const auto batch = m_service->putMany(m_ns,
        { putRequest(u"x"_s, "x2"_ba, {}, {}, Precondition::versionEquals(x->version + 100)),
            putRequest(u"fine"_s, "f"_ba), putRequest(u"y"_s, "y2"_ba, {}, {}, Precondition::absent()) });
    KV_VERIFY_OK(batch);
    QVERIFY(!batch->committed);
    KV_COMPARE_ITEM_ERROR(batch->items.at(0), ErrorCode::VersionConflict);
    KV_COMPARE_ITEM_ERROR(batch->items.at(1), ErrorCode::BatchRejected);
    KV_COMPARE_ITEM_ERROR(batch->items.at(2), ErrorCode::KeyExists);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"fine"_s), ErrorCode::KeyNotFound);
}

void TestKvService::batchTooLarge()
{
    QList<PutRequest> puts;
    QList<DeleteRequest> deletes;
    QList<QString> keys;
    for (int i = 0; i < 10; ++i) {
        puts.append(putRequest(numbered(u"k"_s, i), "v"_ba));
        deletes.append(DeleteRequest { numbered(u"k"_s, i), {} });
        keys.append(numbered(u"k"_s, i));
    }
    // Exactly the limit of 10 is fine.
    const auto atLimit = m_service->putMany(m_ns, puts);
    KV_VERIFY_OK(atLimit);
    QVERIFY(atLimit->committed);
    KV_VERIFY_OK(m_service->getMany(m_ns, keys));

    puts.append(putRequest(u"k0010"_s, "v"_ba));
    deletes.append(DeleteRequest { u"k0010"_s, {} });
    keys.append(u"k0010"_s);
    const auto tooLarge = m_service->putMany(m_ns, puts);
    KV_COMPARE_ERROR(tooLarge, ErrorCode::BatchTooLarge);
    QCOMPARE(tooLarge.error().details().value(u"items"_s).toInteger(), 11);
    QCOMPARE(tooLarge.error().details().value(u"limit"_s).toInteger(), 10);
    KV_COMPARE_ERROR(m_service->removeMany(m_ns, deletes), ErrorCode::BatchTooLarge);
    KV_COMPARE_ERROR(m_service->getMany(m_ns, keys), ErrorCode::BatchTooLarge);
    QCOMPARE(ns()->keyCount, 10);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"k0010"_s), ErrorCode::KeyNotFound);
}

void TestKvService::emptyBatch()
{
    KV_COMPARE_ERROR(m_service->putMany(m_ns, {}), ErrorCode::InvalidBatch);
    KV_COMPARE_ERROR(m_service->removeMany(m_ns, {}), ErrorCode::InvalidBatch);
    KV_COMPARE_ERROR(m_service->getMany(m_ns, {}), ErrorCode::InvalidBatch);
}

void TestKvService::removeMany()
{
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"a"_s, "1"_ba)));
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"b"_s, "2"_ba)));
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"c"_s, "3"_ba)));

    const auto batch = m_service->removeMany(
        m_ns, { DeleteRequest { u"a"_s, {} }, DeleteRequest { u"missing"_s, {} }, DeleteRequest { u"b"_s, {} } });
    KV_VERIFY_OK(batch);
    QVERIFY(batch->committed);
    QCOMPARE(batch->items.size(), 3);
    for (const ItemResult& item : batch->items) {
        QVERIFY2(item.ok(), qPrintable(describe(item)));
    }
    QCOMPARE(batch->items.at(0).key, u"a"_s);
    QCOMPARE(batch->items.at(0).found, true);
    QCOMPARE(batch->items.at(1).key, u"missing"_s);
    QCOMPARE(batch->items.at(1).found, false);
    QCOMPARE(batch->items.at(2).key, u"b"_s);
    QCOMPARE(batch->items.at(2).found, true);

    KV_COMPARE_ERROR(m_service->get(m_ns, u"a"_s), ErrorCode::KeyNotFound);
    KV_COMPARE_ERROR(m_service->get(m_ns, u"b"_s), ErrorCode::KeyNotFound);
    KV_VERIFY_OK(m_service->get(m_ns, u"c"_s));
    QCOMPARE(ns()->keyCount, 1);
    QCOMPARE(ns()->bytes, 2);
}

void TestKvService::removeManyPreconditionFailure()
{
    const auto a = m_service->put(m_ns, putRequest(u"a"_s, "1"_ba));
    KV_VERIFY_OK(a);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"b"_s, "2"_ba)));

    const auto batch = m_service->removeMany(m_ns,
        { DeleteRequest { u"a"_s, Precondition::versionEquals(a->version) },
            DeleteRequest { u"b"_s, Precondition::versionEquals(a->version) } }); // b is at a later version
    KV_VERIFY_OK(batch);
    QVERIFY(!batch->committed);
    KV_COMPARE_ITEM_ERROR(batch->items.at(0), ErrorCode::BatchRejected);
    QCOMPARE(batch->items.at(0).found, false);
    KV_COMPARE_ITEM_ERROR(batch->items.at(1), ErrorCode::VersionConflict);
    KV_VERIFY_OK(m_service->get(m_ns, u"a"_s));
    KV_VERIFY_OK(m_service->get(m_ns, u"b"_s));
    QCOMPARE(ns()->keyCount, 2);

    const auto invalid = m_service->removeMany(m_ns, { DeleteRequest { u"a"_s, {} }, DeleteRequest { QString(), {} } });
    KV_VERIFY_OK(invalid);
    QVERIFY(!invalid->committed);
    KV_COMPARE_ITEM_ERROR(invalid->items.at(0), ErrorCode::BatchRejected);
    KV_COMPARE_ITEM_ERROR(invalid->items.at(1), ErrorCode::InvalidKey);
    KV_VERIFY_OK(m_service->get(m_ns, u"a"_s));
}

void TestKvService::getMany()
{
    const QJsonObject metadata { { u"colour"_s, u"blue"_s } };
    const auto a = m_service->put(m_ns, putRequest(u"a"_s, "alpha"_ba, metadata));
    KV_VERIFY_OK(a);
    const auto b = m_service->put(m_ns, putRequest(u"b"_s, "beta"_ba));
    KV_VERIFY_OK(b);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"expiring"_s, "e"_ba, {}, ttl(60))));
    m_clock.advanceSeconds(60);

    const QList<QString> keys { u"b"_s, u"missing"_s, QString(), u"a"_s, u"expiring"_s, u"b"_s };
    const auto items = m_service->getMany(m_ns, keys);
    KV_VERIFY_OK(items);
    QCOMPARE(items->size(), keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QCOMPARE(items->at(i).key, keys.at(i));
    }

    const ItemResult& first = items->at(0);
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    QVERIFY(first.found);
    QVERIFY(first.entry.has_value());
    QCOMPARE(first.entry->value, "beta"_ba);
    QCOMPARE(first.version, b->version);

    KV_COMPARE_ITEM_ERROR(items->at(1), ErrorCode::KeyNotFound);
    QVERIFY(!items->at(1).found);
    QVERIFY(!items->at(1).entry.has_value());

    KV_COMPARE_ITEM_ERROR(items->at(2), ErrorCode::InvalidKey);
    QVERIFY(!items->at(2).entry.has_value());

    const ItemResult& fourth = items->at(3);
    QVERIFY2(fourth.ok(), qPrintable(describe(fourth)));
    QCOMPARE(fourth.entry->value, "alpha"_ba);
    QCOMPARE(fourth.entry->metadata, metadata);
    QCOMPARE(fourth.entry->version, a->version);

    KV_COMPARE_ITEM_ERROR(items->at(4), ErrorCode::KeyNotFound);

    QVERIFY(items->at(5).ok());
    QCOMPARE(items->at(5).entry->value, "beta"_ba);

    // Every key invalid is still a result, item by item.
    const auto allInvalid = m_service->getMany(m_ns, { QString(), u"a\nb"_s });
    KV_VERIFY_OK(allInvalid);
    KV_COMPARE_ITEM_ERROR(allInvalid->at(0), ErrorCode::InvalidKey);
    KV_COMPARE_ITEM_ERROR(allInvalid->at(1), ErrorCode::InvalidKey);
}

// Listing -------------------------------------------------------------------------------------

void TestKvService::seedListing(KvService& service)
{
    QList<PutRequest> batch;
    for (const QString& prefix : { u"a/"_s, u"b/"_s }) {
        for (int i = 0; i < 1250; ++i) {
            batch.append(putRequest(numbered(prefix, i), "v"_ba));
        }
    }
    // Written in reverse (b/ first), so that the listing order cannot come from insertion order.
    std::reverse(batch.begin(), batch.end());
    const auto written = service.putMany(m_ns, batch);
    KV_VERIFY_OK(written);
    QVERIFY(written->committed);
    QCOMPARE(ns()->keyCount, 2500);
}

QList<kv::model::KeyPage> TestKvService::pages(
    KvService& service, const QString& prefix, qint64 limit, kv::model::KeyOrder order)
{
    QList<kv::model::KeyPage> result;
    ListRequest request { prefix, QString(), limit, order };
    // More pages than keys would mean the cursor never ends.
    for (int guard = 0; guard < 10'000; ++guard) {
        auto page = service.list(m_ns, request);
        if (!page) {
            qWarning("listing failed: %s", qPrintable(describe(page)));
            return result;
        }
        request.cursor = page->cursor;
        result.append(std::move(page.value()));
        if (request.cursor.isEmpty()) {
            break;
        }
    }
    return result;
}

void TestKvService::listPagesThroughPrefix()
{
    KvService service(*m_store, m_clock); // default limits: batches of 2,500, pages of 1,000
    seedListing(service);
    if (QTest::currentTestFailed()) {
        return;
    }

    const auto all = pages(service, u"a/"_s, 1000);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).keys.size(), 1000);
    QVERIFY(!all.at(0).cursor.isEmpty());
    QCOMPARE(all.at(1).keys.size(), 250);
    QVERIFY(all.at(1).cursor.isEmpty());
    QVERIFY(all.at(1).complete());

    QStringList listed;
    for (const auto& page : all) {
        listed += keysOf(page);
    }
    QStringList expected;
    for (int i = 0; i < 1250; ++i) {
        expected.append(numbered(u"a/"_s, i));
    }
    QCOMPARE(listed.size(), 1250);
    QCOMPARE(listed, expected);

    // No limit given: the default page size of 1,000.
    const auto firstDefault = service.list(m_ns, ListRequest { u"b/"_s, QString(), std::nullopt });
    KV_VERIFY_OK(firstDefault);
    QCOMPARE(firstDefault->keys.size(), 1000);
    QCOMPARE(firstDefault->keys.front().key, u"b/0000"_s);
    QCOMPARE(firstDefault->keys.back().key, u"b/0999"_s);

    // Without a prefix the listing covers both, a/ before b/.
    const auto everything = pages(service, QString(), 1000);
    QCOMPARE(everything.size(), 3);
    QCOMPARE(everything.at(2).keys.size(), 500);
    QCOMPARE(everything.at(1).keys.front().key, u"a/1000"_s);
    QCOMPARE(everything.at(1).keys.back().key, u"b/0749"_s);
    QCOMPARE(everything.at(2).keys.back().key, u"b/1249"_s);
}

void TestKvService::listExactMultipleOfLimit()
{
    KvService service(*m_store, m_clock);
    seedListing(service);
    if (QTest::currentTestFailed()) {
        return;
    }

    // 1,250 keys in pages of 625 and 250: the last full page already says it is the last.
    const auto halves = pages(service, u"a/"_s, 625);
    QCOMPARE(halves.size(), 2);
    QCOMPARE(halves.at(0).keys.size(), 625);
    QCOMPARE(halves.at(1).keys.size(), 625);
    QVERIFY(halves.at(1).cursor.isEmpty());

    const auto fifths = pages(service, u"a/"_s, 250);
    QCOMPARE(fifths.size(), 5);
    for (const auto& page : fifths) {
        QCOMPARE(page.keys.size(), 250);
    }
    QCOMPARE(fifths.at(4).keys.back().key, u"a/1249"_s);
    QVERIFY(fifths.at(4).cursor.isEmpty());

    // a/0 holds exactly 1,000 keys: one page, already complete.
    const auto thousand = pages(service, u"a/0"_s, 1000);
    QCOMPARE(thousand.size(), 1);
    QCOMPARE(thousand.at(0).keys.size(), 1000);
    QVERIFY(thousand.at(0).cursor.isEmpty());

    // An empty listing is one empty, complete page.
    const auto none = pages(service, u"c/"_s, 1000);
    QCOMPARE(none.size(), 1);
    QCOMPARE(none.at(0).keys.size(), 0);
    QVERIFY(none.at(0).cursor.isEmpty());

    // Limit 1 walks key by key.
    const auto single = pages(service, u"a/000"_s, 1);
    QCOMPARE(single.size(), 10);
    QCOMPARE(single.at(9).keys.front().key, u"a/0009"_s);
}

void TestKvService::listDescending()
{
    KvService service(*m_store, m_clock);
    seedListing(service);
    if (QTest::currentTestFailed()) {
        return;
    }
    using kv::model::KeyOrder;

    // a/1249 down to a/0000 in pages of 333: every key once, each page going down.
    const auto down = pages(service, u"a/"_s, 333, KeyOrder::Descending);
    QCOMPARE(down.size(), 4);
    QStringList listed;
    for (const auto& page : down) {
        listed += keysOf(page);
    }
    QCOMPARE(down.at(3).keys.size(), 1250 - 3 * 333);
    QVERIFY(down.at(3).complete());
    QStringList expected;
    for (int i = 1249; i >= 0; --i) {
        expected.append(numbered(u"a/"_s, i));
    }
    QCOMPARE(listed, expected);

    // Without a prefix, b/ comes first; a page boundary falls between the two prefixes.
    const auto everything = pages(service, QString(), 1000, KeyOrder::Descending);
    QCOMPARE(everything.size(), 3);
    QCOMPARE(everything.at(0).keys.front().key, u"b/1249"_s);
    QCOMPARE(everything.at(1).keys.front().key, u"b/0249"_s);
    QCOMPARE(everything.at(1).keys.back().key, u"a/0500"_s);
    QCOMPARE(everything.at(2).keys.back().key, u"a/0000"_s);
    QVERIFY(everything.at(2).complete());

    // An exact multiple ends on a full page that already says it is the last.
    const auto thousand = pages(service, u"a/0"_s, 1000, KeyOrder::Descending);
    QCOMPARE(thousand.size(), 1);
    QCOMPARE(thousand.at(0).keys.front().key, u"a/0999"_s);
    QVERIFY(thousand.at(0).complete());
}

void TestKvService::listCursorKeepsItsOrder()
{
    using kv::model::KeyOrder;
    for (const QString& key : { u"k1"_s, u"k2"_s, u"k3"_s, u"k4"_s }) {
        KV_VERIFY_OK(m_service->put(m_ns, putRequest(key, "v"_ba)));
    }
    const auto up = m_service->list(m_ns, ListRequest { u"k"_s, QString(), 2 });
    KV_VERIFY_OK(up);
    // Ascending cursors are what they were before listings had an order: base64url of the key,
    // so that a cursor handed out by an older kvd still pages on.
    QCOMPARE(up->cursor, cursorFor("k2"_ba));
    const auto down = m_service->list(m_ns, ListRequest { u"k"_s, QString(), 2, KeyOrder::Descending });
    KV_VERIFY_OK(down);
    QCOMPARE(keysOf(*down), (QStringList { u"k4"_s, u"k3"_s }));
    QVERIFY(down->cursor != cursorFor("k3"_ba));
    const auto downNext = m_service->list(m_ns, ListRequest { u"k"_s, down->cursor, 2, KeyOrder::Descending });
    KV_VERIFY_OK(downNext);
    QCOMPARE(keysOf(*downNext), (QStringList { u"k2"_s, u"k1"_s }));
    QVERIFY(downNext->complete());

    // A cursor names a place in one listing: with the other order it is refused, with a message
    // that says so and details a program can read.
    const auto mixedDown = m_service->list(m_ns, ListRequest { u"k"_s, up->cursor, 2, KeyOrder::Descending });
    KV_COMPARE_ERROR(mixedDown, ErrorCode::InvalidCursor);
    QVERIFY2(mixedDown.error().message().contains(u"ascending"_s), qPrintable(mixedDown.error().message()));
    QCOMPARE(mixedDown.error().details().value(u"cursorOrder"_s).toString(), u"asc"_s);
    QCOMPARE(mixedDown.error().details().value(u"order"_s).toString(), u"desc"_s);
    const auto mixedUp = m_service->list(m_ns, ListRequest { u"k"_s, down->cursor, 2, KeyOrder::Ascending });
    KV_COMPARE_ERROR(mixedUp, ErrorCode::InvalidCursor);
    QCOMPARE(mixedUp.error().details().value(u"cursorOrder"_s).toString(), u"desc"_s);
    QCOMPARE(mixedUp.error().details().value(u"order"_s).toString(), u"asc"_s);

    // The cursor round trip, for both orders.
    QCOMPARE(m_service->decodeCursor(KvService::encodeCursor(u"k\u00e9"_s, KeyOrder::Descending), KeyOrder::Descending)
                 .value(),
        u"k\u00e9"_s);
    QCOMPARE(m_service->decodeCursor(KvService::encodeCursor(u"k\u00e9"_s)).value(), u"k\u00e9"_s);
}

void TestKvService::listPrefixBounds()
{
    for (const QString& key : { u"a"_s, u"a/"_s, u"a/x"_s, u"a/\u00ff"_s, u"a0"_s, u"a."_s, u"b"_s }) {
        KV_VERIFY_OK(m_service->put(m_ns, putRequest(key, "v"_ba)));
    }
    const auto page = m_service->list(m_ns, ListRequest { u"a/"_s, QString(), 100 });
    KV_VERIFY_OK(page);
    QCOMPARE(keysOf(*page), (QStringList { u"a/"_s, u"a/x"_s, u"a/\u00ff"_s }));
    QVERIFY(page->cursor.isEmpty());

    // A cursor from before the prefix starts at the prefix; one past it gives nothing.
    const auto before = m_service->list(m_ns, ListRequest { u"a/"_s, KvService::encodeCursor(u"a"_s), 100 });
    KV_VERIFY_OK(before);
    QCOMPARE(keysOf(*before), (QStringList { u"a/"_s, u"a/x"_s, u"a/\u00ff"_s }));
    const auto after = m_service->list(m_ns, ListRequest { u"a/"_s, KvService::encodeCursor(u"a0"_s), 100 });
    KV_VERIFY_OK(after);
    QCOMPARE(after->keys.size(), 0);
}

void TestKvService::listByteOrderOfUtf8()
{
    // UTF-16 puts U+1F600 (a surrogate pair) before U+FF01; UTF-8 byte order, the documented
    // order, puts it after. A cursor between them must resume in the same order.
    const QStringList keys { u"k/\uff01"_s, u"k/\U0001F600"_s, u"k/z"_s, u"k/\u00e9"_s };
    for (const QString& key : keys) {
        KV_VERIFY_OK(m_service->put(m_ns, putRequest(key, "v"_ba)));
    }
    const QStringList expected { u"k/z"_s, u"k/\u00e9"_s, u"k/\uff01"_s, u"k/\U0001F600"_s };
    const auto whole = m_service->list(m_ns, ListRequest { u"k/"_s, QString(), 100 });
    KV_VERIFY_OK(whole);
    QCOMPARE(keysOf(*whole), expected);

    QStringList paged;
    for (const auto& page : pages(*m_service, u"k/"_s, 1)) {
        paged += keysOf(page);
    }
    QCOMPARE(paged, expected);
}

void TestKvService::listValidLimits_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::newRow("1") << qint64(1);
    QTest::newRow("1000") << qint64(1000);
}

void TestKvService::listValidLimits()
{
    QFETCH(qint64, limit);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "v"_ba)));
    const auto page = m_service->list(m_ns, ListRequest { QString(), QString(), limit });
    KV_VERIFY_OK(page);
    QCOMPARE(page->keys.size(), 1);
}

void TestKvService::listInvalidLimit_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("-1") << qint64(-1);
    QTest::newRow("1001") << qint64(1001);
    QTest::newRow("beyond int") << qint64(std::numeric_limits<int>::max()) + 1;
}

void TestKvService::listInvalidLimit()
{
    QFETCH(qint64, limit);
    KV_COMPARE_ERROR(m_service->list(m_ns, ListRequest { QString(), QString(), limit }), ErrorCode::InvalidLimit);
}

void TestKvService::listInvalidCursor_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("not base64") << u"!!!"_s;
    QTest::newRow("standard base64 alphabet") << u"a+/b"_s;
    QTest::newRow("base64 of invalid UTF-8") << cursorFor("\xff\xfe"_ba);
    QTest::newRow("base64 of a truncated sequence") << cursorFor("a\xc3"_ba);
    QTest::newRow("base64 of a control character") << cursorFor("a\x01"_ba);
    QTest::newRow("base64 of an overlong key") << cursorFor(QByteArray(513, 'k'));
    QTest::newRow("the descending mark alone") << cursorFor("\x01"_ba);
    QTest::newRow("the descending mark twice") << cursorFor("\x01\x01k"_ba);
    QTest::newRow("non-Latin-1") << u"\u043a\u043b\u044e\u0447"_s;
    QTest::newRow("far too long") << QString(4096, u'A');
}

void TestKvService::listInvalidCursor()
{
    QFETCH(QString, cursor);
    KV_VERIFY_OK(m_service->put(m_ns, putRequest(u"k"_s, "v"_ba)));
    KV_COMPARE_ERROR(m_service->list(m_ns, ListRequest { QString(), cursor, 10 }), ErrorCode::InvalidCursor);
    KV_COMPARE_ERROR(m_service->decodeCursor(cursor), ErrorCode::InvalidCursor);
}

void TestKvService::listInvalidPrefix()
{
    const QString prefix = u"a/"_s + QChar(char16_t(0xd800));
    KV_COMPARE_ERROR(m_service->list(m_ns, ListRequest { prefix, QString(), 10 }), ErrorCode::InvalidKey);
}

void TestKvService::listKeyInfo()
{
    const QJsonObject metadata { { u"a"_s, u"b"_s } };
    m_clock.advanceSeconds(7);
    const auto withTtl = m_service->put(m_ns, putRequest(u"k1"_s, QByteArray(10, 'x'), metadata, ttl(120)));
    KV_VERIFY_OK(withTtl);
    const auto plain = m_service->put(m_ns, putRequest(u"k2"_s, QByteArray()));
    KV_VERIFY_OK(plain);

    const auto page = m_service->list(m_ns, {});
    KV_VERIFY_OK(page);
    QCOMPARE(page->keys.size(), 2);
    const kv::model::KeyInfo& first = page->keys.at(0);
    QCOMPARE(first.key, u"k1"_s);
    QCOMPARE(first.size, 10);
    QCOMPARE(first.metadata, metadata);
    QCOMPARE(first.version, withTtl->version);
    QCOMPARE(first.expiresAt.value_or(-1), kStart + 7000 + 120'000);
    QCOMPARE(first.updatedAt, kStart + 7000);

    const kv::model::KeyInfo& second = page->keys.at(1);
    QCOMPARE(second.key, u"k2"_s);
    QCOMPARE(second.size, 0);
    QVERIFY(second.metadata.isEmpty());
    QCOMPARE(second.version, plain->version);
    QVERIFY(!second.expiresAt.has_value());
}

void TestKvService::listSkipsExpired()
{
    for (int i = 1; i <= 5; ++i) {
        const bool expiring = i % 2 == 0;
        KV_VERIFY_OK(
            m_service->put(m_ns, putRequest(numbered(u"a/"_s, i), "v"_ba, {}, expiring ? ttl(60) : ExpiryRequest {})));
    }
    QCOMPARE(m_service->list(m_ns, {})->keys.size(), 5);

    m_clock.advanceSeconds(60);
    const auto all = pages(*m_service, u"a/"_s, 2);
    QCOMPARE(all.size(), 2);
    QCOMPARE(keysOf(all.at(0)), (QStringList { u"a/0001"_s, u"a/0003"_s }));
    QCOMPARE(keysOf(all.at(1)), (QStringList { u"a/0005"_s }));
    QVERIFY(all.at(1).cursor.isEmpty());

    // Expired entries at the end of the range do not produce an empty last page.
    const auto onePage = pages(*m_service, u"a/"_s, 3);
    QCOMPARE(onePage.size(), 1);
    QCOMPARE(onePage.at(0).keys.size(), 3);
}

void TestKvService::listStableUnderConcurrentWrites()
{
    QList<PutRequest> batch;
    for (int i = 0; i < 30; ++i) {
        batch.append(putRequest(numbered(u"k/"_s, i), "v"_ba));
    }
    KvService service(*m_store, m_clock);
    KV_VERIFY_OK(service.putMany(m_ns, batch));

    const auto first = service.list(m_ns, ListRequest { u"k/"_s, QString(), 10 });
    KV_VERIFY_OK(first);
    QCOMPARE(first->keys.back().key, u"k/0009"_s);
    QStringList seen = keysOf(*first);

    // Behind the cursor: a new key and an overwrite. Ahead of it: a new key and a delete.
    KV_VERIFY_OK(service.put(m_ns, putRequest(u"k/0005x"_s, "new"_ba)));
    KV_VERIFY_OK(service.put(m_ns, putRequest(u"k/0003"_s, "rewritten"_ba)));
    KV_VERIFY_OK(service.put(m_ns, putRequest(u"k/0015x"_s, "new"_ba)));
    KV_VERIFY_OK(service.remove(m_ns, u"k/0012"_s));

    QString cursor = first->cursor;
    int pageCount = 1;
    while (!cursor.isEmpty() && pageCount < 100) {
        const auto page = service.list(m_ns, ListRequest { u"k/"_s, cursor, 10 });
        KV_VERIFY_OK(page);
        seen += keysOf(*page);
        cursor = page->cursor;
        ++pageCount;
    }
    QCOMPARE(pageCount, 3);
    QCOMPARE(seen.size(), 30);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size()); // nothing twice
    QVERIFY(!seen.contains(u"k/0005x"_s));
    QVERIFY(seen.contains(u"k/0015x"_s));
    QVERIFY(!seen.contains(u"k/0012"_s));
    QCOMPARE(seen.count(u"k/0003"_s), 1);
    QStringList sorted = seen;
    sorted.sort();
    QCOMPARE(seen, sorted);
}

// Concurrency ---------------------------------------------------------------------------------

template <typename Attempt>
std::vector<std::array<TestKvService::RaceOutcome, 2>> TestKvService::race(Attempt attempt, int rounds)
{
    std::vector<std::array<RaceOutcome, 2>> outcomes(static_cast<std::size_t>(rounds));
    // Both threads leave the barrier together, so each round's two writes really compete.
    std::barrier start(2);
    std::barrier finish(2);
    auto worker = [&](std::size_t thread) {
        for (std::size_t round = 0; round < outcomes.size(); ++round) {
            start.arrive_and_wait();
            const Result<kv::service::PutResult> result = attempt(round, thread);
            RaceOutcome& outcome = outcomes[round][thread];
            outcome.ok = result.ok();
            if (result.ok()) {
                outcome.version = result->version;
            } else {
                outcome.code = result.error().code();
                outcome.currentVersion = result.error().details().value(u"currentVersion"_s).toInteger(-1);
            }
            // The round's outcome is complete before either thread reads it for the next round.
            finish.arrive_and_wait();
        }
    };
    std::thread first(worker, std::size_t(0));
    std::thread second(worker, std::size_t(1));
    first.join();
    second.join();
    return outcomes;
}

void TestKvService::raceVersionEquals()
{
    const auto initial = m_service->put(m_ns, putRequest(u"contended"_s, "start"_ba));
    KV_VERIFY_OK(initial);
    constexpr int kRounds = 100;
    // expected[r] is the version both threads expect in round r; the winner of round r sets r + 1.
    std::vector<std::atomic<qint64>> expected(kRounds + 1);
    expected[0] = initial->version;
    const auto outcomes = race(
        [&](std::size_t round, std::size_t thread) {
            const auto result = m_service->put(m_ns,
                putRequest(u"contended"_s, QByteArray::number(qulonglong(thread)), {}, {},
                    Precondition::versionEquals(expected[round].load())));
            if (result.ok()) {
                expected[round + 1] = result->version;
            }
            return result;
        },
        kRounds);

    qint64 previous = initial->version;
    for (std::size_t round = 0; round < outcomes.size(); ++round) {
        const auto& [a, b] = outcomes[round];
        const int successes = int(a.ok) + int(b.ok);
        QVERIFY2(successes == 1, qPrintable(u"round %1: %2 writers succeeded"_s.arg(round).arg(successes)));
        const RaceOutcome& winner = a.ok ? a : b;
        const RaceOutcome& loser = a.ok ? b : a;
        QVERIFY(loser.code.has_value());
        QCOMPARE(*loser.code, ErrorCode::VersionConflict);
        QCOMPARE(loser.currentVersion, winner.version);
        QVERIFY(winner.version > previous);
        previous = winner.version;
    }
    QCOMPARE(m_service->get(m_ns, u"contended"_s)->version, previous);
}

void TestKvService::raceAbsent()
{
    constexpr int kRounds = 100;
    const auto outcomes = race(
        [&](std::size_t round, std::size_t thread) {
            return m_service->put(m_ns,
                putRequest(numbered(u"create/"_s, int(round)), QByteArray::number(qulonglong(thread)), {}, {},
                    Precondition::absent()));
        },
        kRounds);
    for (std::size_t round = 0; round < outcomes.size(); ++round) {
        const auto& [a, b] = outcomes[round];
        QVERIFY2(int(a.ok) + int(b.ok) == 1, qPrintable(u"round %1: not exactly one creator"_s.arg(round)));
        const RaceOutcome& winner = a.ok ? a : b;
        const RaceOutcome& loser = a.ok ? b : a;
        QVERIFY(loser.code.has_value());
        QCOMPARE(*loser.code, ErrorCode::KeyExists);
        QCOMPARE(loser.currentVersion, winner.version);
    }
    QCOMPARE(ns()->keyCount, kRounds);
}

QTEST_GUILESS_MAIN(TestKvService)
#include "tst_kvservice.moc"
