// crash_writer: the child process of tst_storecrash. It opens a SqliteStore, then writes keys
// until it is killed, printing "acked <i>" on stdout (flushed) only after the write of key i
// returned success: every line it printed is a promise that the key survives a crash.
//
// Usage: crash_writer <store path> <round> single|batch
// Key i of round r is "r<r>/<i>"; its value is valueFor(key). tst_storecrash.cpp repeats both.

#include "model/Error.h"
#include "model/Namespace.h"
#include "store/SqliteStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using kv::store::SqliteStore;
using kv::store::WriteOp;

constexpr kv::model::Timestamp kNow = 1'700'000'000'000;
// Far more than the parent waits for; a bound so that a forgotten child cannot fill the disk.
constexpr int kMaxKeys = 200'000;

QString keyFor(int round, int i)
{
    return QStringLiteral("r%1/%2").arg(round).arg(i);
}

/// About 100 bytes that depend on the key, so that a value stored under the wrong key shows.
QByteArray valueFor(const QString& key)
{
    const QByteArray unit = key.toUtf8() + ':';
    QByteArray value;
    while (value.size() < 100) {
        value += unit;
    }
    return value.left(100);
}

int fail(const QString& what)
{
    std::fprintf(stderr, "crash_writer: %s\n", what.toLocal8Bit().constData());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4 || (std::strcmp(argv[3], "single") != 0 && std::strcmp(argv[3], "batch") != 0)) {
        std::fprintf(stderr, "usage: crash_writer <store path> <round> single|batch\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int round = std::atoi(argv[2]);
    const int batchSize = std::strcmp(argv[3], "batch") == 0 ? 200 : 1;

    SqliteStore::Options options;
    options.path = path;
    auto opened = SqliteStore::open(options);
    if (!opened) {
        return fail(opened.error().message());
    }
    SqliteStore& store = *opened.value();

    kv::model::Namespace ns;
    ns.id = QStringLiteral("crash");
    ns.plan = QStringLiteral("free");
    ns.createdAt = kNow;
    // Later rounds find the namespace of the first one.
    if (auto created = store.createNamespace(ns);
        !created && created.error().code() != kv::ErrorCode::NamespaceExists) {
        return fail(created.error().message());
    }

    for (int first = 0; first < kMaxKeys; first += batchSize) {
        QList<WriteOp> ops;
        ops.reserve(batchSize);
        for (int i = first; i < first + batchSize; ++i) {
            const QString key = keyFor(round, i);
            ops.append(WriteOp::put(key, valueFor(key)));
        }
        auto written = store.write(ns.id, ops, kNow);
        if (!written) {
            return fail(written.error().message());
        }
        if (!written->committed) {
            return fail(QStringLiteral("a batch was not committed"));
        }
        for (int i = first; i < first + batchSize; ++i) {
            std::printf("acked %d\n", i);
        }
        std::fflush(stdout);
    }
    return 0;
}
