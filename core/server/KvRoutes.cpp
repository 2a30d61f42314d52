#include "server/KvRoutes.h"

#include "model/Json.h"
#include "model/Validation.h"
#include "server/Auth.h"
#include "server/MultipartBody.h"
#include "server/RouteSupport.h"
#include "service/ApiKeyService.h"
#include "service/KvService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace kv::server {

namespace {

using service::KvService;
using service::Precondition;

QByteArray etagFor(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

/// Reads If-Match / If-None-Match into a precondition.
Result<Precondition> preconditionOf(const HttpRequest& request)
{
    const auto ifMatch = request.headers.value("If-Match");
    const auto ifNoneMatch = request.headers.value("If-None-Match");
    if (ifMatch && ifNoneMatch) {
        return Error(ErrorCode::BadRequest, QStringLiteral("send either If-Match or If-None-Match, not both"));
    }
    if (ifNoneMatch) {
        if (ifNoneMatch->trimmed() != "*") {
            return Error(ErrorCode::BadRequest,
                QStringLiteral("on a write, If-None-Match takes only \"*\" (create the key only if it is "
                               "absent)"));
        }
        return Precondition::absent();
    }
    if (ifMatch) {
        QByteArray tag = ifMatch->trimmed();
        if (tag.startsWith("W/")) {
            tag = tag.mid(2);
        }
        if (tag.size() >= 2 && tag.startsWith('"') && tag.endsWith('"')) {
            tag = tag.mid(1, tag.size() - 2);
        }
        bool ok = false;
        const qint64 version = tag.toLongLong(&ok);
        if (!ok || version <= 0) {
            return Error(ErrorCode::BadRequest,
                QStringLiteral("If-Match must hold the ETag of a version, e.g. \"42\"; got %1")
                    .arg(QString::fromLatin1(*ifMatch)));
        }
        return Precondition::versionEquals(version);
    }
    return Precondition::none();
}

Result<QString> keyParameter(const HttpRequest& request, const model::Limits& limits)
{
    return model::parseKey(request.params.value(QStringLiteral("key")), limits);
}

/// The key and precondition of a PUT or DELETE on a value.
Result<std::pair<QString, Precondition>> writeTarget(const HttpRequest& request, const model::Limits& limits)
{
    auto key = keyParameter(request, limits);
    if (!key) {
        return key.error();
    }
    auto precondition = preconditionOf(request);
    if (!precondition) {
        return precondition.error();
    }
    return std::pair { std::move(key.value()), *precondition };
}

/// Room a PUT body has beyond the value for multipart framing: boundaries and part headers.
constexpr qsizetype kMultipartFramingBytes = 64 * 1024;

/// What a PUT stores: the value's bytes (a view into the request body) and the metadata JSON
/// when some was sent.
struct PutBody
{
    QByteArrayView value;
    std::optional<QByteArray> metadata;
};

/// The raw body with the Kv-Metadata header, or the "value" and "metadata" parts of a
/// multipart/form-data body (the way the hosted KV services take metadata with a value).
Result<PutBody> putBodyOf(const HttpRequest& request)
{
    auto header = request.headers.value("Kv-Metadata");
    const QByteArray contentType = request.headers.value("Content-Type").value_or(QByteArray());
    if (!isMultipart(contentType)) {
        return PutBody { request.body, std::move(header) };
    }
    auto upload = parseValueUpload(contentType, request.body);
    if (!upload) {
        return upload.error();
    }
    if (upload->metadata && header) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("send the metadata either in the Kv-Metadata header or in the form's \"metadata\" part, "
                           "not both"));
    }
    return PutBody { upload->value,
        upload->metadata ? std::optional<QByteArray>(upload->metadata->toByteArray()) : std::move(header) };
}

HttpResponse namespaceResponse(int status, const model::Namespace& ns)
{
    return HttpResponse::json(status, QJsonDocument(model::json::fromNamespace(ns)));
}

// Namespaces ----------------------------------------------------------------------------------

void addNamespaceRoutes(SecuredRoutes& routes, KvService& service)
{
    routes.add("GET", QStringLiteral("/v1/namespaces"), model::Scope::Read, [&service](HttpRequest& request) {
        auto namespaces = service.listNamespaces();
        if (!namespaces) {
            return fail(namespaces.error(), request);
        }
        QJsonArray list;
        for (const auto& ns : *namespaces) {
            if (request.apiKey->allowsNamespace(ns.id)) {
                list.append(model::json::fromNamespace(ns));
            }
        }
        return HttpResponse::json(200, QJsonDocument(QJsonObject { { QStringLiteral("namespaces"), list } }));
    });
    routes.add("POST", QStringLiteral("/v1/namespaces"), model::Scope::Admin, [&service](HttpRequest& request) {
        auto body = model::json::parseObject(request.body);
        if (!body) {
            return fail(body.error(), request);
        }
        const QJsonValue id = body->value(QStringLiteral("id"));
        const QJsonValue plan = body->value(QStringLiteral("plan"));
        if (!id.isString() || !(plan.isUndefined() || plan.isString())) {
            return fail(Error(ErrorCode::BadRequest,
                            QStringLiteral("the body must be {\"id\": \"<namespace>\", \"plan\": \"<plan>\"} with "
                                           "string values (plan optional)")),
                request);
        }
        if (auto allowed = service::ApiKeyService::authorize(*request.apiKey, model::Scope::Admin, id.toString());
            !allowed) {
            return fail(allowed.error(), request);
        }
        auto created = service.createNamespace(id.toString(), plan.toString(), contextOf(request));
        if (!created) {
            return fail(created.error(), request);
        }
        return namespaceResponse(201, *created);
    });
    routes.add("GET", QStringLiteral("/v1/namespaces/{ns}"), model::Scope::Read, [&service](HttpRequest& request) {
        auto ns = service.getNamespace(nsParameter(request));
        return ns ? namespaceResponse(200, *ns) : fail(ns.error(), request);
    });
    routes.add("PATCH", QStringLiteral("/v1/namespaces/{ns}"), model::Scope::Admin, [&service](HttpRequest& request) {
        auto body = model::json::parseObject(request.body);
        if (!body) {
            return fail(body.error(), request);
        }
        const QJsonValue plan = body->value(QStringLiteral("plan"));
        if (!plan.isString()) {
            return fail(
                Error(ErrorCode::BadRequest, QStringLiteral("the body must be {\"plan\": \"<plan id>\"}")), request);
        }
        auto ns = service.setNamespacePlan(nsParameter(request), plan.toString(), contextOf(request));
        return ns ? namespaceResponse(200, *ns) : fail(ns.error(), request);
    });
    routes.add("DELETE", QStringLiteral("/v1/namespaces/{ns}"), model::Scope::Admin, [&service](HttpRequest& request) {
        auto deleted = service.deleteNamespace(nsParameter(request), contextOf(request));
        return deleted ? HttpResponse::noContent() : fail(deleted.error(), request);
    });
}

// Keys and values -----------------------------------------------------------------------------

void addValueRoutes(SecuredRoutes& routes, KvService& service)
{
    const RouteOptions keyRoute { 64 * 1024, true };
    routes.add(
        "GET", QStringLiteral("/v1/namespaces/{ns}/keys"), model::Scope::Read,
        [&service](HttpRequest& request) {
            service::ListRequest list;
            list.prefix = request.queryValue(QStringLiteral("prefix")).value_or(QString());
            list.cursor = request.queryValue(QStringLiteral("cursor")).value_or(QString());
            auto limit = integerParameter(request, QStringLiteral("limit"), ErrorCode::InvalidLimit);
            if (!limit) {
                return fail(limit.error(), request);
            }
            list.limit = *limit;
            if (const auto order = request.queryValue(QStringLiteral("order"))) {
                auto parsed = model::parseKeyOrder(*order);
                if (!parsed) {
                    return fail(parsed.error(), request);
                }
                list.order = *parsed;
            }
            auto page = service.list(nsParameter(request), list);
            if (!page) {
                return fail(page.error(), request);
            }
            return HttpResponse::json(200, QJsonDocument(model::json::fromKeyPage(*page)));
        },
        keyRoute);

    routes.add(
        "GET", QStringLiteral("/v1/namespaces/{ns}/values/{key}"), model::Scope::Read,
        [&service](HttpRequest& request) {
            auto key = keyParameter(request, service.limits());
            if (!key) {
                return fail(key.error(), request);
            }
            auto entry = service.get(nsParameter(request), *key);
            if (!entry) {
                return fail(entry.error(), request);
            }
            const QByteArray etag = etagFor(entry->version);
            HttpResponse response;
            if (request.headers.value("If-None-Match") == etag) {
                response.status = 304;
            } else {
                response = HttpResponse::bytes(200, entry->value, QByteArrayLiteral("application/octet-stream"));
            }
            response.headers.set(QByteArrayLiteral("ETag"), etag);
            if (!entry->metadata.isEmpty()) {
                response.headers.set(QByteArrayLiteral("Kv-Metadata"), model::json::asciiJson(entry->metadata));
            }
            if (entry->expiresAt) {
                response.headers.set(QByteArrayLiteral("Kv-Expiration"), QByteArray::number(*entry->expiresAt / 1000));
            }
            response.headers.set(QByteArrayLiteral("Last-Modified"), model::json::httpDate(entry->updatedAt));
            return response;
        },
        keyRoute);

    // The PUT body is the value, or a multipart form holding it: room for the form's framing
    // (boundaries, part headers) and its metadata part, which may be pretty-printed JSON. A raw
    // value inside the room but over the value limit still gets value_too_large from the rules.
    const model::Limits& limits = service.limits();
    const RouteOptions valueWrite { limits.maxValueBytes + kMultipartFramingBytes + 8 * limits.maxMetadataBytes, true };
    routes.add(
        "PUT", QStringLiteral("/v1/namespaces/{ns}/values/{key}"), model::Scope::Write,
        [&service](HttpRequest& request) {
            auto target = writeTarget(request, service.limits());
            if (!target) {
                return fail(target.error(), request);
            }
            const auto& [key, precondition] = *target;
            auto ttl = integerParameter(request, QStringLiteral("ttl"), ErrorCode::InvalidTtl);
            if (!ttl) {
                return fail(ttl.error(), request);
            }
            auto expiration = integerParameter(request, QStringLiteral("expiration"), ErrorCode::InvalidExpiration);
            if (!expiration) {
                return fail(expiration.error(), request);
            }
            service::PutRequest put;
            put.key = key;
            put.expiry = model::ExpiryRequest { *ttl, *expiration };
            put.precondition = precondition;
            auto upload = putBodyOf(request);
            if (!upload) {
                return fail(upload.error(), request);
            }
            if (upload->metadata) {
                auto parsed = model::parseMetadata(*upload->metadata, service.limits());
                if (!parsed) {
                    return fail(parsed.error(), request);
                }
                put.metadata = *parsed;
            }
            put.value = upload->value.toByteArray();
            request.body.clear(); // the value is copied out; do not hold it twice during the write
            auto written = service.put(nsParameter(request), put, contextOf(request));
            if (!written) {
                return fail(written.error(), request);
            }
            QJsonObject body { { QStringLiteral("key"), key }, { QStringLiteral("version"), written->version } };
            body.insert(QStringLiteral("expiration"),
                written->expiresAt ? QJsonValue(*written->expiresAt / 1000) : QJsonValue());
            HttpResponse response = HttpResponse::json(200, QJsonDocument(body));
            response.headers.set(QByteArrayLiteral("ETag"), etagFor(written->version));
            return response;
        },
        valueWrite);

    routes.add(
        "DELETE", QStringLiteral("/v1/namespaces/{ns}/values/{key}"), model::Scope::Write,
        [&service](HttpRequest& request) {
            auto target = writeTarget(request, service.limits());
            if (!target) {
                return fail(target.error(), request);
            }
            const auto& [key, precondition] = *target;
            auto removed = service.remove(nsParameter(request), key, precondition, contextOf(request));
            if (!removed) {
                return fail(removed.error(), request);
            }
            return HttpResponse::json(200,
                QJsonDocument(QJsonObject { { QStringLiteral("key"), key }, { QStringLiteral("deleted"), *removed } }));
        },
        keyRoute);
}

} // namespace

void addKvRoutes(SecuredRoutes& routes, KvService& service)
{
    addNamespaceRoutes(routes, service);
    addValueRoutes(routes, service);
}

} // namespace kv::server
