#include "ui/usage/UsageChart.h"

#include "ui/usage/UsageTableModel.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace kv::ui {

namespace {

/// More x labels than this overlap on a page-wide chart.
constexpr int kMaxBucketLabels = 12;
constexpr qreal kMarkerSize = 11;

/// 1, 2 or 5 times a power of ten, at least 1 (the values are whole numbers), so that about five
/// grid lines cover `max`.
qreal niceInterval(qreal max)
{
    const qreal rough = std::max<qreal>(max / 5, 1);
    const qreal magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const qreal factor : { 1.0, 2.0, 5.0 }) {
        if (factor * magnitude >= rough) {
            return factor * magnitude;
        }
    }
    return 10 * magnitude;
}

QString axisLabel(model::Timestamp start, BucketStep step, int buckets)
{
    const QString full = UsageTableModel::bucketLabel(start, step);
    // Short labels where the span keeps them unique: hours of one day, days of one year.
    if (step == BucketStep::Hour && buckets <= 24) {
        return full.right(5);
    }
    if (step == BucketStep::Hour || step == BucketStep::Day) {
        return full.mid(5);
    }
    return full;
}

} // namespace

UsageChart::UsageChart(QWidget* parent)
    : QChartView(new QChart, parent)
    , m_values(new QLineSeries)
    , m_monthToDate(new QLineSeries)
    , m_quota(new QLineSeries)
    , m_warningLine(new QLineSeries)
    , m_bandUpper(new QLineSeries(chart()))
    , m_bandLower(new QLineSeries(chart()))
    , m_band(new QAreaSeries(m_bandUpper, m_bandLower))
    , m_warningPoints(new QScatterSeries)
    , m_reachedPoints(new QScatterSeries)
    , m_axisX(new QCategoryAxis)
    , m_axisY(new QValueAxis)
{
    setObjectName(QStringLiteral("usageChart"));
    setAccessibleName(tr("Usage chart"));
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    m_values->setObjectName(QStringLiteral("valueSeries"));
    m_values->setPointsVisible(true);
    m_monthToDate->setObjectName(QStringLiteral("monthToDateSeries"));
    m_quota->setObjectName(QStringLiteral("quotaSeries"));
    m_warningLine->setObjectName(QStringLiteral("warningLine"));
    m_band->setObjectName(QStringLiteral("warningBand"));
    m_band->setName(tr("80–100% of quota"));
    m_warningLine->setName(tr("80% of quota"));
    m_warningPoints->setObjectName(QStringLiteral("warningPoints"));
    m_warningPoints->setName(tr("At 80% of quota or more"));
    m_warningPoints->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_warningPoints->setMarkerSize(kMarkerSize);
    m_reachedPoints->setObjectName(QStringLiteral("reachedPoints"));
    m_reachedPoints->setName(tr("Quota reached"));
    m_reachedPoints->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_reachedPoints->setMarkerSize(kMarkerSize);

    QChart* chart = this->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setTickType(QValueAxis::TicksDynamic);
    m_axisY->setTickAnchor(0);
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    // Back to front: the band under the lines, the marks on top.
    for (QAbstractSeries* series : std::initializer_list<QAbstractSeries*> {
             m_band, m_warningLine, m_quota, m_monthToDate, m_values, m_warningPoints, m_reachedPoints }) {
        chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    connect(m_values, &QLineSeries::hovered, this, [this](const QPointF& point, bool entered) {
        showPointToolTip(point, entered, UsageSeries::metricTitle(m_metric));
    });
    connect(m_monthToDate, &QLineSeries::hovered, this, [this](const QPointF& point, bool entered) {
        showPointToolTip(point, entered, tr("%1 month to date").arg(UsageSeries::metricTitle(m_metric)));
    });
    applyPalette();
    setSeries({}, m_metric);
}

void UsageChart::setSeries(const UsageSeries& series, UsageMetric metric)
{
    m_series = series;
    m_metric = metric;
    const int buckets = series.size();
    const bool monthToDate = series.comparesMonthToDate(metric);
    const std::optional<qint64> quota = series.quota(metric);

    QList<QPointF> values;
    QList<QPointF> sums;
    QList<QPointF> warning;
    QList<QPointF> reached;
    qreal top = 0;
    for (int i = 0; i < buckets; ++i) {
        const auto x = static_cast<qreal>(i);
        if (const auto value = series.value(i, metric)) {
            values.append({ x, static_cast<qreal>(*value) });
            top = std::max(top, static_cast<qreal>(*value));
        }
        const auto compared = series.compared(i, metric);
        if (monthToDate && compared) {
            sums.append({ x, static_cast<qreal>(*compared) });
            top = std::max(top, static_cast<qreal>(*compared));
        }
        if (quota && compared) {
            switch (quotaLevel(*compared, *quota)) {
            case QuotaLevel::Reached:
                reached.append({ x, static_cast<qreal>(*compared) });
                break;
            case QuotaLevel::Warning:
                warning.append({ x, static_cast<qreal>(*compared) });
                break;
            case QuotaLevel::Normal:
                break;
            }
        }
    }
    // Points are replaced in one call each: one repaint, not one per bucket.
    m_values->replace(values);
    m_monthToDate->replace(sums);
    m_warningPoints->replace(warning);
    m_reachedPoints->replace(reached);
    const qreal left = -0.5;
    const qreal right = std::max<qreal>(buckets, 1) - 0.5;
    if (quota) {
        const auto limit = static_cast<qreal>(*quota);
        m_quota->replace({ { left, limit }, { right, limit } });
        m_bandUpper->replace({ { left, limit }, { right, limit } });
        m_warningLine->replace({ { left, limit * 0.8 }, { right, limit * 0.8 } });
        m_bandLower->replace({ { left, limit * 0.8 }, { right, limit * 0.8 } });
        top = std::max(top, limit);
    } else {
        for (QLineSeries* line : { m_quota, m_bandUpper, m_warningLine, m_bandLower }) {
            line->clear();
        }
    }

    const QString title = UsageSeries::metricTitle(metric);
    const QLocale locale;
    m_values->setName(series.range().step == BucketStep::Hour ? tr("%1 per hour").arg(title)
            : series.range().step == BucketStep::Day          ? tr("%1 per day").arg(title)
                                                              : tr("%1 per month").arg(title));
    m_monthToDate->setName(tr("%1 month to date").arg(title));
    m_quota->setName(metric == UsageMetric::Storage
            ? tr("Storage quota (%1 bytes)").arg(locale.toString(quota.value_or(0)))
            : tr("Monthly quota (%1)").arg(locale.toString(quota.value_or(0))));
    m_monthToDate->setVisible(monthToDate);
    for (QAbstractSeries* line : std::initializer_list<QAbstractSeries*> { m_quota, m_warningLine, m_band }) {
        line->setVisible(quota.has_value());
    }

    for (const QString& label : m_axisX->categoriesLabels()) {
        m_axisX->remove(label);
    }
    m_axisX->setStartValue(left);
    const int every = std::max(1, (buckets + kMaxBucketLabels - 1) / kMaxBucketLabels);
    // Labels count back from the current bucket, so that the newest one is always labelled.
    const int firstLabelled = buckets > 0 ? (buckets - 1) % every : 0;
    for (int i = firstLabelled; i < buckets; i += every) {
        m_axisX->append(axisLabel(series.range().bucketStart(i), series.range().step, buckets), i);
    }
    m_axisX->setRange(left, right);
    m_axisX->setTitleText(series.range().step == BucketStep::Hour ? tr("Hour (UTC)")
            : series.range().step == BucketStep::Day              ? tr("Day (UTC)")
                                                                  : tr("Month (UTC)"));
    const qreal interval = niceInterval(top);
    m_axisY->setTickInterval(interval);
    m_axisY->setRange(0, std::max<qreal>(std::ceil(top * 1.05 / interval), 1) * interval);
    m_axisY->setTitleText(metric == UsageMetric::Storage ? tr("Bytes") : tr("Operations"));
    chart()->setTitle(series.namespaceId().isEmpty() ? QString() : tr("%1 of %2").arg(title, series.namespaceId()));

    // What the chart says, for people who cannot see it (the table has every number).
    QString summary;
    if (buckets == 0) {
        summary = tr("No usage to show.");
    } else {
        qint64 total = 0;
        for (int i = 0; i < buckets; ++i) {
            total = metric == UsageMetric::Storage ? series.value(i, metric).value_or(total)
                                                   : total + series.value(i, metric).value_or(0);
        }
        summary = metric == UsageMetric::Storage
            ? tr("%1 bytes stored at the end.").arg(locale.toString(total))
            : tr("%1 %2 in %3 buckets.").arg(locale.toString(total), title.toLower()).arg(buckets);
        if (quota) {
            const qint64 last = series.compared(buckets - 1, metric).value_or(0);
            const QuotaStatus status { metric, last, *quota, quotaLevel(last, *quota) };
            summary += QLatin1Char(' ')
                + (monthToDate ? tr("%1% of the monthly quota of %2 used this month.")
                               : tr("%1% of the quota of %2 used in the last bucket."))
                      .arg(status.percent())
                      .arg(locale.toString(*quota));
        } else {
            summary += QLatin1Char(' ') + tr("The plan sets no quota for %1.").arg(title.toLower());
        }
    }
    setAccessibleDescription(summary);
    setToolTip(monthToDate
            ? tr("The quota is per calendar month (UTC). By hour and by day, the dashed line adds up the month so far "
                 "and restarts at zero when a month begins: that running total is what the quota line, the 80% "
                 "line and the marked points compare.")
            : metric == UsageMetric::Storage ? tr("The bytes stored at the end of each bucket, against the plan's "
                                                  "storage quota.")
                                             : tr("Each month's total against the monthly quota."));
    syncLegend();
}

void UsageChart::syncLegend()
{
    for (QAbstractSeries* series : chart()->series()) {
        const auto* xy = qobject_cast<QXYSeries*>(series);
        const bool hasPoints = xy == nullptr || !xy->points().isEmpty();
        for (QLegendMarker* marker : chart()->legend()->markers(series)) {
            // Marks without points would explain nothing on this chart, and the band's entry names
            // the 80% line at its lower edge.
            marker->setVisible(series->isVisible() && series != m_warningLine
                && (hasPoints || (series != m_warningPoints && series != m_reachedPoints)));
        }
    }
}

void UsageChart::showPointToolTip(const QPointF& point, bool entered, const QString& what)
{
    const int row = static_cast<int>(std::lround(point.x()));
    if (!entered || row < 0 || row >= m_series.size()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(),
        tr("%1 UTC: %2 %3")
            .arg(UsageTableModel::bucketLabel(m_series.range().bucketStart(row), m_series.range().step),
                QLocale().toString(static_cast<qint64>(std::llround(point.y()))), what.toLower()),
        this);
}

void UsageChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
}

void UsageChart::applyPalette()
{
    const QPalette colors = palette();
    const QColor text = colors.color(QPalette::WindowText);
    const QColor base = colors.color(QPalette::Base);
    const QColor grid = colors.color(QPalette::Mid);
    QChart* chart = this->chart();
    // The theme first (it resets every colour), then the palette's colours over it.
    chart->setTheme(
        colors.color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    setBackgroundBrush(colors.color(QPalette::Window));
    chart->setBackgroundBrush(colors.color(QPalette::Window));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundBrush(base);
    chart->setPlotAreaBackgroundPen(QPen(grid));
    chart->setPlotAreaBackgroundVisible(true);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*> { m_axisX, m_axisY }) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(colors.color(QPalette::Midlight));
    }

    m_values->setPen(QPen(colors.color(QPalette::Highlight), 2));
    m_monthToDate->setPen(QPen(colors.color(QPalette::LinkVisited), 2, Qt::DashLine));
    m_quota->setPen(QPen(text, 2, Qt::DashDotLine));
    m_warningLine->setPen(QPen(colors.color(QPalette::PlaceholderText), 1, Qt::DotLine));
    QColor band = text;
    // A light wash of the text colour: visible on light and dark bases, never hiding the lines.
    band.setAlpha(28);
    m_band->setBrush(band);
    m_band->setPen(Qt::NoPen);
    m_warningPoints->setBrush(base);
    m_warningPoints->setPen(QPen(text, 2));
    m_reachedPoints->setBrush(text);
    m_reachedPoints->setPen(QPen(base, 1));
}

} // namespace kv::ui
