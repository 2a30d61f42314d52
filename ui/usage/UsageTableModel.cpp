#include "ui/usage/UsageTableModel.h"

#include <QDateTime>
#include <QLocale>

namespace kv::ui {

UsageTableModel::UsageTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void UsageTableModel::setSeries(const UsageSeries& series, UsageMetric metric)
{
    beginResetModel();
    m_series = series;
    m_metric = metric;
    endResetModel();
}

int UsageTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_series.size();
}

int UsageTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UsageTableModel::bucketLabel(model::Timestamp start, BucketStep step)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
    switch (step) {
    case BucketStep::Hour:
        return at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case BucketStep::Day:
        return at.toString(QStringLiteral("yyyy-MM-dd"));
    case BucketStep::Month:
        return at.toString(QStringLiteral("yyyy-MM"));
    }
    return {};
}

QVariant UsageTableModel::valueAt(int row, int column) const
{
    const UsageRow& bucket = m_series.rows().at(row);
    const auto optional = [](std::optional<qint64> value) { return value ? QVariant(*value) : QVariant(); };
    switch (column) {
    case StartColumn:
        return bucket.start;
    case ReadsColumn:
        return bucket.counts.reads;
    case WritesColumn:
        return bucket.counts.writes;
    case ListsColumn:
        return bucket.counts.lists;
    case DeletesColumn:
        return bucket.counts.deletes;
    case StorageColumn:
        return optional(bucket.storageBytes);
    case ComparedColumn:
        return optional(m_series.compared(row, m_metric));
    case QuotaColumn:
        return optional(m_series.quota(m_metric));
    case PercentColumn: {
        const auto used = m_series.compared(row, m_metric);
        const auto limit = m_series.quota(m_metric);
        if (!used || !limit || *limit <= 0) {
            return {};
        }
        return QuotaStatus { m_metric, *used, *limit, quotaLevel(*used, *limit) }.percent();
    }
    default:
        return {};
    }
}

QString UsageTableModel::displayAt(int row, int column) const
{
    const QVariant value = valueAt(row, column);
    if (column == StartColumn) {
        return bucketLabel(value.toLongLong(), m_series.range().step);
    }
    if (!value.isValid()) {
        // Unknown storage, or a metric without quota: a dash rather than an empty cell, which a
        // screen reader would skip without a word.
        return QStringLiteral("—");
    }
    const QLocale locale;
    if (column == PercentColumn) {
        const qint64 used = *m_series.compared(row, m_metric);
        const qint64 limit = *m_series.quota(m_metric);
        // The level in words, never by colour alone.
        switch (quotaLevel(used, limit)) {
        case QuotaLevel::Reached:
            return tr("%1% — quota reached").arg(value.toInt());
        case QuotaLevel::Warning:
            return tr("%1% — warning").arg(value.toInt());
        case QuotaLevel::Normal:
            break;
        }
        return tr("%1%").arg(value.toInt());
    }
    return locale.toString(value.toLongLong());
}

QVariant UsageTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayAt(index.row(), index.column());
    case ValueRole:
        return valueAt(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return index.column() == StartColumn ? QVariant() : QVariant(Qt::AlignTrailing | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant UsageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const QString metric = UsageSeries::metricTitle(m_metric);
    const bool monthToDate = m_series.comparesMonthToDate(m_metric);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ComparedColumn:
            return monthToDate ? tr("%1 from the start of the bucket's month (UTC) to the end of the bucket: what the "
                                    "monthly quota is checked against")
                                     .arg(metric)
                               : tr("%1 in the bucket, compared with the quota").arg(metric);
        case QuotaColumn:
            return m_metric == UsageMetric::Storage ? tr("The bytes the plan allows")
                                                    : tr("%1 the plan allows per month").arg(metric);
        case PercentColumn:
            return tr("The share of the quota used; 80% raises a warning, 100% means the quota is reached");
        default:
            return {};
        }
    }
    switch (section) {
    case StartColumn:
        return tr("Start (UTC)");
    case ReadsColumn:
        return tr("Reads");
    case WritesColumn:
        return tr("Writes");
    case ListsColumn:
        return tr("Lists");
    case DeletesColumn:
        return tr("Deletes");
    case StorageColumn:
        return tr("Storage (bytes)");
    case ComparedColumn:
        return monthToDate ? tr("%1 month to date").arg(metric) : tr("%1 against quota").arg(metric);
    case QuotaColumn:
        return tr("%1 quota").arg(metric);
    case PercentColumn:
        return tr("% of quota");
    default:
        return {};
    }
}

} // namespace kv::ui
