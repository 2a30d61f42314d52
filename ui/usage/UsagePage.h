#pragma once
// UsagePage is the dashboard's usage and plans view: for one namespace, reads, writes, lists,
// deletes or stored bytes by hour, day or month against the plan's quota, as a chart or as a table
// with the same numbers, with the quotas at 80% or 100% spelled out above them. It follows the live
// feed (usage ticks, quota warnings, plan changes of the namespace shown), exports the chart as
// PNG and the buckets as CSV, and changes the namespace's plan through the shared plan dialog.

#include "client/Client.h"
#include "ui/ConsolePage.h"
#include "ui/usage/UsageSeries.h"

#include <QMap>
#include <QTimer>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace kv::ui {

class UsageChart;
class UsageTableModel;

class UsagePage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit UsagePage(client::Client& client, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(UsagePage)

    /// Reloads the namespaces and the usage shown, keeping the namespace, metric, step and range.
    void refresh() override;
    /// Fetches the usage of the namespace shown again (the namespace list stays).
    void reload();

    [[nodiscard]] QString currentNamespace() const;
    [[nodiscard]] UsageMetric metric() const;
    [[nodiscard]] BucketStep step() const;
    /// What is shown now; empty before the first answer.
    [[nodiscard]] const UsageSeries& series() const { return m_series; }

    /// Writes the chart as a PNG image of the chart's size; false (and failed()) when it cannot.
    bool exportPng(const QString& path);
    /// Writes the buckets shown as CSV (see UsageCsv.h); false (and failed()) when it cannot.
    bool exportCsv(const QString& path);
    /// Ask for a file (non-modal) and export to it.
    void chooseExportPng();
    void chooseExportCsv();
    /// Offers the plans for the namespace shown and changes it (the shared plan dialog).
    void changePlan();

    [[nodiscard]] UsageChart* chart() const { return m_chart; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] UsageTableModel* tableModel() const { return m_model; }
    [[nodiscard]] QLabel* warningLabel() const { return m_warningLabel; }

Q_SIGNALS:
    /// A usage report arrived and is shown.
    void usageShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void loadNamespaces();
    /// The range choices of the step, the step's usual one selected.
    void fillRanges();
    /// Chart, table, labels and buttons from m_series and the metric chosen.
    void showSeries();
    void showWarnings();
    void onEvent(const model::ServiceEvent& event);

    client::Client& m_client;
    QComboBox* m_namespace;
    QComboBox* m_metric;
    QComboBox* m_step;
    QComboBox* m_range;
    QLabel* m_planLabel;
    QPushButton* m_changePlan;
    QPushButton* m_exportPng;
    QPushButton* m_exportCsv;
    QWidget* m_warningBar;
    QLabel* m_warningLabel;
    QTabWidget* m_views;
    UsageChart* m_chart;
    QTableView* m_table;
    UsageTableModel* m_model;
    UsageSeries m_series;
    /// Live events come in bursts (a flush sends a tick per namespace and hour): the first one
    /// starts this timer, the ones after it join the same reload.
    QTimer m_reloadDelay;
    /// A live event asked for a reload while the page was hidden (another tab): it reloads when
    /// shown instead of asking the backend at every flush for a chart nobody sees.
    bool m_staleWhileHidden = false;
    /// The namespace to show once the list is back (kept across reloads).
    QString m_wantedNamespace;
    /// Bumped by every request; an answer of an older one is dropped.
    quint64 m_usageGeneration = 0;
    quint64 m_namespaceGeneration = 0;
    /// Quota warnings from the live feed, with the usage generation they arrived in: shown until a
    /// report asked for after them (which includes what they announced) is shown.
    QMap<UsageMetric, std::pair<QuotaStatus, quint64>> m_liveWarnings;
};

} // namespace kv::ui
