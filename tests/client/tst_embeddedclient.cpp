// EmbeddedClient: calls return at once and complete on a worker thread with the service's
// results and errors. (The full contract suite shared with RemoteClient comes with it.)

#include "client/EmbeddedClient.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using kv::ErrorCode;
using kv::client::EmbeddedClient;

class TestEmbeddedClient final : public QObject
{
    Q_OBJECT

private:
    /// Waits for a future through the event loop, as a UI would, instead of blocking on it.
    template <typename T> static T await(QFuture<T> future)
    {
        QFutureWatcher<T> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<T>::finished);
        watcher.setFuture(future);
        if (!future.isFinished()) {
            [&] { QVERIFY(finished.wait(10000)); }();
        }
        return future.result();
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void createsAndListsNamespaces()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(QStringLiteral("a.kvstore")));
        QVERIFY2(client, client ? "" : qPrintable(client.error().message()));
        QCOMPARE((*client)->backendInfo().kind, kv::client::BackendInfo::Kind::Embedded);
        QCOMPARE((*client)->backendInfo().location, m_dir.filePath(QStringLiteral("a.kvstore")));

        auto created = await((*client)->createNamespace(QStringLiteral("users"), QStringLiteral("pro")));
        QVERIFY(created);
        QCOMPARE(created->plan, QStringLiteral("pro"));

        auto listed = await((*client)->listNamespaces());
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().id, QStringLiteral("users"));
    }

    void deliversServiceErrors()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(QStringLiteral("b.kvstore")));
        QVERIFY(client);
        auto bad = await((*client)->createNamespace(QStringLiteral("Not Valid")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code(), ErrorCode::InvalidNamespace);
        auto missing = await((*client)->deleteNamespace(QStringLiteral("nothing")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NamespaceNotFound);
    }

    void runsOffTheCallingThread()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(QStringLiteral("c.kvstore")));
        QVERIFY(client);
        QThread* worker = nullptr;
        QThread* caller = QThread::currentThread();
        QFutureWatcher<void> watcher;
        auto future = (*client)->listNamespaces().then([&worker](const auto&) { worker = QThread::currentThread(); });
        QSignalSpy finished(&watcher, &QFutureWatcher<void>::finished);
        watcher.setFuture(future);
        QVERIFY(future.isFinished() || finished.wait(10000));
        QVERIFY(worker != nullptr);
        QVERIFY(worker != caller);
    }

    void refusesAFileThatIsNotAStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("these are my notes, not a database\n");
        file.close();
        auto client = EmbeddedClient::open(path);
        QVERIFY(!client);
        QCOMPARE(client.error().code(), ErrorCode::StoreCorrupt);
        QVERIFY2(client.error().message().contains(path), qPrintable(client.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedClient)
#include "tst_embeddedclient.moc"
