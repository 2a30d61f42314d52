#include "ui/MessageArea.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace kv::ui {

MessageArea::MessageArea(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_dismiss(new QToolButton(this))
{
    // A panel drawn by the style with the palette's colours: it reads in light and dark themes.
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setAccessibleName(tr("Message"));

    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    // Selectable so that an error can be copied into a report, and reachable from the keyboard.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::TabFocus);
    m_text->setAccessibleName(tr("Message text"));

    m_dismiss->setObjectName(QStringLiteral("messageDismiss"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this message"));
    m_dismiss->setAccessibleName(tr("Dismiss message"));
    m_dismiss->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_dismiss->setAutoRaise(true);
    connect(m_dismiss, &QToolButton::clicked, this, &MessageArea::clear);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    hide();
}

void MessageArea::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    const QStyle::StandardPixmap icon
        = kind == Kind::Error ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_icon->setAccessibleName(kind == Kind::Error ? tr("Error") : tr("Information"));
    m_text->setText(text);
    m_text->setAccessibleDescription(text);
    show();
    QAccessibleEvent alert(m_text, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void MessageArea::clear()
{
    m_text->clear();
    hide();
}

QString MessageArea::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace kv::ui
