#pragma once
// ConnectionManager is what the main window calls to connect: it opens the last used profile at
// start, switches to another profile without a restart, finds a remote profile's API key
// (typed this session, else the keychain) and saves keys to the keychain — keeping a key in
// memory for the session only when the keychain cannot take it.

#include "model/Error.h"
#include "model/Result.h"
#include "ui/connection/ClientFactory.h"
#include "ui/connection/ConnectionProfile.h"
#include "ui/connection/KeychainSecrets.h"
#include "ui/connection/ProfileStore.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <optional>

namespace kv::ui {

class ConnectionManager final : public QObject
{
    Q_OBJECT
public:
    /// `keychainService` names the keychain entries (tests use their own).
    explicit ConnectionManager(QObject* parent = nullptr, const QString& keychainService = QStringLiteral("kvdesk"));
    ~ConnectionManager() override;
    Q_DISABLE_COPY_MOVE(ConnectionManager)

    [[nodiscard]] ProfileStore& profiles() { return m_profiles; }
    [[nodiscard]] KeychainSecrets& keychain() { return *m_keychain; }
    /// The profile of the client handed out last through switched(); nullopt before.
    [[nodiscard]] const std::optional<ConnectionProfile>& current() const { return m_current; }

    /// Opens the last used profile. Fails with NotFound when there is none (first start, or it
    /// was removed): the caller then offers the connection dialog or a default local store.
    QFuture<Result<OpenedClient>> openLast();
    /// Opens `profile` (without remembering it: switchTo() does). A remote profile uses
    /// `apiKey` when given (and keeps it for the session), else the session's key, else the
    /// keychain's; none of them gives Unauthorized with details {"needsApiKey": true}.
    /// `mode` is for an embedded profile: CreateIfMissing for a default local store at first start.
    QFuture<Result<OpenedClient>> open(const ConnectionProfile& profile, const QString& apiKey = {},
        ClientFactory::StoreMode mode = ClientFactory::StoreMode::MustExist);

    /// switchTo() the last used profile; false (and no signal) when there is none.
    bool switchToLast();
    /// open() for the main window: emits switched() or switchFailed() on this object's thread,
    /// and on success remembers the profile as the last used. A newer switchTo() supersedes an
    /// older one still opening (its client is dropped).
    void switchTo(const ConnectionProfile& profile, const QString& apiKey = {},
        ClientFactory::StoreMode mode = ClientFactory::StoreMode::MustExist);

    /// The key typed this session, else the keychain's (Unauthorized when neither has one,
    /// with the keychain's message when it could not be asked).
    QFuture<Result<QString>> apiKeyFor(const ConnectionProfile& profile);
    /// Saves the key in the keychain. When the keychain is unavailable the key is kept in
    /// memory for this session only, and the result says so.
    QFuture<KeychainResult> storeApiKey(const QString& profileId, const QString& apiKey);
    /// Removes the profile from the settings and its key from the keychain and the session.
    QFuture<KeychainResult> removeProfile(const QString& profileId);
    /// Keeps `apiKey` for this session (memory only) so that reconnecting does not ask again.
    void rememberForSession(const QString& profileId, const QString& apiKey);

Q_SIGNALS:
    /// The client of `profile`, living on this thread: take() it and hand it to the window.
    void switched(const kv::ui::ConnectionProfile& profile, const kv::ui::OpenedClient& client);
    /// `message` is for a person (connectionErrorText).
    void switchFailed(const kv::ui::ConnectionProfile& profile, const kv::Error& error, const QString& message);

private:
    ProfileStore m_profiles;
    KeychainSecrets* m_keychain;
    /// Keys typed this session; never written anywhere.
    QHash<QString, QString> m_sessionKeys;
    std::optional<ConnectionProfile> m_current;
    /// Drops the result of a switch that a newer one replaced.
    quint64 m_switchGeneration = 0;
};

} // namespace kv::ui
