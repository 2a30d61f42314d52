#include "DataDir.h"

#include "service/ApiKeySecret.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <fcntl.h>
#include <unistd.h>

namespace kvd {

DataDir::DataDir(QString path)
    : m_path(QDir(path).absolutePath())
{ }

QString DataDir::storePath() const
{
    return QDir(m_path).filePath(QStringLiteral("kvd.kvstore"));
}

QString DataDir::secretPath() const
{
    return QDir(m_path).filePath(QStringLiteral("server.secret"));
}

kv::Result<QByteArray> DataDir::createSecret() const
{
    if (!QDir().mkpath(m_path)) {
        return kv::Error(kv::ErrorCode::StoreIo, QStringLiteral("cannot create the data directory %1").arg(m_path));
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QByteArray hex = kv::service::generateServerSecret().toHex();
    // O_EXCL: an existing secret is never replaced, or every API key made with it would die.
    const int fd = ::open(QFile::encodeName(secretPath()).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST) {
            return kv::Error(kv::ErrorCode::BadRequest,
                QStringLiteral("%1 is already initialised (it has a server secret); kvd init runs once").arg(m_path));
        }
        return kv::Error(kv::ErrorCode::StoreIo,
            QStringLiteral("cannot create %1: %2").arg(secretPath(), QString::fromLocal8Bit(strerror(error))));
    }
    const QByteArray line = hex + '\n';
    const bool written = ::write(fd, line.constData(), static_cast<size_t>(line.size())) == line.size();
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) {
        QFile::remove(secretPath());
        return kv::Error(kv::ErrorCode::StoreIo, QStringLiteral("cannot write %1").arg(secretPath()));
    }
    return QByteArray::fromHex(hex);
}

kv::Result<QByteArray> DataDir::loadSecret() const
{
    QFile file(secretPath());
    if (!file.exists()) {
        return kv::Error(kv::ErrorCode::StoreIo,
            QStringLiteral("%1 has no server secret; run `kvd init --data %1` first").arg(m_path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return kv::Error(
            kv::ErrorCode::StoreIo, QStringLiteral("cannot read %1: %2").arg(secretPath(), file.errorString()));
    }
    const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
    if (secret.size() < 32) {
        return kv::Error(kv::ErrorCode::StoreCorrupt,
            QStringLiteral("%1 does not hold a server secret (64 hex digits)").arg(secretPath()));
    }
    return secret;
}

} // namespace kvd
