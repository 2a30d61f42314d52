#pragma once
// What browsers send through a signaling relay, for the suites that check kvd's relay: an SDP
// offer of one data channel as Chromium writes it, and ICE candidates of each kind.

#include <QString>

namespace signal_samples {

/// A data-channel offer, CRLF lines as browsers send them.
inline QString offerSdp()
{
    return QStringLiteral(
        "v=0\r\n"
        "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
        "s=-\r\n"
        "t=0 0\r\n"
        "a=group:BUNDLE 0\r\n"
        "a=extmap-allow-mixed\r\n"
        "a=msid-semantic: WMS\r\n"
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
        "c=IN IP4 0.0.0.0\r\n"
        "a=ice-ufrag:Xq1y\r\n"
        "a=ice-pwd:3vCqkyGYEWa1RuQ0zLnbV3Ue\r\n"
        "a=ice-options:trickle\r\n"
        "a=fingerprint:sha-256 "
        "5B:0C:54:3F:9A:1E:2D:7B:6C:5D:4E:3F:2A:1B:0C:9D:8E:7F:6A:5B:4C:3D:2E:1F:0A:9B:8C:7D:6E:5F:4A:3B\r\n"
        "a=setup:actpass\r\n"
        "a=mid:0\r\n"
        "a=sctp-port:5000\r\n"
        "a=max-message-size:262144\r\n");
}

/// The answer to it, with LF lines (also accepted).
inline QString answerSdp()
{
    return QStringLiteral("v=0\n"
                          "o=- 1946418475326424478 2 IN IP4 127.0.0.1\n"
                          "s=-\n"
                          "t=0 0\n"
                          "a=group:BUNDLE 0\n"
                          "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\n"
                          "c=IN IP4 0.0.0.0\n"
                          "a=ice-ufrag:Pq7z\n"
                          "a=ice-pwd:w2VbCq8yGYEWa1RuQ0zLnbV3\n"
                          "a=setup:active\n"
                          "a=mid:0\n"
                          "a=sctp-port:5000\n");
}

inline QString hostCandidate()
{
    return QStringLiteral("candidate:842163049 1 udp 2122260223 127.0.0.1 54321 typ host generation 0 ufrag Xq1y "
                          "network-id 1");
}

inline QString srflxCandidate()
{
    return QStringLiteral("candidate:3471623853 1 udp 1686052607 203.0.113.7 61000 typ srflx raddr 192.168.1.20 "
                          "rport 54321 generation 0");
}

inline QString mdnsCandidate()
{
    return QStringLiteral("candidate:1 1 UDP 2122252543 3f5b8a5e-1c1f-4b8a-9b57-3d2ef0f7e5a1.local 50000 typ host");
}

inline QString tcpCandidate()
{
    return QStringLiteral("candidate:1052210311 1 tcp 1518280447 192.168.1.20 9 typ host tcptype active generation 0");
}

inline QString ipv6Candidate()
{
    return QStringLiteral("candidate:2 1 udp 2122262783 2001:db8::1:7 50001 typ host");
}

} // namespace signal_samples
