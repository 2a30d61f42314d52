#pragma once
// NamespaceModel lists the backend's namespaces with their plan, key count and size, reloaded
// as a whole (a backend has few namespaces and many keys). A reload that is overtaken by another
// is dropped when it arrives.

#include "client/Client.h"

#include <QAbstractTableModel>

namespace kv::ui {

class NamespaceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, PlanColumn, KeysColumn, BytesColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, PlanRole, KeyCountRole, BytesRole };

    explicit NamespaceModel(client::Client& client, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(NamespaceModel)

    void reload();
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString idAt(int row) const;
    /// -1 when there is no such namespace.
    [[nodiscard]] int rowOf(const QString& id) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void loaded();
    void failed(const kv::Error& error);

private:
    client::Client& m_client;
    QList<model::Namespace> m_namespaces;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace kv::ui
