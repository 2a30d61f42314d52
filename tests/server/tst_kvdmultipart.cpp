// PUT of a value with its metadata as a multipart/form-data form, the way the hosted KV services
// take it: the parser on its own (framing, boundaries, part headers), then the real kvd on a
// free loopback port, spoken to with hand-built forms and with Qt's own QHttpMultiPart.

#include "AwaitReply.h"
#include "KvdProcess.h"
#include "server/MultipartBody.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

using kv::server::MultipartPart;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    [[nodiscard]] QJsonObject error() const
    {
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    }
    [[nodiscard]] QString errorCode() const { return error().value(QStringLiteral("code")).toString(); }
    [[nodiscard]] QString reason() const
    {
        return error().value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString();
    }
};

struct FormPart
{
    QByteArray name;
    QByteArray body;
    QByteArray contentType = {};
};

/// A well-formed form: each part with its Content-Disposition (and Content-Type when given).
QByteArray form(const QByteArray& boundary, const QList<FormPart>& parts, bool close = true)
{
    QByteArray out;
    for (const FormPart& part : parts) {
        out += "--" + boundary + "\r\n";
        out += "Content-Disposition: form-data; name=\"" + part.name + "\"\r\n";
        if (!part.contentType.isEmpty()) {
            out += "Content-Type: " + part.contentType + "\r\n";
        }
        out += "\r\n" + part.body + "\r\n";
    }
    if (close) {
        out += "--" + boundary + "--\r\n";
    }
    return out;
}

QByteArray formType(const QByteArray& boundary)
{
    return "multipart/form-data; boundary=" + boundary;
}

/// Every byte value, CR LF pairs, and lines that look like the boundary without being one.
QByteArray trickyValue(const QByteArray& boundary)
{
    QByteArray value;
    for (int i = 0; i < 256; ++i) {
        value.append(static_cast<char>(i));
    }
    value += "\r\n\r\n--" + boundary + "X\r\n"; // a longer boundary: content
    value += "\r\n--" + boundary.left(boundary.size() - 1) + "\r\n"; // a shorter one: content
    value += "x--" + boundary + "\r\n"; // not at a line start: content
    value += "\r\n--" + boundary + "--x\r\n"; // a close delimiter with junk after it: content
    value += "\r\n"; // a trailing CRLF of the value's own
    return value;
}

} // namespace

class TestKvdMultipart final : public QObject
{
    Q_OBJECT

private:
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QNetworkAccessManager m_network;
    int m_keyCounter = 0;

    QNetworkRequest request(const QString& path, const QList<std::pair<QByteArray, QByteArray>>& headers) const
    {
        QNetworkRequest request(QUrl(m_kvd.baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + m_kvd.adminKey().toLatin1());
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        return request;
    }

    static Reply finish(QNetworkReply* reply) { return awaitReply<Reply>(reply, 30000); }

    Reply call(const QByteArray& method, const QString& path, const QByteArray& body = {},
        const QList<std::pair<QByteArray, QByteArray>>& headers = {})
    {
        return finish(m_network.sendCustomRequest(request(path, headers), method, body));
    }

    Reply putForm(const QString& key, const QByteArray& contentType, const QByteArray& body,
        QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        headers.append({ "Content-Type", contentType });
        return call("PUT", valuePath(key), body, headers);
    }

    static QString valuePath(const QString& key)
    {
        return QStringLiteral("/v1/namespaces/forms/values/") + QString::fromLatin1(QUrl::toPercentEncoding(key));
    }

    QString freshKey() { return QStringLiteral("k%1").arg(++m_keyCounter); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_kvd.start(), qPrintable(m_kvd.failureLog()));
        QCOMPARE(call("POST", QStringLiteral("/v1/namespaces"), "{\"id\":\"forms\"}",
                     { { "Content-Type", "application/json" } })
                     .status,
            201);
    }

    // The parser alone ----------------------------------------------------------------------

    void boundary_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("boundary"); // empty: refused

        QTest::newRow("plain") << QByteArray("multipart/form-data; boundary=abc123") << QByteArray("abc123");
        QTest::newRow("quoted") << QByteArray("multipart/form-data; boundary=\"a b:c/d=e?\"")
                                << QByteArray("a b:c/d=e?");
        QTest::newRow("quoted with escape")
            << QByteArray("multipart/form-data; boundary=\"a\\-b\"") << QByteArray("a-b");
        QTest::newRow("after charset") << QByteArray("Multipart/Form-Data; charset=utf-8; BOUNDARY=xyz")
                                       << QByteArray("xyz");
        QTest::newRow("spaces around") << QByteArray("multipart/form-data ;  boundary = xyz ; x=1")
                                       << QByteArray("xyz");
        QTest::newRow("webkit") << QByteArray("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW")
                                << QByteArray("----WebKitFormBoundary7MA4YWxkTrZu0gW");
        QTest::newRow("missing") << QByteArray("multipart/form-data") << QByteArray();
        QTest::newRow("empty") << QByteArray("multipart/form-data; boundary=\"\"") << QByteArray();
        QTest::newRow("unclosed quote") << QByteArray("multipart/form-data; boundary=\"abc") << QByteArray();
        QTest::newRow("too long") << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'a')) << QByteArray();
        QTest::newRow("longest") << QByteArray("multipart/form-data; boundary=" + QByteArray(70, 'a'))
                                 << QByteArray(70, 'a');
        QTest::newRow("trailing space") << QByteArray("multipart/form-data; boundary=\"abc \"") << QByteArray();
        QTest::newRow("bad character") << QByteArray("multipart/form-data; boundary=\"a*b\"") << QByteArray();
    }

    void boundary()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, boundary);
        const auto parsed = kv::server::multipartBoundary(contentType);
        if (boundary.isEmpty()) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code(), kv::ErrorCode::BadRequest);
        } else {
            QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
            QCOMPARE(*parsed, boundary);
        }
    }

    void wellFormedBodies_data()
    {
        QTest::addColumn<QByteArray>("boundary");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArrayList>("names");
        QTest::addColumn<QByteArrayList>("bodies");

        QTest::newRow("two parts") << QByteArray("b") << form("b", { { "value", "v" }, { "metadata", "{}" } })
                                   << QByteArrayList { "value", "metadata" } << QByteArrayList { "v", "{}" };
        QTest::newRow("preamble and epilogue")
            << QByteArray("b")
            << QByteArray("This is a preamble.\r\n" + form("b", { { "value", "v" } }) + "an epilogue\r\n")
            << QByteArrayList { "value" } << QByteArrayList { "v" };
        QTest::newRow("no CRLF after close")
            << QByteArray("b") << QByteArray("--b\r\nContent-Disposition: form-data; name=value\r\n\r\nv\r\n--b--")
            << QByteArrayList { "value" } << QByteArrayList { "v" };
        QTest::newRow("transport padding")
            << QByteArray("b")
            << QByteArray("--b \t\r\nContent-Disposition: form-data; name=value\r\n\r\nv\r\n--b--  \r\n")
            << QByteArrayList { "value" } << QByteArrayList { "v" };
        QTest::newRow("empty part body") << QByteArray("b") << form("b", { { "value", "" } })
                                         << QByteArrayList { "value" } << QByteArrayList { "" };
        QTest::newRow("CRLF in content") << QByteArray("b") << form("b", { { "value", "\r\n\r\n" } })
                                         << QByteArrayList { "value" } << QByteArrayList { "\r\n\r\n" };
        QTest::newRow("boundary-like content") << QByteArray("b0b") << form("b0b", { { "value", trickyValue("b0b") } })
                                               << QByteArrayList { "value" } << QByteArrayList { trickyValue("b0b") };
        QTest::newRow("header case and extras")
            << QByteArray("b")
            << QByteArray("--b\r\ncontent-disposition: FORM-DATA; filename=\"v.bin\"; name=\"value\"\r\n"
                          "X-Extra: ignored\r\ncontent-type: image/png\r\n\r\nv\r\n--b--\r\n")
            << QByteArrayList { "value" } << QByteArrayList { "v" };
        QTest::newRow("no parts") << QByteArray("b") << QByteArray("--b--\r\n") << QByteArrayList {}
                                  << QByteArrayList {};
    }

    void wellFormedBodies()
    {
        QFETCH(QByteArray, boundary);
        QFETCH(QByteArray, body);
        QFETCH(QByteArrayList, names);
        QFETCH(QByteArrayList, bodies);
        const auto parts = kv::server::parseMultipart(body, boundary);
        QVERIFY2(parts, qPrintable(parts ? QString() : parts.error().message()));
        QCOMPARE(parts->size(), names.size());
        for (qsizetype i = 0; i < parts->size(); ++i) {
            QCOMPARE(parts->at(i).name, names[i]);
            QCOMPARE(parts->at(i).body.toByteArray(), bodies[i]);
        }
    }

    void partHeaders()
    {
        const QByteArray body = "--b\r\nContent-Disposition: form-data; name=\"va\\\"l\"; filename=\"a;b.bin\"\r\n"
                                "Content-Type: application/octet-stream\r\n\r\nv\r\n--b--\r\n";
        const auto parts = kv::server::parseMultipart(body, "b");
        QVERIFY(parts);
        QCOMPARE(parts->size(), 1);
        QCOMPARE(parts->front().name, QByteArray("va\"l"));
        QCOMPARE(parts->front().filename.value_or(QByteArray()), QByteArray("a;b.bin"));
        QCOMPARE(parts->front().contentType, QByteArray("application/octet-stream"));
    }

    void malformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");

        const QByteArray part = "Content-Disposition: form-data; name=value\r\n\r\nv";
        QTest::newRow("no boundary line") << QByteArray("just bytes") << QStringLiteral("missing_boundary_line");
        QTest::newRow("no close") << QByteArray("--b\r\n" + part + "\r\n")
                                  << QStringLiteral("missing_closing_boundary");
        QTest::newRow("ends after a delimiter")
            << QByteArray("--b\r\n" + part + "\r\n--b\r\n") << QStringLiteral("missing_closing_boundary");
        QTest::newRow("close not after CRLF")
            << QByteArray("--b\r\n" + part + "--b--\r\n") << QStringLiteral("missing_closing_boundary");
        QTest::newRow("LF only") << QByteArray("--b\nContent-Disposition: form-data; name=value\n\nv\n--b--\n")
                                 << QStringLiteral("missing_boundary_line");
        QTest::newRow("headers not ended") << QByteArray("--b\r\nContent-Disposition: form-data; name=value\r\n")
                                           << QStringLiteral("unterminated_part_headers");
        QTest::newRow("folded header") << QByteArray(
            "--b\r\nContent-Disposition: form-data;\r\n name=value\r\n\r\nv\r\n--b--\r\n")
                                       << QStringLiteral("folded_part_header");
        QTest::newRow("no disposition") << QByteArray("--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--\r\n")
                                        << QStringLiteral("missing_content_disposition");
        QTest::newRow("no headers") << QByteArray("--b\r\n\r\nv\r\n--b--\r\n")
                                    << QStringLiteral("missing_content_disposition");
        QTest::newRow("attachment") << QByteArray(
            "--b\r\nContent-Disposition: attachment; name=v\r\n\r\nv\r\n--b--\r\n")
                                    << QStringLiteral("bad_content_disposition");
        QTest::newRow("no name") << QByteArray("--b\r\nContent-Disposition: form-data\r\n\r\nv\r\n--b--\r\n")
                                 << QStringLiteral("missing_part_name");
        QTest::newRow("header without colon")
            << QByteArray("--b\r\nnonsense\r\n\r\nv\r\n--b--\r\n") << QStringLiteral("bad_part_header");
        QTest::newRow("base64 part") << QByteArray(
            "--b\r\nContent-Disposition: form-data; name=value\r\nContent-Transfer-Encoding: base64\r\n"
            "\r\ndg==\r\n--b--\r\n") << QStringLiteral("unsupported_transfer_encoding");
        QTest::newRow("headers too large") << QByteArray("--b\r\nContent-Disposition: form-data; name=value\r\nX-Big: "
            + QByteArray(9000, 'x') + "\r\n\r\nv\r\n--b--\r\n")
                                           << QStringLiteral("part_headers_too_large");
        QByteArray many;
        for (int i = 0; i < 17; ++i) {
            many += "--b\r\nContent-Disposition: form-data; name=p" + QByteArray::number(i) + "\r\n\r\nv\r\n";
        }
        QTest::newRow("too many parts") << QByteArray(many + "--b--\r\n") << QStringLiteral("too_many_parts");
    }

    void malformedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const auto parts = kv::server::parseMultipart(body, "b");
        QVERIFY(!parts);
        QCOMPARE(parts.error().code(), kv::ErrorCode::BadRequest);
        QCOMPARE(parts.error().details().value(QStringLiteral("reason")).toString(), reason);
    }

    void valueUpload()
    {
        const auto upload = kv::server::parseValueUpload(
            "multipart/form-data; boundary=b", form("b", { { "metadata", "{\"a\":1}" }, { "value", "v" } }));
        QVERIFY(upload);
        QCOMPARE(upload->value.toByteArray(), QByteArray("v"));
        QCOMPARE(upload->metadata.value_or(QByteArrayView()).toByteArray(), QByteArray("{\"a\":1}"));

        const auto repeated = kv::server::parseValueUpload(
            "multipart/form-data; boundary=b", form("b", { { "value", "1" }, { "value", "2" } }));
        QVERIFY(!repeated);
        QCOMPARE(
            repeated.error().details().value(QStringLiteral("reason")).toString(), QStringLiteral("repeated_part"));
        const auto unexpected = kv::server::parseValueUpload(
            "multipart/form-data; boundary=b", form("b", { { "value", "1" }, { "other", "2" } }));
        QVERIFY(!unexpected);
        QCOMPARE(
            unexpected.error().details().value(QStringLiteral("reason")).toString(), QStringLiteral("unexpected_part"));
        const auto noValue = kv::server::parseValueUpload("multipart/form-data; boundary=b", form("b", {}));
        QVERIFY(!noValue);
        QCOMPARE(noValue.error().code(), kv::ErrorCode::InvalidValue);
        QVERIFY(!kv::server::parseValueUpload("multipart/mixed; boundary=b", form("b", { { "value", "1" } })));
        QVERIFY(kv::server::isMultipart("Multipart/Mixed; boundary=b"));
        QVERIFY(!kv::server::isMultipartFormData("multipart/mixed"));
        QVERIFY(!kv::server::isMultipart("application/octet-stream"));
    }

    // The real kvd ---------------------------------------------------------------------------

    void roundTripValueAndMetadata()
    {
        const QString key = QStringLiteral("a/b c%é");
        const Reply put = putForm(key, formType("XyZ"),
            form("XyZ",
                { { "value", "hello", "text/plain; charset=utf-8" },
                    { "metadata", "{ \"lang\": \"fr\", \"n\": 1 }", "application/json" } }));
        QCOMPARE(put.status, 200);
        const QJsonObject written = QJsonDocument::fromJson(put.body).object();
        QCOMPARE(written.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(put.headers.value("etag"),
            '"' + QByteArray::number(written.value(QStringLiteral("version")).toInteger()) + '"');

        const Reply get = call("GET", valuePath(key));
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, QByteArray("hello"));
        QCOMPARE(QJsonDocument::fromJson(get.headers.value("kv-metadata")).object(),
            (QJsonObject { { QStringLiteral("lang"), QStringLiteral("fr") }, { QStringLiteral("n"), 1 } }));

        const Reply list = call("GET", QStringLiteral("/v1/namespaces/forms/keys?prefix=a%2F"));
        QCOMPARE(list.status, 200);
        const QJsonArray keys = QJsonDocument::fromJson(list.body).object().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(
            keys[0].toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("lang")).toString(),
            QStringLiteral("fr"));
    }

    void valueAloneKeepsNoMetadata()
    {
        const QString key = freshKey();
        QCOMPARE(putForm(key, formType("b"), form("b", { { "value", "x" } })).status, 200);
        const Reply get = call("GET", valuePath(key));
        QCOMPARE(get.body, QByteArray("x"));
        QVERIFY(!get.headers.contains("kv-metadata"));
    }

    void formValueWithHeaderMetadata()
    {
        const QString key = freshKey();
        QCOMPARE(
            putForm(key, formType("b"), form("b", { { "value", "x" } }), { { "Kv-Metadata", "{\"h\":true}" } }).status,
            200);
        QCOMPARE(call("GET", valuePath(key)).headers.value("kv-metadata"), QByteArray("{\"h\":true}"));
    }

    void binaryValueWithCrlfAndBoundaryLikeBytes()
    {
        const QByteArray boundary = "----kvdBoundary42";
        const QByteArray value = trickyValue(boundary);
        const QString key = freshKey();
        const Reply put = putForm(key, formType(boundary),
            form(boundary, { { "value", value, "application/octet-stream" }, { "metadata", "{\"bin\":1}" } }));
        QCOMPARE(put.status, 200);
        const Reply get = call("GET", valuePath(key));
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body.size(), value.size());
        QCOMPARE(get.body, value);
    }

    void quotedBoundary()
    {
        const QString key = freshKey();
        const QByteArray boundary = "quoted boundary:(1)";
        const Reply put = putForm(key, "multipart/form-data; charset=utf-8; boundary=\"" + boundary + "\"",
            form(boundary, { { "value", "q" }, { "metadata", "{\"q\":1}" } }));
        QCOMPARE(put.status, 200);
        QCOMPARE(call("GET", valuePath(key)).body, QByteArray("q"));
    }

    /// Qt's own form writer quotes its boundary and adds a part Content-Type: a real client.
    void qtHttpMultiPart()
    {
        auto* multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart value;
        value.setHeader(
            QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"value\"; filename=\"v.bin\""));
        value.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
        value.setBody(QByteArray("\x00\x01\r\n\xff", 5));
        QHttpPart metadata;
        metadata.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"metadata\""));
        metadata.setBody("{\"from\":\"qt\"}");
        multiPart->append(value);
        multiPart->append(metadata);
        const QString key = freshKey();
        QNetworkReply* reply = m_network.put(request(valuePath(key), {}), multiPart);
        multiPart->setParent(reply);
        const Reply put = finish(reply);
        QCOMPARE(put.status, 200);
        const Reply get = call("GET", valuePath(key));
        QCOMPARE(get.body, QByteArray("\x00\x01\r\n\xff", 5));
        QCOMPARE(get.headers.value("kv-metadata"), QByteArray("{\"from\":\"qt\"}"));
    }

    void preconditionsStillApply()
    {
        const QString key = freshKey();
        QCOMPARE(putForm(key, formType("b"), form("b", { { "value", "1" } })).status, 200);
        const Reply again = putForm(key, formType("b"), form("b", { { "value", "2" } }), { { "If-None-Match", "*" } });
        QCOMPARE(again.status, 412);
        QCOMPARE(again.errorCode(), QStringLiteral("key_exists"));
    }

    void missingValuePart()
    {
        const Reply put = putForm(freshKey(), formType("b"), form("b", { { "metadata", "{}" } }));
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("invalid_value"));
        QCOMPARE(put.reason(), QStringLiteral("missing_value_part"));
        QVERIFY(put.error().value(QStringLiteral("message")).toString().contains(QLatin1StringView("value")));
    }

    void badMetadataJson_data()
    {
        QTest::addColumn<QByteArray>("metadata");
        QTest::newRow("not JSON") << QByteArray("{not json");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("string") << QByteArray("\"text\"");
        QTest::newRow("empty") << QByteArray();
    }

    void badMetadataJson()
    {
        QFETCH(QByteArray, metadata);
        const QString key = freshKey();
        const Reply put = putForm(key, formType("b"), form("b", { { "value", "v" }, { "metadata", metadata } }));
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("invalid_metadata"));
        QCOMPARE(call("GET", valuePath(key)).status, 404);
    }

    void metadataTooLarge()
    {
        const QByteArray big = "{\"pad\":\"" + QByteArray(1100, 'x') + "\"}";
        const Reply put = putForm(freshKey(), formType("b"), form("b", { { "value", "v" }, { "metadata", big } }));
        QCOMPARE(put.status, 413);
        QCOMPARE(put.errorCode(), QStringLiteral("metadata_too_large"));
    }

    void headerAndFormMetadataAtOnce()
    {
        const Reply put = putForm(freshKey(), formType("b"), form("b", { { "value", "v" }, { "metadata", "{}" } }),
            { { "Kv-Metadata", "{}" } });
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("bad_request"));
        QVERIFY(put.error().value(QStringLiteral("message")).toString().contains(QLatin1StringView("not both")));
    }

    void missingClosingBoundary()
    {
        const Reply put = putForm(freshKey(), formType("b"), form("b", { { "value", "v" } }, false));
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("bad_request"));
        QCOMPARE(put.reason(), QStringLiteral("missing_closing_boundary"));
    }

    void wrongContentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("reason");
        QTest::newRow("multipart/mixed") << QByteArray("multipart/mixed; boundary=b")
                                         << QStringLiteral("not_form_data");
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QStringLiteral("missing_boundary");
        QTest::newRow("other boundary") << QByteArray("multipart/form-data; boundary=c")
                                        << QStringLiteral("missing_boundary_line");
    }

    void wrongContentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QString, reason);
        const QString key = freshKey();
        const Reply put = putForm(key, contentType, form("b", { { "value", "v" } }));
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("bad_request"));
        QCOMPARE(put.reason(), reason);
        QCOMPARE(call("GET", valuePath(key)).status, 404);
    }

    /// A form body is not a multipart value: without a multipart Content-Type it is stored as is.
    void formBytesWithoutFormTypeAreTheValue()
    {
        const QString key = freshKey();
        const QByteArray body = form("b", { { "value", "v" } });
        QCOMPARE(putForm(key, "application/octet-stream", body).status, 200);
        QCOMPARE(call("GET", valuePath(key)).body, body);
    }

    /// The PUT body limit leaves room for the form around a value of the largest size, so a value
    /// one byte over it reaches the value rule (value_too_large) instead of the body limit.
    void valueLimitInsideAForm()
    {
        const qsizetype maxValue = 25 * 1024 * 1024;
        const QString key = freshKey();
        const Reply largest = putForm(key, formType("b"), form("b", { { "value", QByteArray(maxValue, 'v') } }));
        QCOMPARE(largest.status, 200);
        const Reply over
            = putForm(freshKey(), formType("b"), form("b", { { "value", QByteArray(maxValue + 1, 'v') } }));
        QCOMPARE(over.status, 413);
        QCOMPARE(over.errorCode(), QStringLiteral("value_too_large"));
        QCOMPARE(call("DELETE", valuePath(key)).status, 200);
    }

    void cleanupTestCase() { QCOMPARE(m_kvd.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestKvdMultipart)
#include "tst_kvdmultipart.moc"
