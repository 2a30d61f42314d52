#include "service/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace kv::service {

RateLimiter::RateLimiter(const model::Clock& clock, int maxBuckets)
    : m_clock(clock)
    , m_maxBuckets(maxBuckets)
{ }

RateDecision RateLimiter::take(const QString& key, double ratePerSecond, qint64 burst)
{
    RateDecision decision;
    if (ratePerSecond <= 0) {
        return decision;
    }
    const qint64 capacity = std::max<qint64>(burst, 1);
    const double perMs = ratePerSecond / 1000.0;
    const model::Timestamp now = m_clock.now();
    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxBuckets) {
            forgetFullBuckets(now, ratePerSecond, capacity);
        }
        it = m_buckets.insert(key, Bucket { static_cast<double>(capacity), now });
    }
    Bucket& bucket = *it;
    // A clock that steps back refills nothing rather than draining the bucket.
    const auto elapsed = static_cast<double>(std::max<qint64>(now - bucket.updated, 0));
    bucket.tokens = std::min(static_cast<double>(capacity), bucket.tokens + elapsed * perMs);
    bucket.updated = now;

    decision.limited = true;
    decision.limit = capacity;
    decision.ratePerSecond = ratePerSecond;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        decision.allowed = true;
    } else {
        decision.allowed = false;
        decision.retryAfterSeconds
            = std::max<qint64>(1, static_cast<qint64>(std::ceil((1.0 - bucket.tokens) / ratePerSecond)));
    }
    decision.remaining = static_cast<qint64>(std::floor(bucket.tokens));
    decision.resetSeconds
        = static_cast<qint64>(std::ceil((static_cast<double>(capacity) - bucket.tokens) / ratePerSecond));
    return decision;
}

void RateLimiter::forgetFullBuckets(model::Timestamp now, double ratePerSecond, qint64 burst)
{
    // Buckets of other plans may refill at other rates; judging them with this one only decides
    // which to forget first, and a forgotten bucket comes back full, never emptier than it was.
    const double perMs = ratePerSecond / 1000.0;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double tokens = it->tokens + static_cast<double>(std::max<qint64>(now - it->updated, 0)) * perMs;
        it = tokens >= static_cast<double>(burst) ? m_buckets.erase(it) : std::next(it);
    }
    // Still full of active callers: forget the one idle longest.
    if (m_buckets.size() >= m_maxBuckets) {
        const auto oldest = std::min_element(
            m_buckets.begin(), m_buckets.end(), [](const Bucket& a, const Bucket& b) { return a.updated < b.updated; });
        m_buckets.erase(oldest);
    }
}

int RateLimiter::bucketCount() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_buckets.size());
}

} // namespace kv::service
