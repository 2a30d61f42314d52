#pragma once
// PeersPage is the live peers view of the console: the WebRTC peers connected to kvd's signaling
// relay, with their room, API key, address, connection time, ICE state and counters, filtered by
// room and sortable by any column. Joins, leaves and ICE state changes arrive live through the
// client's event feed; the counters move with every message and are not events, so they are
// refreshed in place every few seconds while the page is on screen. A local store has no relay:
// the page says so instead of showing an empty table.

#include "client/Client.h"
#include "ui/ConsolePage.h"

#include <QElapsedTimer>
#include <QTimer>

#include <chrono>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace kv::ui {

class PeerModel;
class PeerTracker;

class PeersPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit PeersPage(client::Client& client, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PeersPage)

    /// Lists the peers again; rows are updated in place, so the selection stays.
    void refresh() override;
    /// How often the counters are refreshed while the page is shown (5 s unless changed).
    void setCounterRefreshInterval(std::chrono::milliseconds interval);
    /// False for a backend without a signaling relay (a local store).
    [[nodiscard]] bool hasRelay() const { return m_hasRelay; }
    /// The peers connected now, whatever the room filter shows.
    [[nodiscard]] int peerCount() const;
    /// The room the table is filtered to; empty for all rooms.
    [[nodiscard]] QString roomFilter() const;
    void setRoomFilter(const QString& room);

Q_SIGNALS:
    /// The number of connected peers changed (and once the first listing is in).
    void peerCountChanged(int count);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void buildRelayView();
    void updateRooms();
    void updateCount();
    void updateSummary();
    void applyRoomFilter();

    const bool m_hasRelay;
    PeerModel* m_model;
    PeerTracker* m_tracker;
    QSortFilterProxyModel* m_proxy;
    QStackedWidget* m_stack;
    QComboBox* m_roomFilter = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_placeholder = nullptr;
    QTimer m_counterTimer;
    /// Since the last listing arrived: a page shown again after a while refreshes at once.
    QElapsedTimer m_sinceListing;
    int m_lastCount = -1;
    /// The failure last reported through failed(), until a listing succeeds.
    QString m_reportedFailure;
    bool m_columnsFitted = false;
};

} // namespace kv::ui
