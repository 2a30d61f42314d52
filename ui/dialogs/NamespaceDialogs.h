#pragma once
// The dialogs of namespace administration: create (the id is checked against the model's rule as
// it is typed), delete (the id must be typed again, since everything in it goes), and plan change.
// They only ask; the main window makes the client calls.

#include "model/Plan.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kv::ui {

class NewNamespaceDialog final : public QDialog
{
    Q_OBJECT
public:
    NewNamespaceDialog(const QList<model::Plan>& plans, const QString& defaultPlan, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(NewNamespaceDialog)

    [[nodiscard]] QString namespaceId() const;
    [[nodiscard]] QString plan() const;

private:
    void validate();

    QLineEdit* m_id;
    QComboBox* m_plan;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

class DeleteNamespaceDialog final : public QDialog
{
    Q_OBJECT
public:
    DeleteNamespaceDialog(const QString& id, qint64 keyCount, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(DeleteNamespaceDialog)

private:
    QLineEdit* m_confirmation;
    QDialogButtonBox* m_buttons;
};

class PlanDialog final : public QDialog
{
    Q_OBJECT
public:
    PlanDialog(const QString& id, const QList<model::Plan>& plans, const QString& current, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PlanDialog)

    [[nodiscard]] QString plan() const;

private:
    QComboBox* m_plan;
};

} // namespace kv::ui
