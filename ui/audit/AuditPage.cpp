#include "ui/audit/AuditPage.h"

#include "ui/audit/AuditFilterBar.h"
#include "ui/audit/AuditModel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kv::ui {

AuditPage::AuditPage(client::Client& client, QWidget* parent)
    : ConsolePage(parent)
    , m_model(new AuditModel(client, this))
    , m_filters(new AuditFilterBar(this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("audit"));

    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setAccessibleName(tr("Audit trail status"));

    m_view->setObjectName(QStringLiteral("auditEvents"));
    // Nothing here is edited cell by cell: Tab moves on to the details instead of along the row.
    m_view->setTabKeyNavigation(false);
    m_view->setAccessibleName(tr("Audit events"));
    m_view->setAccessibleDescription(
        tr("Who changed what, newest first: time, actor, action, namespace, target, request id and details"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    // Pixels, not rows: rowsCame() moves the view by the height of the rows put above it.
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Fixed row heights: a long trail is never measured row by row.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(AuditModel::DetailsColumn, QHeaderView::Stretch);
    // The rows come newest first and do not sort otherwise; the arrow says so.
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(AuditModel::TimeColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->setSectionsClickable(false);

    auto* detailsPane = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto* detailsLabel = new QLabel(tr("Detai&ls:"), this);
    detailsLabel->setBuddy(m_details);
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_details->setAccessibleName(tr("Event details"));
    m_details->setAccessibleDescription(tr("The chosen audit event, whole, as JSON"));
    m_details->setReadOnly(true);
    // Read-only text still takes Tab as a way out, not as a character.
    m_details->setTabChangesFocus(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Choose an event to see all of it."));
    detailsLayout->addWidget(detailsLabel);
    detailsLayout->addWidget(m_details);

    m_splitter->setObjectName(QStringLiteral("auditSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(detailsPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);
    layout->addWidget(m_status);
    layout->addWidget(m_splitter, 1);
    setTabOrder(m_filters->lastField(), m_view);
    setTabOrder(m_view, m_details);

    connect(m_filters, &AuditFilterBar::filterChanged, m_model, &AuditModel::setFilter);
    connect(m_model, &AuditModel::failed, this, [this](const Error& error) { Q_EMIT failed(error.message()); });
    connect(m_model, &AuditModel::loadingChanged, this, &AuditPage::showStatus);
    connect(m_model, &AuditModel::modelReset, this, &AuditPage::showStatus);
    connect(m_model, &AuditModel::rowsInserted, this, &AuditPage::showStatus);
    connect(m_model, &AuditModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex&, int first, int) { rowsComing(first); });
    connect(m_model, &AuditModel::rowsInserted, this,
        [this](const QModelIndex&, int first, int last) { rowsCame(first, last); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditPage::showDetails);
    connect(m_model, &AuditModel::modelReset, this, &AuditPage::showDetails);

    refresh();
}

void AuditPage::refresh()
{
    if (auto filter = m_filters->filter()) {
        m_model->setFilter(*filter);
    } else {
        // The fields say what is wrong with them; the trail stays on the last filter applied.
        m_model->reload();
    }
}

void AuditPage::showDetails()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QJsonObject event = m_model->data(current, AuditModel::EventJsonRole).toJsonObject();
    m_details->setPlainText(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented)));
}

void AuditPage::showStatus()
{
    const int rows = m_model->rowCount();
    if (m_model->isLoading() && rows == 0) {
        m_status->setText(tr("Loading…"));
    } else if (m_model->isComplete()) {
        m_status->setText(tr("%n event(s), newest first", "", rows));
    } else {
        m_status->setText(tr("%n event(s), newest first; older ones load as you scroll down", "", rows));
    }
}

void AuditPage::rowsComing(int first)
{
    const QScrollBar* bar = m_view->verticalScrollBar();
    const int top = m_view->rowAt(0);
    // At the very top the reader follows the newest events: let them push the rest down.
    m_keptScroll = bar->value() > 0 && top >= 0 && first <= top ? std::optional<int>(bar->value()) : std::nullopt;
}

void AuditPage::rowsCame(int first, int last)
{
    if (!m_keptScroll) {
        return;
    }
    QScrollBar* bar = m_view->verticalScrollBar();
    int shift = 0;
    for (int row = first; row <= last; ++row) {
        shift += m_view->verticalHeader()->sectionSize(row);
    }
    const int value = *m_keptScroll + shift;
    m_keptScroll.reset();
    // The view lays out its new length later; the bar may go further now.
    bar->setMaximum(std::max(bar->maximum(), value));
    bar->setValue(value);
}

} // namespace kv::ui
