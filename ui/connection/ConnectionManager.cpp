#include "ui/connection/ConnectionManager.h"

#include "ui/Async.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kv::ui {

ConnectionManager::ConnectionManager(QObject* parent, const QString& keychainService)
    : QObject(parent)
    , m_keychain(new KeychainSecrets(keychainService, this))
{ }

ConnectionManager::~ConnectionManager() = default;

QFuture<Result<OpenedClient>> ConnectionManager::openLast()
{
    const std::optional<ConnectionProfile> last = m_profiles.profile(m_profiles.lastUsedId());
    if (!last) {
        return QtFuture::makeReadyFuture(Result<OpenedClient>(Error(ErrorCode::NotFound,
            QCoreApplication::translate("kv::ui::ConnectionManager", "No connection was used before."))));
    }
    return open(*last);
}

QFuture<Result<OpenedClient>> ConnectionManager::open(
    const ConnectionProfile& profile, const QString& apiKey, ClientFactory::StoreMode mode)
{
    if (!profile.isRemote()) {
        return ClientFactory::open(profile, {}, mode);
    }
    if (!apiKey.isEmpty()) {
        rememberForSession(profile.id, apiKey);
        return QtFuture::makeReadyFuture(Result<OpenedClient>(OpenedClient(ClientFactory::remote(profile, apiKey))));
    }
    // The continuation runs on this object's thread, so the RemoteClient is made there.
    return apiKeyFor(profile).then(this, [profile](const Result<QString>& key) -> Result<OpenedClient> {
        if (!key) {
            return key.error();
        }
        return OpenedClient(ClientFactory::remote(profile, key.value()));
    });
}

bool ConnectionManager::switchToLast()
{
    const std::optional<ConnectionProfile> last = m_profiles.profile(m_profiles.lastUsedId());
    if (!last) {
        return false;
    }
    switchTo(*last);
    return true;
}

void ConnectionManager::switchTo(const ConnectionProfile& profile, const QString& apiKey, ClientFactory::StoreMode mode)
{
    const quint64 generation = ++m_switchGeneration;
    whenDone(open(profile, apiKey, mode), this, [this, generation, profile](const Result<OpenedClient>& opened) {
        if (generation != m_switchGeneration) {
            return; // a newer switch won; this client goes with the last copy of `opened`
        }
        if (!opened) {
            Q_EMIT switchFailed(profile, opened.error(), connectionErrorText(opened.error()));
            return;
        }
        // Only the switch that wins is remembered: one superseded while its store was still
        // opening must not become the profile of the next start.
        m_current = profile;
        m_profiles.setLastUsed(profile.id);
        Q_EMIT switched(profile, opened.value());
    });
}

QFuture<Result<QString>> ConnectionManager::apiKeyFor(const ConnectionProfile& profile)
{
    if (const auto session = m_sessionKeys.constFind(profile.id); session != m_sessionKeys.cend()) {
        return QtFuture::makeReadyFuture(Result<QString>(session.value()));
    }
    return m_keychain->read(profile.id).then(this, [](const KeychainResult& stored) -> Result<QString> {
        if (stored.ok() && !stored.secret.isEmpty()) {
            return stored.secret;
        }
        const QString message = stored.ok() ? QCoreApplication::translate(
                                    "kv::ui::ConnectionManager", "No API key is stored for this connection: enter it.")
                                            : stored.message;
        return Error(ErrorCode::Unauthorized, message,
            QJsonObject {
                { QStringLiteral("needsApiKey"), true }, { QStringLiteral("keychainError"), stored.backendError } });
    });
}

QFuture<KeychainResult> ConnectionManager::storeApiKey(const QString& profileId, const QString& apiKey)
{
    // Kept for the session whatever the keychain says: a key that was just typed must work for
    // reconnects even when it could not be stored.
    rememberForSession(profileId, apiKey);
    return m_keychain->write(profileId, apiKey);
}

QFuture<KeychainResult> ConnectionManager::removeProfile(const QString& profileId)
{
    m_profiles.remove(profileId);
    m_sessionKeys.remove(profileId);
    if (m_current && m_current->id == profileId) {
        m_current.reset();
    }
    return m_keychain->remove(profileId);
}

void ConnectionManager::rememberForSession(const QString& profileId, const QString& apiKey)
{
    if (!apiKey.isEmpty()) {
        m_sessionKeys.insert(profileId, apiKey);
    }
}

} // namespace kv::ui
