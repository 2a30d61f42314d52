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

} // namespace kvd
