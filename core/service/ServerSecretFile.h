#pragma once
// The server secret that keys API-key MACs lives in a file of its own beside the store (kvd's
// data directory has it as server.secret; an embedded store opened by kvdesk gets one the same
// way), so that whoever opens the store — kvd or kvdesk — checks and issues the same keys.

#include "model/Result.h"

#include <QByteArray>
#include <QString>

namespace kv::service {

/// Writes a new secret (64 hex digits) to `path`, readable by the owner only. The file is
/// created exclusively: an existing secret is never replaced, or every key made with it would
/// die; then the error is KeyExists.
Result<QByteArray> createServerSecretFile(const QString& path);

/// Reads the secret in `path`: StoreIo when it cannot be read, StoreCorrupt when it holds none.
Result<QByteArray> readServerSecretFile(const QString& path);

/// Reads the secret in `path`, creating it first when there is none.
Result<QByteArray> openServerSecretFile(const QString& path);

} // namespace kv::service
