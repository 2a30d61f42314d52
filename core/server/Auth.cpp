#include "server/Auth.h"

#include "server/RouteSupport.h"
#include "service/ApiKeyService.h"

namespace kv::server {

namespace {

QString bearerOf(const HttpRequest& request)
{
    const QByteArray header = request.headers.value("Authorization").value_or(QByteArray()).trimmed();
    constexpr QByteArrayView scheme("Bearer ");
    if (header.size() > scheme.size()
        && QByteArrayView(header).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0) {
        return QString::fromLatin1(header.mid(scheme.size()).trimmed());
    }
    return {};
}

} // namespace

Handler requireScope(service::ApiKeyService& keys, model::Scope scope, Handler handler)
{
    return [&keys, scope, handler = std::move(handler)](HttpRequest& request) {
        auto key = keys.authenticate(bearerOf(request));
        if (!key) {
            HttpResponse response = fail(key.error(), request);
            if (key.error().code() == ErrorCode::Unauthorized) {
                response.headers.set(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"kvd\""));
            }
            return response;
        }
        if (auto allowed = service::ApiKeyService::authorize(*key, scope, nsParameter(request)); !allowed) {
            return fail(allowed.error(), request);
        }
        request.apiKey = std::move(key.value());
        return handler(request);
    };
}

} // namespace kv::server
