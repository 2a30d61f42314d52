#include "client/EventFeed.h"

#include "model/Json.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>

namespace kv::client {

EventFeed::EventFeed(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &EventFeed::open);
    m_ping.setInterval(m_options.pingInterval);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        // No pong since the last ping: the connection is dead even if TCP has not noticed.
        if (m_pongPending) {
            m_socket.abort();
            return;
        }
        m_pongPending = true;
        m_socket.ping();
    });
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_pongPending = false; });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &EventFeed::onText);
    // A connection that ends and one that never opened both end in UnconnectedState.
    connect(&m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState) {
            onClosed();
        }
    });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        if (m_options.trustedCertificates.contains(m_socket.sslConfiguration().peerCertificate())) {
            m_socket.ignoreSslErrors(errors);
        }
    });
}

EventFeed::~EventFeed()
{
    // Quietly: no state change is reported from a feed that is going away.
    m_reconnect.stop();
    m_ping.stop();
    m_socket.disconnect(this);
    m_socket.abort();
}

void EventFeed::start()
{
    if (m_state != FeedState::Off) {
        return;
    }
    m_failures = 0;
    open();
}

void EventFeed::stop()
{
    if (m_state == FeedState::Off) {
        return;
    }
    setState(FeedState::Off);
    m_reconnect.stop();
    m_ping.stop();
    m_socket.close();
}

void EventFeed::open()
{
    setState(m_failures == 0 && m_lastSequence < 0 ? FeedState::Connecting : FeedState::Reconnecting);
    QUrl url = m_options.baseUrl;
    url.setScheme(url.scheme() == QLatin1StringView("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + QStringLiteral("/v1/admin/events"));
    if (!m_stream.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("stream"), m_stream);
        query.addQueryItem(QStringLiteral("after"), QString::number(m_lastSequence));
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_options.apiKey.toUtf8());
    m_pongPending = false;
    m_socket.open(request);
}

void EventFeed::onText(const QString& text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(QStringLiteral("type")).toString() == QLatin1StringView("hello")) {
        const QString stream = message.value(QStringLiteral("stream")).toString();
        const bool resumed = message.value(QStringLiteral("resumed")).toBool(false);
        if (!resumed) {
            // Nothing is replayed: continue from kvd's present.
            if (!m_stream.isEmpty()) {
                Q_EMIT eventsMissed();
            }
            m_lastSequence = message.value(QStringLiteral("seq")).toInteger();
        }
        m_stream = stream;
        m_failures = 0;
        m_ping.start();
        setState(FeedState::Live);
        return;
    }
    auto event = model::json::toServiceEvent(message);
    // A replayed event this feed delivered already is dropped; one it cannot read is skipped
    // rather than ending the feed (a newer kvd may add event types).
    if (!event || event->sequence <= m_lastSequence) {
        return;
    }
    m_lastSequence = event->sequence;
    Q_EMIT eventReceived(*event);
}

void EventFeed::onClosed()
{
    m_ping.stop();
    if (m_state == FeedState::Off || m_reconnect.isActive()) {
        return;
    }
    ++m_failures;
    setState(FeedState::Reconnecting);
    // Exponential backoff with full jitter above a floor, so that many consoles do not all
    // come back at the same instant after a kvd restart.
    const qint64 floor = m_options.minBackoff.count();
    const qint64 ceiling = std::min<qint64>(m_options.maxBackoff.count(), floor << std::min(m_failures, 16));
    m_reconnect.start(static_cast<int>(floor + QRandomGenerator::global()->bounded(std::max<qint64>(ceiling, 1))));
}

void EventFeed::setState(FeedState state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace kv::client
