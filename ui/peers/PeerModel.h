#pragma once
// PeerModel is the table of signaling peers connected to a kvd relay: id, room, API key, address,
// connected since, ICE state and message and byte counters. It is filled from two sources that
// overlap in time — a listing (setPeers) and the live peer events (apply) — so both reconcile by
// peer rather than append or reset: a listing updates rows in place, removes the peers that are
// gone and inserts the new ones in one batch; an event that repeats what a row already shows, or
// that is about an earlier connection of the same id, changes nothing. A view's selection and
// scroll position therefore survive every refresh.

#include "model/Peer.h"
#include "model/ServiceEvent.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace kv::ui {

class PeerModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        RoomColumn,
        ApiKeyColumn,
        AddressColumn,
        ConnectedSinceColumn,
        IceStateColumn,
        MessagesInColumn,
        MessagesOutColumn,
        BytesInColumn,
        BytesOutColumn,
        ColumnCount
    };
    enum Role {
        /// What a column sorts by: numbers as numbers, times as timestamps, ICE states in the
        /// order a connection goes through them.
        SortRole = Qt::UserRole + 1,
        PeerIdRole,
        RoomRole,
        ApiKeyIdRole,
        /// The state as the peer reported it ("connected"), untranslated.
        IceStateRole,
    };

    explicit PeerModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PeerModel)

    /// Makes the table show `peers` (a listing of the relay): rows are updated in place, peers
    /// no longer listed removed, new ones appended in one insertion.
    void setPeers(const QList<model::Peer>& peers);
    /// Applies a peer.joined, peer.left or peer.state event; false when it changed nothing (any
    /// other event type, a malformed one, or one about an earlier connection than the row's).
    bool apply(const model::ServiceEvent& event);
    void clear();

    /// The row of the peer `id` in `room` (ids are unique per room only); -1 when absent.
    [[nodiscard]] int rowOf(const QString& room, const QString& id) const;
    [[nodiscard]] const model::Peer& peerAt(int row) const { return m_peers.at(row); }
    /// The rooms that have a peer, sorted.
    [[nodiscard]] QStringList rooms() const;

    /// The text shown for an ICE state ("connected" -> "Connected"); an unknown one as it is.
    [[nodiscard]] static QString iceStateLabel(const QString& state);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    /// Appends peers not in the table, in one insertion.
    void append(const QList<model::Peer>& peers);
    /// Replaces row `row`, telling views about the columns that changed only.
    void replace(int row, const model::Peer& peer);
    void removeRun(int first, int last);
    void reindex();

    QList<model::Peer> m_peers;
    /// "room\nid" -> row.
    QHash<QString, int> m_rows;
};

} // namespace kv::ui
