// Bulk import and export of JSON lines through a real embedded client: bad lines are reported
// with their numbers while the good ones land, a line the service refuses costs only itself,
// a cancelled import leaves whole batches only, an export round-trips text, bytes, metadata and
// expiration, and a cancelled export leaves no file.

#include "AwaitFuture.h"
#include "client/BulkTransfer.h"
#include "client/EmbeddedClient.h"
#include "client/JsonLines.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kv::client::BulkExport;
using kv::client::BulkImport;
using kv::client::EmbeddedClient;
using kv::client::TransferReport;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(kv::client::TransferReport)

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

TransferReport run(QObject& transfer)
{
    TransferReport report;
    bool done = false;
    if (auto* import = qobject_cast<BulkImport*>(&transfer)) {
        QObject::connect(import, &BulkImport::finished, import, [&](const TransferReport& r) {
            report = r;
            done = true;
        });
        import->start();
    } else if (auto* exporter = qobject_cast<BulkExport*>(&transfer)) {
        QObject::connect(exporter, &BulkExport::finished, exporter, [&](const TransferReport& r) {
            report = r;
            done = true;
        });
        exporter->start();
    }
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 30000); }();
    return report;
}

} // namespace

class TestBulkTransfer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedClient> m_client;

    qint64 keyCount(const QString& ns)
    {
        auto info = awaitFuture(m_client->getNamespace(ns));
        return info ? info->keyCount : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(u"bulk.kvstore"_s));
        QVERIFY(client);
        m_client = std::move(client.value());
        for (const QString& ns : { u"imported"_s, u"cancelled"_s, u"exported"_s }) {
            QVERIFY(awaitFuture(m_client->createNamespace(ns)));
        }
    }

    void linesRoundTrip()
    {
        kv::model::Entry entry;
        entry.key = u"bin"_s;
        entry.value = QByteArray("\x00\xff\x01", 3);
        entry.metadata = QJsonObject { { u"type"_s, u"raw"_s } };
        entry.expiresAt = 1'900'000'000'000;
        auto back = kv::client::jsonlines::parse(kv::client::jsonlines::encode(entry));
        QVERIFY(back);
        QCOMPARE(back->key, entry.key);
        QCOMPARE(back->value, entry.value);
        QCOMPARE(back->metadata, entry.metadata);
        QCOMPARE(back->expiry.expirationSeconds, std::optional<qint64>(1'900'000'000));
        QVERIFY(!kv::client::jsonlines::parse(R"({"key":"a","value":"@@","base64":true})"));
        QVERIFY(!kv::client::jsonlines::parse(R"({"key":1,"value":"x"})"));
        QVERIFY(!kv::client::jsonlines::parse("[1]"));
    }

    void importsGoodLinesAndReportsBadOnesByNumber()
    {
        const QString path = m_dir.filePath(u"import.jsonl"_s);
        writeFile(path,
            "{\"key\":\"a\",\"value\":\"1\"}\n"
            "not json\n"
            "\n"
            "{\"key\":\"b\",\"value\":\"AAEC\",\"base64\":true,\"metadata\":{\"t\":1}}\n"
            "{\"key\":\"\",\"value\":\"empty key\"}\n"
            "{\"key\":\"c\",\"value\":\"3\"}\n");
        BulkImport import(*m_client, u"imported"_s, path);
        import.setBatchSize(10);
        const TransferReport report = run(import);
        QVERIFY(!report.failure);
        QCOMPARE(report.lines, 6);
        QCOMPARE(report.entries, 3);
        QCOMPARE(report.errors.size(), 2);
        QCOMPARE(report.errors.at(0).line, 2);
        QCOMPARE(report.errors.at(1).line, 5); // refused by the service, not the parser
        QVERIFY(!report.errors.at(1).message.isEmpty());
        QCOMPARE(keyCount(u"imported"_s), 3);
        auto b = awaitFuture(m_client->getValue(u"imported"_s, u"b"_s));
        QVERIFY(b);
        QCOMPARE(b->value, QByteArray("\x00\x01\x02", 3));
        QCOMPARE(b->metadata.value(u"t"_s).toInt(), 1);
    }

    void aCancelledImportLeavesWholeBatches()
    {
        const QString path = m_dir.filePath(u"many.jsonl"_s);
        QByteArray lines;
        for (int i = 0; i < 1000; ++i) {
            lines += "{\"key\":\"k" + QByteArray::number(i) + "\",\"value\":\"v\"}\n";
        }
        writeFile(path, lines);
        BulkImport import(*m_client, u"cancelled"_s, path);
        import.setBatchSize(100);
        // Cancel as soon as the first batch is in.
        connect(&import, &BulkImport::progress, &import, [&import](qint64 done, qint64) {
            if (done > 0) {
                import.cancel();
            }
        });
        const TransferReport report = run(import);
        QVERIFY(report.cancelled);
        QVERIFY(report.entries > 0);
        QVERIFY(report.entries < 1000);
        QCOMPARE(report.entries % 100, 0);
        QCOMPARE(keyCount(u"cancelled"_s), report.entries);
    }

    void exportsWhatImportReads()
    {
        QList<kv::client::PutRequest> puts;
        for (int i = 0; i < 250; ++i) {
            puts.append(
                { u"e/%1"_s.arg(i, 3, 10, QLatin1Char('0')), i % 2 ? QByteArray("text") : QByteArray("\xff\xfe"),
                    QJsonObject { { u"i"_s, i } }, kv::model::ExpiryRequest { 3600, {} }, {} });
        }
        QVERIFY(awaitFuture(m_client->putMany(u"exported"_s, puts))->committed);
        const QString path = m_dir.filePath(u"export.jsonl"_s);
        BulkExport exporter(*m_client, u"exported"_s, u"e/"_s, path);
        exporter.setBatchSize(100);
        const TransferReport report = run(exporter);
        QVERIFY(!report.failure);
        QCOMPARE(report.entries, 250);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 250);
        auto first = kv::client::jsonlines::parse(lines.first());
        QVERIFY(first);
        QCOMPARE(first->key, u"e/000"_s);
        QCOMPARE(first->value, QByteArray("\xff\xfe"));
        QCOMPARE(first->metadata.value(u"i"_s).toInt(), 0);
        QVERIFY(first->expiry.expirationSeconds.has_value());

        // And back into another namespace, where everything lands.
        QVERIFY(awaitFuture(m_client->createNamespace(u"again"_s)));
        BulkImport import(*m_client, u"again"_s, path);
        const TransferReport back = run(import);
        QCOMPARE(back.entries, 250);
        QVERIFY(back.errors.isEmpty());
    }

    void aCancelledExportLeavesNoFile()
    {
        const QString path = m_dir.filePath(u"cancelled-export.jsonl"_s);
        BulkExport exporter(*m_client, u"exported"_s, {}, path);
        exporter.setBatchSize(10);
        connect(&exporter, &BulkExport::progress, &exporter, [&exporter](qint64 done, qint64) {
            if (done > 0) {
                exporter.cancel();
            }
        });
        const TransferReport report = run(exporter);
        QVERIFY(report.cancelled);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestBulkTransfer)
#include "tst_bulktransfer.moc"
