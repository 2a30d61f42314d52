#include "ui/apikeys/ApiKeyFilterModel.h"

#include "ui/apikeys/ApiKeyModel.h"

namespace kv::ui {

ApiKeyFilterModel::ApiKeyFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ApiKeyModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // A key revoked or used while the list is sorted or filtered moves to where it now belongs.
    setDynamicSortFilter(true);
}

void ApiKeyFilterModel::setText(const QString& text)
{
    if (text == m_text) {
        return;
    }
    m_text = text;
    invalidateRowsFilter();
}

void ApiKeyFilterModel::setShowInactive(bool show)
{
    if (show == m_showInactive) {
        return;
    }
    m_showInactive = show;
    invalidateRowsFilter();
}

bool ApiKeyFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    if (!m_showInactive
        && source->index(sourceRow, ApiKeyModel::StatusColumn, sourceParent)
                .data(ApiKeyModel::StatusRole)
                .value<ApiKeyModel::Status>()
            != ApiKeyModel::Status::Active) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    return source->index(sourceRow, ApiKeyModel::NameColumn, sourceParent)
               .data()
               .toString()
               .contains(m_text, Qt::CaseInsensitive)
        || source->index(sourceRow, ApiKeyModel::PrefixColumn, sourceParent)
               .data()
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

} // namespace kv::ui
