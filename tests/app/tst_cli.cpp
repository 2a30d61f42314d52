// The programs' command lines: what packaging checks and operators type first.

#include <QProcess>
#include <QTest>

class TestCli final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // --version and --help must not need a display
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
        }
        return Run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
    }

private Q_SLOTS:
    void kvdVersion()
    {
        const Run result = run(QStringLiteral(KVD_BINARY), { QStringLiteral("--version") });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QStringLiteral("kvd " KV_VERSION));
    }

    void kvdHelp()
    {
        const Run result = run(QStringLiteral(KVD_BINARY), { QStringLiteral("--help") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("--version")), qPrintable(result.out));
    }

    void kvdRejectsUnknownCommand()
    {
        const Run result = run(QStringLiteral(KVD_BINARY), { QStringLiteral("frobnicate") });
        QCOMPARE(result.exitCode, 64);
        QVERIFY2(result.err.contains(QStringLiteral("unknown command \"frobnicate\"")), qPrintable(result.err));
    }

    void kvdeskVersionWithoutDisplay()
    {
        const QString kvdesk = QStringLiteral(KVDESK_BINARY);
        if (kvdesk.isEmpty()) {
            QSKIP("built without the GUI (KV_GUI=OFF)");
        }
        const Run result = run(kvdesk, { QStringLiteral("--version") });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QStringLiteral("kvdesk " KV_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
