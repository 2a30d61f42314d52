#include "ui/MainWindow.h"

#include "client/Client.h"
#include "ui/Async.h"
#include "ui/ConsolePage.h"
#include "ui/DataConsole.h"
#include "ui/Language.h"
#include "ui/LanguageMenu.h"
#include "ui/MessageArea.h"
#include "ui/Theme.h"
#include "ui/apikeys/ApiKeysPage.h"
#include "ui/audit/AuditPage.h"
#include "ui/connection/ConnectionDialog.h"
#include "ui/connection/ConnectionManager.h"
#include "ui/editor/ValueEditor.h"
#include "ui/peers/PeersPage.h"
#include "ui/usage/UsagePage.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace kv::ui {

namespace {
/// How often the status bar asks the backend whether it is there.
constexpr int kHealthIntervalMs = 10'000;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_messages(new MessageArea(this))
    , m_pages(new QTabWidget(this))
    , m_backendLabel(new QLabel(this))
    , m_healthLabel(new QLabel(this))
    , m_feedLabel(new QLabel(this))
    , m_peerCountLabel(new QLabel(this))
{
    setWindowTitle(tr("kvdesk"));
    setObjectName(QStringLiteral("mainWindow"));
    m_messages->setObjectName(QStringLiteral("messageBar"));
    m_backendLabel->setObjectName(QStringLiteral("backendLabel"));
    m_backendLabel->setAccessibleName(tr("Backend"));
    m_healthLabel->setObjectName(QStringLiteral("healthLabel"));
    m_healthLabel->setAccessibleName(tr("Backend health"));
    statusBar()->addPermanentWidget(m_backendLabel);
    statusBar()->addPermanentWidget(m_healthLabel);
    m_feedLabel->setObjectName(QStringLiteral("feedLabel"));
    m_feedLabel->setAccessibleName(tr("Live events"));
    statusBar()->addPermanentWidget(m_feedLabel);
    m_peerCountLabel->setObjectName(QStringLiteral("peerCountLabel"));
    m_peerCountLabel->setAccessibleName(tr("Connected peers"));
    statusBar()->addPermanentWidget(m_peerCountLabel);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_messages);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setAccessibleName(tr("Views"));
    m_pages->tabBar()->setAccessibleName(tr("Views"));
    m_pages->setDocumentMode(true);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    createActions();
    m_healthTimer.setInterval(kHealthIntervalMs);
    connect(&m_healthTimer, &QTimer::timeout, this, &MainWindow::checkHealth);

    resize(1100, 700);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    // The pages' models talk to the client: they go first.
    removePages();
}

void MainWindow::addPage(ConsolePage* page, const QString& title)
{
    // The title's mnemonic is the View menu's: on the tab, Alt+letter would clash with the
    // mnemonics of the pages' own labels.
    QString tabTitle = title;
    tabTitle.replace(QRegularExpression(QStringLiteral("&(?!&)")), QString());
    m_pages->addTab(page, tabTitle);
    connect(page, &ConsolePage::failed, this, &MainWindow::showError);
    auto* show = new QAction(title, m_viewMenu);
    m_viewMenu->insertAction(m_pageActionsEnd, show);
    show->setObjectName(page->objectName() + QStringLiteral("PageAction"));
    const int number = m_pages->count();
    if (number <= 9) {
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
    }
    connect(show, &QAction::triggered, this, [this, page] {
        m_pages->setCurrentWidget(page);
        focusPage(page);
    });
    m_pageActions.append(show);
}

void MainWindow::enableDataPageActions()
{
    const bool shown = m_console && m_pages->currentWidget() == m_console;
    for (QAction* action : std::as_const(m_dataPageActions)) {
        action->setEnabled(shown);
    }
}

void MainWindow::focusPage(QWidget* page)
{
    // Back where the operator was on this page, else where the page points (its focus proxy),
    // else its first control in Tab order.
    if (page->focusProxy()) {
        page->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (QWidget* last = page->focusWidget(); last && last->isVisible()) {
        last->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    for (QWidget* next = page->nextInFocusChain(); next && next != page; next = next->nextInFocusChain()) {
        if (page->isAncestorOf(next) && (next->focusPolicy() & Qt::TabFocus) && next->isVisible()
            && next->isEnabled()) {
            next->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void MainWindow::removePages()
{
    qDeleteAll(m_pageActions);
    m_pageActions.clear();
    while (m_pages->count() > 0) {
        QWidget* page = m_pages->widget(0);
        m_pages->removeTab(0);
        delete page;
    }
    m_console = nullptr;
}

void MainWindow::setClient(std::unique_ptr<client::Client> client)
{
    ++m_generation;
    QSettings settings;
    if (m_pages->count() > 0) {
        settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    }
    removePages();
    m_peerCountLabel->clear();
    m_client = std::move(client);
    if (!m_client) {
        m_backendLabel->clear();
        m_healthLabel->clear();
        m_feedLabel->clear();
        m_healthTimer.stop();
        return;
    }
    m_console = new DataConsole(*m_client, m_pages);
    m_console->setObjectName(QStringLiteral("data"));
    addPage(m_console, tr("&Data"));
    addPage(new ApiKeysPage(*m_client, m_pages), tr("API &Keys"));
    addPage(new UsagePage(*m_client, m_pages), tr("&Usage"));
    auto* peers = new PeersPage(*m_client, m_pages);
    addPage(peers, tr("&Peers"));
    connect(peers, &PeersPage::peerCountChanged, m_peerCountLabel,
        [this](int count) { m_peerCountLabel->setText(tr("Peers: %1").arg(count)); });
    addPage(new AuditPage(*m_client, m_pages), tr("&Audit"));
    m_reverseKeyOrderAction->setChecked(m_console->keyOrder() == Qt::DescendingOrder);
    connect(m_console, &DataConsole::keyOrderChanged, m_reverseKeyOrderAction,
        [this](Qt::SortOrder order) { m_reverseKeyOrderAction->setChecked(order == Qt::DescendingOrder); });
    m_console->splitter()->restoreState(settings.value(QStringLiteral("window/consoleSplitter")).toByteArray());
    m_pages->setCurrentIndex(settings.value(QStringLiteral("window/page"), 0).toInt());
    enableDataPageActions();
    // The editor's Save (Ctrl+S) works from anywhere in the window.
    QAction* save = m_console->editor()->saveAction();
    save->setShortcutContext(Qt::WindowShortcut);
    m_fileMenu->insertAction(m_quitAction, save);
    connect(m_client.get(), &client::Client::breakerStateChanged, this, &MainWindow::showBreaker);
    connect(m_client.get(), &client::Client::feedStateChanged, this, &MainWindow::showFeed);
    // The live feed keeps views current; a missed stretch reloads them.
    connect(m_client.get(), &client::Client::eventsMissed, this, &MainWindow::refresh);
    m_client->startEvents();
    showFeed();

    const client::BackendInfo backend = m_client->backendInfo();
    const QString where = backend.kind == client::BackendInfo::Kind::Embedded
        ? tr("Local store: %1").arg(backend.location)
        : tr("Server: %1").arg(backend.location);
    m_backendLabel->setText(
        m_connections && m_connections->current() ? tr("%1 — %2").arg(m_connections->current()->name, where) : where);
    m_healthLabel->setText(tr("Checking…"));
    checkHealth();
    m_healthTimer.start();
}

void MainWindow::setConnectionManager(ConnectionManager* connections)
{
    m_connections = connections;
    connect(
        connections, &ConnectionManager::switched, this, [this](const ConnectionProfile&, const OpenedClient& opened) {
            // The new client waits until the editor's unsaved changes are settled.
            if (m_console && !m_console->editor()->maybeDiscard()) {
                auto client = std::make_shared<std::unique_ptr<client::Client>>(opened.take());
                auto connection = std::make_shared<QMetaObject::Connection>();
                *connection = connect(
                    m_console->editor(), &ValueEditor::discardDecided, this, [this, client, connection](bool go) {
                        QObject::disconnect(*connection);
                        if (go) {
                            setClient(std::move(*client));
                        }
                    });
                return;
            }
            setClient(opened.take());
        });
    connect(connections, &ConnectionManager::switchFailed, this,
        [this](const ConnectionProfile& profile, const Error& error, const QString& message) {
            showError(message);
            if (error.details().value(QStringLiteral("needsApiKey")).toBool()) {
                showConnections(profile.id);
            }
        });
}

void MainWindow::showConnections(const QString& profileId)
{
    if (!m_connections) {
        return;
    }
    auto* dialog = new ConnectionDialog(*m_connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString selected
        = !profileId.isEmpty() ? profileId : (m_connections->current() ? m_connections->current()->id : QString());
    if (!selected.isEmpty()) {
        dialog->selectProfile(selected);
    }
    dialog->open();
}

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu = fileMenu;
    QAction* connections = fileMenu->addAction(tr("&Connections…"));
    connections->setObjectName(QStringLiteral("connectionsAction"));
    connections->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(connections, &QAction::triggered, this, [this] { showConnections(); });
    fileMenu->addSeparator();
    QAction* import = fileMenu->addAction(tr("&Import…"));
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(import, &QAction::triggered, this, [this] {
        if (m_console) {
            m_console->importEntries();
        }
    });
    QAction* exportAction = fileMenu->addAction(tr("&Export…"));
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, [this] {
        if (m_console) {
            m_console->exportEntries();
        }
    });
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"));
    m_quitAction = quit;
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* newKey = editMenu->addAction(tr("&New Key"));
    newKey->setObjectName(QStringLiteral("newKeyAction"));
    newKey->setShortcut(QKeySequence::New);
    connect(newKey, &QAction::triggered, this, [this] {
        if (m_console) {
            m_pages->setCurrentWidget(m_console);
            m_console->newKey();
        }
    });
    QAction* find = editMenu->addAction(tr("&Find Keys"));
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (m_console) {
            m_pages->setCurrentWidget(m_console);
            m_console->focusSearch();
        }
    });
    // The Key header's click, for the keyboard: checked while the keys are listed Z to A.
    QAction* reverse = editMenu->addAction(tr("Keys &Z to A"));
    reverse->setObjectName(QStringLiteral("reverseKeyOrderAction"));
    reverse->setCheckable(true);
    connect(reverse, &QAction::triggered, this, [this](bool descending) {
        if (m_console) {
            m_console->setKeyOrder(descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        }
    });
    m_reverseKeyOrderAction = reverse;
    m_dataPageActions.append(reverse);
    QAction* remove = editMenu->addAction(tr("&Delete Keys"));
    remove->setObjectName(QStringLiteral("deleteKeysAction"));
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, [this] {
        if (m_console) {
            m_console->deleteSelectedKeys();
        }
    });
    // New Key and Find Keys bring the data page forward; these two act on what it shows, so they
    // wait for it (Del on the API keys page must not offer to delete keys out of sight).
    m_dataPageActions.append(remove);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::enableDataPageActions);

    QMenu* nsMenu = menuBar()->addMenu(tr("&Namespace"));
    QAction* create = nsMenu->addAction(tr("&New Namespace…"));
    create->setObjectName(QStringLiteral("newNamespaceAction"));
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(create, &QAction::triggered, this, [this] {
        if (m_console) {
            m_console->createNamespace();
        }
    });
    QAction* plan = nsMenu->addAction(tr("Change &Plan…"));
    plan->setObjectName(QStringLiteral("changePlanAction"));
    connect(plan, &QAction::triggered, this, [this] {
        if (m_console) {
            m_console->changePlan();
        }
    });
    QAction* drop = nsMenu->addAction(tr("&Delete Namespace…"));
    drop->setObjectName(QStringLiteral("deleteNamespaceAction"));
    connect(drop, &QAction::triggered, this, [this] {
        if (m_console) {
            m_console->deleteNamespace();
        }
    });

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu = viewMenu;
    QAction* reload = viewMenu->addAction(tr("&Refresh"));
    reload->setObjectName(QStringLiteral("refreshAction"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, &MainWindow::refresh);
    createThemeMenu(viewMenu->addMenu(tr("&Theme")));
    viewMenu->addSeparator();
    // The pages' actions go between these separators (addPage).
    m_pageActionsEnd = viewMenu->addSeparator();
    auto* language = new LanguageMenu(viewMenu);
    viewMenu->addMenu(language);
    connect(language, &LanguageMenu::languageChosen, this, &MainWindow::showLanguageChoice);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->addAction(reload);
    toolbar->addAction(create);
    toolbar->addAction(remove);
}

void MainWindow::createThemeMenu(QMenu* menu)
{
    menu->menuAction()->setObjectName(QStringLiteral("themeMenuAction"));
    auto* group = new QActionGroup(menu);
    const Theme current = savedTheme();
    const auto add = [&](Theme theme, const QString& text, const QString& name) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setChecked(theme == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [theme] {
            saveTheme(theme);
            applyTheme(theme);
        });
    };
    add(Theme::System, tr("&System"), QStringLiteral("themeSystemAction"));
    add(Theme::Light, tr("&Light"), QStringLiteral("themeLightAction"));
    add(Theme::Dark, tr("&Dark"), QStringLiteral("themeDarkAction"));
}

void MainWindow::refresh()
{
    for (int i = 0; i < m_pages->count(); ++i) {
        static_cast<ConsolePage*>(m_pages->widget(i))->refresh();
    }
    checkHealth();
}

void MainWindow::showError(const QString& message)
{
    m_messages->showMessage(MessageArea::Kind::Error, message);
}

void MainWindow::showLanguageChoice(const QString& choice)
{
    const QString language = languageFor(choice);
    if (language == installedLanguage()) {
        // Back to the language on screen: the note about a restart no longer holds.
        if (!m_languageNote.isEmpty() && m_messages->text() == m_languageNote) {
            m_messages->clear();
        }
        m_languageNote.clear();
        return;
    }
    m_languageNote = tr("kvdesk will be in %1 from its next start.").arg(nativeLanguageName(language));
    m_messages->showMessage(MessageArea::Kind::Information, m_languageNote);
}

void MainWindow::checkHealth()
{
    if (!m_client) {
        return;
    }
    const quint64 generation = m_generation;
    whenDone(m_client->health(), this, [this, generation](const Result<client::Health>& health) {
        if (generation != m_generation) {
            return;
        }
        if (!health || !health->healthy) {
            m_healthLabel->setText(tr("Unreachable"));
            m_healthLabel->setToolTip(health ? QString() : health.error().message());
            return;
        }
        m_healthLabel->setText(tr("Healthy · %1 ms").arg(health->latency.count()));
        m_healthLabel->setToolTip(tr("Server version %1").arg(health->serverVersion));
        showBreaker();
    });
}

void MainWindow::showBreaker()
{
    if (!m_client) {
        return;
    }
    switch (m_client->breakerState()) {
    case client::BreakerState::Closed:
        break;
    case client::BreakerState::Open:
        m_healthLabel->setText(tr("Paused after failures"));
        break;
    case client::BreakerState::HalfOpen:
        m_healthLabel->setText(tr("Retrying…"));
        break;
    }
}

void MainWindow::showFeed()
{
    if (!m_client) {
        m_feedLabel->clear();
        return;
    }
    switch (m_client->feedState()) {
    case client::FeedState::Off:
        m_feedLabel->clear();
        break;
    case client::FeedState::Connecting:
        m_feedLabel->setText(tr("Events: connecting…"));
        break;
    case client::FeedState::Live:
        m_feedLabel->setText(tr("Events: live"));
        break;
    case client::FeedState::Reconnecting:
        m_feedLabel->setText(tr("Events: reconnecting…"));
        break;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_pages->count() > 0) {
        settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    }
    if (m_console) {
        settings.setValue(QStringLiteral("window/consoleSplitter"), m_console->splitter()->saveState());
    }
    // Unsaved edits are never lost silently: the editor asks, and the window closes once it
    // may (the question is answered through the event loop, not a nested one).
    if (m_console && !m_console->editor()->maybeDiscard()) {
        event->ignore();
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_console->editor(), &ValueEditor::discardDecided, this, [this, connection](bool go) {
            QObject::disconnect(*connection);
            if (go) {
                close();
            }
        });
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace kv::ui
