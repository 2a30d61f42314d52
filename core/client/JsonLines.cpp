#include "client/JsonLines.h"

#include "model/Json.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace kv::client::jsonlines {

namespace {

Error bad(const QString& why)
{
    return Error(ErrorCode::BadRequest, why);
}

} // namespace

Result<PutRequest> parse(QByteArrayView line)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return bad(QStringLiteral("not JSON: %1 at column %2").arg(error.errorString()).arg(error.offset + 1));
    }
    if (!document.isObject()) {
        return bad(QStringLiteral("a line must be a JSON object with \"key\" and \"value\""));
    }
    const QJsonObject object = document.object();
    if (!object.value(QStringLiteral("key")).isString()) {
        return bad(QStringLiteral("\"key\" must be a string"));
    }
    auto value = model::json::valueOf(object);
    if (!value) {
        return value.error();
    }
    PutRequest put;
    put.key = object.value(QStringLiteral("key")).toString();
    put.value = std::move(*value);
    const QJsonValue metadata = object.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject()) {
            return bad(QStringLiteral("\"metadata\" must be a JSON object"));
        }
        put.metadata = metadata.toObject();
    }
    const QJsonValue expiration = object.value(QStringLiteral("expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        if (!expiration.isDouble()) {
            return bad(QStringLiteral("\"expiration\" must be Unix seconds"));
        }
        put.expiry.expirationSeconds = expiration.toInteger();
    }
    return put;
}

QByteArray encode(const model::Entry& entry)
{
    QJsonObject object { { QStringLiteral("key"), entry.key } };
    model::json::insertValue(object, entry.value);
    if (!entry.metadata.isEmpty()) {
        object.insert(QStringLiteral("metadata"), entry.metadata);
    }
    if (entry.expiresAt) {
        object.insert(QStringLiteral("expiration"), *entry.expiresAt / 1000);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace kv::client::jsonlines
