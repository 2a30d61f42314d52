// store_bench measures what core/service and core/store cost on top of SQLite itself: it fills a
// store through KvService and, in the same run, an identically shaped table through raw sqlite3
// prepared statements, then times point gets, single puts and batched puts on both sides and
// prints the two rates and their ratio. bench/README.md says how to run it and read its lines.

#include "model/Clock.h"
#include "service/KvService.h"
#include "store/SqliteStore.h"

#include <sqlite3.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>
#include <utility>
#include <vector>

namespace {

using kv::service::KvService;
using kv::service::PutRequest;
using kv::store::SqliteStore;
using BenchClock = std::chrono::steady_clock;

constexpr char kNamespace[] = "bench";
constexpr int kNamespaceBytes = 5;
constexpr qsizetype kValueBytes = 100;
/// Distinct random values the puts cycle through; enough that no two neighbours share one.
constexpr qsizetype kValuePool = 8192;
/// Entries per fill transaction, on both sides.
constexpr qint64 kFillBatch = 1000;
/// The fill alternates between the sides in chunks of this many entries.
constexpr qint64 kFillChunk = 50'000;
/// Each measured operation is split into this many rounds, alternating which side goes first
/// (ABBA), so that neither side always runs on the other's warmed or dirtied caches.
constexpr int kRounds = 4;
constexpr std::uint64_t kSeed = 0x6b76'6473'6265'6e63; // fixed: both sides and every run see the same keys
constexpr double kTargetRatio = 0.5;

/// A failure that ends the run. Thrown rather than exit()ed so that the temporary directory
/// and the open databases are still cleaned up on the way out of main().
struct BenchFailure
{
    QString message;
};

[[noreturn]] void fail(const QString& message)
{
    throw BenchFailure { message };
}

QString errorText(const kv::Error& error)
{
    return error.codeName() + QStringLiteral(": ") + error.message();
}

struct Options
{
    qint64 entries = 1'000'000;
    qint64 gets = 200'000;
    qint64 puts = 2000;
    qint64 batches = 200;
    qint64 batchSize = 100;
    QString dir;
    SqliteStore::Sync sync = SqliteStore::Sync::Full;
};

QByteArray keyUtf8(qint64 index)
{
    char buffer[32];
    const int length = std::snprintf(buffer, sizeof buffer, "key:%08lld", static_cast<long long>(index));
    return QByteArray(buffer, length);
}

/// One sequence of operations: which existing key each one touches and which value it writes.
/// Keys are kept in both the service's and SQLite's form, made before the clock starts.
struct KeySequence
{
    std::vector<QString> names;
    std::vector<QByteArray> utf8;
    std::vector<qsizetype> values;

    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(names.size()); }
};

/// Everything both sides do, drawn once from the fixed seed.
struct Workload
{
    qint64 entries = 0;
    qint64 batchSize = 0;
    std::vector<QByteArray> values;
    KeySequence warmGets, gets, warmPuts, puts, warmBatches, batches;

    [[nodiscard]] const QByteArray& fillValue(qint64 index) const
    {
        return values[static_cast<std::size_t>(index % kValuePool)];
    }
    [[nodiscard]] const QByteArray& value(const KeySequence& sequence, qsizetype i) const
    {
        return values[static_cast<std::size_t>(sequence.values[static_cast<std::size_t>(i)])];
    }
};

Workload makeWorkload(const Options& options)
{
    std::mt19937_64 rng(kSeed);
    Workload workload;
    workload.entries = options.entries;
    workload.batchSize = options.batchSize;
    std::uniform_int_distribution<int> byte(0, 255);
    workload.values.reserve(kValuePool);
    for (qsizetype v = 0; v < kValuePool; ++v) {
        QByteArray value(kValueBytes, Qt::Uninitialized);
        for (char& c : value) {
            c = static_cast<char>(byte(rng));
        }
        workload.values.push_back(value);
    }
    std::uniform_int_distribution<qint64> pickKey(0, options.entries - 1);
    std::uniform_int_distribution<qsizetype> pickValue(0, kValuePool - 1);
    const auto draw = [&](qint64 count) {
        KeySequence sequence;
        const auto n = static_cast<std::size_t>(count);
        sequence.names.reserve(n);
        sequence.utf8.reserve(n);
        sequence.values.reserve(n);
        for (qint64 i = 0; i < count; ++i) {
            QByteArray key = keyUtf8(pickKey(rng));
            sequence.names.push_back(QString::fromLatin1(key));
            sequence.utf8.push_back(std::move(key));
            sequence.values.push_back(pickValue(rng));
        }
        return sequence;
    };
    workload.warmGets = draw(std::min<qint64>(options.gets, 5000));
    workload.gets = draw(options.gets);
    workload.warmPuts = draw(std::min<qint64>(options.puts, 20));
    workload.puts = draw(options.puts);
    workload.warmBatches = draw(std::min<qint64>(options.batches, 3) * options.batchSize);
    workload.batches = draw(options.batches * options.batchSize);
    return workload;
}

// The service side ------------------------------------------------------------------------------

/// The code under test: SqliteStore with its defaults, and KvService over it on the system clock.
class ServiceSide final
{
public:
    ServiceSide(const QString& path, SqliteStore::Sync sync)
    {
        SqliteStore::Options options;
        options.path = path;
        options.sync = sync;
        auto opened = SqliteStore::open(options);
        if (!opened) {
            fail(QStringLiteral("cannot open the service store: ") + errorText(opened.error()));
        }
        m_store = std::move(opened.value());
        m_service = std::make_unique<KvService>(*m_store, kv::model::SystemClock::instance());
        if (auto created = m_service->createNamespace(m_namespace); !created) {
            fail(QStringLiteral("cannot create the namespace: ") + errorText(created.error()));
        }
    }

    void fill(const Workload& workload, qint64 first, qint64 last)
    {
        QList<PutRequest> batch;
        batch.reserve(kFillBatch);
        for (qint64 start = first; start < last; start += kFillBatch) {
            batch.clear();
            for (qint64 i = start; i < std::min(start + kFillBatch, last); ++i) {
                PutRequest request;
                request.key = QString::fromLatin1(keyUtf8(i));
                request.value = workload.fillValue(i);
                batch.append(std::move(request));
            }
            writeBatch(batch);
        }
    }

    void get(const KeySequence& keys, qsizetype first, qsizetype last)
    {
        for (qsizetype i = first; i < last; ++i) {
            auto entry = m_service->get(m_namespace, keys.names[static_cast<std::size_t>(i)]);
            if (!entry) {
                fail(QStringLiteral("service get failed: ") + errorText(entry.error()));
            }
            m_valueBytes += entry->value.size();
        }
    }

    void put(const Workload& workload, const KeySequence& keys, qsizetype first, qsizetype last)
    {
        for (qsizetype i = first; i < last; ++i) {
            PutRequest request;
            request.key = keys.names[static_cast<std::size_t>(i)];
            request.value = workload.value(keys, i);
            if (auto written = m_service->put(m_namespace, request); !written) {
                fail(QStringLiteral("service put failed: ") + errorText(written.error()));
            }
        }
    }

    /// Batches first..last of keys, each of workload.batchSize items.
    void putBatches(const Workload& workload, const KeySequence& keys, qsizetype first, qsizetype last)
    {
        QList<PutRequest> batch;
        batch.reserve(workload.batchSize);
        for (qsizetype b = first; b < last; ++b) {
            batch.clear();
            for (qsizetype i = b * workload.batchSize; i < (b + 1) * workload.batchSize; ++i) {
                PutRequest request;
                request.key = keys.names[static_cast<std::size_t>(i)];
                request.value = workload.value(keys, i);
                batch.append(std::move(request));
            }
            writeBatch(batch);
        }
    }

    [[nodiscard]] qint64 valueBytesRead() const { return m_valueBytes; }

private:
    void writeBatch(const QList<PutRequest>& batch)
    {
        auto written = m_service->putMany(m_namespace, batch);
        if (!written) {
            fail(QStringLiteral("service putMany failed: ") + errorText(written.error()));
        }
        if (!written->committed) {
            const auto failed = std::find_if(
                written->items.cbegin(), written->items.cend(), [](const auto& item) { return !item.ok(); });
            fail(QStringLiteral("service putMany was not committed: ")
                + (failed != written->items.cend() ? errorText(*failed->error) : QString()));
        }
    }

    const QString m_namespace = QString::fromLatin1(kNamespace);
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<KvService> m_service;
    qint64 m_valueBytes = 0;
};

// The raw reference -----------------------------------------------------------------------------

/// A prepared statement that is finalized with its owner.
class Statement final
{
public:
    Statement(sqlite3* db, const char* sql)
    {
        if (const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
            rc != SQLITE_OK) {
            fail(QStringLiteral("raw: cannot prepare \"%1\": %2").arg(QString::fromUtf8(sql), sqliteMessage(db)));
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Q_DISABLE_COPY_MOVE(Statement)

    [[nodiscard]] sqlite3_stmt* get() const { return m_stmt; }

    static QString sqliteMessage(sqlite3* db) { return QString::fromUtf8(sqlite3_errmsg(db)); }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

/// The reference: what the same operations cost when written directly against SQLite, on a
/// table made from SqliteStore::schemaSql() with the store's journal mode and synchronous level.
/// One connection, prepared statements, values bound without copies; a get copies the value
/// out as any caller that returns it must.
class RawSide final
{
public:
    RawSide(const QString& path, SqliteStore::Sync sync)
        : m_db(openDatabase(path))
    {
        execute(QByteArrayLiteral("PRAGMA journal_mode = WAL"));
        if (journalMode() != "wal") {
            fail(QStringLiteral("raw: the database did not switch to WAL"));
        }
        execute(sync == SqliteStore::Sync::Full ? QByteArrayLiteral("PRAGMA synchronous = FULL")
                                                : QByteArrayLiteral("PRAGMA synchronous = NORMAL"));
        execute(QByteArrayLiteral("BEGIN"));
        execute(SqliteStore::schemaSql().toUtf8());
        execute(QByteArrayLiteral("INSERT INTO namespaces (id, plan, created_at) VALUES ('bench', 'free', 0)"));
        execute(QByteArrayLiteral("COMMIT"));
        m_get = std::make_unique<Statement>(m_db.get(),
            "SELECT value, metadata, expires_at, version, updated_at FROM entries "
            "WHERE ns = ?1 AND key = ?2 AND (expires_at IS NULL OR expires_at > ?3)");
        m_upsert = std::make_unique<Statement>(m_db.get(),
            "INSERT INTO entries (ns, key, value, metadata, expires_at, version, updated_at, size, bytes) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (ns, key) DO UPDATE SET "
            "value = excluded.value, metadata = excluded.metadata, expires_at = excluded.expires_at, "
            "version = excluded.version, updated_at = excluded.updated_at, size = excluded.size, "
            "bytes = excluded.bytes");
        m_begin = std::make_unique<Statement>(m_db.get(), "BEGIN IMMEDIATE");
        m_commit = std::make_unique<Statement>(m_db.get(), "COMMIT");
    }

    void fill(const Workload& workload, qint64 first, qint64 last)
    {
        for (qint64 start = first; start < last; start += kFillBatch) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            run(*m_begin);
            for (qint64 i = start; i < std::min(start + kFillBatch, last); ++i) {
                upsert(keyUtf8(i), workload.fillValue(i), now);
            }
            run(*m_commit);
        }
    }

    void get(const KeySequence& keys, qsizetype first, qsizetype last)
    {
        sqlite3_stmt* stmt = m_get->get();
        for (qsizetype i = first; i < last; ++i) {
            const QByteArray& key = keys.utf8[static_cast<std::size_t>(i)];
            sqlite3_bind_text(stmt, 1, kNamespace, kNamespaceBytes, SQLITE_STATIC);
            sqlite3_bind_text(stmt, 2, key.constData(), static_cast<int>(key.size()), SQLITE_STATIC);
            sqlite3_bind_int64(stmt, 3, QDateTime::currentMSecsSinceEpoch());
            if (const int rc = sqlite3_step(stmt); rc != SQLITE_ROW) {
                sqlite3_reset(stmt);
                fail(QStringLiteral("raw get of %1 failed: %2")
                         .arg(QString::fromLatin1(key), rc == SQLITE_DONE ? QStringLiteral("no row") : message()));
            }
            const QByteArray value(
                static_cast<const char*>(sqlite3_column_blob(stmt, 0)), sqlite3_column_bytes(stmt, 0));
            const bool hasMetadata = sqlite3_column_type(stmt, 1) != SQLITE_NULL;
            const bool expires = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
            const qint64 version = sqlite3_column_int64(stmt, 3);
            const qint64 updatedAt = sqlite3_column_int64(stmt, 4);
            m_valueBytes += value.size();
            m_checksum += version + updatedAt + (hasMetadata ? 1 : 0) + (expires ? 1 : 0);
            sqlite3_reset(stmt);
        }
    }

    void put(const Workload& workload, const KeySequence& keys, qsizetype first, qsizetype last)
    {
        for (qsizetype i = first; i < last; ++i) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            run(*m_begin);
            upsert(keys.utf8[static_cast<std::size_t>(i)], workload.value(keys, i), now);
            run(*m_commit);
        }
    }

    void putBatches(const Workload& workload, const KeySequence& keys, qsizetype first, qsizetype last)
    {
        for (qsizetype b = first; b < last; ++b) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            run(*m_begin);
            for (qsizetype i = b * workload.batchSize; i < (b + 1) * workload.batchSize; ++i) {
                upsert(keys.utf8[static_cast<std::size_t>(i)], workload.value(keys, i), now);
            }
            run(*m_commit);
        }
    }

    [[nodiscard]] qint64 valueBytesRead() const { return m_valueBytes; }
    [[nodiscard]] qint64 checksum() const { return m_checksum; }

private:
    struct Closer
    {
        void operator()(sqlite3* db) const { sqlite3_close(db); }
    };
    using Database = std::unique_ptr<sqlite3, Closer>;

    static Database openDatabase(const QString& path)
    {
        sqlite3* handle = nullptr;
        // The store's flags: one user per connection, so no SQLite mutex.
        const int rc = sqlite3_open_v2(path.toUtf8().constData(), &handle,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
        Database db(handle);
        if (rc != SQLITE_OK) {
            fail(QStringLiteral("raw: cannot open %1: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
        }
        sqlite3_busy_timeout(handle, 5000);
        return db;
    }

    [[nodiscard]] QString message() const { return Statement::sqliteMessage(m_db.get()); }

    void execute(const QByteArray& sql)
    {
        if (sqlite3_exec(m_db.get(), sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            fail(QStringLiteral("raw: \"%1\" failed: %2").arg(QString::fromUtf8(sql.left(60)), message()));
        }
    }

    QByteArray journalMode()
    {
        const Statement pragma(m_db.get(), "PRAGMA journal_mode");
        if (sqlite3_step(pragma.get()) != SQLITE_ROW) {
            fail(QStringLiteral("raw: cannot read the journal mode: ") + message());
        }
        return QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(pragma.get(), 0)));
    }

    void run(const Statement& statement)
    {
        const int rc = sqlite3_step(statement.get());
        sqlite3_reset(statement.get());
        if (rc != SQLITE_DONE) {
            fail(QStringLiteral("raw: \"%1\" failed: %2")
                     .arg(QString::fromUtf8(sqlite3_sql(statement.get())), message()));
        }
    }

    void upsert(const QByteArray& key, const QByteArray& value, qint64 now)
    {
        sqlite3_stmt* stmt = m_upsert->get();
        sqlite3_bind_text(stmt, 1, kNamespace, kNamespaceBytes, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, key.constData(), static_cast<int>(key.size()), SQLITE_STATIC);
        sqlite3_bind_blob(stmt, 3, value.constData(), static_cast<int>(value.size()), SQLITE_STATIC);
        sqlite3_bind_null(stmt, 4);
        sqlite3_bind_null(stmt, 5);
        sqlite3_bind_int64(stmt, 6, ++m_version);
        sqlite3_bind_int64(stmt, 7, now);
        sqlite3_bind_int64(stmt, 8, value.size());
        sqlite3_bind_int64(stmt, 9, key.size() + value.size());
        run(*m_upsert);
    }

    Database m_db;
    std::unique_ptr<Statement> m_get;
    std::unique_ptr<Statement> m_upsert;
    std::unique_ptr<Statement> m_begin;
    std::unique_ptr<Statement> m_commit;
    qint64 m_version = 0;
    qint64 m_valueBytes = 0;
    qint64 m_checksum = 0;
};

// Measuring -------------------------------------------------------------------------------------

/// Seconds each side spent.
struct Times
{
    double service = 0;
    double raw = 0;
};

template <typename Work> double timed(Work&& work)
{
    const auto start = BenchClock::now();
    std::forward<Work>(work)();
    return std::chrono::duration<double>(BenchClock::now() - start).count();
}

/// Runs count units of work on both sides in `rounds` slices, alternating which side goes first.
template <typename ServiceWork, typename RawWork>
Times alternate(qint64 count, qint64 rounds, ServiceWork&& serviceWork, RawWork&& rawWork)
{
    Times times;
    for (qint64 round = 0; round < rounds; ++round) {
        const qint64 first = count * round / rounds;
        const qint64 last = count * (round + 1) / rounds;
        const auto service = [&] { times.service += timed([&] { serviceWork(first, last); }); };
        const auto raw = [&] { times.raw += timed([&] { rawWork(first, last); }); };
        if (round % 2 == 0) {
            service();
            raw();
        } else {
            raw();
            service();
        }
    }
    return times;
}

void report(const char* operation, qint64 items, const char* unit, const Times& times, bool informative)
{
    const double serviceRate = static_cast<double>(items) / times.service;
    const double rawRate = static_cast<double>(items) / times.raw;
    const double ratio = serviceRate / rawRate;
    const char* note = informative ? "   (informative)" : ratio < kTargetRatio ? "   BELOW TARGET 0.50" : "";
    std::printf("%-15s service %9.0f %-7s   raw %9.0f %-7s   ratio %.2f%s\n", operation, serviceRate, unit, rawRate,
        unit, ratio, note);
    std::fflush(stdout);
}

int run(const Options& options)
{
    std::unique_ptr<QTemporaryDir> temporary;
    QString dir = options.dir;
    if (dir.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>();
        if (!temporary->isValid()) {
            fail(QStringLiteral("cannot create a temporary directory: ") + temporary->errorString());
        }
        dir = temporary->path();
    } else if (!QDir().mkpath(dir)) {
        fail(QStringLiteral("cannot create the directory %1").arg(dir));
    }
    const QString servicePath = QDir(dir).filePath(QStringLiteral("service.kvdb"));
    const QString rawPath = QDir(dir).filePath(QStringLiteral("raw.sqlite"));
    for (const QString& path : { servicePath, rawPath }) {
        if (QFileInfo::exists(path)) {
            fail(QStringLiteral("%1 already exists; give --dir a directory without an earlier run's files").arg(path));
        }
    }

    std::printf("# store_bench: %lld entries of %lld-byte values, %lld gets, %lld puts, %lld batches of %lld; "
                "journal_mode=WAL synchronous=%s; %s\n",
        static_cast<long long>(options.entries), static_cast<long long>(kValueBytes),
        static_cast<long long>(options.gets), static_cast<long long>(options.puts),
        static_cast<long long>(options.batches), static_cast<long long>(options.batchSize),
        options.sync == SqliteStore::Sync::Full ? "FULL" : "NORMAL", qPrintable(QDir::toNativeSeparators(dir)));
    std::fflush(stdout);

    const Workload workload = makeWorkload(options);
    ServiceSide service(servicePath, options.sync);
    RawSide raw(rawPath, options.sync);

    const qint64 fillRounds = std::max<qint64>(2, (options.entries + kFillChunk - 1) / kFillChunk);
    const Times fill = alternate(
        options.entries, fillRounds, [&](qint64 first, qint64 last) { service.fill(workload, first, last); },
        [&](qint64 first, qint64 last) { raw.fill(workload, first, last); });
    report("fill", options.entries, "items/s", fill, true);

    service.get(workload.warmGets, 0, workload.warmGets.size());
    raw.get(workload.warmGets, 0, workload.warmGets.size());
    const Times gets = alternate(
        workload.gets.size(), kRounds, [&](qint64 first, qint64 last) { service.get(workload.gets, first, last); },
        [&](qint64 first, qint64 last) { raw.get(workload.gets, first, last); });
    if (service.valueBytesRead() != raw.valueBytesRead()) {
        fail(QStringLiteral("the sides read different amounts: service %1 bytes, raw %2 bytes")
                 .arg(service.valueBytesRead())
                 .arg(raw.valueBytesRead()));
    }
    report("get", workload.gets.size(), "ops/s", gets, false);

    service.put(workload, workload.warmPuts, 0, workload.warmPuts.size());
    raw.put(workload, workload.warmPuts, 0, workload.warmPuts.size());
    const Times puts = alternate(
        workload.puts.size(), kRounds,
        [&](qint64 first, qint64 last) { service.put(workload, workload.puts, first, last); },
        [&](qint64 first, qint64 last) { raw.put(workload, workload.puts, first, last); });
    report("put", workload.puts.size(), "ops/s", puts, false);

    const qint64 warmBatches = workload.warmBatches.size() / options.batchSize;
    service.putBatches(workload, workload.warmBatches, 0, warmBatches);
    raw.putBatches(workload, workload.warmBatches, 0, warmBatches);
    const Times batches = alternate(
        options.batches, kRounds,
        [&](qint64 first, qint64 last) { service.putBatches(workload, workload.batches, first, last); },
        [&](qint64 first, qint64 last) { raw.putBatches(workload, workload.batches, first, last); });
    const QByteArray batchLabel = QByteArrayLiteral("put batch ") + QByteArray::number(options.batchSize);
    report(batchLabel.constData(), options.batches * options.batchSize, "items/s", batches, false);
    return 0;
}

/// A positive count from the command line, or a message saying what is wrong with it.
std::optional<qint64> positive(const QCommandLineParser& parser, const QString& name, qint64 maximum)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < 1 || value > maximum) {
        std::fprintf(stderr, "store_bench: --%s must be a whole number from 1 to %lld\n", qPrintable(name),
            static_cast<long long>(maximum));
        return std::nullopt;
    }
    return value;
}

} // namespace

int main(int argc, char* argv[])
{
    const QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("store_bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures KvService over SqliteStore against raw sqlite3 prepared statements on an identically "
                       "shaped table, and prints both rates and their ratio per operation."));
    parser.addHelpOption();
    const auto option = [&](const char* name, const char* description, const char* valueName, const char* value) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
            QString::fromLatin1(valueName), QString::fromLatin1(value)));
    };
    option("entries", "Entries to fill each database with.", "N", "1000000");
    option("gets", "Random point gets to time.", "N", "200000");
    option("puts", "Single puts (one transaction each) to time.", "N", "2000");
    option("batches", "Batched puts to time.", "N", "200");
    option("batch-size", "Items per batched put.", "M", "100");
    option("dir", "Directory for the two databases (kept); default: a temporary one, removed at exit.", "PATH", "");
    option("sync", "SQLite synchronous level on both sides: normal or full.", "normal|full", "full");
    parser.process(app);

    Options options;
    const qint64 maxCount = 100'000'000;
    const auto entries = positive(parser, QStringLiteral("entries"), maxCount);
    const auto gets = positive(parser, QStringLiteral("gets"), maxCount);
    const auto puts = positive(parser, QStringLiteral("puts"), maxCount);
    const auto batches = positive(parser, QStringLiteral("batches"), maxCount);
    const auto batchSize = positive(parser, QStringLiteral("batch-size"), 10000); // Limits::maxBatchItems
    if (!entries || !gets || !puts || !batches || !batchSize) {
        return 2;
    }
    options.entries = *entries;
    options.gets = *gets;
    options.puts = *puts;
    options.batches = *batches;
    options.batchSize = *batchSize;
    options.dir = parser.value(QStringLiteral("dir"));
    const QString sync = parser.value(QStringLiteral("sync")).toLower();
    if (sync == QLatin1StringView("full")) {
        options.sync = SqliteStore::Sync::Full;
    } else if (sync == QLatin1StringView("normal")) {
        options.sync = SqliteStore::Sync::Normal;
    } else {
        std::fprintf(stderr, "store_bench: --sync must be normal or full\n");
        return 2;
    }

    try {
        return run(options);
    } catch (const BenchFailure& failure) {
        std::fprintf(stderr, "store_bench: %s\n", qPrintable(failure.message));
        return 1;
    }
}
