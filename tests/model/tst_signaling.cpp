// The signaling relay's message rules (core/model/Signaling): every message type browsers send
// is read, and each rule refuses what breaks it with its code and its name in details.rule, so
// that docs/signaling.md's table of rules is the truth.

#include "ErrorCodePrinter.h"
#include "SignalSamples.h"
#include "model/Signaling.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using kv::model::SignalMessage;

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// Small limits, so that the size rules are reached with small messages.
kv::model::SignalLimits testLimits()
{
    kv::model::SignalLimits limits;
    limits.maxMessageBytes = 4096;
    limits.maxSdpBytes = 1024;
    limits.maxCandidateBytes = 300;
    return limits;
}

QJsonObject candidateMessage(const QString& candidate)
{
    return { { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s }, { u"candidate"_s, candidate },
        { u"sdpMid"_s, u"0"_s }, { u"sdpMLineIndex"_s, 0 } };
}

QJsonObject offerMessage(const QString& sdp)
{
    return { { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s }, { u"sdp"_s, sdp } };
}

QString withoutMedia()
{
    return u"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"_s;
}

} // namespace

Q_DECLARE_METATYPE(SignalMessage::Type)
Q_DECLARE_METATYPE(kv::ErrorCode)

class TestSignaling final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<SignalMessage::Type>("type");
        using T = SignalMessage::Type;
        QTest::newRow("auth") << json({ { u"type"_s, u"auth"_s }, { u"key"_s, u"kvd_abc"_s } }) << T::Auth;
        QTest::newRow("join, relay picks the id")
            << json({ { u"type"_s, u"join"_s }, { u"room"_s, u"lobby"_s } }) << T::Join;
        QTest::newRow("join with id and resume token") << json({ { u"type"_s, u"join"_s },
            { u"room"_s, u"Room.1_a-b"_s }, { u"peer"_s, u"alice"_s }, { u"resume"_s, u"AbC-_09"_s } })
                                                       << T::Join;
        QTest::newRow("join with null peer")
            << json({ { u"type"_s, u"join"_s }, { u"room"_s, u"r"_s }, { u"peer"_s, QJsonValue::Null } }) << T::Join;
        QTest::newRow("offer, CRLF") << json(offerMessage(signal_samples::offerSdp())) << T::Offer;
        QTest::newRow("answer, LF") << json(
            { { u"type"_s, u"answer"_s }, { u"to"_s, u"alice"_s }, { u"sdp"_s, signal_samples::answerSdp() } })
                                    << T::Answer;
        QTest::newRow("offer without final newline") << json(offerMessage(u"v=0\nm=audio 9 RTP/AVP 0"_s)) << T::Offer;
        QTest::newRow("host candidate") << json(candidateMessage(signal_samples::hostCandidate())) << T::Candidate;
        QTest::newRow("srflx candidate, raddr and rport")
            << json(candidateMessage(signal_samples::srflxCandidate())) << T::Candidate;
        QTest::newRow("mDNS host name") << json(candidateMessage(signal_samples::mdnsCandidate())) << T::Candidate;
        QTest::newRow("tcp candidate") << json(candidateMessage(signal_samples::tcpCandidate())) << T::Candidate;
        QTest::newRow("IPv6 candidate") << json(candidateMessage(signal_samples::ipv6Candidate())) << T::Candidate;
        QTest::newRow("IPv6 loopback") << json(candidateMessage(u"candidate:1 1 udp 1 ::1 9 typ host"_s))
                                       << T::Candidate;
        QTest::newRow("IPv4-mapped IPv6")
            << json(candidateMessage(u"candidate:1 1 udp 1 ::ffff:192.0.2.1 9 typ relay raddr 0.0.0.0 rport 0"_s))
            << T::Candidate;
        QTest::newRow("relay candidate with only rport")
            << json(candidateMessage(u"candidate:a+/9 2 UDP 41885439 198.51.100.4 3478 typ relay rport 9"_s))
            << T::Candidate;
        QTest::newRow("end of candidates")
            << json({ { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s }, { u"candidate"_s, QString() } })
            << T::Candidate;
        QTest::newRow("candidate with mid only, null index and ufrag") << json({ { u"type"_s, u"candidate"_s },
            { u"to"_s, u"bob"_s }, { u"candidate"_s, signal_samples::hostCandidate() }, { u"sdpMid"_s, u"0"_s },
            { u"sdpMLineIndex"_s, QJsonValue::Null }, { u"usernameFragment"_s, u"Xq1y"_s } })
                                                                       << T::Candidate;
        QTest::newRow("ice_state") << json({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"connected"_s } })
                                   << T::IceState;
        QTest::newRow("leave with ref") << json({ { u"type"_s, u"leave"_s }, { u"ref"_s, u"m-17"_s } }) << T::Leave;
    }

    void accepts()
    {
        QFETCH(QByteArray, message);
        QFETCH(SignalMessage::Type, type);
        const auto parsed = kv::model::parseSignalMessage(message, testLimits());
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
        QCOMPARE(parsed->type, type);
    }

    void readsTheFields()
    {
        const auto join = kv::model::parseSignalMessage(
            json({ { u"type"_s, u"join"_s }, { u"room"_s, u"r1"_s }, { u"peer"_s, u"alice"_s },
                { u"resume"_s, u"tok"_s }, { u"ref"_s, u"x"_s } }),
            testLimits());
        QVERIFY(join);
        QCOMPARE(join->room, u"r1"_s);
        QCOMPARE(join->peer, u"alice"_s);
        QCOMPARE(join->resume, u"tok"_s);
        QCOMPARE(join->ref, u"x"_s);

        const auto candidate
            = kv::model::parseSignalMessage(json(candidateMessage(signal_samples::hostCandidate())), testLimits());
        QVERIFY(candidate);
        QCOMPARE(candidate->to, u"bob"_s);
        QCOMPARE(candidate->candidate, signal_samples::hostCandidate());
        QCOMPARE(candidate->sdpMid, std::optional<QString>(u"0"_s));
        QCOMPARE(candidate->sdpMLineIndex, std::optional<int>(0));
        QVERIFY(!candidate->usernameFragment);

        const auto offer = kv::model::parseSignalMessage(json(offerMessage(signal_samples::offerSdp())), testLimits());
        QVERIFY(offer);
        QCOMPARE(offer->sdp, signal_samples::offerSdp());
        QCOMPARE(kv::model::signalTypeName(SignalMessage::Type::IceState), u"ice_state"_s);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<kv::ErrorCode>("code");
        QTest::addColumn<QString>("rule");
        using kv::ErrorCode;
        const QString host = signal_samples::hostCandidate();

        // The envelope
        QTest::newRow("not JSON") << QByteArray("{\"type\":") << ErrorCode::InvalidMessage << u"message.json"_s;
        QTest::newRow("an array") << QByteArray("[]") << ErrorCode::InvalidMessage << u"message.json"_s;
        QTest::newRow("a string") << QByteArray("\"auth\"") << ErrorCode::InvalidMessage << u"message.json"_s;
        QTest::newRow("too large") << QByteArray(5000, ' ') << ErrorCode::MessageTooLarge << u"message.size"_s;
        QTest::newRow("no type") << json({ { u"key"_s, u"k"_s } }) << ErrorCode::InvalidMessage << u"message.type"_s;
        QTest::newRow("numeric type") << json({ { u"type"_s, 1 } }) << ErrorCode::InvalidMessage << u"message.type"_s;
        QTest::newRow("unknown type") << json({ { u"type"_s, u"hello"_s } }) << ErrorCode::InvalidMessage
                                      << u"message.type"_s;
        QTest::newRow("type in capitals")
            << json({ { u"type"_s, u"LEAVE"_s } }) << ErrorCode::InvalidMessage << u"message.type"_s;
        QTest::newRow("unknown field") << json({ { u"type"_s, u"leave"_s }, { u"room"_s, u"r"_s } })
                                       << ErrorCode::InvalidMessage << u"message.fields"_s;
        QTest::newRow("numeric ref") << json({ { u"type"_s, u"leave"_s }, { u"ref"_s, 7 } })
                                     << ErrorCode::InvalidMessage << u"message.ref"_s;
        QTest::newRow("long ref") << json({ { u"type"_s, u"leave"_s }, { u"ref"_s, QString(65, u'r') } })
                                  << ErrorCode::InvalidMessage << u"message.ref"_s;

        // auth, join
        QTest::newRow("auth without key")
            << json({ { u"type"_s, u"auth"_s } }) << ErrorCode::InvalidMessage << u"auth.key"_s;
        QTest::newRow("auth with empty key") << json({ { u"type"_s, u"auth"_s }, { u"key"_s, QString() } })
                                             << ErrorCode::InvalidMessage << u"auth.key"_s;
        QTest::newRow("join without room")
            << json({ { u"type"_s, u"join"_s } }) << ErrorCode::InvalidMessage << u"join.room"_s;
        QTest::newRow("room with a space") << json({ { u"type"_s, u"join"_s }, { u"room"_s, u"a b"_s } })
                                           << ErrorCode::InvalidMessage << u"join.room"_s;
        QTest::newRow("room of 65 characters") << json({ { u"type"_s, u"join"_s }, { u"room"_s, QString(65, u'r') } })
                                               << ErrorCode::InvalidMessage << u"join.room"_s;
        QTest::newRow("peer id starting with -")
            << json({ { u"type"_s, u"join"_s }, { u"room"_s, u"r"_s }, { u"peer"_s, u"-x"_s } })
            << ErrorCode::InvalidMessage << u"join.peer"_s;
        QTest::newRow("numeric peer id") << json({ { u"type"_s, u"join"_s }, { u"room"_s, u"r"_s }, { u"peer"_s, 5 } })
                                         << ErrorCode::InvalidMessage << u"join.peer"_s;
        QTest::newRow("resume token with /")
            << json({ { u"type"_s, u"join"_s }, { u"room"_s, u"r"_s }, { u"resume"_s, u"a/b"_s } })
            << ErrorCode::InvalidMessage << u"join.resume"_s;

        // offer, answer, SDP
        QTest::newRow("offer without to")
            << json({ { u"type"_s, u"offer"_s }, { u"sdp"_s, signal_samples::offerSdp() } })
            << ErrorCode::InvalidMessage << u"offer.to"_s;
        QTest::newRow("offer to a bad id")
            << json({ { u"type"_s, u"offer"_s }, { u"to"_s, u"bo b"_s }, { u"sdp"_s, signal_samples::offerSdp() } })
            << ErrorCode::InvalidMessage << u"offer.to"_s;
        QTest::newRow("offer without sdp") << json({ { u"type"_s, u"offer"_s }, { u"to"_s, u"bob"_s } })
                                           << ErrorCode::InvalidMessage << u"offer.sdp"_s;
        QTest::newRow("answer with numeric sdp")
            << json({ { u"type"_s, u"answer"_s }, { u"to"_s, u"bob"_s }, { u"sdp"_s, 0 } }) << ErrorCode::InvalidMessage
            << u"answer.sdp"_s;
        QTest::newRow("empty sdp") << json(offerMessage(QString())) << ErrorCode::InvalidSdp << u"sdp.version"_s;
        QTest::newRow("v=1") << json(offerMessage(u"v=1\r\nm=audio 9 RTP/AVP 0\r\n"_s)) << ErrorCode::InvalidSdp
                             << u"sdp.version"_s;
        QTest::newRow("v=0 not first") << json(offerMessage(u"s=-\r\nv=0\r\nm=audio 9 RTP/AVP 0\r\n"_s))
                                       << ErrorCode::InvalidSdp << u"sdp.version"_s;
        QTest::newRow("no m= line") << json(offerMessage(withoutMedia())) << ErrorCode::InvalidSdp << u"sdp.media"_s;
        QTest::newRow("bare CR") << json(offerMessage(u"v=0\rm=audio 9 RTP/AVP 0\r\n"_s)) << ErrorCode::InvalidSdp
                                 << u"sdp.version"_s;
        QTest::newRow("bare CR inside") << json(offerMessage(u"v=0\r\ns=-\rt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"_s))
                                        << ErrorCode::InvalidSdp << u"sdp.lines"_s;
        QTest::newRow("a line without =") << json(offerMessage(u"v=0\r\nhello\r\nm=audio 9 RTP/AVP 0\r\n"_s))
                                          << ErrorCode::InvalidSdp << u"sdp.lines"_s;
        QTest::newRow("an empty line") << json(offerMessage(u"v=0\r\n\r\nm=audio 9 RTP/AVP 0\r\n"_s))
                                       << ErrorCode::InvalidSdp << u"sdp.lines"_s;
        QTest::newRow("an upper-case line type")
            << json(offerMessage(u"v=0\nM=audio 9 RTP/AVP 0\n"_s)) << ErrorCode::InvalidSdp << u"sdp.lines"_s;
        QTest::newRow("sdp over its limit")
            << json(offerMessage(u"v=0\r\nm=audio 9 RTP/AVP 0\r\na=x:"_s + QString(1100, u'x') + u"\r\n"_s))
            << ErrorCode::MessageTooLarge << u"sdp.size"_s;

        // candidate
        QTest::newRow("candidate missing") << json({ { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s } })
                                           << ErrorCode::InvalidMessage << u"candidate.candidate"_s;
        QTest::newRow("no sdpMid nor sdpMLineIndex")
            << json({ { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s }, { u"candidate"_s, host } })
            << ErrorCode::InvalidMessage << u"candidate.mid"_s;
        QTest::newRow("negative sdpMLineIndex") << json({ { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s },
            { u"candidate"_s, host }, { u"sdpMLineIndex"_s, -1 } })
                                                << ErrorCode::InvalidMessage << u"candidate.sdpMLineIndex"_s;
        QTest::newRow("fractional sdpMLineIndex") << json({ { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s },
            { u"candidate"_s, host }, { u"sdpMLineIndex"_s, 0.5 } })
                                                  << ErrorCode::InvalidMessage << u"candidate.sdpMLineIndex"_s;
        QTest::newRow("numeric sdpMid") << json(
            { { u"type"_s, u"candidate"_s }, { u"to"_s, u"bob"_s }, { u"candidate"_s, host }, { u"sdpMid"_s, 0 } })
                                        << ErrorCode::InvalidMessage << u"candidate.sdpMid"_s;
        QTest::newRow("a=candidate:") << json(candidateMessage(u"a="_s + host)) << ErrorCode::InvalidCandidate
                                      << u"candidate.prefix"_s;
        QTest::newRow("no candidate: prefix") << json(candidateMessage(u"842163049 1 udp 1 1.2.3.4 9 typ host"_s))
                                              << ErrorCode::InvalidCandidate << u"candidate.prefix"_s;
        QTest::newRow("two spaces") << json(candidateMessage(u"candidate:1 1  udp 1 1.2.3.4 9 typ host"_s))
                                    << ErrorCode::InvalidCandidate << u"candidate.syntax"_s;
        QTest::newRow("tab separated") << json(candidateMessage(u"candidate:1\t1 udp 1 1.2.3.4 9 typ host"_s))
                                       << ErrorCode::InvalidCandidate << u"candidate.syntax"_s;
        QTest::newRow("too few fields") << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 9"_s))
                                        << ErrorCode::InvalidCandidate << u"candidate.syntax"_s;
        QTest::newRow("foundation with #") << json(candidateMessage(u"candidate:a#b 1 udp 1 1.2.3.4 9 typ host"_s))
                                           << ErrorCode::InvalidCandidate << u"candidate.foundation"_s;
        QTest::newRow("foundation of 33")
            << json(candidateMessage(u"candidate:"_s + QString(33, u'f') + u" 1 udp 1 1.2.3.4 9 typ host"_s))
            << ErrorCode::InvalidCandidate << u"candidate.foundation"_s;
        QTest::newRow("component 0") << json(candidateMessage(u"candidate:1 0 udp 1 1.2.3.4 9 typ host"_s))
                                     << ErrorCode::InvalidCandidate << u"candidate.component"_s;
        QTest::newRow("component x") << json(candidateMessage(u"candidate:1 x udp 1 1.2.3.4 9 typ host"_s))
                                     << ErrorCode::InvalidCandidate << u"candidate.component"_s;
        QTest::newRow("transport u/p") << json(candidateMessage(u"candidate:1 1 u/p 1 1.2.3.4 9 typ host"_s))
                                       << ErrorCode::InvalidCandidate << u"candidate.transport"_s;
        QTest::newRow("priority over 2^32")
            << json(candidateMessage(u"candidate:1 1 udp 4294967296 1.2.3.4 9 typ host"_s))
            << ErrorCode::InvalidCandidate << u"candidate.priority"_s;
        QTest::newRow("negative priority") << json(candidateMessage(u"candidate:1 1 udp -1 1.2.3.4 9 typ host"_s))
                                           << ErrorCode::InvalidCandidate << u"candidate.priority"_s;
        QTest::newRow("IPv4 out of range") << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.256 9 typ host"_s))
                                           << ErrorCode::InvalidCandidate << u"candidate.address"_s;
        QTest::newRow("IPv6 with two ::") << json(candidateMessage(u"candidate:1 1 udp 1 2001::db8::1 9 typ host"_s))
                                          << ErrorCode::InvalidCandidate << u"candidate.address"_s;
        QTest::newRow("IPv6 of nine groups")
            << json(candidateMessage(u"candidate:1 1 udp 1 1:2:3:4:5:6:7:8:9 9 typ host"_s))
            << ErrorCode::InvalidCandidate << u"candidate.address"_s;
        QTest::newRow("host name label starting with -")
            << json(candidateMessage(u"candidate:1 1 udp 1 -x.local 9 typ host"_s)) << ErrorCode::InvalidCandidate
            << u"candidate.address"_s;
        QTest::newRow("port 65536") << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 65536 typ host"_s))
                                    << ErrorCode::InvalidCandidate << u"candidate.port"_s;
        QTest::newRow("type instead of typ") << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 9 type host"_s))
                                             << ErrorCode::InvalidCandidate << u"candidate.type"_s;
        QTest::newRow("raddr without address")
            << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 9 typ srflx raddr"_s)) << ErrorCode::InvalidCandidate
            << u"candidate.raddr"_s;
        QTest::newRow("rport not a port")
            << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 9 typ srflx raddr 1.2.3.4 rport x"_s))
            << ErrorCode::InvalidCandidate << u"candidate.rport"_s;
        QTest::newRow("extension without value")
            << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 9 typ host generation"_s))
            << ErrorCode::InvalidCandidate << u"candidate.extension"_s;
        QTest::newRow("candidate over its limit")
            << json(candidateMessage(u"candidate:1 1 udp 1 1.2.3.4 9 typ host x "_s + QString(300, u'x')))
            << ErrorCode::MessageTooLarge << u"candidate.size"_s;

        // ice_state
        QTest::newRow("unknown ICE state") << json({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"happy"_s } })
                                           << ErrorCode::InvalidMessage << u"ice_state.state"_s;
        QTest::newRow("ice_state without state")
            << json({ { u"type"_s, u"ice_state"_s } }) << ErrorCode::InvalidMessage << u"ice_state.state"_s;
    }

    void refuses()
    {
        QFETCH(QByteArray, message);
        QFETCH(kv::ErrorCode, code);
        QFETCH(QString, rule);
        const auto parsed = kv::model::parseSignalMessage(message, testLimits());
        QVERIFY2(!parsed, message.left(200).constData());
        QCOMPARE(parsed.error().code(), code);
        QCOMPARE(parsed.error().details().value(u"rule"_s).toString(), rule);
        QVERIFY(!parsed.error().message().isEmpty());
    }

    /// A refused message's ref comes back in the details, so a client knows which one it was.
    void refusalCarriesTheRef()
    {
        const auto parsed = kv::model::parseSignalMessage(
            json({ { u"type"_s, u"ice_state"_s }, { u"state"_s, u"x"_s }, { u"ref"_s, u"r-9"_s } }), testLimits());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().details().value(u"ref"_s).toString(), u"r-9"_s);
        QCOMPARE(parsed.error().details().value(u"rule"_s).toString(), u"ice_state.state"_s);
    }

    void ids_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("letters") << u"alice"_s << true;
        QTest::newRow("one digit") << u"7"_s << true;
        QTest::newRow("dots, dashes, underscores") << u"a.b-c_d"_s << true;
        QTest::newRow("64 characters") << QString(64, u'a') << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
        QTest::newRow("leading dot") << u".a"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("non-ASCII") << u"caf\u00e9"_s << false;
    }

    void ids()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        const auto checked = kv::model::validateSignalId(id, u"join.peer"_s);
        QCOMPARE(bool(checked), valid);
        if (!valid) {
            QCOMPARE(checked.error().details().value(u"rule"_s).toString(), u"join.peer"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestSignaling)
#include "tst_signaling.moc"
