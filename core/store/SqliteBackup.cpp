// SqliteStore's backup and restore: online copies through the SQLite backup API.

#include "store/SqliteStoreImpl.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kv::store {

namespace {

Error ioError(const QString& message, const QString& path)
{
    return Error(ErrorCode::StoreIo, message, QJsonObject { { QStringLiteral("path"), path } });
}

/// Removes a store file and its WAL companions.
void removeStoreFiles(const QString& path)
{
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile::remove(path + suffix);
    }
}

} // namespace

Result<void> SqliteStore::backupTo(const QString& file)
{
    if (QFileInfo::exists(file)) {
        return ioError(QStringLiteral("%1 already exists; a backup never overwrites a file").arg(file), file);
    }
    sqlite3* opened = nullptr;
    int rc = sqlite3_open_v2(
        file.toUtf8().constData(), &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> destination(opened, &sqlite3_close);
    if (rc != SQLITE_OK) {
        return ioError(
            QStringLiteral("cannot create the backup %1: %2").arg(file, QString::fromUtf8(sqlite3_errstr(rc))), file);
    }
    auto source = d->reader();
    if (!source) {
        return source.error();
    }
    // One step over every page: one read transaction, so the copy is one consistent moment of
    // the store, while writers (here or in another process) carry on in the WAL.
    sqlite3_backup* backup = sqlite3_backup_init(destination.get(), "main", (***source).handle(), "main");
    rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(destination.get());
    if (backup) {
        sqlite3_backup_finish(backup);
    }
    if (rc != SQLITE_DONE) {
        destination.reset();
        removeStoreFiles(file);
        return ioError(
            QStringLiteral("the backup to %1 failed: %2").arg(file, QString::fromUtf8(sqlite3_errstr(rc))), file);
    }
    return {};
}

Result<void> SqliteStore::restore(const QString& backupFile, const QString& storePath)
{
    if (!QFileInfo::exists(backupFile)) {
        return ioError(QStringLiteral("there is no backup file %1").arg(backupFile), backupFile);
    }
    const QString staging = storePath + QStringLiteral(".restoring");
    removeStoreFiles(staging);
    if (!QFile::copy(backupFile, staging)) {
        return ioError(QStringLiteral("cannot copy %1 beside the store").arg(backupFile), staging);
    }
    {
        // Opening checks that it is a kvdesk store this build can read and migrates it forward.
        auto opened = open(Options { staging });
        if (!opened) {
            removeStoreFiles(staging);
            return opened.error();
        }
        if (auto intact = (*opened)->checkIntegrity(); !intact) {
            opened->reset();
            removeStoreFiles(staging);
            return intact.error();
        }
    } // closed: its WAL is checkpointed into the file
    removeStoreFiles(storePath + QStringLiteral(".old"));
    if (QFileInfo::exists(storePath) && !QFile::rename(storePath, storePath + QStringLiteral(".old"))) {
        removeStoreFiles(staging);
        return ioError(QStringLiteral("cannot move the current store %1 aside").arg(storePath), storePath);
    }
    QFile::remove(storePath + QStringLiteral("-wal"));
    QFile::remove(storePath + QStringLiteral("-shm"));
    if (!QFile::rename(staging, storePath)) {
        QFile::rename(storePath + QStringLiteral(".old"), storePath);
        return ioError(QStringLiteral("cannot move the restored store into place at %1").arg(storePath), storePath);
    }
    removeStoreFiles(storePath + QStringLiteral(".old"));
    return {};
}

} // namespace kv::store
