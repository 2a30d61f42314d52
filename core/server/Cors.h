#pragma once
// Cross-origin access for browser clients (a dashboard on another origin, a signaling page):
// which origins may call kvd, what a preflight answers, and which response headers a page
// may read. No origin is allowed unless configured.

#include "server/HttpMessage.h"

#include <QByteArray>
#include <QStringList>

namespace kv::server {

struct CorsPolicy
{
    /// Exact origins ("https://console.example.com"), or "*" for any.
    QStringList allowedOrigins;
    /// How long a browser may cache a preflight answer.
    int maxAgeSeconds = 600;

    [[nodiscard]] bool allows(const QByteArray& origin) const;
    /// Headers of a 204 preflight answer for a path that allows `methods`.
    [[nodiscard]] HeaderList preflight(const QByteArray& origin, const QByteArray& methods) const;
    /// Headers added to an actual response to an allowed origin.
    [[nodiscard]] HeaderList actual(const QByteArray& origin) const;
};

} // namespace kv::server
