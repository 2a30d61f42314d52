#pragma once
// ProfileStore keeps the connection profiles and the last one used in the application's
// QSettings (group "connections"). It writes names, paths, URLs and trusted certificates only:
// API keys go to the keychain, and ConnectionProfile has no field that could carry one here.

#include "ui/connection/ConnectionProfile.h"

#include <QList>
#include <QString>

#include <optional>

namespace kv::ui {

class ProfileStore final
{
public:
    ProfileStore() = default;

    /// Every profile, sorted by name (case-insensitively).
    [[nodiscard]] QList<ConnectionProfile> profiles() const;
    [[nodiscard]] std::optional<ConnectionProfile> profile(const QString& id) const;
    /// Adds the profile, or replaces the one with its id.
    void save(const ConnectionProfile& profile);
    /// Forgets the profile (and that it was the last used). Its keychain entry is the caller's
    /// to delete (KeychainSecrets::remove), since that is asynchronous.
    void remove(const QString& id);

    /// The id of the profile opened last; empty when none.
    [[nodiscard]] QString lastUsedId() const;
    void setLastUsed(const QString& id);
};

} // namespace kv::ui
