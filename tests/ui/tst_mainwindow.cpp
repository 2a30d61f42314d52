// The main window, offscreen, on a real embedded store: it lists the store's namespaces and
// reloads them on F5.

#include "client/EmbeddedClient.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QFutureWatcher>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using kv::client::EmbeddedClient;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    template <typename T> static void await(QFuture<T> future)
    {
        QFutureWatcher<T> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<T>::finished);
        watcher.setFuture(future);
        QVERIFY(future.isFinished() || finished.wait(10000));
    }

private Q_SLOTS:
    void listsNamespacesAndRefreshes()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(QStringLiteral("ui.kvstore")));
        QVERIFY(client);
        await((*client)->createNamespace(QStringLiteral("alpha")));

        kv::ui::MainWindow window(**client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* namespaces = window.findChild<QTreeWidget*>(QStringLiteral("namespaces"));
        QVERIFY(namespaces);
        QTRY_COMPARE(namespaces->topLevelItemCount(), 1);
        QCOMPARE(namespaces->topLevelItem(0)->text(0), QStringLiteral("alpha"));
        QCOMPARE(namespaces->topLevelItem(0)->text(1), QStringLiteral("free"));
        QVERIFY(!namespaces->accessibleName().isEmpty());

        auto* backend = window.findChild<QLabel*>(QStringLiteral("backendLabel"));
        QVERIFY(backend);
        QVERIFY2(backend->text().contains(QStringLiteral("ui.kvstore")), qPrintable(backend->text()));

        await((*client)->createNamespace(QStringLiteral("beta"), QStringLiteral("pro")));
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE(namespaces->topLevelItemCount(), 2);
        QCOMPARE(namespaces->topLevelItem(1)->text(0), QStringLiteral("beta"));
        QCOMPARE(namespaces->topLevelItem(1)->text(1), QStringLiteral("pro"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
