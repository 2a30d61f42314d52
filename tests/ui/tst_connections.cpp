// Connections, offscreen: profiles saved to and read back from a temporary settings scope (and
// the settings file read as text holds no API key); the connection dialog driven by keyboard
// and mouse — a new local store created through a (non-native) file dialog, a kvd URL checked as
// it is typed, "Test connection" against the real kvd on a free loopback port showing its
// version, a bad key shown as unauthorized, a self-signed certificate shown and trusted;
// ClientFactory opening both kinds; ConnectionManager opening the last profile and switching.
//
// There is no session bus under ctest, so the keychain is unavailable here: that is the path a
// user without a keychain takes (the key works for the session and is written nowhere);
// tst_keychain covers the real keychain.

#include "AwaitFuture.h"
#include "ErrorCodePrinter.h"
#include "KvdProcess.h"
#include "client/Client.h"
#include "ui/connection/ClientFactory.h"
#include "ui/connection/ConnectionDialog.h"
#include "ui/connection/ConnectionManager.h"
#include "ui/connection/ProfileStore.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using kv::ErrorCode;
using kv::Result;
using kv::ui::ClientFactory;
using kv::ui::ConnectionDialog;
using kv::ui::ConnectionManager;
using kv::ui::ConnectionProfile;
using kv::ui::OpenedClient;
using kv::ui::ProfileStore;
using namespace Qt::StringLiterals;

namespace {

bool openssl(const QStringList& arguments, QString& log)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        log = u"openssl %1 failed: %2 %3"_s.arg(
            arguments.join(u' '), process.errorString(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

QString settingsText()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestConnections final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_files;
    KvdProcess m_kvd { QStringLiteral(KVD_BINARY) };
    const QString m_keychainService = u"kvdesk-test-connections"_s;

    template <typename T> static T* child(QWidget* parent, const QString& name)
    {
        T* found = parent->findChild<T*>(name);
        [&] { QVERIFY2(found, qPrintable(name)); }();
        return found;
    }

    /// A dialog with a fresh profile selected, named `name`.
    std::unique_ptr<ConnectionDialog> newProfileDialog(ConnectionManager& manager, const QString& name)
    {
        auto dialog = std::make_unique<ConnectionDialog>(manager);
        dialog->setNativeFileDialogs(false);
        dialog->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(dialog.get())); }();
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"newProfileButton"_s), Qt::LeftButton);
        auto* nameEdit = child<QLineEdit>(dialog.get(), u"profileName"_s);
        [&] { QTRY_VERIFY(nameEdit->hasFocus()); }();
        nameEdit->selectAll();
        QTest::keyClicks(nameEdit, name);
        return dialog;
    }

    void chooseRemote(ConnectionDialog* dialog)
    {
        auto* kind = child<QComboBox>(dialog, u"profileKind"_s);
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        QCOMPARE(kind->currentIndex(), 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(m_files.isValid());
        QCoreApplication::setOrganizationName(u"kvdesk-tests"_s);
        QCoreApplication::setApplicationName(u"tst_connections"_s);
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QVERIFY2(m_kvd.start(), qPrintable(m_kvd.failureLog()));
    }

    void init() { QSettings().clear(); }

    void profilesSavedAndLoaded()
    {
        ProfileStore store;
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(store.lastUsedId().isEmpty());

        ConnectionProfile local = ConnectionProfile::embedded(u"Local"_s, m_files.filePath(u"local.kvstore"_s));
        ConnectionProfile remote = ConnectionProfile::remote(u"alpha server"_s, QUrl(u"https://kvd.example:8443"_s));
        remote.trust(u"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"_s);
        QVERIFY(!remote.trust(u"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"_s));
        QVERIFY(local.id != remote.id);
        store.save(local);
        store.save(remote);
        store.setLastUsed(remote.id);

        ProfileStore reread;
        const QList<ConnectionProfile> profiles = reread.profiles();
        QCOMPARE(profiles.size(), 2);
        QVERIFY(profiles.at(0) == remote); // sorted by name, case-insensitively
        QVERIFY(profiles.at(1) == local);
        QCOMPARE(reread.lastUsedId(), remote.id);
        QVERIFY(reread.profile(local.id) == local);

        // Edit keeps the id; remove forgets the last used.
        remote.name = u"Zeta server"_s;
        reread.save(remote);
        QCOMPARE(store.profiles().at(1).name, u"Zeta server"_s);
        QCOMPARE(store.profiles().size(), 2);
        store.remove(remote.id);
        QCOMPARE(store.profiles().size(), 1);
        QVERIFY(!store.profile(remote.id));
        QVERIFY(store.lastUsedId().isEmpty());
    }

    void serverUrlChecked_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::newRow("https with port") << u"https://kvd.example.com:8443"_s << true;
        QTest::newRow("http loopback") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("trailing slash") << u"https://kvd.example.com/"_s << true;
        QTest::newRow("spaces around") << u"  https://kvd.example.com  "_s << true;
        QTest::newRow("IPv6") << u"http://[::1]:8080"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no scheme") << u"kvd.example.com"_s << false;
        QTest::newRow("ftp") << u"ftp://kvd.example.com"_s << false;
        QTest::newRow("no host") << u"https://"_s << false;
        QTest::newRow("user in it") << u"https://admin:pw@kvd.example.com"_s << false;
        QTest::newRow("a path") << u"https://kvd.example.com/v1"_s << false;
        QTest::newRow("a query") << u"https://kvd.example.com?x=1"_s << false;
        QTest::newRow("bad port") << u"https://kvd.example.com:99999"_s << false;
    }

    void serverUrlChecked()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        const QString problem = kv::ui::serverUrlProblem(url);
        QVERIFY2(problem.isEmpty() == ok, qPrintable(problem));
        if (ok) {
            QVERIFY(!kv::ui::normalizedServerUrl(url).toString().endsWith(u'/'));
        }
    }

    void urlProblemShownAsItIsTyped()
    {
        ConnectionManager manager(nullptr, m_keychainService);
        auto dialog = newProfileDialog(manager, u"typing"_s);
        chooseRemote(dialog.get());
        auto* url = child<QLineEdit>(dialog.get(), u"serverUrl"_s);
        auto* problem = child<QLabel>(dialog.get(), u"urlProblem"_s);
        auto* test = child<QPushButton>(dialog.get(), u"testConnectionButton"_s);
        auto* save = child<QPushButton>(dialog.get(), u"saveButton"_s);
        url->setFocus();
        QTest::keyClicks(url, u"ftp://kvd"_s);
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(u"https://"_s));
        QVERIFY(!test->isEnabled());
        QVERIFY(!save->isEnabled());
        url->clear();
        QTest::keyClicks(url, u"http://127.0.0.1:1"_s);
        QVERIFY(!problem->isVisible());
        QVERIFY(test->isEnabled());
        QVERIFY(save->isEnabled());
        // Every input can be reached and named.
        for (QWidget* input : dialog->findChildren<QWidget*>()) {
            if (qobject_cast<QLineEdit*>(input) || qobject_cast<QComboBox*>(input) || qobject_cast<QListWidget*>(input)
                || qobject_cast<QPushButton*>(input)) {
                QVERIFY2(!input->accessibleName().isEmpty() || !qobject_cast<QPushButton*>(input)
                        || !static_cast<QPushButton*>(input)->text().isEmpty(),
                    qPrintable(input->objectName()));
                if (!qobject_cast<QPushButton*>(input)) {
                    QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
                }
            }
        }
    }

    void dialogCreatesAnEmbeddedStoreAndConnects()
    {
        ConnectionManager manager(nullptr, m_keychainService);
        QSignalSpy switched(&manager, &ConnectionManager::switched);
        auto dialog = newProfileDialog(manager, u"My store"_s);
        QSignalSpy created(dialog.get(), &ConnectionDialog::storeCreated);
        const QString path = m_files.filePath(u"created.kvstore"_s);
        QVERIFY(!QFile::exists(path));

        QTest::mouseClick(child<QPushButton>(dialog.get(), u"newStoreButton"_s), Qt::LeftButton);
        QFileDialog* files = nullptr;
        QTRY_VERIFY((files = dialog->findChild<QFileDialog*>(u"newStoreFileDialog"_s)) && files->isVisible());
        files->selectFile(path);
        static_cast<QDialog*>(files)->accept(); // QFileDialog::accept is protected, QDialog's is not
        QTRY_COMPARE(created.size(), 1);
        QVERIFY(QFile::exists(path));
        QCOMPARE(child<QLineEdit>(dialog.get(), u"storePath"_s)->text(), QDir::toNativeSeparators(path));

        QTest::mouseClick(child<QPushButton>(dialog.get(), u"connectButton"_s), Qt::LeftButton);
        QTRY_COMPARE(switched.size(), 1);
        QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(!dialog->isVisible());
        const auto profile = switched.at(0).at(0).value<ConnectionProfile>();
        QCOMPARE(profile.name, u"My store"_s);
        QCOMPARE(profile.storePath, path);
        std::unique_ptr<kv::client::Client> client = switched.at(0).at(1).value<OpenedClient>().take();
        QVERIFY(client);
        QCOMPARE(client->thread(), QThread::currentThread());
        QCOMPARE(client->backendInfo().kind, kv::client::BackendInfo::Kind::Embedded);
        QVERIFY(awaitFuture(client->health()));

        QVERIFY(manager.profiles().profile(profile.id));
        QCOMPARE(manager.profiles().lastUsedId(), profile.id);
    }

    void dialogTestsARemoteConnection()
    {
        ConnectionManager manager(nullptr, m_keychainService);
        auto dialog = newProfileDialog(manager, u"Loopback kvd"_s);
        QSignalSpy tested(dialog.get(), &ConnectionDialog::testFinished);
        chooseRemote(dialog.get());
        auto* url = child<QLineEdit>(dialog.get(), u"serverUrl"_s);
        auto* key = child<QLineEdit>(dialog.get(), u"apiKey"_s);
        auto* result = child<QLabel>(dialog.get(), u"testResult"_s);
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QTest::keyClicks(url, m_kvd.baseUrl());
        QTest::keyClicks(key, m_kvd.adminKey());
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"testConnectionButton"_s), Qt::LeftButton);
        QTRY_COMPARE(tested.size(), 1);
        QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"kvd " KV_VERSION ""_s), qPrintable(result->text()));

        // A wrong key: unauthorized, with what to do.
        key->clear();
        QTest::keyClicks(key, u"kvd_not_a_real_key"_s);
        key->setFocus();
        QTest::keyClick(dialog.get(), Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(tested.size(), 2);
        QVERIFY(!tested.at(1).at(0).toBool());
        QVERIFY2(result->text().contains(u"unauthorized"_s), qPrintable(result->text()));
        QVERIFY2(result->text().contains(u"API key"_s), qPrintable(result->text()));

        // Saved with the right key: the settings file has the URL and not the key, whatever
        // the keychain did with it.
        key->clear();
        QTest::keyClicks(key, m_kvd.adminKey());
        QSignalSpy saved(dialog.get(), &ConnectionDialog::saved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"saveButton"_s), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        auto* status = child<QLabel>(dialog.get(), u"dialogStatus"_s);
        QTRY_VERIFY2(status->text().contains(u"keychain"_s) && !status->text().contains(u"storing"_s),
            qPrintable(status->text()));
        QVERIFY(key->text().isEmpty());
        const QString text = settingsText();
        QVERIFY2(text.contains(QString::number(m_kvd.port())), qPrintable(text));
        QVERIFY2(!text.contains(m_kvd.adminKey()), "the API key is in the settings file");
        QVERIFY2(!text.contains(u"kvd_not_a_real_key"_s), "a typed key is in the settings file");

        // The key typed this session still works with the field left empty.
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"testConnectionButton"_s), Qt::LeftButton);
        QTRY_COMPARE(tested.size(), 3);
        QVERIFY2(tested.at(2).at(0).toBool(), qPrintable(result->text()));
        QVERIFY2(!settingsText().contains(m_kvd.adminKey()), "the API key is in the settings file");

        // On a desktop with a keychain the key went there: take it out again.
        const auto profile = saved.at(0).at(0).value<ConnectionProfile>();
        QFuture<kv::ui::KeychainResult> removal = manager.removeProfile(profile.id);
        QTRY_VERIFY_WITH_TIMEOUT(removal.isFinished(), 30000);
        const kv::ui::KeychainResult removed = removal.result();
        QVERIFY2(
            removed.ok() || removed.status == kv::ui::KeychainResult::Status::Unavailable, qPrintable(removed.message));
    }

    void untrustedCertificateShownAndTrusted()
    {
        const QString certificateFile = m_files.filePath(u"kvd.crt"_s);
        const QString keyFile = m_files.filePath(u"kvd.key"_s);
        QString log;
        QVERIFY2(
            openssl({ u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                        u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                        u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, keyFile, u"-out"_s, certificateFile },
                log),
            qPrintable(log));
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificateFile);
        QCOMPARE(certificates.size(), 1);
        KvdProcess tlsKvd { QStringLiteral(KVD_BINARY) };
        QVERIFY2(tlsKvd.start({ u"--tls-cert"_s, certificateFile, u"--tls-key"_s, keyFile }),
            qPrintable(tlsKvd.failureLog()));

        ConnectionManager manager(nullptr, m_keychainService);
        auto dialog = newProfileDialog(manager, u"TLS kvd"_s);
        QSignalSpy tested(dialog.get(), &ConnectionDialog::testFinished);
        chooseRemote(dialog.get());
        QTest::keyClicks(child<QLineEdit>(dialog.get(), u"serverUrl"_s), tlsKvd.baseUrl());
        QTest::keyClicks(child<QLineEdit>(dialog.get(), u"apiKey"_s), tlsKvd.adminKey());
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"testConnectionButton"_s), Qt::LeftButton);
        QTRY_COMPARE(tested.size(), 1);
        QVERIFY(!tested.at(0).at(0).toBool());
        auto* box = child<QGroupBox>(dialog.get(), u"certificateBox"_s);
        QVERIFY(box->isVisible());
        const QString details = child<QLabel>(dialog.get(), u"certificateDetails"_s)->text();
        const QString sha256 = QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':'));
        QVERIFY2(details.contains(sha256), qPrintable(details));
        QVERIFY2(details.contains(u"127.0.0.1"_s), qPrintable(details));

        QTest::mouseClick(child<QPushButton>(dialog.get(), u"trustCertificateButton"_s), Qt::LeftButton);
        QVERIFY(!box->isVisible());
        QTRY_COMPARE(tested.size(), 2); // tested again at once, now trusting it
        QVERIFY2(tested.at(1).at(0).toBool(), qPrintable(child<QLabel>(dialog.get(), u"testResult"_s)->text()));

        QSignalSpy saved(dialog.get(), &ConnectionDialog::saved);
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"saveButton"_s), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        const auto profile = saved.at(0).at(0).value<ConnectionProfile>();
        QCOMPARE(profile.trustedCertificates(), certificates);
        QCOMPARE(manager.profiles().profile(profile.id)->trustedCertificates(), certificates);
        auto* status = child<QLabel>(dialog.get(), u"dialogStatus"_s);
        QTRY_VERIFY2(status->text().contains(u"keychain"_s) && !status->text().contains(u"storing"_s),
            qPrintable(status->text()));

        // The client made from the saved profile trusts it too.
        auto opened = awaitFuture(manager.open(*manager.profiles().profile(profile.id)));
        QVERIFY(opened);
        QVERIFY(awaitFuture(opened->get()->listNamespaces()));
        QCOMPARE(tlsKvd.terminate(), 0);

        QFuture<kv::ui::KeychainResult> removal = manager.removeProfile(profile.id);
        QTRY_VERIFY_WITH_TIMEOUT(removal.isFinished(), 30000);
    }

    void factoryOpensBothKinds()
    {
        // Embedded, created on a worker thread and handed over on this one.
        const QString path = m_files.filePath(u"sub/dir/factory.kvstore"_s);
        auto missing = awaitFuture(ClientFactory::open(ConnectionProfile::embedded(u"f"_s, path)));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::StoreIo);
        QVERIFY(!QFile::exists(path));
        auto embedded = awaitFuture(ClientFactory::open(
            ConnectionProfile::embedded(u"f"_s, path), {}, ClientFactory::StoreMode::CreateIfMissing));
        QVERIFY2(embedded, embedded ? "" : qPrintable(embedded.error().message()));
        std::unique_ptr<kv::client::Client> local = embedded->take();
        QVERIFY(local);
        QVERIFY(!embedded->take()); // once
        QCOMPARE(local->thread(), QThread::currentThread());
        QVERIFY(awaitFuture(local->createNamespace(u"made-here"_s)));
        local.reset();
        auto reopened = awaitFuture(ClientFactory::open(ConnectionProfile::embedded(u"f"_s, path)));
        QVERIFY(reopened);
        auto namespaces = awaitFuture(reopened->get()->listNamespaces());
        QVERIFY(namespaces);
        QCOMPARE(namespaces->size(), 1);

        // Remote, with the key given.
        auto remote = awaitFuture(
            ClientFactory::open(ConnectionProfile::remote(u"r"_s, QUrl(m_kvd.baseUrl())), m_kvd.adminKey()));
        QVERIFY(remote);
        QCOMPARE(remote->get()->backendInfo().kind, kv::client::BackendInfo::Kind::Remote);
        auto health = awaitFuture(remote->get()->health());
        QVERIFY(health);
        QCOMPARE(health->serverVersion, QStringLiteral(KV_VERSION));
        QVERIFY(awaitFuture(remote->get()->listNamespaces()));

        // A profile that is not usable is refused before anything opens.
        auto invalid = awaitFuture(ClientFactory::open(ConnectionProfile::remote(u"r"_s, QUrl(u"ftp://x"_s))));
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().code(), ErrorCode::BadRequest);
    }

    void managerOpensTheLastAndSwitches()
    {
        ConnectionManager manager(nullptr, m_keychainService);
        auto none = awaitFuture(manager.openLast());
        QVERIFY(!none);
        QCOMPARE(none.error().code(), ErrorCode::NotFound);

        const ConnectionProfile local = ConnectionProfile::embedded(u"local"_s, m_files.filePath(u"manager.kvstore"_s));
        ConnectionProfile remote = ConnectionProfile::remote(u"remote"_s, QUrl(m_kvd.baseUrl()));
        manager.profiles().save(local);
        manager.profiles().save(remote);
        QVERIFY(awaitFuture(ClientFactory::open(local, {}, ClientFactory::StoreMode::CreateIfMissing)));

        QSignalSpy switched(&manager, &ConnectionManager::switched);
        QSignalSpy failed(&manager, &ConnectionManager::switchFailed);
        manager.switchTo(local);
        QTRY_COMPARE(switched.size(), 1);
        QCOMPARE(manager.current()->id, local.id);
        QCOMPARE(manager.profiles().lastUsedId(), local.id);

        // A remote profile with no key anywhere asks for one (the keychain is not there under
        // ctest, or has no entry for this id).
        manager.switchTo(remote);
        QTRY_COMPARE(failed.size(), 1);
        // kv::Error has no default constructor, which QVariant::value needs.
        const auto error = *static_cast<const kv::Error*>(failed.at(0).at(1).constData());
        QCOMPARE(error.code(), ErrorCode::Unauthorized);
        QVERIFY(error.details().value(u"needsApiKey"_s).toBool());
        QVERIFY(!failed.at(0).at(2).toString().isEmpty());
        QCOMPARE(manager.profiles().lastUsedId(), local.id);

        // With the key typed, and a second switch that supersedes a first still opening.
        manager.switchTo(local);
        manager.switchTo(remote, m_kvd.adminKey());
        QTRY_COMPARE(switched.size(), 2);
        QCOMPARE(switched.at(1).at(0).value<ConnectionProfile>().id, remote.id);
        std::unique_ptr<kv::client::Client> client = switched.at(1).at(1).value<OpenedClient>().take();
        QVERIFY(awaitFuture(client->listNamespaces()));
        QCOMPARE(manager.profiles().lastUsedId(), remote.id);

        // At the next start the last profile opens again, its key from this session.
        auto last = awaitFuture(manager.openLast());
        QVERIFY2(last, last ? "" : qPrintable(last.error().message()));
        QCOMPARE(last->get()->backendInfo().kind, kv::client::BackendInfo::Kind::Remote);
        QVERIFY(!settingsText().contains(m_kvd.adminKey()));
        QCOMPARE(switched.size(), 2);

        // The same through the signals, as the main window does at start.
        QVERIFY(manager.switchToLast());
        QTRY_COMPARE(switched.size(), 3);
        QCOMPARE(switched.at(2).at(0).value<ConnectionProfile>().id, remote.id);
        manager.profiles().remove(remote.id);
        QVERIFY(!manager.switchToLast());

        // A first start: the default local store is created by the switch itself.
        const ConnectionProfile first
            = ConnectionProfile::embedded(u"first"_s, m_files.filePath(u"new/first.kvstore"_s));
        manager.switchTo(first);
        QTRY_COMPARE(failed.size(), 2); // without CreateIfMissing a missing file is an error
        QCOMPARE(static_cast<const kv::Error*>(failed.at(1).at(1).constData())->code(), ErrorCode::StoreIo);
        manager.switchTo(first, {}, ClientFactory::StoreMode::CreateIfMissing);
        QTRY_COMPARE(switched.size(), 4);
        QVERIFY(QFile::exists(first.storePath));
    }
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
