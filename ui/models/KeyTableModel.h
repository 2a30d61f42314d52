#pragma once
// KeyTableModel is the key table of one namespace: key, size, expiration, version and a summary
// of the metadata, loaded page by page through the client (canFetchMore/fetchMore, one page per
// call, in key order, A to Z or Z to A) so that a namespace of millions of keys opens at once.
// Changing the namespace, the prefix or the order starts a new generation: pages still on their
// way for the old one are dropped when they arrive.

#include "client/Client.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

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

    /// Orders the table by key, which the server pages in either direction: sorting the key column
    /// reloads from the first page in that order (a no-op when it is the order already). Other
    /// columns cannot be sorted and the request is ignored: ordering a namespace by size or
    /// version would mean loading every key of it first. The order outlives show() and reload().
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    [[nodiscard]] Qt::SortOrder sortOrder() const;

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
    /// The rows of one page, packed: a million rows as a QList of structs with a QString and a
    /// QJsonObject each took ~300 MB and stalled the UI thread for ~0.5 s whenever the list grew
    /// (bench/ui_bench); packed pages take ~70 bytes a row and never move their rows.
    struct Page
    {
        /// What every row keeps besides its bytes.
        struct Fields
        {
            /// Ends of the row's key in `keys` and metadata in `metadata` (a row starts where the
            /// previous one ends).
            quint32 keyEnd = 0;
            quint32 metadataEnd = 0;
            qint64 size = 0;
            qint64 version = 0;
            /// Milliseconds since the epoch; 0: never expires.
            model::Timestamp expiresAt = 0;
        };
        /// The row of the whole table this page starts at.
        int firstRow = 0;
        /// The keys as UTF-8 (the store's order is the byte order of UTF-8), back to back.
        QByteArray keys;
        /// Each row's metadata as compact JSON (nothing when it has none), back to back.
        QByteArray metadata;
        std::vector<Fields> rows;

        [[nodiscard]] int size() const { return static_cast<int>(rows.size()); }
        [[nodiscard]] QByteArrayView keyAt(int i) const;
        [[nodiscard]] QByteArrayView metadataAt(int i) const;
        void append(const model::KeyInfo& info);
        /// A copy without row `i`.
        [[nodiscard]] Page without(int i) const;
    };
    /// The page holding `row` and the row's place in it.
    [[nodiscard]] std::pair<const Page*, int> locate(int row) const;

    void setLoading(bool loading);

    client::Client& m_client;
    QString m_ns;
    QString m_prefix;
    /// In the listing's order; none is empty.
    std::vector<Page> m_pages;
    int m_rowCount = 0;
    QString m_cursor;
    bool m_complete = true;
    bool m_loading = false;
    int m_pageSize = 500;
    model::KeyOrder m_order = model::KeyOrder::Ascending;
    /// Bumped by every show()/reload()/sort(); a page of an older generation is dropped.
    quint64 m_generation = 0;
};

} // namespace kv::ui
