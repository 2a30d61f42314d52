#include "ui/connection/ClientFactory.h"

#include "client/EmbeddedClient.h"
#include "client/RemoteClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace kv::ui {

struct OpenedClient::Holder
{
    std::unique_ptr<client::Client> client;

    Holder(std::unique_ptr<client::Client> c)
        : client(std::move(c))
    { }
    Holder(const Holder&) = delete;
    Holder& operator=(const Holder&) = delete;
    Holder(Holder&&) = delete;
    Holder& operator=(Holder&&) = delete;
    ~Holder()
    {
        // The last copy of a future's result may go on a worker thread; a QObject is deleted
        // on its own thread.
        if (client && client->thread() != QThread::currentThread()) {
            client.release()->deleteLater();
        }
    }
};

OpenedClient::OpenedClient(std::unique_ptr<client::Client> client)
    : m_holder(std::make_shared<Holder>(std::move(client)))
{ }

client::Client* OpenedClient::get() const
{
    return m_holder ? m_holder->client.get() : nullptr;
}

std::unique_ptr<client::Client> OpenedClient::take() const
{
    return m_holder ? std::move(m_holder->client) : nullptr;
}

QFuture<Result<OpenedClient>> ClientFactory::open(
    const ConnectionProfile& profile, const QString& apiKey, StoreMode mode)
{
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        return QtFuture::makeReadyFuture(Result<OpenedClient>(Error(ErrorCode::BadRequest, problem)));
    }
    if (profile.isRemote()) {
        return QtFuture::makeReadyFuture(Result<OpenedClient>(OpenedClient(remote(profile, apiKey))));
    }

    QThread* const owner = QThread::currentThread();
    const QString path = profile.storePath;
    return QtConcurrent::run([path, mode, owner]() -> Result<OpenedClient> {
        const QFileInfo file(path);
        if (!file.exists()) {
            if (mode == StoreMode::MustExist) {
                return Error(ErrorCode::StoreIo,
                    QCoreApplication::translate("kv::ui::ClientFactory",
                        "The store file %1 does not exist any more. Choose it again where it went, or create a new "
                        "store.")
                        .arg(QDir::toNativeSeparators(path)));
            }
            if (!QDir().mkpath(file.absolutePath())) {
                return Error(ErrorCode::StoreIo,
                    QCoreApplication::translate("kv::ui::ClientFactory", "The folder %1 could not be created.")
                        .arg(QDir::toNativeSeparators(file.absolutePath())));
            }
        }
        auto opened = client::EmbeddedClient::open(path);
        if (!opened) {
            return opened.error();
        }
        // Made on this worker thread, used on the caller's: its signals and child objects must
        // live there before anyone connects to it.
        opened.value()->moveToThread(owner);
        return OpenedClient(std::move(opened.value()));
    });
}

std::unique_ptr<client::Client> ClientFactory::remote(const ConnectionProfile& profile, const QString& apiKey)
{
    client::RemoteClient::Options options;
    options.baseUrl = profile.url;
    options.apiKey = apiKey;
    options.trustedCertificates = profile.trustedCertificates();
    return std::make_unique<client::RemoteClient>(std::move(options));
}

std::unique_ptr<client::Client> ClientFactory::probeClient(const ConnectionProfile& profile, const QString& apiKey)
{
    client::RemoteClient::Options options;
    options.baseUrl = profile.url;
    options.apiKey = apiKey;
    options.trustedCertificates = profile.trustedCertificates();
    options.maxAttempts = 1;
    options.timeout = std::chrono::milliseconds(10'000);
    return std::make_unique<client::RemoteClient>(std::move(options));
}

QString connectionErrorText(const Error& error)
{
    QString advice;
    switch (error.code()) {
    case ErrorCode::Unauthorized:
        advice = QCoreApplication::translate("kv::ui::ClientFactory",
            "The server did not accept the API key: check it, or ask the server's operator for a new one.");
        break;
    case ErrorCode::Forbidden:
        advice = QCoreApplication::translate(
            "kv::ui::ClientFactory", "The API key works but may not do this: kvdesk needs a key with the admin scope.");
        break;
    case ErrorCode::Network:
    case ErrorCode::Timeout:
    case ErrorCode::Unavailable:
        advice = QCoreApplication::translate(
            "kv::ui::ClientFactory", "The server could not be reached: check the address and that kvd is running.");
        break;
    case ErrorCode::TlsError:
        advice = QCoreApplication::translate("kv::ui::ClientFactory",
            "The server's certificate is not trusted. Check its fingerprint with the server's operator "
            "before you trust it.");
        break;
    case ErrorCode::StoreCorrupt:
    case ErrorCode::StoreTooNew:
    case ErrorCode::StoreLocked:
    case ErrorCode::StoreIo:
        advice = QCoreApplication::translate("kv::ui::ClientFactory", "The local store could not be opened.");
        break;
    default:
        break;
    }
    const QString detail = QStringLiteral("%1 (%2)").arg(error.message(), error.codeName());
    return advice.isEmpty() ? detail : advice + u'\n' + detail;
}

} // namespace kv::ui
