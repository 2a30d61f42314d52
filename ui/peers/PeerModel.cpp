#include "ui/peers/PeerModel.h"

#include "model/Json.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <array>

namespace kv::ui {

namespace {

QString keyOf(const QString& room, const QString& id)
{
    return room + QLatin1Char('\n') + id;
}

QString keyOf(const model::Peer& peer)
{
    return keyOf(peer.room, peer.id);
}

/// RTCIceConnectionState in the order a connection goes through it, so that sorting by state
/// groups the healthy peers apart from the failing ones.
constexpr std::array<QStringView, 7> kIceStates { u"new", u"checking", u"connected", u"completed", u"disconnected",
    u"failed", u"closed" };

int iceStateOrder(const QString& state)
{
    const auto found = std::find(kIceStates.cbegin(), kIceStates.cend(), QStringView(state));
    return static_cast<int>(found - kIceStates.cbegin());
}

/// The value behind a cell, for sorting and for telling which cells an update changed.
QVariant rawValue(const model::Peer& peer, int column)
{
    switch (column) {
    case PeerModel::IdColumn:
        return peer.id;
    case PeerModel::RoomColumn:
        return peer.room;
    case PeerModel::ApiKeyColumn:
        return peer.apiKeyId;
    case PeerModel::AddressColumn:
        return peer.remoteAddress;
    case PeerModel::ConnectedSinceColumn:
        return peer.connectedSince;
    case PeerModel::IceStateColumn:
        return iceStateOrder(peer.iceState);
    case PeerModel::MessagesInColumn:
        return peer.messagesIn;
    case PeerModel::MessagesOutColumn:
        return peer.messagesOut;
    case PeerModel::BytesInColumn:
        return peer.bytesIn;
    case PeerModel::BytesOutColumn:
        return peer.bytesOut;
    default:
        return {};
    }
}

} // namespace

PeerModel::PeerModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PeerModel::setPeers(const QList<model::Peer>& peers)
{
    QHash<QString, qsizetype> listed;
    listed.reserve(peers.size());
    for (qsizetype i = 0; i < peers.size(); ++i) {
        listed.insert(keyOf(peers.at(i)), i);
    }
    // Gone: removed bottom-up, a run of neighbours at a time, so that the rows above keep their
    // numbers while the loop goes on.
    for (int row = static_cast<int>(m_peers.size()) - 1; row >= 0; --row) {
        if (listed.contains(keyOf(m_peers.at(row)))) {
            continue;
        }
        const int last = row;
        while (row > 0 && !listed.contains(keyOf(m_peers.at(row - 1)))) {
            --row;
        }
        removeRun(row, last);
    }
    for (int row = 0; row < m_peers.size(); ++row) {
        replace(row, peers.at(listed.value(keyOf(m_peers.at(row)))));
    }
    QList<model::Peer> added;
    for (const model::Peer& peer : peers) {
        if (!m_rows.contains(keyOf(peer))) {
            added.append(peer);
        }
    }
    append(added);
}

bool PeerModel::apply(const model::ServiceEvent& event)
{
    using Type = model::ServiceEvent::Type;
    if (event.type != Type::PeerJoined && event.type != Type::PeerLeft && event.type != Type::PeerState) {
        return false;
    }
    auto peer = model::json::toPeer(event.data);
    if (!peer) {
        return false;
    }
    const int row = rowOf(peer->room, peer->id);
    // An id that left and came back is a new connection with a later start: an event about the
    // earlier one (it can arrive after a listing that already shows the new one) is stale.
    if (row >= 0 && m_peers.at(row).connectedSince > peer->connectedSince) {
        return false;
    }
    if (event.type == Type::PeerLeft) {
        if (row < 0) {
            return false;
        }
        removeRun(row, row);
        return true;
    }
    if (row < 0) {
        append({ *peer });
        return true;
    }
    const model::Peer& current = m_peers.at(row);
    if (current.connectedSince == peer->connectedSince) {
        // The same connection, whose counters only grow: an event from before the listing the
        // row came from must not take them back.
        peer->messagesIn = std::max(peer->messagesIn, current.messagesIn);
        peer->messagesOut = std::max(peer->messagesOut, current.messagesOut);
        peer->bytesIn = std::max(peer->bytesIn, current.bytesIn);
        peer->bytesOut = std::max(peer->bytesOut, current.bytesOut);
    }
    if (*peer == current) {
        return false;
    }
    replace(row, *peer);
    return true;
}

void PeerModel::clear()
{
    if (m_peers.isEmpty()) {
        return;
    }
    beginResetModel();
    m_peers.clear();
    m_rows.clear();
    endResetModel();
}

int PeerModel::rowOf(const QString& room, const QString& id) const
{
    return m_rows.value(keyOf(room, id), -1);
}

QStringList PeerModel::rooms() const
{
    QSet<QString> rooms;
    for (const model::Peer& peer : m_peers) {
        rooms.insert(peer.room);
    }
    QStringList sorted(rooms.cbegin(), rooms.cend());
    sorted.sort();
    return sorted;
}

QString PeerModel::iceStateLabel(const QString& state)
{
    switch (iceStateOrder(state)) {
    case 0:
        return tr("New");
    case 1:
        return tr("Checking");
    case 2:
        return tr("Connected");
    case 3:
        return tr("Completed");
    case 4:
        return tr("Disconnected");
    case 5:
        return tr("Failed");
    case 6:
        return tr("Closed");
    default:
        return state;
    }
}

void PeerModel::append(const QList<model::Peer>& peers)
{
    // A listing may name a peer twice only through a bug elsewhere; the table still shows it once.
    QList<model::Peer> fresh;
    QSet<QString> seen;
    for (const model::Peer& peer : peers) {
        const QString key = keyOf(peer);
        if (!m_rows.contains(key) && !seen.contains(key)) {
            seen.insert(key);
            fresh.append(peer);
        }
    }
    if (fresh.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_peers.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (const model::Peer& peer : fresh) {
        m_rows.insert(keyOf(peer), static_cast<int>(m_peers.size()));
        m_peers.append(peer);
    }
    endInsertRows();
}

void PeerModel::replace(int row, const model::Peer& peer)
{
    int first = ColumnCount;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (rawValue(m_peers.at(row), column) != rawValue(peer, column)
            || (column == IceStateColumn && m_peers.at(row).iceState != peer.iceState)) {
            first = std::min(first, column);
            last = column;
        }
    }
    m_peers[row] = peer;
    if (last >= 0) {
        Q_EMIT dataChanged(index(row, first), index(row, last));
    }
}

void PeerModel::removeRun(int first, int last)
{
    beginRemoveRows({}, first, last);
    m_peers.remove(first, last - first + 1);
    reindex();
    endRemoveRows();
}

void PeerModel::reindex()
{
    m_rows.clear();
    m_rows.reserve(m_peers.size());
    for (qsizetype row = 0; row < m_peers.size(); ++row) {
        m_rows.insert(keyOf(m_peers.at(row)), static_cast<int>(row));
    }
}

int PeerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_peers.size());
}

int PeerModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeerModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const model::Peer& peer = m_peers.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ConnectedSinceColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(peer.connectedSince), QLocale::ShortFormat);
        case IceStateColumn:
            return iceStateLabel(peer.iceState);
        case MessagesInColumn:
        case MessagesOutColumn:
            return QLocale().toString(rawValue(peer, column).toLongLong());
        case BytesInColumn:
        case BytesOutColumn:
            return QLocale().formattedDataSize(rawValue(peer, column).toLongLong());
        default:
            return rawValue(peer, column);
        }
    case Qt::ToolTipRole:
        switch (column) {
        case ConnectedSinceColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(peer.connectedSince), QLocale::LongFormat);
        case BytesInColumn:
        case BytesOutColumn:
            return tr("%1 bytes").arg(QLocale().toString(rawValue(peer, column).toLongLong()));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return column >= MessagesInColumn ? QVariant(Qt::AlignTrailing | Qt::AlignVCenter) : QVariant();
    case SortRole:
        return rawValue(peer, column);
    case PeerIdRole:
        return peer.id;
    case RoomRole:
        return peer.room;
    case ApiKeyIdRole:
        return peer.apiKeyId;
    case IceStateRole:
        return peer.iceState;
    default:
        return {};
    }
}

QVariant PeerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case IdColumn:
        return tip ? tr("The peer's id, unique within its room") : tr("Peer");
    case RoomColumn:
        return tr("Room");
    case ApiKeyColumn:
        return tip ? tr("The id of the API key the peer authenticated with") : tr("API key");
    case AddressColumn:
        return tip ? tr("The address and port the peer connects from") : tr("Address");
    case ConnectedSinceColumn:
        return tr("Connected since");
    case IceStateColumn:
        return tip ? tr("The ICE connection state the peer last reported") : tr("ICE state");
    case MessagesInColumn:
        return tip ? tr("Messages the peer sent to the relay") : tr("Messages in");
    case MessagesOutColumn:
        return tip ? tr("Messages the relay sent to the peer") : tr("Messages out");
    case BytesInColumn:
        return tip ? tr("Bytes the peer sent to the relay") : tr("Bytes in");
    case BytesOutColumn:
        return tip ? tr("Bytes the relay sent to the peer") : tr("Bytes out");
    default:
        return {};
    }
}

} // namespace kv::ui
