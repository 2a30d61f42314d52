#pragma once
// A connection profile is what kvdesk remembers about one backend: a local store file, or a kvd
// URL with the certificates the operator chose to trust. It has no field for the API key on
// purpose: the key lives in the OS keychain (KeychainSecrets), so no code path can save it here.

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace kv::ui {

struct ConnectionProfile
{
    enum class Kind { Embedded, Remote };

    /// Stable and never shown: the settings group and the keychain entry are named by it, so a
    /// rename keeps the stored key.
    QString id;
    QString name;
    Kind kind = Kind::Embedded;
    /// Embedded: the store file.
    QString storePath;
    /// Remote: http(s)://host[:port] of the kvd.
    QUrl url;
    /// Remote: PEM of each certificate trusted although it does not verify (a self-signed kvd).
    QStringList trustedCertificatePems;

    /// A new profile with a fresh id.
    static ConnectionProfile embedded(const QString& name, const QString& storePath);
    static ConnectionProfile remote(const QString& name, const QUrl& url);
    static QString newId();

    [[nodiscard]] bool isRemote() const { return kind == Kind::Remote; }
    [[nodiscard]] QList<QSslCertificate> trustedCertificates() const;
    /// Adds the certificate's PEM unless it is there already; false when it was.
    bool trust(const QString& pem);
    /// Empty when the profile can be used, else what is wrong, for a person.
    [[nodiscard]] QString problem() const;

    friend bool operator==(const ConnectionProfile&, const ConnectionProfile&) = default;
};

/// Empty when `text` is a usable kvd address (http or https, a host, at most a "/" path, no user
/// name, query or fragment), else why not, for a person; checked as the URL is typed.
[[nodiscard]] QString serverUrlProblem(const QString& text);
/// The URL as RemoteClient wants it: trimmed, no trailing "/".
[[nodiscard]] QUrl normalizedServerUrl(const QString& text);

} // namespace kv::ui
