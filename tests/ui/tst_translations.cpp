// kvdesk in German and Arabic, offscreen, on a real embedded store: the catalogs built into the
// ui library install through ui/Language (with Qt's own), Arabic lays the window out right to
// left, and the main window — menus, toolbar, status bar, every page of pages() and the main
// dialogs — asks the catalogs for no string of ours that they lack. The walk goes through
// pages(), so a page added later is checked as soon as it lands, and fails here until its
// strings are translated (scripts/check-translations, translations/README.md).

#include "AwaitFuture.h"
#include "client/Client.h"
#include "ui/DataConsole.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/connection/ConnectionManager.h"
#include "ui/dialogs/TransferDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using kv::ui::MainWindow;
using namespace Qt::StringLiterals;

namespace {

/// Installed before kvdesk's translators, so QCoreApplication asks it last: it hears only the
/// strings that no installed catalog translates, and records them.
class UntranslatedRecorder final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char* context, const char* sourceText, const char* disambiguation, int n) const override
    {
        Q_UNUSED(n)
        if (sourceText && *sourceText) {
            QString entry = QString::fromUtf8(context) + u": \"" + QString::fromUtf8(sourceText) + u'"';
            if (disambiguation && *disambiguation) {
                entry += u" (" + QString::fromUtf8(disambiguation) + u')';
            }
            const QMutexLocker lock(&m_mutex);
            (isOurs(context) ? m_ours : m_qts).insert(entry);
        }
        return {};
    }
    [[nodiscard]] bool isEmpty() const override { return false; }

    [[nodiscard]] QStringList ours() const { return sorted(m_ours); }
    [[nodiscard]] QStringList qts() const { return sorted(m_qts); }
    void clear()
    {
        const QMutexLocker lock(&m_mutex);
        m_ours.clear();
        m_qts.clear();
    }

private:
    /// Qt's own contexts are its class names (QShortcut, QPlatformTheme, QFileDialog); Qt's
    /// catalog answers for those, and a gap there is not kvdesk's.
    static bool isOurs(const char* context)
    {
        const QByteArrayView name(context ? context : "");
        return !(name.startsWith('Q') && !name.contains("::"));
    }
    QStringList sorted(const QSet<QString>& entries) const
    {
        const QMutexLocker lock(&m_mutex);
        QStringList list(entries.cbegin(), entries.cend());
        list.sort();
        return list;
    }

    mutable QMutex m_mutex;
    mutable QSet<QString> m_ours;
    mutable QSet<QString> m_qts;
};

QString layoutDirectionOfCatalog(const QString& language)
{
    QTranslator catalog;
    if (!catalog.load(u":/i18n/kvdesk_"_s + language + u".qm"_s)) {
        return u"no catalog"_s;
    }
    return catalog.translate("QGuiApplication", "QT_LAYOUT_DIRECTION",
        "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left "
        "languages (such as Hebrew and Arabic) to get proper widget layout.");
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    UntranslatedRecorder* m_recorder = nullptr;
    std::unique_ptr<kv::ui::ConnectionManager> m_connections;
    std::unique_ptr<MainWindow> m_window;
    int m_stores = 0;

    /// A dialog the window opened with open() (window-modal, not blocking the test).
    template <typename T> T* dialog(const QString& name) const
    {
        T* found = nullptr;
        [&] { QTRY_VERIFY2((found = m_window->findChild<T*>(name)) && found->isVisible(), qPrintable(name)); }();
        return found;
    }

    /// Opens a menu and its submenus, so that every item and its shortcut is drawn.
    void walkMenu(QMenu* menu)
    {
        menu->popup(m_window->geometry().center());
        QTRY_VERIFY2(menu->isVisible(), qPrintable(menu->title()));
        menu->grab();
        for (QAction* action : menu->actions()) {
            if (action->menu()) {
                walkMenu(action->menu());
            }
        }
        menu->hide();
    }

    /// Opens the window on a store with a namespace and keys, as an operator would see it.
    void openWindow()
    {
        m_connections = std::make_unique<kv::ui::ConnectionManager>(nullptr, u"kvdesk-tst-translations"_s);
        m_window = std::make_unique<MainWindow>();
        m_window->setConnectionManager(m_connections.get());
        const QString store = m_dir.filePath(u"store%1.kvstore"_s.arg(++m_stores));
        m_connections->switchTo(kv::ui::ConnectionProfile::embedded(u"Scratch"_s, store), {},
            kv::ui::ClientFactory::StoreMode::CreateIfMissing);
        QTRY_VERIFY(m_window->client() != nullptr);
        kv::client::Client* client = m_window->client();
        QVERIFY(awaitFuture(client->createNamespace(u"alpha"_s)));
        QList<kv::client::PutRequest> puts;
        for (const QString& key : { u"user/1"_s, u"user/2"_s, u"order/1"_s }) {
            puts.append({ key, "{\"v\": 1}", {}, {}, {} });
        }
        QVERIFY(awaitFuture(client->putMany(u"alpha"_s, puts))->committed);
        m_window->refresh();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void closeWindow()
    {
        m_window.reset();
        m_connections.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationDomain(u"test.kvdesk.dev"_s);
        QCoreApplication::setApplicationName(u"tst_translations"_s);
        QSettings().clear();
        m_recorder = new UntranslatedRecorder(qApp);
        QCoreApplication::installTranslator(m_recorder);
    }

    void cleanup()
    {
        closeWindow();
        kv::ui::setChosenLanguage({});
        kv::ui::installTranslators(u"en"_s);
    }

    void listsTheBuiltInLanguagesInThemselves()
    {
        QStringList names;
        for (const kv::ui::Language& language : kv::ui::availableLanguages()) {
            names.append(language.code + u'=' + language.nativeName);
        }
        QCOMPARE(names, (QStringList { u"en=English"_s, u"ar=العربية"_s, u"de=Deutsch"_s }));
    }

    void followsTheSystemsFirstLanguageItSpeaks_data()
    {
        QTest::addColumn<QStringList>("uiLanguages");
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << QStringList { u"de-DE"_s, u"de"_s } << u"de"_s;
        QTest::newRow("Austrian German") << QStringList { u"de-AT"_s } << u"de"_s;
        QTest::newRow("Arabic") << QStringList { u"ar-EG"_s, u"ar"_s } << u"ar"_s;
        QTest::newRow("English before German") << QStringList { u"en-US"_s, u"de-DE"_s } << u"en"_s;
        QTest::newRow("French, then Arabic") << QStringList { u"fr-FR"_s, u"ar_SA"_s } << u"ar"_s;
        QTest::newRow("only unknown ones") << QStringList { u"fr-FR"_s, u"ja"_s } << u"en"_s;
        QTest::newRow("none") << QStringList {} << u"en"_s;
    }

    void followsTheSystemsFirstLanguageItSpeaks()
    {
        QFETCH(QStringList, uiLanguages);
        QFETCH(QString, language);
        QCOMPARE(kv::ui::resolveLanguage(uiLanguages), language);
    }

    void catalogsSayTheirDirection()
    {
        // What Qt itself reads to mirror the layout (qt_detectRTLLanguage).
        QCOMPARE(layoutDirectionOfCatalog(u"ar"_s), u"RTL"_s);
        QCOMPARE(layoutDirectionOfCatalog(u"de"_s), u"LTR"_s);
    }

    void arabicMirrorsTheWholeWindow()
    {
        QCOMPARE(kv::ui::installTranslators(u"ar"_s), u"ar"_s);
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        MainWindow window;
        QVERIFY(window.isRightToLeft());
        QVERIFY(window.menuBar()->isRightToLeft());

        QCOMPARE(kv::ui::installTranslators(u"de"_s), u"de"_s);
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QVERIFY(!MainWindow().isRightToLeft());
    }

    void loadsQtsOwnCatalog_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("cancel");
        QTest::newRow("German") << u"de"_s << u"Abbrechen"_s;
        QTest::newRow("Arabic") << u"ar"_s << u"ألغِ"_s;
    }

    void loadsQtsOwnCatalog()
    {
        QFETCH(QString, language);
        QFETCH(QString, cancel);
        kv::ui::installTranslators(language);
        // Standard buttons and dialogs come from qtbase_<language>.qm (Debian: qt6-translations-l10n).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
    }

    void choosingALanguageAsksForARestart()
    {
        QCOMPARE(kv::ui::installTranslators(u"de"_s), u"de"_s);
        openWindow();
        auto* message = m_window->findChild<QLabel*>(u"messageText"_s);
        QVERIFY(message);
        QVERIFY(m_window->findChild<QAction*>(u"languageSystemAction"_s)->isChecked());

        m_window->findChild<QAction*>(u"languageAction_ar"_s)->trigger();
        QCOMPARE(kv::ui::chosenLanguage(), u"ar"_s);
        QTRY_VERIFY(message->isVisible());
        // In the language on screen, naming the new one in itself.
        const char* note = "kvdesk will be in %1 from its next start.";
        QVERIFY(QCoreApplication::translate("kv::ui::MainWindow", note) != QString::fromUtf8(note));
        QCOMPARE(message->text(), QCoreApplication::translate("kv::ui::MainWindow", note).arg(u"العربية"_s));

        // Back to the language on screen: no restart needed, and the note goes.
        m_window->findChild<QAction*>(u"languageAction_de"_s)->trigger();
        QCOMPARE(kv::ui::chosenLanguage(), u"de"_s);
        QTRY_VERIFY(!message->isVisible());

        // The next window (the next start) shows the stored choice.
        closeWindow();
        openWindow();
        QVERIFY(m_window->findChild<QAction*>(u"languageAction_de"_s)->isChecked());
        QVERIFY(!m_window->findChild<QAction*>(u"languageSystemAction"_s)->isChecked());
    }

    void showsNoUntranslatedString_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::newRow("German") << u"de"_s << u"&Datei"_s;
        QTest::newRow("Arabic") << u"ar"_s << u"ملف"_s;
    }

    void showsNoUntranslatedString()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        QCOMPARE(kv::ui::installTranslators(language), language);
        m_recorder->clear();
        openWindow();
        QCOMPARE(m_window->menuBar()->actions().constFirst()->text(), fileMenu);

        // The window as it settles: namespaces, keys, a value in the editor, health and feed.
        auto* namespaces = m_window->findChild<QTreeView*>(u"namespaces"_s);
        QTRY_COMPARE(namespaces->model()->rowCount(), 1);
        auto* keys = m_window->findChild<QTableView*>(u"keys"_s);
        QTRY_COMPARE(keys->model()->rowCount(), 3);
        keys->setCurrentIndex(keys->model()->index(0, 0));
        auto* text = m_window->findChild<QPlainTextEdit*>(u"valueText"_s);
        QTRY_VERIFY(!text->toPlainText().isEmpty());
        const QString checking = QCoreApplication::translate("kv::ui::MainWindow", "Checking…");
        QTRY_VERIFY(m_window->findChild<QLabel*>(u"healthLabel"_s)->text() != checking);
        m_window->grab();

        for (QAction* action : m_window->menuBar()->actions()) {
            walkMenu(action->menu());
        }
        QTabWidget* pages = m_window->pages();
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            pages->currentWidget()->grab();
        }
        pages->setCurrentWidget(m_window->console());

        // The dialogs of the Namespace menu, each cancelled.
        for (const auto& [action, name] : { std::pair { u"newNamespaceAction"_s, u"newNamespaceDialog"_s },
                 std::pair { u"changePlanAction"_s, u"planDialog"_s },
                 std::pair { u"deleteNamespaceAction"_s, u"deleteNamespaceDialog"_s } }) {
            m_window->findChild<QAction*>(action)->trigger();
            auto* opened = dialog<QDialog>(name);
            QVERIFY(opened);
            opened->grab();
            opened->reject();
            QTRY_VERIFY(!m_window->findChild<QDialog*>(name));
        }

        // Delete with two keys selected asks first.
        keys->selectionModel()->select(
            keys->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_window->findChild<QAction*>(u"deleteKeysAction"_s)->trigger();
        auto* confirm = dialog<QMessageBox>(u"deleteKeysDialog"_s);
        QVERIFY(confirm);
        confirm->grab();
        confirm->reject();

        // Unsaved changes, then another key: the editor asks.
        keys->setCurrentIndex(keys->model()->index(0, 0));
        QTRY_VERIFY(!text->toPlainText().isEmpty());
        text->setFocus();
        text->selectAll();
        QTest::keyClicks(text, u"[1, 2]"_s);
        keys->setCurrentIndex(keys->model()->index(2, 0));
        auto* unsaved = dialog<QMessageBox>(u"unsavedChangesBox"_s);
        QVERIFY(unsaved);
        unsaved->grab();
        QTest::mouseClick(unsaved->button(QMessageBox::Discard), Qt::LeftButton);

        // Import chooses a file; an export shows its progress and result.
        m_window->findChild<QAction*>(u"importAction"_s)->trigger();
        auto* chooser = dialog<QFileDialog>(u"importFileDialog"_s);
        QVERIFY(chooser);
        chooser->grab();
        chooser->reject();
        QPointer<kv::ui::TransferDialog> exporting = m_window->console()->exportTo(m_dir.filePath(u"out.jsonl"_s));
        QTRY_VERIFY(!exporting->isRunning());
        exporting->grab();
        exporting->close();

        // The connection dialog, on the local store and on a server.
        m_window->showConnections();
        auto* connections = dialog<QDialog>(u"connectionDialog"_s);
        QVERIFY(connections);
        connections->grab();
        auto* kind = connections->findChild<QComboBox*>(u"profileKind"_s);
        kind->setCurrentIndex(kind->count() - 1);
        connections->grab();
        connections->reject();

        // Pages may have loaded more meanwhile.
        for (int i = 0; i < pages->count(); ++i) {
            pages->widget(i)->grab();
        }
        if (!m_recorder->qts().isEmpty()) {
            qInfo("Qt's catalog lacks: %s", qPrintable(m_recorder->qts().join(u"; ")));
        }
        const QStringList missing = m_recorder->ours();
        QVERIFY2(missing.isEmpty(),
            qPrintable(u"untranslated in kvdesk_%1.ts (scripts/check-translations, translations/README.md):\n  "_s.arg(
                           language)
                + missing.join(u"\n  "_s)));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
