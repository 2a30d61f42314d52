#include "service/SignalRelay.h"

#include "model/Json.h"
#include "service/ApiKeyService.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

#include <algorithm>

namespace kv::service {

namespace {

using model::SignalMessage;

/// Resume tokens and assigned ids come from libsodium's CSPRNG: a token is a bearer secret.
QByteArray randomBytes(std::size_t count)
{
    QByteArray bytes(static_cast<qsizetype>(count), Qt::Uninitialized);
    randombytes_buf(bytes.data(), count);
    return bytes;
}

bool tokensEqual(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), static_cast<std::size_t>(a.size())) == 0;
}

/// "code: message", cut to the 123 bytes of UTF-8 a close frame's reason may hold.
QString closeReason(const Error& error)
{
    QString reason = error.codeName() + QStringLiteral(": ") + error.message();
    while (reason.toUtf8().size() > 123) {
        reason.chop(reason.size() > 1 && reason.at(reason.size() - 1).isLowSurrogate() ? 2 : 1);
    }
    return reason;
}

} // namespace

SignalRelay::SignalRelay(ApiKeyService& keys, PeerRegistry& peers, const model::Clock& clock, Options options)
    : m_keys(keys)
    , m_peers(peers)
    , m_clock(clock)
    , m_options(std::move(options))
{ }

SignalRelay::ConnectionId SignalRelay::open(std::shared_ptr<SignalLink> link, const QString& remoteAddress)
{
    const model::Timestamp now = m_clock.now();
    const std::lock_guard lock(m_mutex);
    const ConnectionId id = m_nextId++;
    Connection connection;
    connection.link = std::move(link);
    connection.remoteAddress = remoteAddress;
    connection.messages = Bucket { static_cast<double>(m_options.limits.messageBurst), now };
    connection.bytes = Bucket { static_cast<double>(m_options.limits.byteBurst), now };
    m_connections.insert(id, std::move(connection));
    return id;
}

void SignalRelay::receive(ConnectionId id, QByteArrayView message)
{
    const model::Timestamp now = m_clock.now();
    bool authenticated = false;
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_connections.find(id);
        if (it == m_connections.end() || it->closing) {
            return;
        }
        countIn(*it, message.size());
        if (!spend(*it, message.size(), now)) {
            return;
        }
        authenticated = it->apiKeyId.has_value();
    }
    // Parsing and the key lookup (which may read the store) happen outside the lock.
    auto parsed = model::parseSignalMessage(message, m_options.limits);
    if (!authenticated) {
        if (parsed && parsed->type == SignalMessage::Type::Auth) {
            authenticate(id, *parsed);
            return;
        }
        const std::lock_guard lock(m_mutex);
        const auto it = m_connections.find(id);
        if (it != m_connections.end() && !it->closing) {
            closeWith(*it,
                Error(ErrorCode::Unauthorized,
                    QStringLiteral("the first message must authenticate: {\"type\":\"auth\",\"key\":\"kvd_…\"}%1")
                        .arg(parsed ? QString() : QStringLiteral(" (%1)").arg(parsed.error().message()))));
        }
        return;
    }
    const std::lock_guard lock(m_mutex);
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->closing) {
        return;
    }
    if (!parsed) {
        sendError(*it, parsed.error());
        return;
    }
    handle(id, *it, *parsed);
}

void SignalRelay::receiveBinary(ConnectionId id, qsizetype bytes)
{
    const model::Timestamp now = m_clock.now();
    const std::lock_guard lock(m_mutex);
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->closing) {
        return;
    }
    countIn(*it, bytes);
    if (!spend(*it, bytes, now)) {
        return;
    }
    const Error error(ErrorCode::InvalidMessage, QStringLiteral("messages are JSON text; a binary message is not read"),
        QJsonObject { { QStringLiteral("rule"), QStringLiteral("message.json") } });
    if (!it->apiKeyId) {
        closeWith(*it, Error(ErrorCode::Unauthorized, QStringLiteral("the first message must authenticate, as text")));
        return;
    }
    sendError(*it, error);
}

void SignalRelay::authDeadlinePassed(ConnectionId id)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->closing || it->apiKeyId) {
        return;
    }
    closeWith(*it,
        Error(ErrorCode::AuthTimeout,
            QStringLiteral("no auth message within %1 ms of connecting").arg(m_options.authTimeout.count())));
}

void SignalRelay::closed(ConnectionId id)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_connections.find(id);
    if (it == m_connections.end()) {
        return;
    }
    if (!it->peer.isEmpty()) {
        detach(*it, true, QStringLiteral("disconnected"));
    }
    m_connections.erase(it);
}

int SignalRelay::connectionCount() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_connections.size());
}

int SignalRelay::heldCount() const
{
    const std::lock_guard lock(m_mutex);
    int held = 0;
    for (const Room& room : m_rooms) {
        held += static_cast<int>(
            std::count_if(room.members.begin(), room.members.end(), [](const Member& m) { return m.connection == 0; }));
    }
    return held;
}

void SignalRelay::handle(ConnectionId id, Connection& connection, const SignalMessage& message)
{
    switch (message.type) {
    case SignalMessage::Type::Auth:
        sendError(connection,
            Error(ErrorCode::InvalidMessage, QStringLiteral("this connection has already authenticated"),
                QJsonObject { { QStringLiteral("rule"), QStringLiteral("auth.once") } }),
            message.ref);
        return;
    case SignalMessage::Type::Join:
        join(id, connection, message);
        return;
    case SignalMessage::Type::Offer:
    case SignalMessage::Type::Answer:
    case SignalMessage::Type::Candidate:
        forward(connection, message);
        return;
    case SignalMessage::Type::IceState:
        if (connection.peer.isEmpty()) {
            sendError(connection,
                Error(ErrorCode::NotJoined, QStringLiteral("join a room before reporting an ICE state")), message.ref);
            return;
        }
        m_peers.update(
            connection.room, connection.peer, [&message](model::Peer& peer) { peer.iceState = message.iceState; });
        return;
    case SignalMessage::Type::Leave:
        leave(connection, message);
        return;
    }
}

void SignalRelay::authenticate(ConnectionId id, const SignalMessage& message)
{
    auto key = m_keys.authenticate(message.key);
    const Result<void> allowed = key ? ApiKeyService::authorize(*key, model::Scope::Signal) : Result<void>(key.error());
    const std::lock_guard lock(m_mutex);
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->closing) {
        return;
    }
    if (!allowed) {
        closeWith(*it, allowed.error());
        return;
    }
    it->apiKeyId = key->id;
    it->apiKeyPrefix = key->prefix;
    const model::SignalLimits& limits = m_options.limits;
    send(*it,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("authenticated") },
            { QStringLiteral("apiKeyId"), key->id },
            { QStringLiteral("limits"),
                QJsonObject { { QStringLiteral("maxMessageBytes"), limits.maxMessageBytes },
                    { QStringLiteral("maxSdpBytes"), limits.maxSdpBytes },
                    { QStringLiteral("maxCandidateBytes"), limits.maxCandidateBytes },
                    { QStringLiteral("messagesPerSecond"), limits.messagesPerSecond },
                    { QStringLiteral("messageBurst"), limits.messageBurst },
                    { QStringLiteral("bytesPerSecond"), limits.bytesPerSecond },
                    { QStringLiteral("byteBurst"), limits.byteBurst },
                    { QStringLiteral("resumeGraceSeconds"),
                        static_cast<double>(m_options.resumeGrace.count()) / 1000.0 } } } });
}

void SignalRelay::join(ConnectionId id, Connection& connection, const SignalMessage& message)
{
    if (!connection.peer.isEmpty()) {
        sendError(connection,
            Error(ErrorCode::AlreadyJoined,
                QStringLiteral("this connection is peer %1 in room %2; leave before joining again")
                    .arg(connection.peer, connection.room)),
            message.ref);
        return;
    }
    const model::Timestamp now = m_clock.now();
    sweep(now);
    const QString& keyId = *connection.apiKeyId;
    if (const auto existing = m_rooms.find(message.room); existing != m_rooms.end()) {
        dropExpired(*existing, now);
        if (existing->members.isEmpty()) {
            m_rooms.erase(existing);
        } else if (existing->apiKeyId != keyId) {
            // A room is one key's while it has peers: another key cannot listen in or take ids.
            sendError(connection,
                Error(ErrorCode::RoomTaken,
                    QStringLiteral("the room %1 is in use by another API key").arg(message.room),
                    QJsonObject { { QStringLiteral("room"), message.room } }),
                message.ref);
            return;
        }
    }
    Room& room = m_rooms[message.room];
    room.apiKeyId = keyId;
    const QString peerId = message.peer.isEmpty() ? freePeerId(room) : message.peer;
    bool resumed = false;
    if (const auto taken = room.members.find(peerId); taken != room.members.end()) {
        const QJsonObject details { { QStringLiteral("room"), message.room }, { QStringLiteral("peer"), peerId } };
        if (message.resume.isEmpty()) {
            sendError(connection,
                Error(ErrorCode::PeerIdTaken,
                    QStringLiteral("the peer id %1 is taken in room %2; a peer that lost its connection reclaims its "
                                   "id by joining with its resume token")
                        .arg(peerId, message.room),
                    details),
                message.ref);
            return;
        }
        const QByteArray offered = QByteArray::fromBase64(
            message.resume.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (!tokensEqual(offered, taken->resumeToken)) {
            sendError(connection,
                Error(ErrorCode::InvalidResumeToken,
                    QStringLiteral("the resume token is not the one peer %1 was given").arg(peerId), details),
                message.ref);
            return;
        }
        // The old connection may still look open (its drop not noticed yet): the token wins.
        if (taken->connection != 0) {
            if (const auto old = m_connections.find(taken->connection); old != m_connections.end()) {
                m_peers.remove(old->room, old->peer);
                old->room.clear();
                old->peer.clear();
                closeWith(*old,
                    Error(ErrorCode::PeerIdTaken, QStringLiteral("peer %1 resumed on another connection").arg(peerId),
                        details));
            }
        }
        resumed = true;
    }
    const QByteArray token = randomBytes(24);
    room.members.insert(peerId, Member { id, keyId, token, 0 });
    connection.room = message.room;
    connection.peer = peerId;
    m_peers.add(model::Peer { peerId, message.room, keyId, connection.remoteAddress, now, QStringLiteral("new"),
        connection.messagesIn, connection.messagesOut, connection.bytesIn, connection.bytesOut });

    QStringList others;
    for (auto member = room.members.cbegin(); member != room.members.cend(); ++member) {
        if (member.key() != peerId && member->connection != 0) {
            others.append(member.key());
        }
    }
    others.sort();
    send(connection,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("joined") }, { QStringLiteral("room"), message.room },
            { QStringLiteral("peer"), peerId },
            { QStringLiteral("resumeToken"),
                QString::fromLatin1(token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) },
            { QStringLiteral("resumed"), resumed }, { QStringLiteral("peers"), QJsonArray::fromStringList(others) } });
    const QJsonObject notice { { QStringLiteral("type"), QStringLiteral("peer_joined") },
        { QStringLiteral("peer"), peerId }, { QStringLiteral("resumed"), resumed } };
    for (const QString& other : std::as_const(others)) {
        if (const auto target = m_connections.find(room.members.value(other).connection);
            target != m_connections.end()) {
            send(*target, notice);
        }
    }
}

void SignalRelay::forward(Connection& connection, const SignalMessage& message)
{
    const QString type = model::signalTypeName(message.type);
    if (connection.peer.isEmpty()) {
        sendError(connection,
            Error(ErrorCode::NotJoined, QStringLiteral("join a room before sending %1 messages").arg(type)),
            message.ref);
        return;
    }
    if (message.to == connection.peer) {
        sendError(connection,
            Error(ErrorCode::InvalidMessage, QStringLiteral("a peer cannot send %1 messages to itself").arg(type),
                QJsonObject { { QStringLiteral("rule"), QString(type + QStringLiteral(".to")) } }),
            message.ref);
        return;
    }
    const auto room = m_rooms.constFind(connection.room);
    const auto member
        = room == m_rooms.cend() ? QHash<QString, Member>::const_iterator() : room->members.constFind(message.to);
    const bool connected = room != m_rooms.cend() && member != room->members.cend() && member->connection != 0;
    const auto target = connected ? m_connections.find(member->connection) : m_connections.end();
    if (target == m_connections.end()) {
        // Never dropped in silence: the sender learns, and may wait for the peer's (re)join.
        sendError(connection,
            Error(ErrorCode::PeerNotFound,
                QStringLiteral("no peer %1 is connected in room %2").arg(message.to, connection.room),
                QJsonObject { { QStringLiteral("peer"), message.to }, { QStringLiteral("room"), connection.room } }),
            message.ref);
        return;
    }
    QJsonObject out { { QStringLiteral("type"), type }, { QStringLiteral("from"), connection.peer } };
    if (message.type == SignalMessage::Type::Candidate) {
        out.insert(QStringLiteral("candidate"), message.candidate);
        if (message.sdpMid) {
            out.insert(QStringLiteral("sdpMid"), *message.sdpMid);
        }
        if (message.sdpMLineIndex) {
            out.insert(QStringLiteral("sdpMLineIndex"), *message.sdpMLineIndex);
        }
        if (message.usernameFragment) {
            out.insert(QStringLiteral("usernameFragment"), *message.usernameFragment);
        }
    } else {
        out.insert(QStringLiteral("sdp"), message.sdp);
    }
    send(*target, out);
}

void SignalRelay::leave(Connection& connection, const SignalMessage& message)
{
    if (connection.peer.isEmpty()) {
        sendError(
            connection, Error(ErrorCode::NotJoined, QStringLiteral("this connection is in no room")), message.ref);
        return;
    }
    const QString room = connection.room;
    const QString peer = connection.peer;
    detach(connection, false, QStringLiteral("left"));
    send(connection,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("left") }, { QStringLiteral("room"), room },
            { QStringLiteral("peer"), peer } });
}

void SignalRelay::detach(Connection& connection, bool hold, const QString& reason)
{
    const auto roomIt = m_rooms.find(connection.room);
    m_peers.remove(connection.room, connection.peer);
    if (roomIt != m_rooms.end()) {
        Room& room = *roomIt;
        if (hold && m_options.resumeGrace.count() > 0) {
            Member& member = room.members[connection.peer];
            member.connection = 0;
            member.heldUntil = m_clock.now() + m_options.resumeGrace.count();
        } else {
            room.members.remove(connection.peer);
        }
        const QJsonObject notice { { QStringLiteral("type"), QStringLiteral("peer_left") },
            { QStringLiteral("peer"), connection.peer }, { QStringLiteral("reason"), reason } };
        for (const Member& member : std::as_const(room.members)) {
            if (const auto target = m_connections.find(member.connection); target != m_connections.end()) {
                send(*target, notice);
            }
        }
        if (room.members.isEmpty()) {
            m_rooms.erase(roomIt);
        }
    }
    connection.room.clear();
    connection.peer.clear();
}

void SignalRelay::send(Connection& connection, const QJsonObject& message)
{
    const QByteArray bytes = QJsonDocument(message).toJson(QJsonDocument::Compact);
    connection.link->send(bytes);
    ++connection.messagesOut;
    connection.bytesOut += bytes.size();
    publishCounters(connection);
}

void SignalRelay::sendError(Connection& connection, const Error& error, const QString& ref)
{
    QJsonObject details = error.details();
    if (!ref.isEmpty()) {
        details.insert(QStringLiteral("ref"), ref);
    }
    QJsonObject message { { QStringLiteral("type"), QStringLiteral("error") },
        { QStringLiteral("code"), error.codeName() }, { QStringLiteral("message"), error.message() } };
    if (!details.isEmpty()) {
        message.insert(QStringLiteral("details"), details);
    }
    send(connection, message);
}

void SignalRelay::closeWith(Connection& connection, const Error& error)
{
    sendError(connection, error);
    connection.closing = true;
    connection.link->close(4000 + error.httpStatus(), closeReason(error));
}

bool SignalRelay::spend(Connection& connection, qsizetype bytes, model::Timestamp now)
{
    const model::SignalLimits& limits = m_options.limits;
    const auto refill = [now](Bucket& bucket, double perSecond, qint64 burst) {
        if (perSecond > 0) {
            const double elapsed = static_cast<double>(std::max<model::Timestamp>(0, now - bucket.updated)) / 1000.0;
            bucket.tokens = std::min(static_cast<double>(burst), bucket.tokens + elapsed * perSecond);
        }
        bucket.updated = now;
    };
    refill(connection.messages, limits.messagesPerSecond, limits.messageBurst);
    refill(connection.bytes, limits.bytesPerSecond, limits.byteBurst);
    const bool messagesLeft = limits.messagesPerSecond <= 0 || connection.messages.tokens >= 1;
    const bool bytesLeft = limits.bytesPerSecond <= 0 || connection.bytes.tokens >= static_cast<double>(bytes);
    if (!messagesLeft || !bytesLeft) {
        closeWith(connection,
            Error(ErrorCode::RateLimited,
                messagesLeft ? QStringLiteral("this connection sent more than %1 bytes per second (burst %2)")
                                   .arg(limits.bytesPerSecond)
                                   .arg(limits.byteBurst)
                             : QStringLiteral("this connection sent more than %1 messages per second (burst %2)")
                                   .arg(limits.messagesPerSecond)
                                   .arg(limits.messageBurst),
                QJsonObject { { QStringLiteral("limit"),
                    messagesLeft ? QStringLiteral("bytes") : QStringLiteral("messages") } }));
        return false;
    }
    connection.messages.tokens -= 1;
    connection.bytes.tokens -= static_cast<double>(bytes);
    return true;
}

void SignalRelay::countIn(Connection& connection, qsizetype bytes)
{
    ++connection.messagesIn;
    connection.bytesIn += bytes;
    publishCounters(connection);
}

void SignalRelay::publishCounters(const Connection& connection)
{
    if (connection.peer.isEmpty()) {
        return;
    }
    m_peers.update(connection.room, connection.peer, [&connection](model::Peer& peer) {
        peer.messagesIn = connection.messagesIn;
        peer.messagesOut = connection.messagesOut;
        peer.bytesIn = connection.bytesIn;
        peer.bytesOut = connection.bytesOut;
    });
}

void SignalRelay::dropExpired(Room& room, model::Timestamp now)
{
    room.members.removeIf([now](const QHash<QString, Member>::iterator& member) {
        return member->connection == 0 && member->heldUntil <= now;
    });
}

void SignalRelay::sweep(model::Timestamp now)
{
    // Rooms nobody touches again still let go of their held ids, at most once a second.
    if (now - m_lastSweep < 1000) {
        return;
    }
    m_lastSweep = now;
    for (auto room = m_rooms.begin(); room != m_rooms.end();) {
        dropExpired(*room, now);
        room = room->members.isEmpty() ? m_rooms.erase(room) : std::next(room);
    }
}

QString SignalRelay::freePeerId(const Room& room) const
{
    QString id;
    do {
        id = QStringLiteral("peer-") + QString::fromLatin1(randomBytes(6).toHex());
    } while (room.members.contains(id));
    return id;
}

} // namespace kv::service
