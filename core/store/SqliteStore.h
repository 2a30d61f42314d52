#pragma once
// SqliteStore is the embedded Store: one SQLite file on disk, used through the SQLite C API.
//
// Threading model: every method may be called from any thread. Writes go through one writer
// connection, serialised by a mutex, each batch in one BEGIN IMMEDIATE transaction. Reads
// check out a connection from a small pool of reader connections; in WAL mode they run in
// parallel with each other and with the writer, each seeing one committed snapshot. Every
// connection keeps its prepared statements for its lifetime. Several processes may open the
// same file: SQLite's locks and the busy timeout serialise their writers.
//
// Durability: WAL with synchronous=FULL by default, so an acknowledged write survives a
// crash of the process or of the machine; Sync::Normal survives a process crash only.

#include "store/Store.h"

#include <QString>

#include <memory>

namespace kv::store {

class SqliteStore final : public Store
{
public:
    enum class Sync { Normal, Full };
    struct Options
    {
        QString path;
        Sync sync = Sync::Full;
        /// Reader connections kept open at most; a reader beyond them waits for a free one.
        int maxReaders = 4;
        /// How long a writer waits for another process's write lock before StoreLocked.
        int busyTimeoutMs = 5000;
    };

    /// Opens (creating when missing) and migrates the store. A file that is not SQLite, an SQLite
    /// file that is not a kvdesk store, or a store of a newer schema gives a clear error and the
    /// file is left untouched.
    static Result<std::unique_ptr<SqliteStore>> open(const Options& options);

    /// The schema version this build writes; stores of older versions are migrated forward.
    static int schemaVersion();
    /// The DDL of the current schema, for tools (the benchmark's raw-SQLite reference).
    static QString schemaSql();

    ~SqliteStore() override;
    Q_DISABLE_COPY_MOVE(SqliteStore)

    Result<void> createNamespace(const model::Namespace& ns) override;
    Result<QList<model::Namespace>> listNamespaces() override;
    Result<model::Namespace> getNamespace(const QString& id) override;
    Result<void> setNamespacePlan(const QString& id, const QString& plan) override;
    Result<void> deleteNamespace(const QString& id) override;

    Result<std::optional<model::Entry>> getEntry(const QString& ns, const QString& key, Timestamp now) override;
    Result<QList<std::optional<model::Entry>>> getEntries(
        const QString& ns, const QList<QString>& keys, Timestamp now) override;
    Result<QList<model::KeyInfo>> listKeys(const QString& ns, const KeyRange& range, Timestamp now) override;
    Result<BatchOutcome> write(
        const QString& ns, const QList<WriteOp>& ops, Timestamp now, const model::AuditEvent* audit = nullptr) override;
    Result<qint64> purgeExpired(Timestamp now, int max) override;

    Result<void> insertApiKey(const StoredApiKey& key) override;
    Result<std::optional<StoredApiKey>> findApiKey(const QString& id) override;
    Result<QList<model::ApiKey>> listApiKeys() override;
    Result<void> revokeApiKey(const QString& id, Timestamp at) override;
    Result<void> rotateApiKey(const QString& id, const StoredApiKey& replacement, Timestamp at) override;
    Result<void> recordApiKeyUse(const QHash<QString, Timestamp>& lastUsed) override;

    Result<void> addUsage(const QList<model::UsageBucket>& hours) override;
    Result<QList<model::UsageBucket>> listUsage(const QString& ns, Timestamp from, Timestamp to) override;
    Result<bool> rememberBillingEvent(const QString& id, Timestamp at) override;
    Result<void> forgetBillingEvent(const QString& id) override;
    [[nodiscard]] quint64 rowsWritten() const override;

    Result<qint64> appendAudit(const model::AuditEvent& event) override;
    Result<QList<model::AuditEvent>> listAudit(const AuditQuery& query) override;

    /// Writes a consistent copy of the store, as of one moment, to a new file while writers go
    /// on (the SQLite online backup API over one read transaction). Fails if `file` exists.
    Result<void> backupTo(const QString& file);
    /// Replaces the store at `storePath` with a checked copy of `backupFile` (migrated forward if
    /// it is older). The copy is made and checked beside the store and renamed into place, so a
    /// failed restore leaves the old store as it was. Nothing may have the store open.
    static Result<void> restore(const QString& backupFile, const QString& storePath);

    /// Runs PRAGMA integrity_check; StoreCorrupt with SQLite's report when it finds a problem.
    Result<void> checkIntegrity();
    [[nodiscard]] const QString& path() const;

private:
    struct Impl;
    explicit SqliteStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace kv::store
