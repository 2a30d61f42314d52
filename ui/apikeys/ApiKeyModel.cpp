#include "ui/apikeys/ApiKeyModel.h"

#include "ui/Async.h"
#include "ui/apikeys/ApiKeyText.h"

#include <QGuiApplication>
#include <QHash>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace kv::ui {

namespace {
/// A far expiry is looked at again after this long (QTimer counts in an int of milliseconds).
constexpr qint64 kMaxExpiryWaitMs = 24LL * 3600 * 1000;
} // namespace

ApiKeyModel::ApiKeyModel(client::Client& client, QObject* parent, const model::Clock& clock)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_clock(clock)
{
    m_expiry.setSingleShot(true);
    // A coarse timer may fire up to 5% early, which for a key a day away is over an hour.
    m_expiry.setTimerType(Qt::PreciseTimer);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        if (!m_keys.isEmpty()) {
            // The status, and with it every column's colour, may have changed.
            Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_keys.size()) - 1, ColumnCount - 1));
        }
        scheduleExpiry();
    });
}

void ApiKeyModel::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    whenDone(m_client.listApiKeys(), this, [this, generation](const Result<QList<model::ApiKey>>& keys) {
        if (generation != m_generation) {
            return;
        }
        m_loading = false;
        if (!keys) {
            Q_EMIT failed(keys.error());
            return;
        }
        merge(*keys);
        scheduleExpiry();
        Q_EMIT loaded();
    });
}

void ApiKeyModel::merge(const QList<model::ApiKey>& keys)
{
    QHash<QString, qsizetype> incoming;
    incoming.reserve(keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        incoming.insert(keys[i].id, i);
    }
    // Rows whose key is gone leave in runs, from the bottom up so that rows above keep their place.
    for (auto row = static_cast<int>(m_keys.size()) - 1; row >= 0;) {
        if (incoming.contains(m_keys[row].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_keys[first - 1].id)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_keys.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // Rows that stay take the key's new fields (a revocation, a last use).
    QHash<QString, int> present;
    present.reserve(m_keys.size());
    for (int row = 0; row < m_keys.size(); ++row) {
        const model::ApiKey& fresh = keys[incoming.value(m_keys[row].id)];
        present.insert(fresh.id, row);
        if (fresh != m_keys[row]) {
            m_keys[row] = fresh;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    // New keys arrive in one batch, in the backend's order (newest first).
    QList<model::ApiKey> added;
    for (const model::ApiKey& key : keys) {
        if (!present.contains(key.id)) {
            added.append(key);
        }
    }
    if (!added.isEmpty()) {
        const auto first = static_cast<int>(m_keys.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_keys.append(added);
        endInsertRows();
    }
}

void ApiKeyModel::scheduleExpiry()
{
    m_expiry.stop();
    const model::Timestamp now = m_clock.now();
    std::optional<model::Timestamp> next;
    for (const model::ApiKey& key : std::as_const(m_keys)) {
        if (key.isActive(now) && key.expiresAt) {
            next = std::min(next.value_or(std::numeric_limits<model::Timestamp>::max()), *key.expiresAt);
        }
    }
    if (!next) {
        return;
    }
    // An active key's expiry lies ahead; one millisecond past it the key reads as expired.
    m_expiry.start(static_cast<int>(std::min(*next - now + 1, kMaxExpiryWaitMs)));
}

const model::ApiKey* ApiKeyModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? &m_keys[row] : nullptr;
}

int ApiKeyModel::rowOf(const QString& id) const
{
    const auto it
        = std::find_if(m_keys.cbegin(), m_keys.cend(), [&id](const model::ApiKey& key) { return key.id == id; });
    return it == m_keys.cend() ? -1 : static_cast<int>(it - m_keys.cbegin());
}

ApiKeyModel::Status ApiKeyModel::statusOf(const model::ApiKey& key) const
{
    if (key.revokedAt) {
        return key.rotatedTo.isEmpty() ? Status::Revoked : Status::Rotated;
    }
    return key.isActive(m_clock.now()) ? Status::Active : Status::Expired;
}

QString ApiKeyModel::statusName(Status status)
{
    switch (status) {
    case Status::Active:
        return tr("Active");
    case Status::Expired:
        return tr("Expired");
    case Status::Revoked:
        return tr("Revoked");
    case Status::Rotated:
        return tr("Rotated");
    }
    return {};
}

int ApiKeyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int ApiKeyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiKeyModel::display(const model::ApiKey& key, int column) const
{
    switch (column) {
    case NameColumn:
        return key.name;
    case PrefixColumn:
        return key.prefix;
    case ScopesColumn:
        return ApiKeyText::scopes(key.scopes);
    case NamespacesColumn:
        return ApiKeyText::namespaces(key.namespaces);
    case CreatedColumn:
        return ApiKeyText::time(key.createdAt);
    case ExpiresColumn:
        return ApiKeyText::time(key.expiresAt, tr("Never"));
    case LastUsedColumn:
        return ApiKeyText::time(key.lastUsedAt, tr("Never"));
    case StatusColumn:
        return statusName(statusOf(key));
    default:
        return {};
    }
}

QVariant ApiKeyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const model::ApiKey& key = m_keys[index.row()];
    const Status status = statusOf(key);
    switch (role) {
    case Qt::DisplayRole:
        return display(key, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return tr("Key id %1").arg(key.id);
        case NamespacesColumn:
            return key.namespaces.isEmpty() ? tr("Every namespace") : key.namespaces.join(u'\n');
        case StatusColumn:
            switch (status) {
            case Status::Active:
                return {};
            case Status::Expired:
                return tr("Expired at %1").arg(ApiKeyText::time(key.expiresAt));
            case Status::Revoked:
                return tr("Revoked at %1").arg(ApiKeyText::time(key.revokedAt));
            case Status::Rotated:
                return tr("Replaced by the key %1 at %2").arg(key.rotatedTo, ApiKeyText::time(key.revokedAt));
            }
            return {};
        default:
            return {};
        }
    case Qt::ForegroundRole:
        // Keys that no longer work read as disabled text, in whatever palette is in use.
        return status == Status::Active
            ? QVariant()
            : QVariant(QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text));
    case IdRole:
        return key.id;
    case StatusRole:
        return QVariant::fromValue(status);
    case SortRole:
        switch (index.column()) {
        case CreatedColumn:
            return key.createdAt;
        case ExpiresColumn:
            return key.expiresAt.value_or(std::numeric_limits<model::Timestamp>::max());
        case LastUsedColumn:
            return key.lastUsedAt.value_or(0);
        case StatusColumn:
            return static_cast<int>(status);
        default:
            return display(key, index.column());
        }
    default:
        return {};
    }
}

QVariant ApiKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PrefixColumn:
        return tr("Prefix");
    case ScopesColumn:
        return tr("Scopes");
    case NamespacesColumn:
        return tr("Namespaces");
    case CreatedColumn:
        return tr("Created");
    case ExpiresColumn:
        return tr("Expires");
    case LastUsedColumn:
        return tr("Last used");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace kv::ui
