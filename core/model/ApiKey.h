#pragma once
// An API key as the service knows it: never the secret itself, only its id, visible prefix,
// scopes, namespace set, expiry, rotation lineage and last use.

#include "model/Clock.h"

#include <QFlags>
#include <QString>
#include <QStringList>

#include <optional>

namespace kv::model {

enum class Scope : quint8 {
    Read = 0x1,
    Write = 0x2,
    Admin = 0x4,
    Signal = 0x8,
};
Q_DECLARE_FLAGS(Scopes, Scope)
Q_DECLARE_OPERATORS_FOR_FLAGS(Scopes)

/// "read", "write", "admin", "signal".
QString scopeName(Scope scope);
std::optional<Scope> scopeFromName(QStringView name);
QStringList scopeNames(Scopes scopes);
/// Parses a list of names; nullopt when one is unknown.
std::optional<Scopes> scopesFromNames(const QStringList& names);

struct ApiKey
{
    QString id;
    QString name;
    /// The first characters of the secret, safe to show so that an operator can tell keys apart.
    QString prefix;
    Scopes scopes;
    /// The namespaces the key may touch; empty means all.
    QStringList namespaces;
    Timestamp createdAt = 0;
    std::optional<Timestamp> expiresAt;
    std::optional<Timestamp> lastUsedAt;
    std::optional<Timestamp> revokedAt;
    /// Rotation lineage: the key this one replaced, and the key that replaced it.
    QString rotatedFrom;
    QString rotatedTo;

    [[nodiscard]] bool allowsNamespace(const QString& ns) const
    {
        return namespaces.isEmpty() || namespaces.contains(ns);
    }
    [[nodiscard]] bool isActive(Timestamp now) const { return !revokedAt && (!expiresAt || *expiresAt > now); }

    friend bool operator==(const ApiKey&, const ApiKey&) = default;
};

} // namespace kv::model
