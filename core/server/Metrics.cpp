#include "server/Metrics.h"

namespace kv::server {

namespace {

/// Escapes a label value as the text format asks: backslash, quote and newline.
QString label(QString value)
{
    return value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

QString routeName(const QString& route)
{
    return route.isEmpty() ? QStringLiteral("unmatched") : route;
}

} // namespace

Metrics::Metrics(Gauges gauges)
    : m_gauges(std::move(gauges))
{ }

void Metrics::record(const RequestLog& request)
{
    const QString route = routeName(request.route);
    const double seconds = static_cast<double>(request.duration.count()) / 1e6;
    const QString key = route + QLatin1Char('\t') + QString::fromLatin1(request.method) + QLatin1Char('\t')
        + QString::number(request.status);
    const std::lock_guard lock(m_mutex);
    ++m_requests[key];
    Latency& latency = m_latency[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++latency.buckets[i];
        }
    }
    ++latency.count;
    latency.sum += seconds;
}

QByteArray Metrics::render() const
{
    QString out;
    out += QStringLiteral("# HELP kvd_http_requests_total HTTP requests answered, by route, method and status.\n"
                          "# TYPE kvd_http_requests_total counter\n");
    const std::lock_guard lock(m_mutex);
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\t'));
        out += QStringLiteral("kvd_http_requests_total{route=\"%1\",method=\"%2\",status=\"%3\"} %4\n")
                   .arg(label(parts[0]), label(parts[1]), parts[2])
                   .arg(it.value());
    }
    out += QStringLiteral("# HELP kvd_http_request_duration_seconds Time from the request's first byte to its "
                          "answer, by route.\n"
                          "# TYPE kvd_http_request_duration_seconds histogram\n");
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const QString route = label(it.key());
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out += QStringLiteral("kvd_http_request_duration_seconds_bucket{route=\"%1\",le=\"%2\"} %3\n")
                       .arg(route, QString::number(kBuckets[i]))
                       .arg(it->buckets[i]);
        }
        out += QStringLiteral("kvd_http_request_duration_seconds_bucket{route=\"%1\",le=\"+Inf\"} %2\n")
                   .arg(route)
                   .arg(it->count);
        out += QStringLiteral("kvd_http_request_duration_seconds_sum{route=\"%1\"} %2\n").arg(route).arg(it->sum);
        out += QStringLiteral("kvd_http_request_duration_seconds_count{route=\"%1\"} %2\n").arg(route).arg(it->count);
    }
    if (m_gauges.openConnections) {
        out += QStringLiteral("# HELP kvd_open_connections Client connections open now.\n"
                              "# TYPE kvd_open_connections gauge\n"
                              "kvd_open_connections %1\n")
                   .arg(m_gauges.openConnections());
    }
    if (m_gauges.storeBytes) {
        out += QStringLiteral("# HELP kvd_store_bytes Size of the store on disk, write-ahead log included.\n"
                              "# TYPE kvd_store_bytes gauge\n"
                              "kvd_store_bytes %1\n")
                   .arg(m_gauges.storeBytes());
    }
    if (m_gauges.storeRowsWritten) {
        out += QStringLiteral("# HELP kvd_store_rows_written_total Rows the store inserted, updated or deleted.\n"
                              "# TYPE kvd_store_rows_written_total counter\n"
                              "kvd_store_rows_written_total %1\n")
                   .arg(m_gauges.storeRowsWritten());
    }
    return out.toUtf8();
}

void addMetricsRoute(Router& router, const Metrics& metrics)
{
    router.add("GET", QStringLiteral("/metrics"), [&metrics](HttpRequest&) {
        return HttpResponse::bytes(
            200, metrics.render(), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    });
}

} // namespace kv::server
