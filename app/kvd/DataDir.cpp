#include "DataDir.h"

#include "service/ServerSecretFile.h"

#include <QDir>
#include <QFile>

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
    auto created = kv::service::createServerSecretFile(secretPath());
    if (!created && created.error().code() == kv::ErrorCode::KeyExists) {
        return kv::Error(kv::ErrorCode::BadRequest,
            QStringLiteral("%1 is already initialised (it has a server secret); kvd init runs once").arg(m_path));
    }
    return created;
}

kv::Result<QByteArray> DataDir::loadSecret() const
{
    if (!QFile::exists(secretPath())) {
        return kv::Error(kv::ErrorCode::StoreIo,
            QStringLiteral("%1 has no server secret; run `kvd init --data %1` first").arg(m_path));
    }
    return kv::service::readServerSecretFile(secretPath());
}

kv::Result<std::unique_ptr<QLockFile>> DataDir::lock(const QString& advice) const
{
    auto lock = std::make_unique<QLockFile>(QDir(m_path).filePath(QStringLiteral("kvd.lock")));
    // Stale only when its process is gone, never by age: kvd serves for months.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        return lock;
    }
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        return kv::Error(kv::ErrorCode::StoreLocked,
            QStringLiteral("a kvd (pid %1) is serving %2: %3").arg(pid).arg(m_path, advice),
            { { QStringLiteral("path"), m_path }, { QStringLiteral("pid"), pid } });
    }
    return kv::Error(kv::ErrorCode::StoreIo,
        QStringLiteral("cannot create the lock file %1 (is the data directory writable?)").arg(lock->fileName()),
        { { QStringLiteral("path"), lock->fileName() } });
}

} // namespace kvd
