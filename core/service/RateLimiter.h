#pragma once
// RateLimiter is a set of token buckets (DESIGN.md, "Plans, quotas and billing"): one per API key
// and namespace, refilled at the plan's rate up to its burst. take() spends one token or says how
// long to wait for one. Buckets that are full again are forgotten, so memory follows the callers
// active in the last burst/rate seconds, and at most maxBuckets are kept.
//
// Thread-safe.

#include "model/Clock.h"

#include <QHash>
#include <QString>

#include <mutex>

namespace kv::service {

struct RateDecision
{
    bool allowed = true;
    /// False when the rate is unlimited: no headers to send.
    bool limited = false;
    /// The burst: how many requests a full bucket holds.
    qint64 limit = 0;
    /// Whole tokens left after this request.
    qint64 remaining = 0;
    /// Seconds until the bucket is full again.
    qint64 resetSeconds = 0;
    /// When refused: seconds until one token is there (at least 1).
    qint64 retryAfterSeconds = 0;
    /// The sustained rate, per second.
    double ratePerSecond = 0;
};

class RateLimiter final
{
public:
    explicit RateLimiter(const model::Clock& clock, int maxBuckets = 100'000);
    Q_DISABLE_COPY_MOVE(RateLimiter)

    /// Spends a token of the bucket `key` (rate <= 0: unlimited, always allowed).
    RateDecision take(const QString& key, double ratePerSecond, qint64 burst);
    [[nodiscard]] int bucketCount() const;

private:
    struct Bucket
    {
        double tokens = 0;
        model::Timestamp updated = 0;
    };
    void forgetFullBuckets(model::Timestamp now, double ratePerSecond, qint64 burst);

    const model::Clock& m_clock;
    int m_maxBuckets;
    mutable std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace kv::service
