// kvd from the outside: the real binary on a free loopback port, spoken to with Qt Network for
// the routes and with a raw socket where the transport itself is under test.

#include "AwaitReply.h"
#include "KvdProcess.h"
#include "service/ApiKeySecret.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

/// The path of a value, with the key percent-encoded as one segment.
QString valuePath(const QString& ns, const QString& key)
{
    return QStringLiteral("/v1/namespaces/%1/values/%2").arg(ns, QString::fromLatin1(QUrl::toPercentEncoding(key)));
}

} // namespace

class TestKvdServer final : public QObject
{
    Q_OBJECT

private:
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QNetworkAccessManager m_network;

    Reply call(const QByteArray& method, const QString& path, const QByteArray& body = {},
        const QList<std::pair<QByteArray, QByteArray>>& headers = {})
    {
        QNetworkRequest request(QUrl(m_kvd.baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + m_kvd.adminKey().toLatin1());
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        if (!body.isEmpty() && !request.hasRawHeader("Content-Type")) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        }
        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        return awaitReply<Reply>(reply, 10000);
    }

    /// The value of one sample line of /metrics, 0 when it is absent.
    qint64 metricValue(const QString& series)
    {
        const QString text = QString::fromUtf8(call("GET", QStringLiteral("/metrics")).body);
        // A sample starts a line; the HELP and TYPE lines name the metric too, after "# ".
        const QString sample = QLatin1Char('\n') + series + QLatin1Char(' ');
        const qsizetype at = text.indexOf(sample);
        return at < 0 ? 0 : text.mid(at + sample.size()).section(QLatin1Char('\n'), 0, 0).toLongLong();
    }

    /// Creates a key through the API and returns its secret.
    QByteArray createKey(const QByteArray& body)
    {
        const Reply created = call("POST", QStringLiteral("/v1/apikeys"), body);
        [&] { QCOMPARE(created.status, 201); }();
        return created.json().value(QStringLiteral("secret")).toString().toLatin1();
    }

    static QList<std::pair<QByteArray, QByteArray>> bearer(const QByteArray& secret)
    {
        return { { "Authorization", "Bearer " + secret } };
    }

    QByteArray authorization() const { return "Authorization: Bearer " + m_kvd.adminKey().toLatin1() + "\r\n"; }

    /// Sends raw bytes on a new connection and returns everything read until the server closes
    /// it or `until` appears.
    QByteArray raw(const QByteArray& bytes, const QByteArray& until = {})
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_kvd.port());
        if (!socket.waitForConnected(5000)) {
            return {};
        }
        socket.write(bytes);
        QByteArray received;
        while (socket.waitForReadyRead(5000)) {
            received += socket.readAll();
            if (!until.isEmpty() && received.contains(until)) {
                break;
            }
        }
        received += socket.readAll();
        return received;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_kvd.start({ QStringLiteral("--allow-origin"), QStringLiteral("https://console.example") }),
            qPrintable(m_kvd.failureLog()));
        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"app"})").status, 201);
    }

    void healthAndRequestIds()
    {
        const Reply health = call("GET", QStringLiteral("/healthz"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(health.headers.value("x-request-id").startsWith("req_"));
        QCOMPARE(health.headers.value("x-content-type-options"), QByteArray("nosniff"));

        const Reply echoed = call("GET", QStringLiteral("/healthz"), {}, { { "X-Request-Id", "trace-42" } });
        QCOMPARE(echoed.headers.value("x-request-id"), QByteArray("trace-42"));
        // A request id that is not plain text is replaced, never reflected.
        const Reply replaced = call("GET", QStringLiteral("/healthz"), {}, { { "X-Request-Id", "<script>" } });
        QVERIFY(replaced.headers.value("x-request-id").startsWith("req_"));
    }

    void namespaces()
    {
        Reply created = call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"orders","plan":"pro"})");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("plan")).toString(), QStringLiteral("pro"));

        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"orders"})").errorCode(),
            QStringLiteral("namespace_exists"));
        const Reply invalid = call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"Bad Id"})");
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.errorCode(), QStringLiteral("invalid_namespace"));
        const Reply malformed = call("POST", QStringLiteral("/v1/namespaces"), "{not json");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), QStringLiteral("bad_request"));
        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"x","plan":"gold"})").errorCode(),
            QStringLiteral("plan_not_found"));

        const Reply patched = call("PATCH", QStringLiteral("/v1/namespaces/orders"), R"({"plan":"business"})");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QStringLiteral("plan")).toString(), QStringLiteral("business"));

        const Reply list = call("GET", QStringLiteral("/v1/namespaces"));
        QCOMPARE(list.status, 200);
        QStringList ids;
        for (const QJsonValue& ns : list.json().value(QStringLiteral("namespaces")).toArray()) {
            ids.append(ns.toObject().value(QStringLiteral("id")).toString());
        }
        QCOMPARE(ids, (QStringList { QStringLiteral("app"), QStringLiteral("orders") }));

        QCOMPARE(call("DELETE", QStringLiteral("/v1/namespaces/orders")).status, 204);
        const Reply gone = call("GET", QStringLiteral("/v1/namespaces/orders"));
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), QStringLiteral("namespace_not_found"));
        QCOMPARE(gone.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("requestId")).toString(),
            QString::fromLatin1(gone.headers.value("x-request-id")));
    }

    void valueRoundTripWithAnAwkwardKey()
    {
        // The key holds '/', a space, '%' and a multibyte character: routing must not split it.
        const QString key = QStringLiteral("a/b c%\u00e9");
        const QString path = valuePath(QStringLiteral("app"), key);
        QCOMPARE(path, QStringLiteral("/v1/namespaces/app/values/a%2Fb%20c%25%C3%A9"));

        const Reply put = call("PUT", path + QStringLiteral("?ttl=3600"), QByteArray("hello\0world", 11),
            { { "Content-Type", "application/octet-stream" }, { "Kv-Metadata", R"({"lang":"fr"})" } });
        QCOMPARE(put.status, 200);
        const qint64 version = put.json().value(QStringLiteral("version")).toInteger();
        QVERIFY(version > 0);
        QCOMPARE(put.headers.value("etag"), '"' + QByteArray::number(version) + '"');
        QCOMPARE(put.headers.value("cache-control"), QByteArray("no-store"));

        const Reply get = call("GET", path);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, QByteArray("hello\0world", 11));
        QCOMPARE(get.headers.value("etag"), put.headers.value("etag"));
        QCOMPARE(get.headers.value("kv-metadata"), QByteArray(R"({"lang":"fr"})"));
        const qint64 expiration = get.headers.value("kv-expiration").toLongLong();
        QVERIFY(expiration > QDateTime::currentSecsSinceEpoch() + 3500);

        QCOMPARE(call("GET", path, {}, { { "If-None-Match", get.headers.value("etag") } }).status, 304);

        const Reply listing = call("GET", QStringLiteral("/v1/namespaces/app/keys?prefix=a%2F"));
        QCOMPARE(listing.status, 200);
        const QJsonArray keys = listing.json().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.first().toObject().value(QStringLiteral("name")).toString(), key);
        QCOMPARE(keys.first().toObject().value(QStringLiteral("size")).toInt(), 11);
    }

    void conditionalWrites()
    {
        const QString path = valuePath(QStringLiteral("app"), QStringLiteral("counter"));
        const Reply created = call("PUT", path, "1", { { "If-None-Match", "*" } });
        QCOMPARE(created.status, 200);
        const QByteArray etag = created.headers.value("etag");

        const Reply again = call("PUT", path, "1", { { "If-None-Match", "*" } });
        QCOMPARE(again.status, 412);
        QCOMPARE(again.errorCode(), QStringLiteral("key_exists"));

        const Reply updated = call("PUT", path, "2", { { "If-Match", etag } });
        QCOMPARE(updated.status, 200);
        const Reply stale = call("PUT", path, "3", { { "If-Match", etag } });
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.errorCode(), QStringLiteral("version_conflict"));
        QCOMPARE(call("GET", path).body, QByteArray("2"));

        QCOMPARE(call("PUT", path, "4", { { "If-Match", "not-a-version" } }).status, 400);
        QCOMPARE(call("DELETE", path, {}, { { "If-Match", etag } }).status, 412);
        const Reply deleted = call("DELETE", path, {}, { { "If-Match", updated.headers.value("etag") } });
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json().value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(call("GET", path).errorCode(), QStringLiteral("key_not_found"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown route") << QByteArray("GET") << QStringLiteral("/v1/nothing") << QByteArray() << 404
                                       << QStringLiteral("not_found");
        QTest::newRow("trailing slash") << QByteArray("GET") << QStringLiteral("/v1/namespaces/") << QByteArray() << 404
                                        << QStringLiteral("not_found");
        QTest::newRow("invalid utf-8 key") << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/values/%FF")
                                           << QByteArray() << 400 << QStringLiteral("invalid_key");
        QTest::newRow("control char key") << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/values/a%00b")
                                          << QByteArray() << 400 << QStringLiteral("invalid_key");
        QTest::newRow("ttl too short") << QByteArray("PUT") << QStringLiteral("/v1/namespaces/app/values/k?ttl=10")
                                       << QByteArray("v") << 400 << QStringLiteral("invalid_ttl");
        QTest::newRow("ttl not a number") << QByteArray("PUT") << QStringLiteral("/v1/namespaces/app/values/k?ttl=soon")
                                          << QByteArray("v") << 400 << QStringLiteral("invalid_ttl");
        QTest::newRow("limit too big") << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/keys?limit=1001")
                                       << QByteArray() << 400 << QStringLiteral("invalid_limit");
        QTest::newRow("bad cursor") << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/keys?cursor=!!")
                                    << QByteArray() << 400 << QStringLiteral("invalid_cursor");
        QTest::newRow("order neither asc nor desc")
            << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/keys?order=down") << QByteArray() << 400
            << QStringLiteral("bad_request");
        QTest::newRow("order in capitals") << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/keys?order=DESC")
                                           << QByteArray() << 400 << QStringLiteral("bad_request");
        QTest::newRow("order empty") << QByteArray("GET") << QStringLiteral("/v1/namespaces/app/keys?order=")
                                     << QByteArray() << 400 << QStringLiteral("bad_request");
        QTest::newRow("missing namespace") << QByteArray("GET") << QStringLiteral("/v1/namespaces/none/values/k")
                                           << QByteArray() << 404 << QStringLiteral("namespace_not_found");
        QTest::newRow("json array body") << QByteArray("POST") << QStringLiteral("/v1/namespaces") << QByteArray("[]")
                                         << 400 << QStringLiteral("bad_request");
    }

    void badInput()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply reply = call(method, path, body);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QVERIFY(!reply.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200); // still serving
    }

    void badMetadataHeader()
    {
        const QString path = valuePath(QStringLiteral("app"), QStringLiteral("m"));
        QCOMPARE(
            call("PUT", path, "v", { { "Kv-Metadata", "[1,2]" } }).errorCode(), QStringLiteral("invalid_metadata"));
        // (Built without raw strings: moc 6.4 mis-parses R"(")".)
        const QByteArray big = "{\"x\":\"" + QByteArray(1100, 'a') + "\"}";
        const Reply tooBig = call("PUT", path, "v", { { "Kv-Metadata", big } });
        QCOMPARE(tooBig.status, 413);
        QCOMPARE(tooBig.errorCode(), QStringLiteral("metadata_too_large"));
    }

    void methodNotAllowedListsAllow()
    {
        const Reply reply = call("POST", QStringLiteral("/v1/namespaces/app"));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.errorCode(), QStringLiteral("method_not_allowed"));
        QCOMPARE(reply.headers.value("allow"), QByteArray("GET, HEAD, PATCH, DELETE"));
    }

    void headHasHeadersButNoBody()
    {
        const QString path = valuePath(QStringLiteral("app"), QStringLiteral("h"));
        QCOMPARE(call("PUT", path, "twelve bytes").status, 200);
        const QByteArray response = raw(
            "HEAD " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\n" + authorization() + "Connection: close\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
        QVERIFY2(response.contains("Content-Length: 12\r\n"), response.constData());
        QVERIFY2(response.endsWith("\r\n\r\n"), response.constData()); // nothing after the headers
    }

    void oversizedBodyIsRefusedBeforeItIsRead()
    {
        // Only the header is sent: the 413 must come without waiting for 30 MB that never arrive.
        const QByteArray response = raw("PUT /v1/namespaces/app/values/big HTTP/1.1\r\nHost: x\r\n"
                                        "Content-Length: 30000000\r\n\r\n",
            "\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 413"), response.constData());
        QVERIFY2(response.contains("payload_too_large"), response.constData());
    }

    void expectContinue()
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_kvd.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("PUT /v1/namespaces/app/values/cont HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n" + authorization()
            + "Expect: 100-continue\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(5000));
        const QByteArray interim = socket.readAll();
        QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue"), interim.constData());
        socket.write("hello");
        QByteArray final;
        while (!final.contains("\"version\"") && socket.waitForReadyRead(5000)) {
            final += socket.readAll();
        }
        QVERIFY2(final.contains("HTTP/1.1 200"), final.constData());
        QCOMPARE(call("GET", valuePath(QStringLiteral("app"), QStringLiteral("cont"))).body, QByteArray("hello"));
    }

    void keepAliveServesSeveralRequests()
    {
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray response
            = raw(request + request + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(response.count("HTTP/1.1 200 OK"), 3);
    }

    void oversizedHeaderGets431()
    {
        const QByteArray response
            = raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 431"), response.left(200).constData());
    }

    void malformedEscapeGets400()
    {
        // Sent raw: QUrl would repair "%zz" into "%25zz" before it left the client.
        const QByteArray response = raw("GET /v1/namespaces/app/values/%zz HTTP/1.1\r\nHost: x\r\nConnection: "
                                        "close\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 400"), response.constData());
        QVERIFY2(response.contains("percent-escape"), response.constData());
    }

    void garbageGets400()
    {
        const QByteArray response = raw("THIS IS NOT HTTP\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 400"), response.constData());
        QVERIFY2(response.contains("X-Request-Id: req_"), response.constData());
        QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200);
    }

    void pagingThroughKeys()
    {
        QByteArray created;
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(call("PUT", valuePath(QStringLiteral("app"), QStringLiteral("page/%1").arg(i)), "x").status, 200);
        }
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            QString path = QStringLiteral("/v1/namespaces/app/keys?prefix=page%2F&limit=3");
            if (!cursor.isEmpty()) {
                path += QStringLiteral("&cursor=") + cursor;
            }
            const Reply page = call("GET", path);
            QCOMPARE(page.status, 200);
            for (const QJsonValue& key : page.json().value(QStringLiteral("keys")).toArray()) {
                seen.append(key.toObject().value(QStringLiteral("name")).toString());
            }
            cursor = page.json().value(QStringLiteral("cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 7);
        QCOMPARE(seen.first(), QStringLiteral("page/0"));
        QCOMPARE(seen.last(), QStringLiteral("page/6"));
    }

    void pagingThroughKeysDescending()
    {
        // Neighbours of the prefix on both sides, which the listing must leave out.
        for (const QString& key : { QStringLiteral("down"), QStringLiteral("down0"), QStringLiteral("dowm/z") }) {
            QCOMPARE(call("PUT", valuePath(QStringLiteral("app"), key), "x").status, 200);
        }
        QStringList written;
        for (int i = 0; i < 11; ++i) {
            written.append(QStringLiteral("down/%1").arg(i));
            QCOMPARE(call("PUT", valuePath(QStringLiteral("app"), written.last()), "x").status, 200);
        }
        // Byte order: down/0, down/1, down/10, down/2, ...; reversed for desc.
        std::sort(
            written.begin(), written.end(), [](const QString& a, const QString& b) { return a.toUtf8() > b.toUtf8(); });

        const auto pageThrough = [this](const QString& order, QStringList* cursors) {
            QStringList seen;
            QString cursor;
            do {
                QString path = QStringLiteral("/v1/namespaces/app/keys?prefix=down%2F&limit=4&order=") + order;
                if (!cursor.isEmpty()) {
                    path += QStringLiteral("&cursor=") + cursor;
                }
                const Reply page = call("GET", path);
                if (page.status != 200) {
                    qWarning("%s answered %d: %s", qPrintable(path), page.status, page.body.constData());
                    return QStringList();
                }
                for (const QJsonValue& key : page.json().value(QStringLiteral("keys")).toArray()) {
                    seen.append(key.toObject().value(QStringLiteral("name")).toString());
                }
                cursor = page.json().value(QStringLiteral("cursor")).toString();
                cursors->append(cursor);
            } while (!cursor.isEmpty() && cursors->size() < 10);
            return seen;
        };
        QStringList downCursors;
        QCOMPARE(pageThrough(QStringLiteral("desc"), &downCursors), written);
        QCOMPARE(downCursors.size(), 3); // 4 + 4 + 3, the last page already complete
        QStringList upCursors;
        QStringList ascending = written;
        std::reverse(ascending.begin(), ascending.end());
        QCOMPARE(pageThrough(QStringLiteral("asc"), &upCursors), ascending);

        // Without order the listing is ascending, as it always was.
        const Reply plain = call("GET", QStringLiteral("/v1/namespaces/app/keys?prefix=down%2F&limit=1"));
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.json()
                     .value(QStringLiteral("keys"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("down/0"));

        // A cursor continues its own listing only: the other order is refused, saying which is which.
        const Reply mixed = call("GET",
            QStringLiteral("/v1/namespaces/app/keys?prefix=down%2F&limit=4&order=asc&cursor=") + downCursors.first());
        QCOMPARE(mixed.status, 400);
        QCOMPARE(mixed.errorCode(), QStringLiteral("invalid_cursor"));
        const QJsonObject details
            = mixed.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("cursorOrder")).toString(), QStringLiteral("desc"));
        QCOMPARE(details.value(QStringLiteral("order")).toString(), QStringLiteral("asc"));
        const Reply mixedDown = call("GET",
            QStringLiteral("/v1/namespaces/app/keys?prefix=down%2F&limit=4&order=desc&cursor=") + upCursors.first());
        QCOMPARE(mixedDown.status, 400);
        QCOMPARE(mixedDown.errorCode(), QStringLiteral("invalid_cursor"));

        // A bad order is named with the values allowed.
        const Reply bad = call("GET", QStringLiteral("/v1/namespaces/app/keys?order=sideways"));
        QCOMPARE(bad.status, 400);
        const QJsonObject error = bad.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("bad_request"));
        const QString message = error.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("asc")) && message.contains(QStringLiteral("desc"))
                && message.contains(QStringLiteral("sideways")),
            qPrintable(message));
        QCOMPARE(error.value(QStringLiteral("details")).toObject().value(QStringLiteral("allowed")).toArray(),
            (QJsonArray { QStringLiteral("asc"), QStringLiteral("desc") }));
    }

    void bulkWritesAreAtomic()
    {
        const QString bulk = QStringLiteral("/v1/namespaces/app/bulk");
        const Reply written = call("POST", bulk,
            R"([{"key":"bulk/1","value":"one"},)"
            R"({"key":"bulk/2","value":"/wA=","base64":true,"metadata":{"n":2}},)"
            R"({"key":"bulk/3","value":"three","expirationTtl":600}])");
        QCOMPARE(written.status, 200);
        QVERIFY(written.json().value(QStringLiteral("committed")).toBool());
        const QJsonArray items = written.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QVERIFY(items[0].toObject().value(QStringLiteral("version")).toInteger() > 0);
        QVERIFY(items[2].toObject().value(QStringLiteral("expiration")).isDouble());

        // One invalid key rejects the whole batch, naming it; nothing is written.
        const Reply invalid = call("POST", bulk, R"([{"key":"bulk/4","value":"x"},{"key":"","value":"y"}])");
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.errorCode(), QStringLiteral("invalid_key"));
        const QJsonArray reasons = invalid.json()
                                       .value(QStringLiteral("error"))
                                       .toObject()
                                       .value(QStringLiteral("details"))
                                       .toObject()
                                       .value(QStringLiteral("items"))
                                       .toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(
            reasons[0].toObject().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("batch_rejected"));
        QCOMPARE(call("GET", valuePath(QStringLiteral("app"), QStringLiteral("bulk/4"))).status, 404);

        // A failed precondition rejects it with 412.
        const Reply conflict
            = call("POST", bulk, R"([{"key":"bulk/5","value":"x"},{"key":"bulk/1","value":"y","ifNoneMatch":true}])");
        QCOMPARE(conflict.status, 412);
        QCOMPARE(conflict.errorCode(), QStringLiteral("key_exists"));
        QCOMPARE(call("GET", valuePath(QStringLiteral("app"), QStringLiteral("bulk/5"))).status, 404);

        QCOMPARE(call("POST", bulk, R"({"nope":1})").status, 400);
    }

    void bulkGetAndDelete()
    {
        const Reply got = call(
            "POST", QStringLiteral("/v1/namespaces/app/bulk/get"), R"({"keys":["bulk/1","bulk/2","bulk/missing"]})");
        QCOMPARE(got.status, 200);
        const QJsonArray items = got.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[0].toObject().value(QStringLiteral("value")).toString(), QStringLiteral("one"));
        // Bytes that are not UTF-8 come back as base64.
        QCOMPARE(items[1].toObject().value(QStringLiteral("value")).toString(), QStringLiteral("/wA="));
        QCOMPARE(items[1].toObject().value(QStringLiteral("base64")).toBool(), true);
        QCOMPARE(
            items[1].toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("n")).toInt(), 2);
        QCOMPARE(items[2].toObject().value(QStringLiteral("found")).toBool(true), false);

        const Reply deleted
            = call("POST", QStringLiteral("/v1/namespaces/app/bulk/delete"), R"(["bulk/1","bulk/missing"])");
        QCOMPARE(deleted.status, 200);
        const QJsonArray results = deleted.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(results[0].toObject().value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(results[1].toObject().value(QStringLiteral("deleted")).toBool(true), false);
        QCOMPARE(call("GET", valuePath(QStringLiteral("app"), QStringLiteral("bulk/1"))).status, 404);
    }

    void unauthenticatedRequestsGet401_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("not bearer") << QByteArray("Basic dXNlcjpwYXNz");
        QTest::newRow("malformed") << QByteArray("Bearer hello");
        QTest::newRow("bad checksum") << QByteArray("Bearer kvd_000000000000") + QByteArray(38, 'A');
        // Well-formed with a valid checksum is not enough: this id does not exist.
        QTest::newRow("unknown") << "Bearer " + kv::service::ApiKeySecret::generate().secret.toLatin1();
    }

    void unauthenticatedRequestsGet401()
    {
        QFETCH(QByteArray, authorization);
        const Reply reply = call("GET", QStringLiteral("/v1/namespaces"), {}, { { "Authorization", authorization } });
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(reply.headers.value("www-authenticate"), QByteArray("Bearer realm=\"kvd\""));
        QCOMPARE(call("GET", QStringLiteral("/healthz"), {}, { { "Authorization", authorization } }).status, 200);
    }

    void scopesAndNamespacesAreEnforced()
    {
        const QByteArray reader = createKey(R"({"name":"reader","scopes":["read"],"namespaces":["app"]})");
        QVERIFY(reader.startsWith("kvd_"));
        QCOMPARE(call("GET", QStringLiteral("/v1/namespaces/app/keys"), {}, bearer(reader)).status, 200);
        const Reply write = call("PUT", valuePath(QStringLiteral("app"), QStringLiteral("r")), "x", bearer(reader));
        QCOMPARE(write.status, 403);
        QCOMPARE(write.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"mine"})", bearer(reader)).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/v1/apikeys"), {}, bearer(reader)).status, 403);

        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"other"})").status, 201);
        const Reply elsewhere = call("GET", QStringLiteral("/v1/namespaces/other/keys"), {}, bearer(reader));
        QCOMPARE(elsewhere.status, 403);
        // The namespace list shows only what the key may see.
        const QJsonArray visible = call("GET", QStringLiteral("/v1/namespaces"), {}, bearer(reader))
                                       .json()
                                       .value(QStringLiteral("namespaces"))
                                       .toArray();
        QCOMPARE(visible.size(), 1);
        QCOMPARE(visible.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("app"));
    }

    void revocationAndRotationTakeEffectAtOnce()
    {
        const QByteArray writer = createKey(R"({"name":"writer","scopes":["read","write"]})");
        const QString path = valuePath(QStringLiteral("app"), QStringLiteral("w"));
        QCOMPARE(call("PUT", path, "1", bearer(writer)).status, 200); // now cached by the server

        const QString id = QString::fromLatin1(writer.mid(4, 12));
        const Reply rotated = call("POST", QStringLiteral("/v1/apikeys/%1/rotate").arg(id));
        QCOMPARE(rotated.status, 201);
        const QByteArray successor = rotated.json().value(QStringLiteral("secret")).toString().toLatin1();
        QVERIFY(successor != writer);
        QCOMPARE(
            rotated.json().value(QStringLiteral("apiKey")).toObject().value(QStringLiteral("rotatedFrom")).toString(),
            id);
        const Reply old = call("PUT", path, "2", bearer(writer));
        QCOMPARE(old.status, 401);
        QVERIFY2(old.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("rotated")),
            old.body.constData());
        QCOMPARE(call("PUT", path, "3", bearer(successor)).status, 200);

        const QString successorId = QString::fromLatin1(successor.mid(4, 12));
        QCOMPARE(call("DELETE", QStringLiteral("/v1/apikeys/%1").arg(successorId)).status, 204);
        QCOMPARE(call("PUT", path, "4", bearer(successor)).status, 401);
        QCOMPARE(
            call("DELETE", QStringLiteral("/v1/apikeys/nosuchkey000")).errorCode(), QStringLiteral("apikey_not_found"));

        // The list never carries a secret, and shows the lineage and the revocation.
        const Reply list = call("GET", QStringLiteral("/v1/apikeys"));
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(writer));
        QVERIFY(!list.body.contains(successor));
        QVERIFY(!list.body.contains("secret"));
        bool sawRevokedSuccessor = false;
        for (const QJsonValue& key : list.json().value(QStringLiteral("apiKeys")).toArray()) {
            if (key.toObject().value(QStringLiteral("id")).toString() == successorId) {
                sawRevokedSuccessor = key.toObject().value(QStringLiteral("revokedAt")).isString();
            }
        }
        QVERIFY(sawRevokedSuccessor);
    }

    void expiredKeysAreRefused()
    {
        const QByteArray soon
            = createKey(QStringLiteral(R"({"name":"brief","scopes":["read"],"expiresAt":"%1"})")
                            .arg(QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODateWithMs))
                            .toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", QStringLiteral("/v1/namespaces"), {}, bearer(soon)).status, 401, 5000);
        QCOMPARE(call("POST", QStringLiteral("/v1/apikeys"), R"({"name":"bad","scopes":["root"]})").status, 400);
    }

    void metricsCountRequests()
    {
        const QString series
            = QStringLiteral("kvd_http_requests_total{route=\"/v1/namespaces/{ns}\",method=\"GET\",status=\"404\"}");
        const qint64 before = metricValue(series);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(call("GET", QStringLiteral("/v1/namespaces/none")).status, 404);
        }
        QCOMPARE(metricValue(series), before + 3);

        const Reply metrics = call("GET", QStringLiteral("/metrics"), {}, { { "Authorization", QByteArray() } });
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        const QString text = QString::fromUtf8(metrics.body);
        QVERIFY(text.contains(QStringLiteral("# TYPE kvd_http_request_duration_seconds histogram")));
        QVERIFY(text.contains(
            QStringLiteral("kvd_http_request_duration_seconds_bucket{route=\"/v1/namespaces/{ns}\",le=\"+Inf\"}")));
        QVERIFY(text.contains(QStringLiteral("kvd_open_connections ")));
        QVERIFY(metricValue(QStringLiteral("kvd_store_bytes")) > 0);
    }

    void corsPreflightAndResponses()
    {
        const QByteArray preflight = raw("OPTIONS /v1/namespaces/app/values/k HTTP/1.1\r\nHost: x\r\n"
                                         "Origin: https://console.example\r\nAccess-Control-Request-Method: PUT\r\n"
                                         "Access-Control-Request-Headers: authorization, if-match\r\n"
                                         "Connection: close\r\n\r\n");
        QVERIFY2(preflight.startsWith("HTTP/1.1 204"), preflight.constData());
        QVERIFY2(preflight.contains("Access-Control-Allow-Origin: https://console.example\r\n"), preflight.constData());
        QVERIFY2(preflight.contains("Access-Control-Allow-Methods: GET, HEAD, PUT, DELETE\r\n"), preflight.constData());
        QVERIFY2(preflight.contains("Access-Control-Max-Age: 600\r\n"), preflight.constData());
        QVERIFY2(preflight.contains("If-Match"), preflight.constData());

        const QByteArray stranger = raw("OPTIONS /v1/namespaces HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n"
                                        "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
        QVERIFY2(stranger.startsWith("HTTP/1.1 403"), stranger.constData());
        QVERIFY(!stranger.contains("Access-Control-Allow-Origin"));

        const Reply allowed = call("GET", QStringLiteral("/healthz"), {}, { { "Origin", "https://console.example" } });
        QCOMPARE(allowed.headers.value("access-control-allow-origin"), QByteArray("https://console.example"));
        QVERIFY(allowed.headers.value("access-control-expose-headers").contains("ETag"));
        const Reply other = call("GET", QStringLiteral("/healthz"), {}, { { "Origin", "https://evil.example" } });
        QVERIFY(!other.headers.contains("access-control-allow-origin"));
    }

    void auditTrailRecordsWhoChangedWhat()
    {
        QByteArray adminId;
        for (const QJsonValue& key :
            call("GET", QStringLiteral("/v1/apikeys")).json().value(QStringLiteral("apiKeys")).toArray()) {
            if (key[QStringLiteral("name")].toString() == QStringLiteral("first admin key")) {
                adminId = key[QStringLiteral("id")].toString().toLatin1();
            }
        }
        QVERIFY(!adminId.isEmpty());
        QCOMPARE(
            call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"audited"})", { { "X-Request-Id", "trace-a1" } })
                .status,
            201);
        QCOMPARE(call("PATCH", QStringLiteral("/v1/namespaces/audited"), R"({"plan":"pro"})",
                     { { "X-Request-Id", "trace-a2" } })
                     .status,
            200);
        QCOMPARE(
            call("DELETE", QStringLiteral("/v1/namespaces/audited"), {}, { { "X-Request-Id", "trace-a3" } }).status,
            204);

        const Reply trail = call("GET", QStringLiteral("/v1/audit?namespace=audited"));
        QCOMPARE(trail.status, 200);
        QCOMPARE(trail.headers.value("cache-control"), QByteArray("no-store"));
        const QJsonArray events = trail.json().value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 3);
        QStringList actions;
        QStringList requestIds;
        for (const QJsonValue& event : events) {
            actions.append(event[QStringLiteral("action")].toString());
            requestIds.append(event[QStringLiteral("requestId")].toString());
            QCOMPARE(event[QStringLiteral("actor")].toString().toLatin1(), adminId);
            QCOMPARE(event[QStringLiteral("target")].toString(), QStringLiteral("audited"));
        }
        QCOMPARE(actions,
            (QStringList { QStringLiteral("namespace.delete"), QStringLiteral("plan.change"),
                QStringLiteral("namespace.create") }));
        QCOMPARE(requestIds,
            (QStringList { QStringLiteral("trace-a3"), QStringLiteral("trace-a2"), QStringLiteral("trace-a1") }));
        QVERIFY(trail.json().value(QStringLiteral("cursor")).isNull());

        // Pages of one, by cursor, reach the same three events.
        QStringList paged;
        QString cursor;
        do {
            const Reply page = call("GET",
                QStringLiteral("/v1/audit?namespace=audited&limit=1")
                    + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(page.status, 200);
            for (const QJsonValue& event : page.json().value(QStringLiteral("events")).toArray()) {
                paged.append(event[QStringLiteral("action")].toString());
            }
            cursor = page.json().value(QStringLiteral("cursor")).toString();
        } while (!cursor.isEmpty() && paged.size() < 10);
        QCOMPARE(paged, actions);

        const QString filtered = QStringLiteral("/v1/audit?action=plan.change&actor=") + QString::fromLatin1(adminId)
            + QStringLiteral("&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z");
        QVERIFY(call("GET", filtered).json().value(QStringLiteral("events")).toArray().size() >= 1);
        QCOMPARE(call("GET", QStringLiteral("/v1/audit?from=2999-01-01T00:00:00Z"))
                     .json()
                     .value(QStringLiteral("events"))
                     .toArray()
                     .size(),
            0);

        QCOMPARE(call("GET", QStringLiteral("/v1/audit?cursor=abc")).errorCode(), QStringLiteral("invalid_cursor"));
        QCOMPARE(call("GET", QStringLiteral("/v1/audit?limit=0")).errorCode(), QStringLiteral("invalid_limit"));
        QCOMPARE(
            call("GET", QStringLiteral("/v1/audit?from=yesterday")).errorCode(), QStringLiteral("invalid_time_range"));
        QCOMPARE(call("GET", QStringLiteral("/v1/audit?from=2026-01-02T00:00:00&to=2026-01-03T00:00:00Z")).errorCode(),
            QStringLiteral("invalid_time_range")); // no zone: ambiguous
        QCOMPARE(
            call("GET", QStringLiteral("/v1/audit?from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z")).status, 400);

        // The trail is for administrators only.
        const QByteArray reader = createKey(R"({"name":"audit reader","scopes":["read","write"]})");
        QCOMPARE(call("GET", QStringLiteral("/v1/audit"), {}, bearer(reader)).status, 403);
        // Creating that key was audited too, without its secret.
        const Reply keys = call("GET", QStringLiteral("/v1/audit?action=apikey.create&limit=1"));
        const QJsonObject keyEvent = keys.json().value(QStringLiteral("events")).toArray().first().toObject();
        QCOMPARE(keyEvent.value(QStringLiteral("details")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("audit reader"));
        QVERIFY(!keys.body.contains(reader));
    }

    void peersListsTheSignalingPeers()
    {
        // No relay client has joined this kvd: the list is empty, for every room.
        const Reply all = call("GET", QStringLiteral("/v1/peers"));
        QCOMPARE(all.status, 200);
        QVERIFY(all.json().value(QStringLiteral("peers")).isArray());
        QCOMPARE(all.json().value(QStringLiteral("peers")).toArray().size(), 0);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/peers?room=lobby")).json().value(QStringLiteral("peers")).toArray().size(),
            0);
        const QByteArray reader = createKey(R"({"name":"peer reader","scopes":["read"]})");
        QCOMPARE(call("GET", QStringLiteral("/v1/peers"), {}, bearer(reader)).status, 403);
    }

    /// Every route that needs a key, as the served OpenAPI document lists them with their scope:
    /// a key with only that scope gets past authorization (whatever the answer then is), a key
    /// with any other single scope gets 403 forbidden, and no key gets 401.
    void scopeMatrixFollowsTheSpec()
    {
        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"matrix"})").status, 201);
        const QStringList scopes { QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin"),
            QStringLiteral("signal") };
        QHash<QString, QByteArray> keyOf;
        for (const QString& scope : scopes) {
            keyOf.insert(scope, createKey(QStringLiteral(R"({"name":"only %1","scopes":["%1"]})").arg(scope).toUtf8()));
        }
        const QJsonObject paths = QJsonDocument::fromJson(call("GET", QStringLiteral("/v1/openapi.json")).body)
                                      .object()
                                      .value(QStringLiteral("paths"))
                                      .toObject();
        int checked = 0;
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QString target = path.key();
            target.replace(QStringLiteral("{ns}"), QStringLiteral("matrix"))
                .replace(QStringLiteral("{key}"), QStringLiteral("k"))
                .replace(QStringLiteral("{id}"), QStringLiteral("no-such-key"));
            const QJsonObject operations = path.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                const QString needed = op.value().toObject().value(QStringLiteral("x-kvd-scope")).toString();
                if (needed.isEmpty()) {
                    continue;
                }
                const QByteArray method = op.key().toUpper().toLatin1();
                const QString route = QString::fromLatin1(method) + QLatin1Char(' ') + path.key();
                const QByteArray body = method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}");
                QNetworkRequest anonymous(QUrl(m_kvd.baseUrl() + target));
                QNetworkReply* reply = m_network.sendCustomRequest(anonymous, method, body);
                QSignalSpy finished(reply, &QNetworkReply::finished);
                QVERIFY(finished.wait(10000));
                QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401,
                    qPrintable(route + QStringLiteral(" without a key")));
                reply->deleteLater();
                for (const QString& scope : scopes) {
                    const Reply answer = call(method, target, body, bearer(keyOf.value(scope)));
                    const QString what = route
                        + QStringLiteral(" with a %1 key: %2 %3").arg(scope).arg(answer.status).arg(answer.errorCode());
                    if (scope == needed) {
                        QVERIFY2(answer.status != 401 && answer.status != 403, qPrintable(what));
                    } else {
                        QVERIFY2(answer.status == 403 && answer.errorCode() == QStringLiteral("forbidden"),
                            qPrintable(what));
                    }
                    // An admin DELETE of the namespace succeeds; put it back for the next route.
                    if (call("GET", QStringLiteral("/v1/namespaces/matrix")).status == 404) {
                        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), R"({"id":"matrix"})").status, 201);
                    }
                }
                ++checked;
            }
        }
        QVERIFY2(checked >= 18, qPrintable(QString::number(checked)));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_kvd.terminate(), 0);
        const QList<QJsonObject> log = m_kvd.log();
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.last().value(QStringLiteral("msg")).toString(), QStringLiteral("stopped"));
        // Every request was logged with its request id.
        const bool logged = std::any_of(log.cbegin(), log.cend(), [](const QJsonObject& line) {
            return line.value(QStringLiteral("requestId")).toString() == QLatin1StringView("trace-42");
        });
        QVERIFY(logged);
    }
};

QTEST_GUILESS_MAIN(TestKvdServer)
#include "tst_kvdserver.moc"
