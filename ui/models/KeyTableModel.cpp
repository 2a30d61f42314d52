#include "ui/models/KeyTableModel.h"

#include "ui/Async.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace kv::ui {

namespace {

/// The metadata as one line of compact JSON, cut where a table cell would cut it anyway.
QString summaryOf(const QJsonObject& metadata)
{
    if (metadata.isEmpty()) {
        return {};
    }
    constexpr qsizetype kMaxLength = 80;
    const QString text = QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact));
    return text.size() > kMaxLength ? text.left(kMaxLength - 1) + QChar(0x2026) : text;
}

} // namespace

KeyTableModel::KeyTableModel(client::Client& client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{ }

void KeyTableModel::show(const QString& ns, const QString& prefix)
{
    m_ns = ns;
    m_prefix = prefix;
    reload();
}

void KeyTableModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_rows.squeeze();
    m_cursor.clear();
    m_complete = m_ns.isEmpty();
    // Settled before the reset ends: a view may ask for the first page from inside it.
    setLoading(false);
    endResetModel();
    fetchMore({});
}

void KeyTableModel::setPageSize(int keys)
{
    m_pageSize = std::clamp(keys, 1, 1000);
}

QString KeyTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : QString();
}

int KeyTableModel::rowOf(const QString& key) const
{
    // Rows are in key order (the store's byte order of UTF-8, which for valid keys is the order of
    // code points): a binary search finds a key among millions.
    const auto less = [](const Row& row, const QString& wanted) { return row.key.toUtf8() < wanted.toUtf8(); };
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, less);
    return it != m_rows.cend() && it->key == key ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

void KeyTableModel::forget(const QStringList& keys)
{
    for (const QString& key : keys) {
        const int row = rowOf(key);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
}

int KeyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int KeyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return row.key;
        case SizeColumn:
            return QLocale().formattedDataSize(row.size);
        case ExpirationColumn:
            return row.expiresAt == 0
                ? QString()
                : QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.expiresAt), QLocale::ShortFormat);
        case VersionColumn:
            return QLocale().toString(row.version);
        case MetadataColumn:
            return summaryOf(row.metadata);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == MetadataColumn && !row.metadata.isEmpty()
            ? QString::fromUtf8(QJsonDocument(row.metadata).toJson(QJsonDocument::Indented))
            : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn || index.column() == VersionColumn
            ? QVariant(Qt::AlignTrailing | Qt::AlignVCenter)
            : QVariant();
    case KeyRole:
        return row.key;
    case SizeRole:
        return row.size;
    case ExpiresAtRole:
        return row.expiresAt == 0 ? QVariant() : QVariant(row.expiresAt);
    case VersionRole:
        return row.version;
    case MetadataRole:
        return row.metadata;
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case SizeColumn:
        return tr("Size");
    case ExpirationColumn:
        return tr("Expires");
    case VersionColumn:
        return tr("Version");
    case MetadataColumn:
        return tr("Metadata");
    default:
        return {};
    }
}

bool KeyTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_complete && !m_loading;
}

void KeyTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    setLoading(true);
    const quint64 generation = m_generation;
    whenDone(m_client.listKeys(m_ns, client::ListRequest { m_prefix, m_cursor, m_pageSize }), this,
        [this, generation](const Result<model::KeyPage>& page) {
            if (generation != m_generation) {
                return;
            }
            if (!page) {
                // Stop here rather than ask again and again; reload() starts over.
                m_complete = true;
                setLoading(false);
                Q_EMIT failed(page.error());
                return;
            }
            // The cursor moves before the rows go in: a view that asks for more while they are
            // inserted must ask for the next page, not this one again.
            m_cursor = page->cursor;
            m_complete = page->complete();
            if (!page->keys.isEmpty()) {
                const int first = static_cast<int>(m_rows.size());
                // One insertion per page, not per key: a view lays out once.
                beginInsertRows({}, first, first + static_cast<int>(page->keys.size()) - 1);
                for (const model::KeyInfo& info : page->keys) {
                    m_rows.append(Row { info.key, info.size, info.version, info.expiresAt.value_or(0), info.metadata });
                }
                endInsertRows();
            }
            setLoading(false);
            Q_EMIT pageLoaded(static_cast<int>(page->keys.size()), m_complete);
        });
}

void KeyTableModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

} // namespace kv::ui
