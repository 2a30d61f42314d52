#include "ui/apikeys/ApiKeysPage.h"

#include "ui/Async.h"
#include "ui/apikeys/ApiKeyFilterModel.h"
#include "ui/apikeys/ApiKeyModel.h"
#include "ui/apikeys/NewApiKeyDialog.h"
#include "ui/apikeys/SecretDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace kv::ui {

namespace {

/// Feed events this close together cause one reload.
constexpr int kEventReloadDelayMs = 100;

QString describe(const model::ApiKey& key)
{
    return ApiKeysPage::tr("\u201c%1\u201d (%2)").arg(key.name, key.prefix);
}

} // namespace

ApiKeysPage::ApiKeysPage(client::Client& client, QWidget* parent, const model::Clock& clock)
    : ConsolePage(parent)
    , m_client(client)
    , m_clock(clock)
    , m_model(new ApiKeyModel(client, this, clock))
    , m_proxy(new ApiKeyFilterModel(this))
    , m_toolBar(new QToolBar(this))
    , m_filter(new QLineEdit(this))
    , m_showInactive(new QCheckBox(tr("Show &inactive keys"), this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("apiKeys"));
    m_proxy->setSourceModel(m_model);

    m_toolBar->setObjectName(QStringLiteral("apiKeysToolBar"));
    m_toolBar->setAccessibleName(tr("API key actions"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createActions();

    auto* filterLabel = new QLabel(tr("Fi&lter:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("apiKeyFilter"));
    m_filter->setAccessibleName(tr("API key filter"));
    m_filter->setAccessibleDescription(tr("Shows only the keys whose name or prefix contains this text"));
    m_filter->setPlaceholderText(tr("Name or prefix"));
    m_filter->setClearButtonEnabled(true);
    m_showInactive->setObjectName(QStringLiteral("showInactiveKeys"));
    m_showInactive->setAccessibleDescription(tr("Also lists the keys that were revoked, rotated or have expired"));
    m_showInactive->setChecked(m_proxy->showsInactive());

    m_view->setObjectName(QStringLiteral("apiKeyTable"));
    // Keys are not edited in their cells: Tab moves on instead of along the row.
    m_view->setTabKeyNavigation(false);
    m_view->setAccessibleName(tr("API keys"));
    m_view->setAccessibleDescription(
        tr("Every API key with its scopes, namespaces, expiry, last use and status. Insert creates a key, Delete "
           "revokes the selected one."));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // A handful of keys, never millions: every column may fit its contents (a prefix cut short
    // would not tell keys apart); the name takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ApiKeyModel::NameColumn, QHeaderView::Stretch);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ApiKeyModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({ m_createAction, m_rotateAction, m_revokeAction });
    m_view->installEventFilter(this);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_showInactive);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    setTabOrder(m_toolBar->widgetForAction(m_createAction), m_toolBar->widgetForAction(m_rotateAction));
    setTabOrder(m_toolBar->widgetForAction(m_rotateAction), m_toolBar->widgetForAction(m_revokeAction));
    setTabOrder(m_toolBar->widgetForAction(m_revokeAction), m_filter);
    setTabOrder(m_filter, m_showInactive);
    setTabOrder(m_showInactive, m_view);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ApiKeyFilterModel::setText);
    connect(m_showInactive, &QCheckBox::toggled, m_proxy, &ApiKeyFilterModel::setShowInactive);
    connect(m_model, &ApiKeyModel::failed, this, [this](const Error& error) { Q_EMIT failed(error.message()); });
    connect(m_model, &ApiKeyModel::loaded, this, [this] {
        restoreSelection();
        updateActions();
    });
    // A key that expires while shown, or that a reload changed, may no longer be rotated.
    connect(m_model, &ApiKeyModel::dataChanged, this, &ApiKeysPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApiKeysPage::updateActions);
    // A row the operator picks wins over a key still waited for. (Selection signals cannot tell:
    // the proxy re-sorting after a reload emits them too.)
    connect(m_view, &QAbstractItemView::pressed, this, [this] { m_wantedId.clear(); });
    m_eventReload.setSingleShot(true);
    m_eventReload.setInterval(kEventReloadDelayMs);
    connect(&m_eventReload, &QTimer::timeout, this, &ApiKeysPage::refresh);
    connect(&m_client, &client::Client::eventReceived, this, &ApiKeysPage::onEvent);

    updateActions();
    m_model->reload();
}

void ApiKeysPage::createActions()
{
    m_createAction = new QAction(tr("&New API Key\u2026"), this);
    m_createAction->setObjectName(QStringLiteral("newApiKeyAction"));
    m_createAction->setToolTip(tr("Create an API key (Ctrl+Shift+K or Insert)"));
    // Window shortcuts of a page's actions work while the page is the one shown.
    m_createAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), QKeySequence(Qt::Key_Insert) });
    connect(m_createAction, &QAction::triggered, this, &ApiKeysPage::createKey);

    m_rotateAction = new QAction(tr("&Rotate\u2026"), this);
    m_rotateAction->setObjectName(QStringLiteral("rotateApiKeyAction"));
    m_rotateAction->setToolTip(tr("Replace the selected key's secret with a new one"));
    connect(m_rotateAction, &QAction::triggered, this, &ApiKeysPage::rotateSelected);

    // Del reaches revoke through the table's event filter rather than a shortcut: the main
    // window's Delete Keys already holds Del as a window shortcut, and two would cancel out.
    m_revokeAction = new QAction(tr("Re&voke\u2026"), this);
    m_revokeAction->setObjectName(QStringLiteral("revokeApiKeyAction"));
    m_revokeAction->setToolTip(tr("Revoke the selected key (Del in the table)"));
    connect(m_revokeAction, &QAction::triggered, this, &ApiKeysPage::revokeSelected);

    addAction(m_createAction);
    const std::pair<QAction*, QString> buttons[] = {
        { m_createAction, QStringLiteral("newApiKeyButton") },
        { m_rotateAction, QStringLiteral("rotateApiKeyButton") },
        { m_revokeAction, QStringLiteral("revokeApiKeyButton") },
    };
    for (const auto& [action, name] : buttons) {
        m_toolBar->addAction(action);
        QWidget* button = m_toolBar->widgetForAction(action);
        button->setObjectName(name);
        button->setAccessibleDescription(action->toolTip());
        // Reachable with Tab, not only with the mouse.
        button->setFocusPolicy(Qt::TabFocus);
    }
}

bool ApiKeysPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            // Claiming the override keeps the window's Del shortcut from firing here.
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                revokeSelected();
            }
            return true;
        }
    }
    return ConsolePage::eventFilter(watched, event);
}

void ApiKeysPage::refresh()
{
    // The selection needs no help across a reload: the model merges the new list into its rows
    // by key id, so the selected key keeps its (persistent) row.
    m_model->reload();
}

void ApiKeysPage::onEvent(const model::ServiceEvent& event)
{
    if (event.type == model::ServiceEvent::Type::Audit
        && event.data.value(QStringLiteral("action")).toString().startsWith(QLatin1StringView("apikey."))) {
        m_eventReload.start();
    }
}

QString ApiKeysPage::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ApiKeyModel::IdRole).toString();
}

void ApiKeysPage::selectKey(const QString& id)
{
    m_wantedId = id;
    restoreSelection();
}

void ApiKeysPage::restoreSelection()
{
    if (m_wantedId.isEmpty()) {
        return;
    }
    const int row = m_model->rowOf(m_wantedId);
    const QModelIndex at = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!at.isValid()) {
        // Not listed yet, or hidden by the filter.
        return;
    }
    m_wantedId.clear();
    m_view->setCurrentIndex(at);
    m_view->scrollTo(at);
}

void ApiKeysPage::updateActions()
{
    const int row = m_model->rowOf(selectedId());
    const model::ApiKey* key = m_model->keyAt(row);
    const auto status = key ? m_model->statusOf(*key) : ApiKeyModel::Status::Revoked;
    m_rotateAction->setEnabled(key && status == ApiKeyModel::Status::Active);
    m_revokeAction->setEnabled(
        key && (status == ApiKeyModel::Status::Active || status == ApiKeyModel::Status::Expired));
}

void ApiKeysPage::createKey()
{
    auto* dialog = new NewApiKeyDialog(this, m_clock);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog opens at once; the backend's namespaces join it when they are listed.
    whenDone(m_client.listNamespaces(), dialog, [this, dialog](const Result<QList<model::Namespace>>& listed) {
        if (!listed) {
            Q_EMIT failed(listed.error().message());
            return;
        }
        QStringList ids;
        for (const model::Namespace& ns : *listed) {
            ids.append(ns.id);
        }
        dialog->setKnownNamespaces(ids);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        whenDone(m_client.createApiKey(dialog->request()), this, [this](const Result<client::IssuedApiKey>& issued) {
            if (!issued) {
                Q_EMIT failed(issued.error().message());
                return;
            }
            showSecret(tr("API key created"), *issued);
            selectKey(issued->key.id);
            m_model->reload();
        });
    });
    dialog->open();
}

void ApiKeysPage::rotateSelected()
{
    const model::ApiKey* key = m_model->keyAt(m_model->rowOf(selectedId()));
    if (!key || m_model->statusOf(*key) != ApiKeyModel::Status::Active) {
        return;
    }
    const QString id = key->id;
    auto* confirm = new QMessageBox(QMessageBox::Question, tr("Rotate API key"),
        tr("Rotate the API key %1?").arg(describe(*key)), QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("rotateApiKeyDialog"));
    confirm->setTextFormat(Qt::PlainText);
    confirm->setInformativeText(
        tr("A new secret is issued under a new prefix, with the same name, scopes, namespaces and expiry. The current "
           "secret stops working at once: clients still using it get 401 Unauthorized until they use the new one."));
    QPushButton* rotate = confirm->addButton(tr("&Rotate"), QMessageBox::AcceptRole);
    rotate->setObjectName(QStringLiteral("confirmRotateButton"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, rotate, id](QAbstractButton* button) {
        if (button != rotate) {
            return;
        }
        whenDone(m_client.rotateApiKey(id), this, [this](const Result<client::IssuedApiKey>& issued) {
            if (!issued) {
                Q_EMIT failed(issued.error().message());
                return;
            }
            showSecret(tr("API key rotated"), *issued);
            selectKey(issued->key.id);
            m_model->reload();
        });
    });
    confirm->open();
}

void ApiKeysPage::revokeSelected()
{
    const model::ApiKey* key = m_model->keyAt(m_model->rowOf(selectedId()));
    if (!key || !m_revokeAction->isEnabled()) {
        return;
    }
    const QString id = key->id;
    auto* confirm = new QMessageBox(QMessageBox::Warning, tr("Revoke API key"),
        tr("Revoke the API key %1?").arg(describe(*key)), QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("revokeApiKeyDialog"));
    confirm->setTextFormat(Qt::PlainText);
    confirm->setInformativeText(
        tr("Every client using this key is refused with 401 Unauthorized from now on. A revoked "
           "key cannot be brought back; create a new one if it is needed again."));
    QPushButton* revoke = confirm->addButton(tr("Re&voke"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, revoke, id](QAbstractButton* button) {
        if (button != revoke) {
            return;
        }
        whenDone(m_client.revokeApiKey(id), this, [this, id](const Result<void>& revoked) {
            if (!revoked) {
                Q_EMIT failed(revoked.error().message());
                return;
            }
            selectKey(id);
            m_model->reload();
        });
    });
    confirm->open();
}

void ApiKeysPage::showSecret(const QString& title, const client::IssuedApiKey& issued)
{
    auto* dialog
        = new SecretDialog(title, tr("The secret of the API key %1:").arg(describe(issued.key)), issued.secret, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace kv::ui
