#pragma once
// ExpiryPurger removes expired entries in the background. Expired entries are already invisible
// to every read (the store filters them by time), so purging only reclaims space and corrects
// the namespace counters; it runs on its own thread in small transactions so that writers are
// never held up for long.

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

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
    ExpiryPurger(KvService& service);
    /// Stops the thread and waits for the transaction under way to finish.
    ~ExpiryPurger();
    Q_DISABLE_COPY_MOVE(ExpiryPurger)

    /// Entries removed since start.
    [[nodiscard]] qint64 purged() const;
    /// Asks for a pass now instead of at the next interval.
    void wake();

private:
    void run();

    KvService& m_service;
    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
    qint64 m_purged = 0;
    std::thread m_thread;
};

} // namespace kv::service
