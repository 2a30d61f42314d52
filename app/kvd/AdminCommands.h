#pragma once
// The commands an operator runs beside (or before) the server: `kvd init`,
// `kvd apikey create|list|revoke`, `kvd backup FILE` and `kvd restore FILE`. They work on the
// data directory directly.

#include <QStringList>

namespace kvd {

int init(const QStringList& arguments);
int apikey(const QStringList& arguments);
/// Online: kvd may keep serving while the copy is made.
int backup(const QStringList& arguments);
/// Offline: stop kvd first.
int restore(const QStringList& arguments);

} // namespace kvd
