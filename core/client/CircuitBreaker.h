#pragma once
// CircuitBreaker keeps a client from hammering a server that keeps failing: after `threshold`
// consecutive failures it opens and refuses calls at once; after `openFor` it lets one probe
// call through (half-open); the probe's success closes it, its failure opens it again. Only
// faults of the server or the network count as failures: an answer, even an error, is a success.
//
// Not thread-safe: RemoteClient uses it from its own thread.

#include "client/Client.h"

#include <chrono>
#include <functional>

namespace kv::client {

class CircuitBreaker final
{
public:
    using Clock = std::chrono::steady_clock;

    CircuitBreaker(int threshold, std::chrono::milliseconds openFor);

    /// Whether a call may go out now. In half-open, one probe at a time: the call allowed must
    /// end in success(), failure() or abandoned().
    bool allow(Clock::time_point now);
    void success();
    void failure(Clock::time_point now);
    /// A call that was allowed ended without an outcome (cancelled): a probe slot is freed.
    void abandoned();

    [[nodiscard]] BreakerState state() const { return m_state; }
    /// While open: how long until a probe may go.
    [[nodiscard]] std::chrono::milliseconds reopensIn(Clock::time_point now) const;
    [[nodiscard]] int consecutiveFailures() const { return m_failures; }

    std::function<void(BreakerState)> onStateChanged;

private:
    void moveTo(BreakerState state);

    const int m_threshold;
    const std::chrono::milliseconds m_openFor;
    BreakerState m_state = BreakerState::Closed;
    int m_failures = 0;
    bool m_probing = false;
    Clock::time_point m_openedAt {};
};

} // namespace kv::client
