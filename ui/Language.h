#pragma once
// The languages kvdesk speaks and the one place that installs them: the catalogs built into the
// ui library (translations/, embedded under :/i18n), the operator's choice in the settings
// (`ui/language`, empty for the system's), and Qt's own catalog for its dialogs and buttons.
// kvdesk's main() and the ui tests install translators through here, so both load the same files.

#include <QList>
#include <QString>
#include <QStringList>

namespace kv::ui {

/// A language kvdesk can show, named in itself ("Deutsch", "العربية").
struct Language
{
    /// "en", "de", "ar": the suffix of its catalog kvdesk_<code>.qm.
    QString code;
    QString nativeName;
};

/// The language of the sources, which has no catalog.
inline constexpr QStringView kSourceLanguage = u"en";

/// English, then every language with a built-in catalog, in the order of their codes.
[[nodiscard]] QList<Language> availableLanguages();
/// The name of `code` in itself, or `code` itself when Qt does not know it.
[[nodiscard]] QString nativeLanguageName(const QString& code);

/// What the system choice means: the first of `uiLanguages` (most wanted first, as
/// QLocale::uiLanguages() lists them) that kvdesk speaks, English included, else English.
[[nodiscard]] QString resolveLanguage(const QStringList& uiLanguages);
/// The language `choice` (a code, or empty for the system's) shows.
[[nodiscard]] QString languageFor(const QString& choice);

/// The operator's choice from the settings: a language code, or empty to follow the system.
[[nodiscard]] QString chosenLanguage();
void setChosenLanguage(const QString& code);

/// Replaces the translators an earlier call installed with kvdesk's and Qt's catalogs for
/// `choice` (a code, or empty for the system's language) and lays the widgets out in that
/// language's direction. Needs a QCoreApplication; the direction needs a QGuiApplication.
/// Returns the language now installed.
QString installTranslators(const QString& choice);
/// The language the last installTranslators() call installed ("en" before any).
[[nodiscard]] QString installedLanguage();

} // namespace kv::ui
