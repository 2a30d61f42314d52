#pragma once
// SignalRelay is the rulebook of kvd's WebRTC signaling relay (DESIGN.md, "Signaling relay";
// docs/signaling.md): first-message authentication, rooms and peer ids bound to the API key that
// took them, offer/answer/candidate forwarding within a room with the sender set by the relay,
// ICE state reports, leave, per-connection rate and byte budgets, and resume tokens that let a
// peer reclaim its id within a grace period after its network dropped. It knows no sockets: a
// transport hands it each connection's text messages and a SignalLink to answer through, so the
// whole protocol is tested without a network.
//
// Thread-safe. It calls SignalLink and PeerRegistry under its own lock, so a link must only queue.

#include "model/Clock.h"
#include "model/Signaling.h"
#include "service/PeerRegistry.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

namespace kv::service {

class ApiKeyService;

/// One connection as the relay sees it: where its messages go. Implementations only queue.
class SignalLink
{
public:
    virtual ~SignalLink() = default;
    /// Queues a text message for the peer.
    virtual void send(const QByteArray& message) = 0;
    /// Closes the connection after the messages already queued, with a WebSocket close code
    /// and reason (at most 123 bytes of UTF-8).
    virtual void close(int code, const QString& reason) = 0;
};

class SignalRelay final
{
public:
    struct Options
    {
        model::SignalLimits limits;
        /// How long a new connection has to authenticate. The transport runs the timer and calls
        /// authDeadlinePassed(); the relay only knows it for its messages.
        std::chrono::milliseconds authTimeout { 5'000 };
        /// How long the id of a peer whose connection dropped stays reserved for its resume
        /// token; 0: released at once.
        std::chrono::milliseconds resumeGrace { 30'000 };
    };

    using ConnectionId = quint64;

    SignalRelay(ApiKeyService& keys, PeerRegistry& peers, const model::Clock& clock, Options options);
    Q_DISABLE_COPY_MOVE(SignalRelay)

    /// A new connection; nothing is sent until its first message.
    ConnectionId open(std::shared_ptr<SignalLink> link, const QString& remoteAddress);
    /// One text message from the connection.
    void receive(ConnectionId id, QByteArrayView message);
    /// A binary message, which the protocol has no use for (answered with an error).
    void receiveBinary(ConnectionId id, qsizetype bytes);
    /// The transport's auth timer fired: a connection that has not authenticated is closed.
    void authDeadlinePassed(ConnectionId id);
    /// The connection is gone (closed by either side, or dropped). A joined peer's record is
    /// removed at once and its id held for the resume grace period.
    void closed(ConnectionId id);

    [[nodiscard]] const Options& options() const { return m_options; }
    [[nodiscard]] int connectionCount() const;
    /// Peer ids held for a resume (expired ones are dropped as rooms are touched).
    [[nodiscard]] int heldCount() const;

private:
    struct Bucket
    {
        double tokens = 0;
        model::Timestamp updated = 0;
    };
    struct Connection
    {
        std::shared_ptr<SignalLink> link;
        QString remoteAddress;
        std::optional<QString> apiKeyId;
        QString apiKeyPrefix;
        QString room;
        QString peer;
        Bucket messages;
        Bucket bytes;
        qint64 messagesIn = 0;
        qint64 messagesOut = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        bool closing = false;
    };
    /// A peer id in a room: connected, or held for a resume after a drop.
    struct Member
    {
        ConnectionId connection = 0; ///< 0: held
        QString apiKeyId;
        QByteArray resumeToken;
        model::Timestamp heldUntil = 0;
    };
    struct Room
    {
        QString apiKeyId;
        QHash<QString, Member> members;
    };

    void handle(ConnectionId id, Connection& connection, const model::SignalMessage& message);
    void authenticate(ConnectionId id, const model::SignalMessage& message);
    void join(ConnectionId id, Connection& connection, const model::SignalMessage& message);
    void forward(Connection& connection, const model::SignalMessage& message);
    void leave(Connection& connection, const model::SignalMessage& message);
    /// Takes the connection's peer out of its room: held for a resume, or released.
    void detach(Connection& connection, bool hold, const QString& reason);

    void send(Connection& connection, const QJsonObject& message);
    void sendError(Connection& connection, const Error& error, const QString& ref = {});
    /// Sends the error, then closes with 4000 + its status.
    void closeWith(Connection& connection, const Error& error);
    /// Spends one message and `bytes` from the connection's budgets; false when one is empty.
    bool spend(Connection& connection, qsizetype bytes, model::Timestamp now);
    void countIn(Connection& connection, qsizetype bytes);
    void publishCounters(const Connection& connection);
    void dropExpired(Room& room, model::Timestamp now);
    void sweep(model::Timestamp now);
    QString freePeerId(const Room& room) const;

    ApiKeyService& m_keys;
    PeerRegistry& m_peers;
    const model::Clock& m_clock;
    const Options m_options;

    mutable std::mutex m_mutex;
    ConnectionId m_nextId = 1;
    QHash<ConnectionId, Connection> m_connections;
    QHash<QString, Room> m_rooms;
    model::Timestamp m_lastSweep = 0;
};

} // namespace kv::service
