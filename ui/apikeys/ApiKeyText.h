#pragma once
// How the fields of an API key read to a person, the same in the key table and the dialogs:
// translated scope names with what each allows, the namespace set, and times in the locale.

#include "model/ApiKey.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <optional>

namespace kv::ui {

class ApiKeyText final
{
    Q_DECLARE_TR_FUNCTIONS(kv::ui::ApiKeyText)
public:
    ApiKeyText() = delete;

    static constexpr std::array<model::Scope, 4> kScopes { model::Scope::Read, model::Scope::Write, model::Scope::Admin,
        model::Scope::Signal };

    /// "Read", "Write", "Admin", "Signal" (translated).
    static QString scopeLabel(model::Scope scope);
    /// What a key with the scope may do, in a short sentence.
    static QString scopeDescription(model::Scope scope);
    /// The scopes' labels in the order of kScopes, comma-separated.
    static QString scopes(model::Scopes scopes);
    /// "All" for the empty set, else the ids comma-separated.
    static QString namespaces(const QStringList& namespaces);
    /// A time in the locale's short format; `never` when there is none.
    static QString time(std::optional<model::Timestamp> at, const QString& never = {});
};

} // namespace kv::ui
