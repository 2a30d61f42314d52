#pragma once
// TransferDialog runs a bulk import or export and shows it: a progress bar with Cancel while it
// runs, then what happened — entries moved, and every refused line with its number. It is
// window-modal but never blocks the event loop, so the window keeps painting and the test keeps
// driving it.

#include "client/BulkTransfer.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace kv::ui {

class TransferDialog final : public QDialog
{
    Q_OBJECT
public:
    /// Takes the transfer (a BulkImport or BulkExport, not started) and starts it.
    static TransferDialog* importFile(client::Client& client, const QString& ns, const QString& path, QWidget* parent);
    static TransferDialog* exportFile(
        client::Client& client, const QString& ns, const QString& prefix, const QString& path, QWidget* parent);
    Q_DISABLE_COPY_MOVE(TransferDialog)

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const client::TransferReport& report() const { return m_report; }

Q_SIGNALS:
    void transferFinished(const kv::client::TransferReport& report);

private:
    TransferDialog(const QString& title, QWidget* parent);
    void onProgress(qint64 done, qint64 total);
    void onFinished(const client::TransferReport& report, bool importing);

    QLabel* m_summary;
    QProgressBar* m_progress;
    QPlainTextEdit* m_errors;
    QDialogButtonBox* m_buttons;
    std::function<void()> m_cancel;
    bool m_running = true;
    client::TransferReport m_report;
};

} // namespace kv::ui
