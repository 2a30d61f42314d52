// The signaling relay of the real kvd (/v1/signal, docs/signaling.md), with QWebSocket peers on
// loopback: first-message auth (success, a bad key, a key without the signal scope, the auth
// timeout), joins, offer/answer/candidate forwarding with the relay's from, peer_not_found and
// rooms that cannot reach each other, every validation rule answered with its code while the
// connection stays usable, rate and size limits that close an abusive connection, a silent peer
// dropped by the ping timeout with its record, resume after a dropped connection, and /v1/peers
// and the admin event stream following all of it live. kvd runs with a 1 s auth timeout and
// 1 s pings so that nothing waits long; no test sleeps.

#include "AwaitReply.h"
#include "KvdProcess.h"
#include "SignalSamples.h"
#include "WebSocketClient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

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

QJsonObject offerTo(const QString& to)
{
    return { { u"type"_s, u"offer"_s }, { u"to"_s, to }, { u"sdp"_s, signal_samples::offerSdp() } };
}

QJsonObject candidateTo(const QString& to, const QString& candidate)
{
    return { { u"type"_s, u"candidate"_s }, { u"to"_s, to }, { u"candidate"_s, candidate }, { u"sdpMid"_s, u"0"_s },
        { u"sdpMLineIndex"_s, 0 } };
}

QJsonObject join(const QString& room, const QString& peer = {}, const QString& resume = {})
{
    QJsonObject message { { u"type"_s, u"join"_s }, { u"room"_s, room } };
    if (!peer.isEmpty()) {
        message.insert(u"peer"_s, peer);
    }
    if (!resume.isEmpty()) {
        message.insert(u"resume"_s, resume);
    }
    return message;
}

QString typeOf(const std::optional<QJsonObject>& message)
{
    return message ? message->value(u"type"_s).toString() : u"(nothing)"_s;
}

QString describe(const std::optional<QJsonObject>& message)
{
    return message ? QString::fromUtf8(WebSocketClient::json(*message).left(300)) : u"(nothing)"_s;
}

} // namespace

class TestKvdSignal final : public QObject
{
    Q_OBJECT

    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    QNetworkAccessManager m_network;
    QString m_signalKey;
    QString m_otherSignalKey;
    QString m_readKey;

    Reply call(
        const QByteArray& method, const QString& path, const QByteArray& body = {}, const KvdProcess* kvd = nullptr)
    {
        const KvdProcess& target = kvd ? *kvd : m_kvd;
        QNetworkRequest request(QUrl(target.baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + target.adminKey().toLatin1());
        if (!body.isEmpty()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        }
        return awaitReply<Reply>(m_network.sendCustomRequest(request, method, body), 10000);
    }

    QString createKey(const QString& scope, const KvdProcess* kvd = nullptr)
    {
        const Reply created = call("POST", u"/v1/apikeys"_s,
            WebSocketClient::json({ { u"name"_s, u"%1 key"_s.arg(scope) }, { u"scopes"_s, QJsonArray { scope } } }),
            kvd);
        [&] { QCOMPARE(created.status, 201); }();
        return created.json().value(u"secret"_s).toString();
    }

    QUrl signalUrl(const KvdProcess* kvd = nullptr) const
    {
        return QUrl(u"ws://127.0.0.1:%1/v1/signal"_s.arg((kvd ? *kvd : m_kvd).port()));
    }

    /// A connected, authenticated peer (nullptr, with a test failure, if it is not).
    std::unique_ptr<WebSocketClient> authenticated(const QString& key = {}, const KvdProcess* kvd = nullptr)
    {
        auto client = std::make_unique<WebSocketClient>();
        if (!client->open(signalUrl(kvd))) {
            [] { QFAIL("the WebSocket did not open"); }();
            return nullptr;
        }
        client->send({ { u"type"_s, u"auth"_s }, { u"key"_s, key.isEmpty() ? m_signalKey : key } });
        const auto answer = client->next();
        if (typeOf(answer) != u"authenticated"_s) {
            [&] { QFAIL(qPrintable(u"no authenticated message: "_s + describe(answer))); }();
            return nullptr;
        }
        return client;
    }

    /// An authenticated peer that joined `room` as `peer`; its joined message is in `joined`.
    std::unique_ptr<WebSocketClient> joined(const QString& room, const QString& peer,
        QJsonObject* joinedMessage = nullptr, const QString& key = {}, const KvdProcess* kvd = nullptr)
    {
        auto client = authenticated(key, kvd);
        if (!client) {
            return nullptr;
        }
        client->send(join(room, peer));
        const auto answer = client->next();
        if (typeOf(answer) != u"joined"_s) {
            [&] { QFAIL(qPrintable(u"no joined message: "_s + describe(answer))); }();
            return nullptr;
        }
        if (joinedMessage) {
            *joinedMessage = *answer;
        }
        return client;
    }

    QList<QJsonObject> peersOf(const QString& room)
    {
        const Reply listed = call("GET", u"/v1/peers?room="_s + room);
        QList<QJsonObject> peers;
        for (const QJsonValue& peer : listed.json().value(u"peers"_s).toArray()) {
            peers.append(peer.toObject());
        }
        return peers;
    }

    /// The ids of the room's peers, sorted: peers that joined in the same millisecond are listed
    /// in either order.
    QStringList peerIdsOf(const QString& room)
    {
        QStringList ids;
        for (const QJsonObject& peer : peersOf(room)) {
            ids.append(peer.value(u"id"_s).toString());
        }
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_kvd.start({ u"--signal-auth-timeout"_s, u"1"_s, u"--ping-interval"_s, u"1"_s }),
            qPrintable(m_kvd.failureLog()));
        m_signalKey = createKey(u"signal"_s);
        m_otherSignalKey = createKey(u"signal"_s);
        m_readKey = createKey(u"read"_s);
        QVERIFY(!m_signalKey.isEmpty() && !m_otherSignalKey.isEmpty() && !m_readKey.isEmpty());
    }

    void aPlainRequestIsToldToUpgrade()
    {
        const QNetworkRequest request(QUrl(m_kvd.baseUrl() + u"/v1/signal"_s));
        const Reply reply = awaitReply<Reply>(m_network.get(request), 10000);
        QCOMPARE(reply.status, 426);
        QCOMPARE(reply.code(), u"upgrade_required"_s);
        QCOMPARE(reply.headers.value("upgrade"), QByteArray("websocket"));
    }

    void authenticates()
    {
        auto client = authenticated();
        QVERIFY(client);
        QVERIFY(client->isOpen());
    }

    void aBadKeyClosesWithAReason()
    {
        WebSocketClient client;
        QVERIFY(client.open(signalUrl()));
        client.send({ { u"type"_s, u"auth"_s }, { u"key"_s, u"kvd_definitely_not_a_key"_s } });
        const auto error = client.next();
        QCOMPARE(typeOf(error), u"error"_s);
        QCOMPARE(error->value(u"code"_s).toString(), u"unauthorized"_s);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode(), 4401);
        QVERIFY2(client.closeReason().startsWith(u"unauthorized: "_s), qPrintable(client.closeReason()));
    }

    void aKeyWithoutTheSignalScopeIsRefused()
    {
        WebSocketClient client;
        QVERIFY(client.open(signalUrl()));
        client.send({ { u"type"_s, u"auth"_s }, { u"key"_s, m_readKey } });
        const auto error = client.next();
        QCOMPARE(error->value(u"code"_s).toString(), u"forbidden"_s);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode(), 4403);
    }

    void theFirstMessageMustBeAuth()
    {
        WebSocketClient client;
        QVERIFY(client.open(signalUrl()));
        client.send(join(u"lobby"_s));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode(), 4401);
    }

    void aSilentConnectionTimesOut()
    {
        WebSocketClient client;
        QVERIFY(client.open(signalUrl()));
        const auto error = client.next();
        QCOMPARE(typeOf(error), u"error"_s);
        QCOMPARE(error->value(u"code"_s).toString(), u"auth_timeout"_s);
        QVERIFY(client.waitClosed());
        QCOMPARE(client.closeCode(), 4408);
        QVERIFY2(client.closeReason().startsWith(u"auth_timeout: "_s), qPrintable(client.closeReason()));
    }

    void joinsAndForwards()
    {
        QJsonObject aliceJoined;
        auto alice = joined(u"call"_s, u"alice"_s, &aliceJoined);
        QVERIFY(alice);
        QCOMPARE(aliceJoined.value(u"peers"_s).toArray(), QJsonArray());
        QVERIFY(!aliceJoined.value(u"resumeToken"_s).toString().isEmpty());

        // An id the relay assigns.
        QJsonObject bobJoined;
        auto bob = authenticated();
        QVERIFY(bob);
        bob->send(join(u"call"_s));
        const auto assigned = bob->next();
        QCOMPARE(typeOf(assigned), u"joined"_s);
        const QString bobId = assigned->value(u"peer"_s).toString();
        QVERIFY(bobId.startsWith(u"peer-"_s));
        QCOMPARE(assigned->value(u"peers"_s).toArray(), QJsonArray { u"alice"_s });
        const auto noticed = alice->next();
        QCOMPARE(typeOf(noticed), u"peer_joined"_s);
        QCOMPARE(noticed->value(u"peer"_s).toString(), bobId);

        alice->send(offerTo(bobId));
        const auto offer = bob->next();
        QCOMPARE(typeOf(offer), u"offer"_s);
        QCOMPARE(offer->value(u"from"_s).toString(), u"alice"_s);
        QCOMPARE(offer->value(u"sdp"_s).toString(), signal_samples::offerSdp());

        bob->send({ { u"type"_s, u"answer"_s }, { u"to"_s, u"alice"_s }, { u"sdp"_s, signal_samples::answerSdp() } });
        const auto answer = alice->next();
        QCOMPARE(typeOf(answer), u"answer"_s);
        QCOMPARE(answer->value(u"from"_s).toString(), bobId);
        QCOMPARE(answer->value(u"sdp"_s).toString(), signal_samples::answerSdp());

        for (const QString& candidate : { signal_samples::hostCandidate(), signal_samples::srflxCandidate(),
                 signal_samples::mdnsCandidate(), signal_samples::ipv6Candidate() }) {
            alice->send(candidateTo(bobId, candidate));
            const auto forwarded = bob->next();
            QCOMPARE(typeOf(forwarded), u"candidate"_s);
            QCOMPARE(forwarded->value(u"from"_s).toString(), u"alice"_s);
            QCOMPARE(forwarded->value(u"candidate"_s).toString(), candidate);
            QCOMPARE(forwarded->value(u"sdpMid"_s).toString(), u"0"_s);
            QCOMPARE(forwarded->value(u"sdpMLineIndex"_s).toInt(), 0);
        }
        // End of candidates.
        alice->send(candidateTo(bobId, QString()));
        QCOMPARE(bob->next()->value(u"candidate"_s).toString(), QString());

        // The records follow: both peers, their key, counters and the reported ICE state.
        alice->send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"connected"_s } });
        QTRY_VERIFY_WITH_TIMEOUT(!peersOf(u"call"_s).isEmpty()
                && peersOf(u"call"_s).first().value(u"iceState"_s).toString() == u"connected"_s,
            10000);
        const QList<QJsonObject> peers = peersOf(u"call"_s);
        QCOMPARE(peers.size(), 2);
        const QJsonObject record = peers.first();
        QCOMPARE(record.value(u"id"_s).toString(), u"alice"_s);
        QCOMPARE(record.value(u"room"_s).toString(), u"call"_s);
        QVERIFY(record.value(u"remoteAddress"_s).toString().startsWith(u"127.0.0.1:"_s));
        QVERIFY(!record.value(u"apiKeyId"_s).toString().isEmpty());
        QVERIFY(record.value(u"messagesIn"_s).toInteger() >= 8);
        QVERIFY(record.value(u"messagesOut"_s).toInteger() >= 3);
        QVERIFY(record.value(u"bytesIn"_s).toInteger() > signal_samples::offerSdp().size());
        QVERIFY(record.value(u"bytesOut"_s).toInteger() > signal_samples::answerSdp().size());

        // Leave: the others hear it, the record goes at once.
        alice->send({ { u"type"_s, u"leave"_s } });
        QCOMPARE(typeOf(alice->next()), u"left"_s);
        const auto left = bob->next();
        QCOMPARE(typeOf(left), u"peer_left"_s);
        QCOMPARE(left->value(u"reason"_s).toString(), u"left"_s);
        QCOMPARE(peerIdsOf(u"call"_s), QStringList { bobId });
    }

    void anAbsentPeerIsNotFound()
    {
        auto alice = joined(u"room-a"_s, u"alice"_s);
        auto bob = joined(u"room-b"_s, u"bob"_s);
        QVERIFY(alice && bob);
        QJsonObject offer = offerTo(u"bob"_s);
        offer.insert(u"ref"_s, u"offer-1"_s);
        alice->send(offer);
        const auto error = alice->next();
        QCOMPARE(error->value(u"code"_s).toString(), u"peer_not_found"_s);
        QCOMPARE(error->value(u"details"_s).toObject().value(u"ref"_s).toString(), u"offer-1"_s);
        QCOMPARE(error->value(u"details"_s).toObject().value(u"peer"_s).toString(), u"bob"_s);
        // bob, in another room, got nothing: the next thing he hears is what he asks for.
        bob->send({ { u"type"_s, u"leave"_s } });
        QCOMPARE(typeOf(bob->next()), u"left"_s);
        QVERIFY(alice->isOpen());
    }

    void aRoomIsItsKeysAlone()
    {
        auto alice = joined(u"tenant-room"_s, u"alice"_s);
        QVERIFY(alice);
        auto stranger = authenticated(m_otherSignalKey);
        QVERIFY(stranger);
        stranger->send(join(u"tenant-room"_s, u"eve"_s));
        QCOMPARE(stranger->next()->value(u"code"_s).toString(), u"room_taken"_s);
        stranger->send(join(u"tenant-room"_s, u"alice"_s));
        QCOMPARE(stranger->next()->value(u"code"_s).toString(), u"room_taken"_s);
        QVERIFY(stranger->isOpen());
        QCOMPARE(peerIdsOf(u"tenant-room"_s), QStringList { u"alice"_s });
        // The same key may not take a connected id either.
        auto twin = authenticated();
        QVERIFY(twin);
        twin->send(join(u"tenant-room"_s, u"alice"_s));
        QCOMPARE(twin->next()->value(u"code"_s).toString(), u"peer_id_taken"_s);
    }

    void everyRuleIsAnsweredAndTheConnectionStays_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("rule");
        const auto row = [](const char* name, const QJsonObject& message, const QString& code, const QString& rule) {
            QTest::newRow(name) << WebSocketClient::json(message) << code << rule;
        };
        const QString invalid = u"invalid_message"_s;
        const QString badCandidate = u"invalid_candidate"_s;
        QTest::newRow("message.json") << QByteArray("{not json") << invalid << u"message.json"_s;
        QTest::newRow("message.size") << QByteArray(70 * 1024, ' ') << u"message_too_large"_s << u"message.size"_s;
        row("message.type", { { u"type"_s, u"hello"_s } }, invalid, u"message.type"_s);
        row("message.fields", { { u"type"_s, u"leave"_s }, { u"room"_s, u"x"_s } }, invalid, u"message.fields"_s);
        row("message.ref", { { u"type"_s, u"leave"_s }, { u"ref"_s, 3 } }, invalid, u"message.ref"_s);
        row("auth.once", { { u"type"_s, u"auth"_s }, { u"key"_s, u"kvd_x"_s } }, invalid, u"auth.once"_s);
        row("join.room", { { u"type"_s, u"join"_s }, { u"room"_s, u"no spaces"_s } }, invalid, u"join.room"_s);
        row("join.peer", { { u"type"_s, u"join"_s }, { u"room"_s, u"r"_s }, { u"peer"_s, u"/"_s } }, invalid,
            u"join.peer"_s);
        row("join.resume", { { u"type"_s, u"join"_s }, { u"room"_s, u"r"_s }, { u"resume"_s, u"a b"_s } }, invalid,
            u"join.resume"_s);
        row("offer.to", { { u"type"_s, u"offer"_s }, { u"sdp"_s, signal_samples::offerSdp() } }, invalid,
            u"offer.to"_s);
        row("offer.sdp", { { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s } }, invalid, u"offer.sdp"_s);
        row("answer.sdp", { { u"type"_s, u"answer"_s }, { u"to"_s, u"bob"_s }, { u"sdp"_s, 1 } }, invalid,
            u"answer.sdp"_s);
        row("sdp.version",
            { { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s }, { u"sdp"_s, u"v=1\r\nm=audio 9 RTP/AVP 0\r\n"_s } },
            u"invalid_sdp"_s, u"sdp.version"_s);
        row("sdp.media",
            { { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s }, { u"sdp"_s, u"v=0\r\ns=-\r\nt=0 0\r\n"_s } },
            u"invalid_sdp"_s, u"sdp.media"_s);
        row("sdp.lines",
            { { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s },
                { u"sdp"_s, u"v=0\r\nnonsense\r\nm=audio 9 RTP/AVP 0\r\n"_s } },
            u"invalid_sdp"_s, u"sdp.lines"_s);
        row("sdp.size",
            { { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s },
                { u"sdp"_s, QString(u"v=0\r\nm=audio 9 RTP/AVP 0\r\na=x:"_s + QString(50 * 1024, u'x') + u"\r\n"_s) } },
            u"message_too_large"_s, u"sdp.size"_s);
        row("candidate.candidate", { { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s } }, invalid,
            u"candidate.candidate"_s);
        row("candidate.mid",
            { { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s },
                { u"candidate"_s, signal_samples::hostCandidate() } },
            invalid, u"candidate.mid"_s);
        row("candidate.sdpMid",
            { { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s }, { u"candidate"_s, signal_samples::hostCandidate() },
                { u"sdpMid"_s, 1 } },
            invalid, u"candidate.sdpMid"_s);
        row("candidate.sdpMLineIndex",
            { { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s }, { u"candidate"_s, signal_samples::hostCandidate() },
                { u"sdpMLineIndex"_s, -1 } },
            invalid, u"candidate.sdpMLineIndex"_s);
        row("candidate.size",
            candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 9 typ host x "_s + QString(1100, u'x')),
            u"message_too_large"_s, u"candidate.size"_s);
        row("candidate.prefix", candidateTo(u"bob"_s, u"a="_s + signal_samples::hostCandidate()), badCandidate,
            u"candidate.prefix"_s);
        row("candidate.syntax", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 9"_s), badCandidate,
            u"candidate.syntax"_s);
        row("candidate.foundation", candidateTo(u"bob"_s, u"candidate:a#b 1 udp 1 1.2.3.4 9 typ host"_s), badCandidate,
            u"candidate.foundation"_s);
        row("candidate.component", candidateTo(u"bob"_s, u"candidate:1 0 udp 1 1.2.3.4 9 typ host"_s), badCandidate,
            u"candidate.component"_s);
        row("candidate.transport", candidateTo(u"bob"_s, u"candidate:1 1 u/p 1 1.2.3.4 9 typ host"_s), badCandidate,
            u"candidate.transport"_s);
        row("candidate.priority", candidateTo(u"bob"_s, u"candidate:1 1 udp 99999999999 1.2.3.4 9 typ host"_s),
            badCandidate, u"candidate.priority"_s);
        row("candidate.address", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 300.2.3.4 9 typ host"_s), badCandidate,
            u"candidate.address"_s);
        row("candidate.port", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 70000 typ host"_s), badCandidate,
            u"candidate.port"_s);
        row("candidate.type", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 9 type host"_s), badCandidate,
            u"candidate.type"_s);
        row("candidate.raddr", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 9 typ srflx raddr"_s), badCandidate,
            u"candidate.raddr"_s);
        row("candidate.rport", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 9 typ srflx rport x"_s),
            badCandidate, u"candidate.rport"_s);
        row("candidate.extension", candidateTo(u"bob"_s, u"candidate:1 1 udp 1 1.2.3.4 9 typ host generation"_s),
            badCandidate, u"candidate.extension"_s);
        row("ice_state.state", { { u"type"_s, u"ice_state"_s }, { u"state"_s, u"great"_s } }, invalid,
            u"ice_state.state"_s);
        row("offer to itself", offerTo(u"alice"_s), invalid, u"offer.to"_s);
    }

    void everyRuleIsAnsweredAndTheConnectionStays()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, code);
        QFETCH(QString, rule);
        const QString room = u"rules-"_s + QString::number(qHash(QString::fromLatin1(QTest::currentDataTag())));
        auto alice = joined(room, u"alice"_s);
        auto bob = joined(room, u"bob"_s);
        QVERIFY(alice && bob);
        QCOMPARE(typeOf(alice->next()), u"peer_joined"_s);

        alice->sendText(QString::fromUtf8(message));
        const auto error = alice->next();
        QVERIFY2(typeOf(error) == u"error"_s, qPrintable(describe(error)));
        QCOMPARE(error->value(u"code"_s).toString(), code);
        QCOMPARE(error->value(u"details"_s).toObject().value(u"rule"_s).toString(), rule);
        QVERIFY(!error->value(u"message"_s).toString().isEmpty());

        // Still connected and still in the room.
        alice->send(offerTo(u"bob"_s));
        QCOMPARE(typeOf(bob->next()), u"offer"_s);
        QVERIFY(alice->isOpen());
    }

    void aBinaryMessageIsAnswered()
    {
        auto alice = authenticated();
        QVERIFY(alice);
        alice->sendBinary(QByteArray("\x01\x02", 2));
        const auto error = alice->next();
        QCOMPARE(error->value(u"code"_s).toString(), u"invalid_message"_s);
        QVERIFY(alice->isOpen());
    }

    /// A second kvd with small limits: a flood of messages, a flood of bytes and a message far
    /// over the size limit each close their connection; one a little over the limit does not.
    void abuseIsClosed()
    {
        KvdProcess strict { QStringLiteral(KVD_BINARY) };
        QVERIFY2(strict.start({ u"--signal-messages-per-second"_s, u"1"_s, u"--signal-message-burst"_s, u"10"_s,
                     u"--max-signal-message-bytes"_s, u"2KiB"_s, u"--max-sdp-bytes"_s, u"1KiB"_s,
                     u"--signal-bytes-per-second"_s, u"1KiB"_s, u"--signal-byte-burst"_s, u"6KiB"_s }),
            qPrintable(strict.failureLog()));
        const QString key = createKey(u"signal"_s, &strict);

        // Messages: auth and join, then more than the burst.
        auto chatty = joined(u"r"_s, u"chatty"_s, nullptr, key, &strict);
        QVERIFY(chatty);
        for (int i = 0; i < 12; ++i) {
            chatty->send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"checking"_s } });
        }
        const auto limited = chatty->nextOfType(u"error"_s);
        QCOMPARE(limited->value(u"code"_s).toString(), u"rate_limited"_s);
        QCOMPARE(limited->value(u"details"_s).toObject().value(u"limit"_s).toString(), u"messages"_s);
        QVERIFY(chatty->waitClosed());
        QCOMPARE(chatty->closeCode(), 4429);
        // Its record went with it.
        QTRY_VERIFY_WITH_TIMEOUT(
            call("GET", u"/v1/peers?room=r"_s, {}, &strict).json().value(u"peers"_s).toArray().isEmpty(), 10000);

        // Size: a little over the limit is answered; the connection stays.
        auto big = authenticated(key, &strict);
        QVERIFY(big);
        big->sendText(QString(3 * 1024, u' '));
        QCOMPARE(big->next()->value(u"code"_s).toString(), u"message_too_large"_s);
        QVERIFY(big->isOpen());
        // Bytes: the burst (6 KiB, refilled at 1 KiB/s) is spent by the next messages of nearly 2 KiB.
        for (int i = 0; i < 6; ++i) {
            big->sendText(QString(1900, u' '));
        }
        const auto bytes
            = big->nextWhere([](const QJsonObject& m) { return m.value(u"code"_s).toString() == u"rate_limited"_s; });
        QVERIFY(bytes);
        QCOMPARE(bytes->value(u"details"_s).toObject().value(u"limit"_s).toString(), u"bytes"_s);
        QVERIFY(big->waitClosed());
        QCOMPARE(big->closeCode(), 4429);

        // Far over the limit (4 times): not even read; the connection fails with 1009.
        auto huge = authenticated(key, &strict);
        QVERIFY(huge);
        huge->sendText(QString(9 * 1024, u' '));
        QVERIFY(huge->waitClosed());
        QCOMPARE(huge->closeCode(), 1009);
        QCOMPARE(strict.terminate(), 0);
    }

    /// A peer that stops answering pings is dropped with its record; one that answers stays.
    void aSilentPeerIsDropped()
    {
        auto steady = joined(u"pings"_s, u"steady"_s);
        QVERIFY(steady);
        RawWebSocket silent;
        QVERIFY(silent.open(m_kvd.port(), "/v1/signal"));
        silent.send({ { u"type"_s, u"auth"_s }, { u"key"_s, m_signalKey } });
        silent.send(join(u"pings"_s, u"silent"_s));
        const auto noticed = steady->next();
        QCOMPARE(typeOf(noticed), u"peer_joined"_s);
        QCOMPARE(noticed->value(u"peer"_s).toString(), u"silent"_s);
        QCOMPARE(peerIdsOf(u"pings"_s), (QStringList { u"silent"_s, u"steady"_s }));

        // With 1 s pings, a peer that sends nothing is dropped within about two seconds.
        QVERIFY(silent.waitDisconnected(15000));
        const QList<QJsonObject> got = silent.textMessages();
        QVERIFY(got.size() >= 2);
        QCOMPARE(got.at(0).value(u"type"_s).toString(), u"authenticated"_s);
        QCOMPARE(got.at(1).value(u"type"_s).toString(), u"joined"_s);
        const auto left = steady->next(15000);
        QCOMPARE(typeOf(left), u"peer_left"_s);
        QCOMPARE(left->value(u"peer"_s).toString(), u"silent"_s);
        QCOMPARE(left->value(u"reason"_s).toString(), u"disconnected"_s);
        QCOMPARE(peerIdsOf(u"pings"_s), QStringList { u"steady"_s });
        QVERIFY(steady->isOpen());
    }

    void aDroppedPeerResumesItsId()
    {
        QJsonObject aliceJoined;
        auto alice = joined(u"resume"_s, u"alice"_s, &aliceJoined);
        auto bob = joined(u"resume"_s, u"bob"_s);
        QVERIFY(alice && bob);
        QCOMPARE(typeOf(alice->next()), u"peer_joined"_s);
        const QString token = aliceJoined.value(u"resumeToken"_s).toString();

        // The network drops: no close frame.
        alice->socket().abort();
        const auto left = bob->next();
        QCOMPARE(typeOf(left), u"peer_left"_s);
        QCOMPARE(left->value(u"reason"_s).toString(), u"disconnected"_s);
        QCOMPARE(peerIdsOf(u"resume"_s), QStringList { u"bob"_s });

        // Messages for alice meanwhile are answered, not lost.
        bob->send(offerTo(u"alice"_s));
        QCOMPARE(bob->next()->value(u"code"_s).toString(), u"peer_not_found"_s);

        auto impostor = authenticated();
        QVERIFY(impostor);
        impostor->send(join(u"resume"_s, u"alice"_s));
        QCOMPARE(impostor->next()->value(u"code"_s).toString(), u"peer_id_taken"_s);

        auto back = authenticated();
        QVERIFY(back);
        back->send(join(u"resume"_s, u"alice"_s, token));
        const auto resumed = back->next();
        QCOMPARE(typeOf(resumed), u"joined"_s);
        QCOMPARE(resumed->value(u"resumed"_s).toBool(), true);
        QCOMPARE(resumed->value(u"peers"_s).toArray(), QJsonArray { u"bob"_s });
        const auto rejoined = bob->next();
        QCOMPARE(typeOf(rejoined), u"peer_joined"_s);
        QCOMPARE(rejoined->value(u"resumed"_s).toBool(), true);
        QCOMPARE(peerIdsOf(u"resume"_s).size(), 2);

        bob->send(offerTo(u"alice"_s));
        QCOMPARE(back->next()->value(u"from"_s).toString(), u"bob"_s);

        // Before kvd notices a drop, the token takes the id over; the old connection is closed.
        auto again = authenticated();
        QVERIFY(again);
        again->send(join(u"resume"_s, u"alice"_s, resumed->value(u"resumeToken"_s).toString()));
        QCOMPARE(again->next()->value(u"resumed"_s).toBool(), true);
        QVERIFY(back->waitClosed());
        QCOMPARE(back->closeCode(), 4409);
    }

    /// GET /v1/peers and the admin event stream show joins, ICE states and departures as they happen.
    void theAdminStreamFollowsThePeers()
    {
        WebSocketClient admin;
        QNetworkRequest request(QUrl(u"ws://127.0.0.1:%1/v1/admin/events"_s.arg(m_kvd.port())));
        request.setRawHeader("Authorization", "Bearer " + m_kvd.adminKey().toLatin1());
        QVERIFY(admin.open(request));
        QCOMPARE(typeOf(admin.next()), u"hello"_s);
        const auto peerEvent = [&admin](const QString& type, const QString& id) {
            return admin.nextWhere([&](const QJsonObject& m) {
                return m.value(u"type"_s).toString() == type
                    && m.value(u"data"_s).toObject().value(u"id"_s).toString() == id;
            });
        };

        auto carol = joined(u"watched"_s, u"carol"_s);
        QVERIFY(carol);
        const auto joinedEvent = peerEvent(u"peer.joined"_s, u"carol"_s);
        QVERIFY(joinedEvent);
        QCOMPARE(joinedEvent->value(u"data"_s).toObject().value(u"room"_s).toString(), u"watched"_s);
        QCOMPARE(peerIdsOf(u"watched"_s), QStringList { u"carol"_s });

        carol->send({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"checking"_s } });
        const auto state = peerEvent(u"peer.state"_s, u"carol"_s);
        QVERIFY(state);
        QCOMPARE(state->value(u"data"_s).toObject().value(u"iceState"_s).toString(), u"checking"_s);
        QCOMPARE(peersOf(u"watched"_s).first().value(u"iceState"_s).toString(), u"checking"_s);

        carol->socket().close();
        QVERIFY(peerEvent(u"peer.left"_s, u"carol"_s));
        QCOMPARE(peerIdsOf(u"watched"_s), QStringList());
    }

    void cleanupTestCase() { QCOMPARE(m_kvd.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestKvdSignal)
#include "tst_kvdsignal.moc"
