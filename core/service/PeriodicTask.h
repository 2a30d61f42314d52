#pragma once
// PeriodicTask runs a piece of work on its own thread every interval, or at once when woken,
// until it is destroyed: the shape of every background job in core (expiry purge, usage and
// last-used flushes). Destruction waits for a run under way to finish.

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kv::service {

class PeriodicTask final
{
public:
    /// Starts the thread; the first run happens at once.
    PeriodicTask(std::chrono::milliseconds interval, std::function<void()> work);
    ~PeriodicTask();
    Q_DISABLE_COPY_MOVE(PeriodicTask)

    /// Runs the work now instead of at the next interval.
    void wake();
    /// True once destruction began: long work checks it between steps and returns early.
    [[nodiscard]] bool stopping() const;

private:
    void run();

    std::chrono::milliseconds m_interval;
    std::function<void()> m_work;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
    std::thread m_thread; // last: it starts once everything above exists
};

} // namespace kv::service
