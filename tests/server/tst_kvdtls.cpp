// kvd over HTTPS: the real binary with --tls-cert/--tls-key and a self-signed certificate made
// by the openssl tool for this run, spoken to with Qt Network trusting exactly that certificate.
// The transport's rules (keep-alive, 100-continue, limits) must hold over TLS as over plain HTTP,
// a client that does not speak TLS must not hurt the server, and bad certificate or key files
// must stop kvd at start with a message naming the file.

#include "KvdProcess.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// Runs the openssl tool; false (with its output in `log`) when it fails.
bool openssl(const QStringList& arguments, QString& log)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        log = QStringLiteral("openssl %1 failed: %2 %3")
                  .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                      QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

} // namespace

class TestKvdTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QNetworkAccessManager m_network;
    QSslConfiguration m_trust;

    QString file(const QString& name) const { return m_files.filePath(name); }

    /// A self-signed certificate for 127.0.0.1 (as its subject alternative name, so that the
    /// client's hostname check passes) and its key.
    bool makeCertificate(const QString& certificate, const QString& key, QString& log)
    {
        return openssl(
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                key, QStringLiteral("-out"), certificate },
            log);
    }

    Reply call(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QNetworkRequest request(QUrl(m_kvd.baseUrl() + path));
        request.setSslConfiguration(m_trust);
        request.setRawHeader("Authorization", "Bearer " + m_kvd.adminKey().toLatin1());
        if (!body.isEmpty()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
        }
        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            [&] { QVERIFY(finished.wait(10000)); }();
        }
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        result.errorString = reply->errorString();
        reply->deleteLater();
        return result;
    }

    /// Sends raw bytes over a TLS connection that trusts the test certificate and returns what
    /// comes back until the server closes or `until` appears `count` times.
    QByteArray rawTls(const QList<QByteArray>& parts, const QByteArray& until, int count = 1)
    {
        QSslSocket socket;
        socket.setSslConfiguration(m_trust);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_kvd.port());
        if (!socket.waitForEncrypted(10000)) {
            return "handshake failed: " + socket.errorString().toUtf8();
        }
        QByteArray received;
        for (const QByteArray& part : parts) {
            socket.write(part);
            // Each part but the last waits for an answer (the 100 Continue) before the next.
            if (&part != &parts.last()) {
                if (!socket.waitForReadyRead(10000)) {
                    return received + "\n(no interim answer)";
                }
                received += socket.readAll();
            }
        }
        while (received.count(until) < count && socket.waitForReadyRead(10000)) {
            received += socket.readAll();
        }
        received += socket.readAll();
        return received;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        QVERIFY2(QSslSocket::supportsSsl(), "Qt Network has no TLS backend (qt6 openssl plugin)");
        QString log;
        QVERIFY2(
            makeCertificate(file(QStringLiteral("cert.pem")), file(QStringLiteral("key.pem")), log), qPrintable(log));
        QVERIFY2(makeCertificate(file(QStringLiteral("other-cert.pem")), file(QStringLiteral("other-key.pem")), log),
            qPrintable(log));

        const auto certificates = QSslCertificate::fromPath(file(QStringLiteral("cert.pem")));
        QCOMPARE(certificates.size(), 1);
        m_trust = QSslConfiguration::defaultConfiguration();
        m_trust.setCaCertificates(certificates);

        QVERIFY2(m_kvd.start({ QStringLiteral("--tls-cert"), file(QStringLiteral("cert.pem")),
                     QStringLiteral("--tls-key"), file(QStringLiteral("key.pem")) }),
            qPrintable(m_kvd.failureLog()));
        QCOMPARE(m_kvd.scheme(), QStringLiteral("https"));
    }

    void listeningLineSaysHttps()
    {
        bool found = false;
        for (const QJsonObject& line : m_kvd.log()) {
            if (line.value(QStringLiteral("msg")).toString() == QLatin1StringView("listening")) {
                QCOMPARE(line.value(QStringLiteral("scheme")).toString(), QStringLiteral("https"));
                found = true;
            }
            // On loopback with TLS there is nothing to warn about.
            QVERIFY(line.value(QStringLiteral("level")).toString() != QLatin1StringView("warning"));
        }
        QVERIFY(found);
    }

    void healthOverHttps()
    {
        const Reply health = call("GET", QStringLiteral("/healthz"));
        QVERIFY2(health.error == QNetworkReply::NoError, qPrintable(health.errorString));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void valueRoundTrip()
    {
        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"secure"})").status, 201);
        QByteArray value(100 * 1024, '\0');
        for (qsizetype i = 0; i < value.size(); ++i) {
            value[i] = static_cast<char>(i * 7 % 256);
        }
        QCOMPARE(call("PUT", QStringLiteral("/v1/namespaces/secure/values/blob"), value).status, 200);
        const Reply read = call("GET", QStringLiteral("/v1/namespaces/secure/values/blob"));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.body, value);
    }

    void untrustedCertificateIsRefusedByTheClient()
    {
        // Without the test certificate as a CA the client must refuse: kvd really serves TLS
        // with the certificate it was given.
        // (A manager of its own: the suite's would reuse its trusted connection.)
        QNetworkAccessManager fresh;
        QNetworkReply* reply = fresh.get(QNetworkRequest(QUrl(m_kvd.baseUrl() + QStringLiteral("/healthz"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
        delete reply;
        QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200);
    }

    void keepAliveAndExpectContinueOverTls()
    {
        const QByteArray health = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray three
            = rawTls({ health + health + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" },
                "HTTP/1.1 200 OK", 3);
        QCOMPARE(three.count("HTTP/1.1 200 OK"), 3);

        const QByteArray put = "PUT /v1/namespaces/secure/values/cont HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                               "Authorization: Bearer "
            + m_kvd.adminKey().toLatin1() + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        const QByteArray answer = rawTls({ put, "hello" }, "\"version\"");
        QVERIFY2(answer.startsWith("HTTP/1.1 100 Continue"), answer.constData());
        QVERIFY2(answer.contains("HTTP/1.1 200"), answer.constData());
        QCOMPARE(call("GET", QStringLiteral("/v1/namespaces/secure/values/cont")).body, QByteArray("hello"));
    }

    void limitsHoldOverTls()
    {
        // Refused from the header alone, before any of the 30 MB is sent.
        const QByteArray answer
            = rawTls({ "PUT /v1/namespaces/secure/values/big HTTP/1.1\r\nHost: x\r\nContent-Length: 30000000\r\n\r\n" },
                "\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY2(answer.contains("payload_too_large"), answer.constData());
    }

    void plainHttpToTheTlsPortIsToldToUseHttps()
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), m_kvd.port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QByteArray received;
            while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000)) {
                received += socket.readAll();
            }
            received += socket.readAll();
            // One plain answer that says what is wrong, then the server hangs up.
            QVERIFY2(received.startsWith("HTTP/1.1 400"), received.constData());
            QVERIFY2(received.contains("use an https:// URL"), received.constData());
            QVERIFY2(received.contains("X-Request-Id: req_"), received.constData());
            if (socket.state() != QAbstractSocket::UnconnectedState) {
                QVERIFY(socket.waitForDisconnected(10000));
            }
        }
        // Bytes that are neither TLS nor HTTP end the connection too.
        {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), m_kvd.port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write(QByteArray::fromHex("1603010005") + "hello garbage that is no handshake");
            while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000)) {
                socket.readAll();
            }
            QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(10000));
        }
        // A client that connects and says nothing is not served either, and does not block others.
        QTcpSocket silent;
        silent.connectToHost(QStringLiteral("127.0.0.1"), m_kvd.port());
        QVERIFY(silent.waitForConnected(5000));
        QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/v1/namespaces/secure/values/cont")).body, QByteArray("hello"));
    }

    void badTlsFilesStopKvdAtStart_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("named"); // the file the message must name
        QTest::addColumn<QString>("fault"); // and what it must say

        QFile garbage(file(QStringLiteral("garbage.pem")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("this is not PEM\n");
        garbage.close();
        QFile encrypted(file(QStringLiteral("encrypted-key.pem")));
        QString log;
        QVERIFY2(openssl({ QStringLiteral("pkey"), QStringLiteral("-in"), file(QStringLiteral("key.pem")),
                             QStringLiteral("-aes256"), QStringLiteral("-passout"), QStringLiteral("pass:secret"),
                             QStringLiteral("-out"), encrypted.fileName() },
                     log),
            qPrintable(log));

        const QString cert = file(QStringLiteral("cert.pem"));
        const QString key = file(QStringLiteral("key.pem"));
        const QString missing = file(QStringLiteral("missing.pem"));
        const QString junk = garbage.fileName();
        QTest::newRow("missing certificate")
            << missing << key << missing << QStringLiteral("the certificate file does not exist");
        QTest::newRow("missing key") << cert << missing << missing
                                     << QStringLiteral("the private key file does not exist");
        QTest::newRow("certificate not PEM") << junk << key << junk << QStringLiteral("not a PEM certificate");
        QTest::newRow("key not PEM") << cert << junk << junk << QStringLiteral("not a PEM private key");
        QTest::newRow("key file holds a certificate")
            << cert << cert << cert << QStringLiteral("not a PEM private key");
        QTest::newRow("certificate file holds a key") << key << key << key << QStringLiteral("not a PEM certificate");
        QTest::newRow("key of another certificate")
            << cert << file(QStringLiteral("other-key.pem")) << file(QStringLiteral("other-key.pem"))
            << QStringLiteral("does not match the certificate in %1").arg(cert);
        QTest::newRow("encrypted key") << cert << encrypted.fileName() << encrypted.fileName()
                                       << QStringLiteral("the private key is encrypted");
        QTest::newRow("directory as certificate")
            << m_files.path() << key << m_files.path() << QStringLiteral("cannot read the certificate file");
    }

    void badTlsFilesStopKvdAtStart()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, named);
        QFETCH(QString, fault);
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY(!kvd.start({ QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key }));
        QCOMPARE(kvd.waitForExit(), 1);
        QString message;
        for (const QJsonObject& line : kvd.log()) {
            if (line.value(QStringLiteral("level")).toString() == QLatin1StringView("error")) {
                message = line.value(QStringLiteral("msg")).toString();
            }
        }
        QVERIFY2(message.contains(named), qPrintable(kvd.failureLog()));
        QVERIFY2(message.contains(fault), qPrintable(kvd.failureLog()));
    }

    void certificateWithoutKeyIsAUsageError()
    {
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY(!kvd.start({ QStringLiteral("--tls-cert"), file(QStringLiteral("cert.pem")) }));
        QCOMPARE(kvd.waitForExit(), 64);
        QVERIFY2(kvd.failureLog().contains(QStringLiteral("--tls-key")), qPrintable(kvd.failureLog()));
    }

    void cleanupTestCase() { QCOMPARE(m_kvd.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestKvdTls)
#include "tst_kvdtls.moc"
