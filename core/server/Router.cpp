#include "server/Router.h"

namespace kv::server {

namespace {

QList<QByteArray> splitPath(QByteArrayView path)
{
    // "/v1/a/b" -> ["v1", "a", "b"]; a trailing slash gives a last empty segment, which no
    // pattern has, so "/v1/namespaces/" does not match "/v1/namespaces".
    QList<QByteArray> segments = path.toByteArray().split('/');
    if (!segments.isEmpty() && segments.front().isEmpty()) {
        segments.removeFirst();
    }
    return segments;
}

bool isParameter(const QByteArray& segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

std::optional<QByteArray> percentDecode(QByteArrayView encoded)
{
    QByteArray decoded;
    decoded.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c != '%') {
            decoded.append(c);
            continue;
        }
        if (i + 2 >= encoded.size()) {
            return std::nullopt;
        }
        const int high = hexValue(encoded[i + 1]);
        const int low = hexValue(encoded[i + 2]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        decoded.append(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return decoded;
}

void Router::add(const QByteArray& method, const QString& pattern, Handler handler, RouteOptions options)
{
    m_routes.append(Route { method, pattern, splitPath(pattern.toUtf8()), std::move(handler), options });
}

RouteMatch Router::match(QByteArrayView method, QByteArrayView path) const
{
    const QList<QByteArray> segments = splitPath(path);
    const QByteArrayView effective = method == QByteArrayView("HEAD") ? QByteArrayView("GET") : method;
    RouteMatch result;
    QList<QByteArray> allowed;
    for (const Route& route : m_routes) {
        if (route.segments.size() != segments.size()) {
            continue;
        }
        QHash<QString, QByteArray> params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QByteArray& expected = route.segments[i];
            if (isParameter(expected)) {
                if (segments[i].isEmpty()) {
                    matches = false;
                    break;
                }
                auto decoded = percentDecode(segments[i]);
                if (!decoded) {
                    result.kind = RouteMatch::Kind::BadPath;
                    return result;
                }
                params.insert(QString::fromLatin1(expected.mid(1, expected.size() - 2)), *decoded);
            } else {
                matches = expected == segments[i];
            }
        }
        if (!matches) {
            continue;
        }
        if (route.method == effective) {
            result.kind = RouteMatch::Kind::Found;
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        for (const QByteArray& other : { route.method, QByteArray(route.method == "GET" ? "HEAD" : "") }) {
            if (!other.isEmpty() && !allowed.contains(other)) {
                allowed.append(other);
            }
        }
    }
    if (!allowed.isEmpty()) {
        result.kind = RouteMatch::Kind::MethodNotAllowed;
        result.allow = allowed.join(", ");
    }
    return result;
}

} // namespace kv::server
