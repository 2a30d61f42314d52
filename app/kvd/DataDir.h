#pragma once
// kvd's data directory: the store file and the server secret that keys API-key MACs. Every
// command that touches a store (init, serve, apikey) finds them here. `kvd serve` holds the
// directory's lock file (kvd.lock) while it runs, so that a second kvd cannot serve the same
// store beside it and `kvd restore` cannot replace the store under it.

#include "model/Result.h"

#include <QByteArray>
#include <QLockFile>
#include <QString>

#include <memory>

namespace kvd {

class DataDir final
{
public:
    explicit DataDir(QString path);

    [[nodiscard]] QString storePath() const;
    [[nodiscard]] QString secretPath() const;

    /// Creates the directory (0700) and a new server secret (0600, never overwritten).
    kv::Result<QByteArray> createSecret() const;
    /// The server secret; a clear error saying to run `kvd init` when there is none.
    kv::Result<QByteArray> loadSecret() const;

    /// Takes the directory's lock for as long as the returned lock lives, or fails with
    /// store_locked naming the kvd process that holds it, followed by `advice`. A lock left by a
    /// kvd that died is taken over.
    kv::Result<std::unique_ptr<QLockFile>> lock(const QString& advice) const;

private:
    QString m_path;
};

} // namespace kvd
