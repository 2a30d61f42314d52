#pragma once
// Router maps a method and a still-encoded path to a handler. Patterns are segment lists with
// {name} parameters ("/v1/namespaces/{ns}/values/{key}"); a parameter matches exactly one
// encoded segment and is percent-decoded only after the match, so "%2F" inside a key never
// splits it. HEAD is served by the GET route; a path that exists under other methods gives 405
// with their list for the Allow header.

#include "server/HttpMessage.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace kv::server {

using Handler = std::function<HttpResponse(HttpRequest&)>;

struct RouteOptions
{
    /// Bodies above this are refused with 413 before they are read.
    qsizetype maxBodyBytes = 64 * 1024;
    /// Responses carry Cache-Control: no-store (key and value routes).
    bool noStore = false;
};

struct Route
{
    QByteArray method;
    QString pattern;
    QList<QByteArray> segments;
    Handler handler;
    RouteOptions options;
};

struct RouteMatch
{
    enum class Kind { Found, NotFound, MethodNotAllowed, BadPath };
    Kind kind = Kind::NotFound;
    const Route* route = nullptr;
    QHash<QString, QByteArray> params;
    /// For MethodNotAllowed: the methods the path does allow, e.g. "GET, HEAD, PUT".
    QByteArray allow;
};

class Router final
{
public:
    void add(const QByteArray& method, const QString& pattern, Handler handler, RouteOptions options = {});
    /// `path` is the target without its query, as sent (percent-encoded).
    [[nodiscard]] RouteMatch match(QByteArrayView method, QByteArrayView path) const;
    [[nodiscard]] const QList<Route>& routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

/// Strict percent-decoding: nullopt on a malformed escape ("%zz", a lone "%").
std::optional<QByteArray> percentDecode(QByteArrayView encoded);

} // namespace kv::server
