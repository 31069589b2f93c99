// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PaymentState.h"

#include <QPixmap>
#include <QStyledItemDelegate>

namespace lipa {

// Draws a payment's state as an icon and a word in the state's colour, so it reads at a glance across
// the counter and never by colour alone.
class PaymentStateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

// The state's round icon (tick, cross, clock, exclamation mark, banknote: one for each tone) in its
// colour, size pixels wide.
QPixmap stateIcon(PaymentState state, int size, qreal devicePixelRatio);

} // namespace lipa
