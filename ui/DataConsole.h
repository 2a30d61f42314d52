#pragma once
// DataConsole is the data half of the dashboard for one backend: the namespaces on the left, the
// key table of the chosen namespace with its prefix search, and the place of the value editor. It
// lives as long as its client; switching connections makes a new one.

#include "client/Client.h"
#include "ui/ConsolePage.h"

#include <QTimer>

class QLineEdit;
class QTableView;
class QTreeView;
class QSplitter;

namespace kv::ui {

class KeyTableModel;
class NamespaceModel;
class TransferDialog;
class ValueEditor;

class DataConsole final : public ConsolePage
{
    Q_OBJECT
public:
    explicit DataConsole(client::Client& client, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(DataConsole)

    [[nodiscard]] QString currentNamespace() const;
    [[nodiscard]] QStringList selectedKeys() const;

    /// Reloads the namespaces and the key table, keeping the current namespace and selection.
    void refresh() override;
    void focusSearch();
    void createNamespace();
    void deleteNamespace();
    void changePlan();
    /// Deletes the selected keys after a confirmation.
    void deleteSelectedKeys();
    /// Starts a new, unsaved key in the current namespace.
    void newKey();
    /// Lists the keys A to Z (ascending) or Z to A, as a click on the Key header does: the
    /// keyboard's way to it (Edit ▸ Keys Z to A).
    void setKeyOrder(Qt::SortOrder order);
    [[nodiscard]] Qt::SortOrder keyOrder() const;
    /// Asks for a JSON lines file and imports it into the current namespace.
    void importEntries();
    /// Asks for a file and exports the current namespace's keys (under the filter's prefix).
    void exportEntries();
    TransferDialog* importFrom(const QString& path);
    TransferDialog* exportTo(const QString& path);

    [[nodiscard]] ValueEditor* editor() const { return m_editor; }
    [[nodiscard]] QSplitter* splitter() const { return m_splitter; }

Q_SIGNALS:
    void namespaceChanged(const QString& ns);
    void keyActivated(const QString& ns, const QString& key);
    /// The key table's order changed, from its header or setKeyOrder().
    void keyOrderChanged(Qt::SortOrder order);

private:
    void selectNamespace(const QString& id);
    /// Sets the keys to select again after a reload: the selected ones and those a previous reload
    /// has not brought back yet.
    void rememberSelection();
    void restoreSelection();
    /// The key table's header asked for an order: only the key column has one (see KeyTableModel).
    void sortKeys(int column, Qt::SortOrder order);
    /// Runs `proceed` once the editor's unsaved changes are saved or given up; not at all when
    /// the operator chose to keep editing.
    void whenEditorMayChange(std::function<void()> proceed);

    client::Client& m_client;
    NamespaceModel* m_namespaces;
    KeyTableModel* m_keys;
    QTreeView* m_namespaceView;
    QLineEdit* m_search;
    QTableView* m_keyView;
    ValueEditor* m_editor;
    QSplitter* m_splitter;
    QTimer m_searchDelay;
    /// Kept across reloads: the namespace and keys the operator had chosen.
    QString m_wantedNamespace;
    QStringList m_wantedKeys;
    /// Set while restoreSelection() selects: a change of selection then is not the operator's.
    bool m_restoringSelection = false;
};

} // namespace kv::ui
