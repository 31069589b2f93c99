// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "Sale.h"

#include <QDateTime>
#include <QString>

namespace lipa {

// A customer's receipt for one payment, as HTML for QTextDocument (the GUI prints it, or saves it as
// PDF): till name, time, amount, masked phone, M-Pesa receipt code (or how it was settled) and the
// till's own reference. Narrow enough for a 58 mm roll.
QString receiptHtml(const Payment& payment, const QString& tillName, const QDateTime& printedAt);
// The receipt of a sale taken in several payments: every part that took money, with its M-Pesa receipt
// code (or cash), and the total; what is still to pay, or that it was closed short.
QString saleReceiptHtml(const Sale& sale, const QList<Payment>& attempts, const QString& tillName,
                        const QDateTime& printedAt);

} // namespace lipa
