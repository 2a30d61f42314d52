#pragma once
// UsageChart draws one metric of a UsageSeries over its buckets (Qt Charts): the metric per
// bucket, for operations shown by hour or day also the month-to-date running total, and — where
// the plan has a quota for it — the quota line, the 80% line with the warning band between them,
// and marked points where the compared value stands at 80% or more (hollow circles) or at the
// quota (filled squares). Every colour comes from the widget's palette and is applied again when
// the palette changes, so the chart follows a light/dark switch.
//
// The x axis counts buckets (bucket i at x = i) and is labelled in UTC, like the service's buckets
// and monthly quotas, instead of a date-time axis in local time, which would put a UTC day's
// label on the day before west of Greenwich.

#include "ui/usage/UsageSeries.h"

#include <QChartView>

class QAreaSeries;
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace kv::ui {

class UsageChart final : public QChartView
{
    Q_OBJECT
public:
    explicit UsageChart(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(UsageChart)

    /// Shows `metric` of `series`.
    void setSeries(const UsageSeries& series, UsageMetric metric);

    /// The metric per bucket: (bucket index, value); buckets of unknown storage are left out.
    [[nodiscard]] QLineSeries* valueSeries() const { return m_values; }
    /// The month-to-date running total (visible for operations by hour or day).
    [[nodiscard]] QLineSeries* monthToDateSeries() const { return m_monthToDate; }
    /// The plan's limit across the chart (visible when the plan has one).
    [[nodiscard]] QLineSeries* quotaSeries() const { return m_quota; }
    /// 80% of the limit.
    [[nodiscard]] QLineSeries* warningLine() const { return m_warningLine; }
    [[nodiscard]] QAreaSeries* warningBand() const { return m_band; }
    /// Buckets whose compared value is at 80% or more of the quota, but below it.
    [[nodiscard]] QScatterSeries* warningPoints() const { return m_warningPoints; }
    /// Buckets whose compared value is at the quota or past it.
    [[nodiscard]] QScatterSeries* reachedPoints() const { return m_reachedPoints; }
    [[nodiscard]] QCategoryAxis* bucketAxis() const { return m_axisX; }
    [[nodiscard]] QValueAxis* valueAxis() const { return m_axisY; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    /// Shows the legend entries of the visible series only.
    void syncLegend();
    void showPointToolTip(const QPointF& point, bool entered, const QString& what);

    QLineSeries* m_values;
    QLineSeries* m_monthToDate;
    QLineSeries* m_quota;
    QLineSeries* m_warningLine;
    /// The band's edges: copies of the quota and 80% lines, owned by the band.
    QLineSeries* m_bandUpper;
    QLineSeries* m_bandLower;
    QAreaSeries* m_band;
    QScatterSeries* m_warningPoints;
    QScatterSeries* m_reachedPoints;
    QCategoryAxis* m_axisX;
    QValueAxis* m_axisY;
    UsageSeries m_series;
    UsageMetric m_metric = UsageMetric::Reads;
};

} // namespace kv::ui
