#pragma once
// AuditFilterBar is the row of filters above the audit trail: a period (any time, the last hour,
// day or week, or a custom range), an actor, an action and a namespace. Typed fields take effect
// once typing pauses (or at Return); a choice in a list at once. A filter that breaks a rule of
// core/model (a namespace id that cannot exist, a range that ends before it starts) is not
// applied: the bar says why next to the fields.

#include "ui/audit/AuditFilter.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace kv::ui {

class AuditFilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditFilterBar(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditFilterBar)

    /// The filter the fields describe now (a preset period counts back from now), or why they
    /// describe none.
    [[nodiscard]] Result<AuditFilter> filter() const;
    /// The first field, for the page's tab order.
    [[nodiscard]] QWidget* firstField() const;
    [[nodiscard]] QWidget* lastField() const;

Q_SIGNALS:
    /// The operator changed the filter to a valid one.
    void filterChanged(const kv::ui::AuditFilter& filter);

private:
    /// What the fields hold, to tell a change from a repeated Return.
    struct Fields
    {
        int period = 0;
        QDateTime from;
        QDateTime to;
        QString actor;
        QString action;
        QString ns;
        friend bool operator==(const Fields&, const Fields&) = default;
    };
    [[nodiscard]] Fields fields() const;
    /// Applies the fields now: says what is wrong with them, or announces the new filter.
    void apply();
    void periodChosen();

    QComboBox* m_period;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QLineEdit* m_actor;
    QComboBox* m_action;
    QLineEdit* m_ns;
    QLabel* m_problem;
    QTimer m_typingDelay;
    std::optional<Fields> m_applied;
};

} // namespace kv::ui
