// The billing webhook of the real kvd on a free loopback port: events signed the way a billing
// system signs them (computed here with Qt's HMAC, independently of kvd's code) change a
// namespace's plan; a wrong secret, a tampered body, an expired timestamp, a replayed event id
// and an unknown price are each answered as they should be; without a configured secret the
// route answers 503.

#include "KvdProcess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {

const QByteArray kSecret = "whsec_kvd_suite_secret";

QByteArray signatureFor(const QByteArray& body, const QByteArray& secret, qint64 unixSeconds)
{
    const QByteArray t = QByteArray::number(unixSeconds);
    return "t=" + t
        + ",v1=" + QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray subscriptionEvent(const QString& id, const QString& type, const QString& ns, const QString& price)
{
    const QJsonObject subscription { { QStringLiteral("id"), QStringLiteral("sub_42") },
        { QStringLiteral("status"), QStringLiteral("active") },
        { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("namespace"), ns } } },
        { QStringLiteral("items"),
            QJsonObject { { QStringLiteral("data"),
                QJsonArray { QJsonObject {
                    { QStringLiteral("price"), QJsonObject { { QStringLiteral("id"), price } } } } } } } } };
    return QJsonDocument(QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("type"), type },
                             { QStringLiteral("data"), QJsonObject { { QStringLiteral("object"), subscription } } } })
        .toJson(QJsonDocument::Compact);
}

struct Reply
{
    int status = 0;
    QJsonObject json;
    QString code() const
    {
        return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

} // namespace

class TestKvdBilling : public QObject
{
    Q_OBJECT

    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QTemporaryDir m_secretDir;
    QNetworkAccessManager m_network;

    Reply send(KvdProcess& kvd, const QByteArray& method, const QString& path, const QByteArray& body,
        const QByteArray& signature = {}, bool withKey = false)
    {
        QNetworkRequest request(QUrl(kvd.baseUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!signature.isEmpty()) {
            request.setRawHeader("Stripe-Signature", signature);
        }
        if (withKey) {
            request.setRawHeader("Authorization", "Bearer " + kvd.adminKey().toLatin1());
        }
        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] { QVERIFY(finished.wait(10000)); }();
        Reply result { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object() };
        reply->deleteLater();
        return result;
    }

    Reply deliver(const QByteArray& body, const QByteArray& signature)
    {
        return send(m_kvd, "POST", QStringLiteral("/v1/billing/webhook"), body, signature);
    }

    QString planOf(const QString& ns)
    {
        return send(m_kvd, "GET", QStringLiteral("/v1/namespaces/") + ns, {}, {}, true)
            .json.value(QStringLiteral("plan"))
            .toString();
    }

    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString secretFile = m_secretDir.filePath(QStringLiteral("webhook.secret"));
        QFile file(secretFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kSecret + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY2(m_kvd.start({ QStringLiteral("--webhook-secret-file"), secretFile }), qPrintable(m_kvd.failureLog()));
        QCOMPARE(send(m_kvd, "POST", QStringLiteral("/v1/namespaces"), R"({"id":"shop"})", {}, true).status, 201);
    }

    void signedEventsChangeThePlan()
    {
        const QByteArray created = subscriptionEvent(QStringLiteral("evt_a1"),
            QStringLiteral("customer.subscription.created"), QStringLiteral("shop"), QStringLiteral("price_pro"));
        const Reply applied = deliver(created, signatureFor(created, kSecret, now()));
        QCOMPARE(applied.status, 200);
        QCOMPARE(applied.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        QCOMPARE(planOf(QStringLiteral("shop")), QStringLiteral("pro"));

        // The same event again changes nothing.
        const Reply replayed = deliver(created, signatureFor(created, kSecret, now()));
        QCOMPARE(replayed.status, 200);
        QCOMPARE(replayed.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("duplicate"));

        const QByteArray deleted = subscriptionEvent(QStringLiteral("evt_a2"),
            QStringLiteral("customer.subscription.deleted"), QStringLiteral("shop"), QStringLiteral("price_pro"));
        QCOMPARE(deliver(deleted, signatureFor(deleted, kSecret, now())).status, 200);
        QCOMPARE(planOf(QStringLiteral("shop")), QStringLiteral("free"));

        // The audit trail says billing did it.
        const Reply audit
            = send(m_kvd, "GET", QStringLiteral("/v1/audit?actor=billing&action=plan.change"), {}, {}, true);
        QCOMPARE(audit.json.value(QStringLiteral("events")).toArray().size(), 2);
    }

    void badDeliveriesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray body = subscriptionEvent(QStringLiteral("evt_b1"),
            QStringLiteral("customer.subscription.created"), QStringLiteral("shop"), QStringLiteral("price_business"));
        QByteArray tampered = body;
        tampered.replace("price_business", "price_pro");
        QTest::newRow("wrong secret") << body << signatureFor(body, "whsec_wrong", now()) << 400
                                      << QStringLiteral("invalid_signature");
        QTest::newRow("tampered body") << tampered << signatureFor(body, kSecret, now()) << 400
                                       << QStringLiteral("invalid_signature");
        QTest::newRow("expired timestamp")
            << body << signatureFor(body, kSecret, now() - 600) << 400 << QStringLiteral("invalid_signature");
        QTest::newRow("no signature") << body << QByteArray() << 400 << QStringLiteral("invalid_signature");
        const QByteArray unknown = subscriptionEvent(QStringLiteral("evt_b2"),
            QStringLiteral("customer.subscription.created"), QStringLiteral("shop"), QStringLiteral("price_gold"));
        QTest::newRow("unknown price") << unknown << signatureFor(unknown, kSecret, now()) << 400
                                       << QStringLiteral("unknown_price");
    }

    void badDeliveriesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signature);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString before = planOf(QStringLiteral("shop"));
        const Reply refused = deliver(body, signature);
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.code(), code);
        QCOMPARE(planOf(QStringLiteral("shop")), before);
    }

    void withoutASecretTheWebhookIsUnavailable()
    {
        KvdProcess plain { QStringLiteral(KVD_BINARY) };
        QVERIFY2(plain.start(), qPrintable(plain.failureLog()));
        const QByteArray body = subscriptionEvent(QStringLiteral("evt_c1"),
            QStringLiteral("customer.subscription.created"), QStringLiteral("shop"), QStringLiteral("price_pro"));
        const Reply reply
            = send(plain, "POST", QStringLiteral("/v1/billing/webhook"), body, signatureFor(body, kSecret, now()));
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.code(), QStringLiteral("unavailable"));
    }
};

QTEST_GUILESS_MAIN(TestKvdBilling)
#include "tst_kvdbilling.moc"
