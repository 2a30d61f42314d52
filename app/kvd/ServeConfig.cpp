#include "ServeConfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#include <sys/stat.h>

namespace kvd {

namespace {

using kv::Error;
using kv::ErrorCode;

/// A value's fault, before it is placed at a file:line or a flag.
using Check = kv::Result<void>;

Error invalid(const QString& message)
{
    return Error(ErrorCode::BadRequest, message);
}

// Values -------------------------------------------------------------------------------------

kv::Result<qint64> parseInteger(const QString& text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return invalid(QStringLiteral("expected a whole number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(text));
    }
    return value;
}

/// A byte count: a number, optionally with K/KiB, M/MiB or G/GiB (all binary).
kv::Result<qint64> parseBytes(const QString& text, qint64 min, qint64 max)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]+)\\s*(|k|kib|m|mib|g|gib)$"), QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    bool ok = false;
    qint64 value = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    const QString unit = match.captured(2).toLower();
    const qint64 scale = unit.startsWith(QLatin1Char('g')) ? 1024LL * 1024 * 1024
        : unit.startsWith(QLatin1Char('m'))                ? 1024LL * 1024
        : unit.startsWith(QLatin1Char('k'))                ? 1024LL
                                                           : 1LL;
    if (ok && value > std::numeric_limits<qint64>::max() / scale) {
        ok = false;
    }
    value *= scale;
    if (!ok || value < min || value > max) {
        return invalid(QStringLiteral("expected a byte size from %1 to %2 (a number, optionally with KiB, MiB or "
                                      "GiB), got \"%3\"")
                           .arg(min)
                           .arg(max)
                           .arg(text));
    }
    return value;
}

/// A quota: a count or size (bytes take suffixes), or -1 / "unlimited".
kv::Result<qint64> parseQuota(const QString& text, bool bytes)
{
    if (text.compare(QLatin1StringView("unlimited"), Qt::CaseInsensitive) == 0 || text == QLatin1StringView("-1")) {
        return qint64 { -1 };
    }
    auto value = bytes ? parseBytes(text, 0, std::numeric_limits<qint64>::max())
                       : parseInteger(text, 0, std::numeric_limits<qint64>::max());
    if (!value) {
        return invalid(QStringLiteral("expected a number of at least 0, or -1 or \"unlimited\", got \"%1\"").arg(text));
    }
    return value;
}

kv::Result<double> parseRate(const QString& text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (text.trimmed() == QLatin1StringView("unlimited")) {
        return 0.0;
    }
    if (!ok || !std::isfinite(value) || value < 0 || value > 1e9) {
        return invalid(
            QStringLiteral("expected requests per second (e.g. 50 or 0.5; 0 or unlimited: no limit), got \"%1\"")
                .arg(text));
    }
    return value;
}

/// "a, b,c" → {a, b, c}; empty items are an error (a stray comma is a typo).
kv::Result<QStringList> parseList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(QLatin1Char(','))) {
        const QString trimmed = item.trimmed();
        if (trimmed.isEmpty()) {
            return invalid(QStringLiteral("expected a comma-separated list without empty items, got \"%1\"").arg(text));
        }
        items.append(trimmed);
    }
    return items;
}

struct ListenAddress
{
    QString host;
    quint16 port = 0;
};

kv::Result<ListenAddress> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port > 65535 || QHostAddress(host).isNull()) {
        return invalid(
            QStringLiteral("expected an IP address and port, e.g. 127.0.0.1:8787 or [::]:8443, got \"%1\"").arg(text));
    }
    return ListenAddress { host, static_cast<quint16>(port) };
}

kv::Result<std::chrono::seconds> parseSeconds(const QString& text)
{
    auto value = parseInteger(text, 1, 24 * 60 * 60);
    if (!value) {
        return invalid(QStringLiteral("expected whole seconds from 1 to 86400, got \"%1\"").arg(text));
    }
    return std::chrono::seconds(*value);
}

/// Plan ids follow the namespace id rule: they appear in URLs, audit events and webhooks.
bool isPlanId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$"));
    return pattern.match(id).hasMatch();
}

// Settings -----------------------------------------------------------------------------------

/// Where a value came from: "FILE:LINE" or "--flag".
struct Origin
{
    QString where;
    QString file; ///< set for a config file
    int line = 0;

    [[nodiscard]] Error error(const QString& message) const
    {
        QJsonObject details;
        if (!file.isEmpty()) {
            details.insert(QStringLiteral("file"), file);
            details.insert(QStringLiteral("line"), line);
        }
        return Error(ErrorCode::BadRequest, QStringLiteral("%1: %2").arg(where, message), details);
    }
};

/// Resolves a path from a config file against the file's directory; a flag's stays as given.
QString resolvePath(const QString& value, const Origin& origin)
{
    if (origin.file.isEmpty() || QDir::isAbsolutePath(value)) {
        return value;
    }
    return QDir(QFileInfo(origin.file).absolutePath()).filePath(value);
}

/// One global, [tls], [limits] or [billing] setting: how to apply a value to the config.
using Setter = std::function<Check(const QString& value, const Origin& origin, ServeConfig& config)>;

template <typename T, typename Parse, typename Apply> Setter setter(Parse parse, Apply apply)
{
    return [parse, apply](const QString& value, const Origin& origin, ServeConfig& config) -> Check {
        kv::Result<T> parsed = parse(value);
        if (!parsed) {
            return parsed.error();
        }
        apply(config, std::move(parsed.value()), origin);
        return {};
    };
}

Setter bytesLimit(qint64 min, qint64 max, qsizetype kv::model::Limits::*member)
{
    return setter<qint64>([min, max](const QString& v) { return parseBytes(v, min, max); },
        [member](ServeConfig& c, qint64 v, const Origin&) { c.limits.*member = static_cast<qsizetype>(v); });
}

Setter signalBytes(qint64 min, qint64 max, qsizetype kv::model::SignalLimits::*member)
{
    return setter<qint64>([min, max](const QString& v) { return parseBytes(v, min, max); },
        [member](ServeConfig& c, qint64 v, const Origin&) { c.signalLimits.*member = static_cast<qsizetype>(v); });
}

Setter pathSetting(QString ServeConfig::*member)
{
    return [member](const QString& value, const Origin& origin, ServeConfig& config) -> Check {
        if (value.isEmpty()) {
            return invalid(QStringLiteral("expected a path"));
        }
        config.*member = resolvePath(value, origin);
        return {};
    };
}

/// Settings by section ("" is the global one) and key. Their flags are the key with '-' for '_'
/// (the flag names below say where they differ).
const QHash<QString, QHash<QString, Setter>>& settings()
{
    static const QHash<QString, QHash<QString, Setter>> table {
        { QString(),
            {
                { QStringLiteral("listen"),
                    setter<ListenAddress>(parseListen,
                        [](ServeConfig& c, const ListenAddress& a, const Origin&) {
                            c.listenHost = a.host;
                            c.listenPort = a.port;
                        }) },
                { QStringLiteral("data"), pathSetting(&ServeConfig::dataDir) },
                { QStringLiteral("threads"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 0, 1024); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.threads = static_cast<int>(v); }) },
                { QStringLiteral("max_connections"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 1, 1'000'000); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.maxConnections = static_cast<int>(v); }) },
                { QStringLiteral("allow_origin"),
                    setter<QStringList>(parseList,
                        [](ServeConfig& c, QStringList v, const Origin&) { c.allowedOrigins = std::move(v); }) },
                { QStringLiteral("header_timeout"),
                    setter<std::chrono::seconds>(parseSeconds,
                        [](ServeConfig& c, std::chrono::seconds v, const Origin&) { c.headerTimeout = v; }) },
                { QStringLiteral("idle_timeout"),
                    setter<std::chrono::seconds>(parseSeconds,
                        [](ServeConfig& c, std::chrono::seconds v, const Origin&) { c.idleTimeout = v; }) },
                { QStringLiteral("flush_interval"),
                    setter<std::chrono::seconds>(parseSeconds,
                        [](ServeConfig& c, std::chrono::seconds v, const Origin&) { c.flushInterval = v; }) },
            } },
        { QStringLiteral("tls"),
            {
                { QStringLiteral("certificate"), pathSetting(&ServeConfig::tlsCertificateFile) },
                { QStringLiteral("private_key"), pathSetting(&ServeConfig::tlsPrivateKeyFile) },
            } },
        { QStringLiteral("limits"),
            {
                // Keys travel in the URL and metadata in a header: both stay well inside the
                // 16 KiB header limit. Values are held in memory whole, hence 1 GiB at most.
                { QStringLiteral("max_key_bytes"), bytesLimit(1, 4096, &kv::model::Limits::maxKeyBytes) },
                { QStringLiteral("max_value_bytes"),
                    bytesLimit(1, 1024LL * 1024 * 1024, &kv::model::Limits::maxValueBytes) },
                { QStringLiteral("max_metadata_bytes"), bytesLimit(2, 8192, &kv::model::Limits::maxMetadataBytes) },
                { QStringLiteral("max_list_limit"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 1, 100'000); },
                        [](ServeConfig& c, qint64 v, const Origin&) {
                            c.limits.maxListLimit = static_cast<int>(v);
                            c.limits.defaultListLimit = std::min(c.limits.defaultListLimit, c.limits.maxListLimit);
                        }) },
                { QStringLiteral("max_batch_items"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 1, 100'000); },
                        [](ServeConfig& c, qint64 v, const Origin&) {
                            c.limits.maxBatchItems = static_cast<qsizetype>(v);
                        }) },
            } },
        { QStringLiteral("billing"),
            {
                { QStringLiteral("webhook_secret_file"), pathSetting(&ServeConfig::webhookSecretFile) },
            } },
        { QStringLiteral("websocket"),
            {
                { QStringLiteral("ping_interval"),
                    setter<std::chrono::seconds>(parseSeconds,
                        [](ServeConfig& c, std::chrono::seconds v, const Origin&) { c.pingInterval = v; }) },
                { QStringLiteral("send_backlog"),
                    setter<qint64>([](const QString& v) { return parseBytes(v, 64 * 1024, 1024LL * 1024 * 1024); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.sendBacklogBytes = v; }) },
                { QStringLiteral("event_backlog"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 1, 10'000'000); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.eventBacklog = static_cast<int>(v); }) },
            } },
        { QStringLiteral("signal"),
            {
                { QStringLiteral("auth_timeout"),
                    setter<std::chrono::seconds>(parseSeconds,
                        [](ServeConfig& c, std::chrono::seconds v, const Origin&) { c.signalAuthTimeout = v; }) },
                { QStringLiteral("resume_grace"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 0, 24 * 60 * 60); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.resumeGrace = std::chrono::seconds(v); }) },
                { QStringLiteral("max_message_bytes"),
                    signalBytes(1024, 16 * 1024 * 1024, &kv::model::SignalLimits::maxMessageBytes) },
                { QStringLiteral("max_sdp_bytes"),
                    signalBytes(256, 16 * 1024 * 1024, &kv::model::SignalLimits::maxSdpBytes) },
                { QStringLiteral("max_candidate_bytes"),
                    signalBytes(64, 64 * 1024, &kv::model::SignalLimits::maxCandidateBytes) },
                { QStringLiteral("messages_per_second"),
                    setter<double>(parseRate,
                        [](ServeConfig& c, double v, const Origin&) { c.signalLimits.messagesPerSecond = v; }) },
                { QStringLiteral("message_burst"),
                    setter<qint64>([](const QString& v) { return parseInteger(v, 1, 100'000'000); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.signalLimits.messageBurst = v; }) },
                { QStringLiteral("bytes_per_second"),
                    setter<qint64>([](const QString& v) { return parseBytes(v, 0, 1024LL * 1024 * 1024); },
                        [](ServeConfig& c, qint64 v, const Origin&) {
                            c.signalLimits.bytesPerSecond = static_cast<double>(v);
                        }) },
                { QStringLiteral("byte_burst"),
                    setter<qint64>([](const QString& v) { return parseBytes(v, 1024, 1024LL * 1024 * 1024); },
                        [](ServeConfig& c, qint64 v, const Origin&) { c.signalLimits.byteBurst = v; }) },
            } },
    };
    return table;
}

/// The keys of a [plan.ID] section.
using PlanSetter = std::function<Check(const QString& value, kv::model::Plan& plan)>;

template <typename T, typename Parse, typename Apply> PlanSetter planSetter(Parse parse, Apply apply)
{
    return [parse, apply](const QString& value, kv::model::Plan& plan) -> Check {
        kv::Result<T> parsed = parse(value);
        if (!parsed) {
            return parsed.error();
        }
        apply(plan, std::move(parsed.value()));
        return {};
    };
}

PlanSetter quotaSetter(qint64 kv::model::Quota::*member, bool bytes = false)
{
    return planSetter<qint64>([bytes](const QString& v) { return parseQuota(v, bytes); },
        [member](kv::model::Plan& p, qint64 v) { p.quota.*member = v; });
}

const QHash<QString, PlanSetter>& planSettings()
{
    static const QHash<QString, PlanSetter> table {
        { QStringLiteral("name"),
            [](const QString& value, kv::model::Plan& plan) -> Check {
                if (value.isEmpty() || value.size() > 100) {
                    return invalid(QStringLiteral("expected a display name of 1 to 100 characters"));
                }
                plan.name = value;
                return {};
            } },
        { QStringLiteral("reads_per_month"), quotaSetter(&kv::model::Quota::readsPerMonth) },
        { QStringLiteral("writes_per_month"), quotaSetter(&kv::model::Quota::writesPerMonth) },
        { QStringLiteral("lists_per_month"), quotaSetter(&kv::model::Quota::listsPerMonth) },
        { QStringLiteral("deletes_per_month"), quotaSetter(&kv::model::Quota::deletesPerMonth) },
        { QStringLiteral("storage_bytes"), quotaSetter(&kv::model::Quota::storageBytes, true) },
        { QStringLiteral("rate_per_second"),
            planSetter<double>(parseRate, [](kv::model::Plan& p, double v) { p.ratePerSecond = v; }) },
        { QStringLiteral("burst"),
            planSetter<qint64>([](const QString& v) { return parseInteger(v, 0, 100'000'000); },
                [](kv::model::Plan& p, qint64 v) { p.burst = static_cast<int>(v); }) },
        { QStringLiteral("price_ids"),
            planSetter<QStringList>(parseList, [](kv::model::Plan& p, QStringList v) { p.priceIds = std::move(v); }) },
    };
    return table;
}

QString sortedKeys(QStringList keys)
{
    keys.sort();
    return keys.join(QStringLiteral(", "));
}

/// Strips a comment (a # or ; after whitespace) and surrounding double quotes from a value.
kv::Result<QString> cleanValue(QString value)
{
    value = value.trimmed();
    if (value.startsWith(QLatin1Char('"'))) {
        const qsizetype end = value.indexOf(QLatin1Char('"'), 1);
        if (end < 0) {
            return invalid(QStringLiteral("the quoted value has no closing \""));
        }
        const QString rest = value.mid(end + 1).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#')) && !rest.startsWith(QLatin1Char(';'))) {
            return invalid(QStringLiteral("unexpected text after the quoted value: \"%1\"").arg(rest));
        }
        return value.mid(1, end - 1);
    }
    for (qsizetype i = 1; i < value.size(); ++i) {
        if ((value[i] == QLatin1Char('#') || value[i] == QLatin1Char(';')) && value[i - 1].isSpace()) {
            return value.left(i).trimmed();
        }
    }
    return value;
}

} // namespace

// The file ----------------------------------------------------------------------------------

kv::Result<void> readConfigFile(const QString& path, ServeConfig& config)
{
    QFile file(path);
    const QJsonObject details { { QStringLiteral("file"), path } };
    if (!QFileInfo::exists(path)) {
        return Error(ErrorCode::BadRequest, QStringLiteral("%1: the config file does not exist").arg(path), details);
    }
    if (QFileInfo(path).isDir()) {
        return Error(ErrorCode::BadRequest, QStringLiteral("%1: is a directory, not a config file").arg(path), details);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("%1: cannot read the config file: %2").arg(path, file.errorString()), details);
    }
    config.configFile = path;
    return readConfigText(file.readAll(), path, config);
}

kv::Result<void> readConfigText(const QByteArray& text, const QString& path, ServeConfig& config)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QString section;
    bool inPlan = false;
    kv::model::Plan* plan = nullptr;
    QHash<QString, int> seen; // "section/key" → line, to catch a key given twice
    QHash<QString, int> planLines; // plan id → line of its section header
    QHash<QString, QStringList> planKeys; // plan id → keys it set
    QList<kv::model::Plan> builtins = kv::model::Plan::builtins();

    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNumber = static_cast<int>(index) + 1;
        const Origin origin { QStringLiteral("%1:%2").arg(path).arg(lineNumber), absolute, lineNumber };
        QByteArray raw = lines[index];
        if (raw.endsWith('\r')) {
            raw.chop(1);
        }
        if (index == 0 && raw.startsWith("\xEF\xBB\xBF")) {
            raw.remove(0, 3); // a UTF-8 byte-order mark some editors write
        }
        const QString line = QString::fromUtf8(raw).trimmed();
        if (QString::fromUtf8(raw).toUtf8() != raw) {
            return origin.error(QStringLiteral("the line is not valid UTF-8"));
        }
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        if (line.startsWith(QLatin1Char('['))) {
            auto cleaned = cleanValue(line);
            const QString header = cleaned ? *cleaned : line;
            if (!header.endsWith(QLatin1Char(']'))) {
                return origin.error(QStringLiteral("a section header looks like [name]; got \"%1\"").arg(line));
            }
            const QString name = header.mid(1, header.size() - 2).trimmed();
            if (name.startsWith(QLatin1StringView("plan."))) {
                const QString id = name.mid(5);
                if (!isPlanId(id)) {
                    return origin.error(QStringLiteral("\"%1\" is not a plan id (lower-case letters, digits, _ and -, "
                                                       "starting with a letter or digit, at most 63)")
                                            .arg(id));
                }
                if (planLines.contains(id)) {
                    return origin.error(
                        QStringLiteral("[plan.%1] is already defined at line %2").arg(id).arg(planLines.value(id)));
                }
                planLines.insert(id, lineNumber);
                auto existing = std::find_if(
                    config.plans.begin(), config.plans.end(), [&id](const kv::model::Plan& p) { return p.id == id; });
                if (existing == config.plans.end()) {
                    // A new plan: unlimited quotas until the section says otherwise.
                    kv::model::Plan fresh;
                    fresh.id = id;
                    fresh.name = id;
                    config.plans.append(fresh);
                    existing = config.plans.end() - 1;
                }
                plan = &*existing;
                inPlan = true;
                section = name;
                continue;
            }
            if (name == QLatin1StringView("server")) {
                section.clear();
            } else if (settings().contains(name) && !name.isEmpty()) {
                section = name;
            } else {
                return origin.error(
                    QStringLiteral("unknown section [%1]; known: [server], [tls], [limits], [billing], [websocket], "
                                   "[signal], [plan.ID]")
                        .arg(name));
            }
            inPlan = false;
            plan = nullptr;
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0) {
            return origin.error(QStringLiteral("expected key = value or [section]; got \"%1\"").arg(line));
        }
        const QString key = line.left(equals).trimmed();
        auto value = cleanValue(line.mid(equals + 1));
        if (!value) {
            return origin.error(value.error().message());
        }
        const QString sectionName = section.isEmpty() ? QStringLiteral("server") : section;
        if (key.isEmpty()) {
            return origin.error(QStringLiteral("a key is missing before ="));
        }
        const QString seenKey = sectionName + QLatin1Char('/') + key;
        if (seen.contains(seenKey)) {
            return origin.error(QStringLiteral("%1 is already set at line %2 (a list is comma-separated on one line)")
                                    .arg(key)
                                    .arg(seen.value(seenKey)));
        }
        seen.insert(seenKey, lineNumber);
        if (inPlan) {
            const auto found = planSettings().constFind(key);
            if (found == planSettings().constEnd()) {
                return origin.error(QStringLiteral("unknown key \"%1\" in [%2]; known: %3")
                                        .arg(key, section, sortedKeys(planSettings().keys())));
            }
            if (auto applied = (*found)(*value, *plan); !applied) {
                return origin.error(QStringLiteral("%1: %2").arg(key, applied.error().message()));
            }
            planKeys[plan->id].append(key);
            continue;
        }
        const auto& keys = settings()[section];
        const auto found = keys.constFind(key);
        if (found == keys.constEnd()) {
            return origin.error(
                QStringLiteral("unknown key \"%1\" in [%2]; known: %3").arg(key, sectionName, sortedKeys(keys.keys())));
        }
        if (auto applied = (*found)(*value, origin, config); !applied) {
            return origin.error(QStringLiteral("%1: %2").arg(key, applied.error().message()));
        }
    }

    // A new plan needs its rate: 0 requests per second would refuse every request.
    for (auto it = planLines.constBegin(); it != planLines.constEnd(); ++it) {
        const bool builtin = kv::model::findPlan(builtins, it.key()).has_value();
        const QStringList& given = planKeys.value(it.key());
        const Origin origin { QStringLiteral("%1:%2").arg(path).arg(it.value()), absolute, it.value() };
        for (const QString& required : { QStringLiteral("rate_per_second"), QStringLiteral("burst") }) {
            if (!builtin && !given.contains(required)) {
                return origin.error(
                    QStringLiteral("[plan.%1] needs %2 (a new plan has no default rate)").arg(it.key(), required));
            }
        }
    }
    // A price id selects one plan in a billing webhook; two plans cannot share one.
    QHash<QString, QString> owners;
    for (const kv::model::Plan& each : config.plans) {
        for (const QString& price : each.priceIds) {
            if (owners.contains(price)) {
                const QString id = planLines.contains(each.id) ? each.id : owners.value(price);
                const int line = planLines.value(id);
                const Origin origin { QStringLiteral("%1:%2").arg(path).arg(line), absolute, line };
                return origin.error(QStringLiteral("price id \"%1\" belongs to both plan %2 and plan %3")
                                        .arg(price, owners.value(price), each.id));
            }
            owners.insert(price, each.id);
        }
    }
    return {};
}

// Flags --------------------------------------------------------------------------------------

namespace {

struct Flag
{
    QString name;
    QString valueName;
    QString help;
    /// The config setting it overrides: section and key ("" section: global).
    QString section;
    QString key;
};

const QList<Flag>& flags()
{
    static const QList<Flag> list {
        { QStringLiteral("data"), QStringLiteral("dir"),
            QStringLiteral("The data directory (holds kvd.kvstore and server.secret). Required, here or in the "
                           "config file."),
            {}, QStringLiteral("data") },
        { QStringLiteral("listen"), QStringLiteral("host:port"),
            QStringLiteral("Address and port to listen on (default 127.0.0.1:8787; port 0 picks a free one)."), {},
            QStringLiteral("listen") },
        { QStringLiteral("threads"), QStringLiteral("n"), QStringLiteral("Server threads (default 0: one per core)."),
            {}, QStringLiteral("threads") },
        { QStringLiteral("max-connections"), QStringLiteral("n"),
            QStringLiteral("Open connections at most (default 1024)."), {}, QStringLiteral("max_connections") },
        { QStringLiteral("header-timeout"), QStringLiteral("seconds"),
            QStringLiteral("Time to send a request's headers (and the TLS handshake) before the connection closes "
                           "(default 10)."),
            {}, QStringLiteral("header_timeout") },
        { QStringLiteral("idle-timeout"), QStringLiteral("seconds"),
            QStringLiteral("Time a kept-alive connection may wait for its next request (default 60)."), {},
            QStringLiteral("idle_timeout") },
        { QStringLiteral("flush-interval"), QStringLiteral("seconds"),
            QStringLiteral("How often usage counters and API-key last-used times are written to the store, in one "
                           "transaction each (default 5)."),
            {}, QStringLiteral("flush_interval") },
        { QStringLiteral("tls-cert"), QStringLiteral("file"),
            QStringLiteral("PEM certificate chain, leaf first: serve HTTPS (with --tls-key)."), QStringLiteral("tls"),
            QStringLiteral("certificate") },
        { QStringLiteral("tls-key"), QStringLiteral("file"),
            QStringLiteral("PEM private key of the certificate, unencrypted (with --tls-cert)."), QStringLiteral("tls"),
            QStringLiteral("private_key") },
        { QStringLiteral("max-key-bytes"), QStringLiteral("bytes"),
            QStringLiteral("Longest key in UTF-8 bytes (default 512, at most 4096)."), QStringLiteral("limits"),
            QStringLiteral("max_key_bytes") },
        { QStringLiteral("max-value-bytes"), QStringLiteral("bytes"),
            QStringLiteral("Largest value (default 25MiB, at most 1GiB; KiB, MiB, GiB suffixes)."),
            QStringLiteral("limits"), QStringLiteral("max_value_bytes") },
        { QStringLiteral("max-metadata-bytes"), QStringLiteral("bytes"),
            QStringLiteral("Largest metadata JSON object (default 1024, at most 8192)."), QStringLiteral("limits"),
            QStringLiteral("max_metadata_bytes") },
        { QStringLiteral("max-list-limit"), QStringLiteral("n"),
            QStringLiteral("Most keys in one listing page (default 1000)."), QStringLiteral("limits"),
            QStringLiteral("max_list_limit") },
        { QStringLiteral("max-batch-items"), QStringLiteral("n"),
            QStringLiteral("Most items in one bulk request (default 10000)."), QStringLiteral("limits"),
            QStringLiteral("max_batch_items") },
        { QStringLiteral("webhook-secret-file"), QStringLiteral("file"),
            QStringLiteral("File holding the billing webhook's signing secret (mode 0600 or 0400)."),
            QStringLiteral("billing"), QStringLiteral("webhook_secret_file") },
        { QStringLiteral("ping-interval"), QStringLiteral("seconds"),
            QStringLiteral("WebSocket pings (/v1/signal, /v1/admin/events) this often; a client from which nothing "
                           "arrives within one more interval is dropped (default 15)."),
            QStringLiteral("websocket"), QStringLiteral("ping_interval") },
        { QStringLiteral("send-backlog"), QStringLiteral("bytes"),
            QStringLiteral("Bytes queued to one WebSocket client before it is closed as a slow consumer (default "
                           "4MiB)."),
            QStringLiteral("websocket"), QStringLiteral("send_backlog") },
        { QStringLiteral("event-backlog"), QStringLiteral("n"),
            QStringLiteral("Admin events queued to one /v1/admin/events client before it is closed as a slow "
                           "consumer (default 8192)."),
            QStringLiteral("websocket"), QStringLiteral("event_backlog") },
        { QStringLiteral("signal-auth-timeout"), QStringLiteral("seconds"),
            QStringLiteral("Time a /v1/signal connection has to send its auth message (default 5)."),
            QStringLiteral("signal"), QStringLiteral("auth_timeout") },
        { QStringLiteral("resume-grace"), QStringLiteral("seconds"),
            QStringLiteral("How long a dropped peer's id is held for its resume token (default 30; 0: not held)."),
            QStringLiteral("signal"), QStringLiteral("resume_grace") },
        { QStringLiteral("max-signal-message-bytes"), QStringLiteral("bytes"),
            QStringLiteral("Longest signaling message read (default 64KiB); over 4 times this closes the "
                           "connection."),
            QStringLiteral("signal"), QStringLiteral("max_message_bytes") },
        { QStringLiteral("max-sdp-bytes"), QStringLiteral("bytes"),
            QStringLiteral("Longest SDP in an offer or answer (default 48KiB)."), QStringLiteral("signal"),
            QStringLiteral("max_sdp_bytes") },
        { QStringLiteral("max-candidate-bytes"), QStringLiteral("bytes"),
            QStringLiteral("Longest ICE candidate (default 1KiB)."), QStringLiteral("signal"),
            QStringLiteral("max_candidate_bytes") },
        { QStringLiteral("signal-messages-per-second"), QStringLiteral("rate"),
            QStringLiteral("Messages per second one signaling connection may send, sustained (default 50; 0: "
                           "unlimited)."),
            QStringLiteral("signal"), QStringLiteral("messages_per_second") },
        { QStringLiteral("signal-message-burst"), QStringLiteral("n"),
            QStringLiteral("Messages one signaling connection may send at once (default 200)."),
            QStringLiteral("signal"), QStringLiteral("message_burst") },
        { QStringLiteral("signal-bytes-per-second"), QStringLiteral("bytes"),
            QStringLiteral("Bytes per second one signaling connection may send, sustained (default 256KiB; 0: "
                           "unlimited)."),
            QStringLiteral("signal"), QStringLiteral("bytes_per_second") },
        { QStringLiteral("signal-byte-burst"), QStringLiteral("bytes"),
            QStringLiteral("Bytes one signaling connection may send at once (default 1MiB, at least the message "
                           "limit)."),
            QStringLiteral("signal"), QStringLiteral("byte_burst") },
    };
    return list;
}

} // namespace

void addServeOptions(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("config"),
        QStringLiteral("INI-style config file (none is read unless given); flags override its settings."),
        QStringLiteral("file")));
    for (const Flag& flag : flags()) {
        parser.addOption(QCommandLineOption(flag.name, flag.help, flag.valueName));
    }
    parser.addOption(QCommandLineOption(QStringLiteral("allow-origin"),
        QStringLiteral("A browser origin allowed to call kvd (repeatable; * for any). Replaces the config file's "
                       "allow_origin list."),
        QStringLiteral("origin")));
}

kv::Result<ServeConfig> serveConfigFrom(const QCommandLineParser& parser)
{
    ServeConfig config;
    if (parser.isSet(QStringLiteral("config"))) {
        if (auto read = readConfigFile(parser.value(QStringLiteral("config")), config); !read) {
            return read.error();
        }
    }
    for (const Flag& flag : flags()) {
        if (!parser.isSet(flag.name)) {
            continue;
        }
        const Origin origin { QStringLiteral("--%1").arg(flag.name), {}, 0 };
        const Setter& apply = settings()[flag.section][flag.key];
        if (auto applied = apply(parser.value(flag.name), origin, config); !applied) {
            return origin.error(applied.error().message());
        }
    }
    if (parser.isSet(QStringLiteral("allow-origin"))) {
        config.allowedOrigins = parser.values(QStringLiteral("allow-origin"));
    }

    // Checks across settings, against where they came from.
    const bool fromFile = !config.configFile.isEmpty();
    const QString hint = fromFile ? QStringLiteral(" (or in %1)").arg(config.configFile) : QString();
    if (config.dataDir.isEmpty()) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("--data DIR is required%1")
                .arg(fromFile ? QStringLiteral(", or data = DIR in %1").arg(config.configFile) : QString()));
    }
    if (config.tlsCertificateFile.isEmpty() != config.tlsPrivateKeyFile.isEmpty()) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("HTTPS needs both a certificate and a private key: give --tls-cert and --tls-key "
                           "([tls] certificate and private_key)%1")
                .arg(hint));
    }
    const kv::model::SignalLimits& signal = config.signalLimits;
    if (signal.bytesPerSecond > 0 && signal.byteBurst < signal.maxMessageBytes) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("the signaling byte burst (%1) is below the message limit (%2): a message of the allowed "
                           "size would close its connection; raise [signal] byte_burst or lower max_message_bytes%3")
                .arg(signal.byteBurst)
                .arg(signal.maxMessageBytes)
                .arg(hint));
    }
    for (kv::model::Plan& plan : config.plans) {
        plan.limits = config.limits;
    }
    if (!config.webhookSecretFile.isEmpty()) {
        auto secret = readSecretFile(config.webhookSecretFile);
        if (!secret) {
            return Error(ErrorCode::BadRequest,
                QStringLiteral("the billing webhook secret: %1").arg(secret.error().message()),
                QJsonObject { { QStringLiteral("file"), config.webhookSecretFile } });
        }
        config.webhookSecret = *secret;
    }
    return config;
}

kv::Result<QByteArray> readSecretFile(const QString& path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0) {
        const int error = errno;
        return Error(ErrorCode::BadRequest,
            QStringLiteral("%1: %2").arg(path,
                error == ENOENT ? QStringLiteral("the file does not exist") : QString::fromLocal8Bit(strerror(error))));
    }
    if (!S_ISREG(status.st_mode)) {
        return Error(ErrorCode::BadRequest, QStringLiteral("%1: not a regular file").arg(path));
    }
    if ((status.st_mode & 0077) != 0) {
        return Error(ErrorCode::BadRequest,
            QStringLiteral("%1: its group or others may read it (mode %2); it must be 0600 or 0400, e.g. chmod 600 %1")
                .arg(path)
                .arg(status.st_mode & 0777, 4, 8, QLatin1Char('0')));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::BadRequest, QStringLiteral("%1: cannot read it: %2").arg(path, file.errorString()));
    }
    const QByteArray secret = file.readAll().trimmed();
    if (secret.isEmpty()) {
        return Error(ErrorCode::BadRequest, QStringLiteral("%1: the file is empty").arg(path));
    }
    return secret;
}

} // namespace kvd
