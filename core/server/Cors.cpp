#include "server/Cors.h"

namespace kv::server {

bool CorsPolicy::allows(const QByteArray& origin) const
{
    if (origin.isEmpty()) {
        return false;
    }
    const QString text = QString::fromLatin1(origin);
    return allowedOrigins.contains(QStringLiteral("*")) || allowedOrigins.contains(text);
}

HeaderList CorsPolicy::preflight(const QByteArray& origin, const QByteArray& methods) const
{
    HeaderList headers = actual(origin);
    headers.set(QByteArrayLiteral("Access-Control-Allow-Methods"), methods);
    headers.set(QByteArrayLiteral("Access-Control-Allow-Headers"),
        QByteArrayLiteral("Authorization, Content-Type, If-Match, If-None-Match, Kv-Metadata, X-Request-Id"));
    headers.set(QByteArrayLiteral("Access-Control-Max-Age"), QByteArray::number(maxAgeSeconds));
    return headers;
}

HeaderList CorsPolicy::actual(const QByteArray& origin) const
{
    HeaderList headers;
    headers.set(QByteArrayLiteral("Access-Control-Allow-Origin"), origin);
    headers.set(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    headers.set(QByteArrayLiteral("Access-Control-Expose-Headers"),
        QByteArrayLiteral("ETag, Kv-Metadata, Kv-Expiration, Last-Modified, X-Request-Id, Retry-After, "
                          "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"));
    return headers;
}

} // namespace kv::server
