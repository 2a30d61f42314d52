#pragma once
// The commands an operator runs beside (or before) the server: `kvd init` and
// `kvd apikey create|list|revoke`. They work on the data directory directly.

#include <QStringList>

namespace kvd {

int init(const QStringList& arguments);
int apikey(const QStringList& arguments);

} // namespace kvd
