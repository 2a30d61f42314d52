#include "server/RequestParsing.h"

#include "server/Router.h"

namespace kv::server {

namespace {

QByteArray toQByteArray(boost::beast::string_view view)
{
    return QByteArray(view.data(), static_cast<qsizetype>(view.size()));
}

QByteArrayView toView(boost::beast::string_view view)
{
    return QByteArrayView(view.data(), static_cast<qsizetype>(view.size()));
}

} // namespace

Result<QHash<QString, QString>> parseQuery(QByteArrayView query)
{
    QHash<QString, QString> parsed;
    for (const QByteArray& pair : query.toByteArray().split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype equals = pair.indexOf('=');
        QByteArray name = pair.left(equals < 0 ? pair.size() : equals).replace('+', ' ');
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1).replace('+', ' ');
        const auto decodedName = percentDecode(name);
        const auto decodedValue = percentDecode(value);
        if (!decodedName || !decodedValue) {
            return Error(ErrorCode::BadRequest, QStringLiteral("the query string holds a malformed percent-escape"));
        }
        parsed.insert(QString::fromUtf8(*decodedName), QString::fromUtf8(*decodedValue));
    }
    return parsed;
}

SplitTarget splitTarget(QByteArrayView target)
{
    const qsizetype queryStart = target.indexOf('?');
    if (queryStart < 0) {
        return SplitTarget { target, {}, false };
    }
    return SplitTarget { target.first(queryStart), target.sliced(queryStart + 1), true };
}

Result<HttpRequest> toHttpRequest(const boost::beast::http::request<boost::beast::http::string_body>& message)
{
    HttpRequest request;
    request.method = toQByteArray(message.method_string());
    const SplitTarget target = splitTarget(toView(message.target()));
    request.target = target.path.toByteArray();
    if (target.hasQuery) {
        auto query = parseQuery(target.query);
        if (!query) {
            return query.error();
        }
        request.query = std::move(query.value());
    }
    for (const auto& field : message) {
        request.headers.add(toQByteArray(field.name_string()), toQByteArray(field.value()));
    }
    request.body = QByteArray(message.body().data(), static_cast<qsizetype>(message.body().size()));
    return request;
}

} // namespace kv::server
