#include "ui/MainWindow.h"

#include "client/Client.h"
#include "ui/Async.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeWidget>

namespace kv::ui {

namespace {
enum NamespaceColumn { IdColumn, PlanColumn, KeysColumn, BytesColumn, ColumnCount };
}

MainWindow::MainWindow(client::Client& client, QWidget* parent)
    : QMainWindow(parent)
    , m_client(client)
{
    setWindowTitle(tr("kvdesk"));
    setObjectName(QStringLiteral("mainWindow"));

    m_namespaces = new QTreeWidget(this);
    m_namespaces->setObjectName(QStringLiteral("namespaces"));
    m_namespaces->setAccessibleName(tr("Namespaces"));
    m_namespaces->setAccessibleDescription(tr("The namespaces of the backend with their plan, key count and size"));
    m_namespaces->setColumnCount(ColumnCount);
    m_namespaces->setHeaderLabels({ tr("Namespace"), tr("Plan"), tr("Keys"), tr("Size") });
    m_namespaces->setRootIsDecorated(false);
    m_namespaces->setUniformRowHeights(true);
    m_namespaces->header()->setSectionResizeMode(IdColumn, QHeaderView::Stretch);
    setCentralWidget(m_namespaces);

    const client::BackendInfo backend = m_client.backendInfo();
    m_backendLabel = new QLabel(this);
    m_backendLabel->setObjectName(QStringLiteral("backendLabel"));
    m_backendLabel->setText(backend.kind == client::BackendInfo::Kind::Embedded
            ? tr("Local store: %1").arg(backend.location)
            : tr("Server: %1").arg(backend.location));
    m_backendLabel->setAccessibleName(tr("Backend"));
    statusBar()->addPermanentWidget(m_backendLabel);

    createActions();
    resize(900, 600);
    refresh();
}

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* reload = viewMenu->addAction(tr("&Refresh"));
    reload->setObjectName(QStringLiteral("refreshAction"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, &MainWindow::refresh);
}

void MainWindow::refresh()
{
    const quint64 generation = ++m_generation;
    statusBar()->showMessage(tr("Loading namespaces…"));
    whenDone(m_client.listNamespaces(), this, [this, generation](const Result<QList<model::Namespace>>& namespaces) {
        if (generation != m_generation) {
            return;
        }
        statusBar()->clearMessage();
        if (!namespaces) {
            showError(namespaces.error().message());
            return;
        }
        m_namespaces->clear();
        const QLocale locale;
        for (const model::Namespace& ns : *namespaces) {
            auto* item = new QTreeWidgetItem(m_namespaces);
            item->setText(IdColumn, ns.id);
            item->setText(PlanColumn, ns.plan);
            item->setText(KeysColumn, locale.toString(ns.keyCount));
            item->setText(BytesColumn, locale.formattedDataSize(ns.bytes));
            item->setTextAlignment(KeysColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setTextAlignment(BytesColumn, Qt::AlignRight | Qt::AlignVCenter);
        }
    });
}

void MainWindow::showError(const QString& message)
{
    statusBar()->showMessage(tr("Error: %1").arg(message));
}

} // namespace kv::ui
