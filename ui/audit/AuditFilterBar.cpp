#include "ui/audit/AuditFilterBar.h"

#include "model/Validation.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace kv::ui {

namespace {

/// Typing pauses this long before the trail follows a typed field.
constexpr int kTypingDelayMs = 300;

/// The period list's data: how far back a preset reaches, in seconds.
constexpr qint64 kAnyTime = 0;
constexpr qint64 kCustomRange = -1;

} // namespace

AuditFilterBar::AuditFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_period(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_actor(new QLineEdit(this))
    , m_action(new QComboBox(this))
    , m_ns(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("auditFilters"));

    m_period->setObjectName(QStringLiteral("auditPeriod"));
    m_period->setAccessibleName(tr("Period"));
    m_period->setAccessibleDescription(tr("Shows only the events of this period"));
    m_period->addItem(tr("Any time"), kAnyTime);
    m_period->addItem(tr("Last hour"), qint64(60 * 60));
    m_period->addItem(tr("Last 24 hours"), qint64(24 * 60 * 60));
    m_period->addItem(tr("Last 7 days"), qint64(7 * 24 * 60 * 60));
    m_period->addItem(tr("Custom range"), kCustomRange);

    // A custom range starts as the last day, to the minute.
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime minute(now.date(), QTime(now.time().hour(), now.time().minute()));
    const auto setUpTime = [](QDateTimeEdit* edit, const QString& name, const QString& accessible,
                               const QString& description, const QDateTime& start) {
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setAccessibleDescription(description);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setDateTime(start);
        edit->setEnabled(false);
    };
    setUpTime(m_from, QStringLiteral("auditFrom"), tr("From"), tr("The earliest time of the custom range, included"),
        minute.addDays(-1));
    setUpTime(
        m_to, QStringLiteral("auditTo"), tr("To"), tr("The end of the custom range, excluded"), minute.addSecs(60));

    m_actor->setObjectName(QStringLiteral("auditActor"));
    m_actor->setAccessibleName(tr("Actor"));
    m_actor->setAccessibleDescription(
        tr("Shows only the events of this actor: an API key id, local or billing; empty for any"));
    m_actor->setPlaceholderText(tr("Any actor"));
    m_actor->setClearButtonEnabled(true);

    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Action"));
    m_action->setAccessibleDescription(tr("Shows only the events of this action"));
    m_action->addItem(tr("Any action"), QString());
    for (const QString& action : knownAuditActions()) {
        m_action->addItem(action, action);
    }

    m_ns->setObjectName(QStringLiteral("auditNamespace"));
    m_ns->setAccessibleName(tr("Namespace"));
    m_ns->setAccessibleDescription(tr("Shows only the events of this namespace id; empty for any"));
    m_ns->setPlaceholderText(tr("Any namespace"));
    m_ns->setClearButtonEnabled(true);

    m_problem->setObjectName(QStringLiteral("auditFilterProblem"));
    m_problem->setAccessibleName(tr("Problem with the filter"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();

    m_typingDelay.setSingleShot(true);
    m_typingDelay.setInterval(kTypingDelayMs);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addField = [this, layout](int row, int column, const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label, row, column * 2);
        layout->addWidget(field, row, column * 2 + 1);
    };
    addField(0, 0, tr("&Period:"), m_period);
    addField(0, 1, tr("Fro&m:"), m_from);
    addField(0, 2, tr("T&o:"), m_to);
    addField(1, 0, tr("Ac&tor:"), m_actor);
    addField(1, 1, tr("Act&ion:"), m_action);
    addField(1, 2, tr("Namespa&ce:"), m_ns);
    layout->addWidget(m_problem, 2, 0, 1, 6);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(3, 1);
    layout->setColumnStretch(5, 1);
    setTabOrder(m_period, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_actor);
    setTabOrder(m_actor, m_action);
    setTabOrder(m_action, m_ns);

    connect(m_period, &QComboBox::currentIndexChanged, this, &AuditFilterBar::periodChosen);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditFilterBar::apply);
    for (QLineEdit* typed : { m_actor, m_ns }) {
        connect(typed, &QLineEdit::textChanged, &m_typingDelay, qOverload<>(&QTimer::start));
        connect(typed, &QLineEdit::returnPressed, this, &AuditFilterBar::apply);
    }
    for (QDateTimeEdit* edit : { m_from, m_to }) {
        // Each typed digit changes the time: wait until the operator is done with it.
        connect(edit, &QDateTimeEdit::dateTimeChanged, &m_typingDelay, qOverload<>(&QTimer::start));
        connect(edit, &QDateTimeEdit::editingFinished, this, &AuditFilterBar::apply);
    }
    connect(&m_typingDelay, &QTimer::timeout, this, &AuditFilterBar::apply);
    m_applied = fields();
}

QWidget* AuditFilterBar::firstField() const
{
    return m_period;
}

QWidget* AuditFilterBar::lastField() const
{
    return m_ns;
}

AuditFilterBar::Fields AuditFilterBar::fields() const
{
    const bool custom = m_period->currentData().toLongLong() == kCustomRange;
    return Fields { m_period->currentIndex(), custom ? m_from->dateTime() : QDateTime(),
        custom ? m_to->dateTime() : QDateTime(), m_actor->text().trimmed(), m_action->currentData().toString(),
        m_ns->text().trimmed() };
}

Result<AuditFilter> AuditFilterBar::filter() const
{
    const Fields now = fields();
    AuditFilter filter;
    filter.actor = now.actor;
    filter.action = now.action;
    filter.ns = now.ns;
    const qint64 period = m_period->currentData().toLongLong();
    if (period == kCustomRange) {
        filter.from = now.from.toMSecsSinceEpoch();
        filter.to = now.to.toMSecsSinceEpoch();
        // The rule kvd's /v1/audit applies to its from and to.
        if (*filter.from >= *filter.to) {
            return Error(ErrorCode::InvalidTimeRange, tr("The range must start before it ends."));
        }
    } else if (period > 0) {
        filter.from = QDateTime::currentMSecsSinceEpoch() - period * 1000;
    }
    if (!filter.ns.isEmpty()) {
        if (auto valid = model::validateNamespaceId(filter.ns); !valid) {
            return valid.error();
        }
    }
    return filter;
}

void AuditFilterBar::periodChosen()
{
    const bool custom = m_period->currentData().toLongLong() == kCustomRange;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    apply();
}

void AuditFilterBar::apply()
{
    m_typingDelay.stop();
    const Fields now = fields();
    if (m_applied && *m_applied == now) {
        return;
    }
    m_applied = now;
    const auto chosen = filter();
    m_problem->setText(chosen ? QString() : tr("Filter not applied: %1").arg(chosen.error().message()));
    m_problem->setVisible(!chosen);
    if (chosen) {
        Q_EMIT filterChanged(*chosen);
    }
}

} // namespace kv::ui
