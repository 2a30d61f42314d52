#pragma once
// Turns a request that Beast has parsed into the HttpRequest handlers see: path and query split,
// the query percent-decoded, headers and body copied. Pure functions with no socket, so that
// HttpServer and the fuzz target (fuzz/) run exactly the same conversion.

#include "model/Result.h"
#include "server/HttpMessage.h"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace kv::server {

/// Splits a query string (without the '?') into names and values: pairs separated by '&', '+'
/// for a space, strict percent-escapes, UTF-8; a name without '=' has an empty value and the
/// last value of a repeated name wins. BadRequest on a malformed escape.
Result<QHash<QString, QString>> parseQuery(QByteArrayView query);

/// The target split at the first '?': the still-encoded path (what routing sees) and the query.
struct SplitTarget
{
    QByteArrayView path;
    /// Empty when there is no '?'; hasQuery tells "/x?" from "/x".
    QByteArrayView query;
    bool hasQuery = false;
};
SplitTarget splitTarget(QByteArrayView target);

/// Fills method, target (the path), query, headers and body from a parsed Beast request; the
/// caller adds what only it knows (route params, request id, remote address). Fails only on a
/// malformed query string.
Result<HttpRequest> toHttpRequest(const boost::beast::http::request<boost::beast::http::string_body>& message);

} // namespace kv::server
