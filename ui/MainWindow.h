#pragma once
// The kvdesk main window: the shell every view lives in — menus, toolbar, the message bar and
// the status bar (which backend, its health, latency and circuit breaker). It owns the client of
// the current connection and the console built on it; switching connections replaces both. It
// shows every failure in a non-modal message bar rather than a dialog.

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;

namespace kv::client {
class Client;
}

namespace kv::ui {

class ConnectionManager;
class ConsolePage;
class DataConsole;
class MessageArea;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    /// Shows the backend of `client`, replacing the current one.
    void setClient(std::unique_ptr<client::Client> client);
    /// Connects the window to the profiles: File ▸ Connections…, and every switch the manager
    /// makes replaces the client (after the editor's unsaved changes are settled).
    void setConnectionManager(ConnectionManager* connections);
    /// Opens the connection dialog (on `profileId` when given).
    void showConnections(const QString& profileId = {});
    [[nodiscard]] client::Client* client() const { return m_client.get(); }
    [[nodiscard]] DataConsole* console() const { return m_console; }
    /// The pages of the current client, the data console first; empty without a client.
    [[nodiscard]] QTabWidget* pages() const { return m_pages; }

    /// Reloads what the window shows from the backend.
    void refresh();
    void showError(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    /// View ▸ Theme: System (the desktop's palette), Light or Dark, applied at once and remembered.
    void createThemeMenu(QMenu* menu);
    /// Adds a page of the current client; View ▸ `title` (Ctrl+number) shows it.
    void addPage(ConsolePage* page, const QString& title);
    /// Enables the data page's actions while it is the current page, disables them elsewhere.
    void enableDataPageActions();
    void focusPage(QWidget* page);
    /// Deletes the pages of the current client (they talk to it, so before it goes).
    void removePages();
    void checkHealth();
    void showBreaker();
    void showFeed();
    /// Tells that a language other than the one on screen shows from the next start.
    void showLanguageChoice(const QString& choice);

    std::unique_ptr<client::Client> m_client;
    DataConsole* m_console = nullptr;
    MessageArea* m_messages;
    QTabWidget* m_pages;
    QList<QAction*> m_pageActions;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    /// The separator after the pages' View actions.
    QAction* m_pageActionsEnd = nullptr;
    /// The note about a new language in the message bar, if it shows one.
    QString m_languageNote;
    QAction* m_quitAction = nullptr;
    /// Edit ▸ Keys Z to A: checked while the data page lists its keys in descending order.
    QAction* m_reverseKeyOrderAction = nullptr;
    /// Actions on what the data page shows: enabled only while it is the current page.
    QList<QAction*> m_dataPageActions;
    QLabel* m_backendLabel;
    QLabel* m_healthLabel;
    QLabel* m_feedLabel;
    QLabel* m_peerCountLabel;
    ConnectionManager* m_connections = nullptr;
    QTimer m_healthTimer;
    /// Drops the health answers of a replaced client.
    quint64 m_generation = 0;
};

} // namespace kv::ui
