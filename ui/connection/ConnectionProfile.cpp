#include "ui/connection/ConnectionProfile.h"

#include <QCoreApplication>
#include <QUuid>

namespace kv::ui {

ConnectionProfile ConnectionProfile::embedded(const QString& name, const QString& storePath)
{
    ConnectionProfile profile;
    profile.id = newId();
    profile.name = name;
    profile.kind = Kind::Embedded;
    profile.storePath = storePath;
    return profile;
}

ConnectionProfile ConnectionProfile::remote(const QString& name, const QUrl& url)
{
    ConnectionProfile profile;
    profile.id = newId();
    profile.name = name;
    profile.kind = Kind::Remote;
    profile.url = url;
    return profile;
}

QString ConnectionProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<QSslCertificate> ConnectionProfile::trustedCertificates() const
{
    QList<QSslCertificate> certificates;
    for (const QString& pem : trustedCertificatePems) {
        certificates += QSslCertificate::fromData(pem.toLatin1(), QSsl::Pem);
    }
    return certificates;
}

bool ConnectionProfile::trust(const QString& pem)
{
    const QString trimmed = pem.trimmed();
    for (const QString& known : std::as_const(trustedCertificatePems)) {
        if (known.trimmed() == trimmed) {
            return false;
        }
    }
    trustedCertificatePems.append(pem);
    return true;
}

QString ConnectionProfile::problem() const
{
    if (name.trimmed().isEmpty()) {
        return QCoreApplication::translate("kv::ui::ConnectionProfile", "Give the connection a name.");
    }
    if (kind == Kind::Embedded) {
        return storePath.isEmpty()
            ? QCoreApplication::translate("kv::ui::ConnectionProfile", "Choose a store file, or create a new one.")
            : QString();
    }
    return serverUrlProblem(url.toString());
}

QString serverUrlProblem(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return QCoreApplication::translate(
            "kv::ui::ConnectionProfile", "Enter the server's address, e.g. https://kvd.example.com:8443");
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        return QCoreApplication::translate("kv::ui::ConnectionProfile", "This is not a valid address: %1")
            .arg(url.errorString());
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https")) {
        return QCoreApplication::translate(
            "kv::ui::ConnectionProfile", "The address must start with https:// (or http:// on a trusted network).");
    }
    if (url.host().isEmpty()) {
        return QCoreApplication::translate(
            "kv::ui::ConnectionProfile", "The address needs a host name, e.g. https://kvd.example.com");
    }
    if (!url.userInfo().isEmpty()) {
        return QCoreApplication::translate(
            "kv::ui::ConnectionProfile", "Leave the user name out of the address: the API key goes in its own field.");
    }
    if (!url.path().isEmpty() && url.path() != QLatin1StringView("/")) {
        return QCoreApplication::translate(
            "kv::ui::ConnectionProfile", "Give only the server's address, without a path (kvdesk adds /v1 itself).");
    }
    if (url.hasQuery() || url.hasFragment()) {
        return QCoreApplication::translate(
            "kv::ui::ConnectionProfile", "Give only the server's address, without ? or #.");
    }
    return {};
}

QUrl normalizedServerUrl(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    url.setScheme(url.scheme().toLower());
    if (url.path() == QLatin1StringView("/")) {
        url.setPath(QString());
    }
    return url;
}

} // namespace kv::ui
