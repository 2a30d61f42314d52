#include "service/KvService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace kv::service {

namespace {

using model::Entry;
using store::WriteOp;
using store::WriteOutcome;

Error keyNotFound(const QString& ns, const QString& key)
{
    return Error(ErrorCode::KeyNotFound, QStringLiteral("there is no key \"%1\" in namespace \"%2\"").arg(key, ns),
        QJsonObject { { QStringLiteral("namespace"), ns }, { QStringLiteral("key"), key } });
}

/// The error for an item whose precondition failed, named as the HTTP API names it.
Error conditionFailed(const QString& key, const Precondition& precondition, qint64 currentVersion)
{
    QJsonObject details { { QStringLiteral("key"), key }, { QStringLiteral("currentVersion"), currentVersion } };
    if (precondition.kind == Precondition::Kind::Absent) {
        return Error(ErrorCode::KeyExists,
            QStringLiteral("the key \"%1\" already exists (version %2)").arg(key).arg(currentVersion), details);
    }
    details.insert(QStringLiteral("expectedVersion"), precondition.version);
    if (currentVersion == 0) {
        return Error(ErrorCode::VersionConflict,
            QStringLiteral("the key \"%1\" was expected at version %2 but no longer exists")
                .arg(key)
                .arg(precondition.version),
            details);
    }
    return Error(ErrorCode::VersionConflict,
        QStringLiteral("the key \"%1\" was expected at version %2 but is at version %3; reload it and try "
                       "again")
            .arg(key)
            .arg(precondition.version)
            .arg(currentVersion),
        details);
}

Error abortedItem(const QString& key)
{
    return Error(ErrorCode::BatchRejected,
        QStringLiteral("\"%1\" was not written because another item of the batch failed").arg(key),
        QJsonObject { { QStringLiteral("key"), key } });
}

/// The bytes an entry counts for in its namespace's total, as the store counts them: key, value
/// and metadata as compact JSON.
qint64 storedBytes(const QString& key, const QByteArray& value, const QJsonObject& metadata)
{
    return key.toUtf8().size() + value.size()
        + (metadata.isEmpty() ? 0 : QJsonDocument(metadata).toJson(QJsonDocument::Compact).size());
}

Result<void> validatePrecondition(const Precondition& precondition)
{
    if (precondition.kind == Precondition::Kind::VersionEquals && precondition.version <= 0) {
        return Error(ErrorCode::BadRequest, QStringLiteral("an expected version must be a positive number"));
    }
    return {};
}

} // namespace

KvService::KvService(store::Store& store, const model::Clock& clock, QList<model::Plan> plans, model::Limits limits,
    AuditLog* audit, UsageMeter* usage)
    : m_store(store)
    , m_clock(clock)
    , m_plans(std::move(plans))
    , m_limits(limits)
    , m_audit(audit)
    , m_usage(usage)
{ }

Result<model::Plan> KvService::planOf(const QString& ns)
{
    QString planId;
    {
        const std::lock_guard lock(m_planMutex);
        planId = m_planOf.value(ns);
    }
    if (planId.isEmpty()) {
        auto found = m_store.getNamespace(ns);
        if (!found) {
            return found.error();
        }
        planId = found->plan;
        const std::lock_guard lock(m_planMutex);
        m_planOf.insert(ns, planId);
    }
    // A plan dropped from the config since the namespace got it: the default plan applies.
    return model::findPlan(m_plans, planId)
        .value_or(model::findPlan(m_plans, model::Plan::defaultPlanId()).value_or(model::Plan {}));
}

void KvService::forgetPlan(const QString& ns)
{
    const std::lock_guard lock(m_planMutex);
    m_planOf.remove(ns);
}

Result<void> KvService::checkQuota(const QString& ns, Operation operation, qint64 count)
{
    if (!m_usage || count <= 0) {
        return {};
    }
    auto plan = planOf(ns);
    if (!plan) {
        return plan.error();
    }
    return m_usage->check(ns, *plan, operation, count);
}

void KvService::countUsage(const QString& ns, Operation operation, qint64 count)
{
    if (!m_usage || count <= 0) {
        return;
    }
    if (auto plan = planOf(ns)) {
        m_usage->count(ns, *plan, operation, count);
    }
}

Result<void> KvService::audit(
    const RequestContext& context, const QString& action, const QString& ns, const QJsonObject& details)
{
    if (!m_audit) {
        return {};
    }
    if (auto recorded = m_audit->record(context, action, ns, ns, details); !recorded) {
        return recorded.error();
    }
    return {};
}

Result<void> KvService::validateNamespace(const QString& ns) const
{
    return model::validateNamespaceId(ns);
}

// Namespaces ----------------------------------------------------------------------------------

Result<model::Namespace> KvService::createNamespace(
    const QString& id, const QString& plan, const RequestContext& context)
{
    if (auto valid = validateNamespace(id); !valid) {
        return valid.error();
    }
    const QString planId = plan.isEmpty() ? model::Plan::defaultPlanId() : plan;
    if (!model::findPlan(m_plans, planId)) {
        return Error(ErrorCode::PlanNotFound, QStringLiteral("there is no plan \"%1\"").arg(planId),
            QJsonObject { { QStringLiteral("plan"), planId } });
    }
    const model::Namespace ns { id, planId, 0, 0, m_clock.now() };
    if (auto created = m_store.createNamespace(ns); !created) {
        return created.error();
    }
    if (auto audited
        = audit(context, QStringLiteral("namespace.create"), id, QJsonObject { { QStringLiteral("plan"), planId } });
        !audited) {
        return audited.error();
    }
    return ns;
}

Result<QList<model::Namespace>> KvService::listNamespaces()
{
    return m_store.listNamespaces();
}

Result<model::Namespace> KvService::getNamespace(const QString& id)
{
    if (auto valid = validateNamespace(id); !valid) {
        return valid.error();
    }
    return m_store.getNamespace(id);
}

Result<model::Namespace> KvService::setNamespacePlan(
    const QString& id, const QString& plan, const RequestContext& context)
{
    if (auto valid = validateNamespace(id); !valid) {
        return valid.error();
    }
    if (!model::findPlan(m_plans, plan)) {
        return Error(ErrorCode::PlanNotFound, QStringLiteral("there is no plan \"%1\"").arg(plan),
            QJsonObject { { QStringLiteral("plan"), plan } });
    }
    auto before = m_store.getNamespace(id);
    if (!before) {
        return before.error();
    }
    if (auto changed = m_store.setNamespacePlan(id, plan); !changed) {
        return changed.error();
    }
    forgetPlan(id);
    if (auto audited = audit(context, QStringLiteral("plan.change"), id,
            QJsonObject { { QStringLiteral("from"), before->plan }, { QStringLiteral("to"), plan } });
        !audited) {
        return audited.error();
    }
    return m_store.getNamespace(id);
}

Result<void> KvService::deleteNamespace(const QString& id, const RequestContext& context)
{
    if (auto valid = validateNamespace(id); !valid) {
        return valid.error();
    }
    if (auto deleted = m_store.deleteNamespace(id); !deleted) {
        return deleted.error();
    }
    forgetPlan(id);
    return audit(context, QStringLiteral("namespace.delete"), id);
}

// Entries -------------------------------------------------------------------------------------

Result<Entry> KvService::get(const QString& ns, const QString& key)
{
    if (auto valid = validateNamespace(ns); !valid) {
        return valid.error();
    }
    if (auto valid = model::validateKey(key, m_limits); !valid) {
        return valid.error();
    }
    if (auto allowed = checkQuota(ns, Operation::Read, 1); !allowed) {
        return allowed.error();
    }
    auto entry = m_store.getEntry(ns, key, m_clock.now());
    if (!entry) {
        return entry.error();
    }
    // A read of a missing key is a read all the same.
    countUsage(ns, Operation::Read, 1);
    if (!entry->has_value()) {
        return keyNotFound(ns, key);
    }
    return std::move(**entry);
}

Result<PutResult> KvService::put(const QString& ns, const PutRequest& request, const RequestContext& context)
{
    auto batch = putMany(ns, { request }, context);
    if (!batch) {
        return batch.error();
    }
    const ItemResult& item = batch->items.front();
    if (item.error) {
        return *item.error;
    }
    return PutResult { item.version, item.expiresAt };
}

Result<bool> KvService::remove(
    const QString& ns, const QString& key, Precondition precondition, const RequestContext& context)
{
    auto batch = removeMany(ns, { DeleteRequest { key, precondition } }, context);
    if (!batch) {
        return batch.error();
    }
    const ItemResult& item = batch->items.front();
    if (item.error) {
        return *item.error;
    }
    return item.found;
}

Result<model::KeyPage> KvService::list(const QString& ns, const ListRequest& request)
{
    if (auto valid = validateNamespace(ns); !valid) {
        return valid.error();
    }
    const qint64 limit = request.limit.value_or(m_limits.defaultListLimit);
    if (auto valid = model::validateListLimit(limit, m_limits); !valid) {
        return valid.error();
    }
    if (!request.prefix.isEmpty() && !request.prefix.isValidUtf16()) {
        return Error(ErrorCode::InvalidKey, QStringLiteral("the prefix holds an unpaired UTF-16 surrogate"));
    }
    QString after;
    if (!request.cursor.isEmpty()) {
        auto decoded = decodeCursor(request.cursor, request.order);
        if (!decoded) {
            return decoded.error();
        }
        after = std::move(decoded.value());
    }
    if (auto allowed = checkQuota(ns, Operation::List, 1); !allowed) {
        return allowed.error();
    }
    // One row more than asked tells whether another page follows, without an empty last page.
    auto keys = m_store.listKeys(
        ns, store::KeyRange { request.prefix, after, static_cast<int>(limit) + 1, request.order }, m_clock.now());
    if (!keys) {
        return keys.error();
    }
    countUsage(ns, Operation::List, 1);
    model::KeyPage page;
    page.keys = std::move(keys.value());
    if (page.keys.size() > limit) {
        page.keys.resize(limit);
        page.cursor = encodeCursor(page.keys.back().key, request.order);
    }
    return page;
}

// Batches -------------------------------------------------------------------------------------

Result<QList<ItemResult>> KvService::getMany(const QString& ns, const QList<QString>& keys)
{
    if (auto valid = validateNamespace(ns); !valid) {
        return valid.error();
    }
    if (auto valid = model::validateBatchSize(keys.size(), m_limits); !valid) {
        return valid.error();
    }
    QList<ItemResult> items(keys.size());
    QList<QString> readable;
    QList<qsizetype> readableIndex;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        items[i].key = keys[i];
        if (auto valid = model::validateKey(keys[i], m_limits); !valid) {
            items[i].error = valid.error();
        } else {
            readable.append(keys[i]);
            readableIndex.append(i);
        }
    }
    if (auto allowed = checkQuota(ns, Operation::Read, readable.size()); !allowed) {
        return allowed.error();
    }
    auto entries = m_store.getEntries(ns, readable, m_clock.now());
    if (!entries) {
        return entries.error();
    }
    countUsage(ns, Operation::Read, readable.size());
    for (qsizetype j = 0; j < readable.size(); ++j) {
        ItemResult& item = items[readableIndex[j]];
        auto& entry = (*entries)[j];
        if (entry) {
            item.found = true;
            item.version = entry->version;
            item.entry = std::move(entry);
        } else {
            item.error = keyNotFound(ns, item.key);
        }
    }
    return items;
}

Result<BatchResult> KvService::putMany(
    const QString& ns, const QList<PutRequest>& requests, const RequestContext& context)
{
    if (auto valid = validateNamespace(ns); !valid) {
        return valid.error();
    }
    if (auto valid = model::validateBatchSize(requests.size(), m_limits); !valid) {
        return valid.error();
    }
    const model::Timestamp now = m_clock.now();
    QList<WriteOp> ops;
    ops.reserve(requests.size());
    QList<std::optional<Error>> invalid(requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const PutRequest& request = requests[i];
        auto expiry = model::resolveExpiry(request.expiry, now, m_limits);
        Result<void> valid = model::validateKey(request.key, m_limits);
        if (valid) {
            valid = model::validateValueSize(request.value.size(), m_limits);
        }
        if (valid) {
            valid = model::validateMetadata(request.metadata, m_limits);
        }
        if (valid) {
            valid = validatePrecondition(request.precondition);
        }
        if (valid && !expiry) {
            valid = expiry.error();
        }
        if (!valid) {
            invalid[i] = valid.error();
        }
        ops.append(WriteOp::put(
            request.key, request.value, request.metadata, expiry ? *expiry : std::nullopt, request.precondition));
    }
    return writeBatch(ns, std::move(ops), std::move(invalid), Operation::Write, context);
}

Result<BatchResult> KvService::removeMany(
    const QString& ns, const QList<DeleteRequest>& requests, const RequestContext& context)
{
    if (auto valid = validateNamespace(ns); !valid) {
        return valid.error();
    }
    if (auto valid = model::validateBatchSize(requests.size(), m_limits); !valid) {
        return valid.error();
    }
    QList<WriteOp> ops;
    ops.reserve(requests.size());
    QList<std::optional<Error>> invalid(requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        Result<void> valid = model::validateKey(requests[i].key, m_limits);
        if (valid) {
            valid = validatePrecondition(requests[i].precondition);
        }
        if (!valid) {
            invalid[i] = valid.error();
        }
        ops.append(WriteOp::remove(requests[i].key, requests[i].precondition));
    }
    return writeBatch(ns, std::move(ops), std::move(invalid), Operation::Delete, context);
}

Result<BatchResult> KvService::writeBatch(const QString& ns, QList<WriteOp> ops, QList<std::optional<Error>> invalid,
    Operation operation, const RequestContext& context)
{
    BatchResult result;
    result.items.resize(ops.size());
    for (qsizetype i = 0; i < ops.size(); ++i) {
        result.items[i].key = ops[i].key;
    }
    // Invalid input rejects the whole batch before the store sees any of it.
    if (std::any_of(invalid.cbegin(), invalid.cend(), [](const auto& error) { return error.has_value(); })) {
        for (qsizetype i = 0; i < ops.size(); ++i) {
            result.items[i].error = invalid[i] ? *invalid[i] : abortedItem(ops[i].key);
        }
        return result;
    }
    if (auto allowed = checkQuota(ns, operation, ops.size()); !allowed) {
        return allowed.error();
    }
    // The storage quota holds back writes that add bytes; deletes always go through.
    std::optional<model::Plan> plan;
    if (m_usage) {
        auto found = planOf(ns);
        if (!found) {
            return found.error();
        }
        plan = std::move(found.value());
    }
    if (plan && operation == Operation::Write && plan->quota.storageBytes >= 0) {
        // What the namespace will hold after the batch: an overwrite replaces the old entry's
        // bytes, so a namespace near its quota can still rewrite a value in place.
        qint64 adding = 0;
        QList<QString> keys;
        keys.reserve(ops.size());
        for (const WriteOp& op : ops) {
            adding += storedBytes(op.key, op.value, op.metadata);
            keys.append(op.key);
        }
        auto existing = m_store.getEntries(ns, keys, m_clock.now());
        if (!existing) {
            return existing.error();
        }
        QSet<QString> replaced;
        for (const auto& entry : *existing) {
            if (entry && !replaced.contains(entry->key)) {
                replaced.insert(entry->key);
                adding -= storedBytes(entry->key, entry->value, entry->metadata);
            }
        }
        auto current = m_store.getNamespace(ns);
        if (!current) {
            return current.error();
        }
        if (auto fits = m_usage->checkStorage(ns, *plan, current->bytes, adding); !fits) {
            return fits.error();
        }
    }
    // Which keys changed, and who changed them: one event per batch, written with it.
    std::optional<model::AuditEvent> audited;
    if (m_audit) {
        constexpr qsizetype kListedKeys = 100;
        QJsonArray keys;
        for (qsizetype i = 0; i < ops.size() && i < kListedKeys; ++i) {
            keys.append(ops[i].key);
        }
        audited = m_audit->event(context,
            operation == Operation::Delete ? QStringLiteral("key.delete") : QStringLiteral("key.put"), ns,
            ops.size() == 1 ? ops.front().key : QString(),
            QJsonObject { { QStringLiteral("count"), ops.size() }, { QStringLiteral("keys"), keys } });
    }
    auto outcome = m_store.write(ns, ops, m_clock.now(), audited ? &*audited : nullptr);
    if (!outcome) {
        return outcome.error();
    }
    if (plan) {
        m_usage->count(ns, *plan, operation, ops.size());
        if (outcome->committed) {
            if (auto after = m_store.getNamespace(ns)) {
                m_usage->noteStorage(ns, *plan, after->bytes);
            }
        }
    }
    if (audited && outcome->auditId > 0) {
        audited->id = outcome->auditId;
        m_audit->announce(*audited);
    }
    result.committed = outcome->committed;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const WriteOutcome& written = outcome->outcomes[i];
        ItemResult& item = result.items[i];
        switch (written.status) {
        case WriteOutcome::Status::Written:
            item.version = written.version;
            item.found = true;
            item.expiresAt = ops[i].expiresAt;
            break;
        case WriteOutcome::Status::Deleted:
            item.found = true;
            break;
        case WriteOutcome::Status::NotFound:
            break;
        case WriteOutcome::Status::ConditionFailed:
            item.error = conditionFailed(ops[i].key, ops[i].precondition, written.version);
            break;
        case WriteOutcome::Status::Aborted:
            item.error = abortedItem(ops[i].key);
            break;
        }
    }
    return result;
}

Result<UsageReport> KvService::usage(
    const QString& ns, model::Timestamp from, model::Timestamp to, model::UsageStep step)
{
    if (!m_usage) {
        return Error(ErrorCode::Unavailable, QStringLiteral("usage is not counted by this service"));
    }
    if (auto valid = model::validateUsageRange(from, to, step); !valid) {
        return valid.error();
    }
    auto current = m_store.getNamespace(ns);
    if (!current) {
        return current.error();
    }
    auto plan = planOf(ns);
    if (!plan) {
        return plan.error();
    }
    auto buckets = m_usage->series(ns, from, to, step);
    if (!buckets) {
        return buckets.error();
    }
    auto month = m_usage->month(ns);
    if (!month) {
        return month.error();
    }
    UsageReport report { ns, *plan, step, from, to, std::move(*buckets), {} };
    report.month.ns = ns;
    report.month.start = UsageMeter::monthStart(m_clock.now());
    report.month.reads = month->reads;
    report.month.writes = month->writes;
    report.month.lists = month->lists;
    report.month.deletes = month->deletes;
    report.month.storageBytes = current->bytes;
    return report;
}

Result<qint64> KvService::purgeExpired(int max)
{
    return m_store.purgeExpired(m_clock.now(), max);
}

// Cursors -------------------------------------------------------------------------------------
//
// A cursor is the last key of a page, as base64url of its UTF-8 form; a descending listing's
// cursor starts with the byte 0x01 before the key. Keys never hold control characters, so the two
// kinds cannot be mistaken for each other, and ascending cursors read exactly as before orders
// existed. A cursor names a place in one listing: sent with the other order it is refused rather
// than read, since "after k" going down is "before k" going up, and a client that changed its
// order but kept its cursor would otherwise get a listing that starts in the middle, silently.

namespace {
constexpr char kDescendingMark = '\x01';
} // namespace

QString KvService::encodeCursor(const QString& key, model::KeyOrder order)
{
    QByteArray bytes = key.toUtf8();
    if (order == model::KeyOrder::Descending) {
        bytes.prepend(kDescendingMark);
    }
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<QString> KvService::decodeCursor(const QString& cursor, model::KeyOrder order) const
{
    const auto invalid = [&] {
        return Error(ErrorCode::InvalidCursor,
            QStringLiteral("the cursor \"%1\" is not one this service returned; start the listing again "
                           "without a cursor")
                .arg(cursor.left(64)));
    };
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || cursor.size() > 1024) {
        return invalid();
    }
    QByteArrayView bytes = *decoded;
    const bool descending = bytes.startsWith(kDescendingMark);
    if (descending) {
        bytes = bytes.sliced(1);
    }
    auto key = model::parseKey(bytes, m_limits);
    if (!key) {
        return invalid();
    }
    const model::KeyOrder cursorOrder = descending ? model::KeyOrder::Descending : model::KeyOrder::Ascending;
    if (cursorOrder != order) {
        const auto spelled = [](model::KeyOrder o) -> QString {
            return (o == model::KeyOrder::Descending ? QStringLiteral("descending (") : QStringLiteral("ascending ("))
                + model::keyOrderName(o) + QLatin1Char(')');
        };
        return Error(ErrorCode::InvalidCursor,
            QStringLiteral("the cursor continues a listing in %1 order, but this request asks for %2 order; "
                           "page on in the order the cursor came from, or start the listing again without a "
                           "cursor")
                .arg(spelled(cursorOrder), spelled(order)),
            QJsonObject { { QStringLiteral("cursorOrder"), QString(model::keyOrderName(cursorOrder)) },
                { QStringLiteral("order"), QString(model::keyOrderName(order)) } });
    }
    return std::move(key.value());
}

} // namespace kv::service
