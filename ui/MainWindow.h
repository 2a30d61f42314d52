#pragma once
// The kvdesk main window: the shell every view lives in. It knows its backend only through
// kv::client::Client, and shows every failure in a non-modal bar rather than a dialog.

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QTreeWidget;

namespace kv::client {
class Client;
}

namespace kv::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(client::Client& client, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(MainWindow)

    /// Reloads the namespace list from the backend.
    void refresh();

private:
    void createActions();
    void showError(const QString& message);

    client::Client& m_client;
    QTreeWidget* m_namespaces = nullptr;
    QLabel* m_backendLabel = nullptr;
    /// Drops the answers of superseded refreshes.
    quint64 m_generation = 0;
};

} // namespace kv::ui
