#include "ui/audit/AuditModel.h"

#include "model/Json.h"
#include "ui/Async.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace kv::ui {

namespace {

/// Live events arriving this close together go into the table as one insertion: a busy backend
/// audits every write batch, and a view that lays out once per event would fall behind.
constexpr int kLiveBatchMs = 100;

/// The details as one line, cut where a table cell would cut them anyway.
QString summaryOf(const QJsonObject& details)
{
    constexpr qsizetype kMaxLength = 80;
    if (details.isEmpty()) {
        return {};
    }
    const QString text = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    return text.size() > kMaxLength ? text.left(kMaxLength - 1) + QChar(0x2026) : text;
}

} // namespace

AuditModel::AuditModel(client::Client& client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    m_liveBatch.setSingleShot(true);
    m_liveBatch.setInterval(kLiveBatchMs);
    connect(&m_liveBatch, &QTimer::timeout, this, &AuditModel::insertLive);
    connect(&m_client, &client::Client::eventReceived, this, &AuditModel::receive);
    // The feed could not replay a stretch it lost: rows built from it may lack events.
    connect(&m_client, &client::Client::eventsMissed, this, &AuditModel::reload);
}

void AuditModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

void AuditModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_events.clear();
    m_beforeId = 0;
    m_firstPageIn = false;
    m_complete = false;
    // They matched the old filter, and the first page of the new one brings what was written so far.
    m_pendingLive.clear();
    m_liveBatch.stop();
    // Settled before the reset ends: a view may ask for the first page from inside it.
    setLoading(false);
    endResetModel();
    fetchMore({});
}

void AuditModel::setPageSize(int events)
{
    m_pageSize = std::clamp(events, 1, 1000);
}

int AuditModel::rowOfId(qint64 id) const
{
    const int row = insertionRow(id);
    return row < m_events.size() && m_events.at(row).id == id ? row : -1;
}

int AuditModel::insertionRow(qint64 id) const
{
    // The first row that is not newer than `id`.
    const auto at = std::partition_point(
        m_events.cbegin(), m_events.cend(), [id](const model::AuditEvent& event) { return event.id > id; });
    return static_cast<int>(at - m_events.cbegin());
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const model::AuditEvent& event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            // Seconds matter in a trail, and a fixed year-first form reads the same in every locale.
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(event.at), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ActorColumn:
            return event.actor;
        case ActionColumn:
            return event.action;
        case NamespaceColumn:
            return event.ns;
        case TargetColumn:
            return event.target;
        case RequestIdColumn:
            return event.requestId;
        case DetailsColumn:
            return summaryOf(event.details);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return tr("%1 UTC").arg(
                QDateTime::fromMSecsSinceEpoch(event.at, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        case DetailsColumn:
            return event.details.isEmpty()
                ? QVariant()
                : QVariant(QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Indented)));
        default:
            return {};
        }
    case IdRole:
        return event.id;
    case AtRole:
        return event.at;
    case DetailsRole:
        return event.details;
    case EventJsonRole:
        return model::json::fromAuditEvent(event);
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == TimeColumn) {
        return tr("Local time, newest first; the UTC time is in each row's tooltip");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case NamespaceColumn:
        return tr("Namespace");
    case TargetColumn:
        return tr("Target");
    case RequestIdColumn:
        return tr("Request id");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

bool AuditModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_complete && !m_loading;
}

void AuditModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    setLoading(true);
    const quint64 generation = m_generation;
    whenDone(m_client.auditPage(m_filter.query(m_beforeId, m_pageSize)), this,
        [this, generation](const Result<client::AuditPage>& page) {
            if (generation != m_generation) {
                return;
            }
            if (!page) {
                // Stop here rather than ask again and again; reload() starts over.
                m_complete = true;
                setLoading(false);
                Q_EMIT failed(page.error());
                return;
            }
            // The cursor moves before the rows go in: a view that asks for more while they are
            // inserted must ask for the next page, not this one again.
            m_firstPageIn = true;
            m_beforeId = page->nextBeforeId;
            m_complete = page->nextBeforeId == 0;
            // A live event may already have brought one of these rows. The rest are older than
            // every row there (ids follow the order changes commit in), so they go below them in
            // one insertion; one that is not (a store whose ids commit out of order) finds its
            // place on its own.
            QList<model::AuditEvent> older;
            older.reserve(page->events.size());
            QList<model::AuditEvent> stragglers;
            for (const model::AuditEvent& event : page->events) {
                if (rowOfId(event.id) >= 0) {
                    continue;
                }
                const bool below = m_events.isEmpty() || event.id < m_events.constLast().id;
                if (below && (older.isEmpty() || event.id < older.constLast().id)) {
                    older.append(event);
                } else {
                    stragglers.append(event);
                }
            }
            if (!older.isEmpty()) {
                const int first = static_cast<int>(m_events.size());
                beginInsertRows({}, first, first + static_cast<int>(older.size()) - 1);
                m_events.append(older);
                endInsertRows();
            }
            for (const model::AuditEvent& event : std::as_const(stragglers)) {
                if (rowOfId(event.id) >= 0) {
                    continue;
                }
                const int row = insertionRow(event.id);
                beginInsertRows({}, row, row);
                m_events.insert(row, event);
                endInsertRows();
            }
            setLoading(false);
            Q_EMIT pageLoaded(static_cast<int>(page->events.size()), m_complete);
        });
}

void AuditModel::receive(const model::ServiceEvent& event)
{
    if (event.type != model::ServiceEvent::Type::Audit) {
        return;
    }
    auto audit = model::json::toAuditEvent(event.data);
    if (!audit || !m_filter.matches(*audit)) {
        return;
    }
    m_pendingLive.append(std::move(*audit));
    if (!m_liveBatch.isActive()) {
        m_liveBatch.start();
    }
}

void AuditModel::insertLive()
{
    QList<model::AuditEvent> pending = std::exchange(m_pendingLive, {});
    std::sort(pending.begin(), pending.end(),
        [](const model::AuditEvent& a, const model::AuditEvent& b) { return a.id > b.id; });
    // Newer than every row: one insertion at the top. Older events within the loaded stretch find
    // their place one by one; older than the loaded stretch, the next page brings them.
    QList<model::AuditEvent> newest;
    QList<model::AuditEvent> within;
    for (const model::AuditEvent& event : std::as_const(pending)) {
        const bool duplicate = (!newest.isEmpty() && newest.constLast().id == event.id)
            || (!within.isEmpty() && within.constLast().id == event.id) || rowOfId(event.id) >= 0;
        if (duplicate) {
            continue;
        }
        if (m_events.isEmpty() || event.id > m_events.constFirst().id) {
            newest.append(event);
        } else if (m_complete || !m_firstPageIn || event.id > m_beforeId) {
            within.append(event);
        }
    }
    if (!newest.isEmpty()) {
        beginInsertRows({}, 0, static_cast<int>(newest.size()) - 1);
        // QList keeps room at its front: prepending a few rows to many moves none.
        for (auto it = newest.crbegin(); it != newest.crend(); ++it) {
            m_events.prepend(*it);
        }
        endInsertRows();
    }
    for (const model::AuditEvent& event : std::as_const(within)) {
        const int row = insertionRow(event.id);
        beginInsertRows({}, row, row);
        m_events.insert(row, event);
        endInsertRows();
    }
    if (const auto inserted = newest.size() + within.size(); inserted > 0) {
        Q_EMIT liveInserted(static_cast<int>(inserted));
    }
}

void AuditModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

} // namespace kv::ui
