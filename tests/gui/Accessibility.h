// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAccessible>
#include <QScrollArea>
#include <QStringList>
#include <QWidget>

namespace lipa::test {

// The controls under root that Tab can reach (shown, enabled, not a scroll area's frame), and in
// *unnamed those a screen reader would announce without a name.
inline QList<QWidget*> tabbableControls(QWidget* root, QStringList* unnamed)
{
    QList<QWidget*> controls;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(root) || !widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus) ||
            widget->focusProxy() || qobject_cast<QScrollArea*>(widget))
            continue;
        controls.append(widget);
        const QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed->append(QStringLiteral("%1 (%2)").arg(
                widget->objectName(), QString::fromLatin1(widget->metaObject()->className())));
    }
    return controls;
}

} // namespace lipa::test
