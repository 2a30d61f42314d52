#include "ui/dialogs/NamespaceDialogs.h"

#include "model/Validation.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kv::ui {

namespace {

/// "Pro — 3,000,000 reads a month" style label for a plan.
QString describe(const model::Plan& plan)
{
    const QString name = plan.name.isEmpty() ? plan.id : plan.name;
    if (plan.quota.readsPerMonth < 0) {
        return QCoreApplication::translate("kv::ui::PlanDialog", "%1 (unlimited)").arg(name);
    }
    return QCoreApplication::translate("kv::ui::PlanDialog", "%1 (%2 reads a month)")
        .arg(name, QLocale().toString(plan.quota.readsPerMonth));
}

void fillPlans(QComboBox* combo, const QList<model::Plan>& plans, const QString& selected)
{
    for (const model::Plan& plan : plans) {
        combo->addItem(describe(plan), plan.id);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(selected)));
}

} // namespace

NewNamespaceDialog::NewNamespaceDialog(const QList<model::Plan>& plans, const QString& defaultPlan, QWidget* parent)
    : QDialog(parent)
    , m_id(new QLineEdit(this))
    , m_plan(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New namespace"));
    setObjectName(QStringLiteral("newNamespaceDialog"));
    m_id->setObjectName(QStringLiteral("namespaceId"));
    m_id->setAccessibleName(tr("Namespace id"));
    m_id->setAccessibleDescription(tr("Lower-case letters, digits, - and _, starting with a letter or digit"));
    m_id->setPlaceholderText(tr("e.g. sessions"));
    m_plan->setObjectName(QStringLiteral("namespacePlan"));
    m_plan->setAccessibleName(tr("Plan"));
    fillPlans(m_plan, plans, defaultPlan);
    m_problem->setObjectName(QStringLiteral("namespaceProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem with the id"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto* form = new QFormLayout;
    auto* idLabel = new QLabel(tr("&Id:"), this);
    idLabel->setBuddy(m_id);
    auto* planLabel = new QLabel(tr("&Plan:"), this);
    planLabel->setBuddy(m_plan);
    form->addRow(idLabel, m_id);
    form->addRow(planLabel, m_plan);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_id, &QLineEdit::textChanged, this, &NewNamespaceDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString NewNamespaceDialog::namespaceId() const
{
    return m_id->text();
}

QString NewNamespaceDialog::plan() const
{
    return m_plan->currentData().toString();
}

void NewNamespaceDialog::validate()
{
    const auto valid = model::validateNamespaceId(m_id->text());
    // Nothing typed yet is not an error worth a message.
    m_problem->setText(valid || m_id->text().isEmpty() ? QString() : valid.error().message());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid.ok());
}

DeleteNamespaceDialog::DeleteNamespaceDialog(const QString& id, qint64 keyCount, QWidget* parent)
    : QDialog(parent)
    , m_confirmation(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Delete namespace"));
    setObjectName(QStringLiteral("deleteNamespaceDialog"));
    auto* warning = new QLabel(tr("Deleting %1 removes its %n key(s) for good. Type the namespace's id to confirm.", "",
                                   static_cast<int>(keyCount))
                                   .arg(id),
        this);
    warning->setWordWrap(true);
    auto* label = new QLabel(tr("&Namespace id:"), this);
    label->setBuddy(m_confirmation);
    m_confirmation->setObjectName(QStringLiteral("deleteConfirmation"));
    m_confirmation->setAccessibleName(tr("Type the namespace id to confirm"));
    QPushButton* remove = m_buttons->button(QDialogButtonBox::Ok);
    remove->setText(tr("Delete"));
    remove->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addWidget(label);
    layout->addWidget(m_confirmation);
    layout->addWidget(m_buttons);
    connect(m_confirmation, &QLineEdit::textChanged, this,
        [remove, id](const QString& typed) { remove->setEnabled(typed == id); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PlanDialog::PlanDialog(const QString& id, const QList<model::Plan>& plans, const QString& current, QWidget* parent)
    : QDialog(parent)
    , m_plan(new QComboBox(this))
{
    setWindowTitle(tr("Change plan of %1").arg(id));
    setObjectName(QStringLiteral("planDialog"));
    m_plan->setObjectName(QStringLiteral("planChoice"));
    m_plan->setAccessibleName(tr("Plan"));
    fillPlans(m_plan, plans, current);
    auto* label = new QLabel(tr("&Plan:"), this);
    label->setBuddy(m_plan);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_plan);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PlanDialog::plan() const
{
    return m_plan->currentData().toString();
}

} // namespace kv::ui
