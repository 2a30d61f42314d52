#pragma once
// WebSocket clients for the suites that test kvd's /v1/signal and /v1/admin/events from outside.
// WebSocketClient wraps QWebSocket: it keeps every text message as JSON and waits for the next
// one, or for the close, through QSignalSpy (never a sleep). RawWebSocket speaks the protocol by
// hand over a QTcpSocket so that a test can be the client QWebSocket never is: one that sends
// its frames and then falls silent, answering no ping.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <functional>
#include <optional>

class WebSocketClient final
{
public:
    WebSocketClient()
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
            [this](const QString& text) { m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] {
            m_closed = true;
            m_closeCode = static_cast<int>(m_socket.closeCode());
            m_closeReason = m_socket.closeReason();
        });
    }
    Q_DISABLE_COPY_MOVE(WebSocketClient)

    /// Connects; false when the handshake failed (refused upgrade, no server) or timed out.
    bool open(const QNetworkRequest& request, int timeoutMs = 10000)
    {
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        // A refused upgrade is an error without a disconnect (QWebSocket::errorOccurred is 6.5).
        QSignalSpy failed(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
        m_socket.open(request);
        for (int waited = 0; connected.isEmpty() && failed.isEmpty() && waited < timeoutMs; waited += 50) {
            connected.wait(50);
        }
        return !connected.isEmpty() && m_socket.state() == QAbstractSocket::ConnectedState;
    }
    bool open(const QUrl& url, int timeoutMs = 10000) { return open(QNetworkRequest(url), timeoutMs); }

    void send(const QJsonObject& message) { m_socket.sendTextMessage(QString::fromUtf8(json(message))); }
    void sendText(const QString& text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray& bytes) { m_socket.sendBinaryMessage(bytes); }

    /// The next message not yet taken; nullopt when none comes in time.
    std::optional<QJsonObject> next(int timeoutMs = 10000)
    {
        while (m_read >= m_messages.size()) {
            QSignalSpy received(&m_socket, &QWebSocket::textMessageReceived);
            if (m_closed || !received.wait(timeoutMs)) {
                if (m_read < m_messages.size()) {
                    break;
                }
                return std::nullopt;
            }
        }
        return m_messages.at(m_read++);
    }

    /// Takes messages until one matches; nullopt when none does in time.
    std::optional<QJsonObject> nextWhere(const std::function<bool(const QJsonObject&)>& match, int timeoutMs = 10000)
    {
        while (auto message = next(timeoutMs)) {
            if (match(*message)) {
                return message;
            }
        }
        return std::nullopt;
    }
    std::optional<QJsonObject> nextOfType(const QString& type, int timeoutMs = 10000)
    {
        return nextWhere(
            [&type](const QJsonObject& m) { return m.value(QStringLiteral("type")).toString() == type; }, timeoutMs);
    }

    /// Waits until the server has closed the connection.
    bool waitClosed(int timeoutMs = 10000)
    {
        if (m_closed) {
            return true;
        }
        QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
        return disconnected.wait(timeoutMs) || m_closed;
    }

    [[nodiscard]] QString errorString() const { return m_socket.errorString(); }
    [[nodiscard]] bool isOpen() const { return !m_closed && m_socket.state() == QAbstractSocket::ConnectedState; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }
    [[nodiscard]] const QString& closeReason() const { return m_closeReason; }
    /// Messages received and not yet taken.
    [[nodiscard]] qsizetype unread() const { return m_messages.size() - m_read; }
    QWebSocket& socket() { return m_socket; }

    static QByteArray json(const QJsonObject& message) { return QJsonDocument(message).toJson(QJsonDocument::Compact); }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    qsizetype m_read = 0;
    bool m_closed = false;
    int m_closeCode = 0;
    QString m_closeReason;
};

/// A WebSocket client written by hand: it sends masked text frames and never answers a ping.
class RawWebSocket final
{
public:
    /// Sends the upgrade request for `path` and waits for the 101.
    bool open(quint16 port, const QByteArray& path, int timeoutMs = 10000)
    {
        QSignalSpy connected(&m_socket, &QTcpSocket::connected);
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!connected.wait(timeoutMs)) {
            return false;
        }
        m_socket.write("GET " + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        while (!m_received.contains("\r\n\r\n")) {
            if (!readMore(timeoutMs)) {
                return false;
            }
        }
        const qsizetype end = m_received.indexOf("\r\n\r\n") + 4;
        const bool switched = m_received.startsWith("HTTP/1.1 101");
        m_received.remove(0, end);
        return switched;
    }

    void sendText(const QByteArray& payload)
    {
        QByteArray frame;
        frame.append(char(0x81)); // FIN, text
        const auto length = static_cast<quint64>(payload.size());
        if (length < 126) {
            frame.append(char(0x80 | length));
        } else if (length < 65536) {
            frame.append(char(0x80 | 126));
            frame.append(char((length >> 8) & 0xff));
            frame.append(char(length & 0xff));
        } else {
            frame.append(char(0x80 | 127));
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.append(char((length >> shift) & 0xff));
            }
        }
        const char mask[4] = { 0x12, 0x34, 0x56, 0x78 };
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i) {
            frame.append(char(payload[i] ^ mask[i % 4]));
        }
        m_socket.write(frame);
    }
    void send(const QJsonObject& message) { sendText(WebSocketClient::json(message)); }

    /// Waits until the server has cut the connection; everything it sent stays readable.
    bool waitDisconnected(int timeoutMs)
    {
        if (m_socket.state() == QAbstractSocket::UnconnectedState) {
            return true;
        }
        QSignalSpy disconnected(&m_socket, &QTcpSocket::disconnected);
        return disconnected.wait(timeoutMs);
    }

    /// The text messages the server sent so far (pings and other control frames skipped).
    QList<QJsonObject> textMessages()
    {
        QList<QJsonObject> messages;
        for (const Frame& frame : frames()) {
            if (frame.opcode == 0x1) {
                messages.append(QJsonDocument::fromJson(frame.payload).object());
            }
        }
        return messages;
    }

    /// The code and reason of the server's close frame, once it has come.
    std::optional<std::pair<int, QByteArray>> closeFrame()
    {
        for (const Frame& frame : frames()) {
            if (frame.opcode == 0x8 && frame.payload.size() >= 2) {
                const int code = (static_cast<unsigned char>(frame.payload[0]) << 8)
                    | static_cast<unsigned char>(frame.payload[1]);
                return std::pair(code, frame.payload.mid(2));
            }
        }
        return std::nullopt;
    }

    QTcpSocket& socket() { return m_socket; }

private:
    struct Frame
    {
        int opcode = 0;
        QByteArray payload;
    };

    /// Every whole frame received so far.
    QList<Frame> frames()
    {
        m_received += m_socket.readAll();
        QList<Frame> frames;
        qsizetype at = 0;
        while (at + 2 <= m_received.size()) {
            const int opcode = static_cast<unsigned char>(m_received[at]) & 0x0f;
            quint64 length = static_cast<unsigned char>(m_received[at + 1]) & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                length = (quint64(static_cast<unsigned char>(m_received[at + 2])) << 8)
                    | static_cast<unsigned char>(m_received[at + 3]);
                header = 4;
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; ++i) {
                    length = (length << 8) | static_cast<unsigned char>(m_received[at + 2 + i]);
                }
                header = 10;
            }
            if (at + header + static_cast<qsizetype>(length) > m_received.size()) {
                break;
            }
            frames.append(Frame { opcode, m_received.mid(at + header, static_cast<qsizetype>(length)) });
            at += header + static_cast<qsizetype>(length);
        }
        return frames;
    }

    bool readMore(int timeoutMs)
    {
        QSignalSpy ready(&m_socket, &QTcpSocket::readyRead);
        if (m_socket.bytesAvailable() == 0 && !ready.wait(timeoutMs)) {
            return false;
        }
        m_received += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};
