#pragma once
// ApiKeyModel is the table of every API key of a backend (Client::listApiKeys): name, prefix,
// scopes, namespaces, created, expiry, last use and a status worked out from the key's fields.
// A reload merges the new list into the rows in place (changed rows change, gone rows leave, new
// rows arrive in one batch), so a view keeps its selection and scroll position; a reload that is
// overtaken by a newer one is dropped when it answers. A key that expires while shown turns to
// Expired at that moment, without a reload.

#include "client/Client.h"
#include "model/Clock.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

namespace kv::ui {

class ApiKeyModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        PrefixColumn,
        ScopesColumn,
        NamespacesColumn,
        CreatedColumn,
        ExpiresColumn,
        LastUsedColumn,
        StatusColumn,
        ColumnCount
    };
    /// Data roles beyond Qt's. SortRole gives each column's value in a form that sorts right
    /// (times as numbers, a key that never expires after every one that does).
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, SortRole };
    /// Rotated: revoked because a new key replaced it.
    enum class Status { Active, Expired, Revoked, Rotated };
    Q_ENUM(Status)

    explicit ApiKeyModel(
        client::Client& client, QObject* parent = nullptr, const model::Clock& clock = model::SystemClock::instance());
    Q_DISABLE_COPY_MOVE(ApiKeyModel)

    /// Asks the backend for the keys again; the answer of an earlier reload still on its way is
    /// dropped.
    void reload();
    [[nodiscard]] bool isLoading() const { return m_loading; }

    /// nullptr when `row` is out of range.
    [[nodiscard]] const model::ApiKey* keyAt(int row) const;
    /// -1 when no row holds the key.
    [[nodiscard]] int rowOf(const QString& id) const;
    [[nodiscard]] Status statusOf(const model::ApiKey& key) const;
    [[nodiscard]] static QString statusName(Status status);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    /// A reload's answer is in the rows.
    void loaded();
    void failed(const kv::Error& error);

private:
    /// Brings the rows to `keys`, in place, with the fewest signals that keep a view right.
    void merge(const QList<model::ApiKey>& keys);
    /// Arms the timer for the next expiry of a shown key that is still active.
    void scheduleExpiry();
    [[nodiscard]] QVariant display(const model::ApiKey& key, int column) const;

    client::Client& m_client;
    const model::Clock& m_clock;
    QList<model::ApiKey> m_keys;
    bool m_loading = false;
    /// Bumped by every reload(); an answer of an older one is dropped.
    quint64 m_generation = 0;
    QTimer m_expiry;
};

} // namespace kv::ui
