#include "ui/apikeys/NewApiKeyDialog.h"

#include "model/Validation.h"
#include "ui/apikeys/ApiKeyText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

namespace kv::ui {

namespace {

constexpr int kDefaultExpiryDays = 90;

QLabel* problemLabel(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

/// Shows `problem` under its field (hidden when there is none); the field's screen-reader
/// description carries it too, so that the reason is heard where the focus is.
void showProblem(QLabel* label, QWidget* field, const QString& problem, const QString& description)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    field->setAccessibleDescription(problem.isEmpty() ? description : problem);
}

QString messageOf(const Result<void>& valid)
{
    return valid ? QString() : valid.error().message();
}

} // namespace

NewApiKeyDialog::NewApiKeyDialog(QWidget* parent, const model::Clock& clock)
    : QDialog(parent)
    , m_clock(clock)
    , m_name(new QLineEdit(this))
    , m_nameProblem(problemLabel(QStringLiteral("apiKeyNameProblem"), tr("Problem with the name"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New API key"));
    setObjectName(QStringLiteral("newApiKeyDialog"));

    m_name->setObjectName(QStringLiteral("apiKeyName"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("e.g. checkout service"));
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);

    QPushButton* create = m_buttons->button(QDialogButtonBox::Ok);
    create->setObjectName(QStringLiteral("createApiKeyButton"));
    // No mnemonic: Alt+C is Cancel's, and Create is the default button (Enter).
    create->setText(tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelApiKeyButton"));

    auto* form = new QFormLayout;
    form->addRow(nameLabel, m_name);
    form->addRow(QString(), m_nameProblem);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(createScopes());
    layout->addWidget(createNamespaces());
    layout->addWidget(createExpiry());
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_scopes.first().second);
    for (qsizetype i = 1; i < m_scopes.size(); ++i) {
        setTabOrder(m_scopes[i - 1].second, m_scopes[i].second);
    }
    setTabOrder(m_scopes.last().second, m_allNamespaces);
    setTabOrder(m_allNamespaces, m_someNamespaces);
    setTabOrder(m_someNamespaces, m_namespaceList);
    setTabOrder(m_namespaceList, m_namespaceInput);
    setTabOrder(m_namespaceInput, m_addNamespace);
    setTabOrder(m_addNamespace, m_never);
    setTabOrder(m_never, m_at);
    setTabOrder(m_at, m_expiryTime);
    setTabOrder(m_expiryTime, m_after);
    setTabOrder(m_after, m_duration);
    setTabOrder(m_duration, m_durationUnit);
    setTabOrder(m_durationUnit, m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &NewApiKeyDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        // The expiry may have passed while the dialog stood open.
        validate();
        if (m_valid) {
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Wide enough that the scopes' descriptions wrap onto two lines at most.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    validate();
    m_name->setFocus();
}

QWidget* NewApiKeyDialog::createScopes()
{
    auto* box = new QGroupBox(tr("Scopes"), this);
    box->setObjectName(QStringLiteral("apiKeyScopes"));
    auto* grid = new QGridLayout(box);
    // The labels with this dialog's mnemonics.
    const auto text = [](model::Scope scope) {
        switch (scope) {
        case model::Scope::Read:
            return tr("&Read");
        case model::Scope::Write:
            return tr("&Write");
        case model::Scope::Admin:
            return tr("Ad&min");
        case model::Scope::Signal:
            return tr("&Signal");
        }
        return ApiKeyText::scopeLabel(scope);
    };
    int row = 0;
    for (const model::Scope scope : ApiKeyText::kScopes) {
        auto* check = new QCheckBox(text(scope), box);
        check->setObjectName(QStringLiteral("scope_%1").arg(model::scopeName(scope)));
        check->setAccessibleName(ApiKeyText::scopeLabel(scope));
        check->setAccessibleDescription(ApiKeyText::scopeDescription(scope));
        // The least a key can do is the default; more is a choice.
        check->setChecked(scope == model::Scope::Read);
        auto* description = new QLabel(ApiKeyText::scopeDescription(scope), box);
        description->setWordWrap(true);
        description->setBuddy(check);
        grid->addWidget(check, row, 0);
        grid->addWidget(description, row, 1);
        connect(check, &QCheckBox::toggled, this, &NewApiKeyDialog::validate);
        m_scopes.append({ scope, check });
        ++row;
    }
    m_scopesProblem = problemLabel(QStringLiteral("apiKeyScopesProblem"), tr("Problem with the scopes"), box);
    grid->addWidget(m_scopesProblem, row, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    return box;
}

QWidget* NewApiKeyDialog::createNamespaces()
{
    auto* box = new QGroupBox(tr("Namespaces"), this);
    box->setObjectName(QStringLiteral("apiKeyNamespaces"));
    m_allNamespaces = new QRadioButton(tr("&All namespaces, also those created later"), box);
    m_allNamespaces->setObjectName(QStringLiteral("allNamespaces"));
    m_allNamespaces->setAccessibleName(tr("All namespaces"));
    m_allNamespaces->setChecked(true);
    m_someNamespaces = new QRadioButton(tr("&Only the namespaces checked below:"), box);
    m_someNamespaces->setObjectName(QStringLiteral("someNamespaces"));
    m_someNamespaces->setAccessibleName(tr("Only the chosen namespaces"));

    m_namespaceList = new QListWidget(box);
    m_namespaceList->setObjectName(QStringLiteral("namespaceChoices"));
    m_namespaceList->setAccessibleName(tr("Namespaces the key may use"));
    m_namespaceList->setAccessibleDescription(tr("Check each namespace the key may use; Space checks the current one"));
    // Room for a few namespaces at once; the list scrolls beyond.
    const int line = m_namespaceList->fontMetrics().lineSpacing();
    m_namespaceList->setMinimumHeight(line * 5);
    m_namespaceList->setMaximumHeight(line * 9);

    m_namespaceInput = new QLineEdit(box);
    m_namespaceInput->setObjectName(QStringLiteral("namespaceInput"));
    m_namespaceInput->setAccessibleName(tr("Namespace to add"));
    m_namespaceInput->setPlaceholderText(tr("A namespace id, also one that does not exist yet"));
    m_completions = new QStringListModel(this);
    auto* completer = new QCompleter(m_completions, m_namespaceInput);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_namespaceInput->setCompleter(completer);
    // Return adds the typed namespace instead of pressing Create.
    m_namespaceInput->installEventFilter(this);
    auto* inputLabel = new QLabel(tr("&Type a namespace:"), box);
    inputLabel->setBuddy(m_namespaceInput);
    m_addNamespace = new QPushButton(tr("A&dd"), box);
    m_addNamespace->setObjectName(QStringLiteral("addNamespaceButton"));
    m_addNamespace->setAccessibleName(tr("Add the typed namespace"));
    m_addNamespace->setAutoDefault(false);
    m_namespacesProblem
        = problemLabel(QStringLiteral("apiKeyNamespacesProblem"), tr("Problem with the namespaces"), box);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_allNamespaces);
    layout->addWidget(m_someNamespaces);
    layout->addWidget(m_namespaceList);
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(inputLabel);
    inputRow->addWidget(m_namespaceInput, 1);
    inputRow->addWidget(m_addNamespace);
    layout->addLayout(inputRow);
    layout->addWidget(m_namespacesProblem);

    connect(m_someNamespaces, &QRadioButton::toggled, this, &NewApiKeyDialog::validate);
    connect(m_namespaceList, &QListWidget::itemChanged, this, &NewApiKeyDialog::validate);
    connect(m_namespaceInput, &QLineEdit::textChanged, this, &NewApiKeyDialog::validate);
    connect(m_namespaceInput, &QLineEdit::textEdited, this, [this](const QString& text) {
        // Typing a namespace means the key is limited to the chosen ones.
        if (!text.trimmed().isEmpty()) {
            m_someNamespaces->setChecked(true);
        }
    });
    connect(m_addNamespace, &QPushButton::clicked, this, &NewApiKeyDialog::addTypedNamespace);
    return box;
}

QWidget* NewApiKeyDialog::createExpiry()
{
    auto* box = new QGroupBox(tr("Expiry"), this);
    box->setObjectName(QStringLiteral("apiKeyExpiry"));
    m_never = new QRadioButton(tr("Ne&ver expires"), box);
    m_never->setObjectName(QStringLiteral("expiryNever"));
    m_never->setChecked(true);
    m_at = new QRadioButton(tr("&Expires on:"), box);
    m_at->setObjectName(QStringLiteral("expiryAt"));
    m_at->setAccessibleName(tr("Expires on a date"));
    m_expiryTime = new QDateTimeEdit(box);
    m_expiryTime->setObjectName(QStringLiteral("expiryTime"));
    m_expiryTime->setAccessibleName(tr("Expiry date and time"));
    m_expiryTime->setCalendarPopup(true);
    // One unambiguous form in every locale, and easy to type over.
    m_expiryTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.now());
    m_expiryTime->setDateTime(now.addDays(kDefaultExpiryDays));
    m_after = new QRadioButton(tr("Expires a&fter:"), box);
    m_after->setObjectName(QStringLiteral("expiryAfter"));
    m_after->setAccessibleName(tr("Expires after a while"));
    m_duration = new QSpinBox(box);
    m_duration->setObjectName(QStringLiteral("expiryDuration"));
    m_duration->setAccessibleName(tr("Expires after this many"));
    m_duration->setRange(1, 9999);
    m_duration->setValue(kDefaultExpiryDays);
    m_durationUnit = new QComboBox(box);
    m_durationUnit->setObjectName(QStringLiteral("expiryUnit"));
    m_durationUnit->setAccessibleName(tr("Unit of the expiry duration"));
    m_durationUnit->addItem(tr("hours"), static_cast<int>(ExpiryUnit::Hours));
    m_durationUnit->addItem(tr("days"), static_cast<int>(ExpiryUnit::Days));
    m_durationUnit->addItem(tr("weeks"), static_cast<int>(ExpiryUnit::Weeks));
    m_durationUnit->setCurrentIndex(1);
    m_expiryProblem = problemLabel(QStringLiteral("apiKeyExpiryProblem"), tr("Problem with the expiry"), box);

    auto* grid = new QGridLayout(box);
    grid->addWidget(m_never, 0, 0, 1, 3);
    grid->addWidget(m_at, 1, 0);
    grid->addWidget(m_expiryTime, 1, 1, 1, 2);
    grid->addWidget(m_after, 2, 0);
    grid->addWidget(m_duration, 2, 1);
    grid->addWidget(m_durationUnit, 2, 2);
    grid->addWidget(m_expiryProblem, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    for (QRadioButton* choice : { m_never, m_at, m_after }) {
        connect(choice, &QRadioButton::toggled, this, &NewApiKeyDialog::validate);
    }
    connect(m_expiryTime, &QDateTimeEdit::dateTimeChanged, this, &NewApiKeyDialog::validate);
    connect(m_duration, &QSpinBox::valueChanged, this, &NewApiKeyDialog::validate);
    connect(m_durationUnit, &QComboBox::currentIndexChanged, this, &NewApiKeyDialog::validate);
    return box;
}

void NewApiKeyDialog::setKnownNamespaces(const QStringList& ids)
{
    m_completions->setStringList(ids);
    const QSignalBlocker quiet(m_namespaceList);
    for (const QString& id : ids) {
        if (m_namespaceList->findItems(id, Qt::MatchExactly).isEmpty()) {
            auto* item = new QListWidgetItem(id, m_namespaceList);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_namespaceList->sortItems();
    validate();
}

bool NewApiKeyDialog::choose(const QString& id)
{
    if (!model::validateNamespaceId(id)) {
        return false;
    }
    const QList<QListWidgetItem*> found = m_namespaceList->findItems(id, Qt::MatchExactly);
    QListWidgetItem* item = found.isEmpty() ? new QListWidgetItem(id, m_namespaceList) : found.first();
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_namespaceList->sortItems();
    m_namespaceList->scrollToItem(item);
    return true;
}

void NewApiKeyDialog::addTypedNamespace()
{
    if (choose(m_namespaceInput->text().trimmed())) {
        m_someNamespaces->setChecked(true);
        m_namespaceInput->clear();
    }
    validate();
}

bool NewApiKeyDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_namespaceInput && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_namespaceInput->text().isEmpty()) {
            addTypedNamespace();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

model::Scopes NewApiKeyDialog::scopes() const
{
    model::Scopes scopes;
    for (const auto& [scope, check] : m_scopes) {
        if (check->isChecked()) {
            scopes |= scope;
        }
    }
    return scopes;
}

QStringList NewApiKeyDialog::namespaces() const
{
    if (m_allNamespaces->isChecked()) {
        return {};
    }
    QStringList chosen;
    for (int i = 0; i < m_namespaceList->count(); ++i) {
        const QListWidgetItem* item = m_namespaceList->item(i);
        if (item->checkState() == Qt::Checked) {
            chosen.append(item->text());
        }
    }
    // A namespace typed but not yet added counts as chosen: Create must not leave it out.
    const QString typed = m_namespaceInput->text().trimmed();
    if (!typed.isEmpty() && !chosen.contains(typed)) {
        chosen.append(typed);
    }
    return chosen;
}

std::optional<model::Timestamp> NewApiKeyDialog::expiresAt() const
{
    if (m_at->isChecked()) {
        return m_expiryTime->dateTime().toMSecsSinceEpoch();
    }
    if (m_after->isChecked()) {
        constexpr qint64 kHourMs = 3600LL * 1000;
        qint64 unitMs = kHourMs;
        switch (static_cast<ExpiryUnit>(m_durationUnit->currentData().toInt())) {
        case ExpiryUnit::Hours:
            unitMs = kHourMs;
            break;
        case ExpiryUnit::Days:
            unitMs = 24 * kHourMs;
            break;
        case ExpiryUnit::Weeks:
            unitMs = 7 * 24 * kHourMs;
            break;
        }
        return m_clock.now() + m_duration->value() * unitMs;
    }
    return std::nullopt;
}

client::NewApiKey NewApiKeyDialog::request() const
{
    return client::NewApiKey { m_name->text().trimmed(), scopes(), namespaces(), expiresAt() };
}

bool NewApiKeyDialog::isValid() const
{
    return m_valid;
}

void NewApiKeyDialog::validate()
{
    const QString name = messageOf(model::validateApiKeyName(m_name->text()));
    // An empty name nobody has typed in yet is not worth a message; Create stays off all the same.
    showProblem(m_nameProblem, m_name, m_name->isModified() || !m_name->text().isEmpty() ? name : QString(),
        tr("What the key is for, so that it can be told apart later"));

    const QString scopeProblem = messageOf(model::validateApiKeyScopes(scopes()));
    m_scopesProblem->setText(scopeProblem);
    m_scopesProblem->setVisible(!scopeProblem.isEmpty());

    const bool some = m_someNamespaces->isChecked();
    m_namespaceList->setEnabled(some);
    const QString typed = m_namespaceInput->text().trimmed();
    m_addNamespace->setEnabled(!typed.isEmpty() && model::validateNamespaceId(typed).ok());
    const QStringList chosen = namespaces();
    // An empty list would mean every namespace: the opposite of what was asked for.
    const QString namespaceProblem = some && chosen.isEmpty()
        ? tr("Check at least one namespace, or allow all namespaces.")
        : messageOf(model::validateApiKeyNamespaces(chosen));
    showProblem(m_namespacesProblem, m_namespaceInput, namespaceProblem, QString());

    m_expiryTime->setEnabled(m_at->isChecked());
    m_duration->setEnabled(m_after->isChecked());
    m_durationUnit->setEnabled(m_after->isChecked());
    const QString expiry = messageOf(model::validateApiKeyExpiry(expiresAt(), m_clock.now()));
    showProblem(m_expiryProblem, m_expiryTime, expiry, QString());

    m_valid = name.isEmpty() && scopeProblem.isEmpty() && namespaceProblem.isEmpty() && expiry.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace kv::ui
