#pragma once
// BulkImport and BulkExport move a namespace's entries between a JSON lines file (JsonLines.h)
// and a backend, through the client, in batches: the file is read, parsed and written on worker
// threads, and each batch is one call. An import batch is atomic; a line the backend refuses is
// reported with its line number and the rest of its batch is sent again without it, so one bad
// line costs only itself. Cancel stops after the batch in flight: an import leaves whole batches
// only, an export leaves no file at all.

#include "client/Client.h"

#include <QFile>
#include <QObject>
#include <QSaveFile>

#include <memory>

namespace kv::client {

/// A line that could not be imported.
struct LineError
{
    qint64 line = 0;
    QString key;
    QString message;
};

struct TransferReport
{
    /// Entries written (import) or exported.
    qint64 entries = 0;
    /// Lines read from the file (import).
    qint64 lines = 0;
    QList<LineError> errors;
    bool cancelled = false;
    /// Set when the transfer stopped early on a failure of the backend or the file.
    std::optional<Error> failure;
};

class BulkImport final : public QObject
{
    Q_OBJECT
public:
    BulkImport(Client& client, QString ns, QString path, QObject* parent = nullptr);
    ~BulkImport() override;
    Q_DISABLE_COPY_MOVE(BulkImport)

    /// Items per batch (1..Limits::maxBatchItems).
    void setBatchSize(int items) { m_batchSize = std::max(1, items); }
    void start();
    /// Stops after the batch in flight.
    void cancel() { m_cancelled = true; }
    [[nodiscard]] const TransferReport& report() const { return m_report; }

Q_SIGNALS:
    /// Bytes of the file read so far, of its size.
    void progress(qint64 done, qint64 total);
    void finished(const kv::client::TransferReport& report);

private:
    struct Batch;
    void readBatch();
    void sendBatch(std::shared_ptr<Batch> batch);
    void finish();

    Client& m_client;
    QString m_ns;
    QString m_path;
    std::shared_ptr<QFile> m_file;
    int m_batchSize = 500;
    qint64 m_nextLine = 1;
    bool m_cancelled = false;
    TransferReport m_report;
};

class BulkExport final : public QObject
{
    Q_OBJECT
public:
    /// Exports the keys of `ns` that start with `prefix` (empty: all).
    BulkExport(Client& client, QString ns, QString prefix, QString path, QObject* parent = nullptr);
    ~BulkExport() override;
    Q_DISABLE_COPY_MOVE(BulkExport)

    void setBatchSize(int keys) { m_batchSize = std::clamp(keys, 1, 1000); }
    void start();
    void cancel() { m_cancelled = true; }
    [[nodiscard]] const TransferReport& report() const { return m_report; }

Q_SIGNALS:
    /// Entries exported so far, of the namespace's key count (an estimate with a prefix).
    void progress(qint64 done, qint64 total);
    void finished(const kv::client::TransferReport& report);

private:
    void nextPage();
    void finish();

    Client& m_client;
    QString m_ns;
    QString m_prefix;
    std::shared_ptr<QSaveFile> m_file;
    int m_batchSize = 500;
    QString m_cursor;
    qint64 m_total = 0;
    bool m_cancelled = false;
    TransferReport m_report;
};

} // namespace kv::client
