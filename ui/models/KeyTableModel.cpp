#include "ui/models/KeyTableModel.h"

#include "ui/Async.h"
#include "ui/models/DataSize.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace kv::ui {

namespace {

/// The metadata (compact JSON as stored in a page) as one line, cut where a table cell would cut
/// it anyway.
QString summaryOf(QByteArrayView metadata)
{
    constexpr qsizetype kMaxLength = 80;
    const QString text = QString::fromUtf8(metadata);
    return text.size() > kMaxLength ? text.left(kMaxLength - 1) + QChar(0x2026) : text;
}

QJsonObject objectOf(QByteArrayView metadata)
{
    return metadata.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(metadata.toByteArray()).object();
}

} // namespace

QByteArrayView KeyTableModel::Page::keyAt(int i) const
{
    const quint32 begin = i == 0 ? 0 : rows[static_cast<std::size_t>(i) - 1].keyEnd;
    return QByteArrayView(keys).sliced(begin, rows[static_cast<std::size_t>(i)].keyEnd - begin);
}

QByteArrayView KeyTableModel::Page::metadataAt(int i) const
{
    const quint32 begin = i == 0 ? 0 : rows[static_cast<std::size_t>(i) - 1].metadataEnd;
    return QByteArrayView(metadata).sliced(begin, rows[static_cast<std::size_t>(i)].metadataEnd - begin);
}

void KeyTableModel::Page::append(const model::KeyInfo& info)
{
    keys.append(info.key.toUtf8());
    if (!info.metadata.isEmpty()) {
        metadata.append(QJsonDocument(info.metadata).toJson(QJsonDocument::Compact));
    }
    // A page holds at most 1000 keys of at most a few KiB each: its offsets fit 32 bits.
    rows.push_back(Fields { static_cast<quint32>(keys.size()), static_cast<quint32>(metadata.size()), info.size,
        info.version, info.expiresAt.value_or(0) });
}

KeyTableModel::Page KeyTableModel::Page::without(int i) const
{
    Page copy;
    copy.firstRow = firstRow;
    copy.rows.reserve(rows.size() - 1);
    for (int j = 0; j < size(); ++j) {
        if (j == i) {
            continue;
        }
        copy.keys.append(keyAt(j));
        copy.metadata.append(metadataAt(j));
        Fields fields = rows[static_cast<std::size_t>(j)];
        fields.keyEnd = static_cast<quint32>(copy.keys.size());
        fields.metadataEnd = static_cast<quint32>(copy.metadata.size());
        copy.rows.push_back(fields);
    }
    return copy;
}

std::pair<const KeyTableModel::Page*, int> KeyTableModel::locate(int row) const
{
    if (row < 0 || row >= m_rowCount) {
        return { nullptr, 0 };
    }
    // The last page that starts at or before the row.
    const auto after = std::upper_bound(
        m_pages.cbegin(), m_pages.cend(), row, [](int wanted, const Page& page) { return wanted < page.firstRow; });
    const Page& page = *std::prev(after);
    return { &page, row - page.firstRow };
}

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
    m_pages.clear();
    m_rowCount = 0;
    m_cursor.clear();
    m_complete = m_ns.isEmpty();
    // Settled before the reset ends: a view may ask for the first page from inside it.
    setLoading(false);
    endResetModel();
    fetchMore({});
}

void KeyTableModel::sort(int column, Qt::SortOrder order)
{
    if (column != KeyColumn) {
        return;
    }
    const model::KeyOrder wanted
        = order == Qt::DescendingOrder ? model::KeyOrder::Descending : model::KeyOrder::Ascending;
    if (wanted == m_order) {
        return;
    }
    m_order = wanted;
    reload();
}

Qt::SortOrder KeyTableModel::sortOrder() const
{
    return m_order == model::KeyOrder::Descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void KeyTableModel::setPageSize(int keys)
{
    m_pageSize = std::clamp(keys, 1, 1000);
}

QString KeyTableModel::keyAt(int row) const
{
    const auto [page, i] = locate(row);
    return page ? QString::fromUtf8(page->keyAt(i)) : QString();
}

int KeyTableModel::rowOf(const QString& key) const
{
    // Rows are in key order (the store's byte order of UTF-8, which for valid keys is the order of
    // code points), up or down: two binary searches, for the page and in it, find a key among
    // millions.
    const QByteArray wanted = key.toUtf8();
    const bool descending = m_order == model::KeyOrder::Descending;
    // Whether a row holding `a` comes before one holding `b`.
    const auto before = [descending](QByteArrayView a, QByteArrayView b) { return descending ? b < a : a < b; };
    const auto page = std::lower_bound(
        m_pages.cbegin(), m_pages.cend(), wanted, [&before](const Page& candidate, const QByteArray& k) {
            return before(candidate.keyAt(candidate.size() - 1), k);
        });
    if (page == m_pages.cend()) {
        return -1;
    }
    int low = 0;
    int high = page->size();
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (before(page->keyAt(middle), wanted)) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low < page->size() && page->keyAt(low) == wanted ? page->firstRow + low : -1;
}

void KeyTableModel::forget(const QStringList& keys)
{
    for (const QString& key : keys) {
        const int row = rowOf(key);
        if (row < 0) {
            continue;
        }
        beginRemoveRows({}, row, row);
        const auto at = std::upper_bound(
            m_pages.begin(), m_pages.end(), row, [](int wanted, const Page& page) { return wanted < page.firstRow; });
        auto page = std::prev(at);
        if (page->size() == 1) {
            page = m_pages.erase(page);
        } else {
            *page = page->without(row - page->firstRow);
            ++page;
        }
        for (; page != m_pages.end(); ++page) {
            --page->firstRow;
        }
        --m_rowCount;
        endRemoveRows();
    }
}

int KeyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
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
    const auto [page, i] = locate(index.row());
    const Page::Fields& row = page->rows[static_cast<std::size_t>(i)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return QString::fromUtf8(page->keyAt(i));
        case SizeColumn:
            return formatDataSize(row.size);
        case ExpirationColumn:
            return row.expiresAt == 0
                ? QString()
                : QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.expiresAt), QLocale::ShortFormat);
        case VersionColumn:
            return QLocale().toString(row.version);
        case MetadataColumn:
            return summaryOf(page->metadataAt(i));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == MetadataColumn && !page->metadataAt(i).isEmpty()
            ? QString::fromUtf8(QJsonDocument(objectOf(page->metadataAt(i))).toJson(QJsonDocument::Indented))
            : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn || index.column() == VersionColumn
            ? QVariant(Qt::AlignTrailing | Qt::AlignVCenter)
            : QVariant();
    case KeyRole:
        return QString::fromUtf8(page->keyAt(i));
    case SizeRole:
        return row.size;
    case ExpiresAtRole:
        return row.expiresAt == 0 ? QVariant() : QVariant(row.expiresAt);
    case VersionRole:
        return row.version;
    case MetadataRole:
        return objectOf(page->metadataAt(i));
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= 0 && section < ColumnCount) {
        // A click on any header asks to sort; say which one can.
        return section == KeyColumn ? tr("Click to list the keys A to Z or Z to A")
                                    : tr("Only the Key column can be sorted: keys are listed in key order");
    }
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
    whenDone(m_client.listKeys(m_ns, client::ListRequest { m_prefix, m_cursor, m_pageSize, m_order }), this,
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
                // Packed before the insertion starts, so the view reads finished rows.
                Page packed;
                packed.firstRow = m_rowCount;
                packed.rows.reserve(static_cast<std::size_t>(page->keys.size()));
                for (const model::KeyInfo& info : page->keys) {
                    packed.append(info);
                }
                // Appending left room to grow that a finished page never uses.
                packed.keys.squeeze();
                packed.metadata.squeeze();
                // One insertion per page, not per key: a view lays out once.
                beginInsertRows({}, m_rowCount, m_rowCount + packed.size() - 1);
                m_rowCount += packed.size();
                m_pages.push_back(std::move(packed));
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
