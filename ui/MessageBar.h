#pragma once
// MessageBar is the non-modal strip at the top of the window where failures are told: the
// message stays until the operator closes it (Esc or the button) or a newer one replaces it, and
// it never takes the keyboard from what the operator was doing.

#include <QFrame>

class QLabel;
class QToolButton;

namespace kv::ui {

class MessageBar final : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(MessageBar)

    void showError(const QString& message);
    [[nodiscard]] QString text() const;

private:
    QLabel* m_text;
    QToolButton* m_close;
};

} // namespace kv::ui
