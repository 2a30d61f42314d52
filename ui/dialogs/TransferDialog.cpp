#include "ui/dialogs/TransferDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace kv::ui {

TransferDialog::TransferDialog(const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_errors(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("transferDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_summary->setObjectName(QStringLiteral("transferSummary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Transfer status"));
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_progress->setAccessibleName(tr("Transfer progress"));
    m_progress->setRange(0, 0);
    m_errors->setObjectName(QStringLiteral("transferErrors"));
    m_errors->setAccessibleName(tr("Lines that were not imported"));
    m_errors->setReadOnly(true);
    m_errors->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_errors);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (!m_running) {
            close();
            return;
        }
        // Stops after the batch in flight; the report comes when it has.
        m_summary->setText(tr("Cancelling after the current batch…"));
        m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
        m_cancel();
    });
    resize(480, 160);
}

TransferDialog* TransferDialog::importFile(
    client::Client& client, const QString& ns, const QString& path, QWidget* parent)
{
    auto* dialog = new TransferDialog(tr("Import into %1").arg(ns), parent);
    auto* transfer = new client::BulkImport(client, ns, path, dialog);
    dialog->m_cancel = [transfer] { transfer->cancel(); };
    dialog->m_summary->setText(tr("Importing %1…").arg(path));
    connect(transfer, &client::BulkImport::progress, dialog, &TransferDialog::onProgress);
    connect(transfer, &client::BulkImport::finished, dialog,
        [dialog](const client::TransferReport& report) { dialog->onFinished(report, true); });
    dialog->open();
    transfer->start();
    return dialog;
}

TransferDialog* TransferDialog::exportFile(
    client::Client& client, const QString& ns, const QString& prefix, const QString& path, QWidget* parent)
{
    auto* dialog = new TransferDialog(tr("Export %1").arg(ns), parent);
    auto* transfer = new client::BulkExport(client, ns, prefix, path, dialog);
    dialog->m_cancel = [transfer] { transfer->cancel(); };
    dialog->m_summary->setText(tr("Exporting to %1…").arg(path));
    connect(transfer, &client::BulkExport::progress, dialog, &TransferDialog::onProgress);
    connect(transfer, &client::BulkExport::finished, dialog,
        [dialog](const client::TransferReport& report) { dialog->onFinished(report, false); });
    dialog->open();
    transfer->start();
    return dialog;
}

void TransferDialog::onProgress(qint64 done, qint64 total)
{
    // A progress bar counts in int: scale to per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
}

void TransferDialog::onFinished(const client::TransferReport& report, bool importing)
{
    m_running = false;
    m_report = report;
    m_progress->setRange(0, 1000);
    m_progress->setValue(report.cancelled || report.failure ? m_progress->value() : 1000);
    const QLocale locale;
    QString summary = importing ? tr("%n entry(ies) imported from %1 line(s).", "", static_cast<int>(report.entries))
                                      .arg(locale.toString(report.lines))
                                : tr("%n entry(ies) exported.", "", static_cast<int>(report.entries));
    if (report.cancelled) {
        summary += QLatin1Char(' ')
            + (importing ? tr("Cancelled: whole batches only were written.") : tr("Cancelled: no file was written."));
    }
    if (report.failure) {
        summary += QLatin1Char(' ') + tr("Stopped: %1").arg(report.failure->message());
    }
    if (!report.errors.isEmpty()) {
        summary += QLatin1Char(' ') + tr("%n line(s) were not imported.", "", static_cast<int>(report.errors.size()));
        QStringList lines;
        for (const client::LineError& error : report.errors) {
            lines.append(error.key.isEmpty() ? tr("Line %1: %2").arg(error.line).arg(error.message)
                                             : tr("Line %1 (%2): %3").arg(error.line).arg(error.key, error.message));
        }
        m_errors->setPlainText(lines.join(QLatin1Char('\n')));
        m_errors->show();
    }
    m_summary->setText(summary);
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    Q_EMIT transferFinished(report);
}

} // namespace kv::ui
