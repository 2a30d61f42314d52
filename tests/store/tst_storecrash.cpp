// Durability of SqliteStore across a crash: a child process (crash_writer) writes keys and
// acknowledges each one on stdout once its write returned; the test kills it with SIGKILL while it
// writes, reopens the store and checks that every acknowledged key is there with its value, that
// no half-written row is, that the namespace counters match the rows and that the file passes
// its integrity check. Several rounds on the same file exercise WAL recovery again and again.

#include "model/Entry.h"
#include "model/Error.h"
#include "store/SqliteStore.h"

#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace {

using kv::model::KeyInfo;
using kv::model::Timestamp;
using kv::store::KeyRange;
using kv::store::SqliteStore;

constexpr Timestamp kNow = 1'700'000'000'000;
constexpr int kAcksBeforeKill = 300;
constexpr int kReadTimeoutMs = 60'000;

// The key and value scheme of crash_writer.cpp.
QString keyFor(int round, int i)
{
    return u"r%1/%2"_s.arg(round).arg(i);
}

QByteArray valueFor(const QString& key)
{
    const QByteArray unit = key.toUtf8() + ':';
    QByteArray value;
    while (value.size() < 100) {
        value += unit;
    }
    return value.left(100);
}

template <typename T> QString describe(const kv::Result<T>& result)
{
    return result.ok() ? QString() : result.error().codeName() + u": "_s + result.error().message();
}

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable(describe(result)))

/// Reads the complete "acked <i>" lines of `buffer` into `acked` and leaves a partial last line
/// in it; false (with a warning) on a line that is not an acknowledgement.
bool takeAcks(QByteArray& buffer, QList<int>& acked)
{
    qsizetype end = buffer.indexOf('\n');
    while (end >= 0) {
        const QByteArray line = buffer.left(end);
        buffer.remove(0, end + 1);
        bool ok = false;
        const int i = line.startsWith("acked ") ? line.mid(6).toInt(&ok) : -1;
        if (!ok) {
            qWarning("unexpected line from crash_writer: %s", line.constData());
            return false;
        }
        acked.append(i);
        end = buffer.indexOf('\n');
    }
    return true;
}

} // namespace

class TestStoreCrash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWritesSurviveSigkill();
};

void TestStoreCrash::acknowledgedWritesSurviveSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"crash.kv"_s);
    QVERIFY(QFileInfo::exists(QStringLiteral(CRASH_WRITER)));

    // Every key acknowledged in any round so far.
    QList<QString> acknowledged;
    const QStringList modes { u"single"_s, u"batch"_s, u"single"_s, u"batch"_s };
    for (int round = 0; round < modes.size(); ++round) {
        QProcess child;
        child.setProgram(QStringLiteral(CRASH_WRITER));
        child.setArguments({ path, QString::number(round), modes.at(round) });
        child.start();
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

        QByteArray buffer;
        QList<int> acked;
        while (acked.size() < kAcksBeforeKill) {
            if (!child.waitForReadyRead(kReadTimeoutMs)) {
                QFAIL(qPrintable(u"round %1: crash_writer stopped after %2 acknowledgements (%3): %4"_s.arg(round)
                                     .arg(acked.size())
                                     .arg(child.errorString(), QString::fromLocal8Bit(child.readAllStandardError()))));
            }
            buffer += child.readAllStandardOutput();
            QVERIFY(takeAcks(buffer, acked));
        }

        // Kill it while it writes: no chance to finish a transaction, close the store or checkpoint.
        QCOMPARE(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
        QVERIFY(child.waitForFinished(kReadTimeoutMs));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // What it acknowledged before it died is still in the pipe.
        buffer += child.readAllStandardOutput();
        QVERIFY(takeAcks(buffer, acked));
        const QByteArray errors = child.readAllStandardError();
        QVERIFY2(errors.isEmpty(), errors.constData());

        // Acknowledged in order, each key once.
        for (qsizetype i = 0; i < acked.size(); ++i) {
            QCOMPARE(acked.at(i), static_cast<int>(i));
            acknowledged.append(keyFor(round, acked.at(i)));
        }
        // The writer never checkpointed on close, so there is a WAL for the next open to recover.
        QVERIFY(QFileInfo::exists(path + u"-wal"_s));

        SqliteStore::Options options;
        options.path = path;
        auto opened = SqliteStore::open(options);
        VERIFY_OK(opened);
        SqliteStore& store = *opened.value();
        VERIFY_OK(store.checkIntegrity());

        // Every acknowledged key, of this round and the earlier ones, with its value.
        for (qsizetype first = 0; first < acknowledged.size(); first += 500) {
            const QList<QString> keys = acknowledged.mid(first, 500);
            auto entries = store.getEntries(u"crash"_s, keys, kNow);
            VERIFY_OK(entries);
            QCOMPARE(entries->size(), keys.size());
            for (qsizetype i = 0; i < keys.size(); ++i) {
                const auto& entry = entries->at(i);
                QVERIFY2(entry.has_value(),
                    qPrintable(u"round %1: acknowledged key %2 is lost"_s.arg(round).arg(keys.at(i))));
                QCOMPARE(entry->value, valueFor(keys.at(i)));
            }
        }

        // Every row in the store is whole (a write that was not acknowledged may have committed,
        // but then completely), and the namespace counters agree with the rows.
        qint64 rows = 0;
        qint64 bytes = 0;
        QString after;
        while (true) {
            auto page = store.listKeys(u"crash"_s, KeyRange { {}, after, 1000 }, kNow);
            VERIFY_OK(page);
            if (page->isEmpty()) {
                break;
            }
            QList<QString> keys;
            for (const KeyInfo& info : std::as_const(*page)) {
                keys.append(info.key);
                QCOMPARE(info.size, 100);
                bytes += info.key.toUtf8().size() + info.size;
            }
            auto entries = store.getEntries(u"crash"_s, keys, kNow);
            VERIFY_OK(entries);
            for (qsizetype i = 0; i < keys.size(); ++i) {
                QVERIFY(entries->at(i).has_value());
                QCOMPARE(entries->at(i)->value, valueFor(keys.at(i)));
            }
            rows += page->size();
            after = page->last().key;
        }
        QVERIFY(rows >= acknowledged.size());
        auto ns = store.getNamespace(u"crash"_s);
        VERIFY_OK(ns);
        QCOMPARE(ns->keyCount, rows);
        QCOMPARE(ns->bytes, bytes);
        qInfo("round %d (%s): %lld acknowledged, %lld rows in the store", round, qPrintable(modes.at(round)),
            static_cast<long long>(acknowledged.size()), static_cast<long long>(rows));
    }
}

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_storecrash.moc"
