#pragma once
// MessageArea is a non-modal message line (the window's and the value editor's): an error or a note with its icon and
// a Dismiss button, inside the widget, so the operator can read it and go on typing. Screen
// readers hear it as an alert.

#include <QFrame>

class QLabel;
class QToolButton;

namespace kv::ui {

class MessageArea final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Error };

    explicit MessageArea(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(MessageArea)

    void showMessage(Kind kind, const QString& text);
    /// Hides the area and forgets the message.
    void clear();
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Information;
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QToolButton* m_dismiss = nullptr;
};

} // namespace kv::ui
