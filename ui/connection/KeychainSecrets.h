#pragma once
// KeychainSecrets keeps API keys in the OS keychain (QtKeychain: Secret Service, KWallet,
// macOS Keychain, Windows Credential Store), one entry per profile id. Every call returns at
// once with a QFuture; a failure carries a message that says what to do. It never falls back to
// a file: when no keychain is there, the key is not stored at all (the caller may keep it in
// memory for the session).

#include <QFuture>
#include <QObject>
#include <QString>

namespace kv::ui {

struct KeychainResult
{
    enum class Status {
        Ok,
        /// Read or delete of a key that is not stored.
        NotFound,
        /// No keychain to talk to: no D-Bus session, no Secret Service, or a locked keyring.
        Unavailable,
        /// The keychain is there but refused (the user said no) or failed otherwise.
        Failed,
    };
    Status status = Status::Ok;
    /// What read() found.
    QString secret;
    /// For a person: what went wrong and what to do; empty when Ok.
    QString message;
    /// QtKeychain's own words, for a tooltip or a log.
    QString backendError;

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

class KeychainSecrets final : public QObject
{
    Q_OBJECT
public:
    /// `service` names the keychain entries' owner ("kvdesk"; tests use their own).
    explicit KeychainSecrets(QString service = QStringLiteral("kvdesk"), QObject* parent = nullptr);
    ~KeychainSecrets() override;
    Q_DISABLE_COPY_MOVE(KeychainSecrets)

    [[nodiscard]] const QString& service() const { return m_service; }

    QFuture<KeychainResult> read(const QString& key);
    QFuture<KeychainResult> write(const QString& key, const QString& secret);
    /// Deleting a key that is not stored is Ok: the outcome wanted is there.
    QFuture<KeychainResult> remove(const QString& key);

    enum class Operation { Read, Write, Remove };
    /// The result for QtKeychain's error code and text (QKeychain::Error as an int, so that this
    /// header does not pull in QtKeychain).
    static KeychainResult describe(Operation operation, int keychainError, const QString& errorString);

private:
    QString m_service;
};

} // namespace kv::ui
