#pragma once
// Starts the real kvd binary on a free loopback port with a temporary data directory, for the
// suites that test kvd from outside (server routes, RemoteClient). Waits for kvd's "listening"
// log line to learn the port (and the scheme: https when started with --tls-cert/--tls-key), and
// stops it with SIGTERM; restart() brings it back on the same port, for clients that must find it
// again. `kvd init` runs first, so the suite holds the first admin key.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class KvdProcess final
{
public:
    explicit KvdProcess(QString binary)
        : m_binary(std::move(binary))
    { }
    ~KvdProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(KvdProcess)

    /// Runs `kvd init` on the data directory and keeps the first admin key it prints last.
    bool init()
    {
        QProcess init;
        init.start(m_binary, { QStringLiteral("init"), QStringLiteral("--data"), m_data.path() });
        if (!init.waitForFinished(30000) || init.exitCode() != 0) {
            m_rawLog += init.readAllStandardError();
            return false;
        }
        const QList<QByteArray> lines = init.readAllStandardOutput().trimmed().split('\n');
        m_adminKey = QString::fromLatin1(lines.last().trimmed());
        return m_adminKey.startsWith(QLatin1StringView("kvd_"));
    }

    /// Starts kvd (after init() when the store has no secret yet) and returns once it listens;
    /// false, with the log in failureLog(), if it did not.
    bool start(const QStringList& extraArguments = {}) { return launch(0, extraArguments) && waitUntilListening(); }

    /// Starts kvd again after terminate(), on the port it had and with the same arguments, and
    /// returns once it listens: clients that knew the old kvd find the new one.
    bool restart() { return relaunch() && waitUntilListening(); }

    /// restart() without waiting for kvd to listen: for a test that restarts kvd from a timer
    /// while a client call is pending. waitUntilListening() tells when it is up.
    bool relaunch() { return launch(m_lastPort, m_arguments); }

    /// Waits for the "listening" line of the kvd started last.
    bool waitUntilListening()
    {
        QSignalSpy output(&m_process, &QProcess::readyReadStandardError);
        for (int attempt = 0; attempt < 100 && m_port == 0; ++attempt) {
            readLog();
            if (m_port == 0 && !output.wait(200) && m_process.state() == QProcess::NotRunning) {
                break;
            }
        }
        readLog();
        if (m_port != 0) {
            m_lastPort = m_port;
        }
        return m_port != 0;
    }

    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    /// For a kvd that is expected to fail at start: waits for it to exit and returns its exit
    /// code (-1 when it crashed or did not exit); failureLog() holds what it said.
    int waitForExit()
    {
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return -1;
        }
        readLog();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    /// Ends kvd with SIGKILL, as a crash would: nothing of its orderly stop runs.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
        readLog();
    }

    /// Sends SIGTERM and returns kvd's exit code (-1 if it had to be killed).
    int terminate()
    {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return -1;
        }
        readLog();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    /// The port kvd listens on (that it listened on, after terminate()).
    [[nodiscard]] quint16 port() const { return m_port; }
    /// For a data directory initialised elsewhere: the admin key to use instead of running init.
    void useAdminKey(const QString& key) { m_adminKey = key; }
    /// The first admin key (all scopes, all namespaces), from `kvd init`.
    [[nodiscard]] const QString& adminKey() const { return m_adminKey; }
    [[nodiscard]] QString baseUrl() const { return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port); }
    /// "http", or "https" when kvd said so in its "listening" line.
    [[nodiscard]] const QString& scheme() const { return m_scheme; }
    [[nodiscard]] QString dataDir() const { return m_data.path(); }
    /// Every log line so far, parsed.
    QList<QJsonObject> log()
    {
        readLog();
        return m_log;
    }
    QString failureLog()
    {
        readLog();
        return QString::fromUtf8(m_rawLog);
    }

private:
    bool launch(quint16 port, const QStringList& extraArguments)
    {
        if (m_adminKey.isEmpty() && !init()) {
            return false;
        }
        m_arguments = extraArguments;
        m_port = 0;
        m_pending.clear();
        m_process.setProgram(m_binary);
        m_process.setArguments(QStringList { QStringLiteral("serve"), QStringLiteral("--data"), m_data.path(),
                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port) }
            + extraArguments);
        m_process.start();
        return m_process.waitForStarted(10000);
    }

    void readLog()
    {
        const QByteArray chunk = m_process.readAllStandardError();
        m_pending += chunk;
        m_rawLog += chunk;
        qsizetype newline = 0;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QJsonObject line = QJsonDocument::fromJson(m_pending.left(newline)).object();
            m_pending.remove(0, newline + 1);
            m_log.append(line);
            if (line.value(QStringLiteral("msg")).toString() == QLatin1StringView("listening")) {
                m_port = static_cast<quint16>(line.value(QStringLiteral("port")).toInt());
                m_scheme = line.value(QStringLiteral("scheme")).toString(QStringLiteral("http"));
            }
        }
    }

    QString m_binary;
    QTemporaryDir m_data;
    QProcess m_process;
    QByteArray m_pending;
    QByteArray m_rawLog;
    QList<QJsonObject> m_log;
    quint16 m_port = 0;
    /// The port of the last kvd that listened, for restart().
    quint16 m_lastPort = 0;
    QStringList m_arguments;
    QString m_scheme = QStringLiteral("http");
    QString m_adminKey;
};
