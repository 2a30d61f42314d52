#include "client/BulkTransfer.h"

#include "client/JsonLines.h"
#include "client/WhenDone.h"

#include <QtConcurrent/QtConcurrentRun>

namespace kv::client {

// Import -------------------------------------------------------------------------------------

struct BulkImport::Batch
{
    QList<PutRequest> puts;
    /// The file line of each put.
    QList<qint64> lines;
    QList<LineError> parseErrors;
    qint64 linesRead = 0;
    qint64 position = 0;
    bool atEnd = false;
};

BulkImport::BulkImport(Client& client, QString ns, QString path, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_path(std::move(path))
{ }

BulkImport::~BulkImport() = default;

void BulkImport::start()
{
    m_file = std::make_shared<QFile>(m_path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        m_report.failure = Error(ErrorCode::StoreIo, tr("Cannot read %1: %2").arg(m_path, m_file->errorString()));
        finish();
        return;
    }
    Q_EMIT progress(0, m_file->size());
    readBatch();
}

void BulkImport::readBatch()
{
    if (m_cancelled) {
        m_report.cancelled = true;
        finish();
        return;
    }
    whenDone(QtConcurrent::run([file = m_file, size = m_batchSize, first = m_nextLine] {
        Batch batch;
        while (batch.puts.size() < size && !file->atEnd()) {
            QByteArray line = file->readLine();
            const qint64 number = first + batch.linesRead++;
            line = line.trimmed();
            if (line.isEmpty()) {
                continue;
            }
            auto put = jsonlines::parse(line);
            if (put) {
                batch.puts.append(std::move(put.value()));
                batch.lines.append(number);
            } else {
                batch.parseErrors.append(LineError { number, {}, put.error().message() });
            }
        }
        batch.position = file->pos();
        batch.atEnd = file->atEnd();
        return std::make_shared<Batch>(std::move(batch));
    }),
        this, [this](const std::shared_ptr<Batch>& batch) {
            m_nextLine += batch->linesRead;
            m_report.lines += batch->linesRead;
            m_report.errors.append(batch->parseErrors);
            if (batch->puts.isEmpty()) {
                Q_EMIT progress(batch->position, m_file->size());
                batch->atEnd ? finish() : readBatch();
                return;
            }
            sendBatch(batch);
        });
}

void BulkImport::sendBatch(std::shared_ptr<Batch> batch)
{
    whenDone(m_client.putMany(m_ns, batch->puts), this, [this, batch](const Result<BatchResult>& written) {
        if (!written) {
            m_report.failure = written.error();
            finish();
            return;
        }
        if (!written->committed) {
            // Lines with an error of their own are reported; the rest of the batch (rejected only
            // because of them) goes again without them.
            auto retry = std::make_shared<Batch>(*batch);
            retry->puts.clear();
            retry->lines.clear();
            for (qsizetype i = 0; i < written->items.size() && i < batch->puts.size(); ++i) {
                const ItemResult& item = written->items.at(i);
                if (item.error && item.error->code() != ErrorCode::BatchRejected) {
                    m_report.errors.append(LineError { batch->lines.at(i), item.key, item.error->message() });
                } else {
                    retry->puts.append(batch->puts.at(i));
                    retry->lines.append(batch->lines.at(i));
                }
            }
            if (retry->puts.size() == batch->puts.size()) {
                // No line to blame: the batch as a whole was refused.
                for (qsizetype i = 0; i < batch->puts.size(); ++i) {
                    m_report.errors.append(
                        LineError { batch->lines.at(i), batch->puts.at(i).key, tr("the batch was refused") });
                }
            } else if (!retry->puts.isEmpty()) {
                sendBatch(retry);
                return;
            }
        } else {
            m_report.entries += batch->puts.size();
        }
        Q_EMIT progress(batch->position, m_file->size());
        batch->atEnd ? finish() : readBatch();
    });
}

void BulkImport::finish()
{
    m_file.reset();
    Q_EMIT finished(m_report);
}

// Export -------------------------------------------------------------------------------------

BulkExport::BulkExport(Client& client, QString ns, QString prefix, QString path, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_prefix(std::move(prefix))
    , m_file(std::make_shared<QSaveFile>(std::move(path)))
{ }

BulkExport::~BulkExport()
{
    if (m_file) {
        m_file->cancelWriting();
    }
}

void BulkExport::start()
{
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_report.failure
            = Error(ErrorCode::StoreIo, tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
        finish();
        return;
    }
    whenDone(m_client.getNamespace(m_ns), this, [this](const Result<model::Namespace>& ns) {
        if (!ns) {
            m_report.failure = ns.error();
            finish();
            return;
        }
        m_total = ns->keyCount;
        Q_EMIT progress(0, m_total);
        nextPage();
    });
}

void BulkExport::nextPage()
{
    if (m_cancelled) {
        m_report.cancelled = true;
        finish();
        return;
    }
    whenDone(m_client.listKeys(m_ns, ListRequest { m_prefix, m_cursor, m_batchSize }), this,
        [this](const Result<model::KeyPage>& page) {
            if (!page) {
                m_report.failure = page.error();
                finish();
                return;
            }
            QList<QString> keys;
            for (const model::KeyInfo& info : page->keys) {
                keys.append(info.key);
            }
            const QString cursor = page->cursor;
            whenDone(m_client.getMany(m_ns, keys), this, [this, cursor](const Result<QList<ItemResult>>& items) {
                if (!items) {
                    m_report.failure = items.error();
                    finish();
                    return;
                }
                whenDone(QtConcurrent::run([file = m_file, items = *items] {
                    qint64 written = 0;
                    for (const ItemResult& item : items) {
                        // A key deleted since it was listed is simply not exported.
                        if (item.entry) {
                            file->write(jsonlines::encode(*item.entry) + '\n');
                            ++written;
                        }
                    }
                    return written;
                }),
                    this, [this, cursor](qint64 written) {
                        m_report.entries += written;
                        Q_EMIT progress(m_report.entries, std::max(m_total, m_report.entries));
                        m_cursor = cursor;
                        if (cursor.isEmpty()) {
                            if (!m_cancelled && !m_file->commit()) {
                                m_report.failure = Error(ErrorCode::StoreIo,
                                    tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
                            }
                            m_report.cancelled = m_cancelled;
                            finish();
                            return;
                        }
                        nextPage();
                    });
            });
        });
}

void BulkExport::finish()
{
    // An export that did not complete leaves no file behind, not a truncated one.
    if (m_file && (m_report.cancelled || m_report.failure)) {
        m_file->cancelWriting();
        m_file->commit();
    }
    m_file.reset();
    Q_EMIT finished(m_report);
}

} // namespace kv::client
