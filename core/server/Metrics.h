#pragma once
// Metrics gathers what kvd exposes at /metrics in the Prometheus text format: requests by
// route, method and status, a latency histogram per route, open connections, and the store's
// size. Recording is a short critical section per request; rendering happens on scrape.

#include "server/HttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <functional>
#include <mutex>

namespace kv::server {

class Metrics final
{
public:
    struct Gauges
    {
        std::function<int()> openConnections;
        std::function<qint64()> storeBytes;
        std::function<quint64()> storeRowsWritten;
    };

    explicit Metrics(Gauges gauges);
    Q_DISABLE_COPY_MOVE(Metrics)

    void record(const RequestLog& request);
    [[nodiscard]] QByteArray render() const;

    /// Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 11> kBuckets { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1.0 };

private:
    struct Latency
    {
        std::array<quint64, kBuckets.size()> buckets {};
        quint64 count = 0;
        double sum = 0;
    };

    Gauges m_gauges;
    mutable std::mutex m_mutex;
    /// "route\tmethod\tstatus" -> count
    QHash<QString, quint64> m_requests;
    /// route -> latency
    QHash<QString, Latency> m_latency;
};

/// Adds GET /metrics (no key: scrapers rarely carry one; put it behind the firewall).
void addMetricsRoute(Router& router, const Metrics& metrics);

} // namespace kv::server
