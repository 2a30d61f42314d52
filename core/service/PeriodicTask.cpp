#include "service/PeriodicTask.h"

namespace kv::service {

PeriodicTask::PeriodicTask(std::chrono::milliseconds interval, std::function<void()> work)
    : m_interval(interval)
    , m_work(std::move(work))
    , m_thread([this] { run(); })
{ }

PeriodicTask::~PeriodicTask()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void PeriodicTask::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

bool PeriodicTask::stopping() const
{
    const std::lock_guard lock(m_mutex);
    return m_stopping;
}

void PeriodicTask::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        m_work();
        lock.lock();
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping || m_woken; });
        m_woken = false;
    }
}

} // namespace kv::service
