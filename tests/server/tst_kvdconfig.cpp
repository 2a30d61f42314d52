// `kvd serve --config FILE`: the parser in app/kvd/ServeConfig (every setting, relative paths,
// flags over the file, every error with file:line), then the real kvd with a config file: a
// custom plan exists only when configured, and the configured limits are enforced.

#include "KvdProcess.h"
#include "ServeConfig.h"

#include <QCommandLineParser>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kUsageError = 64;
constexpr int kConfigError = 78;

/// The message of a failed result, for QVERIFY2 (which evaluates it even when the check passes).
template <typename R> const char* why(const R& result)
{
    static QByteArray message;
    message = result.ok() ? QByteArray() : result.error().message().toUtf8();
    return message.constData();
}

const char* const kFullConfig = R"(# every setting kvd serve reads
listen = 0.0.0.0:8443
data = /var/lib/kvd
threads = 3
max_connections = 77
allow_origin = https://a.example, https://b.example
header_timeout = 5
idle_timeout = 30   ; an inline comment

[tls]
certificate = /etc/kvd/cert.pem
private_key = "/etc/kvd/key # not a comment.pem"

[limits]
max_key_bytes = 256
max_value_bytes = 2MiB
max_metadata_bytes = 512
max_list_limit = 100
max_batch_items = 50

[plan.team]
name = Team
reads_per_month = 1000
writes_per_month = 200
lists_per_month = unlimited
deletes_per_month = -1
storage_bytes = 1GiB
rate_per_second = 2.5
burst = 10
price_ids = price_team_month, price_team_year

[plan.free]
burst = 5

[billing]
webhook_secret_file = /etc/kvd/webhook.secret
)";

} // namespace

class TestKvdConfig final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;

    QString write(const QString& name, const QByteArray& text, QFile::Permissions permissions = {})
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        [&] { QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate)); }();
        file.write(text);
        file.close();
        if (permissions) {
            QFile::setPermissions(path, permissions);
        }
        return path;
    }

    /// `kvd serve` arguments through the real option table and config loading.
    static kv::Result<kvd::ServeConfig> fromArguments(const QStringList& arguments)
    {
        QCommandLineParser parser;
        kvd::addServeOptions(parser);
        if (!parser.parse(QStringList { QStringLiteral("serve") } + arguments)) {
            return kv::Error(kv::ErrorCode::BadRequest, parser.errorText());
        }
        return kvd::serveConfigFrom(parser);
    }

    /// Status and error code of one call to a running kvd.
    std::pair<int, QString> call(
        KvdProcess& kvd, const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QNetworkRequest request(QUrl(kvd.baseUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + kvd.adminKey().toLatin1());
        if (method == "POST") {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        }
        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            [&] { QVERIFY(finished.wait(10000)); }();
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString code = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString();
        reply->deleteLater();
        return { status, code };
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everySettingIsRead()
    {
        kvd::ServeConfig config;
        const auto read = kvd::readConfigText(kFullConfig, QStringLiteral("/etc/kvd/kvd.conf"), config);
        QVERIFY2(read.ok(), why(read));
        QCOMPARE(config.listenHost, QStringLiteral("0.0.0.0"));
        QCOMPARE(config.listenPort, quint16(8443));
        QCOMPARE(config.dataDir, QStringLiteral("/var/lib/kvd"));
        QCOMPARE(config.threads, 3);
        QCOMPARE(config.maxConnections, 77);
        QCOMPARE(config.allowedOrigins,
            (QStringList { QStringLiteral("https://a.example"), QStringLiteral("https://b.example") }));
        QCOMPARE(config.headerTimeout, std::chrono::seconds(5));
        QCOMPARE(config.idleTimeout, std::chrono::seconds(30));
        QCOMPARE(config.tlsCertificateFile, QStringLiteral("/etc/kvd/cert.pem"));
        QCOMPARE(config.tlsPrivateKeyFile, QStringLiteral("/etc/kvd/key # not a comment.pem"));
        QVERIFY(config.tls());
        QCOMPARE(config.limits.maxKeyBytes, qsizetype(256));
        QCOMPARE(config.limits.maxValueBytes, qsizetype(2 * 1024 * 1024));
        QCOMPARE(config.limits.maxMetadataBytes, qsizetype(512));
        QCOMPARE(config.limits.maxListLimit, 100);
        QCOMPARE(config.limits.defaultListLimit, 100); // never above the maximum
        QCOMPARE(config.limits.maxBatchItems, qsizetype(50));
        QCOMPARE(config.webhookSecretFile, QStringLiteral("/etc/kvd/webhook.secret"));

        const auto team = kv::model::findPlan(config.plans, QStringLiteral("team"));
        QVERIFY(team.has_value());
        QCOMPARE(team->name, QStringLiteral("Team"));
        QCOMPARE(team->quota.readsPerMonth, qint64(1000));
        QCOMPARE(team->quota.writesPerMonth, qint64(200));
        QCOMPARE(team->quota.listsPerMonth, qint64(-1));
        QCOMPARE(team->quota.deletesPerMonth, qint64(-1));
        QCOMPARE(team->quota.storageBytes, qint64(1024) * 1024 * 1024);
        QCOMPARE(team->ratePerSecond, 2.5);
        QCOMPARE(team->burst, 10);
        QCOMPARE(
            team->priceIds, (QStringList { QStringLiteral("price_team_month"), QStringLiteral("price_team_year") }));

        // A section named like a built-in plan changes only what it gives.
        const auto builtinFree = kv::model::findPlan(kv::model::Plan::builtins(), QStringLiteral("free"));
        const auto free = kv::model::findPlan(config.plans, QStringLiteral("free"));
        QVERIFY(free.has_value());
        QCOMPARE(free->burst, 5);
        QCOMPARE(free->quota, builtinFree->quota);
        QCOMPARE(free->ratePerSecond, builtinFree->ratePerSecond);
        QCOMPARE(config.plans.size(), qsizetype(4)); // free, pro, business and team
    }

    void serverSectionAndCrLfAreAccepted()
    {
        kvd::ServeConfig config;
        const auto read = kvd::readConfigText(
            "[server]\r\nthreads = 2\r\n[limits]\r\nmax_value_bytes = 10K\r\n", QStringLiteral("a.conf"), config);
        QVERIFY2(read.ok(), why(read));
        QCOMPARE(config.threads, 2);
        QCOMPARE(config.limits.maxValueBytes, qsizetype(10 * 1024));
    }

    void relativePathsAreRelativeToTheFile()
    {
        const QString path = write(QStringLiteral("relative.conf"),
            "data = data\n[tls]\ncertificate = tls/cert.pem\nprivate_key = /abs/key.pem\n");
        kvd::ServeConfig config;
        const auto read = kvd::readConfigFile(path, config);
        QVERIFY2(read.ok(), why(read));
        QCOMPARE(config.configFile, path);
        QCOMPARE(config.dataDir, m_dir.filePath(QStringLiteral("data")));
        QCOMPARE(config.tlsCertificateFile, m_dir.filePath(QStringLiteral("tls/cert.pem")));
        QCOMPARE(config.tlsPrivateKeyFile, QStringLiteral("/abs/key.pem"));
    }

    void flagsOverrideTheFile()
    {
        const QString path = write(QStringLiteral("base.conf"),
            "listen = 0.0.0.0:1\ndata = /from/file\nthreads = 4\nallow_origin = https://file.example\n"
            "[limits]\nmax_value_bytes = 1000\nmax_key_bytes = 100\n");
        const auto config = fromArguments({ QStringLiteral("--config"), path, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), QStringLiteral("/from/flag"),
            QStringLiteral("--max-value-bytes"), QStringLiteral("1MiB"), QStringLiteral("--allow-origin"),
            QStringLiteral("https://flag.example"), QStringLiteral("--header-timeout"), QStringLiteral("7") });
        QVERIFY2(config.ok(), why(config));
        QCOMPARE(config->listenHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->listenPort, quint16(0));
        QCOMPARE(config->dataDir, QStringLiteral("/from/flag"));
        QCOMPARE(config->threads, 4); // not given as a flag: the file's
        QCOMPARE(config->allowedOrigins, QStringList { QStringLiteral("https://flag.example") });
        QCOMPARE(config->limits.maxValueBytes, qsizetype(1024 * 1024));
        QCOMPARE(config->limits.maxKeyBytes, qsizetype(100));
        QCOMPARE(config->headerTimeout, std::chrono::seconds(7));
        // Every plan carries the limits in force.
        for (const kv::model::Plan& plan : config->plans) {
            QCOMPARE(plan.limits, config->limits);
        }
    }

    void noConfigFileKeepsTheDefaults()
    {
        const auto config = fromArguments({ QStringLiteral("--data"), QStringLiteral("/d") });
        QVERIFY2(config.ok(), why(config));
        QVERIFY(config->configFile.isEmpty());
        QCOMPARE(config->listenHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->listenPort, quint16(8787));
        QCOMPARE(config->limits, kv::model::Limits {});
        QCOMPARE(config->plans.size(), kv::model::Plan::builtins().size());
        QVERIFY(!config->tls());
    }

    /// [websocket] and [signal]: the relay's limits and timers, from the file and from flags.
    void signalingSettings()
    {
        kvd::ServeConfig config;
        const auto read = kvd::readConfigText("[websocket]\nping_interval = 20\nsend_backlog = 1MiB\n"
                                              "event_backlog = 100\n[signal]\nauth_timeout = 3\nresume_grace = 0\n"
                                              "max_message_bytes = 32KiB\nmax_sdp_bytes = 16KiB\n"
                                              "max_candidate_bytes = 512\nmessages_per_second = 10\n"
                                              "message_burst = 40\nbytes_per_second = 64KiB\nbyte_burst = 256KiB\n",
            QStringLiteral("/etc/kvd/kvd.conf"), config);
        QVERIFY2(read.ok(), why(read));
        QCOMPARE(config.pingInterval, std::chrono::seconds(20));
        QCOMPARE(config.sendBacklogBytes, qint64(1024 * 1024));
        QCOMPARE(config.eventBacklog, 100);
        QCOMPARE(config.signalAuthTimeout, std::chrono::seconds(3));
        QCOMPARE(config.resumeGrace, std::chrono::seconds(0));
        QCOMPARE(config.signalLimits.maxMessageBytes, qsizetype(32 * 1024));
        QCOMPARE(config.signalLimits.maxSdpBytes, qsizetype(16 * 1024));
        QCOMPARE(config.signalLimits.maxCandidateBytes, qsizetype(512));
        QCOMPARE(config.signalLimits.messagesPerSecond, 10.0);
        QCOMPARE(config.signalLimits.messageBurst, qint64(40));
        QCOMPARE(config.signalLimits.bytesPerSecond, 64.0 * 1024);
        QCOMPARE(config.signalLimits.byteBurst, qint64(256 * 1024));

        const auto defaults = fromArguments({ QStringLiteral("--data"), QStringLiteral("/d") });
        QVERIFY2(defaults.ok(), why(defaults));
        QCOMPARE(defaults->signalLimits, kv::model::SignalLimits {});
        QCOMPARE(defaults->pingInterval, std::chrono::seconds(15));
        QCOMPARE(defaults->signalAuthTimeout, std::chrono::seconds(5));
        QCOMPARE(defaults->resumeGrace, std::chrono::seconds(30));

        const auto flags = fromArguments(
            { QStringLiteral("--data"), QStringLiteral("/d"), QStringLiteral("--ping-interval"), QStringLiteral("1"),
                QStringLiteral("--signal-auth-timeout"), QStringLiteral("2"), QStringLiteral("--resume-grace"),
                QStringLiteral("4"), QStringLiteral("--signal-message-burst"), QStringLiteral("9") });
        QVERIFY2(flags.ok(), why(flags));
        QCOMPARE(flags->pingInterval, std::chrono::seconds(1));
        QCOMPARE(flags->signalAuthTimeout, std::chrono::seconds(2));
        QCOMPARE(flags->resumeGrace, std::chrono::seconds(4));
        QCOMPARE(flags->signalLimits.messageBurst, qint64(9));

        // A byte burst below the message limit would close a connection for one allowed message.
        const auto tight = fromArguments({ QStringLiteral("--data"), QStringLiteral("/d"),
            QStringLiteral("--signal-byte-burst"), QStringLiteral("32KiB") });
        QVERIFY(!tight.ok());
        QVERIFY2(tight.error().message().contains(QStringLiteral("byte burst")), qPrintable(tight.error().message()));
    }

    void fileErrorsSayFileLineAndWhat_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");

        QTest::newRow("unknown key") << QByteArray("threads = 1\ntreads = 2\n") << 2
                                     << QStringLiteral("unknown key \"treads\" in [server]");
        QTest::newRow("unknown key in a section")
            << QByteArray("[limits]\nmax_value_byte = 5\n") << 2 << QStringLiteral("unknown key \"max_value_byte\"");
        QTest::newRow("unknown key in a plan") << QByteArray("[plan.team]\nrate_per_second = 1\nburst = 1\nreads = 5\n")
                                               << 4 << QStringLiteral("unknown key \"reads\" in [plan.team]");
        QTest::newRow("unknown section") << QByteArray("\n\n[tsl]\n") << 3 << QStringLiteral("unknown section [tsl]");
        QTest::newRow("bad number") << QByteArray("max_connections = many\n") << 1
                                    << QStringLiteral("max_connections: expected a whole number");
        QTest::newRow("zero connections")
            << QByteArray("max_connections = 0\n") << 1 << QStringLiteral("from 1 to 1000000");
        QTest::newRow("bad size") << QByteArray("[limits]\nmax_value_bytes = 3 parsecs\n") << 2
                                  << QStringLiteral("expected a byte size");
        QTest::newRow("value limit too big") << QByteArray("[limits]\nmax_value_bytes = 2GiB\n") << 2
                                             << QStringLiteral("expected a byte size from 1 to 1073741824");
        QTest::newRow("bad listen") << QByteArray("listen = localhost\n") << 1
                                    << QStringLiteral("expected an IP address and port");
        QTest::newRow("bad timeout") << QByteArray("idle_timeout = -3\n") << 1
                                     << QStringLiteral("expected whole seconds");
        QTest::newRow("zero ping interval")
            << QByteArray("[websocket]\nping_interval = 0\n") << 2 << QStringLiteral("expected whole seconds");
        QTest::newRow("negative resume grace") << QByteArray("[signal]\nresume_grace = -1\n") << 2
                                               << QStringLiteral("expected a whole number from 0 to 86400");
        QTest::newRow("unknown signal key")
            << QByteArray("[signal]\nmax_sdp = 1\n") << 2 << QStringLiteral("unknown key \"max_sdp\"");
        QTest::newRow("bad quota") << QByteArray("[plan.free]\nreads_per_month = lots\n") << 2
                                   << QStringLiteral("or \"unlimited\"");
        QTest::newRow("bad rate") << QByteArray("[plan.free]\nrate_per_second = -1\n") << 2
                                  << QStringLiteral("rate_per_second: expected requests per second");
        QTest::newRow("empty list item") << QByteArray("allow_origin = https://a.example,,\n") << 1
                                         << QStringLiteral("without empty items");
        QTest::newRow("key given twice") << QByteArray("threads = 1\n\nthreads = 2\n") << 3
                                         << QStringLiteral("threads is already set at line 1");
        QTest::newRow("no equals sign") << QByteArray("[tls]\ncertificate /x\n") << 2
                                        << QStringLiteral("expected key = value");
        QTest::newRow("unclosed quote") << QByteArray("data = \"/x\n") << 1 << QStringLiteral("no closing \"");
        QTest::newRow("unclosed section") << QByteArray("[limits\n") << 1 << QStringLiteral("looks like [name]");
        QTest::newRow("bad plan id") << QByteArray("[plan.Team]\n") << 1 << QStringLiteral("\"Team\" is not a plan id");
        QTest::newRow("plan defined twice")
            << QByteArray("[plan.free]\nburst = 1\n[plan.free]\n") << 3 << QStringLiteral("already defined at line 1");
        QTest::newRow("new plan without a rate")
            << QByteArray("threads = 1\n[plan.team]\nburst = 4\n") << 2 << QStringLiteral("needs rate_per_second");
        QTest::newRow("shared price id") << QByteArray(
            "[plan.team]\nrate_per_second = 1\nburst = 1\nprice_ids = price_pro\n")
                                         << 1
                                         << QStringLiteral(
                                                "price id \"price_pro\" belongs to both plan pro and plan team");
    }

    void fileErrorsSayFileLineAndWhat()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, says);
        kvd::ServeConfig config;
        const auto read = kvd::readConfigText(text, QStringLiteral("/etc/kvd/kvd.conf"), config);
        QVERIFY(!read.ok());
        const QString message = read.error().message();
        QVERIFY2(message.startsWith(QStringLiteral("/etc/kvd/kvd.conf:%1: ").arg(line)), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
        QCOMPARE(read.error().details().value(QStringLiteral("line")).toInt(), line);
    }

    void flagErrorsNameTheFlag()
    {
        const auto bad = fromArguments({ QStringLiteral("--data"), QStringLiteral("/d"),
            QStringLiteral("--max-value-bytes"), QStringLiteral("x") });
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message().startsWith(QStringLiteral("--max-value-bytes: expected a byte size")),
            qPrintable(bad.error().message()));
        QVERIFY(!bad.error().details().contains(QStringLiteral("file")));

        const auto noData = fromArguments({});
        QVERIFY(!noData.ok());
        QVERIFY(noData.error().message().contains(QStringLiteral("--data DIR is required")));

        const auto halfTls = fromArguments(
            { QStringLiteral("--data"), QStringLiteral("/d"), QStringLiteral("--tls-key"), QStringLiteral("/k.pem") });
        QVERIFY(!halfTls.ok());
        QVERIFY(halfTls.error().message().contains(QStringLiteral("both a certificate and a private key")));

        const auto missingFile
            = fromArguments({ QStringLiteral("--config"), m_dir.filePath(QStringLiteral("no.conf")) });
        QVERIFY(!missingFile.ok());
        QVERIFY(missingFile.error().message().contains(QStringLiteral("the config file does not exist")));
    }

    void webhookSecretFileMustBePrivate()
    {
        const QString open = write(QStringLiteral("open.secret"), "whsec_abc\n",
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const auto refused = fromArguments(
            { QStringLiteral("--data"), QStringLiteral("/d"), QStringLiteral("--webhook-secret-file"), open });
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("must be 0600 or 0400")),
            qPrintable(refused.error().message()));
        QVERIFY2(refused.error().message().contains(open), qPrintable(refused.error().message()));

        const QString empty = write(QStringLiteral("empty.secret"), "\n", QFile::ReadOwner);
        QVERIFY(!fromArguments(
            { QStringLiteral("--data"), QStringLiteral("/d"), QStringLiteral("--webhook-secret-file"), empty })
                     .ok());

        const QString secret
            = write(QStringLiteral("webhook.secret"), "whsec_abc\n", QFile::ReadOwner | QFile::WriteOwner);
        const QString conf = write(QStringLiteral("billing.conf"), "[billing]\nwebhook_secret_file = webhook.secret\n");
        const auto read
            = fromArguments({ QStringLiteral("--data"), QStringLiteral("/d"), QStringLiteral("--config"), conf });
        QVERIFY2(read.ok(), why(read));
        QCOMPARE(read->webhookSecretFile, secret);
        QCOMPARE(read->webhookSecret, QByteArray("whsec_abc"));
    }

    void kvdServesWithTheConfiguredPlansAndLimits()
    {
        // Without a config file the plan "team" does not exist.
        {
            KvdProcess plain { QStringLiteral(KVD_BINARY) };
            QVERIFY2(plain.start(), qPrintable(plain.failureLog()));
            const auto refused = call(plain, "POST", QStringLiteral("/v1/namespaces"), R"({"id":"t","plan":"team"})");
            QCOMPARE(refused.second, QStringLiteral("plan_not_found"));
            QCOMPARE(plain.terminate(), 0);
        }
        const QString conf = write(QStringLiteral("serve.conf"),
            "threads = 2\n[limits]\nmax_value_bytes = 1000\n"
            "[plan.team]\nname = Team\nrate_per_second = 100\nburst = 200\n");
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY2(kvd.start({ QStringLiteral("--config"), conf }), qPrintable(kvd.failureLog()));
        QCOMPARE(call(kvd, "POST", QStringLiteral("/v1/namespaces"), R"({"id":"t","plan":"team"})").first, 201);
        QCOMPARE(call(kvd, "PUT", QStringLiteral("/v1/namespaces/t/values/small"), QByteArray(1000, 'x')).first, 200);
        const auto tooLarge = call(kvd, "PUT", QStringLiteral("/v1/namespaces/t/values/big"), QByteArray(1001, 'x'));
        QCOMPARE(tooLarge.first, 413);
        QCOMPARE(tooLarge.second, QStringLiteral("value_too_large"));
        // A flag beats the file.
        QCOMPARE(kvd.terminate(), 0);
        KvdProcess flagged { QStringLiteral(KVD_BINARY) };
        QVERIFY2(flagged.start(
                     { QStringLiteral("--config"), conf, QStringLiteral("--max-value-bytes"), QStringLiteral("2000") }),
            qPrintable(flagged.failureLog()));
        QCOMPARE(call(flagged, "POST", QStringLiteral("/v1/namespaces"), R"({"id":"f"})").first, 201);
        QCOMPARE(call(flagged, "PUT", QStringLiteral("/v1/namespaces/f/values/big"), QByteArray(1001, 'x')).first, 200);
        QCOMPARE(flagged.terminate(), 0);
    }

    void kvdRefusesABadConfigFile()
    {
        const QString conf = write(QStringLiteral("typo.conf"), "threads = 2\nmax_conections = 5\n");
        KvdProcess kvd { QStringLiteral(KVD_BINARY) };
        QVERIFY(!kvd.start({ QStringLiteral("--config"), conf }));
        QCOMPARE(kvd.waitForExit(), kConfigError);
        QVERIFY2(kvd.failureLog().contains(conf + QStringLiteral(":2: unknown key \"max_conections\"")),
            qPrintable(kvd.failureLog()));

        KvdProcess badFlag { QStringLiteral(KVD_BINARY) };
        QVERIFY(!badFlag.start({ QStringLiteral("--threads=-1") }));
        QCOMPARE(badFlag.waitForExit(), kUsageError);
        QVERIFY2(badFlag.failureLog().contains(QStringLiteral("--threads: expected a whole number")),
            qPrintable(badFlag.failureLog()));
    }

    void helpListsEveryOption()
    {
        QProcess help;
        help.start(QStringLiteral(KVD_BINARY), { QStringLiteral("serve"), QStringLiteral("--help") });
        QVERIFY(help.waitForFinished(10000));
        QCOMPARE(help.exitCode(), 0);
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        for (const char* option :
            { "--config", "--data", "--listen", "--threads", "--max-connections", "--allow-origin", "--header-timeout",
                "--idle-timeout", "--tls-cert", "--tls-key", "--max-key-bytes", "--max-value-bytes",
                "--max-metadata-bytes", "--max-list-limit", "--max-batch-items", "--webhook-secret-file" }) {
            QVERIFY2(text.contains(QLatin1StringView(option)), option);
        }
    }
};

QTEST_GUILESS_MAIN(TestKvdConfig)
#include "tst_kvdconfig.moc"
