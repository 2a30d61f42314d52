#pragma once
// KeyTableModel is the key table of one namespace: key, size, expiration, version and a summary
// of the metadata, loaded page by page through the client (canFetchMore/fetchMore, one page per
// call, in key order) so that a namespace of millions of keys opens at once. Changing the
// namespace or the prefix starts a new generation: pages still on their way for the old one are
// dropped when they arrive.

#include "client/Client.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace kv::ui {

class KeyTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, SizeColumn, ExpirationColumn, VersionColumn, MetadataColumn, ColumnCount };
    /// Data roles beyond Qt's: the raw values behind the displayed text.
    enum Role { KeyRole = Qt::UserRole + 1, SizeRole, ExpiresAtRole, VersionRole, MetadataRole };

    explicit KeyTableModel(client::Client& client, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(KeyTableModel)

    /// Shows the keys of `ns` (empty: none) that start with `prefix`, from the first page.
    void show(const QString& ns, const QString& prefix = {});
    /// Starts again from the first page with the same namespace and prefix.
    void reload();
    [[nodiscard]] const QString& namespaceId() const { return m_ns; }
    [[nodiscard]] const QString& prefix() const { return m_prefix; }

    /// Keys per page (1..1000).
    void setPageSize(int keys);
    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// Every key of the listing is loaded.
    [[nodiscard]] bool isComplete() const { return m_complete; }

    [[nodiscard]] QString keyAt(int row) const;
    /// -1 when the key is not loaded.
    [[nodiscard]] int rowOf(const QString& key) const;
    /// Takes keys out of the table after they were deleted, without a reload.
    void forget(const QStringList& keys);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page arrived; `complete` when it was the last.
    void pageLoaded(int keys, bool complete);
    void failed(const kv::Error& error);

private:
    /// What a row keeps: small, since a table may hold a million of them.
    struct Row
    {
        QString key;
        qint64 size = 0;
        qint64 version = 0;
        /// Milliseconds since the epoch; 0: never expires.
        model::Timestamp expiresAt = 0;
        QJsonObject metadata;
    };

    void setLoading(bool loading);

    client::Client& m_client;
    QString m_ns;
    QString m_prefix;
    QList<Row> m_rows;
    QString m_cursor;
    bool m_complete = true;
    bool m_loading = false;
    int m_pageSize = 500;
    /// Bumped by every show()/reload(); a page of an older generation is dropped.
    quint64 m_generation = 0;
};

} // namespace kv::ui
