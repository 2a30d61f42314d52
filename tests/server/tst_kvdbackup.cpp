// kvd backup while kvd serves under a write load, then kvd restore: the restored store holds
// every write acknowledged before the backup began, and passes its integrity check. A running kvd
// holds its data directory: kvd restore and a second kvd serve are refused until it stops.

#include "KvdProcess.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

class TestKvdBackup final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    static int runKvd(const QStringList& arguments, QByteArray* output = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral(KVD_BINARY), arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        if (output) {
            *output = process.readAllStandardOutput() + process.readAllStandardError();
        }
        return process.exitCode();
    }

    QNetworkReply* send(
        const KvdProcess& kvd, const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QNetworkRequest request(QUrl(kvd.baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + kvd.adminKey().toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
        return m_network.sendCustomRequest(request, method, body);
    }

    int status(QNetworkReply* reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            [&] { QVERIFY(finished.wait(10000)); }();
        }
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private Q_SLOTS:
    void backupUnderLoadRestoresEveryAcknowledgedWrite()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY2(kvd.start(), qPrintable(kvd.failureLog()));
        QCOMPARE(status(send(kvd, "POST", QStringLiteral("/v1/namespaces"), R"({"id":"load"})")), 201);

        // A writer that keeps one PUT in flight at a time and counts what was acknowledged.
        int acknowledged = 0;
        int acknowledgedAtBackupStart = -1;
        bool writing = true;
        std::function<void()> writeNext = [&] {
            QNetworkReply* reply = send(kvd, "PUT",
                QStringLiteral("/v1/namespaces/load/values/k%1").arg(acknowledged, 6, 10, QLatin1Char('0')),
                QByteArray(100, 'v'));
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                reply->deleteLater();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                    ++acknowledged;
                }
                if (writing) {
                    writeNext();
                }
            });
        };
        writeNext();
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged >= 50, 20000);

        const QString backupFile = QDir(kvd.dataDir()).filePath(QStringLiteral("backup.kvstore"));
        QProcess backup;
        acknowledgedAtBackupStart = acknowledged;
        backup.start(QStringLiteral(KVD_BINARY),
            { QStringLiteral("backup"), QStringLiteral("--data"), kvd.dataDir(), backupFile });
        QSignalSpy backupDone(&backup, &QProcess::finished);
        QVERIFY(backupDone.wait(60000));
        QCOMPARE(backup.exitCode(), 0);
        // Keep writing after the backup, so the restore has something to roll back.
        const int acknowledgedAtBackupEnd = acknowledged;
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged >= acknowledgedAtBackupEnd + 20, 20000);
        writing = false;
        const int total = acknowledged;
        QTRY_VERIFY(m_network.findChildren<QNetworkReply*>().isEmpty());
        QCOMPARE(kvd.terminate(), 0);

        // A second backup never overwrites a file.
        QByteArray output;
        QVERIFY(
            runKvd({ QStringLiteral("backup"), QStringLiteral("--data"), kvd.dataDir(), backupFile }, &output) != 0);
        QVERIFY2(output.contains("already exists"), output.constData());

        QCOMPARE(
            runKvd({ QStringLiteral("restore"), QStringLiteral("--data"), kvd.dataDir(), backupFile }, &output), 0);

        KvdProcess restored { QStringLiteral(KVD_BINARY) };
        // Serve the restored directory with the same secret and admin key.
        QVERIFY(QDir(restored.dataDir()).removeRecursively());
        QVERIFY(QDir().mkpath(restored.dataDir()));
        for (const QString& file : { QStringLiteral("kvd.kvstore"), QStringLiteral("server.secret") }) {
            QVERIFY(QFile::copy(QDir(kvd.dataDir()).filePath(file), QDir(restored.dataDir()).filePath(file)));
        }
        restored.useAdminKey(kvd.adminKey());
        QVERIFY2(restored.start(), qPrintable(restored.failureLog()));
        for (int i = 0; i < acknowledgedAtBackupStart; ++i) {
            const int code = status(send(
                restored, "GET", QStringLiteral("/v1/namespaces/load/values/k%1").arg(i, 6, 10, QLatin1Char('0'))));
            QVERIFY2(code == 200,
                qPrintable(QStringLiteral("key %1 of %2 acknowledged before the backup is missing (%3)")
                               .arg(i)
                               .arg(acknowledgedAtBackupStart)
                               .arg(code)));
        }
        // The last write before the stop came after the backup ended, so it is gone.
        QCOMPARE(status(send(restored, "GET",
                     QStringLiteral("/v1/namespaces/load/values/k%1").arg(total - 1, 6, 10, QLatin1Char('0')))),
            404);
        QCOMPARE(restored.terminate(), 0);
    }

    void restoreRefusesWhileKvdServes()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY(kvd.init());
        QVERIFY2(kvd.start(), qPrintable(kvd.failureLog()));
        QCOMPARE(status(send(kvd, "POST", QStringLiteral("/v1/namespaces"), R"({"id":"held"})")), 201);
        QCOMPARE(status(send(kvd, "PUT", QStringLiteral("/v1/namespaces/held/values/before"), "1")), 200);
        const QString backupFile = QDir(kvd.dataDir()).filePath(QStringLiteral("held.kvstore"));
        QCOMPARE(runKvd({ QStringLiteral("backup"), QStringLiteral("--data"), kvd.dataDir(), backupFile }), 0);
        QCOMPARE(status(send(kvd, "PUT", QStringLiteral("/v1/namespaces/held/values/after"), "2")), 200);

        // Replacing the store under the running kvd would lose what it writes next: refused.
        QByteArray output;
        QCOMPARE(
            runKvd({ QStringLiteral("restore"), QStringLiteral("--data"), kvd.dataDir(), backupFile }, &output), 1);
        QVERIFY2(output.contains("is serving") && output.contains("nothing was changed"), output.constData());
        QCOMPARE(status(send(kvd, "GET", QStringLiteral("/v1/namespaces/held/values/after"))), 200);

        // Stopped, the same restore goes through and rolls the store back to the backup.
        QCOMPARE(kvd.terminate(), 0);
        QCOMPARE(
            runKvd({ QStringLiteral("restore"), QStringLiteral("--data"), kvd.dataDir(), backupFile }, &output), 0);
        QVERIFY2(kvd.restart(), qPrintable(kvd.failureLog()));
        QCOMPARE(status(send(kvd, "GET", QStringLiteral("/v1/namespaces/held/values/before"))), 200);
        QCOMPARE(status(send(kvd, "GET", QStringLiteral("/v1/namespaces/held/values/after"))), 404);
        QCOMPARE(kvd.terminate(), 0);
    }

    void oneKvdServesADataDirectory()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY(kvd.init());
        QVERIFY2(kvd.start(), qPrintable(kvd.failureLog()));
        QByteArray output;
        QCOMPARE(runKvd({ QStringLiteral("serve"), QStringLiteral("--data"), kvd.dataDir(), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0") },
                     &output),
            1);
        QVERIFY2(output.contains(R"("code":"store_locked")") && output.contains("one kvd serves a data directory"),
            output.constData());
        QCOMPARE(status(send(kvd, "GET", QStringLiteral("/healthz"))), 200);

        // A kvd that dies without unlocking leaves its lock file behind; the next one takes it over.
        QVERIFY(QFile::exists(QDir(kvd.dataDir()).filePath(QStringLiteral("kvd.lock"))));
        kvd.kill();
        QVERIFY(QFile::exists(QDir(kvd.dataDir()).filePath(QStringLiteral("kvd.lock"))));
        QVERIFY2(kvd.restart(), qPrintable(kvd.failureLog()));
        QCOMPARE(kvd.terminate(), 0);
        QVERIFY(!QFile::exists(QDir(kvd.dataDir()).filePath(QStringLiteral("kvd.lock"))));
    }

    void restoreRefusesAFileThatIsNotAStore()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY(kvd.init());
        const QString bogus = QDir(kvd.dataDir()).filePath(QStringLiteral("notes.txt"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a store\n");
        file.close();
        const QByteArray before = [&] {
            QFile store(QDir(kvd.dataDir()).filePath(QStringLiteral("kvd.kvstore")));
            return store.open(QIODevice::ReadOnly) ? store.readAll() : QByteArray();
        }();
        QByteArray output;
        QVERIFY(runKvd({ QStringLiteral("restore"), QStringLiteral("--data"), kvd.dataDir(), bogus }, &output) != 0);
        QVERIFY2(output.contains("not a kvdesk store"), output.constData());
        QFile store(QDir(kvd.dataDir()).filePath(QStringLiteral("kvd.kvstore")));
        QVERIFY(store.open(QIODevice::ReadOnly));
        QCOMPARE(store.readAll(), before); // the store was left as it was
    }
};

QTEST_GUILESS_MAIN(TestKvdBackup)
#include "tst_kvdbackup.moc"
