#pragma once
// A page of the main window (data, API keys, usage, peers, audit): one view of the current
// client that F5 reloads. Pages live as long as their client; switching connections makes new
// ones. Failures go to the window's message bar through failed(), never to a modal dialog.

#include <QWidget>

namespace kv::ui {

class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    Q_DISABLE_COPY_MOVE(ConsolePage)

    /// Reloads what the page shows from the backend, keeping what the operator had chosen.
    virtual void refresh() = 0;

Q_SIGNALS:
    void failed(const QString& message);
};

} // namespace kv::ui
