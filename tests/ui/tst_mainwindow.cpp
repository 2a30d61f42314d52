// The main window, offscreen, on a real embedded store, driven by keyboard and mouse: namespaces
// listed and refreshed with F5, a namespace created through its dialog (the id checked as it is
// typed), a plan changed, keys filtered by prefix (Ctrl+F), keys listed Z to A by a click on the
// Key header (kept across refresh, filter and namespace; the selected keys selected again even
// when their page comes after another sort), keys deleted with Del after a confirmation, a
// namespace deleted only after its id is typed again, and failures shown in the non-modal message
// bar.

#include "AwaitFuture.h"
#include "client/EmbeddedClient.h"
#include "ui/DataConsole.h"
#include "ui/MainWindow.h"
#include "ui/connection/ConnectionManager.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/editor/ValueEditor.h"
#include "ui/models/KeyTableModel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using kv::client::EmbeddedClient;
using kv::ui::MainWindow;
using namespace Qt::StringLiterals;

namespace {

QStringList column(const QAbstractItemModel* model, int column = 0)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row) {
        values.append(model->index(row, column).data().toString());
    }
    return values;
}

/// Clicks the middle of a header section, as a person would.
void clickSection(QHeaderView* header, int section)
{
    const QPoint middle(
        header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->viewport()->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    EmbeddedClient* m_client = nullptr;

    template <typename T> T* child(const QString& name) const
    {
        T* found = m_window->findChild<T*>(name);
        [&] { QVERIFY2(found, qPrintable(name)); }();
        return found;
    }

    /// The dialog the window opened (non-modal to the test: window-modal, shown with open()).
    template <typename T> T* dialog(const QString& name) const
    {
        T* found = nullptr;
        [&] { QTRY_VERIFY((found = m_window->findChild<T*>(name)) && found->isVisible()); }();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationDomain(u"test.kvdesk.dev"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
        auto client = EmbeddedClient::open(m_dir.filePath(u"ui.kvstore"_s));
        QVERIFY(client);
        m_client = client->get();
        QVERIFY(awaitFuture(m_client->createNamespace(u"alpha"_s)));
        QList<kv::client::PutRequest> puts;
        for (const QString& key : { u"user/1"_s, u"user/2"_s, u"user/3"_s, u"order/1"_s }) {
            puts.append({ key, "v", {}, {}, {} });
        }
        QVERIFY(awaitFuture(m_client->putMany(u"alpha"_s, puts))->committed);

        m_window = std::make_unique<MainWindow>();
        m_window->setClient(std::move(client.value()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void opensTheBackendOfAConnectionProfile()
    {
        kv::ui::ConnectionManager connections(nullptr, u"kvdesk-tst-mainwindow"_s);
        MainWindow window;
        window.setConnectionManager(&connections);
        const auto profile = kv::ui::ConnectionProfile::embedded(u"Scratch"_s, m_dir.filePath(u"scratch.kvstore"_s));
        connections.switchTo(profile, {}, kv::ui::ClientFactory::StoreMode::CreateIfMissing);
        QTRY_VERIFY(window.client() != nullptr);
        QVERIFY(window.console());
        auto* backend = window.findChild<QLabel*>(u"backendLabel"_s);
        QVERIFY2(backend->text().contains(u"Scratch"_s), qPrintable(backend->text()));
        QVERIFY(backend->text().contains(u"scratch.kvstore"_s));
        QTRY_COMPARE(window.findChild<QLabel*>(u"feedLabel"_s)->text(), u"Events: live"_s);
    }

    void listsNamespacesAndTheirKeys()
    {
        auto* namespaces = child<QTreeView>(u"namespaces"_s);
        QTRY_COMPARE(column(namespaces->model()), QStringList { u"alpha"_s });
        auto* keys = child<QTableView>(u"keys"_s);
        QTRY_COMPARE(column(keys->model()), (QStringList { u"order/1"_s, u"user/1"_s, u"user/2"_s, u"user/3"_s }));
        QVERIFY(child<QLabel>(u"backendLabel"_s)->text().contains(u"ui.kvstore"_s));
        QTRY_VERIFY(child<QLabel>(u"healthLabel"_s)->text().contains(u"ms"_s));
    }

    void filtersKeysByPrefix()
    {
        auto* keys = child<QTableView>(u"keys"_s);
        QTest::keySequence(m_window.get(), QKeySequence::Find);
        auto* search = child<QLineEdit>(u"keySearch"_s);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"user/"_s);
        QTRY_COMPARE(column(keys->model()), (QStringList { u"user/1"_s, u"user/2"_s, u"user/3"_s }));
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(keys->model()->rowCount(), 4);
    }

    void sortsKeysByAClickOnTheKeyHeader()
    {
        auto* keys = child<QTableView>(u"keys"_s);
        QHeaderView* header = keys->horizontalHeader();
        const QStringList ascending { u"order/1"_s, u"user/1"_s, u"user/2"_s, u"user/3"_s };
        const QStringList descending { u"user/3"_s, u"user/2"_s, u"user/1"_s, u"order/1"_s };
        QTRY_COMPARE(column(keys->model()), ascending);
        // A to Z at start, and the header says so.
        QVERIFY(header->isSortIndicatorShown());
        QVERIFY(header->sectionsClickable());
        QCOMPARE(header->sortIndicatorSection(), 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);

        // Z to A with a click; the selected key stays selected.
        keys->selectionModel()->select(
            keys->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"user/2"_s });
        clickSection(header, 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QTRY_COMPARE(column(keys->model()), descending);
        QTRY_COMPARE(m_window->console()->selectedKeys(), QStringList { u"user/2"_s });

        // Only keys can be ordered: a click on Size leaves the indicator (and the order) alone.
        clickSection(header, 1);
        QCOMPARE(header->sortIndicatorSection(), 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(column(keys->model()), descending);

        // The order outlives a refresh, a filter and a change of namespace.
        m_window->refresh();
        QTRY_COMPARE(column(keys->model()), descending);
        QTRY_COMPARE(m_window->console()->selectedKeys(), QStringList { u"user/2"_s });
        auto* search = child<QLineEdit>(u"keySearch"_s);
        QTest::keyClicks(search, u"user/"_s);
        QTRY_COMPARE(column(keys->model()), descending.mid(0, 3));
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(column(keys->model()), descending);

        QVERIFY(awaitFuture(m_client->createNamespace(u"sorting"_s)));
        QVERIFY(awaitFuture(
            m_client->putMany(u"sorting"_s,
                { { u"k/a"_s, "v", {}, {}, {} }, { u"k/c"_s, "v", {}, {}, {} }, { u"k/b"_s, "v", {}, {}, {} } }))
                    ->committed);
        m_window->refresh();
        auto* namespaces = child<QTreeView>(u"namespaces"_s);
        QTRY_COMPARE(column(namespaces->model()), (QStringList { u"alpha"_s, u"sorting"_s }));
        namespaces->setCurrentIndex(namespaces->model()->index(1, 0));
        QTRY_COMPARE(column(keys->model()), (QStringList { u"k/c"_s, u"k/b"_s, u"k/a"_s }));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        namespaces->setCurrentIndex(namespaces->model()->index(0, 0));
        QTRY_COMPARE(column(keys->model()), descending);
        QVERIFY(awaitFuture(m_client->deleteNamespace(u"sorting"_s)));
        m_window->refresh();
        QTRY_COMPARE(column(namespaces->model()), QStringList { u"alpha"_s });

        // A to Z again, as the next tests expect.
        clickSection(header, 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QTRY_COMPARE(column(keys->model()), ascending);
        keys->clearSelection();
    }

    void listsKeysZToAFromTheKeyboard()
    {
        auto* keys = child<QTableView>(u"keys"_s);
        QHeaderView* header = keys->horizontalHeader();
        auto* reverse = m_window->findChild<QAction*>(u"reverseKeyOrderAction"_s);
        QVERIFY(reverse);
        QVERIFY(reverse->isCheckable());
        QVERIFY(!reverse->isChecked());
        const QStringList ascending { u"order/1"_s, u"user/1"_s, u"user/2"_s, u"user/3"_s };
        const QStringList descending { u"user/3"_s, u"user/2"_s, u"user/1"_s, u"order/1"_s };
        QTRY_COMPARE(column(keys->model()), ascending);

        // Alt+E opens Edit, Z picks "Keys Z to A": the header's click without a mouse.
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(QApplication::activePopupWidget());
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Z);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        // The menu took the window's activation; the window's shortcuts in the next tests need it.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_COMPARE(column(keys->model()), descending);
        QVERIFY(reverse->isChecked());
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

        // The header and the menu show one order: a click on the header unchecks the entry.
        clickSection(header, 0);
        QTRY_COMPARE(column(keys->model()), ascending);
        QVERIFY(!reverse->isChecked());
    }

    void keyActionsFollowTheDataPage()
    {
        QTabWidget* pages = m_window->pages();
        auto* remove = m_window->findChild<QAction*>(u"deleteKeysAction"_s);
        auto* reverse = m_window->findChild<QAction*>(u"reverseKeyOrderAction"_s);
        QVERIFY(remove && reverse);
        QCOMPARE(pages->currentWidget(), m_window->console());
        QVERIFY(remove->isEnabled());
        QVERIFY(reverse->isEnabled());

        // On another page, Del and Keys Z to A have nothing in sight to act on.
        pages->setCurrentIndex(1);
        QVERIFY(!remove->isEnabled());
        QVERIFY(!reverse->isEnabled());

        // Ctrl+F from there brings the data page forward, into its search field.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget(), m_window->console());
        QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(u"keySearch"_s));
        QVERIFY(remove->isEnabled());
        QVERIFY(reverse->isEnabled());
    }

    void keepsTheSelectionThroughSortsBeforeItsPageIsBack()
    {
        // 600 keys in pages of 500: the first key A to Z is on the second page Z to A.
        QVERIFY(awaitFuture(m_client->createNamespace(u"deep"_s)));
        QList<kv::client::PutRequest> puts;
        for (int i = 0; i < 600; ++i) {
            puts.append({ u"k/"_s + QString::number(i).rightJustified(4, u'0'), "v", {}, {}, {} });
        }
        QVERIFY(awaitFuture(m_client->putMany(u"deep"_s, puts))->committed);
        m_window->refresh();
        auto* namespaces = child<QTreeView>(u"namespaces"_s);
        QTRY_COMPARE(column(namespaces->model()), (QStringList { u"alpha"_s, u"deep"_s }));
        namespaces->setCurrentIndex(namespaces->model()->index(1, 0));
        auto* keys = child<QTableView>(u"keys"_s);
        auto* model = qobject_cast<kv::ui::KeyTableModel*>(keys->model());
        QVERIFY(model);
        QHeaderView* header = keys->horizontalHeader();
        const auto firstKeyIs = [model](const QString& key) {
            return model->rowCount() > 0 && model->keyAt(0) == key && !model->isLoading();
        };
        const auto clickRow = [keys](int row) {
            QTest::mouseClick(
                keys->viewport(), Qt::LeftButton, {}, keys->visualRect(keys->model()->index(row, 0)).center());
        };
        QTRY_VERIFY(firstKeyIs(u"k/0000"_s));
        clickRow(1);
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"k/0001"_s });

        // Z to A: k/0001 is on a page not loaded yet, so nothing is selected for now...
        clickSection(header, 0);
        QTRY_VERIFY(firstKeyIs(u"k/0599"_s));
        QCOMPARE(model->rowCount(), 500);
        QVERIFY(m_window->console()->selectedKeys().isEmpty());
        // ...and back to A to Z it is selected again, though the Z to A listing never showed it.
        clickSection(header, 0);
        QTRY_VERIFY(firstKeyIs(u"k/0000"_s));
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"k/0001"_s });

        // Z to A again: scrolling down to its page selects it there.
        clickSection(header, 0);
        QTRY_VERIFY(firstKeyIs(u"k/0599"_s));
        keys->scrollToBottom();
        QTRY_COMPARE(model->rowCount(), 600);
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"k/0001"_s });

        // A selection made by hand while another is on its way back replaces it.
        clickSection(header, 0);
        QTRY_VERIFY(firstKeyIs(u"k/0000"_s));
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"k/0001"_s });
        clickSection(header, 0);
        QTRY_VERIFY(firstKeyIs(u"k/0599"_s));
        clickRow(0);
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"k/0599"_s });
        keys->scrollToBottom();
        QTRY_COMPARE(model->rowCount(), 600);
        QCOMPARE(m_window->console()->selectedKeys(), QStringList { u"k/0599"_s });

        // A to Z and the first namespace again, as the next tests expect.
        clickSection(header, 0);
        QTRY_VERIFY(firstKeyIs(u"k/0000"_s));
        namespaces->setCurrentIndex(namespaces->model()->index(0, 0));
        QTRY_COMPARE(column(keys->model()), (QStringList { u"order/1"_s, u"user/1"_s, u"user/2"_s, u"user/3"_s }));
        QVERIFY(awaitFuture(m_client->deleteNamespace(u"deep"_s)));
        m_window->refresh();
        QTRY_COMPARE(column(namespaces->model()), QStringList { u"alpha"_s });
        keys->clearSelection();
    }

    void deletesSelectedKeysAfterConfirmation()
    {
        auto* keys = child<QTableView>(u"keys"_s);
        QTRY_COMPARE(keys->model()->rowCount(), 4);
        keys->setFocus();
        keys->selectionModel()->select(
            keys->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        keys->selectionModel()->select(
            keys->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::keyClick(keys, Qt::Key_Delete);
        auto* confirm = dialog<QMessageBox>(u"deleteKeysDialog"_s);
        QVERIFY(confirm->text().contains(u"2"_s));
        QPushButton* remove = nullptr;
        for (QAbstractButton* button : confirm->buttons()) {
            if (confirm->buttonRole(button) == QMessageBox::DestructiveRole) {
                remove = qobject_cast<QPushButton*>(button);
            }
        }
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(column(keys->model()), (QStringList { u"order/1"_s, u"user/3"_s }));
        QVERIFY(!awaitFuture(m_client->getValue(u"alpha"_s, u"user/1"_s)));
        QTRY_COMPARE(child<QTreeView>(u"namespaces"_s)->model()->index(0, 2).data().toString(), u"2"_s);
    }

    void editsAValueAndKeepsUnsavedChanges()
    {
        auto* keys = child<QTableView>(u"keys"_s);
        QTRY_COMPARE(column(keys->model()), (QStringList { u"order/1"_s, u"user/3"_s }));
        keys->setCurrentIndex(keys->model()->index(1, 0));
        auto* text = child<QPlainTextEdit>(u"valueText"_s);
        QTRY_COMPARE(text->toPlainText(), u"v"_s);
        QTRY_VERIFY(!m_window->console()->editor()->isBusy());
        text->setFocus();
        text->selectAll();
        QTest::keyClicks(text, u"changed"_s);

        // Another key while this one has unsaved changes: the editor asks, and Cancel keeps them.
        keys->setCurrentIndex(keys->model()->index(0, 0));
        QMessageBox* ask = nullptr;
        QTRY_VERIFY((ask = m_window->findChild<QMessageBox*>(u"unsavedChangesBox"_s)) && ask->isVisible());
        QTest::mouseClick(ask->button(QMessageBox::Cancel), Qt::LeftButton);
        QCOMPARE(text->toPlainText(), u"changed"_s);

        // Ctrl+S saves from anywhere in the window.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keySequence(m_window.get(), QKeySequence::Save);
        QTRY_COMPARE(awaitFuture(m_client->getValue(u"alpha"_s, u"user/3"_s))->value, QByteArray("changed"));
    }

    void importsAFileAndReportsBadLines()
    {
        const QString path = m_dir.filePath(u"import.jsonl"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                "{\"key\":\"imported/1\",\"value\":\"one\"}\nnot json\n{\"key\":\"imported/2\",\"value\":\"two\"}\n");
        }
        m_window->findChild<QAction*>(u"importAction"_s)->trigger();
        auto* chooser = dialog<QFileDialog>(u"importFileDialog"_s);
        chooser->selectFile(path);
        // Accepting the dialog is what pressing its Open button does.
        static_cast<QDialog*>(chooser)->accept();
        auto* transfer = dialog<QDialog>(u"transferDialog"_s);
        auto* summary = transfer->findChild<QLabel*>(u"transferSummary"_s);
        auto* errors = transfer->findChild<QPlainTextEdit*>(u"transferErrors"_s);
        QTRY_VERIFY(errors->isVisible());
        QVERIFY2(summary->text().contains(u"2"_s), qPrintable(summary->text()));
        QVERIFY2(errors->toPlainText().startsWith(u"Line 2"_s), qPrintable(errors->toPlainText()));
        QCOMPARE(awaitFuture(m_client->getValue(u"alpha"_s, u"imported/2"_s))->value, QByteArray("two"));
        QTest::mouseClick(transfer->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<QDialog*>(u"transferDialog"_s));
        QTRY_VERIFY(column(child<QTableView>(u"keys"_s)->model()).contains(u"imported/2"_s));

        // And out again: the export writes one line per key.
        const QString out = m_dir.filePath(u"export.jsonl"_s);
        QPointer<kv::ui::TransferDialog> exporting = m_window->console()->exportTo(out);
        QTRY_VERIFY(!exporting->isRunning());
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll().count('\n'), 4);
        exporting->close();

        // Cancel before the first page arrives (no event is handled in between): no file at all.
        const QString cancelled = m_dir.filePath(u"cancelled.jsonl"_s);
        QPointer<kv::ui::TransferDialog> cancelling = m_window->console()->exportTo(cancelled);
        QTest::mouseClick(cancelling->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!cancelling->isRunning());
        QVERIFY(cancelling->report().cancelled);
        QVERIFY(!QFile::exists(cancelled));
        cancelling->close();
    }

    void createsANamespaceThroughItsDialog()
    {
        m_window->findChild<QAction*>(u"newNamespaceAction"_s)->trigger();
        auto* created = dialog<QDialog>(u"newNamespaceDialog"_s);
        auto* id = created->findChild<QLineEdit*>(u"namespaceId"_s);
        auto* problem = created->findChild<QLabel*>(u"namespaceProblem"_s);
        auto* ok = created->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(id, u"Bad Name"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!problem->text().isEmpty());
        id->clear();
        QTest::keyClicks(id, u"beta"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(problem->text().isEmpty());
        auto* plan = created->findChild<QComboBox*>(u"namespacePlan"_s);
        plan->setCurrentIndex(plan->findData(u"pro"_s));
        QTest::mouseClick(ok, Qt::LeftButton);
        auto* namespaces = child<QTreeView>(u"namespaces"_s);
        QTRY_COMPARE(column(namespaces->model()), (QStringList { u"alpha"_s, u"beta"_s }));
        QCOMPARE(namespaces->model()->index(1, 1).data().toString(), u"pro"_s);
        // The new namespace is the current one, with its (empty) key table.
        QTRY_COMPARE(m_window->console()->currentNamespace(), u"beta"_s);
    }

    void changesAPlan()
    {
        QTRY_COMPARE(m_window->console()->currentNamespace(), u"beta"_s);
        m_window->findChild<QAction*>(u"changePlanAction"_s)->trigger();
        auto* planDialog = dialog<QDialog>(u"planDialog"_s);
        auto* choice = planDialog->findChild<QComboBox*>(u"planChoice"_s);
        QCOMPARE(choice->currentData().toString(), u"pro"_s);
        choice->setCurrentIndex(choice->findData(u"business"_s));
        QTest::mouseClick(planDialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE(awaitFuture(m_client->getNamespace(u"beta"_s))->plan, u"business"_s);
    }

    void deletesANamespaceOnlyWhenItsIdIsTyped()
    {
        QTRY_COMPARE(m_window->console()->currentNamespace(), u"beta"_s);
        m_window->findChild<QAction*>(u"deleteNamespaceAction"_s)->trigger();
        auto* confirm = dialog<QDialog>(u"deleteNamespaceDialog"_s);
        auto* typed = confirm->findChild<QLineEdit*>(u"deleteConfirmation"_s);
        auto* remove = confirm->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(typed, u"bet"_s);
        QVERIFY(!remove->isEnabled());
        QTest::keyClicks(typed, u"a"_s);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(column(child<QTreeView>(u"namespaces"_s)->model()), QStringList { u"alpha"_s });
        QCOMPARE(awaitFuture(m_client->getNamespace(u"beta"_s)).error().code(), kv::ErrorCode::NamespaceNotFound);
    }

    void refreshesWithF5AndShowsFailuresInTheMessageBar()
    {
        QVERIFY(awaitFuture(m_client->createNamespace(u"gamma"_s)));
        // Shortcuts reach the active window only: the dialogs before took that away.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_COMPARE(column(child<QTreeView>(u"namespaces"_s)->model()), (QStringList { u"alpha"_s, u"gamma"_s }));

        // Another operator deletes the namespace the window shows: the reload fails, politely.
        auto* namespaces = child<QTreeView>(u"namespaces"_s);
        namespaces->setCurrentIndex(namespaces->model()->index(0, 0));
        QTRY_COMPARE(m_window->console()->currentNamespace(), u"alpha"_s);
        QVERIFY(awaitFuture(m_client->deleteNamespace(u"alpha"_s)));
        m_window->refresh();
        auto* message = child<QWidget>(u"messageBar"_s)->findChild<QLabel*>(u"messageText"_s);
        QVERIFY(message);
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(u"alpha"_s), qPrintable(message->text()));
        QTRY_COMPARE(column(namespaces->model()), QStringList { u"gamma"_s });
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
