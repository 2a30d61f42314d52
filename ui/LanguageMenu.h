#pragma once
// View ▸ Language: follow the system's language, or one of the languages kvdesk has a catalog
// for, each named in itself so that anyone finds their own. The choice is stored in the settings
// (ui/Language.h) and takes effect at the next start: retranslating every open widget live would
// cost a changeEvent() in each of them, for a setting people change once.

#include <QMenu>

namespace kv::ui {

class LanguageMenu final : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(LanguageMenu)

Q_SIGNALS:
    /// The operator chose `code` (empty: the system's language); the settings have it already.
    void languageChosen(const QString& code);
};

} // namespace kv::ui
