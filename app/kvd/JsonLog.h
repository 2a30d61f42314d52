#pragma once
// kvd logs JSON lines on stderr, one object per event, so that journald, Loki or jq can read
// them; every request line carries its request id.

#include <QJsonObject>
#include <QString>

namespace kvd {

enum class LogLevel { Info, Warning, Error };

/// Writes {"ts": ..., "level": ..., "msg": ..., ...fields} as one line; safe from any thread.
void log(LogLevel level, const QString& message, QJsonObject fields = {});

} // namespace kvd
