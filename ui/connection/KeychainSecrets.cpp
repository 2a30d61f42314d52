#include "ui/connection/KeychainSecrets.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPromise>

#include <memory>

namespace kv::ui {

namespace {

/// Starts `job` and settles the future when it finishes. The job has no parent and deletes
/// itself when done: deleting it while the backend works crashes later, when the Secret Service
/// answers into the freed job (measured: a manager destroyed during a write). If `owner` goes
/// first, the connection goes with it and the promise, never finished, cancels the future.
QFuture<KeychainResult> start(QKeychain::Job* job, QObject* owner, KeychainSecrets::Operation operation)
{
    auto promise = std::make_shared<QPromise<KeychainResult>>();
    QFuture<KeychainResult> future = promise->future();
    promise->start();
    // Never a plain-text file in QSettings when no keychain answers: that is the one place the
    // key must not go.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, owner, [promise, operation](QKeychain::Job* done) {
        KeychainResult result;
        if (done->error() == QKeychain::NoError) {
            if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(done)) {
                result.secret = read->textData();
            }
        } else {
            result = KeychainSecrets::describe(operation, done->error(), done->errorString());
        }
        promise->addResult(result);
        promise->finish();
    });
    job->start();
    return future;
}

} // namespace

KeychainSecrets::KeychainSecrets(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{ }

KeychainSecrets::~KeychainSecrets() = default;

QFuture<KeychainResult> KeychainSecrets::read(const QString& key)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    return start(job, this, Operation::Read);
}

QFuture<KeychainResult> KeychainSecrets::write(const QString& key, const QString& secret)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    return start(job, this, Operation::Write);
}

QFuture<KeychainResult> KeychainSecrets::remove(const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    return start(job, this, Operation::Remove);
}

KeychainResult KeychainSecrets::describe(Operation operation, int keychainError, const QString& errorString)
{
    KeychainResult result;
    result.backendError = errorString;
    const auto error = static_cast<QKeychain::Error>(keychainError);
    if (error == QKeychain::EntryNotFound) {
        // A delete of nothing reached its goal.
        result.status = operation == Operation::Remove ? KeychainResult::Status::Ok : KeychainResult::Status::NotFound;
        if (operation != Operation::Remove) {
            result.message = QCoreApplication::translate(
                "kv::ui::KeychainSecrets", "No API key is stored in the keychain for this connection: enter it.");
        }
        return result;
    }

    // What the user lost: on a write the key was not saved, on a read it has to be typed.
    QString consequence;
    switch (operation) {
    case Operation::Write:
        consequence = QCoreApplication::translate("kv::ui::KeychainSecrets",
            "The API key was not saved anywhere; you can still connect with it for this session.");
        break;
    case Operation::Read:
        consequence
            = QCoreApplication::translate("kv::ui::KeychainSecrets", "Enter the API key to connect for this session.");
        break;
    case Operation::Remove:
        consequence = QCoreApplication::translate("kv::ui::KeychainSecrets",
            "The stored API key could not be deleted; delete it with your keychain's own tool.");
        break;
    }

    // The texts below are the ones the Secret Service backend gives (measured: see
    // STACK-NOTES.md, "QtKeychain without a desktop"); QtKeychain reports most of them as
    // OtherError, so the text decides.
    const bool noBus = errorString.contains(QLatin1StringView("D-Bus"), Qt::CaseInsensitive)
        || errorString.contains(QLatin1StringView("DBus"), Qt::CaseInsensitive)
        || errorString.contains(QLatin1StringView("DBUS_SESSION_BUS_ADDRESS"));
    const bool locked = errorString.contains(QLatin1StringView("locked"), Qt::CaseInsensitive)
        || errorString.contains(QLatin1StringView("/collection/"))
        || errorString.contains(QLatin1StringView("No such secret collection"), Qt::CaseInsensitive);
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented) {
        result.status = KeychainResult::Status::Unavailable;
        result.message = QCoreApplication::translate("kv::ui::KeychainSecrets",
                             "No keychain service was found. Install and start one (GNOME Keyring or KWallet), "
                             "log out and in again, then save the connection again.")
            + u' ' + consequence;
    } else if (noBus) {
        result.status = KeychainResult::Status::Unavailable;
        result.message = QCoreApplication::translate("kv::ui::KeychainSecrets",
                             "The keychain cannot be reached because no D-Bus session is running (as in a remote "
                             "shell without a desktop). Run kvdesk in a desktop session, or start one with "
                             "dbus-run-session and a keyring daemon (gnome-keyring-daemon --unlock), then try again.")
            + u' ' + consequence;
    } else if (locked) {
        result.status = KeychainResult::Status::Unavailable;
        result.message = QCoreApplication::translate("kv::ui::KeychainSecrets",
                             "The keychain is locked or has no default keyring. Unlock it (log in to the desktop, "
                             "or unlock the \"Login\" keyring in Passwords and Keys), then try again.")
            + u' ' + consequence;
    } else if (error == QKeychain::AccessDeniedByUser || error == QKeychain::AccessDenied) {
        result.status = KeychainResult::Status::Failed;
        result.message = QCoreApplication::translate("kv::ui::KeychainSecrets",
                             "The keychain refused access to kvdesk. Allow it when the keychain asks, then try again.")
            + u' ' + consequence;
    } else {
        result.status = KeychainResult::Status::Failed;
        result.message
            = QCoreApplication::translate("kv::ui::KeychainSecrets", "The keychain failed: %1.").arg(errorString) + u' '
            + consequence;
    }
    return result;
}

} // namespace kv::ui
