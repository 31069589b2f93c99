// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QString>

class QSqlQuery;

namespace lipa {

// How a payment is laid out in the payments table: the columns a SELECT reads, reading such a row, and
// binding a payment to the INSERT that records it and to the UPDATE that records a change.
class PaymentRow {
public:
    // The columns read() expects, in its order: "id, local_ref, …".
    static const QString& columns();
    static Payment read(const QSqlQuery& query);

    // An INSERT of every column but id, with positional placeholders.
    static const QString& insertStatement();
    // Binds a payment to insertStatement()'s placeholders, in order.
    static void bind(QSqlQuery& query, const Payment& payment);
    // An UPDATE of what changes over a payment's life (state, IntaSend's answer, the message), by id.
    // IntaSend's fees are written when the payment knows them and otherwise left as they are: never cleared.
    static const QString& updateStatement();
    static void bindUpdate(QSqlQuery& query, const Payment& payment, qint64 id);
};

} // namespace lipa
