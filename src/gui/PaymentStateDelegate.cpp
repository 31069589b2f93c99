// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentStateDelegate.h"

#include "Palette.h"
#include "PaymentListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace lipa {

namespace {

// A round badge in the tone's colour with the tone's symbol: a tick for paid, a cross for failed or not
// sent, a clock for waiting, an exclamation mark for the ones that need the cashier, a banknote for cash.
void paintStateIcon(QPainter& painter, const QRectF& box, Tone tone)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Palette::tone(tone));
    painter.drawEllipse(box);

    QPen pen(Palette::onTone(), std::max(1.5, box.width() / 9.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QPointF c = box.center();
    const qreal r = box.width() / 2.0;
    switch (tone) {
    case Tone::Good: {
        QPainterPath tick;
        tick.moveTo(c.x() - r * 0.45, c.y() + r * 0.02);
        tick.lineTo(c.x() - r * 0.12, c.y() + r * 0.35);
        tick.lineTo(c.x() + r * 0.48, c.y() - r * 0.32);
        painter.drawPath(tick);
        break;
    }
    case Tone::Bad:
        painter.drawLine(QPointF(c.x() - r * 0.35, c.y() - r * 0.35),
                         QPointF(c.x() + r * 0.35, c.y() + r * 0.35));
        painter.drawLine(QPointF(c.x() + r * 0.35, c.y() - r * 0.35),
                         QPointF(c.x() - r * 0.35, c.y() + r * 0.35));
        break;
    case Tone::Waiting:
        painter.drawLine(c, QPointF(c.x(), c.y() - r * 0.55));
        painter.drawLine(c, QPointF(c.x() + r * 0.4, c.y() + r * 0.2));
        break;
    case Tone::Attention:
        painter.drawLine(QPointF(c.x(), c.y() - r * 0.5), QPointF(c.x(), c.y() + r * 0.1));
        painter.drawPoint(QPointF(c.x(), c.y() + r * 0.45));
        break;
    case Tone::Cash:
        pen.setWidthF(std::max(1.0, box.width() / 14.0));
        painter.setPen(pen);
        painter.drawRect(QRectF(c.x() - r * 0.55, c.y() - r * 0.32, r * 1.1, r * 0.64));
        painter.drawEllipse(c, r * 0.16, r * 0.16);
        break;
    }
    painter.restore();
}

} // namespace

QPixmap stateIcon(PaymentState state, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintStateIcon(painter, QRectF(0.5, 0.5, size - 1.0, size - 1.0), traitsOf(state).tone);
    return pixmap;
}

void PaymentStateDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto tone = static_cast<Tone>(index.data(PaymentListModel::ToneRole).toInt());
    const QColor color = Palette::tone(tone);
    const QString word = opt.text;
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background and selection

    const QRect area = opt.rect.adjusted(6, 2, -4, -2);
    const int iconSize = std::min(area.height(), opt.fontMetrics.height() + 2);
    const QRectF iconBox(area.left(), area.center().y() - iconSize / 2.0 + 0.5, iconSize, iconSize);
    paintStateIcon(*painter, iconBox, tone);

    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen((opt.state & QStyle::State_Selected) ? opt.palette.color(QPalette::HighlightedText)
                                                         : color);
    const QRect textRect = area.adjusted(iconSize + 6, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(bold).elidedText(word, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize PaymentStateDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont bold = option.font;
    bold.setBold(true);
    const int width =
        QFontMetrics(bold).horizontalAdvance(index.data().toString()) + option.fontMetrics.height() + 22;
    return {std::max(size.width(), width), std::max(size.height(), option.fontMetrics.height() + 10)};
}

} // namespace lipa
