// SPDX-License-Identifier: GPL-3.0-or-later
#include "TabOrder.h"

#include <QList>
#include <QWidget>

namespace lipa {

namespace {

// Inside a compound control (a date field and its line edit), below section: it moves with the compound.
bool insideCompound(const QWidget* widget, const QWidget* section)
{
    for (const QWidget* p = widget->parentWidget(); p && (p == section || section->isAncestorOf(p));
         p = p->parentWidget()) {
        if (p->focusProxy() && p->isAncestorOf(p->focusProxy()))
            return true;
    }
    return false;
}

} // namespace

void chainTabOrder(QWidget* window, std::initializer_list<QWidget*> sections)
{
    // The window itself starts the chain (it is where Tab comes back round), so the first control goes
    // right after it; setTabOrder only takes widgets that accept the focus.
    const Qt::FocusPolicy windowPolicy = window->focusPolicy();
    window->setFocusPolicy(Qt::TabFocus);
    QWidget* previous = window;
    for (QWidget* section : sections) {
        QList<QWidget*> stops; // the section's controls, in the window's focus chain as it now is
        for (QWidget* w = window->nextInFocusChain(); w != window; w = w->nextInFocusChain()) {
            if ((w == section || section->isAncestorOf(w)) && w->focusPolicy() != Qt::NoFocus &&
                !insideCompound(w, section))
                stops.append(w);
        }
        for (QWidget* stop : std::as_const(stops)) {
            QWidget::setTabOrder(previous, stop);
            previous = stop;
        }
    }
    window->setFocusPolicy(windowPolicy);
}

} // namespace lipa
