#include "server/HttpMessage.h"

#include <QJsonObject>

namespace kv::server {

void HeaderList::set(const QByteArray& name, QByteArray value)
{
    std::erase_if(m_fields, [&](const auto& field) { return field.first.compare(name, Qt::CaseInsensitive) == 0; });
    m_fields.emplace_back(name, std::move(value));
}

std::optional<QByteArray> HeaderList::value(QByteArrayView name) const
{
    for (const auto& [field, value] : m_fields) {
        if (QByteArrayView(field).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return std::nullopt;
}

HttpResponse HttpResponse::json(int status, const QJsonDocument& document)
{
    return bytes(status, document.toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"));
}

HttpResponse HttpResponse::bytes(int status, QByteArray body, QByteArray contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.headers.set(QByteArrayLiteral("Content-Type"), std::move(contentType));
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::error(const Error& error, const QString& requestId)
{
    QJsonObject body = error.toJson();
    body.insert(QStringLiteral("requestId"), requestId);
    HttpResponse response = json(error.httpStatus(), QJsonDocument(QJsonObject { { QStringLiteral("error"), body } }));
    // A refusal that passes with time (rate limit, monthly quota) says when to come back.
    const QJsonValue retryAfter = error.details().value(QStringLiteral("retryAfterSeconds"));
    if (retryAfter.isDouble()) {
        response.headers.set(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter.toInteger()));
    }
    return response;
}

HttpResponse HttpResponse::webSocket(std::shared_ptr<WebSocketHandler> handler, const WebSocketOptions& options)
{
    HttpResponse response;
    response.status = 101;
    response.upgrade = std::make_shared<WebSocketUpgrade>(WebSocketUpgrade { std::move(handler), options });
    return response;
}

HttpResponse HttpResponse::upgradeRequired(const QString& requestId)
{
    HttpResponse response
        = error(Error(ErrorCode::UpgradeRequired,
                    QStringLiteral("this route speaks WebSocket: send a GET with Connection: Upgrade, "
                                   "Upgrade: websocket and Sec-WebSocket-Version: 13")),
            requestId);
    response.headers.set(QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket"));
    return response;
}

} // namespace kv::server
