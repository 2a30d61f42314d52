#include "ui/DataConsole.h"

#include "ui/Async.h"
#include "ui/dialogs/NamespaceDialogs.h"
#include "ui/dialogs/PlanChange.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/editor/ValueEditor.h"
#include "ui/models/KeyTableModel.h"
#include "ui/models/NamespaceModel.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace kv::ui {

namespace {
/// Typing pauses this long before the key table follows the search field.
constexpr int kSearchDelayMs = 250;
} // namespace

DataConsole::DataConsole(client::Client& client, QWidget* parent)
    : ConsolePage(parent)
    , m_client(client)
    , m_namespaces(new NamespaceModel(client, this))
    , m_keys(new KeyTableModel(client, this))
    , m_namespaceView(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_keyView(new QTableView(this))
    , m_editor(new ValueEditor(client, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("dataConsole"));

    m_namespaceView->setObjectName(QStringLiteral("namespaces"));
    m_namespaceView->setAccessibleName(tr("Namespaces"));
    m_namespaceView->setAccessibleDescription(tr("The namespaces of the backend with their plan, key count and size"));
    m_namespaceView->setModel(m_namespaces);
    m_namespaceView->setRootIsDecorated(false);
    m_namespaceView->setUniformRowHeights(true);
    m_namespaceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_namespaceView->header()->setSectionResizeMode(NamespaceModel::IdColumn, QHeaderView::Stretch);

    auto* searchLabel = new QLabel(tr("&Filter keys:"), this);
    searchLabel->setBuddy(m_search);
    m_search->setObjectName(QStringLiteral("keySearch"));
    m_search->setAccessibleName(tr("Key prefix filter"));
    m_search->setAccessibleDescription(tr("Shows only the keys that start with this text"));
    m_search->setPlaceholderText(tr("Key prefix"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);

    m_keyView->setObjectName(QStringLiteral("keys"));
    // Keys are not edited in their cells: Tab moves on to the editor instead of along the row.
    m_keyView->setTabKeyNavigation(false);
    m_keyView->setAccessibleName(tr("Keys"));
    m_keyView->setAccessibleDescription(tr("The keys of the namespace with size, expiration, version and metadata"));
    m_keyView->setModel(m_keys);
    m_keyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keyView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_keyView->setWordWrap(false);
    m_keyView->verticalHeader()->hide();
    // Fixed row heights: a table of a million rows never measures them.
    m_keyView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_keyView->horizontalHeader()->setSectionResizeMode(KeyTableModel::KeyColumn, QHeaderView::Stretch);
    // A click on the Key header flips the listing A to Z / Z to A (the model reloads it from the
    // first page, server-side). This is QTableView::setSortingEnabled done by hand so that the
    // selection is taken before the model reloads, and so that a click on another column, which
    // cannot be sorted, leaves the indicator where the order really is. The indicator is set
    // first: Qt's default is descending.
    QHeaderView* keyHeader = m_keyView->horizontalHeader();
    keyHeader->setSortIndicator(KeyTableModel::KeyColumn, m_keys->sortOrder());
    keyHeader->setSortIndicatorShown(true);
    keyHeader->setSectionsClickable(true);
    connect(keyHeader, &QHeaderView::sortIndicatorChanged, this, &DataConsole::sortKeys);

    auto* keyPane = new QWidget(this);
    auto* keyLayout = new QVBoxLayout(keyPane);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search);
    keyLayout->addLayout(searchRow);
    keyLayout->addWidget(m_keyView);

    m_splitter->setObjectName(QStringLiteral("consoleSplitter"));
    m_splitter->addWidget(m_namespaceView);
    m_splitter->addWidget(keyPane);
    m_splitter->addWidget(m_editor);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    setTabOrder(m_namespaceView, m_search);
    setTabOrder(m_search, m_keyView);
    setTabOrder(m_keyView, m_editor);

    connect(
        m_namespaces, &NamespaceModel::failed, this, [this](const Error& error) { Q_EMIT failed(error.message()); });
    connect(m_keys, &KeyTableModel::failed, this, [this](const Error& error) { Q_EMIT failed(error.message()); });
    connect(m_namespaces, &NamespaceModel::loaded, this, [this] {
        const int row = m_namespaces->rowOf(m_wantedNamespace);
        if (row >= 0) {
            m_namespaceView->setCurrentIndex(m_namespaces->index(row, 0));
        } else if (m_namespaces->rowCount() > 0 && m_wantedNamespace.isEmpty()) {
            m_namespaceView->setCurrentIndex(m_namespaces->index(0, 0));
        }
    });
    connect(m_namespaceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            // A reload resets the view's current row; the wanted namespace is chosen again once
            // the list is back.
            if (current.isValid()) {
                selectNamespace(m_namespaces->idAt(current.row()));
            }
        });
    connect(m_search, &QLineEdit::textEdited, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        m_keys->show(m_keys->namespaceId(), m_search->text());
    });
    connect(&m_searchDelay, &QTimer::timeout, this, [this] { m_keys->show(m_keys->namespaceId(), m_search->text()); });
    connect(m_keys, &KeyTableModel::pageLoaded, this, &DataConsole::restoreSelection);
    connect(m_keyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        // A selection the operator makes replaces the one a reload is still bringing back. (A
        // reload itself clears the selection without this signal.)
        if (!m_restoringSelection) {
            m_wantedKeys.clear();
        }
    });
    connect(
        m_keyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            if (!current.isValid()) {
                return;
            }
            const QString ns = m_keys->namespaceId();
            const QString key = m_keys->keyAt(current.row());
            if (ns == m_editor->namespaceId() && key == m_editor->key()) {
                return;
            }
            whenEditorMayChange([this, ns, key] {
                m_editor->open(ns, key);
                Q_EMIT keyActivated(ns, key);
            });
        });
    connect(m_editor, &ValueEditor::saved, this, [this](const QString& ns, const QString& key) {
        if (ns == m_keys->namespaceId()) {
            m_wantedKeys = { key };
            m_keys->reload();
        }
        m_namespaces->reload();
    });

    m_namespaces->reload();
}

QString DataConsole::currentNamespace() const
{
    return m_keys->namespaceId();
}

QStringList DataConsole::selectedKeys() const
{
    QStringList keys;
    for (const QModelIndex& row : m_keyView->selectionModel()->selectedRows()) {
        keys.append(m_keys->keyAt(row.row()));
    }
    return keys;
}

void DataConsole::selectNamespace(const QString& id)
{
    if (id == m_keys->namespaceId()) {
        return;
    }
    whenEditorMayChange([this, id] {
        m_wantedNamespace = id;
        m_wantedKeys.clear();
        m_editor->clear();
        m_keys->show(id, m_search->text());
        Q_EMIT namespaceChanged(id);
    });
}

void DataConsole::whenEditorMayChange(std::function<void()> proceed)
{
    if (m_editor->maybeDiscard()) {
        proceed();
        return;
    }
    // The editor asks Save / Discard / Cancel without a nested event loop, and answers once.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection
        = connect(m_editor, &ValueEditor::discardDecided, this, [connection, proceed = std::move(proceed)](bool go) {
              QObject::disconnect(*connection);
              if (go) {
                  proceed();
              }
          });
}

void DataConsole::importEntries()
{
    if (currentNamespace().isEmpty()) {
        return;
    }
    auto* chooser = new QFileDialog(this, tr("Import JSON lines into %1").arg(currentNamespace()), {},
        tr("JSON lines (*.jsonl *.ndjson);;All files (*)"));
    chooser->setObjectName(QStringLiteral("importFileDialog"));
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { importFrom(path); });
    chooser->open();
}

void DataConsole::exportEntries()
{
    if (currentNamespace().isEmpty()) {
        return;
    }
    auto* chooser = new QFileDialog(this, tr("Export %1 as JSON lines").arg(currentNamespace()), {},
        tr("JSON lines (*.jsonl *.ndjson);;All files (*)"));
    chooser->setObjectName(QStringLiteral("exportFileDialog"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("jsonl"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { exportTo(path); });
    chooser->open();
}

TransferDialog* DataConsole::importFrom(const QString& path)
{
    auto* dialog = TransferDialog::importFile(m_client, currentNamespace(), path, this);
    connect(dialog, &TransferDialog::transferFinished, this, [this] {
        m_keys->reload();
        m_namespaces->reload();
    });
    return dialog;
}

TransferDialog* DataConsole::exportTo(const QString& path)
{
    return TransferDialog::exportFile(m_client, currentNamespace(), m_keys->prefix(), path, this);
}

void DataConsole::newKey()
{
    const QString ns = currentNamespace();
    if (ns.isEmpty()) {
        return;
    }
    whenEditorMayChange([this, ns] { m_editor->newEntry(ns); });
}

void DataConsole::refresh()
{
    m_wantedNamespace = m_keys->namespaceId();
    rememberSelection();
    m_namespaces->reload();
    m_keys->reload();
}

void DataConsole::sortKeys(int column, Qt::SortOrder order)
{
    if (column != KeyTableModel::KeyColumn) {
        const QSignalBlocker quiet(m_keyView->horizontalHeader());
        m_keyView->horizontalHeader()->setSortIndicator(KeyTableModel::KeyColumn, m_keys->sortOrder());
        return;
    }
    if (order == m_keys->sortOrder()) {
        return;
    }
    // As refresh() does: the selected keys are selected again as their pages come back.
    rememberSelection();
    m_keys->sort(column, order);
    Q_EMIT keyOrderChanged(order);
}

void DataConsole::setKeyOrder(Qt::SortOrder order)
{
    // The header's indicator is the one state: setting it sorts through sortKeys().
    m_keyView->horizontalHeader()->setSortIndicator(KeyTableModel::KeyColumn, order);
}

Qt::SortOrder DataConsole::keyOrder() const
{
    return m_keys->sortOrder();
}

void DataConsole::rememberSelection()
{
    // Keys still waiting for their page stay wanted: a key on a page the new order has not loaded
    // yet must survive a second sort or refresh before that page comes.
    QStringList wanted = selectedKeys();
    QSet<QString> known(wanted.cbegin(), wanted.cend());
    for (const QString& key : std::as_const(m_wantedKeys)) {
        if (!known.contains(key)) {
            known.insert(key);
            wanted.append(key);
        }
    }
    m_wantedKeys = std::move(wanted);
}

void DataConsole::restoreSelection()
{
    // Keys come back page by page: select each wanted key as its page arrives.
    const QScopedValueRollback restoring(m_restoringSelection, true);
    for (auto it = m_wantedKeys.begin(); it != m_wantedKeys.end();) {
        const int row = m_keys->rowOf(*it);
        if (row < 0) {
            ++it;
            continue;
        }
        m_keyView->selectionModel()->select(
            m_keys->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        it = m_wantedKeys.erase(it);
    }
}

void DataConsole::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void DataConsole::createNamespace()
{
    whenDone(m_client.listPlans(), this, [this](const Result<QList<model::Plan>>& plans) {
        if (!plans) {
            Q_EMIT failed(plans.error().message());
            return;
        }
        auto* dialog = new NewNamespaceDialog(*plans, model::Plan::defaultPlanId(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            const QString id = dialog->namespaceId();
            whenDone(
                m_client.createNamespace(id, dialog->plan()), this, [this, id](const Result<model::Namespace>& made) {
                    if (!made) {
                        Q_EMIT failed(made.error().message());
                        return;
                    }
                    m_wantedNamespace = id;
                    m_namespaces->reload();
                });
        });
        dialog->open();
    });
}

void DataConsole::deleteNamespace()
{
    const QString id = currentNamespace();
    const int row = m_namespaces->rowOf(id);
    if (row < 0) {
        return;
    }
    const qint64 keys = m_namespaces->data(m_namespaces->index(row, 0), NamespaceModel::KeyCountRole).toLongLong();
    auto* dialog = new DeleteNamespaceDialog(id, keys, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, id] {
        whenDone(m_client.deleteNamespace(id), this, [this](const Result<void>& deleted) {
            if (!deleted) {
                Q_EMIT failed(deleted.error().message());
                return;
            }
            m_wantedNamespace.clear();
            m_keys->show({});
            m_namespaces->reload();
        });
    });
    dialog->open();
}

void DataConsole::changePlan()
{
    const QString id = currentNamespace();
    const int row = m_namespaces->rowOf(id);
    if (row < 0) {
        return;
    }
    const QString current = m_namespaces->data(m_namespaces->index(row, 0), NamespaceModel::PlanRole).toString();
    changeNamespacePlan(m_client, id, current, this, [this](const Result<model::Namespace>& moved) {
        if (!moved) {
            Q_EMIT failed(moved.error().message());
            return;
        }
        m_namespaces->reload();
    });
}

void DataConsole::deleteSelectedKeys()
{
    const QStringList keys = selectedKeys();
    const QString ns = currentNamespace();
    if (keys.isEmpty()) {
        return;
    }
    auto* confirm = new QMessageBox(QMessageBox::Warning, tr("Delete keys"),
        keys.size() == 1 ? tr("Delete the key %1?").arg(keys.first())
                         : tr("Delete %n key(s)?", "", static_cast<int>(keys.size())),
        QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("deleteKeysDialog"));
    confirm->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, confirm, keys, ns](QAbstractButton* button) {
        if (confirm->buttonRole(button) != QMessageBox::DestructiveRole) {
            return;
        }
        QList<client::DeleteRequest> requests;
        for (const QString& key : keys) {
            requests.append({ key, {} });
        }
        whenDone(m_client.deleteMany(ns, requests), this, [this, keys](const Result<client::BatchResult>& deleted) {
            if (!deleted || !deleted->committed) {
                Q_EMIT failed(deleted ? tr("No key was deleted.") : deleted.error().message());
                return;
            }
            m_keys->forget(keys);
            m_namespaces->reload();
        });
    });
    confirm->open();
}

} // namespace kv::ui
