#pragma once
// What the accessibility suites check on any widget tree: every focusable control a person can
// reach has an accessible name (what a screen reader announces), every label with a mnemonic has a
// buddy (so Alt+letter leads somewhere), and every menu entry can be reached by its mnemonic.
// Each function returns the offenders, described, so a failure names them.

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QStringList>
#include <QWidget>

namespace kv::test {

inline QString describeWidget(const QWidget* widget)
{
    QStringList path;
    for (const QWidget* up = widget; up; up = up->parentWidget()) {
        path.prepend(
            up->objectName().isEmpty() ? QString::fromLatin1(up->metaObject()->className()) : up->objectName());
    }
    return path.join(u'/');
}

/// Composite widgets (spin boxes, combo boxes) name themselves; their inner parts do not count,
/// nor does the viewport of a scroll area (a chart view, a text view), which the area names.
inline bool insideComposite(const QWidget* widget, const QWidget* root)
{
    if (const auto* area = qobject_cast<const QAbstractScrollArea*>(widget->parentWidget());
        area && area->viewport() == widget) {
        return true;
    }
    for (const QWidget* up = widget->parentWidget(); up && up != root; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox*>(up) || qobject_cast<const QComboBox*>(up)) {
            return true;
        }
    }
    return false;
}

/// The name a screen reader announces: the accessible name, else what Qt derives (a button's
/// text, a field's buddy label).
inline QString announcedName(QWidget* widget)
{
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
}

/// Focusable controls under root (shown or not: a hidden page or field is still there to reach)
/// that a screen reader could not name. `checked`, when given, receives how many were looked at.
inline QStringList unnamedFocusableControls(const QWidget& root, int* checked = nullptr)
{
    QStringList unnamed;
    int count = 0;
    QList<QWidget*> widgets = root.findChildren<QWidget*>();
    widgets.prepend(const_cast<QWidget*>(&root));
    for (QWidget* widget : std::as_const(widgets)) {
        if (widget->focusPolicy() == Qt::NoFocus || insideComposite(widget, &root)
            || (widget->isWindow() && widget != &root)) {
            continue;
        }
        ++count;
        if (announcedName(widget).isEmpty()) {
            unnamed.append(
                describeWidget(widget) + u" (" + QString::fromLatin1(widget->metaObject()->className()) + u')');
        }
    }
    if (checked) {
        *checked = count;
    }
    return unnamed;
}

/// Labels whose text has a mnemonic (&x) but no buddy to move the focus to.
inline QStringList labelsWithoutBuddy(const QWidget& root)
{
    QStringList lonely;
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        const QString text = label->text();
        if (text.contains(u'&') && !text.contains(u"&&") && !label->buddy()) {
            lonely.append(describeWidget(label) + u" “" + text + u'”');
        }
    }
    return lonely;
}

/// Entries of a menu (and its submenus) without a mnemonic, or sharing one with a sibling.
inline QStringList menuMnemonicProblems(const QMenu& menu)
{
    QStringList problems;
    QHash<QChar, QString> used;
    for (const QAction* action : menu.actions()) {
        // Languages are named in their own script, and not every script can carry a mnemonic
        // (Qt's underline breaks joined Arabic letters): a keyboard user picks them with the arrows.
        if (action->isSeparator() || !action->isVisible()
            || action->objectName().startsWith(QStringLiteral("languageAction_"))) {
            continue;
        }
        const QString text = action->text();
        const qsizetype at = text.indexOf(u'&');
        if (at < 0 || at + 1 >= text.size()) {
            problems.append(menu.title() + u" ▸ " + text + u": no mnemonic");
        } else {
            const QChar key = text.at(at + 1).toLower();
            if (used.contains(key)) {
                problems.append(
                    menu.title() + u" ▸ " + text + u": mnemonic " + key + u" also used by " + used.value(key));
            }
            used.insert(key, text);
        }
        if (action->menu()) {
            problems += menuMnemonicProblems(*action->menu());
        }
    }
    return problems;
}

} // namespace kv::test
