#include "ui/usage/UsagePage.h"

#include "ui/Async.h"
#include "ui/dialogs/PlanChange.h"
#include "ui/usage/UsageChart.h"
#include "ui/usage/UsageCsv.h"
#include "ui/usage/UsageTableModel.h"

#include <QAccessible>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kv::ui {

namespace {

/// Live events wait this long for the rest of their burst before the page reloads.
constexpr int kReloadDelayMs = 250;

struct RangeChoice
{
    int buckets;
    const char* label;
};

/// The spans offered per step; the first of each is the usual one. Hours go back at most a week
/// (168 points), days a quarter, months a year.
QList<RangeChoice> rangeChoices(BucketStep step)
{
    switch (step) {
    case BucketStep::Hour:
        return { { 24, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 24 hours") },
            { 48, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 48 hours") },
            { 168, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 7 days") } };
    case BucketStep::Day:
        return { { 30, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 30 days") },
            { 7, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 7 days") },
            { 90, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 90 days") } };
    case BucketStep::Month:
        return { { 12, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 12 months") },
            { 3, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 3 months") },
            { 6, QT_TRANSLATE_NOOP("kv::ui::UsagePage", "Last 6 months") } };
    }
    return {};
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

UsagePage::UsagePage(client::Client& client, QWidget* parent)
    : ConsolePage(parent)
    , m_client(client)
    , m_namespace(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_step(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_planLabel(new QLabel(this))
    , m_changePlan(new QPushButton(tr("Change &Plan…"), this))
    , m_exportPng(new QPushButton(tr("E&xport PNG…"), this))
    , m_exportCsv(new QPushButton(tr("Export &CSV…"), this))
    , m_warningBar(new QWidget(this))
    , m_warningLabel(new QLabel(m_warningBar))
    , m_views(new QTabWidget(this))
    , m_chart(new UsageChart(this))
    , m_table(new QTableView(this))
    , m_model(new UsageTableModel(this))
{
    setObjectName(QStringLiteral("usage"));

    m_namespace->setObjectName(QStringLiteral("usageNamespace"));
    m_namespace->setAccessibleName(tr("Namespace"));
    m_namespace->setAccessibleDescription(tr("The namespace whose usage is shown"));
    m_metric->setObjectName(QStringLiteral("usageMetric"));
    m_metric->setAccessibleName(tr("Metric"));
    m_metric->setAccessibleDescription(tr("Which counter the chart shows against its quota"));
    for (int i = 0; i < kUsageMetricCount; ++i) {
        m_metric->addItem(UsageSeries::metricTitle(static_cast<UsageMetric>(i)), i);
    }
    m_step->setObjectName(QStringLiteral("usageStep"));
    m_step->setAccessibleName(tr("Step"));
    m_step->setAccessibleDescription(tr("The length of one bucket: an hour, a day or a calendar month, in UTC"));
    m_step->addItem(tr("By hour"), static_cast<int>(BucketStep::Hour));
    m_step->addItem(tr("By day"), static_cast<int>(BucketStep::Day));
    m_step->addItem(tr("By month"), static_cast<int>(BucketStep::Month));
    m_range->setObjectName(QStringLiteral("usageRange"));
    m_range->setAccessibleName(tr("Range"));
    m_range->setAccessibleDescription(tr("How far back the usage goes"));
    fillRanges();

    m_planLabel->setObjectName(QStringLiteral("usagePlan"));
    m_planLabel->setAccessibleName(tr("Plan and quota"));
    m_planLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_changePlan->setObjectName(QStringLiteral("usageChangePlan"));
    m_changePlan->setAccessibleName(tr("Change plan"));
    m_changePlan->setAccessibleDescription(tr("Moves the namespace to another plan"));
    m_exportPng->setObjectName(QStringLiteral("usageExportPng"));
    m_exportPng->setAccessibleName(tr("Export chart as PNG"));
    m_exportCsv->setObjectName(QStringLiteral("usageExportCsv"));
    m_exportCsv->setAccessibleName(tr("Export usage as CSV"));
    m_exportCsv->setAccessibleDescription(tr("Writes the buckets shown, with the quota, to a CSV file"));

    // The level is in the words ("Warning:", "Quota reached:") and the icon, not in a colour.
    m_warningBar->setObjectName(QStringLiteral("usageWarningBar"));
    auto* warningIcon = new QLabel(m_warningBar);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(16, 16)));
    warningIcon->setAccessibleName(tr("Warning"));
    m_warningLabel->setObjectName(QStringLiteral("usageWarning"));
    m_warningLabel->setAccessibleName(tr("Quota warnings"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setTextFormat(Qt::PlainText);
    m_warningLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = m_warningLabel->font();
    bold.setBold(true);
    m_warningLabel->setFont(bold);
    auto* warningLayout = new QHBoxLayout(m_warningBar);
    warningLayout->setContentsMargins(0, 0, 0, 0);
    warningLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    warningLayout->addWidget(m_warningLabel, 1);
    m_warningBar->hide();

    m_chart->setMinimumHeight(240);
    m_table->setObjectName(QStringLiteral("usageTable"));
    // Nothing is edited in the cells: Tab moves on instead of along the row.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Usage table"));
    m_table->setAccessibleDescription(tr("The chart's numbers, one row per bucket, with the quota and the share "
                                         "of it used"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_views->setObjectName(QStringLiteral("usageViews"));
    m_views->setAccessibleName(tr("Usage as chart or table"));
    m_views->addTab(m_chart, tr("C&hart"));
    m_views->addTab(m_table, tr("&Table"));

    auto* choices = new QHBoxLayout;
    choices->addWidget(buddyLabel(tr("N&amespace:"), m_namespace, this));
    choices->addWidget(m_namespace, 1);
    choices->addWidget(buddyLabel(tr("&Metric:"), m_metric, this));
    choices->addWidget(m_metric);
    choices->addWidget(buddyLabel(tr("&Step:"), m_step, this));
    choices->addWidget(m_step);
    choices->addWidget(buddyLabel(tr("&Range:"), m_range, this));
    choices->addWidget(m_range);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_planLabel, 1);
    actions->addWidget(m_changePlan);
    actions->addWidget(m_exportPng);
    actions->addWidget(m_exportCsv);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addLayout(actions);
    layout->addWidget(m_warningBar);
    layout->addWidget(m_views, 1);
    setTabOrder(m_namespace, m_metric);
    setTabOrder(m_metric, m_step);
    setTabOrder(m_step, m_range);
    setTabOrder(m_range, m_changePlan);
    setTabOrder(m_changePlan, m_exportPng);
    setTabOrder(m_exportPng, m_exportCsv);
    // Through the Chart/Table tabs' bar, not the tab widget: the widget itself takes no focus,
    // and ordering after it left the chart out of the chain.
    setTabOrder(m_exportCsv, m_views->tabBar());
    setTabOrder(m_views->tabBar(), m_chart);
    setTabOrder(m_chart, m_table);
    setFocusProxy(m_namespace);

    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(kReloadDelayMs);
    connect(&m_reloadDelay, &QTimer::timeout, this, &UsagePage::reload);
    connect(m_namespace, &QComboBox::currentIndexChanged, this, [this] {
        m_wantedNamespace = currentNamespace();
        m_liveWarnings.clear();
        // Another namespace's numbers must not stand under this one's name while it loads.
        m_series = {};
        showSeries();
        reload();
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, &UsagePage::showSeries);
    connect(m_step, &QComboBox::currentIndexChanged, this, [this] {
        fillRanges();
        reload();
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, &UsagePage::reload);
    connect(m_changePlan, &QPushButton::clicked, this, &UsagePage::changePlan);
    connect(m_exportPng, &QPushButton::clicked, this, &UsagePage::chooseExportPng);
    connect(m_exportCsv, &QPushButton::clicked, this, &UsagePage::chooseExportCsv);
    connect(&m_client, &client::Client::eventReceived, this, &UsagePage::onEvent);

    showSeries();
    loadNamespaces();
}

QString UsagePage::currentNamespace() const
{
    return m_namespace->currentData().toString();
}

UsageMetric UsagePage::metric() const
{
    return static_cast<UsageMetric>(m_metric->currentData().toInt());
}

BucketStep UsagePage::step() const
{
    return static_cast<BucketStep>(m_step->currentData().toInt());
}

void UsagePage::refresh()
{
    loadNamespaces();
}

void UsagePage::loadNamespaces()
{
    const quint64 generation = ++m_namespaceGeneration;
    whenDone(m_client.listNamespaces(), this, [this, generation](const Result<QList<model::Namespace>>& namespaces) {
        if (generation != m_namespaceGeneration) {
            return;
        }
        if (!namespaces) {
            Q_EMIT failed(namespaces.error().message());
            return;
        }
        const QString wanted = m_wantedNamespace;
        {
            // Filling the list is not the operator choosing: one reload below, not one per item.
            const QSignalBlocker quiet(m_namespace);
            m_namespace->clear();
            for (const model::Namespace& ns : *namespaces) {
                m_namespace->addItem(ns.id, ns.id);
            }
            m_namespace->setCurrentIndex(std::max(0, m_namespace->findData(wanted)));
        }
        if (currentNamespace() != wanted) {
            m_liveWarnings.clear();
        }
        m_wantedNamespace = currentNamespace().isEmpty() ? wanted : currentNamespace();
        reload();
    });
}

void UsagePage::fillRanges()
{
    const QSignalBlocker quiet(m_range);
    m_range->clear();
    for (const RangeChoice& choice : rangeChoices(step())) {
        m_range->addItem(tr(choice.label), choice.buckets);
    }
    m_range->setCurrentIndex(0);
}

void UsagePage::reload()
{
    m_reloadDelay.stop();
    m_staleWhileHidden = false;
    const quint64 generation = ++m_usageGeneration;
    const QString ns = currentNamespace();
    if (ns.isEmpty()) {
        m_series = {};
        showSeries();
        return;
    }
    const UsageRange range
        = UsageRange::lastBuckets(step(), m_range->currentData().toInt(), QDateTime::currentMSecsSinceEpoch());
    whenDone(
        m_client.usage(range.query(ns)), this, [this, generation, range](const Result<client::UsageReport>& report) {
            if (generation != m_usageGeneration) {
                return;
            }
            if (!report) {
                Q_EMIT failed(report.error().message());
                return;
            }
            m_series = UsageSeries(*report, range);
            // This report was asked for after the live warnings of older generations arrived.
            for (auto it = m_liveWarnings.begin(); it != m_liveWarnings.end();) {
                it = it->second < generation ? m_liveWarnings.erase(it) : std::next(it);
            }
            showSeries();
            Q_EMIT usageShown();
        });
}

void UsagePage::showSeries()
{
    const UsageMetric shown = metric();
    m_chart->setSeries(m_series, shown);
    m_model->setSeries(m_series, shown);
    const bool any = !m_series.namespaceId().isEmpty();
    m_changePlan->setEnabled(any);
    m_exportPng->setEnabled(any);
    m_exportCsv->setEnabled(any);
    if (!any) {
        m_planLabel->setText(currentNamespace().isEmpty() ? tr("No namespace to show.") : tr("Loading…"));
    } else {
        const model::Plan& plan = m_series.plan();
        const QString name = plan.name.isEmpty() ? plan.id : plan.name;
        const auto quota = m_series.quota(shown);
        const QString title = UsageSeries::metricTitle(shown);
        const QLocale locale;
        m_planLabel->setText(!quota ? tr("Plan: %1 — no quota for %2.").arg(name, title.toLower())
                : shown == UsageMetric::Storage
                ? tr("Plan: %1 — storage quota %2 bytes.").arg(name, locale.toString(*quota))
                : tr("Plan: %1 — %2 a month: %3.").arg(name, title.toLower(), locale.toString(*quota)));
    }
    showWarnings();
}

void UsagePage::showWarnings()
{
    // The report's view of every quota of the plan, raised by live warnings not in it yet.
    QMap<UsageMetric, QuotaStatus> statuses;
    for (const QuotaStatus& status : m_series.warnings()) {
        statuses.insert(status.metric, status);
    }
    for (auto it = m_liveWarnings.cbegin(); it != m_liveWarnings.cend(); ++it) {
        if (!statuses.contains(it.key()) || statuses.value(it.key()).used < it->first.used) {
            statuses.insert(it.key(), it->first);
        }
    }
    QList<QuotaStatus> shown = statuses.values();
    std::stable_sort(shown.begin(), shown.end(),
        [](const QuotaStatus& a, const QuotaStatus& b) { return a.percent() > b.percent(); });
    QStringList lines;
    for (const QuotaStatus& status : shown) {
        lines.append(UsageSeries::describe(status));
    }
    const QString text = lines.join(QLatin1Char('\n'));
    if (text == m_warningLabel->text() && m_warningBar->isVisibleTo(this) == !text.isEmpty()) {
        return;
    }
    m_warningLabel->setText(text);
    m_warningBar->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        // A new warning is news: screen readers announce it without the focus moving there.
        QAccessibleEvent alert(m_warningLabel, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void UsagePage::onEvent(const model::ServiceEvent& event)
{
    using Type = model::ServiceEvent::Type;
    if (event.type == Type::Audit) {
        const QString action = event.data.value(QStringLiteral("action")).toString();
        if (action == QLatin1StringView("namespace.create") || action == QLatin1StringView("namespace.delete")) {
            loadNamespaces();
            return;
        }
        if (action != QLatin1StringView("plan.change")) {
            return;
        }
    } else if (event.type != Type::UsageTick && event.type != Type::QuotaWarning) {
        return;
    }
    if (event.ns.isEmpty() || event.ns != currentNamespace()) {
        return;
    }
    if (event.type == Type::QuotaWarning) {
        const auto quota = UsageSeries::metricFromQuotaName(event.data.value(QStringLiteral("quota")).toString());
        if (quota) {
            const qint64 used = event.data.value(QStringLiteral("used")).toInteger();
            const qint64 limit = event.data.value(QStringLiteral("limit")).toInteger();
            const QuotaLevel level = event.data.value(QStringLiteral("percent")).toInt() >= 100 ? QuotaLevel::Reached
                                                                                                : QuotaLevel::Warning;
            // Tagged with the generation of the request in flight, which may predate the warning.
            m_liveWarnings.insert(*quota, { QuotaStatus { *quota, used, limit, level }, m_usageGeneration });
            showWarnings();
        }
    }
    if (!isVisible()) {
        m_staleWhileHidden = true;
        return;
    }
    if (!m_reloadDelay.isActive()) {
        m_reloadDelay.start();
    }
}

void UsagePage::showEvent(QShowEvent* event)
{
    ConsolePage::showEvent(event);
    if (m_staleWhileHidden) {
        m_staleWhileHidden = false;
        reload();
    }
}

bool UsagePage::exportPng(const QString& path)
{
    // The chart lays out its title and legend from posted events; a metric chosen a moment ago
    // must not be drawn with the previous one's title and legend.
    for (QGraphicsWidget* item :
        std::initializer_list<QGraphicsWidget*> { m_chart->chart(), m_chart->chart()->legend() }) {
        if (QGraphicsLayout* layout = item->layout()) {
            layout->activate();
        }
    }
    const QPixmap image = m_chart->grab();
    if (image.isNull() || !image.save(path, "PNG")) {
        Q_EMIT failed(tr("Could not write the image %1.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    return true;
}

bool UsagePage::exportCsv(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(usageCsv(m_series, metric())) < 0 || !file.commit()) {
        Q_EMIT failed(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

void UsagePage::chooseExportPng()
{
    if (m_series.namespaceId().isEmpty()) {
        return;
    }
    auto* chooser = new QFileDialog(this, tr("Export the usage chart of %1").arg(m_series.namespaceId()),
        QStringLiteral("%1-%2.png").arg(m_series.namespaceId(), UsageSeries::quotaName(metric())),
        tr("PNG images (*.png)"));
    chooser->setObjectName(QStringLiteral("usagePngDialog"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("png"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { exportPng(path); });
    chooser->open();
}

void UsagePage::chooseExportCsv()
{
    if (m_series.namespaceId().isEmpty()) {
        return;
    }
    auto* chooser = new QFileDialog(this, tr("Export the usage of %1 as CSV").arg(m_series.namespaceId()),
        QStringLiteral("%1-usage.csv").arg(m_series.namespaceId()), tr("CSV files (*.csv);;All files (*)"));
    chooser->setObjectName(QStringLiteral("usageCsvDialog"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("csv"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { exportCsv(path); });
    chooser->open();
}

void UsagePage::changePlan()
{
    const QString ns = m_series.namespaceId();
    if (ns.isEmpty()) {
        return;
    }
    changeNamespacePlan(m_client, ns, m_series.plan().id, this, [this](const Result<model::Namespace>& moved) {
        if (!moved) {
            Q_EMIT failed(moved.error().message());
            return;
        }
        m_liveWarnings.clear();
        reload();
    });
}

} // namespace kv::ui
