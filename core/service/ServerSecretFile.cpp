#include "service/ServerSecretFile.h"

#include "service/ApiKeySecret.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kv::service {

Result<QByteArray> createServerSecretFile(const QString& path)
{
    const QByteArray hex = generateServerSecret().toHex();
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST) {
            return Error(ErrorCode::KeyExists, QStringLiteral("%1 already holds a server secret").arg(path));
        }
        return Error(ErrorCode::StoreIo,
            QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(strerror(error))));
    }
    const QByteArray line = hex + '\n';
    const bool written = ::write(fd, line.constData(), static_cast<size_t>(line.size())) == line.size();
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) {
        QFile::remove(path);
        return Error(ErrorCode::StoreIo, QStringLiteral("cannot write %1").arg(path));
    }
    return QByteArray::fromHex(hex);
}

Result<QByteArray> readServerSecretFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::StoreIo, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
    if (secret.size() < 32) {
        return Error(
            ErrorCode::StoreCorrupt, QStringLiteral("%1 does not hold a server secret (64 hex digits)").arg(path));
    }
    return secret;
}

Result<QByteArray> openServerSecretFile(const QString& path)
{
    if (QFile::exists(path)) {
        return readServerSecretFile(path);
    }
    auto created = createServerSecretFile(path);
    // Another process may have made it between the check and the create: use theirs.
    if (!created && created.error().code() == ErrorCode::KeyExists) {
        return readServerSecretFile(path);
    }
    return created;
}

} // namespace kv::service
