#pragma once
// The request and response as kvd's handlers see them: plain Qt values, with no Beast type in
// sight, so that routes, the fuzz target and tests can build them without a socket.

#include "model/ApiKey.h"
#include "model/Error.h"
#include "server/WebSocket.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace kv::server {

/// Header fields in arrival order; names compare case-insensitively.
class HeaderList
{
public:
    void add(QByteArray name, QByteArray value) { m_fields.emplace_back(std::move(name), std::move(value)); }
    /// Replaces every field of that name with one.
    void set(const QByteArray& name, QByteArray value);
    [[nodiscard]] std::optional<QByteArray> value(QByteArrayView name) const;
    [[nodiscard]] const std::vector<std::pair<QByteArray, QByteArray>>& fields() const { return m_fields; }

private:
    std::vector<std::pair<QByteArray, QByteArray>> m_fields;
};

struct HttpRequest
{
    QByteArray method;
    /// The path as sent, still percent-encoded (routing happens on it).
    QByteArray target;
    /// Route parameters, percent-decoded after routing: a key may hold '/', spaces, any UTF-8.
    QHash<QString, QByteArray> params;
    /// Query parameters, percent-decoded; the last one wins when a name repeats.
    QHash<QString, QString> query;
    HeaderList headers;
    QByteArray body;
    QString requestId;
    QString remoteAddress;
    /// The authenticated key, once a scope check has let the request through.
    std::optional<model::ApiKey> apiKey;
    /// A GET asking to become a WebSocket (Upgrade: websocket, a key and version 13).
    bool webSocketUpgrade = false;

    [[nodiscard]] std::optional<QString> queryValue(const QString& name) const
    {
        const auto it = query.constFind(name);
        return it == query.cend() ? std::nullopt : std::optional<QString>(*it);
    }
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    /// Set by a WebSocket route that accepts an upgrade request: the server answers 101 and
    /// runs the connection with this handler.
    std::shared_ptr<WebSocketUpgrade> upgrade;

    static HttpResponse json(int status, const QJsonDocument& document);
    static HttpResponse bytes(int status, QByteArray body, QByteArray contentType);
    static HttpResponse noContent();
    /// The error envelope of DESIGN.md: {"error":{"code","message","requestId","details"}}.
    static HttpResponse error(const Error& error, const QString& requestId);
    /// Accepts a WebSocket upgrade (101) with this endpoint handler.
    static HttpResponse webSocket(std::shared_ptr<WebSocketHandler> handler, const WebSocketOptions& options);
    /// 426 upgrade_required with Upgrade: websocket, for a plain request to a WebSocket route.
    static HttpResponse upgradeRequired(const QString& requestId);
};

} // namespace kv::server
