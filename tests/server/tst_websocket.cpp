// HttpServer's WebSocket transport in process, with routes of the suite's own: an echo over
// plain TCP and over TLS, a refused upgrade that never opens, a plain request told to upgrade, a
// client that stops reading closed as a slow consumer (1008) with its queue bounded, and stop()
// saying "going away" to open connections. kvd's own endpoints are tested from outside by the
// kvdsignal and kvdevents suites.

#include "WebSocketClient.h"
#include "server/HttpServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using kv::server::HttpRequest;
using kv::server::HttpResponse;
using kv::server::WebSocketChannel;

namespace {

/// What the suite's endpoints saw, shared with the test thread.
struct Probe
{
    std::mutex mutex;
    std::weak_ptr<WebSocketChannel> channel;
    QString remoteAddress;
    std::atomic<int> opened { 0 };
    std::atomic<int> closed { 0 };

    std::shared_ptr<WebSocketChannel> lastChannel()
    {
        const std::lock_guard lock(mutex);
        return channel.lock();
    }
};

/// Echoes every text message back; records its channel for the test.
class EchoHandler final : public kv::server::WebSocketHandler
{
public:
    explicit EchoHandler(Probe& probe)
        : m_probe(probe)
    { }
    void opened(const std::shared_ptr<WebSocketChannel>& channel) override
    {
        m_channel = channel;
        {
            const std::lock_guard lock(m_probe.mutex);
            m_probe.channel = channel;
            m_probe.remoteAddress = channel->remoteAddress();
        }
        ++m_probe.opened;
    }
    void received(const QByteArray& message, bool /*text*/) override
    {
        if (const auto channel = m_channel.lock()) {
            channel->send(message);
        }
    }
    void closed() override { ++m_probe.closed; }

private:
    Probe& m_probe;
    std::weak_ptr<WebSocketChannel> m_channel;
};

bool openssl(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestWebSocket final : public QObject
{
    Q_OBJECT

    Probe m_probe;
    kv::server::Router m_router;
    QTemporaryDir m_dir;
    std::unique_ptr<kv::server::HttpServer> m_server;
    quint16 m_port = 0;

    /// Small queues, slow pings: the slow-consumer test must not meet a ping timeout instead.
    static kv::server::WebSocketOptions options()
    {
        kv::server::WebSocketOptions options;
        options.pingInterval = std::chrono::seconds(60);
        options.sendBacklogBytes = 256 * 1024;
        options.maxMessageBytes = 64 * 1024;
        return options;
    }

    QUrl url(const QString& path, const QString& scheme = u"ws"_s, quint16 port = 0) const
    {
        return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(scheme).arg(port ? port : m_port).arg(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add("GET", u"/echo"_s, [this](HttpRequest& request) {
            if (!request.webSocketUpgrade) {
                return HttpResponse::upgradeRequired(request.requestId);
            }
            return HttpResponse::webSocket(std::make_shared<EchoHandler>(m_probe), options());
        });
        m_router.add("GET", u"/refuse"_s, [](HttpRequest& request) {
            return HttpResponse::error(kv::Error(kv::ErrorCode::Forbidden, u"not you"_s), request.requestId);
        });
        kv::server::HttpServer::Options serverOptions;
        serverOptions.threads = 2;
        m_server = std::make_unique<kv::server::HttpServer>(m_router, serverOptions);
        auto port = m_server->start();
        QVERIFY2(port, qPrintable(port ? QString() : port.error().message()));
        m_port = *port;
    }

    void echoes()
    {
        WebSocketClient client;
        QVERIFY(client.open(url(u"/echo"_s)));
        QTRY_COMPARE(m_server->openConnections(), 1);
        for (int i = 0; i < 20; ++i) {
            client.send({ { u"n"_s, i } });
        }
        // In order, each once.
        for (int i = 0; i < 20; ++i) {
            const auto echoed = client.next();
            QVERIFY(echoed);
            QCOMPARE(echoed->value(u"n"_s).toInt(), i);
        }
        QVERIFY(m_probe.remoteAddress.startsWith(u"127.0.0.1:"_s));
        const int closedBefore = m_probe.closed;
        client.socket().close();
        QTRY_COMPARE(m_probe.closed.load(), closedBefore + 1);
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void aRefusedUpgradeNeverOpens()
    {
        const int openedBefore = m_probe.opened;
        WebSocketClient client;
        QVERIFY(!client.open(url(u"/refuse"_s)));
        QCOMPARE(m_probe.opened.load(), openedBefore);

        QNetworkAccessManager network;
        QNetworkReply* reply = network.get(QNetworkRequest(url(u"/echo"_s, u"http"_s)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 426);
        QCOMPARE(reply->rawHeader("Upgrade"), QByteArray("websocket"));
        reply->deleteLater();
    }

    /// A client that stops reading: what waits for it is capped, then it is closed with 1008.
    void aSlowConsumerIsClosed()
    {
        RawWebSocket reader;
        const int openedBefore = m_probe.opened;
        QVERIFY(reader.open(m_port, "/echo"));
        QTRY_COMPARE(m_probe.opened.load(), openedBefore + 1);
        const auto channel = m_probe.lastChannel();
        QVERIFY(channel);
        // Qt stops taking bytes off the socket: the kernel's buffers fill, then kvd's queue.
        reader.socket().setReadBufferSize(1);
        const QByteArray chunk(64 * 1024, 'x');
        int accepted = 0;
        while (channel->send(chunk)) {
            QVERIFY2(++accepted < 10000, "the send queue never filled up");
        }
        QVERIFY(!channel->send(chunk));

        // Reading again, the client finds a close frame after what was in flight.
        reader.socket().setReadBufferSize(0);
        QTRY_VERIFY_WITH_TIMEOUT(reader.closeFrame().has_value(), 20000);
        const auto [code, reason] = *reader.closeFrame();
        QCOMPARE(code, 1008);
        QVERIFY2(reason.startsWith("slow_consumer"), reason.constData());
        reader.socket().abort();
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void speaksOverTls()
    {
        QVERIFY(m_dir.isValid());
        const QString certificate = m_dir.filePath(u"cert.pem"_s);
        const QString key = m_dir.filePath(u"key.pem"_s);
        QVERIFY(openssl({ u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
            u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
            u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, certificate }));
        kv::server::HttpServer::Options tlsOptions;
        tlsOptions.threads = 1;
        tlsOptions.tls = kv::server::HttpServer::Tls { certificate, key };
        kv::server::HttpServer tlsServer(m_router, tlsOptions);
        auto port = tlsServer.start();
        QVERIFY2(port, qPrintable(port ? QString() : port.error().message()));

        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(certificate));
        const QNetworkRequest request(url(u"/echo"_s, u"wss"_s, *port));
        WebSocketClient client;
        // QWebSocket takes its TLS settings from the socket, not from the request.
        client.socket().setSslConfiguration(trust);
        QVERIFY2(client.open(request), qPrintable(client.errorString()));
        client.send({ { u"over"_s, u"tls"_s } });
        const auto echoed = client.next();
        QVERIFY(echoed);
        QCOMPARE(echoed->value(u"over"_s).toString(), u"tls"_s);
        // The client's event loop must run for it to answer the close: stop on another thread.
        std::thread stopper([&tlsServer] { tlsServer.stop(); });
        QVERIFY(client.waitClosed());
        stopper.join();
        QCOMPARE(client.closeCode(), 1001);
    }

    /// stop() tells open WebSockets the server is going away, and they end with it.
    void stopSaysGoingAway()
    {
        WebSocketClient first;
        WebSocketClient second;
        QVERIFY(first.open(url(u"/echo"_s)));
        QVERIFY(second.open(url(u"/echo"_s)));
        QTRY_COMPARE(m_server->openConnections(), 2);
        const int closedBefore = m_probe.closed;
        // The clients' event loop must run for them to answer the close: stop on another thread.
        std::thread stopper([this] { m_server->stop(); });
        QVERIFY(first.waitClosed());
        QVERIFY(second.waitClosed());
        stopper.join();
        QCOMPARE(first.closeCode(), 1001);
        QVERIFY2(first.closeReason().startsWith(u"going away"_s), qPrintable(first.closeReason()));
        QCOMPARE(m_probe.closed.load(), closedBefore + 2);
        QCOMPARE(m_server->openConnections(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
