#pragma once
// ApiKeysPage is the API keys view of the main window: every key of the backend with its status,
// a filter by name or prefix, and the three things an operator does to keys — create (New API
// Key…, Ctrl+Shift+K or Insert), rotate and revoke (Del in the table), the last two after a
// confirmation. A new secret is shown once, in a SecretDialog, and kept nowhere by the page. The
// list follows the backend: F5, and every audit event about API keys on the live feed, reload it,
// keeping the key the operator had selected.

#include "client/Client.h"
#include "model/Clock.h"
#include "ui/ConsolePage.h"

#include <QTimer>

class QAction;
class QCheckBox;
class QLineEdit;
class QTableView;
class QToolBar;

namespace kv::ui {

class ApiKeyFilterModel;
class ApiKeyModel;

class ApiKeysPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit ApiKeysPage(
        client::Client& client, QWidget* parent = nullptr, const model::Clock& clock = model::SystemClock::instance());
    Q_DISABLE_COPY_MOVE(ApiKeysPage)

    void refresh() override;

    /// Opens the dialog for a new key; the secret dialog follows once it is made.
    void createKey();
    /// Asks, then rotates the selected key and shows the new secret.
    void rotateSelected();
    /// Asks, then revokes the selected key.
    void revokeSelected();

    /// The id of the selected key; empty when none is.
    [[nodiscard]] QString selectedId() const;
    /// Selects the key with `id` (now, or once a reload brings it).
    void selectKey(const QString& id);

    [[nodiscard]] ApiKeyModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void updateActions();
    /// Selects m_wantedId when its row is there.
    void restoreSelection();
    void showSecret(const QString& title, const client::IssuedApiKey& issued);
    void onEvent(const model::ServiceEvent& event);

    client::Client& m_client;
    const model::Clock& m_clock;
    ApiKeyModel* m_model;
    ApiKeyFilterModel* m_proxy;
    QToolBar* m_toolBar;
    QLineEdit* m_filter;
    QCheckBox* m_showInactive;
    QTableView* m_view;
    QAction* m_createAction = nullptr;
    QAction* m_rotateAction = nullptr;
    QAction* m_revokeAction = nullptr;
    /// The key to select once the list has it: the one just created, rotated in or revoked.
    QString m_wantedId;
    /// Gathers a burst of feed events into one reload.
    QTimer m_eventReload;
};

} // namespace kv::ui
