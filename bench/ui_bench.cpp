// ui_bench: the key table of the real MainWindow/DataConsole (offscreen) on a namespace of a
// million keys — time to the first page shown, the longest UI-thread stall while scrolling to the
// end, the same for a prefix search, and the resident memory it takes — against the same first
// page read straight from SQLite in the same run. A benchmark, not a test: it prints, never asserts.

#include "client/EmbeddedClient.h"
#include "ui/DataConsole.h"
#include "ui/MainWindow.h"
#include "ui/models/KeyTableModel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

using kv::client::EmbeddedClient;
using kv::ui::KeyTableModel;

namespace {

constexpr auto kBigNamespace = "million";
/// A small namespace that sorts first, so the console selects it by itself at start and the
/// bench can time the switch to the big one.
constexpr auto kSmallNamespace = "catalog";
constexpr double kFirstPageBudgetMs = 100;
constexpr double kStallBudgetMs = 50;
constexpr double kMemoryBudgetMiB = 100;

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

QString keyOf(int i)
{
    // 20 bytes, like the user records many stores hold: user:0000042:profile.
    return QStringLiteral("user:%1:profile").arg(i, 7, 10, QLatin1Char('0'));
}

double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

/// Runs the event loop until `done` or `timeoutMs`; false on the timeout. A bench may spin the
/// loop; the UI code it measures may not.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::AllEvents);
    }
    return true;
}

template <typename T> std::optional<T> await(QFuture<T> future, int timeoutMs = 600'000)
{
    QFutureWatcher<T> watcher;
    bool finished = false;
    QObject::connect(&watcher, &QFutureWatcher<T>::finished, &watcher, [&finished] { finished = true; });
    watcher.setFuture(future);
    // A poll timer keeps the loop waking even if the future finished before the watcher saw it.
    QTimer poll;
    poll.start(10);
    if (!waitFor([&] { return finished || future.isFinished(); }, timeoutMs)) {
        return std::nullopt;
    }
    return future.result();
}

/// CPU time the calling thread has used, in milliseconds.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// The UI thread's heartbeat: a 5 ms timer whose late ticks are the stalls. It also notes how
/// much of the longest gap the UI thread spent on the CPU: on a loaded machine a gap with little
/// CPU in it is the scheduler's, not the code's.
class Watchdog final
{
public:
    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const double gap = static_cast<double>(m_sinceTick.nsecsElapsed()) / 1e6;
            const double cpu = threadCpuMs();
            if (gap > m_longest) {
                m_longest = gap;
                m_longestCpu = cpu - m_cpuAtTick;
            }
            m_cpuAtTick = cpu;
            m_sinceTick.start();
        });
    }
    void restart()
    {
        m_longest = 0;
        m_longestCpu = 0;
        m_cpuAtTick = threadCpuMs();
        m_sinceTick.start();
        m_timer.start();
    }
    /// The longest gap between ticks so far.
    [[nodiscard]] double longestMs() const { return m_longest; }
    /// The UI thread's CPU time within that gap.
    [[nodiscard]] double longestCpuMs() const { return m_longestCpu; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    double m_cpuAtTick = 0;
    double m_longest = 0;
    double m_longestCpu = 0;
};

/// Notes when the key view paints with rows in its model: the first page "shown".
class PaintProbe final : public QObject
{
public:
    PaintProbe(QTableView& view)
        : m_view(view)
    {
        view.viewport()->installEventFilter(this);
    }
    void arm() { m_painted = false; }
    [[nodiscard]] bool painted() const { return m_painted; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_view.model()->rowCount() > 0 && !m_painted) {
            // Counted once the paint itself is over: the zero timer runs after this event.
            QTimer::singleShot(0, this, [this] { m_painted = true; });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView& m_view;
    bool m_painted = false;
};

/// The first page of keys under `prefix`, read with the statement the store uses, on one raw
/// connection: the floor for the UI's first page. Milliseconds, or -1 on an error.
double rawFirstPageOnceMs(const QString& storePath, const QString& ns, const QString& prefix, int pageSize)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(storePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    QByteArray upper = prefix.toUtf8();
    // The prefix's upper bound as the store computes it; for an empty prefix, all keys.
    if (upper.isEmpty()) {
        upper = QByteArray(1, '\xff');
    } else {
        upper[upper.size() - 1] = static_cast<char>(upper.back() + 1);
    }
    const char* sql = "SELECT key, size, expires_at, metadata, version, updated_at FROM entries "
                      "WHERE ns = ?1 AND key >= ?2 AND key < ?3 AND (expires_at IS NULL OR expires_at > ?4) "
                      "ORDER BY key LIMIT ?5";
    QElapsedTimer clock;
    clock.start();
    sqlite3_stmt* stmt = nullptr;
    double ms = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        const QByteArray nsBytes = ns.toUtf8();
        const QByteArray prefixBytes = prefix.toUtf8();
        sqlite3_bind_text(stmt, 1, nsBytes.constData(), static_cast<int>(nsBytes.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, prefixBytes.constData(), static_cast<int>(prefixBytes.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, upper.constData(), static_cast<int>(upper.size()), SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 4, QDateTime::currentMSecsSinceEpoch());
        sqlite3_bind_int(stmt, 5, pageSize + 1);
        // Copy out what a caller must (the keys and metadata as strings), as the service does.
        QStringList keys;
        QStringList metadata;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            keys.append(QString::fromUtf8(
                reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), sqlite3_column_bytes(stmt, 0)));
            metadata.append(QString::fromUtf8(
                reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)), sqlite3_column_bytes(stmt, 3)));
        }
        ms = keys.isEmpty() ? -1 : static_cast<double>(clock.nsecsElapsed()) / 1e6;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ms;
}

/// The best of three: the first read also pays for opening the file and warming SQLite's cache.
double rawFirstPageMs(const QString& storePath, const QString& ns, const QString& prefix, int pageSize)
{
    double best = -1;
    for (int i = 0; i < 3; ++i) {
        const double ms = rawFirstPageOnceMs(storePath, ns, prefix, pageSize);
        best = best < 0 || (ms >= 0 && ms < best) ? ms : best;
    }
    return best;
}

struct StoreOutcome
{
    bool ok = false;
    bool reused = false;
    double seconds = 0;
};

/// Opens the store at `path` and makes sure it holds the bench's namespaces; an incomplete or
/// foreign store there is replaced. Keys go in as the client's largest batches, the next one
/// built while the previous one is written.
StoreOutcome prepareStore(const QString& path, int keys)
{
    StoreOutcome outcome;
    QElapsedTimer clock;
    clock.start();
    {
        auto opened = EmbeddedClient::open(path);
        if (!opened) {
            std::fprintf(
                stderr, "ui_bench: cannot open %s: %s\n", qPrintable(path), qPrintable(opened.error().message()));
            return outcome;
        }
        auto big = await((*opened)->getNamespace(str(kBigNamespace)));
        auto small = await((*opened)->getNamespace(str(kSmallNamespace)));
        if (big && *big && (*big)->keyCount == keys && small && *small) {
            outcome.ok = outcome.reused = true;
            outcome.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
            return outcome;
        }
    }
    // Start again from nothing: a store from an interrupted run has a partial namespace.
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile::remove(path + suffix);
    }
    auto opened = EmbeddedClient::open(path);
    if (!opened) {
        std::fprintf(
            stderr, "ui_bench: cannot create %s: %s\n", qPrintable(path), qPrintable(opened.error().message()));
        return outcome;
    }
    EmbeddedClient& client = **opened;
    // The business plan has no quotas: a million writes and thousands of listings stay allowed.
    for (const char* ns : { kBigNamespace, kSmallNamespace }) {
        auto made = await(client.createNamespace(str(ns), QStringLiteral("business")));
        if (!made || !*made) {
            std::fprintf(stderr, "ui_bench: cannot create namespace %s\n", ns);
            return outcome;
        }
    }
    QList<kv::client::PutRequest> few;
    for (int i = 0; i < 10; ++i) {
        few.append({ QStringLiteral("product:%1").arg(i), "{}", {}, {}, {} });
    }
    if (auto done = await(client.putMany(str(kSmallNamespace), few)); !done || !*done || !(*done)->committed) {
        std::fprintf(stderr, "ui_bench: cannot fill %s\n", kSmallNamespace);
        return outcome;
    }

    constexpr int kBatch = 10'000; // the service's batch limit
    const QJsonObject meta { { QStringLiteral("owner"), QStringLiteral("team-7") },
        { QStringLiteral("source"), QStringLiteral("import") } };
    const auto batchFrom = [&](int first) {
        QList<kv::client::PutRequest> batch;
        batch.reserve(kBatch);
        for (int i = first; i < std::min(first + kBatch, keys); ++i) {
            // A 60-byte JSON value; metadata on every other key, as stores often have.
            QByteArray value = "{\"name\":\"User " + QByteArray::number(i)
                + "\",\"plan\":\"pro\",\"visits\":" + QByteArray::number(i % 997) + "}";
            batch.append({ keyOf(i), std::move(value), i % 2 ? meta : QJsonObject(), {}, {} });
        }
        return batch;
    };
    std::optional<QFuture<kv::Result<kv::client::BatchResult>>> inFlight;
    for (int first = 0; first < keys; first += kBatch) {
        auto next = client.putMany(str(kBigNamespace), batchFrom(first));
        if (inFlight) {
            auto done = await(*inFlight);
            if (!done || !*done || !(*done)->committed) {
                std::fprintf(stderr, "ui_bench: a batch failed: %s\n",
                    done && !*done ? qPrintable(done->error().message()) : "not committed");
                return outcome;
            }
        }
        inFlight = next;
        std::fprintf(stderr, "\rui_bench: writing keys %d/%d", std::min(first + kBatch, keys), keys);
    }
    if (inFlight) {
        auto done = await(*inFlight);
        if (!done || !*done || !(*done)->committed) {
            std::fprintf(stderr, "\nui_bench: the last batch failed\n");
            return outcome;
        }
    }
    std::fprintf(stderr, "\n");
    outcome.ok = true;
    outcome.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    return outcome;
}

struct Phase
{
    double firstPageMs = -1;
    double firstPageStallMs = 0;
    double firstPageStallCpuMs = 0;
    double scrollSeconds = 0;
    double scrollStallMs = 0;
    double scrollStallCpuMs = 0;
    int rows = 0;
    int pages = 0;
    bool timedOut = false;
};

const char* verdict(bool ok)
{
    return ok ? "ok" : "OVER BUDGET";
}

/// Scrolls the view to the bottom again and again, each time waiting for the page that asks
/// for, until the model has every row.
void scrollToEnd(QTableView& view, KeyTableModel& model, Watchdog& watchdog, Phase& phase)
{
    QElapsedTimer clock;
    clock.start();
    watchdog.restart();
    while (!model.isComplete()) {
        const int rows = model.rowCount();
        view.scrollToBottom();
        if (!waitFor([&] { return model.rowCount() > rows || model.isComplete(); }, 60'000)) {
            phase.timedOut = true;
            break;
        }
    }
    // Let the view lay out and paint the last page too.
    waitFor([] { return false; }, 50);
    phase.scrollStallMs = watchdog.longestMs();
    phase.scrollStallCpuMs = watchdog.longestCpuMs();
    phase.scrollSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
    phase.rows = model.rowCount();
}

} // namespace

int main(int argc, char* argv[])
{
    // Offscreen unless told otherwise: the bench needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kvdesk-ui_bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times kvdesk's key table on a namespace of a million keys."));
    parser.addHelpOption();
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        QStringLiteral("Keep the store in <dir> and reuse it when it is complete (default: a temporary "
                       "directory, removed at exit)."),
        QStringLiteral("dir"));
    const QCommandLineOption keysOption(QStringLiteral("keys"),
        QStringLiteral("Keys in the big namespace (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption prefixOption(QStringLiteral("prefix"),
        QStringLiteral("The prefix searched for (default user:01, a tenth of the keys)."), QStringLiteral("text"),
        QStringLiteral("user:01"));
    parser.addOption(cacheOption);
    parser.addOption(keysOption);
    parser.addOption(prefixOption);
    parser.process(app);
    bool keysOk = false;
    const int keys = parser.value(keysOption).toInt(&keysOk);
    if (!keysOk || keys < 1000 || keys > 10'000'000) {
        std::fprintf(stderr, "ui_bench: --keys takes 1000..10000000\n");
        return 2;
    }
    const QString prefix = parser.value(prefixOption);

    QTemporaryDir temporary;
    QString dir = parser.value(cacheOption);
    if (dir.isEmpty()) {
        if (!temporary.isValid()) {
            std::fprintf(stderr, "ui_bench: no temporary directory\n");
            return 1;
        }
        dir = temporary.path();
    } else if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "ui_bench: cannot create %s\n", qPrintable(dir));
        return 1;
    }
    // The window remembers its geometry in QSettings: keep the bench's apart from the user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, QDir(dir).filePath(QStringLiteral("settings")));
    const QString storePath = QDir(dir).filePath(QStringLiteral("ui_bench-%1.kvstore").arg(keys));

    const StoreOutcome store = prepareStore(storePath, keys);
    if (!store.ok) {
        return 1;
    }
    std::printf("# ui_bench: %d keys in namespace %s, prefix \"%s\"; store %s (%s in %.1f s); Qt %s, %s\n", keys,
        kBigNamespace, qPrintable(prefix), qPrintable(storePath), store.reused ? "reused" : "created", store.seconds,
        qVersion(), qPrintable(QGuiApplication::platformName()));
    std::fflush(stdout);

    const double rssBefore = residentMiB();
    auto opened = EmbeddedClient::open(storePath);
    if (!opened) {
        std::fprintf(stderr, "ui_bench: %s\n", qPrintable(opened.error().message()));
        return 1;
    }
    kv::ui::MainWindow window;
    window.resize(1280, 800);
    window.setClient(std::move(opened.value()));
    window.show();
    auto* namespaces = window.findChild<QTreeView*>(QStringLiteral("namespaces"));
    auto* view = window.findChild<QTableView*>(QStringLiteral("keys"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("keySearch"));
    auto* model = view ? qobject_cast<KeyTableModel*>(view->model()) : nullptr;
    if (!namespaces || !view || !search || !model) {
        std::fprintf(stderr, "ui_bench: the window has no namespaces/keys/keySearch\n");
        return 1;
    }
    // The console selects the first namespace by itself; wait for it and its keys to settle.
    if (!waitFor([&] { return model->namespaceId() == str(kSmallNamespace) && model->isComplete(); }, 30'000)) {
        std::fprintf(stderr, "ui_bench: the console never showed %s\n", kSmallNamespace);
        return 1;
    }
    const double rssOpen = residentMiB();
    const int pageSize = 500; // KeyTableModel's default page

    Watchdog watchdog;
    PaintProbe probe(*view);
    // Pages of the phase under way, its first one included.
    Phase* current = nullptr;
    QObject::connect(model, &KeyTableModel::pageLoaded, model, [&current] {
        if (current) {
            ++current->pages;
        }
    });
    QElapsedTimer clock;

    // 1. Open the big namespace: select it in the tree as a click would.
    Phase open;
    current = &open;
    const double rawOpen = rawFirstPageMs(storePath, str(kBigNamespace), {}, pageSize);
    QModelIndex bigRow;
    for (int row = 0; row < namespaces->model()->rowCount(); ++row) {
        const QModelIndex index = namespaces->model()->index(row, 0);
        if (index.data().toString() == str(kBigNamespace)) {
            bigRow = index;
        }
    }
    if (!bigRow.isValid()) {
        std::fprintf(stderr, "ui_bench: no namespace %s in the tree\n", kBigNamespace);
        return 1;
    }
    probe.arm();
    watchdog.restart();
    clock.start();
    namespaces->setCurrentIndex(bigRow);
    if (!waitFor([&] { return probe.painted(); }, 30'000)) {
        std::fprintf(stderr, "ui_bench: the first page of %s never showed\n", kBigNamespace);
        return 1;
    }
    open.firstPageMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    open.firstPageStallMs = watchdog.longestMs();
    open.firstPageStallCpuMs = watchdog.longestCpuMs();
    scrollToEnd(*view, *model, watchdog, open);
    const double rssScrolled = residentMiB();

    // 2. A prefix search: type it, then Return (which skips the typing delay).
    Phase found;
    current = &found;
    const double rawSearch = rawFirstPageMs(storePath, str(kBigNamespace), prefix, pageSize);
    search->setFocus();
    QTest::keyClicks(search, prefix);
    probe.arm();
    watchdog.restart();
    clock.start();
    QTest::keyClick(search, Qt::Key_Return);
    if (!waitFor([&] { return model->prefix() == prefix && probe.painted(); }, 30'000)) {
        std::fprintf(
            stderr, "ui_bench: the first page of the search never showed (no key under \"%s\"?)\n", qPrintable(prefix));
        return 1;
    }
    found.firstPageMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    found.firstPageStallMs = watchdog.longestMs();
    found.firstPageStallCpuMs = watchdog.longestCpuMs();
    scrollToEnd(*view, *model, watchdog, found);
    const double rssSearched = residentMiB();

    const auto printFirst = [&](const char* label, const Phase& phase, double raw) {
        const bool ok = phase.firstPageMs < kFirstPageBudgetMs && phase.firstPageStallMs < kStallBudgetMs;
        std::printf("%-14s first page shown %6.1f ms (longest stall %5.1f ms, %5.1f ms CPU)   raw sqlite %5.2f ms   "
                    "ratio %5.1fx   budget %.0f ms   %s\n",
            label, phase.firstPageMs, phase.firstPageStallMs, phase.firstPageStallCpuMs, raw,
            raw > 0 ? phase.firstPageMs / raw : 0.0, kFirstPageBudgetMs, verdict(ok));
    };
    const auto printScroll = [&](const char* label, const Phase& phase) {
        std::printf("%-14s scrolled %7d rows in %4d pages, %5.1f s   longest stall %5.1f ms (%5.1f ms CPU)   "
                    "budget %.0f ms   %s%s\n",
            label, phase.rows, phase.pages, phase.scrollSeconds, phase.scrollStallMs, phase.scrollStallCpuMs,
            kStallBudgetMs, verdict(phase.scrollStallMs < kStallBudgetMs), phase.timedOut ? "   (TIMED OUT)" : "");
    };
    printFirst("open namespace", open, rawOpen);
    printScroll("scroll all", open);
    printFirst("prefix search", found, rawSearch);
    printScroll("scroll search", found);
    std::printf(
        "memory         VmRSS %.1f MiB before opening, %.1f MiB with %s open, %.1f MiB after scrolling %d rows, "
        "%.1f MiB after the search   growth %.1f MiB   budget %.0f MiB   %s\n",
        rssBefore, rssOpen, kSmallNamespace, rssScrolled, open.rows, rssSearched, rssScrolled - rssOpen,
        kMemoryBudgetMiB, verdict(rssScrolled - rssOpen < kMemoryBudgetMiB));
    return open.timedOut || found.timedOut ? 1 : 0;
}
