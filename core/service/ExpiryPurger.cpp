#include "service/ExpiryPurger.h"

#include "service/KvService.h"

namespace kv::service {

ExpiryPurger::ExpiryPurger(KvService& service, Options options)
    : m_service(service)
    , m_options(options)
    , m_thread([this] { run(); })
{ }

ExpiryPurger::ExpiryPurger(KvService& service)
    : ExpiryPurger(service, Options {})
{ }

ExpiryPurger::~ExpiryPurger()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

qint64 ExpiryPurger::purged() const
{
    const std::lock_guard lock(m_mutex);
    return m_purged;
}

void ExpiryPurger::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

void ExpiryPurger::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        // Purge in small transactions until a pass finds less than a full batch.
        while (true) {
            auto removed = m_service.purgeExpired(m_options.batchSize);
            if (!removed || *removed == 0) {
                // A failure (a locked store, a full disk) is retried at the next interval.
                break;
            }
            {
                const std::lock_guard count(m_mutex);
                m_purged += *removed;
                if (m_stopping) {
                    return;
                }
            }
            if (*removed < m_options.batchSize) {
                break;
            }
        }
        lock.lock();
        m_wake.wait_for(lock, m_options.interval, [this] { return m_stopping || m_woken; });
        m_woken = false;
    }
}

} // namespace kv::service
