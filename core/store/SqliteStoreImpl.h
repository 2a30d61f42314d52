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

/// The statements SqliteStore::listKeys reads a page of keys with, named here so that the store
/// suite can ask SQLite for their query plans. Each is a range over the (ns, key) index of the
/// UNIQUE constraint, bounded on both sides, so a page costs the same at any depth of a namespace
/// of millions of keys. EXPLAIN QUERY PLAN (SQLite 3.40) gives, for all three:
///     SEARCH entries USING INDEX sqlite_autoindex_entries_1 (ns=? AND key>? AND key<?)
/// and no "USE TEMP B-TREE FOR ORDER BY": descending walks the same index backwards, no sort.
/// ?1 namespace, ?2 lower bound, ?3 upper bound (exclusive), ?4 now, ?5 limit.
namespace sql {
/// Ascending from ?2 inclusive: the first page, or a cursor that lies before the prefix.
inline constexpr char kKeysAscendingFrom[]
    = "SELECT key, size, expires_at, metadata, version, updated_at FROM entries "
      "WHERE ns = ?1 AND key >= ?2 AND key < ?3 AND (expires_at IS NULL OR expires_at > ?4) "
      "ORDER BY key LIMIT ?5";
/// Ascending strictly after the cursor ?2.
inline constexpr char kKeysAscendingAfter[]
    = "SELECT key, size, expires_at, metadata, version, updated_at FROM entries "
      "WHERE ns = ?1 AND key > ?2 AND key < ?3 AND (expires_at IS NULL OR expires_at > ?4) "
      "ORDER BY key LIMIT ?5";
/// Descending from below ?3 (the cursor, or the prefix's upper bound) down to the prefix ?2.
inline constexpr char kKeysDescending[]
    = "SELECT key, size, expires_at, metadata, version, updated_at FROM entries "
      "WHERE ns = ?1 AND key >= ?2 AND key < ?3 AND (expires_at IS NULL OR expires_at > ?4) "
      "ORDER BY key DESC LIMIT ?5";
} // namespace sql

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
