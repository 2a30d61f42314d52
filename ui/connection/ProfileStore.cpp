#include "ui/connection/ProfileStore.h"

#include <QSettings>

#include <algorithm>

namespace kv::ui {

namespace {

// Each profile is a group named by its id under this one; a QSettings array would renumber
// every profile on a removal.
const QString kProfiles = QStringLiteral("connections/profiles");
const QString kLastUsed = QStringLiteral("connections/lastUsed");

QString kindName(ConnectionProfile::Kind kind)
{
    return kind == ConnectionProfile::Kind::Remote ? QStringLiteral("remote") : QStringLiteral("embedded");
}

ConnectionProfile readProfile(QSettings& settings, const QString& id)
{
    settings.beginGroup(kProfiles + u'/' + id);
    ConnectionProfile profile;
    profile.id = id;
    profile.name = settings.value(QStringLiteral("name")).toString();
    profile.kind = settings.value(QStringLiteral("kind")).toString() == QLatin1StringView("remote")
        ? ConnectionProfile::Kind::Remote
        : ConnectionProfile::Kind::Embedded;
    profile.storePath = settings.value(QStringLiteral("storePath")).toString();
    profile.url = QUrl(settings.value(QStringLiteral("url")).toString());
    profile.trustedCertificatePems = settings.value(QStringLiteral("trustedCertificates")).toStringList();
    settings.endGroup();
    return profile;
}

} // namespace

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QSettings settings;
    settings.beginGroup(kProfiles);
    const QStringList ids = settings.childGroups();
    settings.endGroup();
    QList<ConnectionProfile> profiles;
    for (const QString& id : ids) {
        profiles.append(readProfile(settings, id));
    }
    std::sort(profiles.begin(), profiles.end(), [](const ConnectionProfile& a, const ConnectionProfile& b) {
        const int order = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return profiles;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString& id) const
{
    if (id.isEmpty()) {
        return std::nullopt;
    }
    QSettings settings;
    settings.beginGroup(kProfiles);
    const bool known = settings.childGroups().contains(id);
    settings.endGroup();
    if (!known) {
        return std::nullopt;
    }
    return readProfile(settings, id);
}

void ProfileStore::save(const ConnectionProfile& profile)
{
    QSettings settings;
    settings.remove(kProfiles + u'/' + profile.id);
    settings.beginGroup(kProfiles + u'/' + profile.id);
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("kind"), kindName(profile.kind));
    if (profile.kind == ConnectionProfile::Kind::Embedded) {
        settings.setValue(QStringLiteral("storePath"), profile.storePath);
    } else {
        settings.setValue(QStringLiteral("url"), profile.url.toString());
        settings.setValue(QStringLiteral("trustedCertificates"), profile.trustedCertificatePems);
    }
    settings.endGroup();
}

void ProfileStore::remove(const QString& id)
{
    if (id.isEmpty()) {
        return;
    }
    QSettings settings;
    settings.remove(kProfiles + u'/' + id);
    if (settings.value(kLastUsed).toString() == id) {
        settings.remove(kLastUsed);
    }
}

QString ProfileStore::lastUsedId() const
{
    return QSettings().value(kLastUsed).toString();
}

void ProfileStore::setLastUsed(const QString& id)
{
    QSettings().setValue(kLastUsed, id);
}

} // namespace kv::ui
