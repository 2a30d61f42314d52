#include "server/OpenApi.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace kv::server {

QByteArray openApiDocument()
{
    // Read once: the resource cannot change while kvd runs.
    static const QByteArray document = [] {
        QFile file(QStringLiteral(":/kvd/openapi.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            return QByteArray();
        }
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonObject info = root.value(QStringLiteral("info")).toObject();
        info.insert(QStringLiteral("version"), QStringLiteral(KV_VERSION));
        root.insert(QStringLiteral("info"), info);
        return QJsonDocument(root).toJson(QJsonDocument::Compact);
    }();
    return document;
}

void addOpenApiRoute(Router& router)
{
    router.add("GET", QStringLiteral("/v1/openapi.json"), [](HttpRequest& request) {
        const QByteArray document = openApiDocument();
        if (document.isEmpty()) {
            return HttpResponse::error(
                Error(ErrorCode::Internal, QStringLiteral("the OpenAPI document is missing from this build")),
                request.requestId);
        }
        return HttpResponse::bytes(200, document, QByteArrayLiteral("application/json"));
    });
}

} // namespace kv::server
