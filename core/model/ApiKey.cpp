#include "model/ApiKey.h"

#include <array>

namespace kv::model {

namespace {
constexpr std::array<std::pair<Scope, const char*>, 4> kScopes { {
    { Scope::Read, "read" },
    { Scope::Write, "write" },
    { Scope::Admin, "admin" },
    { Scope::Signal, "signal" },
} };
} // namespace

QString scopeName(Scope scope)
{
    for (const auto& [value, name] : kScopes) {
        if (value == scope) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<Scope> scopeFromName(QStringView name)
{
    for (const auto& [value, text] : kScopes) {
        if (name == QLatin1StringView(text)) {
            return value;
        }
    }
    return std::nullopt;
}

QStringList scopeNames(Scopes scopes)
{
    QStringList names;
    for (const auto& [value, name] : kScopes) {
        if (scopes.testFlag(value)) {
            names.append(QString::fromLatin1(name));
        }
    }
    return names;
}

std::optional<Scopes> scopesFromNames(const QStringList& names)
{
    Scopes scopes;
    for (const QString& name : names) {
        const auto scope = scopeFromName(name);
        if (!scope) {
            return std::nullopt;
        }
        scopes |= *scope;
    }
    return scopes;
}

} // namespace kv::model
