#pragma once
// AuditPage is the audit trail of the backend as a page of the main window: who changed which
// namespace, plan or API key, when, and under which request id. Filters above narrow it; the
// table below pages in as the operator scrolls, newest first, and takes in live events that
// match without moving the rows of an operator who scrolled away from the top; the pane under it
// shows the chosen event whole, as JSON.

#include "client/Client.h"
#include "ui/ConsolePage.h"

#include <optional>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTableView;

namespace kv::ui {

class AuditFilterBar;
class AuditModel;

class AuditPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit AuditPage(client::Client& client, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditPage)

    /// Reloads the trail from the newest event; a preset period counts back from now again.
    void refresh() override;

    [[nodiscard]] AuditModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }

private:
    void showDetails();
    void showStatus();
    /// Rows going in above the first one shown push it down; these two scroll by as much, so
    /// that a reader who scrolled away keeps reading the same rows.
    void rowsComing(int first);
    void rowsCame(int first, int last);

    AuditModel* m_model;
    AuditFilterBar* m_filters;
    QLabel* m_status;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QSplitter* m_splitter;
    /// The scroll position to keep while rows are inserted above the first row shown.
    std::optional<int> m_keptScroll;
};

} // namespace kv::ui
