#include "client/KvdCodec.h"

#include "model/Json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <QUrl>

namespace kv::client::kvd {

namespace {

Error unreadable(const QString& what)
{
    return Error(ErrorCode::Internal, QStringLiteral("kvd sent an answer this client cannot read: %1").arg(what));
}

/// Reads one model type with its model::json reader; a fault is kvd's, not the caller's.
template <typename T, typename Read> Result<QList<T>> listOf(const QJsonObject& json, const QString& field, Read read)
{
    if (!json.value(field).isArray()) {
        return unreadable(QStringLiteral("no \"%1\" array").arg(field));
    }
    QList<T> list;
    for (const QJsonValue& value : json.value(field).toArray()) {
        auto item = read(value.toObject());
        if (!item) {
            return unreadable(item.error().message());
        }
        list.append(std::move(item.value()));
    }
    return list;
}

std::optional<model::Timestamp> expirationOf(const QJsonValue& value)
{
    return value.isDouble() ? std::optional<model::Timestamp>(value.toInteger() * 1000) : std::nullopt;
}

ItemResult itemOf(const QJsonObject& json)
{
    ItemResult item;
    item.key = json.value(QStringLiteral("key")).toString();
    if (json.value(QStringLiteral("error")).isObject()) {
        item.error = Error::fromJson(json.value(QStringLiteral("error")).toObject());
    }
    item.version = json.value(QStringLiteral("version")).toInteger();
    item.expiresAt = expirationOf(json.value(QStringLiteral("expiration")));
    // A put that was written, a delete that found its key, a get that found its key.
    item.found = json.value(QStringLiteral("deleted")).toBool(false)
        || json.value(QStringLiteral("found")).toBool(false)
        || (json.contains(QStringLiteral("version")) && !json.contains(QStringLiteral("found")) && !item.error);
    return item;
}

} // namespace

Error errorOf(const HttpAnswer& answer)
{
    const QJsonObject envelope = QJsonDocument::fromJson(answer.body).object();
    if (envelope.value(QStringLiteral("error")).isObject()) {
        return Error::fromJson(envelope.value(QStringLiteral("error")).toObject());
    }
    // Not kvd's envelope: a proxy or another server answered.
    const ErrorCode code = answer.status == 404 ? ErrorCode::NotFound
        : answer.status == 401                  ? ErrorCode::Unauthorized
        : answer.status == 403                  ? ErrorCode::Forbidden
        : answer.status == 429                  ? ErrorCode::RateLimited
        : answer.status == 503                  ? ErrorCode::Unavailable
        : answer.status == 504                  ? ErrorCode::Timeout
        : answer.status >= 500                  ? ErrorCode::Internal
                                                : ErrorCode::BadRequest;
    return Error(code, QStringLiteral("the server answered HTTP %1 without an error kvd would send").arg(answer.status),
        QJsonObject { { QStringLiteral("status"), answer.status } });
}

qint64 retryAfterSeconds(const HttpAnswer& answer)
{
    bool ok = false;
    const qint64 seconds = answer.headers.value(QByteArrayLiteral("retry-after")).trimmed().toLongLong(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

QString pathSegment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QByteArray etagOf(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

Result<QJsonObject> objectOf(const HttpAnswer& answer)
{
    auto object = model::json::parseObject(answer.body);
    if (!object) {
        return unreadable(object.error().message());
    }
    return object;
}

Result<QList<model::Namespace>> namespacesOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return listOf<model::Namespace>(*json, QStringLiteral("namespaces"), model::json::toNamespace);
}

Result<model::Namespace> namespaceOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    auto ns = model::json::toNamespace(*json);
    if (!ns) {
        return unreadable(ns.error().message());
    }
    return ns;
}

Result<QList<model::Plan>> plansOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return listOf<model::Plan>(*json, QStringLiteral("plans"), model::json::toPlan);
}

Result<model::KeyPage> keyPageOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    auto page = model::json::toKeyPage(*json);
    if (!page) {
        return unreadable(page.error().message());
    }
    return page;
}

Result<model::KeyPage> keyPageOf(const HttpAnswer& answer, model::KeyOrder order)
{
    auto page = keyPageOf(answer);
    if (!page || order == model::KeyOrder::Ascending) {
        return page;
    }
    // Shown under a Z-to-A header, an A-to-Z page would look like a broken sort; better to say why.
    for (qsizetype i = 1; i < page->keys.size(); ++i) {
        if (page->keys.at(i - 1).key.toUtf8() <= page->keys.at(i).key.toUtf8()) {
            return unreadable(QStringLiteral("keys asked for in descending order came back in ascending order; "
                                             "this kvd predates order=desc, upgrade it"));
        }
    }
    return page;
}

Result<model::Entry> entryOf(const QString& key, const HttpAnswer& answer)
{
    model::Entry entry;
    entry.key = key;
    entry.value = answer.body;
    const QByteArray metadata = answer.headers.value(QByteArrayLiteral("kv-metadata"));
    if (!metadata.isEmpty()) {
        auto parsed = model::json::parseObject(metadata);
        if (!parsed) {
            return unreadable(QStringLiteral("Kv-Metadata: %1").arg(parsed.error().message()));
        }
        entry.metadata = *parsed;
    }
    bool ok = false;
    QByteArray etag = answer.headers.value(QByteArrayLiteral("etag"));
    entry.version = etag.replace('"', QByteArray()).toLongLong(&ok);
    if (!ok) {
        return unreadable(QStringLiteral("no ETag on a value"));
    }
    const QByteArray expiration = answer.headers.value(QByteArrayLiteral("kv-expiration"));
    if (!expiration.isEmpty()) {
        entry.expiresAt = expiration.toLongLong() * 1000;
    }
    const QDateTime modified = QLocale::c().toDateTime(
        QString::fromLatin1(answer.headers.value(QByteArrayLiteral("last-modified"))).chopped(4),
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (modified.isValid()) {
        entry.updatedAt = QDateTime(modified.date(), modified.time(), QTimeZone::utc()).toMSecsSinceEpoch();
    }
    return entry;
}

Result<PutResult> putResultOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return PutResult { json->value(QStringLiteral("version")).toInteger(),
        expirationOf(json->value(QStringLiteral("expiration"))) };
}

Result<bool> deletedOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return json->value(QStringLiteral("deleted")).toBool();
}

QJsonArray putItems(const QList<PutRequest>& requests)
{
    QJsonArray items;
    for (const PutRequest& request : requests) {
        QJsonObject item { { QStringLiteral("key"), request.key } };
        model::json::insertValue(item, request.value);
        if (!request.metadata.isEmpty()) {
            item.insert(QStringLiteral("metadata"), request.metadata);
        }
        if (request.expiry.ttlSeconds) {
            item.insert(QStringLiteral("expirationTtl"), *request.expiry.ttlSeconds);
        }
        if (request.expiry.expirationSeconds) {
            item.insert(QStringLiteral("expiration"), *request.expiry.expirationSeconds);
        }
        if (request.precondition.kind == Precondition::Kind::VersionEquals) {
            item.insert(QStringLiteral("ifMatch"), request.precondition.version);
        } else if (request.precondition.kind == Precondition::Kind::Absent) {
            item.insert(QStringLiteral("ifNoneMatch"), true);
        }
        items.append(item);
    }
    return items;
}

QJsonArray deleteItems(const QList<DeleteRequest>& requests)
{
    QJsonArray items;
    for (const DeleteRequest& request : requests) {
        if (request.precondition.kind == Precondition::Kind::VersionEquals) {
            items.append(QJsonObject {
                { QStringLiteral("key"), request.key }, { QStringLiteral("ifMatch"), request.precondition.version } });
        } else {
            items.append(request.key);
        }
    }
    return items;
}

Result<QList<ItemResult>> getItemsOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    QList<ItemResult> items;
    for (const QJsonValue& value : json->value(QStringLiteral("items")).toArray()) {
        const QJsonObject object = value.toObject();
        ItemResult item = itemOf(object);
        if (item.found) {
            model::Entry entry;
            entry.key = item.key;
            auto bytes = model::json::valueOf(object);
            if (!bytes) {
                return unreadable(bytes.error().message());
            }
            entry.value = std::move(*bytes);
            entry.metadata = object.value(QStringLiteral("metadata")).toObject();
            entry.version = item.version;
            entry.expiresAt = item.expiresAt;
            entry.updatedAt
                = model::json::parseRfc3339(object.value(QStringLiteral("updatedAt")).toString()).value_or(0);
            item.entry = std::move(entry);
        } else if (!item.error) {
            // kvd leaves the error out of a missing key's item; the service (and so the embedded
            // client) reports it as key_not_found, which is what a caller of getMany checks.
            item.error = Error(ErrorCode::KeyNotFound, QStringLiteral("there is no key \"%1\"").arg(item.key),
                QJsonObject { { QStringLiteral("key"), item.key } });
        }
        items.append(std::move(item));
    }
    return items;
}

Result<BatchResult> batchOf(const HttpAnswer& answer)
{
    if (answer.status >= 400) {
        const Error error = errorOf(answer);
        if (!error.details().value(QStringLiteral("items")).isArray()) {
            return error;
        }
        BatchResult rejected;
        for (const QJsonValue& value : error.details().value(QStringLiteral("items")).toArray()) {
            ItemResult item = itemOf(value.toObject());
            item.found = false;
            rejected.items.append(std::move(item));
        }
        return rejected;
    }
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    BatchResult batch;
    batch.committed = json->value(QStringLiteral("committed")).toBool();
    for (const QJsonValue& value : json->value(QStringLiteral("items")).toArray()) {
        batch.items.append(itemOf(value.toObject()));
    }
    return batch;
}

QJsonObject newApiKeyBody(const NewApiKey& request)
{
    QJsonObject body { { QStringLiteral("name"), request.name },
        { QStringLiteral("scopes"), QJsonArray::fromStringList(model::scopeNames(request.scopes)) },
        { QStringLiteral("namespaces"), QJsonArray::fromStringList(request.namespaces) } };
    if (request.expiresAt) {
        body.insert(QStringLiteral("expiresAt"), model::json::rfc3339(*request.expiresAt));
    }
    return body;
}

Result<QList<model::ApiKey>> apiKeysOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return listOf<model::ApiKey>(*json, QStringLiteral("apiKeys"), model::json::toApiKey);
}

Result<IssuedApiKey> issuedKeyOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    auto key = model::json::toApiKey(json->value(QStringLiteral("apiKey")).toObject());
    if (!key || !json->value(QStringLiteral("secret")).isString()) {
        return unreadable(QStringLiteral("a new API key needs apiKey and secret"));
    }
    return IssuedApiKey { std::move(key.value()), json->value(QStringLiteral("secret")).toString() };
}

Result<UsageReport> usageReportOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    auto plan = model::json::toPlan(QJsonObject { { QStringLiteral("id"), json->value(QStringLiteral("plan")) },
        { QStringLiteral("quota"), json->value(QStringLiteral("quota")) } });
    auto month = model::json::toUsageBucket(json->value(QStringLiteral("month")).toObject());
    const auto from = model::json::parseRfc3339(json->value(QStringLiteral("from")).toString());
    const auto to = model::json::parseRfc3339(json->value(QStringLiteral("to")).toString());
    if (!plan || !month || !from || !to) {
        return unreadable(QStringLiteral("a usage report needs plan, quota, month, from and to"));
    }
    UsageReport report;
    report.ns = json->value(QStringLiteral("namespace")).toString();
    report.plan = std::move(plan.value());
    report.step = json->value(QStringLiteral("step")).toString() == QLatin1StringView("day") ? model::UsageStep::Day
                                                                                             : model::UsageStep::Hour;
    report.from = *from;
    report.to = *to;
    report.month = *month;
    report.month.ns = report.ns;
    auto buckets = listOf<model::UsageBucket>(*json, QStringLiteral("buckets"), model::json::toUsageBucket);
    if (!buckets) {
        return buckets.error();
    }
    for (model::UsageBucket& bucket : *buckets) {
        bucket.ns = report.ns;
        bucket.step = report.step;
    }
    report.buckets = std::move(buckets.value());
    return report;
}

Result<AuditPage> auditPageOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    auto events = listOf<model::AuditEvent>(*json, QStringLiteral("events"), model::json::toAuditEvent);
    if (!events) {
        return events.error();
    }
    return AuditPage { std::move(events.value()), json->value(QStringLiteral("cursor")).toString().toLongLong() };
}

Result<QList<model::Peer>> peersOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return listOf<model::Peer>(*json, QStringLiteral("peers"), model::json::toPeer);
}

Result<Health> healthOf(const HttpAnswer& answer)
{
    auto json = objectOf(answer);
    if (!json) {
        return json.error();
    }
    return Health { json->value(QStringLiteral("status")).toString() == QLatin1StringView("ok"),
        json->value(QStringLiteral("version")).toString(), std::chrono::milliseconds(0) };
}

} // namespace kv::client::kvd
