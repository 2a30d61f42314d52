#include "client/CircuitBreaker.h"

#include <algorithm>

namespace kv::client {

CircuitBreaker::CircuitBreaker(int threshold, std::chrono::milliseconds openFor)
    : m_threshold(std::max(1, threshold))
    , m_openFor(openFor)
{ }

bool CircuitBreaker::allow(Clock::time_point now)
{
    switch (m_state) {
    case BreakerState::Closed:
        return true;
    case BreakerState::Open:
        if (now - m_openedAt < m_openFor) {
            return false;
        }
        moveTo(BreakerState::HalfOpen);
        m_probing = true;
        return true;
    case BreakerState::HalfOpen:
        if (m_probing) {
            return false;
        }
        m_probing = true;
        return true;
    }
    return false;
}

void CircuitBreaker::success()
{
    m_failures = 0;
    m_probing = false;
    moveTo(BreakerState::Closed);
}

void CircuitBreaker::failure(Clock::time_point now)
{
    ++m_failures;
    m_probing = false;
    if (m_state == BreakerState::HalfOpen || (m_state == BreakerState::Closed && m_failures >= m_threshold)) {
        m_openedAt = now;
        moveTo(BreakerState::Open);
    }
}

void CircuitBreaker::abandoned()
{
    m_probing = false;
}

std::chrono::milliseconds CircuitBreaker::reopensIn(Clock::time_point now) const
{
    if (m_state != BreakerState::Open) {
        return std::chrono::milliseconds(0);
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_openedAt + m_openFor - now);
    return std::max(left, std::chrono::milliseconds(0));
}

void CircuitBreaker::moveTo(BreakerState state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    if (onStateChanged) {
        onStateChanged(state);
    }
}

} // namespace kv::client
