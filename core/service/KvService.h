#pragma once
// KvService holds the rules of the key-value service: namespaces and their plans, entries with
// TTL expiry and optimistic concurrency by version, atomic batches with per-item results, and
// keyset listing with opaque cursors. Every entry point (the embedded client, kvd's HTTP routes)
// goes through it, so every input is validated here with the rules of core/model.
//
// With a UsageMeter, every operation is checked against the namespace's monthly quotas before it
// runs and counted after; the plan of each namespace is then cached here.
//
// Thread-safe.

#include "model/Clock.h"
#include "model/Entry.h"
#include "model/Limits.h"
#include "model/Namespace.h"
#include "model/Plan.h"
#include "model/Result.h"
#include "model/Validation.h"
#include "service/AuditLog.h"
#include "service/UsageMeter.h"
#include "store/Store.h"

#include <QHash>
#include <QList>
#include <QString>

#include <mutex>
#include <optional>

namespace kv::service {

using store::Precondition;

struct PutRequest
{
    QString key;
    QByteArray value;
    QJsonObject metadata;
    model::ExpiryRequest expiry;
    Precondition precondition;
};

struct DeleteRequest
{
    QString key;
    Precondition precondition;
};

struct ListRequest
{
    QString prefix;
    /// The cursor of the previous page, as returned in KeyPage::cursor; empty for the first page.
    /// A cursor belongs to the order it was returned in: with the other order it is InvalidCursor.
    QString cursor;
    /// Page size; Limits::defaultListLimit when not given.
    std::optional<qint64> limit;
    /// A→Z (the default) or Z→A by the byte order of the keys' UTF-8 form.
    model::KeyOrder order = model::KeyOrder::Ascending;
};

/// What a successful put wrote.
struct PutResult
{
    qint64 version = 0;
    std::optional<model::Timestamp> expiresAt;
};

/// One item of a batch. On success `error` is empty; for get, `entry` is set when the key was
/// found; for put, `version` and `expiresAt` are what was written; for delete, `found` says
/// whether a live entry was removed.
struct ItemResult
{
    QString key;
    std::optional<Error> error;
    qint64 version = 0;
    std::optional<model::Timestamp> expiresAt;
    bool found = false;
    std::optional<model::Entry> entry;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

/// A write batch is atomic: committed, and every item succeeded; or not, and nothing was
/// written, with each failing item's reason and every other item marked batch_rejected.
struct BatchResult
{
    bool committed = false;
    QList<ItemResult> items;
};

class KvService final
{
public:
    /// With an audit log, namespace and plan changes are recorded in it; with a usage meter,
    /// operations are held to their plan's quotas and counted.
    explicit KvService(store::Store& store, const model::Clock& clock = model::SystemClock::instance(),
        QList<model::Plan> plans = model::Plan::builtins(), model::Limits limits = {}, AuditLog* audit = nullptr,
        UsageMeter* usage = nullptr);
    Q_DISABLE_COPY_MOVE(KvService)

    [[nodiscard]] const model::Limits& limits() const { return m_limits; }
    [[nodiscard]] const QList<model::Plan>& plans() const { return m_plans; }
    [[nodiscard]] const model::Clock& clock() const { return m_clock; }

    // Namespaces ------------------------------------------------------------------------------
    /// An empty plan means the default plan.
    Result<model::Namespace> createNamespace(
        const QString& id, const QString& plan = {}, const RequestContext& context = {});
    Result<QList<model::Namespace>> listNamespaces();
    Result<model::Namespace> getNamespace(const QString& id);
    Result<model::Namespace> setNamespacePlan(
        const QString& id, const QString& plan, const RequestContext& context = {});
    Result<void> deleteNamespace(const QString& id, const RequestContext& context = {});
    /// The plan of a namespace (NamespaceNotFound when there is none), from a cache kept current
    /// by this service's own plan changes.
    Result<model::Plan> planOf(const QString& ns);

    // Entries ---------------------------------------------------------------------------------
    /// KeyNotFound when the key is absent or expired.
    Result<model::Entry> get(const QString& ns, const QString& key);
    /// VersionConflict when a VersionEquals precondition fails, KeyExists when Absent does.
    Result<PutResult> put(const QString& ns, const PutRequest& request, const RequestContext& context = {});
    /// true when a live entry was removed; an unconditional delete of a missing key is no error.
    Result<bool> remove(
        const QString& ns, const QString& key, Precondition precondition = {}, const RequestContext& context = {});
    Result<model::KeyPage> list(const QString& ns, const ListRequest& request);

    // Batches ---------------------------------------------------------------------------------
    /// Reads each key; a missing or invalid key is a per-item error, not a failure of the batch.
    Result<QList<ItemResult>> getMany(const QString& ns, const QList<QString>& keys);
    /// With an audit log, a batch that changes entries is recorded as one "key.put" or
    /// "key.delete" event, in the same store transaction.
    Result<BatchResult> putMany(
        const QString& ns, const QList<PutRequest>& requests, const RequestContext& context = {});
    Result<BatchResult> removeMany(
        const QString& ns, const QList<DeleteRequest>& requests, const RequestContext& context = {});

    // Usage -----------------------------------------------------------------------------------
    /// The namespace's use from <= start < to against its plan; Unavailable without a usage meter.
    Result<UsageReport> usage(const QString& ns, model::Timestamp from, model::Timestamp to, model::UsageStep step);

    // Housekeeping ----------------------------------------------------------------------------
    /// Removes up to `max` expired entries from the store; returns how many went.
    Result<qint64> purgeExpired(int max = 1000);

    /// The opaque cursor that resumes a listing in `order` after `key`, and its inverse: the key,
    /// or InvalidCursor when the cursor is not one of ours or resumes a listing in the other order.
    static QString encodeCursor(const QString& key, model::KeyOrder order = model::KeyOrder::Ascending);
    Result<QString> decodeCursor(const QString& cursor, model::KeyOrder order = model::KeyOrder::Ascending) const;

private:
    Result<void> validateNamespace(const QString& ns) const;
    /// Records a namespace-level change when an audit log is attached.
    Result<void> audit(
        const RequestContext& context, const QString& action, const QString& ns, const QJsonObject& details = {});
    Result<BatchResult> writeBatch(const QString& ns, QList<store::WriteOp> ops, QList<std::optional<Error>> invalid,
        Operation operation, const RequestContext& context);
    /// QuotaExceeded when `count` operations would pass the namespace's monthly quota.
    Result<void> checkQuota(const QString& ns, Operation operation, qint64 count);
    void countUsage(const QString& ns, Operation operation, qint64 count);
    void forgetPlan(const QString& ns);

    store::Store& m_store;
    const model::Clock& m_clock;
    QList<model::Plan> m_plans;
    model::Limits m_limits;
    AuditLog* m_audit;
    UsageMeter* m_usage;
    std::mutex m_planMutex;
    QHash<QString, QString> m_planOf;
};

} // namespace kv::service
