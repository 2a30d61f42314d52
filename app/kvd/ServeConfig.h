#pragma once
// Everything `kvd serve` is told, in one struct: read from an INI-style config file (only the
// one named by --config; nothing is read implicitly), then overridden by flags. Errors in the
// file say file:line and what is wrong, and unknown sections or keys are errors so that a typo
// never passes silently. The format:
//
//   # comments start with # or ; on their own line
//   listen = 0.0.0.0:8443            # (global keys: before any section, or under [server])
//   data = /var/lib/kvd              # relative paths are relative to the config file
//   threads = 0                      # 0: one per core
//   max_connections = 1024
//   allow_origin = https://console.example, https://admin.example
//   header_timeout = 10              # seconds
//   idle_timeout = 60                # seconds
//   [tls]
//   certificate = /etc/kvd/fullchain.pem
//   private_key = /etc/kvd/privkey.pem
//   [limits]
//   max_key_bytes = 512              # byte sizes take KiB, MiB, GiB (and K, M, G) suffixes
//   max_value_bytes = 25MiB
//   max_metadata_bytes = 1024
//   max_list_limit = 1000
//   max_batch_items = 10000
//   [plan.team]                      # a new plan, or changes to free, pro or business
//   name = Team
//   reads_per_month = 10000000       # quotas: a number, or -1 / unlimited
//   writes_per_month = 1000000
//   lists_per_month = 1000000
//   deletes_per_month = 1000000
//   storage_bytes = 10GiB
//   rate_per_second = 200
//   burst = 400
//   price_ids = price_team_monthly, price_team_yearly
//   [billing]
//   webhook_secret_file = /etc/kvd/webhook.secret   # mode 0600 or 0400
//   [websocket]                      # /v1/signal and /v1/admin/events (docs/signaling.md)
//   ping_interval = 15               # seconds; dropped when nothing answers within one more
//   send_backlog = 4MiB              # bytes queued to one client before it is closed (1008)
//   event_backlog = 8192             # admin events queued to one client before it is closed
//   [signal]
//   auth_timeout = 5                 # seconds to send the auth message
//   resume_grace = 30                # seconds a dropped peer's id waits for its resume token (0: none)
//   max_message_bytes = 64KiB        # larger: an error; over 4 times this: the connection closes
//   max_sdp_bytes = 48KiB
//   max_candidate_bytes = 1KiB
//   messages_per_second = 50         # per connection, with a burst; 0: unlimited
//   message_burst = 200
//   bytes_per_second = 256KiB
//   byte_burst = 1MiB                # at least max_message_bytes
//
// A [plan.ID] section named like a built-in plan changes only the keys it gives; a new plan
// starts with unlimited quotas and needs rate_per_second and burst.

#include "model/Error.h"
#include "model/Limits.h"
#include "model/Plan.h"
#include "model/Result.h"
#include "model/Signaling.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

class QCommandLineParser;

namespace kvd {

struct ServeConfig
{
    /// The file read, or empty when none was given.
    QString configFile;

    QString listenHost = QStringLiteral("127.0.0.1");
    /// 0 picks a free port.
    quint16 listenPort = 8787;
    QString dataDir;
    /// 0: one per core.
    int threads = 0;
    int maxConnections = 1024;
    QStringList allowedOrigins;
    std::chrono::seconds headerTimeout { 10 };
    std::chrono::seconds idleTimeout { 60 };
    /// Usage counters and last-used times are written this often, never per request.
    std::chrono::seconds flushInterval { 5 };

    /// Both set: HTTPS. Only one set is an error.
    QString tlsCertificateFile;
    QString tlsPrivateKeyFile;

    /// For KvService (and every plan's limits).
    kv::model::Limits limits;
    /// The built-in plans with the config's changes and additions.
    QList<kv::model::Plan> plans = kv::model::Plan::builtins();

    /// [websocket]: both WebSocket routes.
    std::chrono::seconds pingInterval { 15 };
    qint64 sendBacklogBytes = 4 * 1024 * 1024;
    int eventBacklog = 8192;
    /// [signal]: the relay.
    std::chrono::seconds signalAuthTimeout { 5 };
    std::chrono::seconds resumeGrace { 30 };
    kv::model::SignalLimits signalLimits;

    /// [billing] webhook_secret_file, and the secret read from it at start (empty when none).
    QString webhookSecretFile;
    QByteArray webhookSecret;

    [[nodiscard]] bool tls() const { return !tlsCertificateFile.isEmpty(); }
};

/// Reads a config file into `config`, over what is already there. Errors read
/// "FILE:LINE: what is wrong" and carry {"file": FILE, "line": LINE} in their details.
kv::Result<void> readConfigFile(const QString& path, ServeConfig& config);
/// The same on text already in memory; `path` names it in errors and anchors relative paths.
kv::Result<void> readConfigText(const QByteArray& text, const QString& path, ServeConfig& config);

/// Adds every option of `kvd serve` (with --help text) to the parser.
void addServeOptions(QCommandLineParser& parser);
/// The config of a parsed `kvd serve` command line: --config FILE first, then the flags, then
/// the checks across settings and the webhook secret file. An error whose details name a
/// "file" is about a file's content; others are about the command line.
kv::Result<ServeConfig> serveConfigFrom(const QCommandLineParser& parser);

/// Reads a secret file that only its owner may read (mode 0600 or 0400), trimmed of whitespace.
kv::Result<QByteArray> readSecretFile(const QString& path);

} // namespace kvd
