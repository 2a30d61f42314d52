#include "JsonLog.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>
#include <mutex>

namespace kvd {

void log(LogLevel level, const QString& message, QJsonObject fields)
{
    static std::mutex mutex;
    const char* levelName = level == LogLevel::Info ? "info" : level == LogLevel::Warning ? "warning" : "error";
    fields.insert(QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("level"), QString::fromLatin1(levelName));
    fields.insert(QStringLiteral("msg"), message);
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    const std::lock_guard lock(mutex);
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace kvd
