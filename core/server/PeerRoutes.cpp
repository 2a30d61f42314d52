#include "server/PeerRoutes.h"

#include "model/Json.h"
#include "server/RouteSupport.h"
#include "service/PeerRegistry.h"

#include <QJsonArray>

namespace kv::server {

void addPeerRoutes(SecuredRoutes& routes, const service::PeerRegistry& peers)
{
    routes.add("GET", QStringLiteral("/v1/peers"), model::Scope::Admin, [&peers](HttpRequest& request) {
        const QString room = request.queryValue(QStringLiteral("room")).value_or(QString());
        QJsonArray list;
        for (const model::Peer& peer : peers.list(room)) {
            list.append(model::json::fromPeer(peer));
        }
        return HttpResponse::json(200, QJsonDocument(QJsonObject { { QStringLiteral("peers"), list } }));
    });
}

} // namespace kv::server
