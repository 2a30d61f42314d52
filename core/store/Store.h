#pragma once
// Store is persistence behind an interface: namespaces and their entries, nothing else.
// It speaks in plain relational terms (rows, one transaction per write batch, keyset ranges,
// a store-wide version counter) so that a PostgreSQL implementation can satisfy it as well as
// the embedded SQLite one; no SQLite-only idea crosses it.
//
// Every method is safe to call from any thread. Rules (limits, TTL parsing, cursors) live in
// core/service and core/model: the store trusts its caller's input and enforces only what
// needs a transaction to be true (namespace existence, preconditions, atomicity).

#include "model/ApiKey.h"
#include "model/AuditEvent.h"
#include "model/Entry.h"
#include "model/Namespace.h"
#include "model/Result.h"
#include "model/UsageBucket.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kv::store {

using model::Timestamp;

/// What must hold for a write to go ahead. An expired entry counts as absent.
struct Precondition
{
    enum class Kind {
        None, ///< unconditional
        Absent, ///< create-only (If-None-Match: *)
        VersionEquals ///< optimistic concurrency (If-Match: version)
    };
    Kind kind = Kind::None;
    qint64 version = 0;

    static Precondition none() { return {}; }
    static Precondition absent() { return { Kind::Absent, 0 }; }
    static Precondition versionEquals(qint64 version) { return { Kind::VersionEquals, version }; }
};

struct WriteOp
{
    enum class Kind { Put, Delete };
    Kind kind = Kind::Put;
    QString key;
    // Put only:
    QByteArray value;
    QJsonObject metadata;
    std::optional<Timestamp> expiresAt;
    Precondition precondition;

    static WriteOp put(QString key, QByteArray value, QJsonObject metadata = {},
        std::optional<Timestamp> expiresAt = std::nullopt, Precondition precondition = {});
    static WriteOp remove(QString key, Precondition precondition = {});
};

struct WriteOutcome
{
    enum class Status {
        Written, ///< a put stored the entry; version is its new version
        Deleted, ///< a delete removed a live entry
        NotFound, ///< a delete found nothing to remove (not a failure)
        ConditionFailed, ///< the precondition did not hold; version is the current one (0: absent)
        Aborted, ///< the item was fine but another item of the batch failed its precondition
    };
    Status status = Status::Aborted;
    qint64 version = 0;

    friend bool operator==(const WriteOutcome&, const WriteOutcome&) = default;
};

/// The result of one atomic write batch: either every op took effect (committed) or none did.
struct BatchOutcome
{
    bool committed = false;
    QList<WriteOutcome> outcomes;
    /// The id of the audit event appended with the batch; 0 when none was.
    qint64 auditId = 0;
};

/// A keyset range over one namespace's keys in byte order of their UTF-8 form, read A→Z or Z→A.
struct KeyRange
{
    QString prefix;
    /// Only keys strictly after this one in the range's order (the last key of the previous page):
    /// greater when ascending, smaller when descending; empty: from the start.
    QString after;
    int limit = 1000;
    model::KeyOrder order = model::KeyOrder::Ascending;
};

/// An API key as stored: the record and the MAC of its secret (never the secret).
struct StoredApiKey
{
    model::ApiKey key;
    QByteArray secretHash;
};

/// Which audit events to read: newest first, before the cursor, matching every filter given.
struct AuditQuery
{
    std::optional<Timestamp> from; ///< at >= from
    std::optional<Timestamp> to; ///< at < to
    QString actor;
    QString action;
    QString ns;
    /// Only events with a smaller id (the last id of the previous page); 0: from the newest.
    qint64 beforeId = 0;
    int limit = 100;
};

class Store
{
public:
    virtual ~Store() = default;

    // Namespaces ------------------------------------------------------------------------------
    /// Fails with NamespaceExists when the id is taken.
    virtual Result<void> createNamespace(const model::Namespace& ns) = 0;
    /// Every namespace in id order, with its key count and bytes.
    virtual Result<QList<model::Namespace>> listNamespaces() = 0;
    virtual Result<model::Namespace> getNamespace(const QString& id) = 0;
    virtual Result<void> setNamespacePlan(const QString& id, const QString& plan) = 0;
    /// Removes the namespace and every entry in it, in one transaction.
    virtual Result<void> deleteNamespace(const QString& id) = 0;

    // Entries ---------------------------------------------------------------------------------
    /// nullopt when the key is absent or expired at `now`; NamespaceNotFound when the namespace is.
    virtual Result<std::optional<model::Entry>> getEntry(const QString& ns, const QString& key, Timestamp now) = 0;
    /// Reads several keys from one consistent snapshot, in the order given.
    virtual Result<QList<std::optional<model::Entry>>> getEntries(
        const QString& ns, const QList<QString>& keys, Timestamp now)
        = 0;
    /// Live keys of a range, in the range's order, at most range.limit of them. Either order must
    /// cost the same per page however many keys the namespace holds (a range scan of an index).
    virtual Result<QList<model::KeyInfo>> listKeys(const QString& ns, const KeyRange& range, Timestamp now) = 0;
    /// Applies the ops in order in one transaction. When any precondition fails nothing is
    /// written and the outcome says which items failed; the namespace must exist.
    /// With `audit`, the event is appended in the same transaction when the batch commits and
    /// changes at least one entry: the change and its record are written together or not at all.
    virtual Result<BatchOutcome> write(
        const QString& ns, const QList<WriteOp>& ops, Timestamp now, const model::AuditEvent* audit = nullptr)
        = 0;
    /// Deletes up to `max` entries expired at `now` and returns how many went.
    virtual Result<qint64> purgeExpired(Timestamp now, int max) = 0;

    // API keys --------------------------------------------------------------------------------
    virtual Result<void> insertApiKey(const StoredApiKey& key) = 0;
    virtual Result<std::optional<StoredApiKey>> findApiKey(const QString& id) = 0;
    /// Every key, newest first.
    virtual Result<QList<model::ApiKey>> listApiKeys() = 0;
    /// ApiKeyNotFound when there is no such key; revoking twice keeps the first time.
    virtual Result<void> revokeApiKey(const QString& id, Timestamp at) = 0;
    /// In one transaction: stores the replacement (whose rotatedFrom names `id`) and revokes `id`,
    /// recording the replacement as its successor.
    virtual Result<void> rotateApiKey(const QString& id, const StoredApiKey& replacement, Timestamp at) = 0;
    /// Records last-used times collected since the previous call, in one transaction.
    virtual Result<void> recordApiKeyUse(const QHash<QString, Timestamp>& lastUsed) = 0;

    // Usage ----------------------------------------------------------------------------------
    /// Adds hour buckets (start at a whole UTC hour) to the stored counters, in one
    /// transaction; a bucket's storageBytes, when not negative, replaces the stored one.
    virtual Result<void> addUsage(const QList<model::UsageBucket>& hours) = 0;
    /// The stored hour buckets of a namespace with from <= start < to, oldest first.
    virtual Result<QList<model::UsageBucket>> listUsage(const QString& ns, Timestamp from, Timestamp to) = 0;

    // Billing --------------------------------------------------------------------------------
    /// Remembers a billing event id; false when it was already remembered (a redelivery).
    virtual Result<bool> rememberBillingEvent(const QString& id, Timestamp at) = 0;
    virtual Result<void> forgetBillingEvent(const QString& id) = 0;

    /// Rows inserted, updated or deleted through this store object since it was opened: what
    /// proves that reading causes no write.
    [[nodiscard]] virtual quint64 rowsWritten() const = 0;

    // Audit trail ----------------------------------------------------------------------------
    /// Appends an event and returns the id it was given.
    virtual Result<qint64> appendAudit(const model::AuditEvent& event) = 0;
    virtual Result<QList<model::AuditEvent>> listAudit(const AuditQuery& query) = 0;
};

} // namespace kv::store
