#include "ui/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

namespace kv::ui {

namespace {

Q_LOGGING_CATEGORY(lcLanguage, "kvdesk.language")

const QString kSetting = QStringLiteral("ui/language");
/// Where qt_add_translations (ui/CMakeLists.txt) puts the compiled catalogs.
const QString kCatalogDir = QStringLiteral(":/i18n");
const QString kCatalogPrefix = QStringLiteral("kvdesk_");

// Qt lays the widgets out right to left when the installed catalogs translate this string to
// "RTL" (its qt_detectRTLLanguage()). kvdesk's catalogs carry it, so a right-to-left language
// mirrors the window even where Qt's own catalogs are not installed.
[[maybe_unused]] const char* const kLayoutDirection[] = QT_TRANSLATE_NOOP3("QGuiApplication", "QT_LAYOUT_DIRECTION",
    "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left languages "
    "(such as Hebrew and Arabic) to get proper widget layout.");

struct Installed
{
    QList<QTranslator*> translators;
    QString language = kSourceLanguage.toString();
};

Installed& installed()
{
    static Installed state;
    return state;
}

QStringList catalogLanguages()
{
    QStringList codes;
    const QStringList files = QDir(kCatalogDir).entryList({ kCatalogPrefix + u"*.qm" }, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        codes.append(file.sliced(kCatalogPrefix.size()).chopped(3));
    }
    return codes;
}

/// Loads `name` from `dir` and installs it; false (and no translator) when there is no such file.
bool install(const QString& name, const QString& dir)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(name, dir)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed().translators.append(translator);
    return true;
}

} // namespace

QString nativeLanguageName(const QString& code)
{
    // QLocale names "en" "American English"; the source language is plain English.
    if (code == kSourceLanguage) {
        return QStringLiteral("English");
    }
    const QLocale locale(code);
    QString name = locale.language() == QLocale::C ? QString() : locale.nativeLanguageName();
    if (name.isEmpty()) {
        return code;
    }
    // Some languages write their own name in lower case ("français"); a menu item starts upper case.
    name.replace(0, 1, locale.toUpper(name.left(1)));
    return name;
}

QList<Language> availableLanguages()
{
    QList<Language> languages { { kSourceLanguage.toString(), nativeLanguageName(kSourceLanguage.toString()) } };
    for (const QString& code : catalogLanguages()) {
        languages.append({ code, nativeLanguageName(code) });
    }
    return languages;
}

QString resolveLanguage(const QStringList& uiLanguages)
{
    const QStringList catalogs = catalogLanguages();
    for (const QString& tag : uiLanguages) {
        // "de-AT" matches a catalog kvdesk_de_AT first, then kvdesk_de.
        QString name = tag;
        name.replace(u'-', u'_');
        const QString language = name.section(u'_', 0, 0).toLower();
        for (const QString& candidate : { name, language }) {
            if (candidate == kSourceLanguage || catalogs.contains(candidate)) {
                return candidate;
            }
        }
    }
    return kSourceLanguage.toString();
}

QString languageFor(const QString& choice)
{
    // A stored choice whose catalog is gone (an older or newer kvdesk) falls back to the system's.
    if (choice == kSourceLanguage || (!choice.isEmpty() && catalogLanguages().contains(choice))) {
        return choice;
    }
    return resolveLanguage(QLocale::system().uiLanguages());
}

QString chosenLanguage()
{
    return QSettings().value(kSetting).toString();
}

void setChosenLanguage(const QString& code)
{
    QSettings settings;
    if (code.isEmpty()) {
        settings.remove(kSetting);
    } else {
        settings.setValue(kSetting, code);
    }
}

QString installTranslators(const QString& choice)
{
    Installed& state = installed();
    for (QTranslator* translator : std::as_const(state.translators)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    state.translators.clear();

    const QString language = languageFor(choice);
    if (language != kSourceLanguage) {
        // Qt's catalog first: the one installed last is asked first, so kvdesk's own words win.
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!install(QStringLiteral("qtbase_") + language, qtDir)) {
            qCInfo(lcLanguage,
                "Qt's catalog qtbase_%s is not in %s (Debian: qt6-translations-l10n); Qt's own "
                "dialogs and buttons stay in English",
                qPrintable(language), qPrintable(qtDir));
        }
        if (!install(kCatalogPrefix + language, kCatalogDir)) {
            qCWarning(lcLanguage, "kvdesk's catalog for %s is missing from the build", qPrintable(language));
        }
    }
    state.language = language;
    // The catalog's QT_LAYOUT_DIRECTION already turns the layout for Qt; setting it from the
    // language as well keeps the direction right when a catalog lacks it, and resets it to left to
    // right when a second call installs a left-to-right language.
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        QGuiApplication::setLayoutDirection(QLocale(language).textDirection());
    }
    return language;
}

QString installedLanguage()
{
    return installed().language;
}

} // namespace kv::ui
