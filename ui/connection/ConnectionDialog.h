#pragma once
// ConnectionDialog lists the connection profiles and edits them: add, edit, remove; a local
// store file (create a new one or open one) or a kvd URL checked as it is typed, its API key
// (saved to the keychain, never to the settings), "Test connection", and trusting a server's
// certificate after seeing its fingerprint. "Connect" switches through the ConnectionManager and
// closes the dialog once the new client was handed out (ConnectionManager::switched).

#include "model/Error.h"
#include "ui/connection/ConnectionProfile.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace kv::client {
class Client;
}

namespace kv::ui {

class ConnectionManager;

class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(ConnectionManager& manager, QWidget* parent = nullptr);
    ~ConnectionDialog() override;
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

    /// Native file dialogs by default; tests turn them off to drive Qt's own.
    void setNativeFileDialogs(bool native) { m_nativeFileDialogs = native; }
    /// Selects the profile with this id (e.g. the current connection's) when listed.
    void selectProfile(const QString& id);
    /// The profile as the form shows it now (not necessarily saved).
    [[nodiscard]] ConnectionProfile editedProfile() const;

Q_SIGNALS:
    /// "Test connection" finished; `ok` with the server's version, else the error shown.
    void testFinished(bool ok);
    /// A save finished (the settings are written at once, the keychain answers later).
    void saved(const kv::ui::ConnectionProfile& profile);
    /// A new store file was created (or an existing one chosen with "New" turned out usable).
    void storeCreated(const QString& path);

private:
    void buildUi();
    void reloadList(const QString& selectId);
    void showProfile(int row);
    void addProfile();
    void removeProfile();
    void kindChanged();
    void validate();
    void chooseNewStore();
    void chooseExistingStore();
    void createStore(const QString& path);
    void testConnection();
    void runTest(const ConnectionProfile& profile, const QString& apiKey, quint64 generation);
    void showTestError(const Error& error);
    void trustCertificate();
    void forgetCertificates();
    /// Writes the profile (and the typed key to the keychain); then calls `next` if it was valid.
    bool save();
    void connectToProfile();
    void setStatus(const QString& text);

    ConnectionManager& m_manager;
    bool m_nativeFileDialogs = true;
    /// The profiles in the list, in its order; an added one is here before it is saved.
    QList<ConnectionProfile> m_profiles;
    /// The profile the form edits (its id and trusted certificates; the rest is in the widgets).
    ConnectionProfile m_editing;
    bool m_loading = false;
    /// The PEM of the certificate the last test refused, offered for trust.
    QString m_offeredPem;
    /// The temporary client of "Test connection", and a counter that drops stale answers.
    std::unique_ptr<client::Client> m_probe;
    quint64 m_testGeneration = 0;
    /// The profile id "Connect" waits for; empty when not connecting.
    QString m_connecting;

    QListWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_remove;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QStackedWidget* m_pages;
    QLineEdit* m_storePath;
    QPushButton* m_newStore;
    QPushButton* m_openStore;
    QLineEdit* m_url;
    QLabel* m_urlProblem;
    QLineEdit* m_apiKey;
    QPushButton* m_test;
    QLabel* m_testResult;
    QGroupBox* m_certificateBox;
    QLabel* m_certificate;
    QPushButton* m_trust;
    QLabel* m_trusted;
    QPushButton* m_forget;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    QPushButton* m_save;
    QPushButton* m_connect;
};

} // namespace kv::ui
