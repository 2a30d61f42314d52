// Tests of SqliteStore, the embedded Store: namespaces and their kept counters, entries and their
// versions, TTL expiry, preconditions, atomic batches, keyset pagination (also while another thread
// writes), a write race, and files the store must refuse without touching them. Every call passes
// an explicit `now`, so expiry is tested without sleeping.

#include "ErrorCodePrinter.h"
#include "model/Entry.h"
#include "model/Error.h"
#include "model/Namespace.h"
#include "store/SqliteStore.h"
#include "store/SqliteStoreImpl.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
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

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace kv::store {
const char* statusName(WriteOutcome::Status status)
{
    switch (status) {
    case WriteOutcome::Status::Written:
        return "Written";
    case WriteOutcome::Status::Deleted:
        return "Deleted";
    case WriteOutcome::Status::NotFound:
        return "NotFound";
    case WriteOutcome::Status::ConditionFailed:
        return "ConditionFailed";
    case WriteOutcome::Status::Aborted:
        return "Aborted";
    }
    return "?";
}

char* toString(WriteOutcome::Status status)
{
    return qstrdup(statusName(status));
}

char* toString(const WriteOutcome& outcome)
{
    const QByteArray text
        = QByteArray(statusName(outcome.status)) + "(version " + QByteArray::number(outcome.version) + ')';
    return qstrdup(text.constData());
}
} // namespace kv::store

namespace {

using kv::Error;
using kv::ErrorCode;
using kv::Result;
using kv::model::Entry;
using kv::model::KeyInfo;
using kv::model::KeyOrder;
using kv::model::Namespace;
using kv::model::Timestamp;
using kv::store::BatchOutcome;
using kv::store::KeyRange;
using kv::store::Precondition;
using kv::store::SqliteStore;
using kv::store::WriteOp;
using kv::store::WriteOutcome;
using Status = kv::store::WriteOutcome::Status;

constexpr Timestamp kNow = 1'700'000'000'000;

QString describe(const Error& error)
{
    return error.codeName() + u": "_s + error.message();
}

template <typename T> QString describe(const Result<T>& result)
{
    return result.ok() ? QString() : describe(result.error());
}

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable(describe(result)))

SqliteStore::Options optionsFor(const QString& path)
{
    SqliteStore::Options options;
    options.path = path;
    return options;
}

Namespace makeNamespace(const QString& id, const QString& plan = u"free"_s, Timestamp createdAt = kNow)
{
    Namespace ns;
    ns.id = id;
    ns.plan = plan;
    ns.createdAt = createdAt;
    return ns;
}

Namespace withCounters(Namespace ns, qint64 keyCount, qint64 bytes)
{
    ns.keyCount = keyCount;
    ns.bytes = bytes;
    return ns;
}

QByteArray compactJson(const QJsonObject& object)
{
    return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// What an entry counts for in its namespace: key UTF-8 bytes + value bytes + compact metadata bytes.
qint64 entryBytes(const QString& key, const QByteArray& value, const QJsonObject& metadata = {})
{
    return key.toUtf8().size() + value.size() + compactJson(metadata).size();
}

/// The outcomes of a batch of one op.
QList<WriteOutcome> outcomes(Status status, qint64 version)
{
    return { WriteOutcome { status, version } };
}

QList<QString> keysOf(const QList<KeyInfo>& infos)
{
    QList<QString> keys;
    keys.reserve(infos.size());
    for (const KeyInfo& info : infos) {
        keys.append(info.key);
    }
    return keys;
}

/// Sorts keys as the store orders them: by the bytes of their UTF-8 form.
QList<QString> byteOrdered(QList<QString> keys)
{
    std::sort(keys.begin(), keys.end(), [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
    return keys;
}

/// The keys of a namespace of the store listed page by page in one order, with the size of each
/// page; stops after `maxPages` pages so that a listing that never ends fails instead of hanging.
QList<QString> pageThroughKeys(kv::store::Store& store, const QString& ns, const QString& prefix, KeyOrder order,
    int limit, QList<qsizetype>* pageSizes, int maxPages = 1000)
{
    QList<QString> seen;
    QString after;
    while (pageSizes->size() < maxPages) {
        auto page = store.listKeys(ns, KeyRange { prefix, after, limit, order }, kNow);
        if (!page) {
            qWarning("listing failed: %s", qPrintable(describe(page)));
            return {};
        }
        pageSizes->append(page->size());
        if (page->isEmpty()) {
            break;
        }
        seen += keysOf(*page);
        after = page->last().key;
    }
    return seen;
}

// A file's content and modification time, to show that a refused open left it alone.
struct FileState
{
    QByteArray bytes;
    QDateTime modified;
};

FileState fileState(const QString& path)
{
    QFile file(path);
    FileState state;
    if (file.open(QIODevice::ReadOnly)) {
        state.bytes = file.readAll();
    }
    state.modified = QFileInfo(path).lastModified();
    return state;
}

/// Moves the file's modification time into the past, so that a write during the test would show.
bool backdate(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC), QFileDevice::FileModificationTime);
}

/// Runs SQL on a file through the SQLite C API directly (not through the store); empty on success.
QString execSql(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    QString error;
    if (rc != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errstr(rc));
    } else {
        char* message = nullptr;
        rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            error = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        }
        sqlite3_free(message);
    }
    sqlite3_close(db);
    return error;
}

/// The first column of the first row of a query, read through the SQLite C API; nullopt on error.
std::optional<qint64> queryInt(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    std::optional<qint64> value;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
            value = sqlite3_column_int64(stmt, 0);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return value;
}

} // namespace

class TestSqliteStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Namespaces
    void createGetAndListNamespaces();
    void duplicateNamespaceIsRefused();
    void missingNamespace();
    void setNamespacePlan();
    void namespaceCountersFollowWrites();
    void deleteNamespaceRemovesItsEntries();

    // Entries
    void putGetRoundTrip_data();
    void putGetRoundTrip();
    void versionsAlwaysIncrease();
    void getMissingKey();
    void getEntriesKeepsTheOrderGiven();

    // Expiry
    void expiredEntryIsInvisible();
    void purgeExpiredRemovesOnlyExpiredRows();

    // Preconditions and batches
    void preconditions();
    void failedBatchWritesNothing();
    void successfulBatchWritesEverything();

    // Keyset pagination
    void keysetPagination();
    void prefixThatIsAWholeKey();
    void utf8KeysSortByBytes();
    void bothOrdersPageEachKeyOnce_data();
    void bothOrdersPageEachKeyOnce();
    void descendingCursorBounds();
    void keyPagesAreIndexRangeScans();
    void paginationWhileAnotherThreadInserts();

    // Concurrency
    void versionRaceHasExactlyOneWinner();

    // Files the store must refuse
    void textFileIsRefused();
    void foreignSqliteDatabaseIsRefused_data();
    void foreignSqliteDatabaseIsRefused();
    void newerStoreIsRefused();
    void unwritablePath_data();
    void unwritablePath();
    void integrityCheckPasses();

private:
    bool reopen();
    bool createNamespace(const QString& id);
    /// An unconditional put that must succeed; its version, or -1 (after a warning) when it failed.
    qint64 mustPut(const QString& ns, const QString& key, const QByteArray& value, const QJsonObject& metadata = {},
        std::optional<Timestamp> expiresAt = std::nullopt, Timestamp now = kNow);
    Result<BatchOutcome> writeOne(const QString& ns, const WriteOp& op, Timestamp now = kNow);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<SqliteStore> m_store;
};

void TestSqliteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"store.kv"_s);
    QVERIFY(reopen());
}

void TestSqliteStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

bool TestSqliteStore::reopen()
{
    m_store.reset();
    auto opened = SqliteStore::open(optionsFor(m_path));
    if (!opened) {
        qWarning("cannot open %s: %s", qPrintable(m_path), qPrintable(describe(opened)));
        return false;
    }
    m_store = std::move(opened.value());
    return true;
}

bool TestSqliteStore::createNamespace(const QString& id)
{
    auto created = m_store->createNamespace(makeNamespace(id));
    if (!created) {
        qWarning("cannot create namespace %s: %s", qPrintable(id), qPrintable(describe(created)));
    }
    return created.ok();
}

qint64 TestSqliteStore::mustPut(const QString& ns, const QString& key, const QByteArray& value,
    const QJsonObject& metadata, std::optional<Timestamp> expiresAt, Timestamp now)
{
    auto written = m_store->write(ns, { WriteOp::put(key, value, metadata, expiresAt) }, now);
    if (!written) {
        qWarning("put %s failed: %s", qPrintable(key), qPrintable(describe(written)));
        return -1;
    }
    if (!written->committed || written->outcomes.size() != 1
        || written->outcomes.first().status != WriteOutcome::Status::Written) {
        qWarning("put %s was not written", qPrintable(key));
        return -1;
    }
    return written->outcomes.first().version;
}

Result<BatchOutcome> TestSqliteStore::writeOne(const QString& ns, const WriteOp& op, Timestamp now)
{
    return m_store->write(ns, { op }, now);
}

// Namespaces ---------------------------------------------------------------------------------

void TestSqliteStore::createGetAndListNamespaces()
{
    auto empty = m_store->listNamespaces();
    VERIFY_OK(empty);
    QVERIFY(empty->isEmpty());

    // Created, and timestamped, in an order other than their ids: the listing is in id order.
    VERIFY_OK(m_store->createNamespace(makeNamespace(u"gamma"_s, u"pro"_s, kNow)));
    VERIFY_OK(m_store->createNamespace(makeNamespace(u"alpha"_s, u"free"_s, kNow + 2)));
    VERIFY_OK(m_store->createNamespace(makeNamespace(u"beta"_s, u"team"_s, kNow + 1)));

    auto listed = m_store->listNamespaces();
    VERIFY_OK(listed);
    const QList<Namespace> expected { makeNamespace(u"alpha"_s, u"free"_s, kNow + 2),
        makeNamespace(u"beta"_s, u"team"_s, kNow + 1), makeNamespace(u"gamma"_s, u"pro"_s, kNow) };
    QCOMPARE(listed->size(), 3);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(listed->at(i).id, expected.at(i).id);
        QCOMPARE(listed->at(i).plan, expected.at(i).plan);
        QCOMPARE(listed->at(i).createdAt, expected.at(i).createdAt);
        QCOMPARE(listed->at(i).keyCount, 0);
        QCOMPARE(listed->at(i).bytes, 0);
    }

    auto beta = m_store->getNamespace(u"beta"_s);
    VERIFY_OK(beta);
    QVERIFY(*beta == expected.at(1));

    // The namespaces are in the file, not only in this connection.
    QVERIFY(reopen());
    auto again = m_store->listNamespaces();
    VERIFY_OK(again);
    QVERIFY(*again == expected);
}

void TestSqliteStore::duplicateNamespaceIsRefused()
{
    VERIFY_OK(m_store->createNamespace(makeNamespace(u"taken"_s, u"free"_s, kNow)));
    const auto duplicate = m_store->createNamespace(makeNamespace(u"taken"_s, u"pro"_s, kNow + 5));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code(), ErrorCode::NamespaceExists);
    QVERIFY(duplicate.error().message().contains(u"taken"_s));

    // The first one is untouched.
    auto ns = m_store->getNamespace(u"taken"_s);
    VERIFY_OK(ns);
    QCOMPARE(ns->plan, u"free"_s);
    QCOMPARE(ns->createdAt, kNow);
    auto listed = m_store->listNamespaces();
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
}

void TestSqliteStore::missingNamespace()
{
    QVERIFY(createNamespace(u"present"_s));
    const QString missing = u"absent"_s;

    const auto get = m_store->getNamespace(missing);
    QVERIFY(!get.ok());
    QCOMPARE(get.error().code(), ErrorCode::NamespaceNotFound);
    QVERIFY(get.error().message().contains(missing));

    const auto plan = m_store->setNamespacePlan(missing, u"pro"_s);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code(), ErrorCode::NamespaceNotFound);

    const auto removed = m_store->deleteNamespace(missing);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().code(), ErrorCode::NamespaceNotFound);

    const auto entry = m_store->getEntry(missing, u"k"_s, kNow);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.error().code(), ErrorCode::NamespaceNotFound);

    const auto entries = m_store->getEntries(missing, { u"k"_s }, kNow);
    QVERIFY(!entries.ok());
    QCOMPARE(entries.error().code(), ErrorCode::NamespaceNotFound);

    const auto keys = m_store->listKeys(missing, KeyRange {}, kNow);
    QVERIFY(!keys.ok());
    QCOMPARE(keys.error().code(), ErrorCode::NamespaceNotFound);

    const auto written = writeOne(missing, WriteOp::put(u"k"_s, "v"_ba));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code(), ErrorCode::NamespaceNotFound);

    // None of that created the namespace or touched the other one.
    auto listed = m_store->listNamespaces();
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().id, u"present"_s);
}

void TestSqliteStore::setNamespacePlan()
{
    QVERIFY(createNamespace(u"ns"_s));
    const qint64 version = mustPut(u"ns"_s, u"k"_s, "value"_ba);
    QVERIFY(version > 0);

    VERIFY_OK(m_store->setNamespacePlan(u"ns"_s, u"business"_s));
    auto ns = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(ns);
    QVERIFY(*ns == withCounters(makeNamespace(u"ns"_s, u"business"_s), 1, entryBytes(u"k"_s, "value"_ba)));

    // The entries are untouched by a plan change.
    auto entry = m_store->getEntry(u"ns"_s, u"k"_s, kNow);
    VERIFY_OK(entry);
    QVERIFY(entry->has_value());
    QCOMPARE((*entry)->version, version);
}

void TestSqliteStore::namespaceCountersFollowWrites()
{
    QVERIFY(createNamespace(u"counted"_s));
    QVERIFY(createNamespace(u"other"_s));
    const QString ns = u"counted"_s;
    auto expectCounters = [&](const QString& id, qint64 keyCount, qint64 bytes) {
        auto got = m_store->getNamespace(id);
        if (!got) {
            return describe(got);
        }
        if (got->keyCount != keyCount || got->bytes != bytes) {
            return u"%1: keyCount %2 bytes %3, expected keyCount %4 bytes %5"_s.arg(id)
                .arg(got->keyCount)
                .arg(got->bytes)
                .arg(keyCount)
                .arg(bytes);
        }
        return QString();
    };
#define COUNTERS(id, keys, bytes)                                                                                      \
    do {                                                                                                               \
        const QString problem = expectCounters(id, keys, bytes);                                                       \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                              \
    } while (false)

    // The sums are spelled out: key UTF-8 bytes + value bytes + compact metadata bytes.
    QVERIFY(mustPut(ns, u"k1"_s, "hello"_ba) > 0); // 2 + 5
    COUNTERS(ns, 1, 7);
    QVERIFY(mustPut(ns, u"k\u00e9"_s, "0123456789"_ba, QJsonObject { { u"a"_s, 1 } }) > 0); // 3 + 10 + {"a":1} 7
    COUNTERS(ns, 2, 27);
    QCOMPARE(entryBytes(u"k\u00e9"_s, "0123456789"_ba, QJsonObject { { u"a"_s, 1 } }), 20);

    // An overwrite replaces the entry's bytes; the key count stays.
    QVERIFY(mustPut(ns, u"k1"_s, "hi"_ba, QJsonObject { { u"tag"_s, u"x"_s } }) > 0); // 2 + 2 + {"tag":"x"} 11
    COUNTERS(ns, 2, 35);

    // Another namespace keeps its own counters.
    QVERIFY(mustPut(u"other"_s, u"k1"_s, "zzzz"_ba) > 0);
    COUNTERS(u"other"_s, 1, 6);
    COUNTERS(ns, 2, 35);

    // A delete takes the entry's bytes away.
    auto removed = writeOne(ns, WriteOp::remove(u"k\u00e9"_s));
    VERIFY_OK(removed);
    QCOMPARE(removed->outcomes, outcomes(Status::Deleted, 0));
    COUNTERS(ns, 1, 15);

    // A delete that finds nothing changes nothing.
    auto missing = writeOne(ns, WriteOp::remove(u"never"_s));
    VERIFY_OK(missing);
    COUNTERS(ns, 1, 15);

    // An expired entry counts until it is purged (Namespace.h), and the purge takes it away.
    QVERIFY(mustPut(ns, u"exp"_s, "abc"_ba, {}, kNow + 100) > 0); // 3 + 3
    COUNTERS(ns, 2, 21);
    auto purged = m_store->purgeExpired(kNow + 100, 10);
    VERIFY_OK(purged);
    QCOMPARE(*purged, 1);
    COUNTERS(ns, 1, 15);

    // Deleting an expired row that was not purged yet reports NotFound but removes its bytes.
    QVERIFY(mustPut(ns, u"exp2"_s, "abcd"_ba, {}, kNow + 100) > 0); // 4 + 4
    COUNTERS(ns, 2, 23);
    auto expiredDelete = writeOne(ns, WriteOp::remove(u"exp2"_s), kNow + 200);
    VERIFY_OK(expiredDelete);
    QVERIFY(expiredDelete->committed);
    QCOMPARE(expiredDelete->outcomes, outcomes(Status::NotFound, 0));
    COUNTERS(ns, 1, 15);

    // Writing over an expired row that was not purged yet keeps one row for the key.
    QVERIFY(mustPut(ns, u"exp3"_s, "abcdef"_ba, {}, kNow + 100) > 0); // 4 + 6
    COUNTERS(ns, 2, 25);
    auto rewritten
        = writeOne(ns, WriteOp::put(u"exp3"_s, "x"_ba, {}, std::nullopt, Precondition::absent()), kNow + 200);
    VERIFY_OK(rewritten);
    QVERIFY(rewritten->committed);
    COUNTERS(ns, 2, 20); // 15 + 4 + 1

    // A batch that fails changes nothing.
    auto failed = m_store->write(ns,
        { WriteOp::put(u"new"_s, "1234567890"_ba),
            WriteOp::put(u"k1"_s, "y"_ba, {}, std::nullopt, Precondition::absent()) },
        kNow + 200);
    VERIFY_OK(failed);
    QVERIFY(!failed->committed);
    COUNTERS(ns, 2, 20);

    // The listing carries the same counters, and they are in the file.
    QVERIFY(reopen());
    auto listed = m_store->listNamespaces();
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 2);
    QVERIFY(listed->at(0) == withCounters(makeNamespace(ns), 2, 20));
    QVERIFY(listed->at(1) == withCounters(makeNamespace(u"other"_s), 1, 6));
#undef COUNTERS
}

void TestSqliteStore::deleteNamespaceRemovesItsEntries()
{
    QVERIFY(createNamespace(u"doomed"_s));
    QVERIFY(createNamespace(u"kept"_s));
    for (int i = 0; i < 20; ++i) {
        QVERIFY(mustPut(u"doomed"_s, u"key%1"_s.arg(i), "value"_ba) > 0);
    }
    QVERIFY(mustPut(u"kept"_s, u"key0"_s, "kept value"_ba) > 0);

    VERIFY_OK(m_store->deleteNamespace(u"doomed"_s));
    const auto gone = m_store->getNamespace(u"doomed"_s);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code(), ErrorCode::NamespaceNotFound);
    const auto entryOfGone = m_store->getEntry(u"doomed"_s, u"key0"_s, kNow);
    QVERIFY(!entryOfGone.ok());
    QCOMPARE(entryOfGone.error().code(), ErrorCode::NamespaceNotFound);

    // The other namespace keeps its entry.
    auto kept = m_store->getEntry(u"kept"_s, u"key0"_s, kNow);
    VERIFY_OK(kept);
    QVERIFY(kept->has_value());
    QCOMPARE((*kept)->value, "kept value"_ba);

    // A namespace of the same id starts empty: the old keys did not survive under it.
    QVERIFY(createNamespace(u"doomed"_s));
    auto fresh = m_store->getNamespace(u"doomed"_s);
    VERIFY_OK(fresh);
    QCOMPARE(fresh->keyCount, 0);
    QCOMPARE(fresh->bytes, 0);
    auto oldKey = m_store->getEntry(u"doomed"_s, u"key0"_s, kNow);
    VERIFY_OK(oldKey);
    QVERIFY(!oldKey->has_value());
    auto listed = m_store->listKeys(u"doomed"_s, KeyRange {}, kNow);
    VERIFY_OK(listed);
    QVERIFY(listed->isEmpty());
    // Nothing is left behind in the file either.
    QCOMPARE(queryInt(m_path, "SELECT count(*) FROM entries WHERE ns = 'doomed'"), std::optional<qint64>(0));
}

// Entries ------------------------------------------------------------------------------------

void TestSqliteStore::putGetRoundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QJsonObject>("metadata");
    QTest::addColumn<qint64>("expiresIn"); // 0: no expiry

    const QByteArray binary("\x00\x01\xff\xfe\x00kv\x00\x80\x7f\x00", 12);
    QByteArray allBytes;
    for (int i = 0; i < 256; ++i) {
        allBytes.append(static_cast<char>(i));
    }
    QByteArray large(300 * 1024, 'x');
    large[1000] = '\0';

    QTest::newRow("text") << u"greeting"_s << "hello, world"_ba << QJsonObject() << qint64(0);
    QTest::newRow("empty value") << u"empty"_s << QByteArray() << QJsonObject() << qint64(0);
    QTest::newRow("binary with NULs") << u"binary"_s << binary << QJsonObject() << qint64(0);
    QTest::newRow("every byte value") << u"bytes"_s << allBytes << QJsonObject() << qint64(0);
    QTest::newRow("large value") << u"large"_s << large << QJsonObject() << qint64(0);
    QTest::newRow("metadata") << u"meta"_s << "v"_ba
                              << QJsonObject { { u"owner"_s, u"ann\u00e9"_s }, { u"n"_s, 42 }, { u"ok"_s, true },
                                     { u"tags"_s, QJsonArray { u"a"_s, u"b"_s } },
                                     { u"nested"_s, QJsonObject { { u"x"_s, 1.5 } } } }
                              << qint64(0);
    QTest::newRow("expiry") << u"ttl"_s << "short-lived"_ba << QJsonObject() << qint64(60'000);
    QTest::newRow("everything") << u"dir/\u00e9t\u00e9/\U0001F600"_s << binary << QJsonObject { { u"k"_s, u"v"_s } }
                                << qint64(1);
}

void TestSqliteStore::putGetRoundTrip()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(QJsonObject, metadata);
    QFETCH(qint64, expiresIn);
    const std::optional<Timestamp> expiresAt
        = expiresIn > 0 ? std::optional<Timestamp>(kNow + expiresIn) : std::nullopt;

    QVERIFY(createNamespace(u"ns"_s));
    auto written = writeOne(u"ns"_s, WriteOp::put(key, value, metadata, expiresAt), kNow - 10);
    VERIFY_OK(written);
    QVERIFY(written->committed);
    QCOMPARE(written->outcomes.size(), 1);
    QCOMPARE(written->outcomes.first().status, Status::Written);
    const qint64 version = written->outcomes.first().version;
    QVERIFY(version > 0);

    auto check = [&](const std::optional<Entry>& entry) {
        QVERIFY(entry.has_value());
        QCOMPARE(entry->key, key);
        QCOMPARE(entry->value.size(), value.size());
        QCOMPARE(entry->value, value);
        QCOMPARE(entry->metadata, metadata);
        QCOMPARE(entry->expiresAt.has_value(), expiresAt.has_value());
        if (expiresAt) {
            QCOMPARE(*entry->expiresAt, *expiresAt);
        }
        QCOMPARE(entry->version, version);
        QCOMPARE(entry->updatedAt, kNow - 10);
    };
    auto entry = m_store->getEntry(u"ns"_s, key, kNow);
    VERIFY_OK(entry);
    check(*entry);
    if (QTest::currentTestFailed()) {
        return;
    }

    // The listing describes it the same way, without the value.
    auto listed = m_store->listKeys(u"ns"_s, KeyRange {}, kNow);
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    const KeyInfo& info = listed->first();
    QCOMPARE(info.key, key);
    QCOMPARE(info.size, value.size());
    QCOMPARE(info.metadata, metadata);
    QCOMPARE(info.expiresAt.has_value(), expiresAt.has_value());
    QCOMPARE(info.version, version);
    QCOMPARE(info.updatedAt, kNow - 10);

    // And it comes back the same from the file.
    QVERIFY(reopen());
    auto reread = m_store->getEntry(u"ns"_s, key, kNow);
    VERIFY_OK(reread);
    check(*reread);
}

void TestSqliteStore::versionsAlwaysIncrease()
{
    QVERIFY(createNamespace(u"a"_s));
    QVERIFY(createNamespace(u"b"_s));
    qint64 last = 0;
    auto expectHigher = [&last](qint64 version) {
        const bool higher = version > last;
        if (!higher) {
            qWarning("version %lld is not above %lld", version, last);
        }
        last = std::max(last, version);
        return higher;
    };

    // Across keys and namespaces, and on every overwrite of the same key.
    QVERIFY(expectHigher(mustPut(u"a"_s, u"x"_s, "1"_ba)));
    QVERIFY(expectHigher(mustPut(u"a"_s, u"y"_s, "1"_ba)));
    QVERIFY(expectHigher(mustPut(u"b"_s, u"x"_s, "1"_ba)));
    const qint64 firstX = mustPut(u"a"_s, u"x"_s, "2"_ba);
    QVERIFY(expectHigher(firstX));
    QVERIFY(expectHigher(mustPut(u"a"_s, u"x"_s, "3"_ba)));

    // Each put of a batch gets its own version, in order.
    auto batch = m_store->write(
        u"a"_s, { WriteOp::put(u"p"_s, "1"_ba), WriteOp::put(u"q"_s, "1"_ba), WriteOp::put(u"p"_s, "2"_ba) }, kNow);
    VERIFY_OK(batch);
    QVERIFY(batch->committed);
    QCOMPARE(batch->outcomes.size(), 3);
    for (const WriteOutcome& outcome : std::as_const(batch->outcomes)) {
        QCOMPARE(outcome.status, Status::Written);
        QVERIFY(expectHigher(outcome.version));
    }
    auto p = m_store->getEntry(u"a"_s, u"p"_s, kNow);
    VERIFY_OK(p);
    QVERIFY(p->has_value());
    QCOMPARE((*p)->value, "2"_ba);
    QCOMPARE((*p)->version, batch->outcomes.at(2).version);

    // A key deleted and written again never gets an old version back.
    auto removed = writeOne(u"a"_s, WriteOp::remove(u"x"_s));
    VERIFY_OK(removed);
    QCOMPARE(removed->outcomes, outcomes(Status::Deleted, 0));
    const qint64 recreated = mustPut(u"a"_s, u"x"_s, "4"_ba);
    QVERIFY(expectHigher(recreated));
    QVERIFY(recreated > firstX);

    // Nor after the store was closed and opened again, nor in a namespace deleted and recreated.
    QVERIFY(reopen());
    QVERIFY(expectHigher(mustPut(u"a"_s, u"y"_s, "2"_ba)));
    auto removedAgain = writeOne(u"a"_s, WriteOp::remove(u"x"_s));
    VERIFY_OK(removedAgain);
    QVERIFY(reopen());
    QVERIFY(expectHigher(mustPut(u"a"_s, u"x"_s, "5"_ba)));
    VERIFY_OK(m_store->deleteNamespace(u"b"_s));
    QVERIFY(reopen());
    QVERIFY(createNamespace(u"b"_s));
    QVERIFY(expectHigher(mustPut(u"b"_s, u"x"_s, "2"_ba)));

    // A failed batch does not let a later write go backwards either.
    auto failed = m_store->write(u"a"_s,
        { WriteOp::put(u"z"_s, "1"_ba), WriteOp::put(u"y"_s, "3"_ba, {}, std::nullopt, Precondition::absent()) }, kNow);
    VERIFY_OK(failed);
    QVERIFY(!failed->committed);
    QVERIFY(expectHigher(mustPut(u"a"_s, u"z"_s, "1"_ba)));
}

void TestSqliteStore::getMissingKey()
{
    QVERIFY(createNamespace(u"ns"_s));
    QVERIFY(mustPut(u"ns"_s, u"present"_s, "v"_ba) > 0);

    auto missing = m_store->getEntry(u"ns"_s, u"absent"_s, kNow);
    VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
    // Keys are exact: neither a prefix nor a case variant of a key finds it.
    auto prefix = m_store->getEntry(u"ns"_s, u"pres"_s, kNow);
    VERIFY_OK(prefix);
    QVERIFY(!prefix->has_value());
    auto upper = m_store->getEntry(u"ns"_s, u"PRESENT"_s, kNow);
    VERIFY_OK(upper);
    QVERIFY(!upper->has_value());
    // A key of the same name in another namespace is not this one.
    QVERIFY(createNamespace(u"other"_s));
    auto elsewhere = m_store->getEntry(u"other"_s, u"present"_s, kNow);
    VERIFY_OK(elsewhere);
    QVERIFY(!elsewhere->has_value());

    const auto noNamespace = m_store->getEntry(u"nowhere"_s, u"present"_s, kNow);
    QVERIFY(!noNamespace.ok());
    QCOMPARE(noNamespace.error().code(), ErrorCode::NamespaceNotFound);
}

void TestSqliteStore::getEntriesKeepsTheOrderGiven()
{
    QVERIFY(createNamespace(u"ns"_s));
    const qint64 v1 = mustPut(u"ns"_s, u"k1"_s, "one"_ba);
    const qint64 v2 = mustPut(u"ns"_s, u"k2"_s, "two"_ba);
    const qint64 v3 = mustPut(u"ns"_s, u"k3"_s, "three"_ba);
    QVERIFY(v1 > 0 && v2 > 0 && v3 > 0);

    const QList<QString> asked { u"k3"_s, u"missing"_s, u"k1"_s, u"k2"_s, u"k1"_s };
    auto entries = m_store->getEntries(u"ns"_s, asked, kNow);
    VERIFY_OK(entries);
    QCOMPARE(entries->size(), 5);
    const std::array<std::optional<std::pair<QByteArray, qint64>>, 5> expected { {
        std::pair { "three"_ba, v3 },
        std::nullopt,
        std::pair { "one"_ba, v1 },
        std::pair { "two"_ba, v2 },
        std::pair { "one"_ba, v1 },
    } };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& got = entries->at(static_cast<qsizetype>(i));
        QCOMPARE(got.has_value(), expected.at(i).has_value());
        if (got) {
            QCOMPARE(got->key, asked.at(static_cast<qsizetype>(i)));
            QCOMPARE(got->value, expected.at(i)->first);
            QCOMPARE(got->version, expected.at(i)->second);
        }
    }

    auto none = m_store->getEntries(u"ns"_s, {}, kNow);
    VERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

// Expiry -------------------------------------------------------------------------------------

void TestSqliteStore::expiredEntryIsInvisible()
{
    QVERIFY(createNamespace(u"ns"_s));
    const Timestamp expiresAt = kNow + 1000;
    const qint64 tVersion = mustPut(u"ns"_s, u"t"_s, "temporary"_ba, {}, expiresAt);
    const qint64 uVersion = mustPut(u"ns"_s, u"u"_s, "temporary too"_ba, {}, expiresAt);
    const qint64 wVersion = mustPut(u"ns"_s, u"w"_s, "temporary as well"_ba, {}, expiresAt);
    QVERIFY(mustPut(u"ns"_s, u"p"_s, "permanent"_ba) > 0);
    QVERIFY(tVersion > 0 && uVersion > 0 && wVersion > 0);

    // Visible at now and up to the last millisecond before expiresAt.
    for (const Timestamp at : { kNow, expiresAt - 1 }) {
        auto entry = m_store->getEntry(u"ns"_s, u"t"_s, at);
        VERIFY_OK(entry);
        QVERIFY(entry->has_value());
        QCOMPARE((*entry)->expiresAt, std::optional<Timestamp>(expiresAt));
        auto entries = m_store->getEntries(u"ns"_s, { u"t"_s, u"p"_s }, at);
        VERIFY_OK(entries);
        QVERIFY(entries->at(0).has_value());
        QVERIFY(entries->at(1).has_value());
        auto keys = m_store->listKeys(u"ns"_s, KeyRange {}, at);
        VERIFY_OK(keys);
        QCOMPARE(keysOf(*keys), (QList<QString> { u"p"_s, u"t"_s, u"u"_s, u"w"_s }));
    }

    // Invisible from expiresAt on, everywhere.
    for (const Timestamp at : { expiresAt, expiresAt + 1, expiresAt + 1'000'000 }) {
        auto entry = m_store->getEntry(u"ns"_s, u"t"_s, at);
        VERIFY_OK(entry);
        QVERIFY(!entry->has_value());
        auto entries = m_store->getEntries(u"ns"_s, { u"t"_s, u"p"_s }, at);
        VERIFY_OK(entries);
        QVERIFY(!entries->at(0).has_value());
        QVERIFY(entries->at(1).has_value());
        auto keys = m_store->listKeys(u"ns"_s, KeyRange {}, at);
        VERIFY_OK(keys);
        QCOMPARE(keysOf(*keys), QList<QString> { u"p"_s });
        // A prefix that names only the expired key finds nothing.
        auto prefixed = m_store->listKeys(u"ns"_s, KeyRange { u"t"_s, {}, 10 }, at);
        VERIFY_OK(prefixed);
        QVERIFY(prefixed->isEmpty());
    }

    // For preconditions an expired entry is absent: versionEquals(its old version) fails with
    // version 0, absent() holds.
    auto stale = writeOne(
        u"ns"_s, WriteOp::put(u"u"_s, "new"_ba, {}, std::nullopt, Precondition::versionEquals(uVersion)), expiresAt);
    VERIFY_OK(stale);
    QVERIFY(!stale->committed);
    QCOMPARE(stale->outcomes, outcomes(Status::ConditionFailed, 0));
    auto staleDelete = writeOne(u"ns"_s, WriteOp::remove(u"w"_s, Precondition::versionEquals(wVersion)), expiresAt);
    VERIFY_OK(staleDelete);
    QVERIFY(!staleDelete->committed);
    QCOMPARE(staleDelete->outcomes, outcomes(Status::ConditionFailed, 0));

    auto created
        = writeOne(u"ns"_s, WriteOp::put(u"t"_s, "reborn"_ba, {}, std::nullopt, Precondition::absent()), expiresAt);
    VERIFY_OK(created);
    QVERIFY(created->committed);
    QCOMPARE(created->outcomes.size(), 1);
    QCOMPARE(created->outcomes.first().status, Status::Written);
    QVERIFY(created->outcomes.first().version > wVersion);
    auto reborn = m_store->getEntry(u"ns"_s, u"t"_s, expiresAt + 5000);
    VERIFY_OK(reborn);
    QVERIFY(reborn->has_value());
    QCOMPARE((*reborn)->value, "reborn"_ba);
    QVERIFY(!(*reborn)->expiresAt.has_value());

    // A delete of an expired entry finds nothing to delete.
    auto expiredDelete = writeOne(u"ns"_s, WriteOp::remove(u"u"_s), expiresAt);
    VERIFY_OK(expiredDelete);
    QVERIFY(expiredDelete->committed);
    QCOMPARE(expiredDelete->outcomes, outcomes(Status::NotFound, 0));
}

void TestSqliteStore::purgeExpiredRemovesOnlyExpiredRows()
{
    QVERIFY(createNamespace(u"one"_s));
    QVERIFY(createNamespace(u"two"_s));
    // one: five keys expiring 10 ms apart, two permanent ones; two: three keys expiring early.
    qint64 oneBytes = 0;
    for (int i = 1; i <= 5; ++i) {
        const QString key = u"exp%1"_s.arg(i);
        const QByteArray value = QByteArray(i * 10, 'v');
        QVERIFY(mustPut(u"one"_s, key, value, {}, kNow + 10 * i) > 0);
        oneBytes += entryBytes(key, value);
    }
    const qint64 permanentBytes = entryBytes(u"keep1"_s, "forever"_ba) + entryBytes(u"keep2"_s, "always"_ba);
    QVERIFY(mustPut(u"one"_s, u"keep1"_s, "forever"_ba) > 0);
    QVERIFY(mustPut(u"one"_s, u"keep2"_s, "always"_ba) > 0);
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(mustPut(u"two"_s, u"early%1"_s.arg(i), "e"_ba, {}, kNow + 5) > 0);
    }

    // Nothing has expired yet.
    auto none = m_store->purgeExpired(kNow, 100);
    VERIFY_OK(none);
    QCOMPARE(*none, 0);

    // At kNow + 30 six rows are expired (exp1..exp3 and early1..early3); max caps each call.
    const Timestamp at = kNow + 30;
    auto firstTwo = m_store->purgeExpired(at, 2);
    VERIFY_OK(firstTwo);
    QCOMPARE(*firstTwo, 2);
    // Exactly two rows are gone from the file, seen at a time when all of them were still live.
    int stillThere = 0;
    for (const QString& key : { u"exp1"_s, u"exp2"_s, u"exp3"_s }) {
        auto entry = m_store->getEntry(u"one"_s, key, kNow);
        VERIFY_OK(entry);
        stillThere += entry->has_value() ? 1 : 0;
    }
    for (const QString& key : { u"early1"_s, u"early2"_s, u"early3"_s }) {
        auto entry = m_store->getEntry(u"two"_s, key, kNow);
        VERIFY_OK(entry);
        stillThere += entry->has_value() ? 1 : 0;
    }
    QCOMPARE(stillThere, 4);

    auto rest = m_store->purgeExpired(at, 100);
    VERIFY_OK(rest);
    QCOMPARE(*rest, 4);
    auto nothingLeft = m_store->purgeExpired(at, 100);
    VERIFY_OK(nothingLeft);
    QCOMPARE(*nothingLeft, 0);

    // The rows not yet expired and the permanent ones stay, readable at an earlier time too.
    for (const QString& key : { u"exp4"_s, u"exp5"_s, u"keep1"_s, u"keep2"_s }) {
        auto entry = m_store->getEntry(u"one"_s, key, kNow);
        VERIFY_OK(entry);
        QVERIFY2(entry->has_value(), qPrintable(key));
    }
    for (const QString& key : { u"exp1"_s, u"exp2"_s, u"exp3"_s }) {
        auto entry = m_store->getEntry(u"one"_s, key, kNow);
        VERIFY_OK(entry);
        QVERIFY2(!entry->has_value(), qPrintable(key));
    }

    // Counters follow: one keeps exp4, exp5 and the permanent keys; two is empty.
    const qint64 expectedOne
        = permanentBytes + entryBytes(u"exp4"_s, QByteArray(40, 'v')) + entryBytes(u"exp5"_s, QByteArray(50, 'v'));
    QVERIFY(expectedOne < oneBytes + permanentBytes);
    auto one = m_store->getNamespace(u"one"_s);
    VERIFY_OK(one);
    QCOMPARE(one->keyCount, 4);
    QCOMPARE(one->bytes, expectedOne);
    auto two = m_store->getNamespace(u"two"_s);
    VERIFY_OK(two);
    QCOMPARE(two->keyCount, 0);
    QCOMPARE(two->bytes, 0);

    // max = 0 removes nothing even when rows are expired.
    auto zero = m_store->purgeExpired(kNow + 1'000'000, 0);
    VERIFY_OK(zero);
    QCOMPARE(*zero, 0);
    auto later = m_store->purgeExpired(kNow + 1'000'000, 100);
    VERIFY_OK(later);
    QCOMPARE(*later, 2);
    auto finalOne = m_store->getNamespace(u"one"_s);
    VERIFY_OK(finalOne);
    QCOMPARE(finalOne->keyCount, 2);
    QCOMPARE(finalOne->bytes, permanentBytes);
}

// Preconditions and batches ------------------------------------------------------------------

void TestSqliteStore::preconditions()
{
    QVERIFY(createNamespace(u"ns"_s));
    const qint64 v1 = mustPut(u"ns"_s, u"k"_s, "first"_ba);
    QVERIFY(v1 > 0);
    auto countersBefore = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(countersBefore);

    auto expectValue = [&](const QString& key, const QByteArray& value, qint64 version) {
        auto entry = m_store->getEntry(u"ns"_s, key, kNow);
        if (!entry) {
            return describe(entry);
        }
        if (!entry->has_value()) {
            return u"%1 is missing"_s.arg(key);
        }
        if ((*entry)->value != value || (*entry)->version != version) {
            return u"%1 is %2 at version %3, expected %4 at version %5"_s.arg(key, QString::fromUtf8((*entry)->value),
                QString::number((*entry)->version), QString::fromUtf8(value), QString::number(version));
        }
        return QString();
    };
#define VALUE(key, value, version)                                                                                     \
    do {                                                                                                               \
        const QString problem = expectValue(key, value, version);                                                      \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                              \
    } while (false)

    // absent() on an existing key: ConditionFailed with the current version, nothing written.
    auto create = writeOne(u"ns"_s, WriteOp::put(u"k"_s, "second"_ba, {}, std::nullopt, Precondition::absent()));
    VERIFY_OK(create);
    QVERIFY(!create->committed);
    QCOMPARE(create->outcomes, outcomes(Status::ConditionFailed, v1));
    VALUE(u"k"_s, "first"_ba, v1);
    auto countersAfter = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(countersAfter);
    QVERIFY(*countersAfter == *countersBefore);

    // absent() on a missing key writes.
    auto fresh = writeOne(u"ns"_s, WriteOp::put(u"new"_s, "n"_ba, {}, std::nullopt, Precondition::absent()));
    VERIFY_OK(fresh);
    QVERIFY(fresh->committed);
    QCOMPARE(fresh->outcomes.size(), 1);
    QCOMPARE(fresh->outcomes.first().status, Status::Written);
    VALUE(u"new"_s, "n"_ba, fresh->outcomes.first().version);

    // versionEquals(wrong): ConditionFailed with the current version, nothing written.
    for (const qint64 wrong : { v1 - 1, v1 + 1, qint64(0), std::numeric_limits<qint64>::max() }) {
        auto conflict
            = writeOne(u"ns"_s, WriteOp::put(u"k"_s, "lost"_ba, {}, std::nullopt, Precondition::versionEquals(wrong)));
        VERIFY_OK(conflict);
        QVERIFY(!conflict->committed);
        QCOMPARE(conflict->outcomes, outcomes(Status::ConditionFailed, v1));
        VALUE(u"k"_s, "first"_ba, v1);
    }

    // versionEquals(right) writes, and the new version is what the next writer must name.
    auto update
        = writeOne(u"ns"_s, WriteOp::put(u"k"_s, "second"_ba, {}, std::nullopt, Precondition::versionEquals(v1)));
    VERIFY_OK(update);
    QVERIFY(update->committed);
    QCOMPARE(update->outcomes.size(), 1);
    QCOMPARE(update->outcomes.first().status, Status::Written);
    const qint64 v2 = update->outcomes.first().version;
    QVERIFY(v2 > v1);
    VALUE(u"k"_s, "second"_ba, v2);
    auto replay
        = writeOne(u"ns"_s, WriteOp::put(u"k"_s, "third"_ba, {}, std::nullopt, Precondition::versionEquals(v1)));
    VERIFY_OK(replay);
    QCOMPARE(replay->outcomes, outcomes(Status::ConditionFailed, v2));
    VALUE(u"k"_s, "second"_ba, v2);

    // versionEquals on a missing key: ConditionFailed with version 0.
    auto ghost = writeOne(u"ns"_s, WriteOp::put(u"ghost"_s, "g"_ba, {}, std::nullopt, Precondition::versionEquals(v1)));
    VERIFY_OK(ghost);
    QVERIFY(!ghost->committed);
    QCOMPARE(ghost->outcomes, outcomes(Status::ConditionFailed, 0));
    auto ghostEntry = m_store->getEntry(u"ns"_s, u"ghost"_s, kNow);
    VERIFY_OK(ghostEntry);
    QVERIFY(!ghostEntry->has_value());

    // Delete of a missing key: NotFound, and the batch is committed (not a failure).
    auto missingDelete = writeOne(u"ns"_s, WriteOp::remove(u"ghost"_s));
    VERIFY_OK(missingDelete);
    QVERIFY(missingDelete->committed);
    QCOMPARE(missingDelete->outcomes, outcomes(Status::NotFound, 0));

    // Delete with versionEquals on a missing key: ConditionFailed.
    auto missingConditional = writeOne(u"ns"_s, WriteOp::remove(u"ghost"_s, Precondition::versionEquals(v1)));
    VERIFY_OK(missingConditional);
    QVERIFY(!missingConditional->committed);
    QCOMPARE(missingConditional->outcomes, outcomes(Status::ConditionFailed, 0));

    // Delete with versionEquals(wrong) keeps the entry; with the right one it goes.
    auto wrongDelete = writeOne(u"ns"_s, WriteOp::remove(u"k"_s, Precondition::versionEquals(v1)));
    VERIFY_OK(wrongDelete);
    QVERIFY(!wrongDelete->committed);
    QCOMPARE(wrongDelete->outcomes, outcomes(Status::ConditionFailed, v2));
    VALUE(u"k"_s, "second"_ba, v2);
    auto rightDelete = writeOne(u"ns"_s, WriteOp::remove(u"k"_s, Precondition::versionEquals(v2)));
    VERIFY_OK(rightDelete);
    QVERIFY(rightDelete->committed);
    QCOMPARE(rightDelete->outcomes, outcomes(Status::Deleted, 0));
    auto deleted = m_store->getEntry(u"ns"_s, u"k"_s, kNow);
    VERIFY_OK(deleted);
    QVERIFY(!deleted->has_value());

    // absent() on a delete: holds only when there is nothing to delete.
    auto absentDelete = writeOne(u"ns"_s, WriteOp::remove(u"new"_s, Precondition::absent()));
    VERIFY_OK(absentDelete);
    QVERIFY(!absentDelete->committed);
    QCOMPARE(absentDelete->outcomes, outcomes(Status::ConditionFailed, fresh->outcomes.first().version));
#undef VALUE
}

void TestSqliteStore::failedBatchWritesNothing()
{
    QVERIFY(createNamespace(u"ns"_s));
    const qint64 existing = mustPut(u"ns"_s, u"existing"_s, "old"_ba);
    QVERIFY(existing > 0);
    auto before = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(before);

    // The 2nd of three puts fails its precondition: nothing of the batch is written.
    auto batch = m_store->write(u"ns"_s,
        { WriteOp::put(u"first"_s, "1"_ba),
            WriteOp::put(u"existing"_s, "2"_ba, {}, std::nullopt, Precondition::absent()),
            WriteOp::put(u"third"_s, "3"_ba) },
        kNow);
    VERIFY_OK(batch);
    QVERIFY(!batch->committed);
    QCOMPARE(batch->outcomes,
        (QList<WriteOutcome> {
            { Status::Aborted, 0 }, { Status::ConditionFailed, existing }, { Status::Aborted, 0 } }));

    auto entries = m_store->getEntries(u"ns"_s, { u"first"_s, u"existing"_s, u"third"_s }, kNow);
    VERIFY_OK(entries);
    QVERIFY(!entries->at(0).has_value());
    QVERIFY(entries->at(1).has_value());
    QCOMPARE(entries->at(1)->value, "old"_ba);
    QCOMPARE(entries->at(1)->version, existing);
    QVERIFY(!entries->at(2).has_value());
    auto after = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(after);
    QVERIFY(*after == *before);
    auto keys = m_store->listKeys(u"ns"_s, KeyRange {}, kNow);
    VERIFY_OK(keys);
    QCOMPARE(keysOf(*keys), QList<QString> { u"existing"_s });

    // A delete in a failing batch is rolled back too, and every failing item is reported.
    auto mixed = m_store->write(u"ns"_s,
        { WriteOp::remove(u"existing"_s),
            WriteOp::put(u"other"_s, "x"_ba, {}, std::nullopt, Precondition::versionEquals(1'000'000)),
            WriteOp::put(u"new"_s, "y"_ba), WriteOp::remove(u"nothing"_s, Precondition::versionEquals(7)) },
        kNow);
    VERIFY_OK(mixed);
    QVERIFY(!mixed->committed);
    QCOMPARE(mixed->outcomes,
        (QList<WriteOutcome> { { Status::Aborted, 0 }, { Status::ConditionFailed, 0 }, { Status::Aborted, 0 },
            { Status::ConditionFailed, 0 } }));
    auto stillThere = m_store->getEntry(u"ns"_s, u"existing"_s, kNow);
    VERIFY_OK(stillThere);
    QVERIFY(stillThere->has_value());
    QCOMPARE((*stillThere)->version, existing);
    auto afterMixed = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(afterMixed);
    QVERIFY(*afterMixed == *before);
}

void TestSqliteStore::successfulBatchWritesEverything()
{
    QVERIFY(createNamespace(u"ns"_s));
    const qint64 existing = mustPut(u"ns"_s, u"existing"_s, "old"_ba);
    QVERIFY(existing > 0);

    // Ops apply in order: a later op of the batch sees what an earlier one wrote.
    auto batch = m_store->write(u"ns"_s,
        { WriteOp::put(u"a"_s, "1"_ba, {}, std::nullopt, Precondition::absent()),
            WriteOp::put(u"existing"_s, "new"_ba, {}, std::nullopt, Precondition::versionEquals(existing)),
            WriteOp::remove(u"a"_s), WriteOp::put(u"b"_s, "2"_ba) },
        kNow);
    VERIFY_OK(batch);
    QVERIFY(batch->committed);
    QCOMPARE(batch->outcomes.size(), 4);
    QCOMPARE(batch->outcomes.at(0).status, Status::Written);
    QCOMPARE(batch->outcomes.at(1).status, Status::Written);
    QCOMPARE(batch->outcomes.at(2), (WriteOutcome { Status::Deleted, 0 }));
    QCOMPARE(batch->outcomes.at(3).status, Status::Written);
    QVERIFY(batch->outcomes.at(0).version > existing);
    QVERIFY(batch->outcomes.at(1).version > batch->outcomes.at(0).version);
    QVERIFY(batch->outcomes.at(3).version > batch->outcomes.at(1).version);

    auto keys = m_store->listKeys(u"ns"_s, KeyRange {}, kNow);
    VERIFY_OK(keys);
    QCOMPARE(keysOf(*keys), (QList<QString> { u"b"_s, u"existing"_s }));
    auto ns = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(ns);
    QCOMPARE(ns->keyCount, 2);
    QCOMPARE(ns->bytes, entryBytes(u"b"_s, "2"_ba) + entryBytes(u"existing"_s, "new"_ba));
}

// Keyset pagination --------------------------------------------------------------------------

void TestSqliteStore::keysetPagination()
{
    QVERIFY(createNamespace(u"big"_s));
    // Unpadded numbers, so that byte order ("alpha/10" < "alpha/9") differs from numeric order.
    QList<QString> all;
    for (int i = 0; i < 1300; ++i) {
        all.append(u"alpha/%1"_s.arg(i));
    }
    for (int i = 0; i < 1200; ++i) {
        all.append(u"beta/%1"_s.arg(i));
    }
    QCOMPARE(all.size(), 2500);
    // Written in batches of 500 in an order that is neither numeric nor byte order.
    QList<QString> writeOrder = all;
    std::reverse(writeOrder.begin(), writeOrder.end());
    std::rotate(writeOrder.begin(), writeOrder.begin() + 777, writeOrder.end());
    for (qsizetype start = 0; start < writeOrder.size(); start += 500) {
        QList<WriteOp> ops;
        for (qsizetype i = start; i < start + 500; ++i) {
            ops.append(WriteOp::put(writeOrder.at(i), writeOrder.at(i).toUtf8()));
        }
        auto written = m_store->write(u"big"_s, ops, kNow);
        VERIFY_OK(written);
        QVERIFY(written->committed);
    }

    auto pageThrough = [this](const QString& prefix, QList<qsizetype>* pageSizes) {
        QList<QString> seen;
        QString after;
        while (true) {
            auto page = m_store->listKeys(u"big"_s, KeyRange { prefix, after, 1000 }, kNow);
            if (!page) {
                qWarning("listing failed: %s", qPrintable(describe(page)));
                return QList<QString>();
            }
            pageSizes->append(page->size());
            if (page->isEmpty() || pageSizes->size() > 10) {
                return seen;
            }
            seen += keysOf(*page);
            after = page->last().key;
        }
    };

    const QList<QString> expected = byteOrdered(all);
    QList<qsizetype> pageSizes;
    const QList<QString> seen = pageThrough(QString(), &pageSizes);
    QCOMPARE(pageSizes, (QList<qsizetype> { 1000, 1000, 500, 0 }));
    QCOMPARE(seen.size(), 2500);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 2500);
    QCOMPARE(seen, expected);
    QCOMPARE(seen.at(0), u"alpha/0"_s);
    QCOMPARE(seen.at(1), u"alpha/1"_s);
    QCOMPARE(seen.at(2), u"alpha/10"_s);
    QCOMPARE(seen.at(3), u"alpha/100"_s);

    // One prefix, paged the same way.
    QList<qsizetype> betaSizes;
    const QList<QString> beta = pageThrough(u"beta/"_s, &betaSizes);
    QCOMPARE(betaSizes, (QList<qsizetype> { 1000, 200, 0 }));
    QCOMPARE(beta, expected.mid(1300));

    // A cursor before the prefix starts at the prefix; one past it ends the listing.
    auto early = m_store->listKeys(u"big"_s, KeyRange { u"beta/"_s, u"alpha/999"_s, 3 }, kNow);
    VERIFY_OK(early);
    QCOMPARE(keysOf(*early), (QList<QString> { u"beta/0"_s, u"beta/1"_s, u"beta/10"_s }));
    auto late = m_store->listKeys(u"big"_s, KeyRange { u"alpha/"_s, u"beta/0"_s, 1000 }, kNow);
    VERIFY_OK(late);
    QVERIFY(late->isEmpty());
    // A cursor that is not itself a key still works: strictly after it in byte order.
    auto between = m_store->listKeys(u"big"_s, KeyRange { {}, u"alpha/999a"_s, 2 }, kNow);
    VERIFY_OK(between);
    QCOMPARE(keysOf(*between), (QList<QString> { u"beta/0"_s, u"beta/1"_s }));
    // A prefix nothing starts with.
    auto nothing = m_store->listKeys(u"big"_s, KeyRange { u"gamma"_s, {}, 1000 }, kNow);
    VERIFY_OK(nothing);
    QVERIFY(nothing->isEmpty());
}

void TestSqliteStore::prefixThatIsAWholeKey()
{
    QVERIFY(createNamespace(u"ns"_s));
    for (const QString& key : { u"user"_s, u"user/1"_s, u"user/10"_s, u"user/1/x"_s, u"user/2"_s, u"usera"_s,
             u"users"_s, u"use"_s, u"v"_s }) {
        QVERIFY(mustPut(u"ns"_s, key, key.toUtf8()) > 0);
    }
    auto user = m_store->listKeys(u"ns"_s, KeyRange { u"user"_s, {}, 100 }, kNow);
    VERIFY_OK(user);
    QCOMPARE(keysOf(*user),
        (QList<QString> { u"user"_s, u"user/1"_s, u"user/1/x"_s, u"user/10"_s, u"user/2"_s, u"usera"_s, u"users"_s }));

    // '/' (0x2f) sorts before '0' (0x30): "user/1/x" comes before "user/10".
    auto one = m_store->listKeys(u"ns"_s, KeyRange { u"user/1"_s, {}, 100 }, kNow);
    VERIFY_OK(one);
    QCOMPARE(keysOf(*one), (QList<QString> { u"user/1"_s, u"user/1/x"_s, u"user/10"_s }));

    // Paged with the whole key as the cursor, the key itself is not repeated.
    auto next = m_store->listKeys(u"ns"_s, KeyRange { u"user/1"_s, u"user/1"_s, 100 }, kNow);
    VERIFY_OK(next);
    QCOMPARE(keysOf(*next), (QList<QString> { u"user/1/x"_s, u"user/10"_s }));
    auto limited = m_store->listKeys(u"ns"_s, KeyRange { u"user"_s, {}, 1 }, kNow);
    VERIFY_OK(limited);
    QCOMPARE(keysOf(*limited), QList<QString> { u"user"_s });
}

void TestSqliteStore::utf8KeysSortByBytes()
{
    QVERIFY(createNamespace(u"ns"_s));
    // In byte order of UTF-8. QString (UTF-16) order differs: it puts U+1F600 (a surrogate pair,
    // 0xD83D...) before U+FF21 (0xFF21), UTF-8 puts F0 after EF.
    const QList<QString> expected {
        u"Z"_s, // 5a
        u"a"_s, // 61
        u"a/b"_s, // 61 2f
        u"ab"_s, // 61 62
        u"z"_s, // 7a
        u"\u00e9"_s, // c3 a9
        u"\u00e9/x"_s, // c3 a9 2f
        u"\u65e5\u672c"_s, // e6 97 a5 ...
        u"\uff21"_s, // ef bc a1
        u"\U0001F600"_s, // f0 9f 98 80
        u"\U0001F600/1"_s, // f0 9f 98 80 2f
        u"\U0001F601"_s, // f0 9f 98 81
    };
    QVERIFY(u"\U0001F600"_s < u"\uff21"_s); // the two orders really differ on these keys
    QCOMPARE(byteOrdered(expected), expected);

    QList<QString> writeOrder = expected;
    std::reverse(writeOrder.begin(), writeOrder.end());
    std::rotate(writeOrder.begin(), writeOrder.begin() + 5, writeOrder.end());
    for (const QString& key : std::as_const(writeOrder)) {
        QVERIFY(mustPut(u"ns"_s, key, key.toUtf8()) > 0);
    }

    auto all = m_store->listKeys(u"ns"_s, KeyRange {}, kNow);
    VERIFY_OK(all);
    QCOMPARE(keysOf(*all), expected);

    // Paged two at a time, with non-ASCII cursors.
    QList<QString> paged;
    QString after;
    for (int pages = 0; pages < 20; ++pages) {
        auto page = m_store->listKeys(u"ns"_s, KeyRange { {}, after, 2 }, kNow);
        VERIFY_OK(page);
        if (page->isEmpty()) {
            break;
        }
        paged += keysOf(*page);
        after = page->last().key;
    }
    QCOMPARE(paged, expected);

    // Non-ASCII prefixes: two bytes, three bytes, four bytes (upper bound F0 9F 98 81 excluded).
    auto eAcute = m_store->listKeys(u"ns"_s, KeyRange { u"\u00e9"_s, {}, 100 }, kNow);
    VERIFY_OK(eAcute);
    QCOMPARE(keysOf(*eAcute), (QList<QString> { u"\u00e9"_s, u"\u00e9/x"_s }));
    auto japanese = m_store->listKeys(u"ns"_s, KeyRange { u"\u65e5"_s, {}, 100 }, kNow);
    VERIFY_OK(japanese);
    QCOMPARE(keysOf(*japanese), QList<QString> { u"\u65e5\u672c"_s });
    auto emoji = m_store->listKeys(u"ns"_s, KeyRange { u"\U0001F600"_s, {}, 100 }, kNow);
    VERIFY_OK(emoji);
    QCOMPARE(keysOf(*emoji), (QList<QString> { u"\U0001F600"_s, u"\U0001F600/1"_s }));
    auto slash = m_store->listKeys(u"ns"_s, KeyRange { u"a/"_s, {}, 100 }, kNow);
    VERIFY_OK(slash);
    QCOMPARE(keysOf(*slash), QList<QString> { u"a/b"_s });

    // The keys come back intact.
    auto entry = m_store->getEntry(u"ns"_s, u"\U0001F600/1"_s, kNow);
    VERIFY_OK(entry);
    QVERIFY(entry->has_value());
    QCOMPARE((*entry)->value, u"\U0001F600/1"_s.toUtf8());
}

void TestSqliteStore::bothOrdersPageEachKeyOnce_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expected"); // keys in the range
    QTest::newRow("all, pages of 1000") << QString() << 1000 << 2520;
    QTest::newRow("all, pages of 333") << QString() << 333 << 2520;
    QTest::newRow("alpha/, pages of 1000") << u"alpha/"_s << 1000 << 1300;
    QTest::newRow("alpha/, pages of 7") << u"alpha/"_s << 7 << 1300;
    QTest::newRow("beta/, pages of 333") << u"beta/"_s << 333 << 1200;
    QTest::newRow("beta/, one page") << u"beta/"_s << 1200 << 1200;
    QTest::newRow("beta, the neighbours too") << u"beta"_s << 100 << 1203;
    QTest::newRow("\u00e9/, non-ASCII") << u"\u00e9/"_s << 3 << 10;
    QTest::newRow("nothing starts with it") << u"gamma"_s << 10 << 0;
}

void TestSqliteStore::bothOrdersPageEachKeyOnce()
{
    QFETCH(QString, prefix);
    QFETCH(int, limit);
    QFETCH(int, expected);
    QVERIFY(createNamespace(u"big"_s));
    // Unpadded numbers, so that byte order ("alpha/10" < "alpha/9") differs from numeric order,
    // and neighbours on both sides of each prefix that must stay out of its listing.
    QList<QString> all;
    for (int i = 0; i < 1300; ++i) {
        all.append(u"alpha/%1"_s.arg(i));
    }
    for (int i = 0; i < 1200; ++i) {
        all.append(u"beta/%1"_s.arg(i));
    }
    for (int i = 0; i < 10; ++i) {
        all.append(u"\u00e9/%1"_s.arg(i));
    }
    all += { u"alpha"_s, u"alpha."_s, u"alpha0"_s, u"beta"_s, u"beta."_s, u"beta0"_s, u"\u00e9"_s, u"\u00e90"_s,
        u"Alpha/1"_s, u"zeta/1"_s };
    // Written in batches in an order that is neither numeric nor byte order.
    QList<QString> writeOrder = all;
    std::rotate(writeOrder.begin(), writeOrder.begin() + 777, writeOrder.end());
    for (qsizetype start = 0; start < writeOrder.size(); start += 500) {
        QList<WriteOp> ops;
        for (qsizetype i = start; i < std::min(start + 500, writeOrder.size()); ++i) {
            ops.append(WriteOp::put(writeOrder.at(i), writeOrder.at(i).toUtf8()));
        }
        auto written = m_store->write(u"big"_s, ops, kNow);
        VERIFY_OK(written);
        QVERIFY(written->committed);
    }

    QList<QString> inRange;
    for (const QString& key : std::as_const(all)) {
        if (key.startsWith(prefix)) {
            inRange.append(key);
        }
    }
    QList<QString> ascending = byteOrdered(inRange);
    QCOMPARE(ascending.size(), expected);
    QList<QString> descending = ascending;
    std::reverse(descending.begin(), descending.end());
    const qsizetype fullPages = expected / limit;
    QList<qsizetype> expectedSizes(fullPages, limit);
    expectedSizes += { expected % limit, 0 };
    if (expectedSizes.size() > 1 && expectedSizes.at(expectedSizes.size() - 2) == 0) {
        expectedSizes.removeAt(expectedSizes.size() - 2); // an exact multiple: one empty page ends it
    }

    for (const KeyOrder order : { KeyOrder::Ascending, KeyOrder::Descending }) {
        const bool down = order == KeyOrder::Descending;
        QList<qsizetype> sizes;
        const QList<QString> seen = pageThroughKeys(*m_store, u"big"_s, prefix, order, limit, &sizes);
        QCOMPARE(seen, down ? descending : ascending);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size()); // each key once
        QCOMPARE(sizes, expectedSizes);
    }
}

void TestSqliteStore::descendingCursorBounds()
{
    QVERIFY(createNamespace(u"ns"_s));
    for (const QString& key : { u"a"_s, u"b"_s, u"b/1"_s, u"b/1/x"_s, u"b/10"_s, u"b/2"_s, u"b0"_s, u"c"_s }) {
        QVERIFY(mustPut(u"ns"_s, key, key.toUtf8()) > 0);
    }
    const auto listed = [this](const QString& prefix, const QString& after, int limit = 100) {
        auto page = m_store->listKeys(u"ns"_s, KeyRange { prefix, after, limit, KeyOrder::Descending }, kNow);
        return page ? keysOf(*page) : QList<QString> { u"error: "_s + describe(page) };
    };
    // '/' (0x2f) sorts before '0' (0x30): "b/1/x" comes before "b/10", so after it going down.
    QCOMPARE(listed(u"b/"_s, {}), (QList<QString> { u"b/2"_s, u"b/10"_s, u"b/1/x"_s, u"b/1"_s }));
    QCOMPARE(listed({}, {}, 3), (QList<QString> { u"c"_s, u"b0"_s, u"b/2"_s }));
    // The cursor itself is not repeated; a cursor that is not a key works as well.
    QCOMPARE(listed(u"b/"_s, u"b/10"_s), (QList<QString> { u"b/1/x"_s, u"b/1"_s }));
    QCOMPARE(listed(u"b/"_s, u"b/1a"_s), (QList<QString> { u"b/10"_s, u"b/1/x"_s, u"b/1"_s }));
    // A cursor above the prefix starts at its top; one at or below its bottom ends the listing.
    QCOMPARE(listed(u"b/"_s, u"c"_s), (QList<QString> { u"b/2"_s, u"b/10"_s, u"b/1/x"_s, u"b/1"_s }));
    QCOMPARE(listed(u"b/"_s, u"b/1"_s), QList<QString> {});
    QCOMPARE(listed(u"b/"_s, u"b"_s), QList<QString> {});
    QCOMPARE(listed(u"b/"_s, u"a"_s), QList<QString> {});
    // A prefix that is a whole key lists that key last.
    QCOMPARE(listed(u"b"_s, {}), (QList<QString> { u"b0"_s, u"b/2"_s, u"b/10"_s, u"b/1/x"_s, u"b/1"_s, u"b"_s }));
    // Expired entries stay out going down too.
    QVERIFY(mustPut(u"ns"_s, u"b/3"_s, "gone", {}, kNow + 1000) > 0);
    auto later = m_store->listKeys(u"ns"_s, KeyRange { u"b/"_s, {}, 100, KeyOrder::Descending }, kNow + 2000);
    VERIFY_OK(later);
    QCOMPARE(keysOf(*later).first(), u"b/2"_s);
    auto before = m_store->listKeys(u"ns"_s, KeyRange { u"b/"_s, {}, 100, KeyOrder::Descending }, kNow);
    VERIFY_OK(before);
    QCOMPARE(keysOf(*before).first(), u"b/3"_s);
}

void TestSqliteStore::keyPagesAreIndexRangeScans()
{
    // A page of keys must cost the same at any depth of a namespace of millions of keys: SQLite
    // must walk the (ns, key) index between two bounds (in either direction), never scan the
    // namespace or sort the page ("USE TEMP B-TREE FOR ORDER BY").
    QVERIFY(createNamespace(u"ns"_s));
    for (int i = 0; i < 50; ++i) {
        QVERIFY(mustPut(u"ns"_s, u"k/%1"_s.arg(i), "v") > 0);
    }
    m_store.reset(); // the plan is read through a connection of our own
    for (const char* sql :
        { kv::store::sql::kKeysAscendingFrom, kv::store::sql::kKeysAscendingAfter, kv::store::sql::kKeysDescending }) {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        const auto closeDb = qScopeGuard([db] { sqlite3_close(db); });
        sqlite3_stmt* stmt = nullptr;
        const QByteArray explain = "EXPLAIN QUERY PLAN " + QByteArray(sql);
        QCOMPARE(sqlite3_prepare_v2(db, explain.constData(), -1, &stmt, nullptr), SQLITE_OK);
        const auto finalize = qScopeGuard([stmt] { sqlite3_finalize(stmt); });
        QStringList plan;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            plan.append(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3))));
        }
        const QString text = plan.join(u" | "_s);
        QVERIFY2(plan.size() == 1, qPrintable(text));
        QVERIFY2(
            text.contains(u"USING INDEX sqlite_autoindex_entries_1 (ns=? AND key>? AND key<?)"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(text));
    }
    QVERIFY(reopen());
}

void TestSqliteStore::paginationWhileAnotherThreadInserts()
{
    QVERIFY(createNamespace(u"live"_s));
    // Even numbers exist at the start; a writer thread adds odd ones while the reader pages.
    // Zero-padded, so that byte order is numeric order and the cursor's number is easy to read.
    constexpr int kSpan = 4000;
    constexpr qsizetype kPage = 100;
    auto keyFor = [](int n) { return u"key-%1"_s.arg(n, 5, 10, QLatin1Char('0')); };
    auto numberOf = [](const QString& key) { return QStringView(key).mid(4).toInt(); };
    for (int start = 0; start < kSpan; start += 1000) {
        QList<WriteOp> ops;
        for (int n = start; n < start + 1000; n += 2) {
            ops.append(WriteOp::put(keyFor(n), "initial"_ba));
        }
        auto written = m_store->write(u"live"_s, ops, kNow);
        VERIFY_OK(written);
        QVERIFY(written->committed);
    }

    // The reader publishes the number of the last key it was given; the writer inserts keys
    // below it (behind the cursor: never to be seen) and keys from the top down (ahead of it).
    std::atomic<int> cursor { -1 };
    std::atomic<int> batches { 0 };
    std::atomic<bool> stop { false };
    QList<int> behind;
    QList<int> ahead;
    QString writerError;
    std::thread writer([&] {
        int nextBehind = 1;
        int nextAhead = kSpan - 1;
        while (!stop.load()) {
            const int c = cursor.load();
            QList<WriteOp> ops;
            QList<int> behindNow;
            while (nextBehind < c && nextBehind < nextAhead && behindNow.size() < 10) {
                ops.append(WriteOp::put(keyFor(nextBehind), "behind"_ba));
                behindNow.append(nextBehind);
                nextBehind += 2;
            }
            int aheadNow = -1;
            if (nextAhead > c && nextAhead > nextBehind) {
                ops.append(WriteOp::put(keyFor(nextAhead), "ahead"_ba));
                aheadNow = nextAhead;
                nextAhead -= 2;
            }
            if (!ops.isEmpty()) {
                auto written = m_store->write(u"live"_s, ops, kNow);
                if (!written || !written->committed) {
                    writerError = written ? u"batch not committed"_s : describe(written);
                    break;
                }
                behind += behindNow;
                if (aheadNow >= 0) {
                    ahead.append(aheadNow);
                }
            } else {
                std::this_thread::yield();
            }
            batches.fetch_add(1);
            batches.notify_all();
        }
        // Wake a reader waiting for a batch that will not come.
        batches.store(std::numeric_limits<int>::max());
        batches.notify_all();
    });
    auto joinWriter = qScopeGuard([&] {
        stop.store(true);
        if (writer.joinable()) {
            writer.join();
        }
    });

    QList<QString> seen;
    QString after;
    QString readerError;
    int pages = 0;
    while (pages < 1000) {
        auto page = m_store->listKeys(u"live"_s, KeyRange { {}, after, static_cast<int>(kPage) }, kNow);
        if (!page) {
            readerError = describe(page);
            break;
        }
        ++pages;
        seen += keysOf(*page);
        if (page->size() < kPage) {
            break;
        }
        after = page->last().key;
        // Publish the cursor, then let the writer finish at least one whole batch that read it,
        // so that every page races with writes both behind and ahead of the cursor.
        const int before = batches.load();
        cursor.store(numberOf(after));
        for (int now = batches.load(); now < before + 2; now = batches.load()) {
            batches.wait(now);
        }
    }
    joinWriter.dismiss();
    stop.store(true);
    writer.join();

    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QVERIFY(pages >= kSpan / 2 / kPage);
    // The writer really wrote behind the cursor and ahead of it during the listing.
    QVERIFY(behind.size() >= 10);
    QVERIFY(!ahead.isEmpty());

    // Strictly ascending in byte order: no key twice, none out of order.
    for (qsizetype i = 1; i < seen.size(); ++i) {
        QVERIFY2(seen.at(i - 1).toUtf8() < seen.at(i).toUtf8(),
            qPrintable(u"%1 then %2 at %3"_s.arg(seen.at(i - 1), seen.at(i)).arg(i)));
    }
    const QSet<QString> seenSet(seen.cbegin(), seen.cend());
    QCOMPARE(seenSet.size(), seen.size());
    // Every key that existed at the start was seen.
    for (int n = 0; n < kSpan; n += 2) {
        QVERIFY2(seenSet.contains(keyFor(n)), qPrintable(keyFor(n)));
    }
    // No key inserted behind the cursor was seen.
    for (const int n : std::as_const(behind)) {
        QVERIFY2(!seenSet.contains(keyFor(n)), qPrintable(keyFor(n)));
    }
    // Nothing was seen that nobody wrote.
    const QSet<int> aheadSet(ahead.cbegin(), ahead.cend());
    for (const QString& key : std::as_const(seen)) {
        const int n = numberOf(key);
        QVERIFY2(n % 2 == 0 || aheadSet.contains(n), qPrintable(key));
    }
    // Afterwards every written key is there.
    auto total = m_store->getNamespace(u"live"_s);
    VERIFY_OK(total);
    QCOMPARE(total->keyCount, kSpan / 2 + behind.size() + ahead.size());
}

// Concurrency --------------------------------------------------------------------------------

void TestSqliteStore::versionRaceHasExactlyOneWinner()
{
    QVERIFY(createNamespace(u"race"_s));
    const QString key = u"contended"_s;
    qint64 expected = mustPut(u"race"_s, key, "start"_ba);
    QVERIFY(expected > 0);
    constexpr int kRounds = 200;
    std::array<int, 2> wins { 0, 0 };

    for (int round = 0; round < kRounds; ++round) {
        std::array<std::optional<Result<BatchOutcome>>, 2> results;
        std::barrier start(2);
        auto attempt = [&](std::size_t thread) {
            const QByteArray value
                = QByteArray("thread " + QByteArray::number(thread) + " round " + QByteArray::number(round));
            start.arrive_and_wait();
            results.at(thread) = m_store->write(
                u"race"_s, { WriteOp::put(key, value, {}, std::nullopt, Precondition::versionEquals(expected)) }, kNow);
        };
        std::thread first(attempt, std::size_t(0));
        std::thread second(attempt, std::size_t(1));
        first.join();
        second.join();

        std::optional<std::size_t> winner;
        for (std::size_t t = 0; t < 2; ++t) {
            QVERIFY(results.at(t).has_value());
            const Result<BatchOutcome>& result = *results.at(t);
            VERIFY_OK(result);
            QCOMPARE(result->outcomes.size(), 1);
            if (result->committed) {
                QVERIFY2(!winner, qPrintable(u"round %1: both writers won"_s.arg(round)));
                QCOMPARE(result->outcomes.first().status, Status::Written);
                winner = t;
            }
        }
        QVERIFY2(winner.has_value(), qPrintable(u"round %1: nobody won"_s.arg(round)));
        const std::size_t loser = 1 - *winner;
        const qint64 newVersion = (*results.at(*winner))->outcomes.first().version;
        QVERIFY(newVersion > expected);
        // The loser was told the version the winner wrote.
        QCOMPARE((*results.at(loser))->outcomes, outcomes(WriteOutcome::Status::ConditionFailed, newVersion));

        auto stored = m_store->getEntry(u"race"_s, key, kNow);
        VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->version, newVersion);
        QCOMPARE((*stored)->value,
            QByteArray("thread " + QByteArray::number(*winner) + " round " + QByteArray::number(round)));
        ++wins.at(*winner);
        expected = newVersion;
    }
    QCOMPARE(wins.at(0) + wins.at(1), kRounds);
    auto ns = m_store->getNamespace(u"race"_s);
    VERIFY_OK(ns);
    QCOMPARE(ns->keyCount, 1);
}

// Files the store must refuse ----------------------------------------------------------------

void TestSqliteStore::textFileIsRefused()
{
    const QString path = m_dir->filePath(u"notes.txt"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 100; ++i) {
            file.write(QByteArray("These are somebody's notes, not a database. Line " + QByteArray::number(i) + '\n'));
        }
    }
    QVERIFY(backdate(path));
    const FileState before = fileState(path);
    QVERIFY(before.bytes.size() > 1000);

    auto opened = SqliteStore::open(optionsFor(path));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), ErrorCode::StoreCorrupt);
    QVERIFY(!opened.error().message().isEmpty());
    QVERIFY2(opened.error().message().contains(path), qPrintable(opened.error().message()));

    const FileState after = fileState(path);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modified, before.modified);
    // No journal or WAL was created beside it.
    QCOMPARE(QDir(m_dir->path()).entryList({ u"notes.txt*"_s }, QDir::Files), QStringList { u"notes.txt"_s });
}

void TestSqliteStore::foreignSqliteDatabaseIsRefused_data()
{
    QTest::addColumn<QByteArray>("setup");

    const QByteArray table = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
                             "INSERT INTO notes (body) VALUES ('one'), ('two'), ('three');";
    QTest::newRow("a table of its own") << table;
    QTest::newRow("its own application_id") << QByteArray("PRAGMA application_id = 305419896;" + table);
    QTest::newRow("an application_id and no tables") << "PRAGMA application_id = 42;"_ba;
    QTest::newRow("in WAL mode") << QByteArray("PRAGMA journal_mode = WAL;" + table);
    QTest::newRow("a user_version at or below ours") << QByteArray("PRAGMA user_version = 1;" + table);
    // Many applications set user_version; one above ours does not make the file a newer kvdesk store.
    QTest::newRow("a user_version above ours")
        << QByteArray("PRAGMA user_version = " + QByteArray::number(SqliteStore::schemaVersion() + 5) + ';' + table);
}

void TestSqliteStore::foreignSqliteDatabaseIsRefused()
{
    QFETCH(QByteArray, setup);
    const QString path = m_dir->filePath(u"other-app.db"_s);
    const QString created = execSql(path, setup.constData());
    QVERIFY2(created.isEmpty(), qPrintable(created));
    const std::optional<qint64> userVersion = queryInt(path, "PRAGMA user_version");
    const std::optional<qint64> applicationId = queryInt(path, "PRAGMA application_id");
    const std::optional<qint64> tables = queryInt(path, "SELECT count(*) FROM sqlite_schema");
    QVERIFY(userVersion && applicationId && tables);
    QVERIFY(backdate(path));
    const FileState before = fileState(path);
    QVERIFY(before.bytes.startsWith(QByteArrayView("SQLite format 3\0", 16)));

    auto opened = SqliteStore::open(optionsFor(path));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), ErrorCode::StoreCorrupt);
    QVERIFY(!opened.error().message().isEmpty());
    QVERIFY2(opened.error().message().contains(path), qPrintable(opened.error().message()));

    const FileState after = fileState(path);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modified, before.modified);
    // Still the other application's database, as it was.
    QCOMPARE(queryInt(path, "PRAGMA user_version"), userVersion);
    QCOMPARE(queryInt(path, "PRAGMA application_id"), applicationId);
    QCOMPARE(queryInt(path, "SELECT count(*) FROM sqlite_schema"), tables);
    if (setup.contains("notes")) {
        QCOMPARE(queryInt(path, "SELECT count(*) FROM notes"), std::optional<qint64>(3));
    }
}

void TestSqliteStore::newerStoreIsRefused()
{
    // A real store with data, then marked as written by a newer schema.
    QVERIFY(createNamespace(u"ns"_s));
    QVERIFY(mustPut(u"ns"_s, u"k"_s, "v"_ba) > 0);
    m_store.reset();
    const int newer = SqliteStore::schemaVersion() + 1;
    const QString marked
        = execSql(m_path, QByteArray("PRAGMA user_version = " + QByteArray::number(newer)).constData());
    QVERIFY2(marked.isEmpty(), qPrintable(marked));
    QCOMPARE(queryInt(m_path, "PRAGMA user_version"), std::optional<qint64>(newer));
    QVERIFY(backdate(m_path));
    const FileState before = fileState(m_path);

    auto opened = SqliteStore::open(optionsFor(m_path));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), ErrorCode::StoreTooNew);
    QVERIFY(!opened.error().message().isEmpty());
    QVERIFY2(opened.error().message().contains(m_path), qPrintable(opened.error().message()));

    const FileState after = fileState(m_path);
    QCOMPARE(after.bytes.size(), before.bytes.size());
    QVERIFY(after.bytes == before.bytes);
    QCOMPARE(after.modified, before.modified);
    QCOMPARE(queryInt(m_path, "PRAGMA user_version"), std::optional<qint64>(newer));
    QCOMPARE(queryInt(m_path, "SELECT count(*) FROM entries"), std::optional<qint64>(1));
}

void TestSqliteStore::unwritablePath_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("missing directory") << u"missing"_s;
    QTest::newRow("parent is a file") << u"file"_s;
    QTest::newRow("directory of /proc") << u"proc"_s;
    QTest::newRow("read-only directory") << u"readonly"_s;
}

void TestSqliteStore::unwritablePath()
{
    QFETCH(QString, kind);
    QString path;
    if (kind == u"missing"_s) {
        path = m_dir->filePath(u"no/such/dir/store.kv"_s);
    } else if (kind == u"file"_s) {
        const QString file = m_dir->filePath(u"plain-file"_s);
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("x");
        plain.close();
        path = file + u"/store.kv"_s;
    } else if (kind == u"proc"_s) {
        // Nobody, not even root, may create a file here.
        path = u"/proc/kvdesk-store-test-%1.kv"_s.arg(QCoreApplication::applicationPid());
    } else {
        if (::geteuid() == 0) {
            QSKIP("root writes into a read-only directory; the /proc row covers this case");
        }
        const QString dir = m_dir->filePath(u"readonly"_s);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        path = dir + u"/store.kv"_s;
    }

    auto opened = SqliteStore::open(optionsFor(path));
    if (kind == u"readonly"_s) {
        QFile::setPermissions(
            m_dir->filePath(u"readonly"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), ErrorCode::StoreIo);
    QVERIFY(!opened.error().message().isEmpty());
    QVERIFY2(opened.error().message().contains(path), qPrintable(opened.error().message()));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(u"no"_s)));
}

void TestSqliteStore::integrityCheckPasses()
{
    QVERIFY(createNamespace(u"ns"_s));
    VERIFY_OK(m_store->checkIntegrity());
    QList<WriteOp> ops;
    for (int i = 0; i < 500; ++i) {
        ops.append(WriteOp::put(u"key%1"_s.arg(i), QByteArray(i % 50, 'x'), QJsonObject { { u"i"_s, i } },
            i % 3 == 0 ? std::optional<Timestamp>(kNow + i) : std::nullopt));
    }
    auto written = m_store->write(u"ns"_s, ops, kNow);
    VERIFY_OK(written);
    QVERIFY(written->committed);
    auto purged = m_store->purgeExpired(kNow + 250, 1000);
    VERIFY_OK(purged);
    QCOMPARE(*purged, 84); // i = 0, 3, ..., 249
    VERIFY_OK(m_store->checkIntegrity());
    QVERIFY(reopen());
    VERIFY_OK(m_store->checkIntegrity());
    auto ns = m_store->getNamespace(u"ns"_s);
    VERIFY_OK(ns);
    QCOMPARE(ns->keyCount, 500 - 84);
}

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
