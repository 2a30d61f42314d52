#include "service/ExpiryPurger.h"

#include "service/KvService.h"

namespace kv::service {

namespace {

ExpiryPurger::Options sanitized(ExpiryPurger::Options options)
{
    // A batch size below 1 would reach SQL as LIMIT -1: one unbounded transaction.
    options.batchSize = std::max(1, options.batchSize);
    return options;
}

} // namespace

ExpiryPurger::ExpiryPurger(KvService& service, Options options)
    : m_service(service)
    , m_options(sanitized(options))
    , m_task(options.interval, [this] { pass(); })
{ }

ExpiryPurger::ExpiryPurger(KvService& service)
    : ExpiryPurger(service, Options {})
{ }

void ExpiryPurger::pass()
{
    // Purge in small transactions until one removes less than a full batch. A failure (a locked
    // store, a full disk) is retried at the next interval.
    while (!m_task.stopping()) {
        auto removed = m_service.purgeExpired(m_options.batchSize);
        if (!removed || *removed == 0) {
            return;
        }
        m_purged += *removed;
        if (*removed < m_options.batchSize) {
            return;
        }
    }
}

} // namespace kv::service
