// The client contract: the same data-driven cases run against EmbeddedClient (a temporary store)
// and RemoteClient (the real kvd on a free loopback port, with the admin key), so that both keep
// every promise of Client.h alike: operations, error codes, paging, conflicts, atomic batches,
// API keys, usage, audit, the event feed, cancellation, and a long bulk call that never blocks.

#include "AwaitFuture.h"
#include "ErrorCodePrinter.h"
#include "KvdProcess.h"
#include "client/EmbeddedClient.h"
#include "client/RemoteClient.h"
#include "service/UsageMeter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using kv::Error;
using kv::ErrorCode;
using kv::Result;
using kv::client::Client;
using kv::client::DeleteRequest;
using kv::client::EmbeddedClient;
using kv::client::Precondition;
using kv::client::PutRequest;
using kv::client::RemoteClient;
using kv::model::ServiceEvent;

namespace {

QString describe(const Error& error)
{
    return error.codeName() + u": "_s + error.message();
}

template <typename T> std::optional<Error> errorOf(const Result<T>& result)
{
    return result.ok() ? std::nullopt : std::optional<Error>(result.error());
}

/// What a case of the invalid-input table needs to know of the backend it runs on.
struct Backend
{
    Client& client;
    /// A namespace that exists, for the cases that need one.
    QString ns;
    qsizetype maxValueBytes = 0;
};

struct InvalidCase
{
    const char* name;
    ErrorCode expected;
    std::function<std::optional<Error>(const Backend&)> run;
};

PutRequest put(const QString& key, const QByteArray& value)
{
    PutRequest request;
    request.key = key;
    request.value = value;
    return request;
}

/// Every way of calling the client wrongly that Client.h can report, with the code it must give.
const QList<InvalidCase>& invalidCases()
{
    static const QList<InvalidCase> cases {
        { "namespace id with a space", ErrorCode::InvalidNamespace,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.createNamespace(u"Not Valid"_s))); } },
        { "namespace id with a leading dash", ErrorCode::InvalidNamespace,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.createNamespace(u"-dash"_s))); } },
        { "namespace id of 64 characters", ErrorCode::InvalidNamespace,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.createNamespace(QString(64, u'a')))); } },
        { "read in an invalid namespace", ErrorCode::InvalidNamespace,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getValue(u"UPPER"_s, u"k"_s))); } },
        { "empty key", ErrorCode::InvalidKey,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getValue(b.ns, QString()))); } },
        { "key with a control character", ErrorCode::InvalidKey,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getValue(b.ns, u"a\nb"_s))); } },
        { "key of 513 bytes", ErrorCode::InvalidKey,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getValue(b.ns, QString(513, u'k')))); } },
        { "put with a key of 600 bytes", ErrorCode::InvalidKey,
            [](const Backend& b) {
                return errorOf(awaitFuture(b.client.putValue(b.ns, put(QString(600, u'k'), "v"))));
            } },
        { "delete with an invalid key", ErrorCode::InvalidKey,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.deleteValue(b.ns, u"bad\tkey"_s))); } },
        { "value one byte over the limit", ErrorCode::ValueTooLarge,
            [](const Backend& b) {
                return errorOf(
                    awaitFuture(b.client.putValue(b.ns, put(u"big"_s, QByteArray(b.maxValueBytes + 1, 'x')))));
            } },
        { "metadata over 1024 bytes", ErrorCode::MetadataTooLarge,
            [](const Backend& b) {
                PutRequest request = put(u"meta"_s, "v");
                request.metadata.insert(u"note"_s, QString(1100, u'm'));
                return errorOf(awaitFuture(b.client.putValue(b.ns, request)));
            } },
        { "TTL under a minute", ErrorCode::InvalidTtl,
            [](const Backend& b) {
                PutRequest request = put(u"ttl"_s, "v");
                request.expiry.ttlSeconds = 10;
                return errorOf(awaitFuture(b.client.putValue(b.ns, request)));
            } },
        { "TTL and expiration together", ErrorCode::InvalidExpiration,
            [](const Backend& b) {
                PutRequest request = put(u"both"_s, "v");
                request.expiry.ttlSeconds = 3600;
                request.expiry.expirationSeconds = QDateTime::currentSecsSinceEpoch() + 3600;
                return errorOf(awaitFuture(b.client.putValue(b.ns, request)));
            } },
        { "expiration in the past", ErrorCode::InvalidExpiration,
            [](const Backend& b) {
                PutRequest request = put(u"past"_s, "v");
                request.expiry.expirationSeconds = QDateTime::currentSecsSinceEpoch() - 3600;
                return errorOf(awaitFuture(b.client.putValue(b.ns, request)));
            } },
        { "expected version 0", ErrorCode::BadRequest,
            [](const Backend& b) {
                PutRequest request = put(u"zero"_s, "v");
                request.precondition = Precondition::versionEquals(0);
                return errorOf(awaitFuture(b.client.putValue(b.ns, request)));
            } },
        { "list limit 0", ErrorCode::InvalidLimit,
            [](const Backend& b) {
                return errorOf(awaitFuture(b.client.listKeys(b.ns, kv::client::ListRequest { {}, {}, 0 })));
            } },
        { "list limit 1001", ErrorCode::InvalidLimit,
            [](const Backend& b) {
                return errorOf(awaitFuture(b.client.listKeys(b.ns, kv::client::ListRequest { {}, {}, 1001 })));
            } },
        { "cursor that was never returned", ErrorCode::InvalidCursor,
            [](const Backend& b) {
                return errorOf(
                    awaitFuture(b.client.listKeys(b.ns, kv::client::ListRequest { {}, u"!!not-a-cursor!!"_s, {} })));
            } },
        { "missing key", ErrorCode::KeyNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getValue(b.ns, u"never-written"_s))); } },
        { "read in a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getValue(u"nowhere"_s, u"k"_s))); } },
        { "put in a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.putValue(u"nowhere"_s, put(u"k"_s, "v")))); } },
        { "list a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.listKeys(u"nowhere"_s, {}))); } },
        { "get a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getNamespace(u"nowhere"_s))); } },
        { "re-plan a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.setNamespacePlan(u"nowhere"_s, u"pro"_s))); } },
        { "delete a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.deleteNamespace(u"nowhere"_s))); } },
        { "usage of a missing namespace", ErrorCode::NamespaceNotFound,
            [](const Backend& b) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                return errorOf(awaitFuture(b.client.usage({ u"nowhere"_s, now - 3'600'000, now })));
            } },
        { "namespace that exists", ErrorCode::NamespaceExists,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.createNamespace(b.ns))); } },
        { "create on an unknown plan", ErrorCode::PlanNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.createNamespace(u"planless"_s, u"gold"_s))); } },
        { "re-plan to an unknown plan", ErrorCode::PlanNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.setNamespacePlan(b.ns, u"gold"_s))); } },
        { "empty bulk get", ErrorCode::InvalidBatch,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.getMany(b.ns, {}))); } },
        { "empty bulk put", ErrorCode::InvalidBatch,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.putMany(b.ns, {}))); } },
        { "empty bulk delete", ErrorCode::InvalidBatch,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.deleteMany(b.ns, {}))); } },
        { "bulk put of 10001 items", ErrorCode::BatchTooLarge,
            [](const Backend& b) {
                QList<PutRequest> requests;
                for (int i = 0; i < 10001; ++i) {
                    requests.append(put(u"k"_s + QString::number(i), "v"));
                }
                return errorOf(awaitFuture(b.client.putMany(b.ns, requests)));
            } },
        { "rotate an unknown API key", ErrorCode::ApiKeyNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.rotateApiKey(u"no-such-key"_s))); } },
        { "revoke an unknown API key", ErrorCode::ApiKeyNotFound,
            [](const Backend& b) { return errorOf(awaitFuture(b.client.revokeApiKey(u"no-such-key"_s))); } },
        { "API key without a name", ErrorCode::BadRequest,
            [](const Backend& b) {
                return errorOf(awaitFuture(b.client.createApiKey({ QString(), kv::model::Scope::Read, {}, {} })));
            } },
        { "API key without scopes", ErrorCode::BadRequest,
            [](const Backend& b) {
                return errorOf(awaitFuture(b.client.createApiKey({ u"none"_s, {}, {}, {} })));
            } },
        { "API key that expired already", ErrorCode::InvalidExpiration,
            [](const Backend& b) {
                return errorOf(awaitFuture(b.client.createApiKey(
                    { u"late"_s, kv::model::Scope::Read, {}, QDateTime::currentMSecsSinceEpoch() - 60'000 })));
            } },
        { "usage from after to", ErrorCode::InvalidTimeRange,
            [](const Backend& b) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                return errorOf(awaitFuture(b.client.usage({ b.ns, now, now - 3'600'000 })));
            } },
        { "usage of more than 2000 hours", ErrorCode::InvalidTimeRange,
            [](const Backend& b) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                return errorOf(awaitFuture(b.client.usage({ b.ns, now - 3000LL * 3'600'000, now })));
            } },
        { "audit page of 0 events", ErrorCode::InvalidLimit,
            [](const Backend& b) {
                kv::client::AuditQuery query;
                query.limit = 0;
                return errorOf(awaitFuture(b.client.auditPage(query)));
            } },
    };
    return cases;
}

} // namespace

class TestClientContract final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    std::unique_ptr<EmbeddedClient> m_embedded;
    std::unique_ptr<RemoteClient> m_remote;
    /// The admin key's id: the actor of the remote client's changes in the audit trail.
    QString m_remoteActor;

    // The backend of the current row, set by init().
    Client* m_client = nullptr;
    bool m_isRemote = false;
    qsizetype m_maxValueBytes = 0;
    QString m_actor;

    /// kvd's value limit, kept small so that a value over it is cheap to send.
    static constexpr qsizetype kRemoteMaxValueBytes = 1024 * 1024;

    Client& client() { return *m_client; }

    /// Keys of the paging namespace just outside the prefix user/, on both sides of it.
    static QStringList outsideKeys()
    {
        return { u"user"_s, u"user."_s, u"user0"_s, u"users/1"_s, u"a"_s, u"usea"_s, u"zzz"_s, u"User/1"_s };
    }

    /// Creates a namespace (or finds it made by an earlier row of the same test).
    bool ensureNamespace(const QString& id, const QString& plan = {})
    {
        auto created = awaitFuture(client().createNamespace(id, plan));
        if (!created && created.error().code() != ErrorCode::NamespaceExists) {
            qWarning("could not create namespace %s: %s", qPrintable(id), qPrintable(describe(created.error())));
            return false;
        }
        return true;
    }

    /// The events received by `spy` (of Client::eventReceived) so far.
    static QList<ServiceEvent> eventsOf(const QSignalSpy& spy)
    {
        QList<ServiceEvent> events;
        for (const QList<QVariant>& arguments : spy) {
            events.append(arguments.constFirst().value<ServiceEvent>());
        }
        return events;
    }

    static bool hasAuditEvent(const QSignalSpy& spy, const QString& action, const QString& ns)
    {
        const QList<ServiceEvent> events = eventsOf(spy);
        return std::any_of(events.cbegin(), events.cend(), [&](const ServiceEvent& event) {
            return event.type == ServiceEvent::Type::Audit && event.ns == ns
                && event.data.value(u"action"_s).toString() == action;
        });
    }

    static bool hasUsageTick(const QSignalSpy& spy, const QString& ns)
    {
        const QList<ServiceEvent> events = eventsOf(spy);
        return std::any_of(events.cbegin(), events.cend(), [&](const ServiceEvent& event) {
            return event.type == ServiceEvent::Type::UsageTick && event.ns == ns
                && event.data.value(u"writes"_s).toInteger() >= 1;
        });
    }

    /// kvd answers 404 on /v1/admin/events while its event route is not built.
    bool kvdHasEventRoute()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_kvd.baseUrl() + u"/v1/admin/events"_s));
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
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("embedded") << u"embedded"_s;
        QTest::newRow("remote") << u"remote"_s;
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<ServiceEvent>();

        // Usage is written every hour: the usage tick of the feed test comes from flushUsage().
        auto embedded = EmbeddedClient::open(EmbeddedClient::Options {
            m_dir.filePath(u"contract.kvstore"_s), {}, kv::model::Plan::builtins(), std::chrono::hours(1) });
        QVERIFY2(embedded, embedded ? "" : qPrintable(describe(embedded.error())));
        m_embedded = std::move(embedded.value());

        // kvd flushes usage every second, so that its feed carries usage ticks soon after a write.
        QVERIFY2(m_kvd.start(
                     { u"--flush-interval"_s, u"1"_s, u"--max-value-bytes"_s, QString::number(kRemoteMaxValueBytes) }),
            qPrintable(m_kvd.failureLog()));
        RemoteClient::Options options;
        options.baseUrl = QUrl(m_kvd.baseUrl());
        options.apiKey = m_kvd.adminKey();
        options.timeout = std::chrono::seconds(30);
        m_remote = std::make_unique<RemoteClient>(options);

        // The admin key is the one whose visible prefix starts its secret.
        auto keys = awaitFuture(m_remote->listApiKeys());
        QVERIFY2(keys, keys ? "" : qPrintable(describe(keys.error())));
        for (const kv::model::ApiKey& key : *keys) {
            if (!key.prefix.isEmpty() && m_kvd.adminKey().startsWith(key.prefix)) {
                m_remoteActor = key.id;
            }
        }
        QVERIFY(!m_remoteActor.isEmpty());
    }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_isRemote = backend == u"remote"_s;
        m_client = m_isRemote ? static_cast<Client*>(m_remote.get()) : static_cast<Client*>(m_embedded.get());
        m_maxValueBytes = m_isRemote ? kRemoteMaxValueBytes : kv::model::Limits {}.maxValueBytes;
        m_actor = m_isRemote ? m_remoteActor : u"local"_s;
    }

    void backendInfoAndHealth()
    {
        const kv::client::BackendInfo info = client().backendInfo();
        QCOMPARE(
            info.kind, m_isRemote ? kv::client::BackendInfo::Kind::Remote : kv::client::BackendInfo::Kind::Embedded);
        QVERIFY(!info.version.isEmpty());
        if (m_isRemote) {
            QVERIFY2(
                info.location.contains(u"127.0.0.1:"_s + QString::number(m_kvd.port())), qPrintable(info.location));
        } else {
            QCOMPARE(info.location, m_dir.filePath(u"contract.kvstore"_s));
        }

        auto health = awaitFuture(client().health());
        QVERIFY2(health, health ? "" : qPrintable(describe(health.error())));
        QVERIFY(health->healthy);
        QVERIFY(!health->serverVersion.isEmpty());
        QVERIFY(health->latency.count() >= 0);
        QCOMPARE(client().breakerState(), kv::client::BreakerState::Closed);
    }

    void namespacesAndPlans()
    {
        auto created = awaitFuture(client().createNamespace(u"ns-default"_s));
        QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
        QCOMPARE(created->id, u"ns-default"_s);
        QCOMPARE(created->plan, kv::model::Plan::defaultPlanId());
        QCOMPARE(created->keyCount, 0);
        QCOMPARE(created->bytes, 0);
        QVERIFY(created->createdAt > 0);

        auto pro = awaitFuture(client().createNamespace(u"ns-pro"_s, u"pro"_s));
        QVERIFY2(pro, pro ? "" : qPrintable(describe(pro.error())));
        QCOMPARE(pro->plan, u"pro"_s);

        // Two entries: the namespace counts them and their bytes (key + value + compact metadata).
        PutRequest first = put(u"a"_s, "12345");
        PutRequest second = put(u"bb"_s, "");
        second.metadata.insert(u"x"_s, 1);
        QVERIFY(awaitFuture(client().putValue(u"ns-default"_s, first)));
        QVERIFY(awaitFuture(client().putValue(u"ns-default"_s, second)));

        auto got = awaitFuture(client().getNamespace(u"ns-default"_s));
        QVERIFY2(got, got ? "" : qPrintable(describe(got.error())));
        QCOMPARE(got->id, u"ns-default"_s);
        QCOMPARE(got->keyCount, 2);
        QCOMPARE(got->bytes, 1 + 5 + 2 + 7); // {"x":1}
        QCOMPARE(got->createdAt, created->createdAt);

        auto listed = awaitFuture(client().listNamespaces());
        QVERIFY2(listed, listed ? "" : qPrintable(describe(listed.error())));
        QStringList ids;
        for (const kv::model::Namespace& ns : *listed) {
            ids.append(ns.id);
            if (ns.id == u"ns-default"_s) {
                QCOMPARE(ns, *got);
            }
        }
        QVERIFY2(ids.contains(u"ns-default"_s) && ids.contains(u"ns-pro"_s), qPrintable(ids.join(u',')));
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(ids, sorted);

        auto replanned = awaitFuture(client().setNamespacePlan(u"ns-pro"_s, u"business"_s));
        QVERIFY2(replanned, replanned ? "" : qPrintable(describe(replanned.error())));
        QCOMPARE(replanned->plan, u"business"_s);
        QCOMPARE(awaitFuture(client().getNamespace(u"ns-pro"_s))->plan, u"business"_s);

        // Deleting a namespace takes its entries with it.
        auto deleted = awaitFuture(client().deleteNamespace(u"ns-default"_s));
        QVERIFY2(deleted, deleted ? "" : qPrintable(describe(deleted.error())));
        auto gone = awaitFuture(client().getNamespace(u"ns-default"_s));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code(), ErrorCode::NamespaceNotFound);
        auto value = awaitFuture(client().getValue(u"ns-default"_s, u"a"_s));
        QVERIFY(!value);
        QCOMPARE(value.error().code(), ErrorCode::NamespaceNotFound);
        // ... and the id is free again, with nothing in it.
        auto again = awaitFuture(client().createNamespace(u"ns-default"_s));
        QVERIFY2(again, again ? "" : qPrintable(describe(again.error())));
        QCOMPARE(again->keyCount, 0);
        QVERIFY(awaitFuture(client().deleteNamespace(u"ns-default"_s)));
        QVERIFY(awaitFuture(client().deleteNamespace(u"ns-pro"_s)));
    }

    void listsPlans()
    {
        auto plans = awaitFuture(client().listPlans());
        QVERIFY2(plans, plans ? "" : qPrintable(describe(plans.error())));
        const QList<kv::model::Plan> builtins = kv::model::Plan::builtins();
        QCOMPARE(plans->size(), builtins.size());
        for (qsizetype i = 0; i < builtins.size(); ++i) {
            const kv::model::Plan& plan = plans->at(i);
            QCOMPARE(plan.id, builtins[i].id);
            QCOMPARE(plan.name, builtins[i].name);
            QCOMPARE(plan.quota, builtins[i].quota);
            QCOMPARE(plan.ratePerSecond, builtins[i].ratePerSecond);
            QCOMPARE(plan.burst, builtins[i].burst);
        }
    }

    void invalidInputIsRefused_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < invalidCases().size(); ++i) {
            QTest::newRow(invalidCases()[i].name) << i;
        }
    }

    void invalidInputIsRefused()
    {
        QFETCH(int, index);
        QVERIFY(ensureNamespace(u"inputs"_s, u"business"_s));
        const InvalidCase& invalid = invalidCases()[index];
        const std::optional<Error> error = invalid.run(Backend { client(), u"inputs"_s, m_maxValueBytes });
        QVERIFY2(error.has_value(), "the call succeeded");
        QVERIFY2(!error->message().isEmpty(), "the error has no message");
        QCOMPARE(error->code(), invalid.expected);
    }

    void valuesRoundTrip_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QJsonObject>("metadata");
        QTest::addColumn<qint64>("ttlSeconds"); // -1: none
        QTest::addColumn<qint64>("expirationSeconds"); // -1: none

        QByteArray binary;
        for (int round = 0; round < 256; ++round) {
            for (int byte = 0; byte < 256; ++byte) {
                binary.append(static_cast<char>((byte + round) & 0xff));
            }
        }
        const QJsonObject metadata { { u"type"_s, u"image/png"_s }, { u"width"_s, 640 },
            { u"tags"_s, QJsonArray { u"a"_s, u"b"_s } }, { u"nested"_s, QJsonObject { { u"ok"_s, true } } },
            { u"unicode"_s, u"Grüße, 世界"_s } };
        const qint64 inADay = QDateTime::currentSecsSinceEpoch() + 86'400;

        QTest::newRow("text") << u"greeting"_s << QByteArray("hello, world") << QJsonObject() << -1LL << -1LL;
        QTest::newRow("empty value") << u"empty"_s << QByteArray() << QJsonObject() << -1LL << -1LL;
        QTest::newRow("binary with NULs, 64 KiB") << u"blob"_s << binary << QJsonObject() << -1LL << -1LL;
        QTest::newRow("CR LF and NUL") << u"crlf"_s << QByteArray("a\r\nb\0c\r\n", 8) << QJsonObject() << -1LL << -1LL;
        QTest::newRow("awkward key") << u"dir/sub dir/ü?#%&+=;.."_s << QByteArray("awkward") << QJsonObject() << -1LL
                                     << -1LL;
        QTest::newRow("emoji key") << u"😀/👍🏽"_s << QByteArray("\xf0\x9f\x98\x80") << QJsonObject() << -1LL
                                   << -1LL;
        QTest::newRow("metadata") << u"described"_s << QByteArray("{}") << metadata << -1LL << -1LL;
        QTest::newRow("ttl") << u"short-lived"_s << QByteArray("soon gone") << QJsonObject() << 3600LL << -1LL;
        QTest::newRow("expiration") << u"dated"_s << QByteArray("until tomorrow") << metadata << -1LL << inADay;
    }

    void valuesRoundTrip()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(QJsonObject, metadata);
        QFETCH(qint64, ttlSeconds);
        QFETCH(qint64, expirationSeconds);
        QVERIFY(ensureNamespace(u"values"_s, u"business"_s));

        PutRequest request = put(key, value);
        request.metadata = metadata;
        if (ttlSeconds >= 0) {
            request.expiry.ttlSeconds = ttlSeconds;
        }
        if (expirationSeconds >= 0) {
            request.expiry.expirationSeconds = expirationSeconds;
        }
        // Over HTTP, times travel in whole seconds: the bounds allow for that.
        const qint64 before = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        auto written = awaitFuture(client().putValue(u"values"_s, request));
        const qint64 after = (QDateTime::currentMSecsSinceEpoch() / 1000 + 1) * 1000;
        QVERIFY2(written, written ? "" : qPrintable(describe(written.error())));
        QVERIFY(written->version > 0);
        if (ttlSeconds >= 0) {
            QVERIFY(written->expiresAt.has_value());
            QVERIFY2(
                *written->expiresAt >= before + ttlSeconds * 1000 && *written->expiresAt <= after + ttlSeconds * 1000,
                qPrintable(QString::number(*written->expiresAt)));
        } else if (expirationSeconds >= 0) {
            QCOMPARE(written->expiresAt, std::optional<qint64>(expirationSeconds * 1000));
        } else {
            QVERIFY(!written->expiresAt.has_value());
        }

        auto read = awaitFuture(client().getValue(u"values"_s, key));
        QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
        QCOMPARE(read->key, key);
        QCOMPARE(read->value.size(), value.size());
        QCOMPARE(read->value, value);
        QCOMPARE(read->metadata, metadata);
        QCOMPARE(read->version, written->version);
        QCOMPARE(read->expiresAt, written->expiresAt);
        QVERIFY2(read->updatedAt >= before && read->updatedAt <= after, qPrintable(QString::number(read->updatedAt)));

        // The listing tells the same, without the bytes.
        auto page = awaitFuture(client().listKeys(u"values"_s, kv::client::ListRequest { key, {}, {} }));
        QVERIFY2(page, page ? "" : qPrintable(describe(page.error())));
        QVERIFY(page->complete());
        QCOMPARE(page->keys.size(), 1);
        const kv::model::KeyInfo& info = page->keys.first();
        QCOMPARE(info.key, key);
        QCOMPARE(info.size, value.size());
        QCOMPARE(info.metadata, metadata);
        QCOMPARE(info.version, written->version);
        QCOMPARE(info.expiresAt, written->expiresAt);
        // Over HTTP a value's updatedAt comes in whole seconds (Last-Modified), a listing's in ms.
        QCOMPARE(info.updatedAt / 1000, read->updatedAt / 1000);

        // Bulk reads give the same entry.
        auto many = awaitFuture(client().getMany(u"values"_s, { key }));
        QVERIFY2(many, many ? "" : qPrintable(describe(many.error())));
        QCOMPARE(many->size(), 1);
        QVERIFY(many->first().ok());
        QVERIFY(many->first().found);
        QVERIFY(many->first().entry.has_value());
        const kv::model::Entry& bulk = *many->first().entry;
        QCOMPARE(bulk.key, read->key);
        QCOMPARE(bulk.value, read->value);
        QCOMPARE(bulk.metadata, read->metadata);
        QCOMPARE(bulk.version, read->version);
        QCOMPARE(bulk.expiresAt, read->expiresAt);
        QCOMPARE(bulk.updatedAt / 1000, read->updatedAt / 1000);
    }

    void overwriteAndDelete()
    {
        QVERIFY(ensureNamespace(u"overwrite"_s));
        auto first = awaitFuture(client().putValue(u"overwrite"_s, put(u"k"_s, "one")));
        QVERIFY2(first, first ? "" : qPrintable(describe(first.error())));
        auto second = awaitFuture(client().putValue(u"overwrite"_s, put(u"k"_s, "two")));
        QVERIFY2(second, second ? "" : qPrintable(describe(second.error())));
        QVERIFY(second->version > first->version);
        auto read = awaitFuture(client().getValue(u"overwrite"_s, u"k"_s));
        QVERIFY(read);
        QCOMPARE(read->value, QByteArray("two"));
        QCOMPARE(read->version, second->version);

        auto removed = awaitFuture(client().deleteValue(u"overwrite"_s, u"k"_s));
        QVERIFY2(removed, removed ? "" : qPrintable(describe(removed.error())));
        QCOMPARE(*removed, true);
        auto gone = awaitFuture(client().getValue(u"overwrite"_s, u"k"_s));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code(), ErrorCode::KeyNotFound);
        // An unconditional delete of a missing key is no error, and says it removed nothing.
        auto again = awaitFuture(client().deleteValue(u"overwrite"_s, u"k"_s));
        QVERIFY2(again, again ? "" : qPrintable(describe(again.error())));
        QCOMPARE(*again, false);

        // Written again, the key never gets an old version back.
        auto third = awaitFuture(client().putValue(u"overwrite"_s, put(u"k"_s, "three")));
        QVERIFY(third);
        QVERIFY(third->version > second->version);
    }

    void conditionalWrites()
    {
        QVERIFY(ensureNamespace(u"conflicts"_s));
        // Create-only.
        PutRequest create = put(u"doc"_s, "v1");
        create.precondition = Precondition::absent();
        auto created = awaitFuture(client().putValue(u"conflicts"_s, create));
        QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
        auto exists = awaitFuture(client().putValue(u"conflicts"_s, create));
        QVERIFY(!exists);
        QCOMPARE(exists.error().code(), ErrorCode::KeyExists);

        // Optimistic concurrency: the current version wins, a stale one conflicts.
        PutRequest update = put(u"doc"_s, "v2");
        update.precondition = Precondition::versionEquals(created->version);
        auto updated = awaitFuture(client().putValue(u"conflicts"_s, update));
        QVERIFY2(updated, updated ? "" : qPrintable(describe(updated.error())));
        QVERIFY(updated->version > created->version);

        PutRequest stale = put(u"doc"_s, "lost update");
        stale.precondition = Precondition::versionEquals(created->version);
        auto conflict = awaitFuture(client().putValue(u"conflicts"_s, stale));
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().code(), ErrorCode::VersionConflict);
        QCOMPARE(awaitFuture(client().getValue(u"conflicts"_s, u"doc"_s))->value, QByteArray("v2"));

        // A delete with a stale version conflicts and leaves the entry.
        auto staleDelete = awaitFuture(
            client().deleteValue(u"conflicts"_s, u"doc"_s, Precondition::versionEquals(created->version)));
        QVERIFY(!staleDelete);
        QCOMPARE(staleDelete.error().code(), ErrorCode::VersionConflict);
        QCOMPARE(awaitFuture(client().getValue(u"conflicts"_s, u"doc"_s))->version, updated->version);

        auto removed = awaitFuture(
            client().deleteValue(u"conflicts"_s, u"doc"_s, Precondition::versionEquals(updated->version)));
        QVERIFY2(removed, removed ? "" : qPrintable(describe(removed.error())));
        QCOMPARE(*removed, true);

        // An expected version of a key that is gone conflicts too; create-only works again.
        auto vanished = awaitFuture(client().putValue(u"conflicts"_s, update));
        QVERIFY(!vanished);
        QCOMPARE(vanished.error().code(), ErrorCode::VersionConflict);
        QVERIFY(awaitFuture(client().putValue(u"conflicts"_s, create)));
    }

    void pagingThroughTenThousandKeys_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("descending");
        QTest::newRow("pages of 1000") << 1000 << u"user/"_s << false;
        QTest::newRow("pages of 333") << 333 << u"user/"_s << false;
        QTest::newRow("descending, pages of 1000") << 1000 << u"user/"_s << true;
        QTest::newRow("descending, pages of 333") << 333 << u"user/"_s << true;
        QTest::newRow("descending, no prefix, pages of 1000") << 1000 << QString() << true;
        QTest::newRow("descending, no prefix, pages of 333") << 333 << QString() << true;
    }

    void pagingThroughTenThousandKeys()
    {
        QFETCH(int, limit);
        QFETCH(QString, prefix);
        QFETCH(bool, descending);
        const auto order = descending ? kv::model::KeyOrder::Descending : kv::model::KeyOrder::Ascending;
        const QString ns = u"paging"_s;
        auto created = awaitFuture(client().createNamespace(ns, u"business"_s));
        if (created) {
            // Written once per backend; keys around the prefix must stay out of the listing.
            QList<PutRequest> requests;
            for (int i = 0; i < 10'000; ++i) {
                requests.append(put(u"user/"_s + QString::number(i).rightJustified(5, u'0'), QByteArray::number(i)));
            }
            auto written = awaitFuture(client().putMany(ns, requests), 120'000);
            QVERIFY2(written, written ? "" : qPrintable(describe(written.error())));
            QVERIFY(written->committed);
            QList<PutRequest> outsiders;
            for (const QString& key : outsideKeys()) {
                outsiders.append(put(key, "outside"));
            }
            auto around = awaitFuture(client().putMany(ns, outsiders));
            QVERIFY2(around && around->committed, around ? "not committed" : qPrintable(describe(around.error())));
        } else {
            QCOMPARE(created.error().code(), ErrorCode::NamespaceExists);
        }

        // What the listing must be: the keys of the range in byte order of their UTF-8 form,
        // reversed when descending; each exactly once.
        QStringList expected;
        for (int i = 0; i < 10'000; ++i) {
            expected.append(u"user/"_s + QString::number(i).rightJustified(5, u'0'));
        }
        if (prefix.isEmpty()) {
            expected += outsideKeys();
        }
        std::sort(expected.begin(), expected.end(),
            [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
        if (descending) {
            std::reverse(expected.begin(), expected.end());
        }

        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            auto page = awaitFuture(client().listKeys(ns, kv::client::ListRequest { prefix, cursor, limit, order }));
            QVERIFY2(page, page ? "" : qPrintable(describe(page.error())));
            QVERIFY(page->keys.size() <= limit);
            for (const kv::model::KeyInfo& info : page->keys) {
                seen.append(info.key);
            }
            QVERIFY2(page->complete() || !page->keys.isEmpty(), "an empty page that is not the last");
            cursor = page->cursor;
            QVERIFY2(++pages <= 10'000 / limit + 2, "the listing does not end");
        } while (!cursor.isEmpty());

        QCOMPARE(seen.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(seen[i], expected[i]);
        }
    }

    void aCursorKeepsItsOrder()
    {
        // A cursor names a place in one listing; with the other order both backends refuse it.
        const QString ns = u"ordered"_s;
        QVERIFY(ensureNamespace(ns));
        auto written = awaitFuture(client().putMany(ns, { put(u"k1"_s, "1"), put(u"k2"_s, "2"), put(u"k3"_s, "3") }));
        QVERIFY(written && written->committed);
        using kv::model::KeyOrder;
        auto up = awaitFuture(client().listKeys(ns, kv::client::ListRequest { {}, {}, 1, KeyOrder::Ascending }));
        auto down = awaitFuture(client().listKeys(ns, kv::client::ListRequest { {}, {}, 1, KeyOrder::Descending }));
        QVERIFY(up && down);
        QCOMPARE(up->keys.first().key, u"k1"_s);
        QCOMPARE(down->keys.first().key, u"k3"_s);
        auto downNext
            = awaitFuture(client().listKeys(ns, kv::client::ListRequest { {}, down->cursor, 1, KeyOrder::Descending }));
        QVERIFY2(downNext, downNext ? "" : qPrintable(describe(downNext.error())));
        QCOMPARE(downNext->keys.first().key, u"k2"_s);
        auto mixed
            = awaitFuture(client().listKeys(ns, kv::client::ListRequest { {}, up->cursor, 1, KeyOrder::Descending }));
        QVERIFY(!mixed);
        QCOMPARE(mixed.error().code(), ErrorCode::InvalidCursor);
        QCOMPARE(mixed.error().details().value(u"cursorOrder"_s).toString(), u"asc"_s);
        auto mixedUp
            = awaitFuture(client().listKeys(ns, kv::client::ListRequest { {}, down->cursor, 1, KeyOrder::Ascending }));
        QVERIFY(!mixedUp);
        QCOMPARE(mixedUp.error().code(), ErrorCode::InvalidCursor);
    }

    void bulkPerItemResults()
    {
        const QString ns = u"bulk"_s;
        QVERIFY(ensureNamespace(ns));
        auto written
            = awaitFuture(client().putMany(ns, { put(u"b1"_s, "one"), put(u"b2"_s, "two"), put(u"b3"_s, "") }));
        QVERIFY2(written, written ? "" : qPrintable(describe(written.error())));
        QVERIFY(written->committed);
        QCOMPARE(written->items.size(), 3);
        QStringList keys;
        for (const kv::client::ItemResult& item : written->items) {
            QVERIFY(item.ok());
            QVERIFY(item.version > 0);
            keys.append(item.key);
        }
        QCOMPARE(keys, (QStringList { u"b1"_s, u"b2"_s, u"b3"_s }));
        const qint64 b1Version = written->items[0].version;

        // Reads: found, missing and invalid keys each get their own answer, in the order asked.
        auto read = awaitFuture(client().getMany(ns, { u"b2"_s, u"missing"_s, u"b3"_s, u"bad\nkey"_s }));
        QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
        QCOMPARE(read->size(), 4);
        QCOMPARE(read->at(0).key, u"b2"_s);
        QVERIFY(read->at(0).ok() && read->at(0).found && read->at(0).entry);
        QCOMPARE(read->at(0).entry->value, QByteArray("two"));
        QCOMPARE(read->at(1).key, u"missing"_s);
        QVERIFY(!read->at(1).found);
        QVERIFY(read->at(1).error.has_value());
        QCOMPARE(read->at(1).error->code(), ErrorCode::KeyNotFound);
        QVERIFY(read->at(2).found && read->at(2).entry);
        QCOMPARE(read->at(2).entry->value, QByteArray());
        QVERIFY(read->at(3).error.has_value());
        QCOMPARE(read->at(3).error->code(), ErrorCode::InvalidKey);

        // One failing precondition rejects the batch: nothing is written.
        PutRequest stale = put(u"b1"_s, "lost");
        stale.precondition = Precondition::versionEquals(b1Version + 1000);
        auto rejected = awaitFuture(client().putMany(ns, { put(u"b4"_s, "new"), stale, put(u"b5"_s, "new") }));
        QVERIFY2(rejected, rejected ? "" : qPrintable(describe(rejected.error())));
        QVERIFY(!rejected->committed);
        QCOMPARE(rejected->items.size(), 3);
        QCOMPARE(rejected->items[0].key, u"b4"_s);
        QVERIFY(rejected->items[0].error);
        QCOMPARE(rejected->items[0].error->code(), ErrorCode::BatchRejected);
        QCOMPARE(rejected->items[1].key, u"b1"_s);
        QVERIFY(rejected->items[1].error);
        QCOMPARE(rejected->items[1].error->code(), ErrorCode::VersionConflict);
        QVERIFY(rejected->items[2].error);
        QCOMPARE(rejected->items[2].error->code(), ErrorCode::BatchRejected);
        auto after = awaitFuture(client().getMany(ns, { u"b1"_s, u"b4"_s, u"b5"_s }));
        QVERIFY(after);
        QCOMPARE(after->at(0).entry->value, QByteArray("one"));
        QCOMPARE(after->at(0).entry->version, b1Version);
        QVERIFY(!after->at(1).found);
        QVERIFY(!after->at(2).found);

        // An invalid item rejects the batch the same way.
        auto invalid = awaitFuture(client().putMany(ns, { put(u"b6"_s, "new"), put(u"bad\nkey"_s, "x") }));
        QVERIFY2(invalid, invalid ? "" : qPrintable(describe(invalid.error())));
        QVERIFY(!invalid->committed);
        QCOMPARE(invalid->items[0].error->code(), ErrorCode::BatchRejected);
        QCOMPARE(invalid->items[1].error->code(), ErrorCode::InvalidKey);
        QCOMPARE(awaitFuture(client().getValue(ns, u"b6"_s)).error().code(), ErrorCode::KeyNotFound);

        // Deletes: a stale version rejects them all; then they go, saying which were there.
        auto staleDelete = awaitFuture(client().deleteMany(ns,
            { DeleteRequest { u"b2"_s, {} },
                DeleteRequest { u"b1"_s, Precondition::versionEquals(b1Version + 1000) } }));
        QVERIFY2(staleDelete, staleDelete ? "" : qPrintable(describe(staleDelete.error())));
        QVERIFY(!staleDelete->committed);
        QCOMPARE(staleDelete->items[0].error->code(), ErrorCode::BatchRejected);
        QCOMPARE(staleDelete->items[1].error->code(), ErrorCode::VersionConflict);
        QVERIFY(awaitFuture(client().getValue(ns, u"b2"_s)));

        auto deleted = awaitFuture(client().deleteMany(ns,
            { DeleteRequest { u"b1"_s, Precondition::versionEquals(b1Version) }, DeleteRequest { u"b2"_s, {} },
                DeleteRequest { u"never"_s, {} } }));
        QVERIFY2(deleted, deleted ? "" : qPrintable(describe(deleted.error())));
        QVERIFY(deleted->committed);
        QCOMPARE(deleted->items.size(), 3);
        QVERIFY(deleted->items[0].ok() && deleted->items[0].found);
        QVERIFY(deleted->items[1].ok() && deleted->items[1].found);
        QVERIFY(deleted->items[2].ok());
        QVERIFY(!deleted->items[2].found);
        auto left = awaitFuture(client().listKeys(ns, {}));
        QVERIFY(left);
        QCOMPARE(left->keys.size(), 1);
        QCOMPARE(left->keys.first().key, u"b3"_s);
    }

    void apiKeys()
    {
        QVERIFY(ensureNamespace(u"keyed"_s));
        const qint64 expires = (QDateTime::currentSecsSinceEpoch() + 86'400) * 1000;
        auto issued = awaitFuture(client().createApiKey(
            { u"ci reader"_s, kv::model::Scope::Read | kv::model::Scope::Write, { u"keyed"_s }, expires }));
        QVERIFY2(issued, issued ? "" : qPrintable(describe(issued.error())));
        const kv::model::ApiKey key = issued->key;
        QVERIFY(!key.id.isEmpty());
        QCOMPARE(key.name, u"ci reader"_s);
        QCOMPARE(key.scopes, kv::model::Scope::Read | kv::model::Scope::Write);
        QCOMPARE(key.namespaces, QStringList { u"keyed"_s });
        QCOMPARE(key.expiresAt, std::optional<qint64>(expires));
        QVERIFY(!key.revokedAt.has_value());
        QVERIFY(issued->secret.size() > key.prefix.size());
        QVERIFY(!key.prefix.isEmpty());
        QVERIFY(issued->secret.startsWith(key.prefix));

        // Listed, without the secret: only the visible prefix is known.
        auto listed = awaitFuture(client().listApiKeys());
        QVERIFY2(listed, listed ? "" : qPrintable(describe(listed.error())));
        const auto findKey = [](const QList<kv::model::ApiKey>& keys, const QString& id) {
            const auto it = std::find_if(
                keys.cbegin(), keys.cend(), [&id](const kv::model::ApiKey& candidate) { return candidate.id == id; });
            return it == keys.cend() ? std::optional<kv::model::ApiKey>() : std::optional(*it);
        };
        const auto listedKey = findKey(*listed, key.id);
        QVERIFY(listedKey.has_value());
        QCOMPARE(listedKey->name, key.name);
        QCOMPARE(listedKey->prefix, key.prefix);
        QCOMPARE(listedKey->scopes, key.scopes);
        QCOMPARE(listedKey->namespaces, key.namespaces);
        QCOMPARE(listedKey->expiresAt, key.expiresAt);
        QCOMPARE(listedKey->createdAt, key.createdAt);

        if (m_isRemote) {
            // The secret works, within its scopes and namespaces.
            RemoteClient::Options options = m_remote->options();
            options.apiKey = issued->secret;
            RemoteClient scoped(options);
            QVERIFY(awaitFuture(scoped.putValue(u"keyed"_s, put(u"k"_s, "v"))));
            auto forbidden = awaitFuture(scoped.createNamespace(u"not-mine"_s));
            QVERIFY(!forbidden);
            QCOMPARE(forbidden.error().code(), ErrorCode::Forbidden);
            auto otherNamespace = awaitFuture(scoped.getValue(u"inputs"_s, u"k"_s));
            QVERIFY(!otherNamespace);
            QCOMPARE(otherNamespace.error().code(), ErrorCode::Forbidden);
        }

        // Rotation: a new id and secret in the same lineage; the old key stops.
        auto rotated = awaitFuture(client().rotateApiKey(key.id));
        QVERIFY2(rotated, rotated ? "" : qPrintable(describe(rotated.error())));
        QVERIFY(rotated->key.id != key.id);
        QVERIFY(!rotated->secret.isEmpty());
        QVERIFY(rotated->secret != issued->secret);
        QCOMPARE(rotated->key.rotatedFrom, key.id);
        QCOMPARE(rotated->key.name, key.name);
        QCOMPARE(rotated->key.scopes, key.scopes);
        QCOMPARE(rotated->key.namespaces, key.namespaces);
        listed = awaitFuture(client().listApiKeys());
        QVERIFY(listed);
        const auto old = findKey(*listed, key.id);
        QVERIFY(old.has_value());
        QCOMPARE(old->rotatedTo, rotated->key.id);
        QVERIFY(!old->isActive(QDateTime::currentMSecsSinceEpoch()));
        auto rotateOld = awaitFuture(client().rotateApiKey(key.id));
        QVERIFY(!rotateOld);
        QCOMPARE(rotateOld.error().code(), ErrorCode::ApiKeyNotFound);

        if (m_isRemote) {
            RemoteClient::Options options = m_remote->options();
            options.apiKey = issued->secret;
            RemoteClient retired(options);
            auto refused = awaitFuture(retired.getValue(u"keyed"_s, u"k"_s));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::Unauthorized);
        }

        auto revoked = awaitFuture(client().revokeApiKey(rotated->key.id));
        QVERIFY2(revoked, revoked ? "" : qPrintable(describe(revoked.error())));
        listed = awaitFuture(client().listApiKeys());
        QVERIFY(listed);
        const auto gone = findKey(*listed, rotated->key.id);
        QVERIFY(gone.has_value());
        QVERIFY(gone->revokedAt.has_value());

        if (m_isRemote) {
            RemoteClient::Options options = m_remote->options();
            options.apiKey = rotated->secret;
            RemoteClient revokedClient(options);
            auto refused = awaitFuture(revokedClient.getValue(u"keyed"_s, u"k"_s));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::Unauthorized);
        }
    }

    void usageCountsWhatWasDone()
    {
        const QString ns = u"metered"_s;
        auto created = awaitFuture(client().createNamespace(ns, u"pro"_s));
        QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
        QVERIFY(awaitFuture(client().putValue(ns, put(u"a"_s, "1"))));
        QVERIFY(awaitFuture(client().putValue(ns, put(u"b"_s, "22"))));
        QVERIFY(awaitFuture(client().putValue(ns, put(u"c"_s, "333"))));
        QVERIFY(awaitFuture(client().getValue(ns, u"a"_s)));
        QVERIFY(!awaitFuture(client().getValue(ns, u"nothing"_s))); // a miss is a read all the same
        QVERIFY(awaitFuture(client().listKeys(ns, {})));
        QVERIFY(awaitFuture(client().deleteValue(ns, u"c"_s)));

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const auto step : { kv::model::UsageStep::Hour, kv::model::UsageStep::Day }) {
            const qint64 span = step == kv::model::UsageStep::Hour ? 3'600'000 : 86'400'000;
            auto report = awaitFuture(client().usage({ ns, now - 2 * span, now + span, step }));
            QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
            QCOMPARE(report->ns, ns);
            QCOMPARE(report->plan.id, u"pro"_s);
            QCOMPARE(report->plan.quota, kv::model::Plan::builtins()[1].quota);
            QCOMPARE(report->step, step);
            qint64 reads = 0;
            qint64 writes = 0;
            qint64 lists = 0;
            qint64 deletes = 0;
            for (const kv::model::UsageBucket& bucket : report->buckets) {
                QCOMPARE(bucket.step, step);
                QVERIFY(bucket.start >= now - 3 * span && bucket.start < now + span);
                reads += bucket.reads;
                writes += bucket.writes;
                lists += bucket.lists;
                deletes += bucket.deletes;
            }
            QCOMPARE(reads, 2);
            QCOMPARE(writes, 3);
            QCOMPARE(lists, 1);
            QCOMPARE(deletes, 1);
            // The namespace is new this month: the month so far is what was done, and what is stored.
            QCOMPARE(report->month.reads, 2);
            QCOMPARE(report->month.writes, 3);
            QCOMPARE(report->month.lists, 1);
            QCOMPARE(report->month.deletes, 1);
            QCOMPARE(report->month.storageBytes, 1 + 1 + 1 + 2);
            QCOMPARE(report->month.start, kv::service::UsageMeter::monthStart(now));
        }
    }

    void auditPagesAndFilters()
    {
        const QString ns = u"audited"_s;
        const qint64 before = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        auto created = awaitFuture(client().createNamespace(ns));
        QVERIFY2(created, created ? "" : qPrintable(describe(created.error())));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(awaitFuture(client().putValue(ns, put(u"k"_s + QString::number(i), "v"))));
        }

        kv::client::AuditQuery query;
        query.ns = ns;
        query.action = u"key.put"_s;
        query.limit = 2;
        QList<qint64> ids;
        QList<int> pageSizes;
        for (int page = 0; page < 10; ++page) {
            auto result = awaitFuture(client().auditPage(query));
            QVERIFY2(result, result ? "" : qPrintable(describe(result.error())));
            pageSizes.append(int(result->events.size()));
            for (const kv::model::AuditEvent& event : result->events) {
                QCOMPARE(event.action, u"key.put"_s);
                QCOMPARE(event.ns, ns);
                QCOMPARE(event.actor, m_actor);
                QVERIFY(event.at >= before);
                ids.append(event.id);
            }
            if (result->nextBeforeId == 0) {
                break;
            }
            QCOMPARE(result->nextBeforeId, result->events.constLast().id);
            query.beforeId = result->nextBeforeId;
        }
        QCOMPARE(pageSizes, (QList<int> { 2, 2, 1 }));
        QCOMPARE(ids.size(), 5);
        for (qsizetype i = 1; i < ids.size(); ++i) {
            QVERIFY2(ids[i] < ids[i - 1], "not newest first");
        }

        // Filters: by actor, by action, by time.
        kv::client::AuditQuery creationQuery;
        creationQuery.ns = ns;
        creationQuery.action = u"namespace.create"_s;
        auto creation = awaitFuture(client().auditPage(creationQuery));
        QVERIFY(creation);
        QCOMPARE(creation->events.size(), 1);
        QCOMPARE(creation->events.first().actor, m_actor);
        QCOMPARE(creation->nextBeforeId, 0);

        kv::client::AuditQuery byActor;
        byActor.ns = ns;
        byActor.actor = m_actor;
        auto mine = awaitFuture(client().auditPage(byActor));
        QVERIFY(mine);
        QCOMPARE(mine->events.size(), 6);
        byActor.actor = u"somebody-else"_s;
        auto theirs = awaitFuture(client().auditPage(byActor));
        QVERIFY(theirs);
        QCOMPARE(theirs->events.size(), 0);
        QCOMPARE(theirs->nextBeforeId, 0);

        kv::client::AuditQuery future;
        future.ns = ns;
        future.from = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        auto none = awaitFuture(client().auditPage(future));
        QVERIFY(none);
        QCOMPARE(none->events.size(), 0);
        kv::client::AuditQuery past;
        past.ns = ns;
        past.from = before - 3'600'000;
        past.to = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        auto all = awaitFuture(client().auditPage(past));
        QVERIFY(all);
        QCOMPARE(all->events.size(), 6);
    }

    void peersAreEmpty()
    {
        auto peers = awaitFuture(client().listPeers());
        QVERIFY2(peers, peers ? "" : qPrintable(describe(peers.error())));
        QCOMPARE(peers->size(), 0);
        auto room = awaitFuture(client().listPeers(u"lobby"_s));
        QVERIFY2(room, room ? "" : qPrintable(describe(room.error())));
        QCOMPARE(room->size(), 0);
    }

    void eventFeed()
    {
        if (m_isRemote && !kvdHasEventRoute()) {
            QSKIP("kvd has no /v1/admin/events yet");
        }
        QCOMPARE(client().feedState(), kv::client::FeedState::Off);
        QSignalSpy states(&client(), &Client::feedStateChanged);
        QSignalSpy events(&client(), &Client::eventReceived);
        client().startEvents();
        QTRY_COMPARE_WITH_TIMEOUT(client().feedState(), kv::client::FeedState::Live, 10000);
        QVERIFY(!states.isEmpty());
        QCOMPARE(states.constLast().constFirst().value<kv::client::FeedState>(), kv::client::FeedState::Live);

        // A write is audited, and the audit event arrives live.
        const QString ns = u"evented"_s;
        QVERIFY(awaitFuture(client().createNamespace(ns)));
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditEvent(events, u"namespace.create"_s, ns), 10000);
        QVERIFY(awaitFuture(client().putValue(ns, put(u"k"_s, "v"))));
        QTRY_VERIFY_WITH_TIMEOUT(hasAuditEvent(events, u"key.put"_s, ns), 10000);

        // Usage ticks come with a flush: at once here, within kvd's flush interval there.
        if (!m_isRemote) {
            QVERIFY(awaitFuture(m_embedded->flushUsage()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(hasUsageTick(events, ns), 15000);

        // Numbered within the stream, in order.
        const QList<ServiceEvent> received = eventsOf(events);
        for (qsizetype i = 1; i < received.size(); ++i) {
            QVERIFY2(received[i].sequence > received[i - 1].sequence, "events out of order");
        }

        client().stopEvents();
        QCOMPARE(client().feedState(), kv::client::FeedState::Off);
        QCOMPARE(states.constLast().constFirst().value<kv::client::FeedState>(), kv::client::FeedState::Off);
    }

    void cancelledCallDeliversNothing()
    {
        QVERIFY(ensureNamespace(u"cancelled"_s));
        // A read of many keys, so that it is still running when it is cancelled.
        QList<QString> keys;
        for (int i = 0; i < 5000; ++i) {
            keys.append(u"missing/"_s + QString::number(i));
        }
        auto delivered = std::make_shared<int>(0);
        QFuture<Result<QList<kv::client::ItemResult>>> call = client().getMany(u"cancelled"_s, keys);
        QFuture<void> continuation = call.then(this, [delivered](const auto&) { ++*delivered; });
        // then() runs the continuation at once when the call had already finished: that delivery
        // came before the cancel and is fine; none may come after it.
        const int deliveredBeforeCancel = *delivered;
        call.cancel();
        QVERIFY(call.isCanceled());

        // Calls made after it finish; by then the cancelled one had every chance to deliver.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(awaitFuture(client().listKeys(u"cancelled"_s, {})));
        }
        QTRY_VERIFY_WITH_TIMEOUT(continuation.isFinished(), 10000);
        QCOMPARE(*delivered, deliveredBeforeCancel);
        if (deliveredBeforeCancel == 0) {
            QVERIFY(continuation.isCanceled());
            QCOMPARE(call.resultCount(), 0);
        } else {
            qWarning("the call finished before it could be cancelled; nothing was tested");
        }
    }

    void longBulkCallsNeverBlock()
    {
        const QString ns = u"never-blocks"_s;
        QVERIFY(ensureNamespace(ns, u"business"_s));
        QList<PutRequest> requests;
        QList<QString> keys;
        for (int i = 0; i < 10'000; ++i) {
            const QString key = u"entry/"_s + QString::number(i).rightJustified(5, u'0');
            requests.append(put(key, QByteArray(100, static_cast<char>('a' + i % 26))));
            keys.append(key);
        }

        // A 10 ms timer on this thread: the longest gap between its ticks while the calls run.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        // Which call was running at the longest gap, for the failure message.
        const char* phase = "putMany";
        const char* longestPhase = "";
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            if (sinceTick.isValid() && sinceTick.elapsed() > longestGap) {
                longestGap = sinceTick.elapsed();
                longestPhase = phase;
            }
            sinceTick.start();
            ++ticks;
        });
        timer.start();

        auto written = awaitFuture(client().putMany(ns, requests), 120'000);
        phase = "getMany";
        auto read = awaitFuture(client().getMany(ns, keys), 120'000);
        timer.stop();

        QVERIFY2(written, written ? "" : qPrintable(describe(written.error())));
        QVERIFY(written->committed);
        QCOMPARE(written->items.size(), 10'000);
        QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
        QCOMPARE(read->size(), 10'000);
        for (qsizetype i = 0; i < read->size(); ++i) {
            const kv::client::ItemResult& item = read->at(i);
            QVERIFY(item.found && item.entry);
            QCOMPARE(item.key, keys[i]);
            QCOMPARE(item.entry->value, requests[i].value);
        }
        QVERIFY2(ticks > 1, "the calls finished before the timer ticked twice");
        QVERIFY2(longestGap <= 50,
            qPrintable(u"the calling thread was blocked for %1 ms during %2"_s.arg(longestGap)
                           .arg(QLatin1StringView(longestPhase))));
    }

    void cleanupTestCase()
    {
        m_remote.reset();
        m_embedded.reset();
        if (m_kvd.isRunning()) {
            QCOMPARE(m_kvd.terminate(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestClientContract)
#include "tst_clientcontract.moc"
