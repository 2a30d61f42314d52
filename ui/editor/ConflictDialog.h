#pragma once
// ConflictDialog is what a save that lost the race asks: Reload (take theirs, discard mine),
// Overwrite (save mine unconditionally) or Compare (mine and theirs side by side, theirs freshly
// loaded by the editor), or Cancel to keep editing. It only decides; the editor acts on choice().

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace kv::ui {

class ConflictDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Cancel, Reload, Overwrite };

    explicit ConflictDialog(const QString& key, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(ConflictDialog)

    [[nodiscard]] Choice choice() const { return m_choice; }
    /// Reload, Overwrite or Cancel's button, for a test or a screen reader to press.
    [[nodiscard]] QPushButton* button(Choice choice) const;
    [[nodiscard]] QPushButton* compareButton() const { return m_compare; }

    /// Shows both versions side by side (called by the editor once theirs has arrived).
    void showComparison(const QString& mine, const QString& theirs, const QString& theirsCaption);
    [[nodiscard]] bool isComparing() const;
    [[nodiscard]] QString mineText() const;
    [[nodiscard]] QString theirsText() const;

Q_SIGNALS:
    /// The user asked to see both versions: the owner loads theirs and calls showComparison().
    void compareRequested();

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Cancel;
    QPushButton* m_reload = nullptr;
    QPushButton* m_overwrite = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_cancel = nullptr;
    QWidget* m_comparison = nullptr;
    QLabel* m_theirsLabel = nullptr;
    QPlainTextEdit* m_mine = nullptr;
    QPlainTextEdit* m_theirs = nullptr;
};

} // namespace kv::ui
