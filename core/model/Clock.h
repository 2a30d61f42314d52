#pragma once
// Clock is how core reads the time, so that TTL expiry, usage buckets and rate limits can be
// tested with a clock the test moves by hand instead of by sleeping.

#include <QtGlobal>

#include <atomic>

namespace kv::model {

/// Milliseconds since the Unix epoch, UTC: the one time unit inside core.
using Timestamp = qint64;

class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] Timestamp now() const override;
    /// The process-wide system clock.
    static const SystemClock& instance();
};

/// A clock that moves only when told to; safe to read from several threads.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(Timestamp start = 1'700'000'000'000)
        : m_now(start)
    { }
    [[nodiscard]] Timestamp now() const override { return m_now.load(); }
    void set(Timestamp t) { m_now.store(t); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }
    void advanceSeconds(qint64 s) { m_now.fetch_add(s * 1000); }

private:
    std::atomic<Timestamp> m_now;
};

} // namespace kv::model
