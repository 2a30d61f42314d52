// Every view and dialog of kvdesk, offscreen on a real embedded store, walked widget by widget:
// a focusable control without an accessible name, a label whose mnemonic leads nowhere, a menu
// entry without its own mnemonic, or a control Tab never reaches fails the suite. New pages are
// walked as soon as MainWindow adds them; dialogs are opened the way an operator opens them.

#include "AccessibilityAudit.h"
#include "AwaitFuture.h"
#include "client/EmbeddedClient.h"
#include "ui/ConsolePage.h"
#include "ui/DataConsole.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/editor/ConflictDialog.h"
#include "ui/editor/ValueEditor.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <set>

using kv::client::EmbeddedClient;
using kv::ui::MainWindow;
using namespace Qt::StringLiterals;

class TestAccessibility final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    /// Fails on any problem the audit finds under `root`, naming where it was found.
    static void audit(const QWidget& root, const QString& where, int atLeast)
    {
        int checked = 0;
        const QStringList unnamed = kv::test::unnamedFocusableControls(root, &checked);
        QVERIFY2(unnamed.isEmpty(), qPrintable(where + u": no accessible name: " + unnamed.join(u", ")));
        QVERIFY2(checked >= atLeast,
            qPrintable(u"%1: %2 focusable controls, expected at least %3"_s.arg(where).arg(checked).arg(atLeast)));
        const QStringList lonely = kv::test::labelsWithoutBuddy(root);
        QVERIFY2(lonely.isEmpty(), qPrintable(where + u": mnemonic without a buddy: " + lonely.join(u", ")));
    }

    /// Triggers `actionName` and audits the dialog it opens (found by its objectName), then closes it.
    void auditDialogOf(const QString& actionName, const QString& dialogName, int atLeast)
    {
        auto* action = m_window->findChild<QAction*>(actionName);
        QVERIFY2(action, qPrintable(actionName));
        QVERIFY2(action->isEnabled(), qPrintable(actionName));
        action->trigger();
        QPointer<QDialog> dialog;
        QTRY_VERIFY2(
            (dialog = m_window->findChild<QDialog*>(dialogName)) && dialog->isVisible(), qPrintable(dialogName));
        audit(*dialog, dialogName, atLeast);
        dialog->reject();
        QTRY_VERIFY(!dialog || !dialog->isVisible());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationDomain(u"test.kvdesk.dev"_s);
        QCoreApplication::setApplicationName(u"tst_accessibility"_s);
        auto client = EmbeddedClient::open(m_dir.filePath(u"a11y.kvstore"_s));
        QVERIFY(client);
        QVERIFY(awaitFuture(client.value()->createNamespace(u"alpha"_s)));
        QVERIFY(awaitFuture(client.value()->putValue(u"alpha"_s, { u"greeting"_s, "hello", {}, {}, {} })));
        m_window = std::make_unique<MainWindow>();
        m_window->setClient(std::move(client.value()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto* namespaces = m_window->findChild<QTreeView*>(u"namespaces"_s);
        QTRY_VERIFY(namespaces->model()->rowCount() == 1);
    }

    void everyPageIsWalked()
    {
        QTabWidget* pages = m_window->pages();
        QVERIFY(pages->count() >= 1);
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            auto* page = qobject_cast<kv::ui::ConsolePage*>(pages->widget(i));
            QVERIFY2(page, qPrintable(pages->tabText(i)));
            QVERIFY2(!page->objectName().isEmpty(), qPrintable(pages->tabText(i)));
            audit(*page, page->objectName(), 3);
        }
        // And the shell around them: status bar, message bar, toolbar.
        audit(*m_window, u"main window"_s, 5);
    }

    void everyMenuEntryHasItsOwnMnemonic()
    {
        QStringList problems;
        QHash<QChar, QString> topLevel;
        for (QAction* action : m_window->menuBar()->actions()) {
            const QString text = action->text();
            const qsizetype at = text.indexOf(u'&');
            QVERIFY2(at >= 0, qPrintable(text));
            const QChar key = text.at(at + 1).toLower();
            QVERIFY2(!topLevel.contains(key), qPrintable(text + u" and " + topLevel.value(key)));
            topLevel.insert(key, text);
            QVERIFY(action->menu());
            problems += kv::test::menuMnemonicProblems(*action->menu());
        }
        QVERIFY(topLevel.size() >= 4);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; ")));
    }

    void tabReachesEveryControlOfEachPage()
    {
        QTabWidget* pages = m_window->pages();
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            QWidget* page = pages->widget(i);
            // What a keyboard user must be able to reach on this page: shown and enabled.
            std::set<QWidget*> wanted;
            for (QWidget* widget : page->findChildren<QWidget*>()) {
                if (widget->focusPolicy() & Qt::TabFocus && widget->isVisible() && widget->isEnabled()
                    && !kv::test::insideComposite(widget, page) && !widget->focusProxy()) {
                    wanted.insert(widget);
                }
            }
            QVERIFY2(!wanted.empty(), qPrintable(page->objectName()));
            pages->tabBar()->setFocus();
            QTRY_VERIFY(pages->tabBar()->hasFocus());
            std::set<QWidget*> reached;
            QStringList visited;
            // Twice round the window's whole chain is enough to see every stop of it.
            for (int step = 0; step < 200 && reached.size() < wanted.size(); ++step) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QWidget* focused = QApplication::focusWidget();
                QVERIFY(focused);
                visited.append(focused->objectName().isEmpty() ? QString::fromLatin1(focused->metaObject()->className())
                                                               : focused->objectName());
                while (focused && !wanted.count(focused) && focused != page && page->isAncestorOf(focused)) {
                    focused = focused->parentWidget();
                }
                if (focused && wanted.count(focused)) {
                    reached.insert(focused);
                }
                // A table that keeps Tab for its cells traps a keyboard user.
                QVERIFY2(visited.size() < 3 || visited.at(visited.size() - 1) != visited.at(visited.size() - 3)
                        || visited.at(visited.size() - 1) != visited.at(visited.size() - 2),
                    qPrintable(u"%1: Tab is trapped in %2"_s.arg(page->objectName(), visited.last())));
            }
            QStringList missed;
            for (QWidget* widget : wanted) {
                if (!reached.count(widget)) {
                    missed.append(kv::test::describeWidget(widget));
                }
            }
            QVERIFY2(missed.isEmpty(),
                qPrintable(page->objectName() + u": Tab never reaches " + missed.join(u", ") + u"; it went "
                    + visited.first(std::min<qsizetype>(visited.size(), 30)).join(u" → ")));
        }
        pages->setCurrentIndex(0);
    }

    void everyDialogIsWalked()
    {
        m_window->pages()->setCurrentIndex(0);
        auditDialogOf(u"newNamespaceAction"_s, u"newNamespaceDialog"_s, 2);
        auditDialogOf(u"changePlanAction"_s, u"planDialog"_s, 1);
        auditDialogOf(u"deleteNamespaceAction"_s, u"deleteNamespaceDialog"_s, 1);
    }

    void theTransferAndConflictDialogsAreNamed()
    {
        QPointer<kv::ui::TransferDialog> transfer = m_window->console()->exportTo(m_dir.filePath(u"out.jsonl"_s));
        QVERIFY(transfer);
        audit(*transfer, u"transfer dialog"_s, 1);
        QTRY_VERIFY(!transfer || !transfer->isRunning());
        if (transfer) {
            transfer->close();
        }
        kv::ui::ConflictDialog conflict(u"greeting"_s, m_window.get());
        conflict.show();
        audit(conflict, u"conflict dialog"_s, 3);
        conflict.showComparison(u"mine"_s, u"theirs"_s, u"Theirs:"_s);
        audit(conflict, u"conflict dialog comparing"_s, 3);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
