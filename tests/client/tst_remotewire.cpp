// What RemoteClient puts on the wire, seen by a scripted HTTP server in the test: the bearer key,
// one X-Request-Id shared by every attempt of a call, a retry of an idempotent call after a 503,
// no retry of a POST that is not conditional, and a path with the key percent-encoded as one
// segment. (Everything kvd itself answers is proved against the real kvd in the contract suite.)

#include "client/RemoteClient.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using kv::ErrorCode;
using kv::client::RemoteClient;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

/// Answers each request with the next scripted response and remembers what it received.
class ScriptedServer final : public QObject
{
public:
    explicit ScriptedServer(QList<QByteArray> responses)
        : m_responses(std::move(responses))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    QList<QByteArray> requests;

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        requests.append(buffer.left(end));
        buffer.clear();
        const QByteArray response
            = m_responses.isEmpty() ? QByteArray("HTTP/1.1 500 Nothing scripted\r\n") : m_responses.takeFirst();
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<QByteArray> m_responses;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QByteArray response(int status, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray headerOf(const QByteArray& request, const QByteArray& name)
{
    for (const QByteArray& line : request.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':'))) {
            return line.mid(name.size() + 1).trimmed();
        }
    }
    return {};
}

template <typename T> T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<T>::finished);
    watcher.setFuture(future);
    if (!future.isFinished()) {
        [&] { QVERIFY(finished.wait(10000)); }();
    }
    return future.result();
}

RemoteClient::Options optionsFor(const QUrl& url)
{
    RemoteClient::Options options;
    options.baseUrl = url;
    options.apiKey = u"kvd_secret"_s;
    options.baseBackoff = 1ms;
    options.maxBackoff = 5ms;
    return options;
}

const QByteArray kUnavailable = response(503, R"({"error":{"code":"unavailable","message":"busy"}})");

} // namespace

class TestRemoteWire final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriesAnIdempotentCallWithTheSameRequestId()
    {
        ScriptedServer server({ kUnavailable, response(200, R"({"namespaces":[]})") });
        RemoteClient client(optionsFor(server.url()));
        auto listed = await(client.listNamespaces());
        QVERIFY2(listed, listed ? "" : qPrintable(listed.error().message()));
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(client.attemptsSent(), 2);
        const QByteArray first = server.requests.first();
        QVERIFY(first.startsWith("GET /v1/namespaces HTTP/1.1"));
        QCOMPARE(headerOf(first, "Authorization"), QByteArray("Bearer kvd_secret"));
        QVERIFY(!headerOf(first, "X-Request-Id").isEmpty());
        QCOMPARE(headerOf(server.requests.last(), "X-Request-Id"), headerOf(first, "X-Request-Id"));
        QVERIFY(headerOf(first, "User-Agent").startsWith("kvdesk/"));
    }

    void givesUpAfterMaxAttempts()
    {
        ScriptedServer server({ kUnavailable, kUnavailable, kUnavailable, kUnavailable });
        auto options = optionsFor(server.url());
        options.maxAttempts = 3;
        RemoteClient client(options);
        auto listed = await(client.listNamespaces());
        QVERIFY(!listed);
        QCOMPARE(listed.error().code(), ErrorCode::Unavailable);
        QCOMPARE(listed.error().message(), u"busy"_s);
        QCOMPARE(server.requests.size(), 3);
    }

    void neverRepeatsAPlainPost()
    {
        ScriptedServer server({ kUnavailable, response(201, R"({"id":"a","plan":"free"})") });
        RemoteClient client(optionsFor(server.url()));
        auto created = await(client.createNamespace(u"a"_s));
        QVERIFY(!created);
        QCOMPARE(created.error().code(), ErrorCode::Unavailable);
        QCOMPARE(server.requests.size(), 1);
    }

    void encodesAKeyAsOnePathSegment()
    {
        ScriptedServer server({ response(200, R"({"key":"a/b c%+","deleted":true})") });
        RemoteClient client(optionsFor(server.url()));
        auto removed = await(client.deleteValue(u"app"_s, u"a/b c%+é"_s));
        QVERIFY(removed);
        QVERIFY(*removed);
        QCOMPARE(server.requests.size(), 1);
        QVERIFY2(server.requests.first().startsWith("DELETE /v1/namespaces/app/values/a%2Fb%20c%25%2B%C3%A9 HTTP/1.1"),
            server.requests.first().constData());
    }

    void encodesQueryValues()
    {
        ScriptedServer server({ response(200, R"({"keys":[],"cursor":"","complete":true})") });
        RemoteClient client(optionsFor(server.url()));
        auto page = await(client.listKeys(u"app"_s, kv::client::ListRequest { u"a/b c+&="_s, u"dXNl+/ci8y=="_s, 5 }));
        QVERIFY2(page, page ? "" : qPrintable(page.error().message()));
        QVERIFY2(
            server.requests.first().startsWith(
                "GET /v1/namespaces/app/keys?prefix=a%2Fb%20c%2B%26%3D&cursor=dXNl%2B%2Fci8y%3D%3D&limit=5 HTTP/1.1"),
            server.requests.first().constData());
    }

    void sendsTheOrderOnlyWhenDescending()
    {
        const auto keys = [](const QString& first, const QString& second) {
            QJsonArray list;
            for (const QString& name : { first, second }) {
                list.append(QJsonObject { { u"name"_s, name }, { u"updatedAt"_s, u"2026-01-01T00:00:00Z"_s } });
            }
            return QJsonDocument(QJsonObject { { u"keys"_s, list }, { u"cursor"_s, u"x"_s }, { u"complete"_s, false } })
                .toJson(QJsonDocument::Compact);
        };
        ScriptedServer server({ response(200, keys(u"b"_s, u"a"_s)), response(200, keys(u"a"_s, u"b"_s)) });
        RemoteClient client(optionsFor(server.url()));
        kv::client::ListRequest down { {}, {}, 2, kv::model::KeyOrder::Descending };
        auto page = await(client.listKeys(u"app"_s, down));
        QVERIFY2(page, page ? "" : qPrintable(page.error().message()));
        QCOMPARE(page->keys.size(), 2);
        QVERIFY2(server.requests.first().startsWith("GET /v1/namespaces/app/keys?limit=2&order=desc HTTP/1.1"),
            server.requests.first().constData());
        // A kvd from before order=desc ignores it and answers A to Z: that page is refused, not
        // shown under a Z-to-A header.
        auto ignored = await(client.listKeys(u"app"_s, down));
        QVERIFY(!ignored);
        QVERIFY2(ignored.error().message().contains(u"order=desc"_s), qPrintable(ignored.error().message()));
    }

    void aServerThatIsNotKvdGivesAClearError()
    {
        ScriptedServer server({ "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found" });
        RemoteClient client(optionsFor(server.url()));
        auto listed = await(client.listNamespaces());
        QVERIFY(!listed);
        QCOMPARE(listed.error().code(), ErrorCode::NotFound);
        QVERIFY(listed.error().message().contains(u"404"_s));
    }
};

QTEST_GUILESS_MAIN(TestRemoteWire)
#include "tst_remotewire.moc"
