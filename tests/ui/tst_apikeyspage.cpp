// The API keys page, offscreen, in the main window on a real embedded store, driven by keyboard
// and mouse: a key created through the dialog (the secret shown once, copied, valid against the
// store's own key service, gone from every widget once the dialog closes), the dialog's rules
// keeping Create disabled, rotate and revoke after their confirmations (and cancelling one
// changes nothing; Del in the table is the page's, not the data page's Delete Keys), the list
// following the live feed and F5 while keeping the selection, the filter; no secret in the
// settings or the store files; and, against the real kvd through RemoteClient, a created key
// that works for a real request until it is revoked, then gets 401. tst_apikeymodel covers the
// model on its own.

#include "AwaitFuture.h"
#include "AwaitReply.h"
#include "ErrorCodePrinter.h"
#include "KvdProcess.h"
#include "client/EmbeddedClient.h"
#include "client/RemoteClient.h"
#include "service/ApiKeySecret.h"
#include "service/ApiKeyService.h"
#include "service/ServerSecretFile.h"
#include "store/SqliteStore.h"
#include "ui/MainWindow.h"
#include "ui/apikeys/ApiKeyModel.h"
#include "ui/apikeys/ApiKeysPage.h"
#include "ui/apikeys/NewApiKeyDialog.h"
#include "ui/apikeys/SecretDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <memory>

using kv::ErrorCode;
using kv::Result;
using kv::client::EmbeddedClient;
using kv::client::RemoteClient;
using kv::model::ApiKey;
using kv::model::Scope;
using kv::ui::ApiKeyModel;
using kv::ui::ApiKeysPage;
using kv::ui::MainWindow;
using kv::ui::NewApiKeyDialog;
using kv::ui::SecretDialog;
using namespace Qt::StringLiterals;

namespace {

/// Long enough for a loaded machine; QTRY returns as soon as the condition holds.
constexpr int kWaitMs = 15000;

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;
};

/// Clicks a check box or radio button on its indicator: the middle of a wide one can lie past
/// its label, where a click does nothing.
void clickButton(QAbstractButton* button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(button->height() / 2, button->height() / 2));
}

/// Every text a widget shows or tells a screen reader.
QStringList textsOf(QWidget* widget)
{
    QStringList texts { widget->windowTitle(), widget->toolTip(), widget->accessibleName(),
        widget->accessibleDescription() };
    if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
        texts.append(edit->text());
    } else if (auto* label = qobject_cast<QLabel*>(widget)) {
        texts.append(label->text());
    } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
        texts.append(button->text());
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
        texts.append(plain->toPlainText());
    } else if (auto* rich = qobject_cast<QTextEdit*>(widget)) {
        texts.append(rich->toPlainText());
    }
    return texts;
}

/// The widgets that hold `secret` anywhere in what they show.
QStringList widgetsHolding(const QString& secret)
{
    QStringList holders;
    for (QWidget* widget : QApplication::allWidgets()) {
        for (const QString& text : textsOf(widget)) {
            if (text.contains(secret)) {
                holders.append(
                    widget->objectName() + u" ("_s + QString::fromLatin1(widget->metaObject()->className()) + u')');
            }
        }
    }
    return holders;
}

/// The files under `dir` whose bytes hold `secret`.
QStringList filesHolding(const QString& dir, const QString& secret)
{
    QStringList holders;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8())) {
            holders.append(file.fileName());
        }
    }
    return holders;
}

} // namespace

class TestApiKeysPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    /// The window's own store and client (the window owns it).
    QString m_windowStore;
    EmbeddedClient* m_windowClient = nullptr;
    std::unique_ptr<MainWindow> m_window;
    ApiKeysPage* m_page = nullptr;
    /// Every secret the suite saw, for the checks that none was written anywhere.
    QStringList m_secrets;
    /// The key the create case made, and the one its rotation made.
    QString m_createdId;
    QString m_createdSecret;
    QString m_rotatedId;
    QString m_rotatedSecret;

    template <typename T> T* child(QWidget* parent, const QString& name) const
    {
        T* found = parent->findChild<T*>(name);
        [&] { QVERIFY2(found, qPrintable(name)); }();
        return found;
    }

    /// The visible dialog of this type and name that the page opened (open(), not exec()).
    template <typename T> T* dialog(const QString& name) const
    {
        T* found = nullptr;
        const auto visible = [&] {
            for (T* candidate : m_page->findChildren<T*>(name)) {
                if (candidate->isVisible()) {
                    found = candidate;
                    return true;
                }
            }
            return false;
        };
        [&] { QTRY_VERIFY_WITH_TIMEOUT(visible(), kWaitMs); }();
        return found;
    }

    /// What the page's table shows in `column` for the key `id`; empty when it does not list it.
    static QString cell(ApiKeysPage* page, const QString& id, int column)
    {
        const int row = page->model()->rowOf(id);
        return row < 0 ? QString() : page->model()->index(row, column).data().toString();
    }

    /// The names the page's table shows, top to bottom.
    static QStringList shownNames(ApiKeysPage* page)
    {
        QStringList names;
        const QAbstractItemModel* shown = page->view()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            names.append(shown->index(row, ApiKeyModel::NameColumn).data().toString());
        }
        return names;
    }

    /// Checks the secret against the store's own key service, as kvd would: the key it belongs
    /// to, or the reason it is refused.
    Result<ApiKey> authenticate(const QString& secret) const
    {
        auto store = kv::store::SqliteStore::open({ m_windowStore });
        if (!store) {
            return store.error();
        }
        auto serverSecret
            = kv::service::readServerSecretFile(QFileInfo(m_windowStore).absoluteDir().filePath(u"server.secret"_s));
        if (!serverSecret) {
            return serverSecret.error();
        }
        kv::service::ApiKeyService keys(**store, *serverSecret);
        return keys.authenticate(secret);
    }

    [[nodiscard]] std::optional<ApiKey> listedKey(const QString& id) const
    {
        const auto keys = awaitFuture(m_windowClient->listApiKeys());
        if (!keys) {
            return std::nullopt;
        }
        for (const ApiKey& key : *keys) {
            if (key.id == id) {
                return key;
            }
        }
        return std::nullopt;
    }

    /// Reads the secret out of the secret dialog that is showing, checks Copy, closes it and
    /// checks that nothing kept it.
    QString takeSecret()
    {
        QString secret;
        [&] {
            QPointer<SecretDialog> shown = dialog<SecretDialog>(u"apiKeySecretDialog"_s);
            QVERIFY(shown);
            auto* field = child<QLineEdit>(shown, u"secretField"_s);
            QVERIFY(field->isReadOnly());
            secret = field->text();
            QVERIFY2(secret.startsWith(u"kvd_"_s) && secret.size() == kv::service::ApiKeySecret::kLength,
                qPrintable(secret));
            QVERIFY(child<QLabel>(shown, u"secretWarning"_s)->text().contains(u"only time"_s));
            m_secrets.append(secret);

            QGuiApplication::clipboard()->clear();
            QTest::mouseClick(child<QPushButton>(shown, u"copySecretButton"_s), Qt::LeftButton);
            QCOMPARE(QGuiApplication::clipboard()->text(), secret);
            QCOMPARE(
                QGuiApplication::clipboard()->mimeData()->data(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));

            // What the field holds as the dialog closes, before it is deleted.
            QString atClose = u"(not closed)"_s;
            connect(shown, &QDialog::finished, this, [&atClose, field] { atClose = field->text(); });
            QTest::mouseClick(child<QPushButton>(shown, u"closeSecretButton"_s), Qt::LeftButton);
            QCOMPARE(atClose, QString());
            QTRY_VERIFY_WITH_TIMEOUT(shown.isNull(), kWaitMs);
            QCOMPARE(widgetsHolding(secret), QStringList());
        }();
        return secret;
    }

    /// Opens the new-key dialog with Ctrl+Shift+K.
    NewApiKeyDialog* openNewKeyDialog()
    {
        m_window->activateWindow();
        [&] { QVERIFY(QTest::qWaitForWindowActive(m_window.get())); }();
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
        return dialog<NewApiKeyDialog>(u"newApiKeyDialog"_s);
    }

    /// Answers the page's confirmation `name` with the button `confirm`, or Cancel when null.
    void answerConfirmation(const QString& name, const QString& confirm)
    {
        auto* box = dialog<QMessageBox>(name);
        QVERIFY(box);
        QAbstractButton* button
            = confirm.isEmpty() ? box->button(QMessageBox::Cancel) : child<QPushButton>(box, confirm);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!box->isVisible(), kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid() && m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationDomain(u"test.kvdesk.dev"_s);
        QCoreApplication::setApplicationName(u"tst_apikeyspage"_s);

        QVERIFY(QDir(m_dir.path()).mkpath(u"window"_s));
        m_windowStore = m_dir.filePath(u"window/window.kvstore"_s);
        auto windowClient = EmbeddedClient::open(m_windowStore);
        QVERIFY(windowClient);
        m_windowClient = windowClient->get();
        QVERIFY(awaitFuture(m_windowClient->createNamespace(u"alpha"_s)));
        QVERIFY(awaitFuture(m_windowClient->createNamespace(u"beta"_s)));
        QVERIFY(awaitFuture(m_windowClient->putValue(u"alpha"_s, { u"user/1"_s, "v", {}, {}, {} })));
        m_window = std::make_unique<MainWindow>();
        m_window->setClient(std::move(windowClient.value()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_page = m_window->findChild<ApiKeysPage*>(u"apiKeys"_s);
        QVERIFY(m_page);
    }

    // The page in the main window ----------------------------------------------------------

    void thePageIsAPageOfTheWindow()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        // View ▸ API Keys is the second page: Ctrl+2.
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_2));
        QTRY_COMPARE(m_window->pages()->currentWidget(), m_page);
        QCOMPARE(m_window->pages()->tabText(m_window->pages()->indexOf(m_page)), u"API Keys"_s);
        QVERIFY(m_page->isAncestorOf(QApplication::focusWidget()));
    }

    void createsAKeyThroughTheDialog()
    {
        NewApiKeyDialog* create = openNewKeyDialog();
        QVERIFY(create);
        auto* name = child<QLineEdit>(create, u"apiKeyName"_s);
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, u"checkout"_s);
        clickButton(child<QCheckBox>(create, u"scope_write"_s));
        QVERIFY(child<QCheckBox>(create, u"scope_read"_s)->isChecked());

        // Only alpha (offered, since the store has it) and gamma (typed: it need not exist yet).
        clickButton(child<QRadioButton>(create, u"someNamespaces"_s));
        auto* list = child<QListWidget>(create, u"namespaceChoices"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, kWaitMs);
        auto* ok = child<QPushButton>(create, u"createApiKeyButton"_s);
        QVERIFY(!ok->isEnabled()); // none checked yet: not "all" by accident
        QVERIFY(child<QLabel>(create, u"apiKeyNamespacesProblem"_s)->text().contains(u"at least one namespace"_s));
        list->setFocus();
        list->setCurrentItem(list->findItems(u"alpha"_s, Qt::MatchExactly).first());
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(list->findItems(u"alpha"_s, Qt::MatchExactly).first()->checkState(), Qt::Checked);
        auto* input = child<QLineEdit>(create, u"namespaceInput"_s);
        QTest::keyClicks(input, u"gamma"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(create->isVisible()); // Return added the namespace; it did not press Create
        QCOMPARE(input->text(), QString());
        QCOMPARE(list->findItems(u"gamma"_s, Qt::MatchExactly).value(0)->checkState(), Qt::Checked);

        // Expires after 30 days.
        clickButton(child<QRadioButton>(create, u"expiryAfter"_s));
        auto* duration = child<QSpinBox>(create, u"expiryDuration"_s);
        duration->setFocus();
        duration->selectAll();
        QTest::keyClicks(duration, u"30"_s);
        QCOMPARE(duration->value(), 30);

        QVERIFY(ok->isEnabled());
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QTest::mouseClick(ok, Qt::LeftButton);

        const QString secret = takeSecret();
        QVERIFY(!secret.isEmpty());

        // The listed key is the one the secret opens, and the page selected it.
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->selectedId().isEmpty(), kWaitMs);
        m_createdId = m_page->selectedId();
        m_createdSecret = secret;
        QCOMPARE(cell(m_page, m_createdId, ApiKeyModel::NameColumn), u"checkout"_s);
        const QString prefix = cell(m_page, m_createdId, ApiKeyModel::PrefixColumn);
        QVERIFY(!prefix.isEmpty());
        QVERIFY2(secret.startsWith(prefix), qPrintable(prefix));
        QCOMPARE(cell(m_page, m_createdId, ApiKeyModel::ScopesColumn), u"Read, Write"_s);
        QCOMPARE(cell(m_page, m_createdId, ApiKeyModel::NamespacesColumn), u"alpha, gamma"_s);
        QCOMPARE(cell(m_page, m_createdId, ApiKeyModel::StatusColumn), u"Active"_s);

        const auto authenticated = authenticate(secret);
        QVERIFY2(authenticated, authenticated ? "" : qPrintable(authenticated.error().message()));
        QCOMPARE(authenticated->id, m_createdId);
        QCOMPARE(authenticated->scopes, Scope::Read | Scope::Write);
        QCOMPARE(authenticated->namespaces, (QStringList { u"alpha"_s, u"gamma"_s }));
        QVERIFY(authenticated->expiresAt.has_value());
        const qint64 thirtyDays = 30LL * 24 * 3600 * 1000;
        QVERIFY(*authenticated->expiresAt >= before + thirtyDays);
        QVERIFY(*authenticated->expiresAt <= QDateTime::currentMSecsSinceEpoch() + thirtyDays);
        // One character off is refused.
        QString tampered = secret;
        tampered[20] = tampered[20] == u'a' ? u'b' : u'a';
        const auto wrong = authenticate(tampered);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code(), ErrorCode::Unauthorized);
    }

    void invalidInputKeepsCreateDisabled()
    {
        const auto keysBefore = awaitFuture(m_windowClient->listApiKeys());
        QVERIFY(keysBefore);

        // Insert in the table opens the dialog too.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_page->view()->setFocus();
        QTest::keyClick(m_page->view(), Qt::Key_Insert);
        NewApiKeyDialog* create = dialog<NewApiKeyDialog>(u"newApiKeyDialog"_s);
        QVERIFY(create);
        auto* ok = child<QPushButton>(create, u"createApiKeyButton"_s);
        auto* name = child<QLineEdit>(create, u"apiKeyName"_s);
        auto* nameProblem = child<QLabel>(create, u"apiKeyNameProblem"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(nameProblem->isHidden()); // nothing typed yet: no scolding

        QTest::keyClicks(name, u"   "_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(nameProblem->isVisible());
        QVERIFY2(nameProblem->text().contains(u"name of 1 to 200 characters"_s), qPrintable(nameProblem->text()));
        QCOMPARE(name->accessibleDescription(), nameProblem->text());
        QTest::keyClicks(name, u"ok"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(nameProblem->isHidden());

        auto* scopesProblem = child<QLabel>(create, u"apiKeyScopesProblem"_s);
        clickButton(child<QCheckBox>(create, u"scope_read"_s));
        QVERIFY(!ok->isEnabled());
        QVERIFY(scopesProblem->text().contains(u"at least one scope"_s));
        clickButton(child<QCheckBox>(create, u"scope_signal"_s));
        QVERIFY(ok->isEnabled());
        QVERIFY(scopesProblem->isHidden());

        // A typed namespace that breaks the id rule.
        auto* input = child<QLineEdit>(create, u"namespaceInput"_s);
        auto* namespacesProblem = child<QLabel>(create, u"apiKeyNamespacesProblem"_s);
        QTest::keyClicks(input, u"Bad!"_s);
        QVERIFY(child<QRadioButton>(create, u"someNamespaces"_s)->isChecked());
        QVERIFY(!ok->isEnabled());
        QVERIFY(!child<QPushButton>(create, u"addNamespaceButton"_s)->isEnabled());
        QVERIFY2(
            namespacesProblem->text().contains(u"not a valid namespace id"_s), qPrintable(namespacesProblem->text()));
        input->clear();
        clickButton(child<QRadioButton>(create, u"allNamespaces"_s));
        QVERIFY(ok->isEnabled());

        // An expiry date ten years back.
        clickButton(child<QRadioButton>(create, u"expiryAt"_s));
        auto* when = child<QDateTimeEdit>(create, u"expiryTime"_s);
        QVERIFY(when->isEnabled());
        QVERIFY(ok->isEnabled()); // the default date lies ahead
        when->setFocus();
        when->setCurrentSection(QDateTimeEdit::YearSection);
        QTest::keyClick(when, Qt::Key_PageDown);
        QVERIFY(when->dateTime() < QDateTime::currentDateTime());
        QVERIFY(!ok->isEnabled());
        auto* expiryProblem = child<QLabel>(create, u"apiKeyExpiryProblem"_s);
        QVERIFY2(expiryProblem->text().contains(u"must lie in the future"_s), qPrintable(expiryProblem->text()));
        clickButton(child<QRadioButton>(create, u"expiryNever"_s));
        QVERIFY(ok->isEnabled());

        // Cancel makes nothing.
        QTest::mouseClick(create->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!create->isVisible());
        const auto keysAfter = awaitFuture(m_windowClient->listApiKeys());
        QVERIFY(keysAfter);
        QCOMPARE(keysAfter->size(), keysBefore->size());
    }

    void rotatesAfterConfirmation()
    {
        QVERIFY(!m_createdId.isEmpty());
        m_page->selectKey(m_createdId);
        QCOMPARE(m_page->selectedId(), m_createdId);
        const QString oldPrefix = cell(m_page, m_createdId, ApiKeyModel::PrefixColumn);
        auto* rotate = child<QWidget>(m_page, u"rotateApiKeyButton"_s);
        QVERIFY(rotate->isEnabled());
        QTest::mouseClick(rotate, Qt::LeftButton);
        auto* confirm = dialog<QMessageBox>(u"rotateApiKeyDialog"_s);
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(u"checkout"_s) && confirm->text().contains(oldPrefix));
        QVERIFY(confirm->informativeText().contains(u"401"_s));
        answerConfirmation(u"rotateApiKeyDialog"_s, u"confirmRotateButton"_s);

        const QString secret = takeSecret();
        QVERIFY(!secret.isEmpty());
        QVERIFY(secret != m_createdSecret);
        QVERIFY(!secret.startsWith(oldPrefix));

        // The old key reads rotated; its replacement is listed, selected, under a new prefix.
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_page, m_createdId, ApiKeyModel::StatusColumn), u"Rotated"_s, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedId() != m_createdId && !m_page->selectedId().isEmpty(), kWaitMs);
        m_rotatedId = m_page->selectedId();
        m_rotatedSecret = secret;
        QCOMPARE(cell(m_page, m_rotatedId, ApiKeyModel::NameColumn), u"checkout"_s);
        QCOMPARE(cell(m_page, m_rotatedId, ApiKeyModel::StatusColumn), u"Active"_s);
        const QString newPrefix = cell(m_page, m_rotatedId, ApiKeyModel::PrefixColumn);
        QVERIFY(newPrefix != oldPrefix);
        QVERIFY(secret.startsWith(newPrefix));

        const auto retired = authenticate(m_createdSecret);
        QVERIFY(!retired);
        QCOMPARE(retired.error().code(), ErrorCode::Unauthorized);
        const auto current = authenticate(secret);
        QVERIFY2(current, current ? "" : qPrintable(current.error().message()));
        QCOMPARE(current->id, m_rotatedId);

        // A rotated key cannot be rotated or revoked again.
        m_page->selectKey(m_createdId);
        QVERIFY(!rotate->isEnabled());
        QVERIFY(!child<QWidget>(m_page, u"revokeApiKeyButton"_s)->isEnabled());
    }

    void revokesOnlyAfterConfirmation()
    {
        QVERIFY(!m_rotatedId.isEmpty());
        // A key is selected on the (hidden) data page, whose Delete Keys holds Del window-wide.
        auto* dataKeys = child<QTableView>(m_window.get(), u"keys"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dataKeys->model()->rowCount(), 1, kWaitMs);
        dataKeys->selectionModel()->select(
            dataKeys->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_page->selectKey(m_rotatedId);
        auto* view = m_page->view();
        view->setFocus();

        // Del asks; Cancel leaves the key alone (and the data page's Delete Keys stays out of it).
        QTest::keyClick(view, Qt::Key_Delete);
        auto* confirm = dialog<QMessageBox>(u"revokeApiKeyDialog"_s);
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(u"checkout"_s));
        QVERIFY(confirm->informativeText().contains(u"401"_s));
        QVERIFY(!m_window->findChild<QMessageBox*>(u"deleteKeysDialog"_s));
        answerConfirmation(u"revokeApiKeyDialog"_s, {});
        QVERIFY(!listedKey(m_rotatedId)->revokedAt.has_value());
        QVERIFY(authenticate(m_rotatedSecret).ok());
        QCOMPARE(cell(m_page, m_rotatedId, ApiKeyModel::StatusColumn), u"Active"_s);

        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        answerConfirmation(u"revokeApiKeyDialog"_s, u"confirmRevokeButton"_s);
        QVERIFY(!m_window->findChild<QMessageBox*>(u"deleteKeysDialog"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_page, m_rotatedId, ApiKeyModel::StatusColumn), u"Revoked"_s, kWaitMs);
        QCOMPARE(m_page->selectedId(), m_rotatedId);
        QVERIFY(listedKey(m_rotatedId)->revokedAt.has_value());
        const auto refused = authenticate(m_rotatedSecret);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Unauthorized);
        QVERIFY(!child<QWidget>(m_page, u"revokeApiKeyButton"_s)->isEnabled());
    }

    void followsApiKeyEventsAndKeepsTheSelection()
    {
        m_page->selectKey(m_createdId);
        QCOMPARE(m_page->selectedId(), m_createdId);
        // Made elsewhere (another kvdesk, kvd apikey create): the audit event brings it in.
        auto elsewhere = awaitFuture(m_windowClient->createApiKey({ u"from elsewhere"_s, Scope::Read, {}, {} }));
        QVERIFY(elsewhere);
        m_secrets.append(elsewhere->secret);
        QTRY_VERIFY_WITH_TIMEOUT(shownNames(m_page).contains(u"from elsewhere"_s), kWaitMs);
        QCOMPARE(m_page->selectedId(), m_createdId);
        QVERIFY(awaitFuture(m_windowClient->revokeApiKey(elsewhere->key.id)));
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_page, elsewhere->key.id, ApiKeyModel::StatusColumn), u"Revoked"_s, kWaitMs);
        QCOMPARE(m_page->selectedId(), m_createdId);

        // F5 reloads too, keeping the selection.
        auto quiet = awaitFuture(m_windowClient->createApiKey({ u"seen on F5"_s, Scope::Read, {}, {} }));
        QVERIFY(quiet);
        m_secrets.append(quiet->secret);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keySequence(m_window.get(), QKeySequence::Refresh);
        QTRY_VERIFY_WITH_TIMEOUT(shownNames(m_page).contains(u"seen on F5"_s), kWaitMs);
        QCOMPARE(m_page->selectedId(), m_createdId);
    }

    void filtersByNameOrPrefix()
    {
        auto* filter = child<QLineEdit>(m_page, u"apiKeyFilter"_s);
        filter->setFocus();
        QTest::keyClicks(filter, u"CHECK"_s);
        QCOMPARE(shownNames(m_page), (QStringList { u"checkout"_s, u"checkout"_s }));
        filter->clear();
        const QString prefix = cell(m_page, m_rotatedId, ApiKeyModel::PrefixColumn);
        QTest::keyClicks(filter, prefix.mid(6));
        QCOMPARE(shownNames(m_page), QStringList { u"checkout"_s });
        filter->clear();

        // Only the keys that still work.
        auto* inactive = child<QCheckBox>(m_page, u"showInactiveKeys"_s);
        QVERIFY(inactive->isChecked());
        clickButton(inactive);
        QCOMPARE(shownNames(m_page), QStringList { u"seen on F5"_s });
        clickButton(inactive);
        QCOMPARE(shownNames(m_page).size(), m_page->model()->rowCount());
    }

    void writesNoSecretAnywhere()
    {
        QVERIFY(m_secrets.size() >= 4);
        m_window->close(); // writes the window's settings
        QSettings().sync();
        const QStringList places { m_settings.path(),
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation), m_dir.path() };
        QVERIFY(QFileInfo(QSettings().fileName()).size() > 0);
        for (const QString& secret : std::as_const(m_secrets)) {
            for (const QString& place : places) {
                QCOMPARE(filesHolding(place, secret), QStringList());
                // Nor the secret's random part on its own.
                QCOMPARE(filesHolding(place, secret.mid(16, 32)), QStringList());
            }
            QCOMPARE(widgetsHolding(secret), QStringList());
        }
    }

    // Against the real kvd -----------------------------------------------------------------

    void aKeyMadeOnKvdWorksUntilRevoked()
    {
        KvdProcess kvd(QStringLiteral(KVD_BINARY));
        QVERIFY2(kvd.start(), qPrintable(kvd.failureLog()));
        RemoteClient::Options options;
        options.baseUrl = QUrl(kvd.baseUrl());
        options.apiKey = kvd.adminKey();
        options.timeout = std::chrono::seconds(30);
        RemoteClient admin(options);
        QVERIFY(awaitFuture(admin.createNamespace(u"remote"_s)));

        ApiKeysPage page(admin);
        page.resize(900, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, kWaitMs); // the admin key of kvd init

        QTest::mouseClick(child<QWidget>(&page, u"newApiKeyButton"_s), Qt::LeftButton);
        NewApiKeyDialog* create = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (create = page.findChild<NewApiKeyDialog*>(u"newApiKeyDialog"_s)) && create->isVisible(), kWaitMs);
        QTest::keyClicks(child<QLineEdit>(create, u"apiKeyName"_s), u"remote reader"_s);
        QTest::mouseClick(child<QPushButton>(create, u"createApiKeyButton"_s), Qt::LeftButton);
        SecretDialog* shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shown = page.findChild<SecretDialog*>(u"apiKeySecretDialog"_s)) && shown->isVisible(), kWaitMs);
        const QString secret = child<QLineEdit>(shown, u"secretField"_s)->text();
        QVERIFY(secret.startsWith(u"kvd_"_s));
        QTest::keyClick(shown, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!page.selectedId().isEmpty(), kWaitMs);
        const QString id = page.selectedId();
        QCOMPARE(cell(&page, id, ApiKeyModel::NameColumn), u"remote reader"_s);

        // A real request with the new key, as any client of kvd would make it.
        QNetworkAccessManager network;
        const auto get = [&] {
            QNetworkRequest request(QUrl(kvd.baseUrl() + u"/v1/namespaces"_s));
            request.setRawHeader("Authorization", "Bearer " + secret.toLatin1());
            return awaitReply<HttpReply>(network.get(request), kWaitMs);
        };
        const HttpReply allowed = get();
        QCOMPARE(allowed.status, 200);
        QVERIFY(allowed.body.contains("remote"));

        page.view()->setFocus();
        QTest::keyClick(page.view(), Qt::Key_Delete);
        QMessageBox* confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (confirm = page.findChild<QMessageBox*>(u"revokeApiKeyDialog"_s)) && confirm->isVisible(), kWaitMs);
        QTest::mouseClick(child<QPushButton>(confirm, u"confirmRevokeButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cell(&page, id, ApiKeyModel::StatusColumn), u"Revoked"_s, kWaitMs);

        const HttpReply refused = get();
        QCOMPARE(refused.status, 401);
        QVERIFY(refused.body.contains("revoked"));
    }
};

QTEST_MAIN(TestApiKeysPage)
#include "tst_apikeyspage.moc"
