#include "ui/peers/PeersPage.h"

#include "ui/peers/PeerModel.h"
#include "ui/peers/PeerTracker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kv::ui {

namespace {
/// Counters move with every signaling message and are not events: a listing brings them.
constexpr std::chrono::milliseconds kCounterRefresh { 5'000 };
} // namespace

PeersPage::PeersPage(client::Client& client, QWidget* parent)
    : ConsolePage(parent)
    , m_hasRelay(client.backendInfo().kind == client::BackendInfo::Kind::Remote)
    , m_model(new PeerModel(this))
    , m_tracker(new PeerTracker(client, *m_model, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("peers"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PeerModel::SortRole);
    m_proxy->setFilterKeyColumn(PeerModel::RoomColumn);
    m_proxy->setFilterRole(PeerModel::RoomRole);
    // Room ids are case-sensitive: "Demo" and "demo" are two rooms.
    m_proxy->setFilterCaseSensitivity(Qt::CaseSensitive);

    buildRelayView();

    m_placeholder = new QLabel(tr("This connection is a local store. WebRTC peers connect to the signaling relay "
                                  "of a kvd server, so a local store never has any: connect to a kvd server "
                                  "(File ▸ Connections…) to watch its peers live."),
        m_stack);
    m_placeholder->setObjectName(QStringLiteral("peersPlaceholder"));
    m_placeholder->setAccessibleName(tr("No signaling relay"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    // Reachable and readable from the keyboard, like the message bar.
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_placeholder->setFocusPolicy(Qt::TabFocus);
    m_placeholder->setMargin(24);
    m_stack->addWidget(m_placeholder);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_counterTimer.setInterval(kCounterRefresh);
    connect(&m_counterTimer, &QTimer::timeout, this, [this] {
        // A slow listing is not asked for again on top of itself.
        if (!m_tracker->isLoading()) {
            m_tracker->reload();
        }
    });
    connect(m_tracker, &PeerTracker::failed, this, [this](const Error& error) {
        // The listing repeats every few seconds: a failure that lasts (a key without the admin
        // scope, a server that is down) is reported once, not again at every tick.
        if (error.message() != m_reportedFailure) {
            m_reportedFailure = error.message();
            Q_EMIT failed(error.message());
        }
    });
    connect(m_tracker, &PeerTracker::loaded, this, [this] {
        m_reportedFailure.clear();
        m_sinceListing.start();
        updateCount();
        updateSummary();
    });
    for (auto changed : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(m_model, changed, this, [this] {
            updateRooms();
            updateCount();
        });
    }
    // Columns fit the first peers shown (addresses and times are wider than their headers), then
    // stay where the operator drags them: measuring on every change would make them jump.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_columnsFitted) {
            m_columnsFitted = true;
            m_view->resizeColumnsToContents();
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateRooms();
        updateCount();
    });
    // Whatever changes what the filter lets through changes the summary.
    for (auto changed : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(m_proxy, changed, this, &PeersPage::updateSummary);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PeersPage::updateSummary);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PeersPage::updateSummary);

    if (m_hasRelay) {
        m_stack->setCurrentWidget(m_view->parentWidget());
        setFocusProxy(m_view);
        m_tracker->reload();
    } else {
        m_stack->setCurrentWidget(m_placeholder);
        setFocusProxy(m_placeholder);
    }
    updateSummary();
}

void PeersPage::buildRelayView()
{
    auto* pane = new QWidget(m_stack);
    auto* roomLabel = new QLabel(tr("&Room:"), pane);
    m_roomFilter = new QComboBox(pane);
    m_roomFilter->setObjectName(QStringLiteral("peerRoomFilter"));
    m_roomFilter->setAccessibleName(tr("Room filter"));
    m_roomFilter->setAccessibleDescription(tr("Shows only the peers of the chosen room, or of all rooms"));
    m_roomFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_roomFilter->addItem(tr("All rooms"), QString());
    roomLabel->setBuddy(m_roomFilter);
    connect(m_roomFilter, &QComboBox::currentIndexChanged, this, [this] {
        applyRoomFilter();
        updateRooms();
    });

    m_summary = new QLabel(pane);
    m_summary->setObjectName(QStringLiteral("peerSummary"));
    m_summary->setAccessibleName(tr("Peer summary"));

    m_view = new QTableView(pane);
    m_view->setObjectName(QStringLiteral("peerTable"));
    // Nothing is edited in the cells: Tab moves on instead of along the row.
    m_view->setTabKeyNavigation(false);
    m_view->setAccessibleName(tr("Peers"));
    m_view->setAccessibleDescription(tr("The peers connected to the signaling relay: id, room, API key, address, "
                                        "connection time, ICE state and message and byte counters"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Oldest connection first, as the relay lists them, until the operator clicks a header.
    m_view->sortByColumn(PeerModel::ConnectedSinceColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->resizeColumnsToContents();

    auto* filterRow = new QHBoxLayout;
    // The table runs edge to edge like the key table; the text above it does not.
    filterRow->setContentsMargins(6, 4, 6, 4);
    filterRow->addWidget(roomLabel);
    filterRow->addWidget(m_roomFilter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_summary);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    setTabOrder(m_roomFilter, m_view);
    m_stack->addWidget(pane);
}

void PeersPage::refresh()
{
    if (m_hasRelay) {
        // Asked for by the operator: a failure is worth saying again.
        m_reportedFailure.clear();
        m_tracker->reload();
    }
}

void PeersPage::setCounterRefreshInterval(std::chrono::milliseconds interval)
{
    m_counterTimer.setInterval(interval);
}

int PeersPage::peerCount() const
{
    return m_model->rowCount();
}

QString PeersPage::roomFilter() const
{
    return m_roomFilter->currentData().toString();
}

void PeersPage::setRoomFilter(const QString& room)
{
    int index = m_roomFilter->findData(room);
    if (index < 0) {
        // A room without peers yet: the filter waits for them.
        m_roomFilter->addItem(room, room);
        index = m_roomFilter->count() - 1;
    }
    m_roomFilter->setCurrentIndex(index);
}

void PeersPage::showEvent(QShowEvent* event)
{
    ConsolePage::showEvent(event);
    if (!m_hasRelay) {
        return;
    }
    m_counterTimer.start();
    // Counters were not refreshed while the page was hidden.
    if (m_tracker->hasLoaded() && !m_tracker->isLoading() && m_sinceListing.isValid()
        && m_sinceListing.elapsed() >= m_counterTimer.interval()) {
        m_tracker->reload();
    }
}

void PeersPage::hideEvent(QHideEvent* event)
{
    m_counterTimer.stop();
    ConsolePage::hideEvent(event);
}

void PeersPage::updateRooms()
{
    const QString chosen = roomFilter();
    QStringList rooms = m_model->rooms();
    // The operator's choice stays offered while its room is empty: its peers may come back.
    if (!chosen.isEmpty() && !rooms.contains(chosen)) {
        rooms.append(chosen);
        rooms.sort();
    }
    QStringList offered;
    for (int i = 1; i < m_roomFilter->count(); ++i) {
        offered.append(m_roomFilter->itemData(i).toString());
    }
    if (offered == rooms) {
        return;
    }
    // Rebuilt without a filter change in between: the table does not flicker through "all".
    const QSignalBlocker blocker(m_roomFilter);
    m_roomFilter->clear();
    m_roomFilter->addItem(tr("All rooms"), QString());
    for (const QString& room : rooms) {
        m_roomFilter->addItem(room, room);
    }
    m_roomFilter->setCurrentIndex(chosen.isEmpty() ? 0 : m_roomFilter->findData(chosen));
}

void PeersPage::updateCount()
{
    // Before the first listing the count is not known; 0 would be a claim.
    if (!m_tracker->hasLoaded()) {
        return;
    }
    const int count = m_model->rowCount();
    if (count != m_lastCount) {
        m_lastCount = count;
        Q_EMIT peerCountChanged(count);
    }
}

void PeersPage::updateSummary()
{
    if (!m_hasRelay) {
        m_summary->clear();
        return;
    }
    const int total = m_model->rowCount();
    if (!m_tracker->hasLoaded() && total == 0) {
        m_summary->setText(tr("Loading peers…"));
    } else if (total == 0) {
        m_summary->setText(tr("No peer is connected to the relay."));
    } else if (roomFilter().isEmpty()) {
        m_summary->setText(tr("%n peer(s) connected", nullptr, total));
    } else {
        m_summary->setText(tr("%1 of %n peer(s) shown", nullptr, total).arg(m_proxy->rowCount()));
    }
}

void PeersPage::applyRoomFilter()
{
    const QString room = roomFilter();
    if (room.isEmpty()) {
        m_proxy->setFilterFixedString(QString());
    } else {
        m_proxy->setFilterRegularExpression(
            QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(room))));
    }
    updateSummary();
}

} // namespace kv::ui
