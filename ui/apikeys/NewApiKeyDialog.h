#pragma once
// The dialog that asks what a new API key may do: its name, scopes, namespaces (all, or a chosen
// list of the backend's namespaces and typed ones) and expiry (never, at a date and time, or
// after a while). Each field is checked against core/model's rule for new keys as it is
// entered, the rule shown under the field, and Create stays disabled while one is broken. It
// only asks; the page makes the client call.

#include "client/Client.h"
#include "model/Clock.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStringListModel;

namespace kv::ui {

class NewApiKeyDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit NewApiKeyDialog(QWidget* parent = nullptr, const model::Clock& clock = model::SystemClock::instance());
    Q_DISABLE_COPY_MOVE(NewApiKeyDialog)

    /// Offers these namespaces (the backend's) to choose from, beside any typed already.
    void setKnownNamespaces(const QStringList& ids);
    /// The key as entered; an expiry given as a duration counts from now.
    [[nodiscard]] client::NewApiKey request() const;
    /// Every field keeps its rule.
    [[nodiscard]] bool isValid() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class ExpiryUnit { Hours, Days, Weeks };

    QWidget* createScopes();
    QWidget* createNamespaces();
    QWidget* createExpiry();
    void validate();
    /// Puts the typed namespace in the list, chosen.
    void addTypedNamespace();
    [[nodiscard]] model::Scopes scopes() const;
    [[nodiscard]] QStringList namespaces() const;
    [[nodiscard]] std::optional<model::Timestamp> expiresAt() const;
    /// Checks the item of `id` (adding it when missing); false when the id is not valid.
    bool choose(const QString& id);

    const model::Clock& m_clock;
    QLineEdit* m_name;
    QLabel* m_nameProblem;
    QList<std::pair<model::Scope, QCheckBox*>> m_scopes;
    QLabel* m_scopesProblem = nullptr;
    QRadioButton* m_allNamespaces = nullptr;
    QRadioButton* m_someNamespaces = nullptr;
    QListWidget* m_namespaceList = nullptr;
    QLineEdit* m_namespaceInput = nullptr;
    QStringListModel* m_completions = nullptr;
    QPushButton* m_addNamespace = nullptr;
    QLabel* m_namespacesProblem = nullptr;
    QRadioButton* m_never = nullptr;
    QRadioButton* m_at = nullptr;
    QRadioButton* m_after = nullptr;
    QDateTimeEdit* m_expiryTime = nullptr;
    QSpinBox* m_duration = nullptr;
    QComboBox* m_durationUnit = nullptr;
    QLabel* m_expiryProblem = nullptr;
    QDialogButtonBox* m_buttons;
    bool m_valid = false;
};

} // namespace kv::ui
