#pragma once
// kvd's data directory: the store file and the server secret that keys API-key MACs. Every
// command that touches a store (init, serve, apikey) finds them here.

#include "model/Result.h"

#include <QByteArray>
#include <QString>

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

private:
    QString m_path;
};

} // namespace kvd
