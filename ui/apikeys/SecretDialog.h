#pragma once
// Shows an API key's secret the one time it exists outside the backend, after create or
// rotate: in a read-only field with a Copy button, under a warning that it will not be shown
// again and that kvdesk keeps it nowhere. The field is the only place the dialog holds it, and
// closing the dialog (Close, Escape, the window's close button) empties the field.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kv::ui {

class SecretDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `title` says what happened ("API key created"), `about` which key (name and prefix).
    SecretDialog(const QString& title, const QString& about, const QString& secret, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SecretDialog)

    void done(int result) override;

private:
    /// Puts the secret on the clipboard, marked for clipboard managers as a secret not to keep in
    /// their history.
    void copy();

    QLineEdit* m_secret;
    QPushButton* m_copy;
    QLabel* m_copied;
};

} // namespace kv::ui
