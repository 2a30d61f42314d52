#pragma once
// The key table as the API keys page shows it: sorted by any column (times as times, not as
// text) and narrowed to the keys whose name or prefix holds the filter text, optionally to the
// keys that still work.

#include <QSortFilterProxyModel>

namespace kv::ui {

class ApiKeyFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ApiKeyFilterModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(ApiKeyFilterModel)

    /// Keys whose name or prefix contains `text`, ignoring case; empty: every key.
    void setText(const QString& text);
    [[nodiscard]] const QString& text() const { return m_text; }
    /// Whether revoked, rotated and expired keys are shown (they are by default).
    void setShowInactive(bool show);
    [[nodiscard]] bool showsInactive() const { return m_showInactive; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    bool m_showInactive = true;
};

} // namespace kv::ui
