// The admin event stream of the real kvd (GET /v1/admin/events, docs/signaling.md): refused with
// the JSON 401/403 before upgrading, a hello first, then every event in sequence without holes —
// audit events after HTTP writes, usage ticks (kvd flushes every second here), peer joins, ICE
// states and departures — and a resume by stream and sequence that replays exactly the events
// missed, or says it could not. No test sleeps: each waits for the message it needs.

#include "AwaitReply.h"
#include "KvdProcess.h"
#include "WebSocketClient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString code() const { return json().value(u"error"_s).toObject().value(u"code"_s).toString(); }
};

QString typeOf(const std::optional<QJsonObject>& message)
{
    return message ? message->value(u"type"_s).toString() : u"(nothing)"_s;
}

qint64 seqOf(const QJsonObject& event)
{
    return event.value(u"seq"_s).toInteger();
}

/// An audit event of `action` about the namespace `ns`.
std::function<bool(const QJsonObject&)> audit(const QString& action, const QString& ns)
{
    return [action, ns](const QJsonObject& event) {
        const QJsonObject data = event.value(u"data"_s).toObject();
        return event.value(u"type"_s).toString() == u"audit"_s && data.value(u"action"_s).toString() == action
            && (event.value(u"namespace"_s).toString() == ns || data.value(u"target"_s).toString() == ns);
    };
}

} // namespace

class TestKvdEvents final : public QObject
{
    Q_OBJECT

    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QNetworkAccessManager m_network;
    QString m_signalKey;
    QString m_readKey;

    Reply call(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QNetworkRequest request(QUrl(m_kvd.baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + m_kvd.adminKey().toLatin1());
        if (!body.isEmpty()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        }
        return awaitReply<Reply>(m_network.sendCustomRequest(request, method, body), 10000);
    }

    void createNamespace(const QString& id)
    {
        const Reply created = call("POST", u"/v1/namespaces"_s, WebSocketClient::json({ { u"id"_s, id } }));
        QCOMPARE(created.status, 201);
    }

    QString createKey(const QString& scope)
    {
        const Reply created = call("POST", u"/v1/apikeys"_s,
            WebSocketClient::json({ { u"name"_s, scope }, { u"scopes"_s, QJsonArray { scope } } }));
        [&] { QCOMPARE(created.status, 201); }();
        return created.json().value(u"secret"_s).toString();
    }

    QNetworkRequest streamRequest(const QUrlQuery& query = {}, const QString& key = {}) const
    {
        QUrl url(u"ws://127.0.0.1:%1/v1/admin/events"_s.arg(m_kvd.port()));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + (key.isEmpty() ? m_kvd.adminKey() : key).toLatin1());
        return request;
    }

    /// An open stream and its hello (nullptr, with a test failure, when either is missing).
    std::unique_ptr<WebSocketClient> openStream(QJsonObject& hello, const QUrlQuery& query = {})
    {
        auto client = std::make_unique<WebSocketClient>();
        if (!client->open(streamRequest(query))) {
            [] { QFAIL("the event stream did not open"); }();
            return nullptr;
        }
        const auto first = client->next();
        if (typeOf(first) != u"hello"_s) {
            [&] { QFAIL(qPrintable(u"the first message is not a hello: "_s + typeOf(first))); }();
            return nullptr;
        }
        hello = *first;
        return client;
    }

    /// The upgrade request sent by hand, so that a refusal's status and JSON body can be read.
    Reply rawUpgrade(const QByteArray& target, const QByteArray& authorization)
    {
        QTcpSocket socket;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        socket.connectToHost(u"127.0.0.1"_s, m_kvd.port());
        [&] { QVERIFY(connected.wait(10000)); }();
        QByteArray request = "GET " + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        if (!authorization.isEmpty()) {
            request += "Authorization: " + authorization + "\r\n";
        }
        socket.write(request + "\r\n");
        QByteArray received;
        Reply reply;
        for (;;) {
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QList<QByteArray> lines = received.left(end).split('\n');
                reply.status = lines.first().split(' ').value(1).toInt();
                qsizetype length = 0;
                for (const QByteArray& line : lines.mid(1)) {
                    const qsizetype colon = line.indexOf(':');
                    reply.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
                }
                length = reply.headers.value("content-length").toLongLong();
                if (received.size() >= end + 4 + length) {
                    reply.body = received.mid(end + 4, length);
                    return reply;
                }
            }
            QSignalSpy ready(&socket, &QTcpSocket::readyRead);
            if (socket.bytesAvailable() == 0 && !ready.wait(10000)) {
                return reply;
            }
            received += socket.readAll();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_kvd.start({ u"--flush-interval"_s, u"1"_s, u"--ping-interval"_s, u"1"_s }),
            qPrintable(m_kvd.failureLog()));
        m_signalKey = createKey(u"signal"_s);
        m_readKey = createKey(u"read"_s);
    }

    void refusesBeforeUpgrading()
    {
        const Reply anonymous = rawUpgrade("/v1/admin/events", {});
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.code(), u"unauthorized"_s);
        QVERIFY(anonymous.headers.value("www-authenticate").startsWith("Bearer"));

        const Reply signal = rawUpgrade("/v1/admin/events", "Bearer " + m_signalKey.toLatin1());
        QCOMPARE(signal.status, 403);
        QCOMPARE(signal.code(), u"forbidden"_s);

        const QByteArray admin = "Bearer " + m_kvd.adminKey().toLatin1();
        const Reply negative = rawUpgrade("/v1/admin/events?after=-1", admin);
        QCOMPARE(negative.status, 400);
        QCOMPARE(negative.code(), u"invalid_cursor"_s);
        const Reply word = rawUpgrade("/v1/admin/events?stream=x&after=ten", admin);
        QCOMPARE(word.status, 400);
        QCOMPARE(word.code(), u"invalid_cursor"_s);

        // QWebSocket with a key of another scope does not get a connection.
        WebSocketClient reader;
        QVERIFY(!reader.open(streamRequest({}, m_readKey)));

        // A plain GET is told what the route speaks.
        QNetworkRequest plain(QUrl(m_kvd.baseUrl() + u"/v1/admin/events"_s));
        plain.setRawHeader("Authorization", admin);
        const Reply notUpgraded = awaitReply<Reply>(m_network.get(plain), 10000);
        QCOMPARE(notUpgraded.status, 426);
        QCOMPARE(notUpgraded.code(), u"upgrade_required"_s);
    }

    void saysHelloThenSendsEveryEventInOrder()
    {
        QJsonObject hello;
        auto stream = openStream(hello);
        QVERIFY(stream);
        QVERIFY(!hello.value(u"stream"_s).toString().isEmpty());
        QVERIFY(hello.value(u"seq"_s).isDouble());
        QCOMPARE(hello.value(u"resumed"_s).toBool(), false);

        createNamespace(u"evt-order"_s);
        call("PUT", u"/v1/namespaces/evt-order/values/a"_s, "1");
        // Whatever else happens meanwhile, the events follow the hello one by one.
        qint64 expected = hello.value(u"seq"_s).toInteger() + 1;
        bool sawCreate = false;
        bool sawPut = false;
        while (!(sawCreate && sawPut)) {
            const auto event = stream->next();
            QVERIFY2(event, "an event is missing");
            QCOMPARE(seqOf(*event), expected++);
            QVERIFY(!event->value(u"at"_s).toString().isEmpty());
            QVERIFY(event->contains(u"namespace"_s) && event->value(u"data"_s).isObject());
            sawCreate = sawCreate || audit(u"namespace.create"_s, u"evt-order"_s)(*event);
            sawPut = sawPut || audit(u"key.put"_s, u"evt-order"_s)(*event);
        }
    }

    void usageTicksArrive()
    {
        QJsonObject hello;
        auto stream = openStream(hello);
        QVERIFY(stream);
        createNamespace(u"evt-usage"_s);
        QCOMPARE(call("PUT", u"/v1/namespaces/evt-usage/values/k"_s, "v").status, 200);
        QCOMPARE(call("GET", u"/v1/namespaces/evt-usage/values/k"_s).status, 200);
        // kvd flushes usage every second and publishes one tick per namespace and hour.
        qint64 writes = 0;
        qint64 reads = 0;
        while (writes < 1 || reads < 1) {
            const auto tick = stream->nextWhere([](const QJsonObject& event) {
                return event.value(u"type"_s).toString() == u"usage.tick"_s
                    && event.value(u"namespace"_s).toString() == u"evt-usage"_s;
            });
            QVERIFY2(tick, "no usage tick for evt-usage");
            writes += tick->value(u"data"_s).toObject().value(u"writes"_s).toInteger();
            reads += tick->value(u"data"_s).toObject().value(u"reads"_s).toInteger();
        }
        QCOMPARE(writes, 1);
        QCOMPARE(reads, 1);
    }

    void followsPeers()
    {
        QJsonObject hello;
        auto stream = openStream(hello);
        QVERIFY(stream);
        WebSocketClient peer;
        QVERIFY(peer.open(QUrl(u"ws://127.0.0.1:%1/v1/signal"_s.arg(m_kvd.port()))));
        peer.send({ { u"type"_s, u"auth"_s }, { u"key"_s, m_signalKey } });
        peer.send({ { u"type"_s, u"join"_s }, { u"room"_s, u"evt-room"_s }, { u"peer"_s, u"dana"_s } });
        peer.send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"connected"_s } });
        peer.send({ { u"type"_s, u"leave"_s } });
        const QStringList expected { u"peer.joined"_s, u"peer.state"_s, u"peer.left"_s };
        for (const QString& type : expected) {
            const auto event = stream->nextWhere([&type](const QJsonObject& e) {
                return e.value(u"type"_s).toString() == type
                    && e.value(u"data"_s).toObject().value(u"id"_s).toString() == u"dana"_s;
            });
            QVERIFY2(event, qPrintable(type));
            QCOMPARE(event->value(u"data"_s).toObject().value(u"room"_s).toString(), u"evt-room"_s);
            if (type == u"peer.state"_s) {
                QCOMPARE(event->value(u"data"_s).toObject().value(u"iceState"_s).toString(), u"connected"_s);
            }
        }
    }

    /// A client that reconnects with its stream and last sequence gets exactly what it missed,
    /// as a client that stayed connected saw it, then the live events.
    void aResumeReplaysExactlyTheMissedEvents()
    {
        QJsonObject watcherHello;
        auto watcher = openStream(watcherHello);
        QVERIFY(watcher);

        QJsonObject hello;
        auto first = openStream(hello);
        QVERIFY(first);
        const QString streamId = hello.value(u"stream"_s).toString();
        QCOMPARE(watcherHello.value(u"stream"_s).toString(), streamId);
        createNamespace(u"evt-before"_s);
        const auto lastSeen = first->nextWhere(audit(u"namespace.create"_s, u"evt-before"_s));
        QVERIFY(lastSeen);
        const qint64 after = seqOf(*lastSeen);
        first->socket().close();
        QVERIFY(first->waitClosed());

        for (const QString& ns : { u"evt-gap-1"_s, u"evt-gap-2"_s, u"evt-gap-3"_s }) {
            createNamespace(ns);
        }

        QJsonObject resumedHello;
        QUrlQuery query;
        query.addQueryItem(u"stream"_s, streamId);
        query.addQueryItem(u"after"_s, QString::number(after));
        auto resumed = openStream(resumedHello, query);
        QVERIFY(resumed);
        QCOMPARE(resumedHello.value(u"resumed"_s).toBool(), true);
        QCOMPARE(resumedHello.value(u"stream"_s).toString(), streamId);
        const qint64 upTo = resumedHello.value(u"seq"_s).toInteger();
        QVERIFY(upTo >= after + 3);

        // What the watcher saw after `after`, up to the resumed hello.
        QList<QJsonObject> missed;
        while (missed.isEmpty() || seqOf(missed.last()) < upTo) {
            const auto event = watcher->next();
            QVERIFY2(event, "the watcher missed an event");
            if (seqOf(*event) > after) {
                missed.append(*event);
            }
        }
        QCOMPARE(seqOf(missed.first()), after + 1);
        for (const QJsonObject& expected : std::as_const(missed)) {
            const auto replayed = resumed->next();
            QVERIFY2(replayed, "a missed event was not replayed");
            QCOMPARE(*replayed, expected);
        }
        QVERIFY(std::any_of(missed.cbegin(), missed.cend(), audit(u"namespace.create"_s, u"evt-gap-3"_s)));

        // Then live, without a hole or a repeat.
        createNamespace(u"evt-after"_s);
        qint64 expected = upTo + 1;
        for (;;) {
            const auto event = resumed->next();
            QVERIFY2(event, "no live event after the replay");
            QCOMPARE(seqOf(*event), expected++);
            if (audit(u"namespace.create"_s, u"evt-after"_s)(*event)) {
                break;
            }
        }
    }

    void anotherStreamIsNotResumed()
    {
        QUrlQuery query;
        query.addQueryItem(u"stream"_s, u"not-this-kvd"_s);
        query.addQueryItem(u"after"_s, u"1"_s);
        QJsonObject hello;
        auto stream = openStream(hello, query);
        QVERIFY(stream);
        QCOMPARE(hello.value(u"resumed"_s).toBool(), false);
        // Nothing is replayed: the first event is the next one published.
        createNamespace(u"evt-fresh"_s);
        const auto event = stream->next();
        QVERIFY(event);
        QCOMPARE(seqOf(*event), hello.value(u"seq"_s).toInteger() + 1);

        // A sequence without its stream resumes nothing either.
        QUrlQuery bare;
        bare.addQueryItem(u"after"_s, u"1"_s);
        QJsonObject bareHello;
        auto bareStream = openStream(bareHello, bare);
        QVERIFY(bareStream);
        QCOMPARE(bareHello.value(u"resumed"_s).toBool(), false);
    }

    /// More events waiting for a client than its backlog close it (1008): memory stays bounded.
    /// A kvd whose backlog is one event, and a resume that replays three at once, make that
    /// happen every time.
    void aBacklogOverflowCloses()
    {
        KvdProcess small { QStringLiteral(KVD_BINARY) };
        QVERIFY2(small.start({ u"--event-backlog"_s, u"1"_s }), qPrintable(small.failureLog()));
        QUrl url(u"ws://127.0.0.1:%1/v1/admin/events"_s.arg(small.port()));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + small.adminKey().toLatin1());
        WebSocketClient first;
        QVERIFY(first.open(request));
        const auto hello = first.next();
        QCOMPARE(typeOf(hello), u"hello"_s);
        for (const QString& ns : { u"b1"_s, u"b2"_s, u"b3"_s }) {
            QNetworkRequest create(QUrl(small.baseUrl() + u"/v1/namespaces"_s));
            create.setRawHeader("Authorization", "Bearer " + small.adminKey().toLatin1());
            create.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            const Reply created
                = awaitReply<Reply>(m_network.post(create, WebSocketClient::json({ { u"id"_s, ns } })), 10000);
            QCOMPARE(created.status, 201);
        }

        QUrlQuery query;
        query.addQueryItem(u"stream"_s, hello->value(u"stream"_s).toString());
        query.addQueryItem(u"after"_s, QString::number(hello->value(u"seq"_s).toInteger()));
        url.setQuery(query);
        request.setUrl(url);
        WebSocketClient replayed;
        // The close may follow the handshake at once: wait for the end, not for "connected".
        replayed.socket().open(request);
        QVERIFY(replayed.waitClosed());
        QCOMPARE(replayed.closeCode(), 1008);
        QVERIFY2(replayed.closeReason().startsWith(u"slow_consumer"_s), qPrintable(replayed.closeReason()));
        // The live client, which keeps up, is unaffected.
        QVERIFY(first.isOpen());
        first.socket().close();
        QVERIFY(first.waitClosed());
        QCOMPARE(small.terminate(), 0);
    }

    void cleanupTestCase() { QCOMPARE(m_kvd.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestKvdEvents)
#include "tst_kvdevents.moc"
