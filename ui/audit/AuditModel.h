#pragma once
// AuditModel is the audit trail as a table, newest first (the order the service pages it in):
// time, actor, action, namespace, target, request id and details. The first page comes from
// Client::auditPage, the next ones through canFetchMore/fetchMore with the page's cursor, one
// capped page per call. Events of the live feed that match the filter join the rows where their
// id puts them (the top, for a new one), gathered into one insertion per batch; a feed that
// missed events reloads. Changing the filter starts a new generation: pages still on their way
// for an older one are dropped when they arrive.

#include "client/Client.h"
#include "ui/audit/AuditFilter.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

namespace kv::ui {

class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ActorColumn,
        ActionColumn,
        NamespaceColumn,
        TargetColumn,
        RequestIdColumn,
        DetailsColumn,
        ColumnCount
    };
    /// Data roles beyond Qt's: the raw values behind the displayed text.
    enum Role {
        IdRole = Qt::UserRole + 1,
        /// Milliseconds since the epoch, UTC.
        AtRole,
        DetailsRole,
        /// The whole event as the API writes it (a QJsonObject).
        EventJsonRole
    };

    explicit AuditModel(client::Client& client, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditModel)

    /// Shows the events that match `filter`, from the first page.
    void setFilter(const AuditFilter& filter);
    [[nodiscard]] const AuditFilter& filter() const { return m_filter; }
    /// Starts again from the first page with the same filter.
    void reload();

    /// Events per page (1..1000).
    void setPageSize(int events);
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// Every event of the trail that matches the filter is loaded.
    [[nodiscard]] bool isComplete() const { return m_complete; }

    [[nodiscard]] const model::AuditEvent& eventAt(int row) const { return m_events.at(row); }
    /// -1 when the event is not loaded.
    [[nodiscard]] int rowOfId(qint64 id) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page arrived with `events` rows; `complete` when it was the last.
    void pageLoaded(int events, bool complete);
    /// Live events joined the rows.
    void liveInserted(int events);
    void failed(const kv::Error& error);

private:
    void receive(const model::ServiceEvent& event);
    /// Inserts the live events gathered since the last batch.
    void insertLive();
    /// The row an event with this id belongs at, by id, newest first.
    [[nodiscard]] int insertionRow(qint64 id) const;
    void setLoading(bool loading);

    client::Client& m_client;
    AuditFilter m_filter;
    /// Newest first: ids strictly decreasing.
    QList<model::AuditEvent> m_events;
    /// The id the next page continues before; 0 until the first page arrived.
    qint64 m_beforeId = 0;
    bool m_firstPageIn = false;
    bool m_complete = false;
    bool m_loading = false;
    int m_pageSize = 100;
    /// Bumped by every setFilter()/reload(); a page of an older generation is dropped.
    quint64 m_generation = 0;
    /// Matching live events waiting for the next batch.
    QList<model::AuditEvent> m_pendingLive;
    QTimer m_liveBatch;
};

} // namespace kv::ui
