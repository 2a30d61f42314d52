#include "ui/apikeys/ApiKeyText.h"

#include <QDateTime>
#include <QLocale>

namespace kv::ui {

QString ApiKeyText::scopeLabel(model::Scope scope)
{
    switch (scope) {
    case model::Scope::Read:
        return tr("Read");
    case model::Scope::Write:
        return tr("Write");
    case model::Scope::Admin:
        return tr("Admin");
    case model::Scope::Signal:
        return tr("Signal");
    }
    return model::scopeName(scope);
}

QString ApiKeyText::scopeDescription(model::Scope scope)
{
    // What kvd's routes ask for (core/server): keep in step with them.
    switch (scope) {
    case model::Scope::Read:
        return tr("List namespaces and keys, read values and usage");
    case model::Scope::Write:
        return tr("Put and delete values, one at a time or in batches");
    case model::Scope::Admin:
        return tr("Create and delete namespaces, change plans, manage API keys, read the audit trail and live events");
    case model::Scope::Signal:
        return tr("Connect WebRTC peers to the signaling relay");
    }
    return {};
}

QString ApiKeyText::scopes(model::Scopes scopes)
{
    QStringList labels;
    for (const model::Scope scope : kScopes) {
        if (scopes.testFlag(scope)) {
            labels.append(scopeLabel(scope));
        }
    }
    return labels.join(tr(", "));
}

QString ApiKeyText::namespaces(const QStringList& namespaces)
{
    return namespaces.isEmpty() ? tr("All") : namespaces.join(tr(", "));
}

QString ApiKeyText::time(std::optional<model::Timestamp> at, const QString& never)
{
    return at ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*at), QLocale::ShortFormat) : never;
}

} // namespace kv::ui
