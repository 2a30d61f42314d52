// KeychainSecrets against QtKeychain's real backend (the Secret Service of an unlocked
// gnome-keyring that scripts/test starts in a throwaway D-Bus session and HOME): write, read back,
// overwrite, delete. Then, in a child process that has no session bus at all, what a user
// without a keychain meets: a message that says what to do, the key kept for the session only,
// and nothing written to the settings.
//
// Without a session bus (a plain `ctest`) the real-backend cases skip; scripts/test sets
// KV_KEYCHAIN_REQUIRED=1, which turns that skip into a failure, so its run cannot pass by skipping.

#include "ui/connection/ConnectionManager.h"
#include "ui/connection/KeychainSecrets.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <type_traits>

using kv::ui::ConnectionManager;
using kv::ui::KeychainResult;
using kv::ui::KeychainSecrets;
using namespace Qt::StringLiterals;

namespace {

template <typename T> T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<T>::finished);
    watcher.setFuture(future);
    if (!future.isFinished()) {
        [&] { QVERIFY2(finished.wait(30000), "the keychain did not answer in 30 s"); }();
    }
    if (future.isCanceled() || future.resultCount() == 0) {
        if constexpr (std::is_default_constructible_v<T>) {
            return T { KeychainResult::Status::Failed, {}, u"cancelled"_s, {} };
        } else {
            return T(kv::Error(kv::ErrorCode::Cancelled, u"cancelled"_s));
        }
    }
    return future.result();
}

const char* statusName(KeychainResult::Status status)
{
    switch (status) {
    case KeychainResult::Status::Ok:
        return "ok";
    case KeychainResult::Status::NotFound:
        return "not found";
    case KeychainResult::Status::Unavailable:
        return "unavailable";
    case KeychainResult::Status::Failed:
        return "failed";
    }
    return "?";
}

QByteArray describe(const KeychainResult& result)
{
    return QByteArray(statusName(result.status)) + ": " + result.message.toUtf8() + " [" + result.backendError.toUtf8()
        + ']';
}

/// Points every user-scope QSettings of this process at `dir`, whatever its format.
void isolateSettings(const QString& dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

/// The files under `dir` whose bytes contain `secret`.
QStringList filesContaining(const QString& dir, const QString& secret)
{
    QStringList found;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8())) {
            found.append(file.fileName());
        }
    }
    return found;
}

} // namespace

/// The real backend; runs in the session scripts/test prepares.
class TestKeychain final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    /// A service name of its own per run, so a developer's real keychain is never touched.
    QString m_service = u"kvdesk-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool m_required = qEnvironmentVariableIntValue("KV_KEYCHAIN_REQUIRED") == 1;

    /// Skips (or, when the keychain is required, fails) without a session bus.
    bool needsKeychain()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            return true;
        }
        if (m_required) {
            QTest::qFail("KV_KEYCHAIN_REQUIRED=1 but there is no D-Bus session bus", __FILE__, __LINE__);
        } else {
            QTest::qSkip("no D-Bus session bus; scripts/test runs this with a real keychain", __FILE__, __LINE__);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QCoreApplication::setOrganizationName(u"kvdesk-tests"_s);
        QCoreApplication::setApplicationName(u"tst_keychain"_s);
        isolateSettings(m_settings.path());
    }

    /// The texts measured on these machines (STACK-NOTES.md) become a message that says what to
    /// do, and a status that lets the caller keep the key for the session.
    void describesMeasuredErrors_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("advice");
        const int write = static_cast<int>(KeychainSecrets::Operation::Write);
        const int read = static_cast<int>(KeychainSecrets::Operation::Read);
        const int remove = static_cast<int>(KeychainSecrets::Operation::Remove);
        const int unavailable = static_cast<int>(KeychainResult::Status::Unavailable);
        QTest::newRow("no session bus") << write << 7 << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s
                                        << unavailable << u"dbus-run-session"_s;
        QTest::newRow("no login keyring")
            << write << 7 << u"Object does not exist at path “/org/freedesktop/secrets/collection/login”"_s
            << unavailable << u"Unlock it"_s;
        QTest::newRow("locked keyring") << write << 4 << u"Cannot create an item in a locked collection"_s
                                        << unavailable << u"Unlock it"_s;
        QTest::newRow("no backend") << write << 5 << u"No keychain service available"_s << unavailable
                                    << u"GNOME Keyring or KWallet"_s;
        QTest::newRow("read, no session bus")
            << read << 7 << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s << unavailable << u"Enter the API key"_s;
        QTest::newRow("user said no") << write << 3 << u"Access denied"_s
                                      << static_cast<int>(KeychainResult::Status::Failed) << u"Allow it"_s;
        QTest::newRow("read of nothing") << read << 1 << u"No match"_s
                                         << static_cast<int>(KeychainResult::Status::NotFound) << u"enter it"_s;
        QTest::newRow("delete of nothing")
            << remove << 1 << u"No match"_s << static_cast<int>(KeychainResult::Status::Ok) << QString();
    }

    void describesMeasuredErrors()
    {
        QFETCH(int, operation);
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(QString, advice);
        const KeychainResult result
            = KeychainSecrets::describe(static_cast<KeychainSecrets::Operation>(operation), error, text);
        QCOMPARE(statusName(result.status), statusName(static_cast<KeychainResult::Status>(status)));
        QVERIFY2(result.message.contains(advice), qPrintable(result.message));
        QCOMPARE(result.backendError, text);
        if (operation == static_cast<int>(KeychainSecrets::Operation::Write)
            && result.status != KeychainResult::Status::Ok) {
            QVERIFY2(result.message.contains(u"not saved"_s), qPrintable(result.message));
        }
    }

    void writeReadOverwriteDelete()
    {
        if (!needsKeychain()) {
            return;
        }
        KeychainSecrets keychain(m_service);
        const QString key = u"profile-1"_s;

        const KeychainResult written = await(keychain.write(key, u"kvd_first_secret"_s));
        QVERIFY2(written.ok(), describe(written).constData());
        const KeychainResult read = await(keychain.read(key));
        QVERIFY2(read.ok(), describe(read).constData());
        QCOMPARE(read.secret, u"kvd_first_secret"_s);

        const KeychainResult overwritten = await(keychain.write(key, u"kvd_second_secret"_s));
        QVERIFY2(overwritten.ok(), describe(overwritten).constData());
        QCOMPARE(await(keychain.read(key)).secret, u"kvd_second_secret"_s);

        // Another key of the same service is another entry.
        QVERIFY(await(keychain.write(u"profile-2"_s, u"kvd_other"_s)).ok());
        QCOMPARE(await(keychain.read(key)).secret, u"kvd_second_secret"_s);

        const KeychainResult removed = await(keychain.remove(key));
        QVERIFY2(removed.ok(), describe(removed).constData());
        const KeychainResult gone = await(keychain.read(key));
        QCOMPARE(statusName(gone.status), statusName(KeychainResult::Status::NotFound));
        QVERIFY(!gone.message.isEmpty());
        // Deleting what is not there reaches the goal.
        QVERIFY2(await(keychain.remove(key)).ok(), "a second delete");
        QVERIFY(await(keychain.remove(u"profile-2"_s)).ok());

        // The keychain has it; the settings never had it.
        QVERIFY2(filesContaining(m_settings.path(), u"kvd_second_secret"_s).isEmpty(),
            qPrintable(filesContaining(m_settings.path(), u"kvd_second_secret"_s).join(u", ")));
    }

    /// A KeychainSecrets deleted while the Secret Service still works on its write: the future
    /// is cancelled, and the answer that comes later lands nowhere (it crashed when the job was
    /// the owner's child).
    void ownerGoneDuringAWrite()
    {
        if (!needsKeychain()) {
            return;
        }
        auto keychain = std::make_unique<KeychainSecrets>(m_service);
        QFuture<KeychainResult> write = keychain->write(u"gone"_s, u"kvd_owner_gone"_s);
        keychain.reset();
        QTRY_VERIFY(write.isFinished());
        QVERIFY(write.isCanceled());
        // The write itself went on; the process is fine and can clean up.
        KeychainSecrets later(m_service);
        const KeychainResult read = await(later.read(u"gone"_s));
        QVERIFY2(read.ok(), describe(read).constData());
        QCOMPARE(read.secret, u"kvd_owner_gone"_s);
        QVERIFY(await(later.remove(u"gone"_s)).ok());
    }

    /// The manager finds a saved key in the keychain in a later session (a new manager).
    void managerReadsTheKeychainInALaterSession()
    {
        if (!needsKeychain()) {
            return;
        }
        auto profile = kv::ui::ConnectionProfile::remote(u"server"_s, QUrl(u"http://127.0.0.1:1"_s));
        {
            ConnectionManager first(nullptr, m_service);
            first.profiles().save(profile);
            const KeychainResult stored = await(first.storeApiKey(profile.id, u"kvd_manager_secret"_s));
            QVERIFY2(stored.ok(), describe(stored).constData());
        }
        ConnectionManager later(nullptr, m_service);
        const kv::Result<QString> key = await(later.apiKeyFor(profile));
        QVERIFY2(key, key ? "" : qPrintable(key.error().message()));
        QCOMPARE(key.value(), u"kvd_manager_secret"_s);
        const KeychainResult removed = await(later.removeProfile(profile.id));
        QVERIFY2(removed.ok(), describe(removed).constData());
        QVERIFY(!later.profiles().profile(profile.id));
        const kv::Result<QString> none = await(later.apiKeyFor(profile));
        QVERIFY(!none);
        QCOMPARE(none.error().code(), kv::ErrorCode::Unauthorized);
        QVERIFY(none.error().details().value(u"needsApiKey"_s).toBool());

        QSettings settings;
        settings.sync();
        QVERIFY2(filesContaining(m_settings.path(), u"kvd_manager_secret"_s).isEmpty(), "the key reached a file");
    }

    /// Runs TestNoKeychain in a child process without any session bus or display.
    void withoutAKeychain()
    {
        QTemporaryDir runtime;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString& name :
            { u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"XDG_CURRENT_DESKTOP"_s }) {
            environment.remove(name);
        }
        // No $XDG_RUNTIME_DIR/bus either, where D-Bus would look next.
        environment.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
        environment.insert(u"KV_KEYCHAIN_CHILD"_s, u"1"_s);
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(10000));
        QSignalSpy finished(&child, &QProcess::finished);
        QVERIFY(finished.wait(120000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        // Each of its cases ran and none skipped.
        QVERIFY2(!output.contains("SKIP"), output.constData());
        QVERIFY2(output.contains("Totals: 5 passed, 0 failed, 0 skipped"), output.constData());
        qDebug().noquote() << QString::fromUtf8(output);
    }
};

/// What a user without a keychain meets; run by TestKeychain::withoutAKeychain in a child process.
class TestNoKeychain final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
        QCoreApplication::setOrganizationName(u"kvdesk-tests"_s);
        QCoreApplication::setApplicationName(u"tst_keychain_none"_s);
        isolateSettings(m_settings.path());
    }

    void writeSaysWhatToDo()
    {
        KeychainSecrets keychain(u"kvdesk-test-none"_s);
        const KeychainResult written = await(keychain.write(u"profile"_s, u"kvd_never_stored"_s));
        QCOMPARE(statusName(written.status), statusName(KeychainResult::Status::Unavailable));
        QVERIFY2(written.message.contains(u"dbus-run-session"_s), describe(written).constData());
        QVERIFY2(written.message.contains(u"not saved"_s), describe(written).constData());
        QVERIFY2(written.message.contains(u"this session"_s), describe(written).constData());
        const KeychainResult read = await(keychain.read(u"profile"_s));
        QCOMPARE(statusName(read.status), statusName(KeychainResult::Status::Unavailable));
        QVERIFY2(read.message.contains(u"Enter the API key"_s), describe(read).constData());
    }

    /// The user can still connect for this session with the key typed in; a later session asks
    /// again, with the keychain's message.
    void keyKeptForTheSessionOnly()
    {
        auto profile = kv::ui::ConnectionProfile::remote(u"server"_s, QUrl(u"http://127.0.0.1:1"_s));
        {
            ConnectionManager manager(nullptr, u"kvdesk-test-none"_s);
            manager.profiles().save(profile);
            const KeychainResult stored = await(manager.storeApiKey(profile.id, u"kvd_session_only"_s));
            QCOMPARE(statusName(stored.status), statusName(KeychainResult::Status::Unavailable));
            const kv::Result<QString> key = await(manager.apiKeyFor(profile));
            QVERIFY(key);
            QCOMPARE(key.value(), u"kvd_session_only"_s);
            const auto opened = await(manager.open(profile));
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
            QVERIFY(opened->get());
        }
        ConnectionManager later(nullptr, u"kvdesk-test-none"_s);
        const kv::Result<QString> none = await(later.apiKeyFor(profile));
        QVERIFY(!none);
        QCOMPARE(none.error().code(), kv::ErrorCode::Unauthorized);
        QVERIFY(none.error().details().value(u"needsApiKey"_s).toBool());
        QVERIFY2(none.error().message().contains(u"dbus-run-session"_s), qPrintable(none.error().message()));
    }

    void nothingReachedTheSettings()
    {
        QSettings settings;
        settings.sync();
        QVERIFY2(QFile::exists(settings.fileName()), qPrintable(settings.fileName())); // the profile is there
        QVERIFY2(filesContaining(m_settings.path(), u"kvd_never_stored"_s).isEmpty(), "a key reached a file");
        QVERIFY2(filesContaining(m_settings.path(), u"kvd_session_only"_s).isEmpty(), "a key reached a file");
        QVERIFY2(!filesContaining(m_settings.path(), u"server"_s).isEmpty(), "the profile was not saved");
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIntValue("KV_KEYCHAIN_CHILD") == 1) {
        TestNoKeychain test;
        return QTest::qExec(&test, argc, argv);
    }
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
