#include "server/BulkRoutes.h"

#include "model/Json.h"
#include "server/Auth.h"
#include "server/RouteSupport.h"
#include "service/KvService.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace kv::server {

namespace {

using service::KvService;
using service::Precondition;

/// A write batch's body is capped as the hosted KV services cap theirs (100 MB), but never
/// below what one largest item needs.
constexpr qsizetype kBulkWriteCap = 100 * 1024 * 1024;
/// Braces, field names, flags, ifMatch and expiration of one item.
constexpr qsizetype kItemFraming = 256;

qsizetype saturatingProduct(qsizetype count, qsizetype each)
{
    return each > 0 && count > std::numeric_limits<qsizetype>::max() / each ? std::numeric_limits<qsizetype>::max()
                                                                            : count * each;
}

/// Body limits of the bulk routes from the configured limits: a full batch of the largest items
/// fits, counting a key as a JSON string (six bytes per byte when every byte needs \u00XX), a
/// value in base64 (the form binary values take) and metadata with generous whitespace.
struct BulkBodyLimits
{
    qsizetype write = 0;
    qsizetype keys = 0;
};

BulkBodyLimits bulkBodyLimits(const model::Limits& limits)
{
    const qsizetype items = std::max<qsizetype>(1, limits.maxBatchItems);
    const qsizetype keyItem = 6 * limits.maxKeyBytes + kItemFraming;
    const qsizetype putItem = keyItem + (limits.maxValueBytes + 2) / 3 * 4 + 6 * limits.maxMetadataBytes;
    return BulkBodyLimits { std::min(saturatingProduct(items, putItem), std::max(kBulkWriteCap, putItem)),
        saturatingProduct(items, keyItem) };
}

Error itemError(qsizetype index, const QString& why)
{
    return Error(ErrorCode::InvalidBatch, QStringLiteral("item %1 of the batch: %2").arg(index).arg(why),
        QJsonObject { { QStringLiteral("index"), index } });
}

Result<QJsonArray> parseArray(const HttpRequest& request, const QString& field)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("the body is not valid JSON: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (document.isArray()) {
        return document.array();
    }
    if (document.isObject() && document.object().value(field).isArray()) {
        return document.object().value(field).toArray();
    }
    return Error(ErrorCode::BadRequest,
        QStringLiteral("the body must be a JSON array, or an object with a \"%1\" array").arg(field));
}

Result<Precondition> itemPrecondition(const QJsonObject& item, qsizetype index)
{
    const QJsonValue ifMatch = item.value(QStringLiteral("ifMatch"));
    const bool ifNoneMatch = item.value(QStringLiteral("ifNoneMatch")).toBool(false);
    if (!ifMatch.isUndefined() && !ifMatch.isNull()) {
        if (ifNoneMatch || !ifMatch.isDouble()) {
            return itemError(index, QStringLiteral("ifMatch takes a version number and excludes ifNoneMatch"));
        }
        return Precondition::versionEquals(ifMatch.toInteger());
    }
    return ifNoneMatch ? Precondition::absent() : Precondition::none();
}

Result<std::optional<qint64>> optionalInteger(const QJsonObject& item, const QString& name, qsizetype index)
{
    const QJsonValue value = item.value(name);
    if (value.isUndefined() || value.isNull()) {
        return std::optional<qint64>();
    }
    if (!value.isDouble()) {
        return itemError(index, QStringLiteral("%1 must be a number").arg(name));
    }
    return std::optional<qint64>(value.toInteger());
}

Result<service::PutRequest> toPutRequest(const QJsonValue& value, qsizetype index)
{
    if (!value.isObject()) {
        return itemError(index, QStringLiteral("each item must be an object"));
    }
    const QJsonObject item = value.toObject();
    service::PutRequest put;
    if (!item.value(QStringLiteral("key")).isString() || !item.value(QStringLiteral("value")).isString()) {
        return itemError(index, QStringLiteral("an item needs a string \"key\" and a string \"value\""));
    }
    put.key = item.value(QStringLiteral("key")).toString();
    auto bytes = model::json::valueOf(item);
    if (!bytes) {
        return itemError(index, QStringLiteral("the value is marked base64 but is not valid base64"));
    }
    put.value = std::move(*bytes);
    const QJsonValue metadata = item.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject()) {
            return Error(ErrorCode::InvalidMetadata,
                QStringLiteral("item %1 of the batch: the metadata must be a JSON object").arg(index));
        }
        put.metadata = metadata.toObject();
    }
    auto expiration = optionalInteger(item, QStringLiteral("expiration"), index);
    if (!expiration) {
        return expiration.error();
    }
    auto ttl = optionalInteger(item, QStringLiteral("expirationTtl"), index);
    if (!ttl) {
        return ttl.error();
    }
    put.expiry = model::ExpiryRequest { *ttl, *expiration };
    auto precondition = itemPrecondition(item, index);
    if (!precondition) {
        return precondition.error();
    }
    put.precondition = *precondition;
    return put;
}

/// The answer to a write batch: 200 with every item when it committed, else the first failing
/// item's error (whose status it takes) with every item's reason in details.items.
HttpResponse batchResponse(const service::BatchResult& batch, const HttpRequest& request, bool deletes)
{
    QJsonArray items;
    const Error* first = nullptr;
    for (const service::ItemResult& result : batch.items) {
        QJsonObject item { { QStringLiteral("key"), result.key } };
        if (result.error) {
            item.insert(QStringLiteral("error"), result.error->toJson());
            if (!first && result.error->code() != ErrorCode::BatchRejected) {
                first = &*result.error;
            }
        } else if (deletes) {
            item.insert(QStringLiteral("deleted"), result.found);
        } else {
            item.insert(QStringLiteral("version"), result.version);
            item.insert(
                QStringLiteral("expiration"), result.expiresAt ? QJsonValue(*result.expiresAt / 1000) : QJsonValue());
        }
        items.append(item);
    }
    if (batch.committed) {
        return HttpResponse::json(200,
            QJsonDocument(QJsonObject { { QStringLiteral("committed"), true }, { QStringLiteral("items"), items } }));
    }
    const Error summary = first ? *first : Error(ErrorCode::BatchRejected, QStringLiteral("the batch was rejected"));
    QJsonObject details = summary.details();
    details.insert(QStringLiteral("items"), items);
    return fail(
        Error(summary.code(), QStringLiteral("nothing was written: %1").arg(summary.message()), details), request);
}

QJsonObject entryItem(const service::ItemResult& result)
{
    QJsonObject item { { QStringLiteral("key"), result.key } };
    if (result.error && result.error->code() != ErrorCode::KeyNotFound) {
        item.insert(QStringLiteral("error"), result.error->toJson());
        return item;
    }
    item.insert(QStringLiteral("found"), result.found);
    if (!result.entry) {
        return item;
    }
    const model::Entry& entry = *result.entry;
    model::json::insertValue(item, entry.value);
    if (!entry.metadata.isEmpty()) {
        item.insert(QStringLiteral("metadata"), entry.metadata);
    }
    item.insert(QStringLiteral("version"), entry.version);
    item.insert(QStringLiteral("expiration"), entry.expiresAt ? QJsonValue(*entry.expiresAt / 1000) : QJsonValue());
    item.insert(QStringLiteral("updatedAt"), model::json::rfc3339(entry.updatedAt));
    return item;
}

Result<QList<QString>> keysOf(const QJsonArray& array)
{
    QList<QString> keys;
    keys.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString()) {
            return itemError(i, QStringLiteral("keys must be strings"));
        }
        keys.append(array[i].toString());
    }
    return keys;
}

} // namespace

void addBulkRoutes(SecuredRoutes& routes, KvService& service)
{
    const BulkBodyLimits sizes = bulkBodyLimits(service.limits());
    const RouteOptions bulk { sizes.write, true };
    const RouteOptions bulkKeys { sizes.keys, true };

    routes.add(
        "POST", QStringLiteral("/v1/namespaces/{ns}/bulk"), model::Scope::Write,
        [&service](HttpRequest& request) {
            auto array = parseArray(request, QStringLiteral("items"));
            if (!array) {
                return fail(array.error(), request);
            }
            QList<service::PutRequest> puts;
            puts.reserve(array->size());
            for (qsizetype i = 0; i < array->size(); ++i) {
                auto put = toPutRequest(array->at(i), i);
                if (!put) {
                    return fail(put.error(), request);
                }
                puts.append(std::move(put.value()));
            }
            auto batch = service.putMany(nsParameter(request), puts, contextOf(request));
            return batch ? batchResponse(*batch, request, false) : fail(batch.error(), request);
        },
        bulk);

    routes.add(
        "POST", QStringLiteral("/v1/namespaces/{ns}/bulk/get"), model::Scope::Read,
        [&service](HttpRequest& request) {
            auto array = parseArray(request, QStringLiteral("keys"));
            if (!array) {
                return fail(array.error(), request);
            }
            auto keys = keysOf(*array);
            if (!keys) {
                return fail(keys.error(), request);
            }
            auto results = service.getMany(nsParameter(request), *keys);
            if (!results) {
                return fail(results.error(), request);
            }
            QJsonArray items;
            for (const auto& result : *results) {
                items.append(entryItem(result));
            }
            return HttpResponse::json(200, QJsonDocument(QJsonObject { { QStringLiteral("items"), items } }));
        },
        bulkKeys);

    routes.add(
        "POST", QStringLiteral("/v1/namespaces/{ns}/bulk/delete"), model::Scope::Write,
        [&service](HttpRequest& request) {
            auto array = parseArray(request, QStringLiteral("keys"));
            if (!array) {
                return fail(array.error(), request);
            }
            QList<service::DeleteRequest> deletes;
            deletes.reserve(array->size());
            for (qsizetype i = 0; i < array->size(); ++i) {
                const QJsonValue value = array->at(i);
                if (value.isString()) {
                    deletes.append({ value.toString(), Precondition::none() });
                    continue;
                }
                const QJsonObject item = value.toObject();
                if (!item.value(QStringLiteral("key")).isString()) {
                    return fail(
                        itemError(i, QStringLiteral("an item is a key, or {\"key\": ..., \"ifMatch\": n}")), request);
                }
                auto precondition = itemPrecondition(item, i);
                if (!precondition) {
                    return fail(precondition.error(), request);
                }
                deletes.append({ item.value(QStringLiteral("key")).toString(), *precondition });
            }
            auto batch = service.removeMany(nsParameter(request), deletes, contextOf(request));
            return batch ? batchResponse(*batch, request, true) : fail(batch.error(), request);
        },
        bulkKeys);
}

} // namespace kv::server
