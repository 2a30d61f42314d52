#pragma once
// The messages a WebRTC peer sends to kvd's signaling relay (/v1/signal, docs/signaling.md) and
// the rules every one of them must pass before the relay acts on it: a known type, the fields of
// that type and no others, sizes, the shape of an SDP and the RFC 8839 candidate grammar. Every
// refusal is a kv::Error whose details name the rule broken ("rule": "sdp.media").

#include "model/Result.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace kv::model {

/// The relay's limits per connection; kvd's config ([signal]) may change them.
struct SignalLimits
{
    /// A text message (one WebSocket message) at most this long is read; a longer one is refused
    /// with message_too_large and the connection stays open, up to 4 times this, where the relay
    /// closes the connection (1009).
    qsizetype maxMessageBytes = 64 * 1024;
    qsizetype maxSdpBytes = 48 * 1024;
    qsizetype maxCandidateBytes = 1024;
    /// Token buckets per connection: a sustained rate and a burst, for messages and for bytes.
    /// A connection that empties either is closed as abusive (rate_limited).
    double messagesPerSecond = 50;
    qint64 messageBurst = 200;
    double bytesPerSecond = 256 * 1024;
    qint64 byteBurst = 1024 * 1024;

    friend bool operator==(const SignalLimits&, const SignalLimits&) = default;
};

struct SignalMessage
{
    enum class Type { Auth, Join, Offer, Answer, Candidate, IceState, Leave };

    Type type = Type::Auth;
    /// Optional, chosen by the client; the relay echoes it in the details of an error.
    QString ref;
    /// auth: the API key.
    QString key;
    /// join: the room, the peer id asked for (empty: the relay assigns one) and a resume token.
    QString room;
    QString peer;
    QString resume;
    /// offer, answer, candidate: the peer id addressed in the same room.
    QString to;
    /// offer, answer.
    QString sdp;
    /// candidate: RTCIceCandidateInit; an empty candidate means "end of candidates".
    QString candidate;
    std::optional<QString> sdpMid;
    std::optional<int> sdpMLineIndex;
    std::optional<QString> usernameFragment;
    /// ice_state: an RTCIceConnectionState.
    QString iceState;
};

/// "auth", "join", "offer", "answer", "candidate", "ice_state", "leave".
QString signalTypeName(SignalMessage::Type type);

/// Parses and checks one text message from a peer.
Result<SignalMessage> parseSignalMessage(QByteArrayView text, const SignalLimits& limits);

/// Room and peer ids: [A-Za-z0-9][A-Za-z0-9._-]{0,63}. `rule` is named in the error.
Result<void> validateSignalId(const QString& id, const QString& rule);
/// An SDP body: "v=0" first, at least one "m=" line, lines "x=..." ended by CRLF or LF.
Result<void> validateSdp(const QString& sdp, const SignalLimits& limits);
/// An ICE candidate as RTCIceCandidate.candidate holds it: the RFC 8839 candidate attribute
/// ("candidate:..."), without "a=".
Result<void> validateCandidate(const QString& candidate, const SignalLimits& limits);

} // namespace kv::model
