#include "ui/models/NamespaceModel.h"

#include "ui/Async.h"
#include "ui/models/DataSize.h"

#include <QLocale>

namespace kv::ui {

NamespaceModel::NamespaceModel(client::Client& client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{ }

void NamespaceModel::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    whenDone(m_client.listNamespaces(), this, [this, generation](const Result<QList<model::Namespace>>& namespaces) {
        if (generation != m_generation) {
            return;
        }
        m_loading = false;
        if (!namespaces) {
            Q_EMIT failed(namespaces.error());
            return;
        }
        beginResetModel();
        m_namespaces = *namespaces;
        endResetModel();
        Q_EMIT loaded();
    });
}

QString NamespaceModel::idAt(int row) const
{
    return row >= 0 && row < m_namespaces.size() ? m_namespaces.at(row).id : QString();
}

int NamespaceModel::rowOf(const QString& id) const
{
    for (qsizetype row = 0; row < m_namespaces.size(); ++row) {
        if (m_namespaces.at(row).id == id) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

int NamespaceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_namespaces.size());
}

int NamespaceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NamespaceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const model::Namespace& ns = m_namespaces.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return ns.id;
        case PlanColumn:
            return ns.plan;
        case KeysColumn:
            return QLocale().toString(ns.keyCount);
        case BytesColumn:
            return formatDataSize(ns.bytes);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == KeysColumn || index.column() == BytesColumn
            ? QVariant(Qt::AlignTrailing | Qt::AlignVCenter)
            : QVariant();
    case IdRole:
        return ns.id;
    case PlanRole:
        return ns.plan;
    case KeyCountRole:
        return ns.keyCount;
    case BytesRole:
        return ns.bytes;
    default:
        return {};
    }
}

QVariant NamespaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IdColumn:
        return tr("Namespace");
    case PlanColumn:
        return tr("Plan");
    case KeysColumn:
        return tr("Keys");
    case BytesColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace kv::ui
