#include "server/Auth.h"

#include "server/RouteSupport.h"
#include "service/ApiKeyService.h"
#include "service/KvService.h"
#include "service/RateLimiter.h"

#include <cmath>

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

void addRateLimitHeaders(HeaderList& headers, const service::RateDecision& decision)
{
    const QByteArray limit = QByteArray::number(decision.limit);
    const QByteArray remaining = QByteArray::number(decision.remaining);
    const QByteArray reset = QByteArray::number(decision.resetSeconds);
    // The window in which a full bucket's burst is earned back at the sustained rate.
    const auto window = static_cast<qint64>(std::ceil(static_cast<double>(decision.limit) / decision.ratePerSecond));
    headers.set(QByteArrayLiteral("X-RateLimit-Limit"), limit);
    headers.set(QByteArrayLiteral("X-RateLimit-Remaining"), remaining);
    headers.set(QByteArrayLiteral("X-RateLimit-Reset"), reset);
    headers.set(QByteArrayLiteral("RateLimit"), "limit=" + limit + ", remaining=" + remaining + ", reset=" + reset);
    headers.set(QByteArrayLiteral("RateLimit-Policy"), limit + ";w=" + QByteArray::number(window));
}

/// Spends a token of the key's bucket for the route's namespace; nullopt when the route has no
/// namespace or it does not exist (the handler answers that).
std::optional<service::RateDecision> rateDecision(const RateLimits& limits, const HttpRequest& request)
{
    const QString ns = nsParameter(request);
    if (ns.isEmpty()) {
        return std::nullopt;
    }
    auto plan = limits.kv.planOf(ns);
    if (!plan) {
        return std::nullopt;
    }
    const service::RateDecision decision
        = limits.limiter.take(request.apiKey->id + QLatin1Char('\n') + ns, plan->ratePerSecond, plan->burst);
    return decision.limited ? std::optional(decision) : std::nullopt;
}

} // namespace

Handler requireScope(
    service::ApiKeyService& keys, model::Scope scope, Handler handler, std::optional<RateLimits> rateLimits)
{
    return [&keys, scope, handler = std::move(handler), rateLimits](HttpRequest& request) {
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
        const auto decision = rateLimits ? rateDecision(*rateLimits, request) : std::nullopt;
        if (decision && !decision->allowed) {
            HttpResponse refused
                = fail(Error(ErrorCode::RateLimited,
                           QStringLiteral("this key sends more than %1 requests per second to the "
                                          "namespace %2 (burst %3); retry after %4 s")
                               .arg(decision->ratePerSecond)
                               .arg(nsParameter(request))
                               .arg(decision->limit)
                               .arg(decision->retryAfterSeconds),
                           QJsonObject { { QStringLiteral("retryAfterSeconds"), decision->retryAfterSeconds } }),
                    request);
            addRateLimitHeaders(refused.headers, *decision);
            return refused;
        }
        HttpResponse response = handler(request);
        if (decision) {
            addRateLimitHeaders(response.headers, *decision);
        }
        return response;
    };
}

} // namespace kv::server
