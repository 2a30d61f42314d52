#pragma once
// The inside of SqliteStore, shared by the files that implement it (entries and namespaces in
// SqliteStore.cpp, API keys in SqliteApiKeys.cpp): the writer connection and its mutex, and the
// pool of reader connections. Internal to core/store.

#include "store/SqliteConnection.h"
#include "store/SqliteStore.h"

#include <condition_variable>
#include <mutex>
#include <vector>

namespace kv::store {

struct SqliteStore::Impl
{
    Options options;
    std::unique_ptr<SqliteConnection> writer;
    std::mutex writerMutex;

    // The reader pool: idle connections, and how many exist in all.
    std::mutex readersMutex;
    std::condition_variable readerFreed;
    std::vector<std::unique_ptr<SqliteConnection>> idleReaders;
    int openReaders = 0;

    Result<std::unique_ptr<SqliteConnection>> openConnection(bool readOnly) const
    {
        return SqliteConnection::open(
            options.path, readOnly, options.busyTimeoutMs, options.sync == Sync::Full ? "FULL" : "NORMAL");
    }

    /// A reader connection for the lifetime of the returned lease.
    class ReaderLease
    {
    public:
        ReaderLease(Impl& impl, std::unique_ptr<SqliteConnection> connection)
            : m_impl(impl)
            , m_connection(std::move(connection))
        { }
        ~ReaderLease()
        {
            if (m_connection) {
                // No statement may keep an old snapshot open for the connection's next user.
                m_connection->resetAll();
                const std::lock_guard lock(m_impl.readersMutex);
                m_impl.idleReaders.push_back(std::move(m_connection));
                m_impl.readerFreed.notify_one();
            }
        }
        Q_DISABLE_COPY_MOVE(ReaderLease)
        SqliteConnection* operator->() const { return m_connection.get(); }
        SqliteConnection& operator*() const { return *m_connection; }

    private:
        Impl& m_impl;
        std::unique_ptr<SqliteConnection> m_connection;
    };

    Result<std::unique_ptr<ReaderLease>> reader()
    {
        std::unique_lock lock(readersMutex);
        readerFreed.wait(lock, [this] { return !idleReaders.empty() || openReaders < options.maxReaders; });
        if (!idleReaders.empty()) {
            auto connection = std::move(idleReaders.back());
            idleReaders.pop_back();
            return std::make_unique<ReaderLease>(*this, std::move(connection));
        }
        ++openReaders;
        lock.unlock();
        auto opened = openConnection(true);
        if (!opened) {
            const std::lock_guard relock(readersMutex);
            --openReaders;
            readerFreed.notify_one();
            return opened.error();
        }
        return std::make_unique<ReaderLease>(*this, std::move(opened.value()));
    }

    /// Appends an audit event on `db` (the writer, its mutex held); SqliteAudit.cpp.
    Result<qint64> insertAudit(SqliteConnection& db, const model::AuditEvent& event);

    Result<bool> namespaceExists(SqliteConnection& db, const QString& id)
    {
        auto& stmt = db.statement("SELECT 1 FROM namespaces WHERE id = ?1");
        stmt.bind(1, id);
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        stmt.reset();
        return *row;
    }
};

} // namespace kv::store
