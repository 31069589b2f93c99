// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "Refund.h"

#include <QDateTime>
#include <QString>

namespace lipa {

// The slip a customer takes away after a refund was asked of IntaSend, as HTML for QTextDocument (printed
// with Printout): the till, the payment (amount, masked phone, M-Pesa receipt), the refund asked, its
// reason, IntaSend's request id and status, and that IntaSend's staff decide. Narrow enough for a 58 mm
// roll.
QString refundSlipHtml(const Payment& payment, const Refund& refund, const QString& tillName,
                       const QDateTime& printedAt);

} // namespace lipa
