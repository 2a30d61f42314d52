#pragma once
// ExpiryPurger removes expired entries in the background. Expired entries are already invisible
// to every read (the store filters them by time), so purging only reclaims space and corrects
// the namespace counters; it runs on its own thread in small transactions so that writers are
// never held up for long.

#include "service/PeriodicTask.h"

#include <atomic>
#include <chrono>

namespace kv::service {

class KvService;

class ExpiryPurger final
{
public:
    struct Options
    {
        std::chrono::milliseconds interval { 1000 };
        /// Entries removed per transaction.
        int batchSize = 1000;
    };

    /// Starts the purging thread at once.
    ExpiryPurger(KvService& service, Options options);
    explicit ExpiryPurger(KvService& service);
    /// Stops the thread and waits for the transaction under way to finish.
    ~ExpiryPurger() = default;
    Q_DISABLE_COPY_MOVE(ExpiryPurger)

    /// Entries removed since start.
    [[nodiscard]] qint64 purged() const { return m_purged.load(); }
    /// Asks for a pass now instead of at the next interval.
    void wake() { m_task.wake(); }

private:
    void pass();

    KvService& m_service;
    Options m_options;
    std::atomic<qint64> m_purged { 0 };
    PeriodicTask m_task; // last: its thread uses the members above
};

} // namespace kv::service
