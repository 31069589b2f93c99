// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentTableView.h"

#include "PaymentListModel.h"
#include "PaymentState.h"
#include "PaymentStateDelegate.h"

#include <QHeaderView>

namespace lipa {

PaymentTableView::PaymentTableView(QWidget* parent)
    : QTableView(parent)
{
    setItemDelegateForColumn(PaymentListModel::StateColumn, new PaymentStateDelegate(this));
    // The rows are larger than the window's text, for reading across the counter; the header is not.
    QFont headerFont = font();
    headerFont.setPointSizeF(headerFont.pointSizeF()); // set, not inherited: the rows' size must not reach it
    horizontalHeader()->setFont(headerFont);
    QFont tableFont = font();
    tableFont.setPointSizeF(tableFont.pointSizeF() * 1.15);
    setFont(tableFont);
    verticalHeader()->setDefaultSectionSize(QFontMetrics(tableFont).height() + 14);
}

void PaymentTableView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    QHeaderView* header = horizontalHeader();
    // Widths from the font, not from the contents: ResizeToContents measured every loaded row again on
    // each new payment, which delayed the next request by milliseconds and grows with the history.
    const QFontMetrics metrics(font());
    QFont boldFont = font();
    boldFont.setBold(true);
    const auto widthOf = [&metrics](const QString& sample) { return metrics.horizontalAdvance(sample) + 14; };
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(PaymentListModel::TimeColumn, widthOf(QStringLiteral("28 Nov 23:59")));
    header->resizeSection(PaymentListModel::PhoneColumn,
                          widthOf(QStringLiteral("0712 \u2022\u2022\u2022 678")));
    // Room for a part of a sale: "1/2 · KES 150,000".
    header->resizeSection(PaymentListModel::AmountColumn, widthOf(QStringLiteral("7/7 · KES 150,000")));
    int widestState = 0; // in whatever language the till speaks
    for (PaymentState state : allPaymentStates())
        widestState =
            std::max(widestState, QFontMetrics(boldFont).horizontalAdvance(stateDisplayName(state)));
    header->resizeSection(PaymentListModel::StateColumn, widestState + metrics.height() + 20);
    header->resizeSection(PaymentListModel::ReceiptColumn, widthOf(QStringLiteral("QKL4AB12CDX")));
    header->setSectionResizeMode(PaymentListModel::DetailColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
}

} // namespace lipa
