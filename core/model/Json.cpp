#include "model/Json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>
#include <QTimeZone>

#include <limits>

namespace kv::model::json {

namespace {

Error malformed(const QString& what)
{
    return Error(ErrorCode::BadRequest, QStringLiteral("malformed JSON: %1").arg(what));
}

std::optional<Timestamp> timestampFrom(const QJsonValue& value)
{
    if (!value.isString()) {
        return std::nullopt;
    }
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? std::optional<Timestamp>(at.toMSecsSinceEpoch()) : std::nullopt;
}

QJsonValue expirationValue(const std::optional<Timestamp>& expiresAt)
{
    return expiresAt ? QJsonValue(*expiresAt / 1000) : QJsonValue();
}

std::optional<Timestamp> expirationFrom(const QJsonValue& value)
{
    // Seconds past what a millisecond Timestamp holds are no expiration kvd wrote (and would overflow).
    constexpr qint64 kMaxSeconds = std::numeric_limits<Timestamp>::max() / 1000;
    const qint64 seconds = value.toInteger();
    return value.isDouble() && seconds >= -kMaxSeconds && seconds <= kMaxSeconds
        ? std::optional<Timestamp>(seconds * 1000)
        : std::nullopt;
}

} // namespace

QString rfc3339(Timestamp at)
{
    return QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<Timestamp> parseRfc3339(const QString& text)
{
    // Qt also reads a time without an offset, as local time; an API time must say its zone.
    const bool hasZone = text.endsWith(QLatin1Char('Z')) || text.endsWith(QLatin1Char('z'))
        || (text.size() > 6
            && (text.at(text.size() - 6) == QLatin1Char('+') || text.at(text.size() - 6) == QLatin1Char('-')));
    if (!hasZone || !text.contains(QLatin1Char('T'))) {
        return std::nullopt;
    }
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? std::optional<Timestamp>(at.toMSecsSinceEpoch()) : std::nullopt;
}

QByteArray httpDate(Timestamp at)
{
    return QLocale::c()
               .toString(
                   QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc()), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1()
        + " GMT";
}

QJsonObject fromNamespace(const Namespace& ns)
{
    return QJsonObject { { QStringLiteral("id"), ns.id }, { QStringLiteral("plan"), ns.plan },
        { QStringLiteral("keyCount"), ns.keyCount }, { QStringLiteral("bytes"), ns.bytes },
        { QStringLiteral("createdAt"), rfc3339(ns.createdAt) } };
}

Result<Namespace> toNamespace(const QJsonObject& json)
{
    const auto createdAt = timestampFrom(json.value(QStringLiteral("createdAt")));
    if (!json.value(QStringLiteral("id")).isString() || !json.value(QStringLiteral("plan")).isString() || !createdAt) {
        return malformed(QStringLiteral("a namespace needs id, plan and createdAt"));
    }
    return Namespace { json.value(QStringLiteral("id")).toString(), json.value(QStringLiteral("plan")).toString(),
        json.value(QStringLiteral("keyCount")).toInteger(), json.value(QStringLiteral("bytes")).toInteger(),
        *createdAt };
}

QJsonObject fromKeyInfo(const KeyInfo& info)
{
    QJsonObject json { { QStringLiteral("name"), info.key }, { QStringLiteral("size"), info.size },
        { QStringLiteral("version"), info.version }, { QStringLiteral("expiration"), expirationValue(info.expiresAt) },
        { QStringLiteral("updatedAt"), rfc3339(info.updatedAt) } };
    if (!info.metadata.isEmpty()) {
        json.insert(QStringLiteral("metadata"), info.metadata);
    }
    return json;
}

Result<KeyInfo> toKeyInfo(const QJsonObject& json)
{
    const auto updatedAt = timestampFrom(json.value(QStringLiteral("updatedAt")));
    if (!json.value(QStringLiteral("name")).isString() || !updatedAt) {
        return malformed(QStringLiteral("a key needs name and updatedAt"));
    }
    return KeyInfo { json.value(QStringLiteral("name")).toString(), json.value(QStringLiteral("size")).toInteger(),
        expirationFrom(json.value(QStringLiteral("expiration"))), json.value(QStringLiteral("metadata")).toObject(),
        json.value(QStringLiteral("version")).toInteger(), *updatedAt };
}

QJsonObject fromKeyPage(const KeyPage& page)
{
    QJsonArray keys;
    for (const KeyInfo& info : page.keys) {
        keys.append(fromKeyInfo(info));
    }
    return QJsonObject { { QStringLiteral("keys"), keys }, { QStringLiteral("cursor"), page.cursor },
        { QStringLiteral("complete"), page.complete() } };
}

Result<KeyPage> toKeyPage(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("keys")).isArray()) {
        return malformed(QStringLiteral("a key page needs a keys array"));
    }
    KeyPage page;
    for (const QJsonValue& value : json.value(QStringLiteral("keys")).toArray()) {
        auto info = toKeyInfo(value.toObject());
        if (!info) {
            return info.error();
        }
        page.keys.append(std::move(info.value()));
    }
    page.cursor = json.value(QStringLiteral("cursor")).toString();
    return page;
}

namespace {

QJsonValue optionalTime(const std::optional<Timestamp>& at)
{
    return at ? QJsonValue(rfc3339(*at)) : QJsonValue();
}

} // namespace

QJsonObject fromPeer(const Peer& peer)
{
    return QJsonObject { { QStringLiteral("id"), peer.id }, { QStringLiteral("room"), peer.room },
        { QStringLiteral("apiKeyId"), peer.apiKeyId }, { QStringLiteral("remoteAddress"), peer.remoteAddress },
        { QStringLiteral("connectedSince"), rfc3339(peer.connectedSince) },
        { QStringLiteral("iceState"), peer.iceState }, { QStringLiteral("messagesIn"), peer.messagesIn },
        { QStringLiteral("messagesOut"), peer.messagesOut }, { QStringLiteral("bytesIn"), peer.bytesIn },
        { QStringLiteral("bytesOut"), peer.bytesOut } };
}

Result<Peer> toPeer(const QJsonObject& json)
{
    const auto since = timestampFrom(json.value(QStringLiteral("connectedSince")));
    if (!json.value(QStringLiteral("id")).isString() || !json.value(QStringLiteral("room")).isString() || !since) {
        return malformed(QStringLiteral("a peer needs id, room and connectedSince"));
    }
    return Peer { json.value(QStringLiteral("id")).toString(), json.value(QStringLiteral("room")).toString(),
        json.value(QStringLiteral("apiKeyId")).toString(), json.value(QStringLiteral("remoteAddress")).toString(),
        *since, json.value(QStringLiteral("iceState")).toString(), json.value(QStringLiteral("messagesIn")).toInteger(),
        json.value(QStringLiteral("messagesOut")).toInteger(), json.value(QStringLiteral("bytesIn")).toInteger(),
        json.value(QStringLiteral("bytesOut")).toInteger() };
}

QJsonObject fromAuditEvent(const AuditEvent& event)
{
    return QJsonObject { { QStringLiteral("id"), event.id }, { QStringLiteral("at"), rfc3339(event.at) },
        { QStringLiteral("actor"), event.actor }, { QStringLiteral("action"), event.action },
        { QStringLiteral("namespace"), event.ns }, { QStringLiteral("target"), event.target },
        { QStringLiteral("requestId"), event.requestId }, { QStringLiteral("details"), event.details } };
}

Result<AuditEvent> toAuditEvent(const QJsonObject& json)
{
    const auto at = timestampFrom(json.value(QStringLiteral("at")));
    if (!json.value(QStringLiteral("id")).isDouble() || !at || !json.value(QStringLiteral("actor")).isString()
        || !json.value(QStringLiteral("action")).isString()) {
        return malformed(QStringLiteral("an audit event needs id, at, actor and action"));
    }
    AuditEvent event;
    event.id = json.value(QStringLiteral("id")).toInteger();
    event.at = *at;
    event.actor = json.value(QStringLiteral("actor")).toString();
    event.action = json.value(QStringLiteral("action")).toString();
    event.ns = json.value(QStringLiteral("namespace")).toString();
    event.target = json.value(QStringLiteral("target")).toString();
    event.requestId = json.value(QStringLiteral("requestId")).toString();
    event.details = json.value(QStringLiteral("details")).toObject();
    return event;
}

QJsonObject fromApiKey(const ApiKey& key)
{
    return QJsonObject { { QStringLiteral("id"), key.id }, { QStringLiteral("name"), key.name },
        { QStringLiteral("prefix"), key.prefix },
        { QStringLiteral("scopes"), QJsonArray::fromStringList(scopeNames(key.scopes)) },
        { QStringLiteral("namespaces"), QJsonArray::fromStringList(key.namespaces) },
        { QStringLiteral("createdAt"), rfc3339(key.createdAt) },
        { QStringLiteral("expiresAt"), optionalTime(key.expiresAt) },
        { QStringLiteral("lastUsedAt"), optionalTime(key.lastUsedAt) },
        { QStringLiteral("revokedAt"), optionalTime(key.revokedAt) },
        { QStringLiteral("rotatedFrom"), key.rotatedFrom }, { QStringLiteral("rotatedTo"), key.rotatedTo } };
}

Result<ApiKey> toApiKey(const QJsonObject& json)
{
    ApiKey key;
    key.id = json.value(QStringLiteral("id")).toString();
    key.name = json.value(QStringLiteral("name")).toString();
    key.prefix = json.value(QStringLiteral("prefix")).toString();
    QStringList scopes;
    for (const QJsonValue& scope : json.value(QStringLiteral("scopes")).toArray()) {
        scopes.append(scope.toString());
    }
    const auto parsedScopes = scopesFromNames(scopes);
    const auto createdAt = timestampFrom(json.value(QStringLiteral("createdAt")));
    if (key.id.isEmpty() || !parsedScopes || !createdAt) {
        return malformed(QStringLiteral("an API key needs id, known scopes and createdAt"));
    }
    key.scopes = *parsedScopes;
    for (const QJsonValue& ns : json.value(QStringLiteral("namespaces")).toArray()) {
        key.namespaces.append(ns.toString());
    }
    key.createdAt = *createdAt;
    key.expiresAt = timestampFrom(json.value(QStringLiteral("expiresAt")));
    key.lastUsedAt = timestampFrom(json.value(QStringLiteral("lastUsedAt")));
    key.revokedAt = timestampFrom(json.value(QStringLiteral("revokedAt")));
    key.rotatedFrom = json.value(QStringLiteral("rotatedFrom")).toString();
    key.rotatedTo = json.value(QStringLiteral("rotatedTo")).toString();
    return key;
}

namespace {

QJsonValue limitValue(qint64 limit)
{
    return limit < 0 ? QJsonValue() : QJsonValue(limit);
}

qint64 limitFrom(const QJsonValue& value)
{
    return value.isDouble() ? value.toInteger() : -1;
}

} // namespace

QJsonObject fromQuota(const Plan& plan)
{
    return QJsonObject { { QStringLiteral("reads"), limitValue(plan.quota.readsPerMonth) },
        { QStringLiteral("writes"), limitValue(plan.quota.writesPerMonth) },
        { QStringLiteral("lists"), limitValue(plan.quota.listsPerMonth) },
        { QStringLiteral("deletes"), limitValue(plan.quota.deletesPerMonth) },
        { QStringLiteral("storageBytes"), limitValue(plan.quota.storageBytes) },
        { QStringLiteral("ratePerSecond"), plan.ratePerSecond }, { QStringLiteral("burst"), plan.burst } };
}

QJsonObject fromPlan(const Plan& plan)
{
    return QJsonObject { { QStringLiteral("id"), plan.id }, { QStringLiteral("name"), plan.name },
        { QStringLiteral("quota"), fromQuota(plan) } };
}

Result<Plan> toPlan(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("id")).isString() || !json.value(QStringLiteral("quota")).isObject()) {
        return malformed(QStringLiteral("a plan needs id and quota"));
    }
    const QJsonObject quota = json.value(QStringLiteral("quota")).toObject();
    Plan plan;
    plan.id = json.value(QStringLiteral("id")).toString();
    plan.name = json.value(QStringLiteral("name")).toString();
    plan.quota.readsPerMonth = limitFrom(quota.value(QStringLiteral("reads")));
    plan.quota.writesPerMonth = limitFrom(quota.value(QStringLiteral("writes")));
    plan.quota.listsPerMonth = limitFrom(quota.value(QStringLiteral("lists")));
    plan.quota.deletesPerMonth = limitFrom(quota.value(QStringLiteral("deletes")));
    plan.quota.storageBytes = limitFrom(quota.value(QStringLiteral("storageBytes")));
    plan.ratePerSecond = quota.value(QStringLiteral("ratePerSecond")).toDouble();
    plan.burst = quota.value(QStringLiteral("burst")).toInt();
    return plan;
}

QJsonObject fromUsageBucket(const UsageBucket& bucket)
{
    return QJsonObject { { QStringLiteral("start"), rfc3339(bucket.start) }, { QStringLiteral("reads"), bucket.reads },
        { QStringLiteral("writes"), bucket.writes }, { QStringLiteral("lists"), bucket.lists },
        { QStringLiteral("deletes"), bucket.deletes },
        { QStringLiteral("storageBytes"), limitValue(bucket.storageBytes) } };
}

Result<UsageBucket> toUsageBucket(const QJsonObject& json)
{
    const auto start = timestampFrom(json.value(QStringLiteral("start")));
    if (!start) {
        return malformed(QStringLiteral("a usage bucket needs start"));
    }
    UsageBucket bucket;
    bucket.start = *start;
    bucket.reads = json.value(QStringLiteral("reads")).toInteger();
    bucket.writes = json.value(QStringLiteral("writes")).toInteger();
    bucket.lists = json.value(QStringLiteral("lists")).toInteger();
    bucket.deletes = json.value(QStringLiteral("deletes")).toInteger();
    bucket.storageBytes = limitFrom(json.value(QStringLiteral("storageBytes")));
    return bucket;
}

QJsonObject fromServiceEvent(const ServiceEvent& event)
{
    return QJsonObject { { QStringLiteral("seq"), event.sequence },
        { QStringLiteral("type"), eventTypeName(event.type) }, { QStringLiteral("at"), rfc3339(event.at) },
        { QStringLiteral("namespace"), event.ns }, { QStringLiteral("data"), event.data } };
}

Result<ServiceEvent> toServiceEvent(const QJsonObject& json)
{
    const auto type = eventTypeFromName(json.value(QStringLiteral("type")).toString());
    const auto at = timestampFrom(json.value(QStringLiteral("at")));
    if (!json.value(QStringLiteral("seq")).isDouble() || !type || !at) {
        return malformed(QStringLiteral("an event needs seq, a known type and at"));
    }
    return ServiceEvent { json.value(QStringLiteral("seq")).toInteger(), *type, *at,
        json.value(QStringLiteral("namespace")).toString(), json.value(QStringLiteral("data")).toObject() };
}

void insertValue(QJsonObject& item, const QByteArray& value)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(value);
    if (utf8.hasError()) {
        item.insert(QStringLiteral("value"), QString::fromLatin1(value.toBase64()));
        item.insert(QStringLiteral("base64"), true);
    } else {
        item.insert(QStringLiteral("value"), text);
    }
}

Result<QByteArray> valueOf(const QJsonObject& item)
{
    const QJsonValue value = item.value(QStringLiteral("value"));
    if (!value.isString()) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("\"value\" must be a string (base64 with \"base64\": true for bytes)"));
    }
    if (!item.value(QStringLiteral("base64")).toBool(false)) {
        return value.toString().toUtf8();
    }
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return Error(ErrorCode::BadRequest, QStringLiteral("\"value\" is marked base64 but is not valid base64"));
    }
    return std::move(*decoded);
}

Result<QJsonObject> parseObject(QByteArrayView body)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("the body is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset),
            QJsonObject { { QStringLiteral("offset"), error.offset } });
    }
    if (!document.isObject()) {
        return Error(ErrorCode::BadRequest, QStringLiteral("the body must be a JSON object"));
    }
    return document.object();
}

QByteArray asciiJson(const QJsonObject& object)
{
    const QString text = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    QByteArray ascii;
    ascii.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            ascii.append(static_cast<char>(c.unicode()));
        } else {
            ascii.append("\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0'));
        }
    }
    return ascii;
}

} // namespace kv::model::json
