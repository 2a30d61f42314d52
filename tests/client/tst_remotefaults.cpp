// RemoteClient when things go wrong, against the real kvd: a kvd stopped and restarted on the same
// port (idempotent calls retry and succeed, a POST fails once and is not repeated, the breaker
// opens, fails fast, probes and closes), 429 with Retry-After, a server that never answers,
// cancelled calls, an untrusted and then trusted self-signed certificate, and the feed's reconnect.

#include "AwaitFuture.h"
#include "ErrorCodePrinter.h"
#include "KvdProcess.h"
#include "client/RemoteClient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using kv::Error;
using kv::ErrorCode;
using kv::Result;
using kv::client::BreakerState;
using kv::client::FeedState;
using kv::client::PutRequest;
using kv::client::RemoteClient;

namespace {

QString describe(const Error& error)
{
    return error.codeName() + u": "_s + error.message();
}

/// A plan that allows one request per second and no burst: the second request at once gets 429
/// with Retry-After: 1.
const char* const kConfig = "[plan.trickle]\n"
                            "name = Trickle\n"
                            "rate_per_second = 1\n"
                            "burst = 1\n";

/// Runs the openssl tool; false (with its output in `log`) when it fails.
bool openssl(const QStringList& arguments, QString& log)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        log = u"openssl %1 failed: %2 %3"_s.arg(
            arguments.join(u' '), process.errorString(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

} // namespace

class TestRemoteFaults final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };

    /// Options for a client of m_kvd that retries quickly and whose breaker stays closed.
    RemoteClient::Options patientOptions() const
    {
        RemoteClient::Options options;
        options.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_kvd.port()));
        options.apiKey = m_kvd.adminKey();
        options.timeout = std::chrono::seconds(10);
        options.maxAttempts = 200;
        options.baseBackoff = std::chrono::milliseconds(20);
        options.maxBackoff = std::chrono::milliseconds(100);
        options.breakerThreshold = 1'000'000;
        options.feedMinBackoff = std::chrono::milliseconds(50);
        options.feedMaxBackoff = std::chrono::milliseconds(200);
        return options;
    }

    /// The sum of kvd's /metrics samples of kvd_http_requests_total with the given status.
    qint64 requestsAnsweredWith(int status)
    {
        QNetworkAccessManager network;
        QNetworkReply* reply = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(m_kvd.port()))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000)) {
            return -1;
        }
        const QString text = QString::fromUtf8(reply->readAll());
        reply->deleteLater();
        qint64 sum = 0;
        const QString label = u"status=\"%1\"}"_s.arg(status);
        for (const QString& line : text.split(u'\n')) {
            if (line.startsWith(u"kvd_http_requests_total{"_s) && line.contains(label)) {
                sum += line.section(u' ', -1).toLongLong();
            }
        }
        return sum;
    }

    bool kvdHasEventRoute()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/admin/events"_s.arg(m_kvd.port())));
        request.setRawHeader("Authorization", "Bearer " + m_kvd.adminKey().toLatin1());
        QNetworkReply* reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000)) {
            return true;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status != 404;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        QFile config(m_files.filePath(u"kvd.conf"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(kConfig);
        config.close();
        QVERIFY2(m_kvd.start({ u"--config"_s, config.fileName(), u"--flush-interval"_s, u"1"_s }),
            qPrintable(m_kvd.failureLog()));

        RemoteClient client(patientOptions());
        QVERIFY(awaitFuture(client.createNamespace(u"faults"_s, u"business"_s)));
        PutRequest put;
        put.key = u"k"_s;
        put.value = "survives restarts";
        QVERIFY(awaitFuture(client.putValue(u"faults"_s, put)));
    }

    void idempotentCallsRetryUntilKvdIsBack()
    {
        RemoteClient client(patientOptions());
        QCOMPARE(m_kvd.terminate(), 0);

        const qint64 before = client.attemptsSent();
        auto read = client.getValue(u"faults"_s, u"k"_s);
        auto listed = client.listNamespaces();
        // kvd comes back once the calls have failed and been retried a few times.
        QTRY_VERIFY_WITH_TIMEOUT(client.attemptsSent() >= before + 6, 10000);
        QVERIFY(!read.isFinished());
        QVERIFY(!listed.isFinished());
        QTimer::singleShot(0, this, [this] { QVERIFY(m_kvd.relaunch()); });

        auto value = awaitFuture(read, 30000);
        QVERIFY2(value, value ? "" : qPrintable(describe(value.error())));
        QCOMPARE(value->value, QByteArray("survives restarts"));
        auto namespaces = awaitFuture(listed, 30000);
        QVERIFY2(namespaces, namespaces ? "" : qPrintable(describe(namespaces.error())));
        QVERIFY(!namespaces->isEmpty());
        QVERIFY(m_kvd.waitUntilListening());
        QCOMPARE(client.breakerState(), BreakerState::Closed);
    }

    void nonIdempotentCallFailsOnceWhileKvdIsDown()
    {
        RemoteClient client(patientOptions());
        QCOMPARE(m_kvd.terminate(), 0);

        qint64 before = client.attemptsSent();
        auto created = awaitFuture(client.createNamespace(u"while-down"_s));
        QVERIFY(!created);
        QCOMPARE(created.error().code(), ErrorCode::Network);
        QVERIFY2(
            created.error().message().contains(QString::number(m_kvd.port())), qPrintable(created.error().message()));
        QCOMPARE(client.attemptsSent(), before + 1);

        before = client.attemptsSent();
        auto key = awaitFuture(client.createApiKey({ u"while down"_s, kv::model::Scope::Read, {}, {} }));
        QVERIFY(!key);
        QCOMPARE(key.error().code(), ErrorCode::Network);
        QCOMPARE(client.attemptsSent(), before + 1);

        QVERIFY2(m_kvd.restart(), qPrintable(m_kvd.failureLog()));
        // Nothing was created behind the caller's back.
        auto missing = awaitFuture(client.getNamespace(u"while-down"_s));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NamespaceNotFound);
    }

    void breakerOpensFailsFastAndClosesAfterAProbe()
    {
        RemoteClient::Options options = patientOptions();
        options.maxAttempts = 1;
        options.breakerThreshold = 3;
        options.breakerOpenFor = std::chrono::milliseconds(500);
        RemoteClient client(options);
        QSignalSpy states(&client, &RemoteClient::breakerStateChanged);
        QCOMPARE(client.breakerState(), BreakerState::Closed);
        QCOMPARE(m_kvd.terminate(), 0);

        for (int i = 0; i < 3; ++i) {
            auto failed = awaitFuture(client.getValue(u"faults"_s, u"k"_s));
            QVERIFY(!failed);
            QCOMPARE(failed.error().code(), ErrorCode::Network);
        }
        QCOMPARE(client.breakerState(), BreakerState::Open);
        QCOMPARE(states.size(), 1);
        QCOMPARE(states.constFirst().constFirst().value<BreakerState>(), BreakerState::Open);

        // Open: calls fail at once, without a request.
        const qint64 sent = client.attemptsSent();
        for (int i = 0; i < 3; ++i) {
            auto refused = awaitFuture(client.getValue(u"faults"_s, u"k"_s));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::Unavailable);
        }
        QCOMPARE(client.attemptsSent(), sent);

        // Back up: after breakerOpenFor one probe goes through, succeeds and closes the breaker.
        QVERIFY2(m_kvd.restart(), qPrintable(m_kvd.failureLog()));
        // (QTRY evaluates its condition again after it held: the flag keeps that from calling.)
        bool probed = false;
        QTRY_VERIFY_WITH_TIMEOUT(probed || (probed = awaitFuture(client.getValue(u"faults"_s, u"k"_s)).ok()), 10000);
        QCOMPARE(client.breakerState(), BreakerState::Closed);
        QCOMPARE(client.attemptsSent(), sent + 1);
        QList<BreakerState> sequence;
        for (const QList<QVariant>& arguments : std::as_const(states)) {
            sequence.append(arguments.constFirst().value<BreakerState>());
        }
        QCOMPARE(sequence, (QList<BreakerState> { BreakerState::Open, BreakerState::HalfOpen, BreakerState::Closed }));
    }

    void rateLimitedCallIsRetriedAfterRetryAfter()
    {
        RemoteClient::Options options = patientOptions();
        options.maxAttempts = 3;
        RemoteClient client(options);
        QVERIFY(awaitFuture(client.createNamespace(u"trickled"_s, u"trickle"_s)));
        PutRequest put;
        put.key = u"k"_s;
        put.value = "v";
        // The one token of the second: this write takes it (or waits for it, after a 429).
        QVERIFY(awaitFuture(client.putValue(u"trickled"_s, put)));

        const qint64 answered429 = requestsAnsweredWith(429);
        const qint64 before = client.attemptsSent();
        auto read = awaitFuture(client.getValue(u"trickled"_s, u"k"_s), 20000);
        QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
        QCOMPARE(read->value, QByteArray("v"));
        // Refused once with 429 and Retry-After: 1, then let through.
        QCOMPARE(client.attemptsSent(), before + 2);
        QCOMPARE(requestsAnsweredWith(429), answered429 + 1);
    }

    void aServerThatNeverAnswersTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QSignalSpy connections(&silent, &QTcpServer::newConnection);
        RemoteClient::Options options;
        options.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        options.apiKey = m_kvd.adminKey();
        options.timeout = std::chrono::milliseconds(300);
        options.maxAttempts = 1;
        RemoteClient client(options);

        auto result = awaitFuture(client.listNamespaces(), 10000);
        QVERIFY(!result);
        QCOMPARE(result.error().code(), ErrorCode::Timeout);
        QVERIFY(!connections.isEmpty());
        QCOMPARE(client.attemptsSent(), 1);
    }

    void cancelledCallsDeliverNothingAndAbortTheRequest()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QSignalSpy connections(&silent, &QTcpServer::newConnection);
        RemoteClient::Options options;
        options.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        options.apiKey = m_kvd.adminKey();
        options.timeout = std::chrono::seconds(30);
        RemoteClient client(options);

        auto delivered = std::make_shared<int>(0);
        auto call = client.getValue(u"faults"_s, u"k"_s);
        auto continuation = call.then(this, [delivered](const Result<kv::model::Entry>&) { ++*delivered; });
        // The request reaches the server, which holds it.
        QVERIFY(connections.wait(10000));
        QTcpSocket* socket = silent.nextPendingConnection();
        QVERIFY(socket);
        QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0 || socket->state() != QTcpSocket::ConnectedState, 10000);
        QVERIFY(socket->readAll().startsWith("GET /v1/namespaces/faults/values/k"));
        QSignalSpy disconnected(socket, &QTcpSocket::disconnected);

        call.cancel();
        // The client hangs up: the request is aborted, not left to time out.
        QVERIFY(socket->state() != QTcpSocket::ConnectedState || disconnected.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(continuation.isFinished(), 10000);
        QVERIFY(continuation.isCanceled());
        QCOMPARE(*delivered, 0);
        QCOMPARE(call.resultCount(), 0);
        QCOMPARE(client.attemptsSent(), 1);

        // A call cancelled before it was sent never goes out.
        auto early = client.listNamespaces();
        early.cancel();
        auto after = client.getValue(u"faults"_s, u"k"_s);
        QVERIFY(connections.wait(10000));
        QCOMPARE(client.attemptsSent(), 2);
        after.cancel();
    }

    void untrustedCertificateThenTrusted()
    {
        const QString certificateFile = m_files.filePath(u"kvd.crt"_s);
        const QString keyFile = m_files.filePath(u"kvd.key"_s);
        QString log;
        QVERIFY2(
            openssl({ u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                        u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                        u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, keyFile, u"-out"_s, certificateFile },
                log),
            qPrintable(log));
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificateFile);
        QCOMPARE(certificates.size(), 1);

        KvdProcess tlsKvd { QStringLiteral(KVD_BINARY) };
        QVERIFY2(tlsKvd.start({ u"--tls-cert"_s, certificateFile, u"--tls-key"_s, keyFile }),
            qPrintable(tlsKvd.failureLog()));
        QCOMPARE(tlsKvd.scheme(), u"https"_s);

        RemoteClient::Options options;
        options.baseUrl = QUrl(tlsKvd.baseUrl());
        options.apiKey = tlsKvd.adminKey();
        options.maxAttempts = 1;
        RemoteClient untrusting(options);
        const qint64 sent = untrusting.attemptsSent();
        auto refused = awaitFuture(untrusting.listNamespaces());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::TlsError);
        QCOMPARE(untrusting.attemptsSent(), sent + 1); // a refused certificate is not retried
        const QJsonObject certificate = refused.error().details().value(u"certificate"_s).toObject();
        QCOMPARE(certificate.value(u"sha256"_s).toString(),
            QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':')));
        QCOMPARE(certificate.value(u"pem"_s).toString(), QString::fromLatin1(certificates.first().toPem()));
        QVERIFY2(certificate.value(u"subject"_s).toString().contains(u"127.0.0.1"_s),
            qPrintable(certificate.value(u"subject"_s).toString()));

        // The operator chose to trust it.
        options.trustedCertificates = certificates;
        RemoteClient trusting(options);
        auto listed = awaitFuture(trusting.listNamespaces());
        QVERIFY2(listed, listed ? "" : qPrintable(describe(listed.error())));
        auto health = awaitFuture(trusting.health());
        QVERIFY2(health, health ? "" : qPrintable(describe(health.error())));
        QVERIFY(health->healthy);
        QCOMPARE(tlsKvd.terminate(), 0);
    }

    void eventFeedReconnectsAfterARestart()
    {
        if (!kvdHasEventRoute()) {
            QSKIP("kvd has no /v1/admin/events yet");
        }
        RemoteClient client(patientOptions());
        QSignalSpy states(&client, &RemoteClient::feedStateChanged);
        QSignalSpy events(&client, &RemoteClient::eventReceived);
        QSignalSpy missed(&client, &RemoteClient::eventsMissed);
        client.startEvents();
        QTRY_COMPARE_WITH_TIMEOUT(client.feedState(), FeedState::Live, 10000);
        QVERIFY(awaitFuture(client.createNamespace(u"feed-before"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 10000);

        QCOMPARE(m_kvd.terminate(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.feedState(), FeedState::Reconnecting, 10000);
        QVERIFY2(m_kvd.restart(), qPrintable(m_kvd.failureLog()));
        QTRY_COMPARE_WITH_TIMEOUT(client.feedState(), FeedState::Live, 15000);
        // A new kvd is a new stream: what happened in between cannot be replayed.
        QTRY_VERIFY_WITH_TIMEOUT(!missed.isEmpty(), 10000);

        QList<FeedState> sequence;
        for (const QList<QVariant>& arguments : std::as_const(states)) {
            sequence.append(arguments.constFirst().value<FeedState>());
        }
        QVERIFY(sequence.contains(FeedState::Reconnecting));
        QCOMPARE(sequence.constLast(), FeedState::Live);
        QVERIFY(sequence.indexOf(FeedState::Reconnecting) < sequence.lastIndexOf(FeedState::Live));

        // And events flow again.
        events.clear();
        QVERIFY(awaitFuture(client.createNamespace(u"feed-after"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.cbegin(), events.cend(),
                                     [](const QList<QVariant>& arguments) {
                                         return arguments.constFirst().value<kv::model::ServiceEvent>().ns
                                             == u"feed-after"_s;
                                     }),
            10000);
        client.stopEvents();
    }

    void cleanupTestCase()
    {
        if (m_kvd.isRunning()) {
            QCOMPARE(m_kvd.terminate(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestRemoteFaults)
#include "tst_remotefaults.moc"
