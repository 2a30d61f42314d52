#include "ui/LanguageMenu.h"

#include "ui/Language.h"

#include <QActionGroup>
#include <QLocale>

namespace kv::ui {

LanguageMenu::LanguageMenu(QWidget* parent)
    : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    setAccessibleName(tr("Language"));
    auto* group = new QActionGroup(this);
    group->setExclusive(true);
    const QString chosen = chosenLanguage();

    QAction* system
        = addAction(tr("&System (%1)").arg(nativeLanguageName(resolveLanguage(QLocale::system().uiLanguages()))));
    system->setObjectName(QStringLiteral("languageSystemAction"));
    system->setStatusTip(tr("Show kvdesk in the language of the system"));
    system->setCheckable(true);
    group->addAction(system);
    // Checked once in the group, which unchecks the others.
    system->setChecked(true);
    addSeparator();
    for (const Language& language : availableLanguages()) {
        QAction* action = addAction(language.nativeName);
        action->setObjectName(QStringLiteral("languageAction_") + language.code);
        action->setData(language.code);
        action->setCheckable(true);
        group->addAction(action);
        if (language.code == chosen) {
            action->setChecked(true);
        }
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction* action) {
        const QString code = action->data().toString();
        setChosenLanguage(code);
        Q_EMIT languageChosen(code);
    });
}

} // namespace kv::ui
