#pragma once
// EventFeed is RemoteClient's live event feed: kvd's /v1/admin/events over a QWebSocket. It
// reconnects by itself with growing, jittered pauses, resumes after the last event it delivered
// (?stream=&after=) so nothing is seen twice, and says when kvd could not replay the gap (a
// restarted kvd has a new stream) so that views reload. It pings kvd and drops a connection that
// stops answering, since a vanished network otherwise goes unnoticed.

#include "client/Client.h"

#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>

namespace kv::client {

class EventFeed final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl baseUrl;
        QString apiKey;
        QList<QSslCertificate> trustedCertificates;
        std::chrono::milliseconds minBackoff { 250 };
        std::chrono::milliseconds maxBackoff { 15'000 };
        std::chrono::milliseconds pingInterval { 10'000 };
    };

    explicit EventFeed(Options options, QObject* parent = nullptr);
    ~EventFeed() override;
    Q_DISABLE_COPY_MOVE(EventFeed)

    void start();
    void stop();
    [[nodiscard]] FeedState state() const { return m_state; }

Q_SIGNALS:
    void eventReceived(const kv::model::ServiceEvent& event);
    void eventsMissed();
    void stateChanged(kv::client::FeedState state);

private:
    void open();
    void onText(const QString& text);
    void onClosed();
    void setState(FeedState state);

    Options m_options;
    QWebSocket m_socket;
    QTimer m_reconnect;
    QTimer m_ping;
    bool m_pongPending = false;
    FeedState m_state = FeedState::Off;
    int m_failures = 0;
    /// Where the next connection resumes: the stream and the last sequence delivered.
    QString m_stream;
    qint64 m_lastSequence = -1;
};

} // namespace kv::client
