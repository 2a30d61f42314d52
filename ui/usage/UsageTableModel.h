#pragma once
// UsageTableModel is the usage page's table: the same numbers as the chart, one row per bucket,
// for keyboard and screen-reader users — the operation counts, the bytes stored, and for the
// metric shown the value compared with the quota (month to date for operations by hour or day),
// the quota and the share of it used, with the 80% and 100% marks spelled out in words.

#include "ui/usage/UsageSeries.h"

#include <QAbstractTableModel>

namespace kv::ui {

class UsageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StartColumn,
        ReadsColumn,
        WritesColumn,
        ListsColumn,
        DeletesColumn,
        StorageColumn,
        ComparedColumn,
        QuotaColumn,
        PercentColumn,
        ColumnCount
    };
    /// The raw number behind a cell (qint64; the bucket start in ms for StartColumn); invalid when
    /// there is none (unknown storage, no quota).
    enum Role { ValueRole = Qt::UserRole + 1 };

    explicit UsageTableModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(UsageTableModel)

    /// Shows `series` with `metric` as the one compared with its quota: all rows in one reset.
    void setSeries(const UsageSeries& series, UsageMetric metric);
    [[nodiscard]] const UsageSeries& series() const { return m_series; }
    [[nodiscard]] UsageMetric metric() const { return m_metric; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// A bucket's start as the table and CSV name it, in UTC: "2024-03-14 15:00", "2024-03-14",
    /// "2024-03".
    static QString bucketLabel(model::Timestamp start, BucketStep step);

private:
    [[nodiscard]] QVariant valueAt(int row, int column) const;
    [[nodiscard]] QString displayAt(int row, int column) const;

    UsageSeries m_series;
    UsageMetric m_metric = UsageMetric::Reads;
};

} // namespace kv::ui
