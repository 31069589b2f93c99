// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentRow.h"

#include "SqlValue.h"

#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace lipa {

using sqlvalue::notNull;
using sqlvalue::textOrNull;
using sqlvalue::timeFromMs;

namespace {

// IntaSend's fee and the net amount: NULL until a reconciliation learns them.
std::optional<Money> centsOrNone(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return Money::fromCents(value.toLongLong());
}

QVariant centsOrNull(const std::optional<Money>& money)
{
    return money ? QVariant(money->cents()) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

const QString& PaymentRow::columns()
{
    static const QString columns =
        QStringLiteral("id, local_ref, amount_cents, phone, state, created_at, updated_at, invoice_id,"
                       " remote_state, mpesa_receipt, failed_code, failure_message, till_name,"
                       " replaces_ref, charges_cents, net_cents, sale_ref, sale_part, sale_parts, method,"
                       " checkout_id, checkout_signature, checkout_url");
    return columns;
}

Payment PaymentRow::read(const QSqlQuery& q)
{
    Payment p;
    p.sequence = q.value(0).toLongLong();
    p.localRef = q.value(1).toString();
    p.amount = Money::fromCents(q.value(2).toLongLong());
    if (Result<PhoneNumber> phone = PhoneNumber::fromNormalised(q.value(3).toString()))
        p.phone = phone.value();
    p.state = stateFromKey(q.value(4).toString()).value_or(PaymentState::Unknown);
    p.createdAt = timeFromMs(q.value(5).toLongLong());
    p.updatedAt = timeFromMs(q.value(6).toLongLong());
    p.invoiceId = q.value(7).toString();
    p.remoteState = q.value(8).toString();
    p.mpesaReceipt = q.value(9).toString();
    p.failedCode = q.value(10).toString();
    p.failureMessage = q.value(11).toString();
    p.tillName = q.value(12).toString();
    p.replacesRef = q.value(13).toString();
    p.charges = centsOrNone(q.value(14));
    p.netAmount = centsOrNone(q.value(15));
    p.saleRef = q.value(16).toString();
    p.salePart = q.value(17).toInt();
    p.saleParts = q.value(18).toInt();
    p.method = q.value(19).toString() == u"checkout" ? PaymentMethod::Checkout : PaymentMethod::Mpesa;
    p.checkoutId = q.value(20).toString();
    p.checkoutSignature = q.value(21).toString();
    p.checkoutUrl = q.value(22).toString();
    return p;
}

const QString& PaymentRow::insertStatement()
{
    static const QString statement = QStringLiteral(
        "INSERT INTO payments (local_ref, amount_cents, phone, created_at, state, updated_at, invoice_id,"
        " remote_state, mpesa_receipt, failed_code, failure_message, till_name, replaces_ref, charges_cents,"
        " net_cents, sale_ref, sale_part, sale_parts, method, checkout_id, checkout_signature, checkout_url)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return statement;
}

const QString& PaymentRow::updateStatement()
{
    // IntaSend's fees are never cleared once known: a payment that does not know them (nullopt) leaves
    // what a reconciliation recorded (ReconciliationLog::recordFees).
    static const QString statement =
        QStringLiteral("UPDATE payments SET state = ?, updated_at = ?, invoice_id = ?, remote_state = ?,"
                       " mpesa_receipt = COALESCE(?, mpesa_receipt), failed_code = ?, failure_message = ?,"
                       " charges_cents = COALESCE(?, charges_cents), net_cents = COALESCE(?, net_cents),"
                       " checkout_id = COALESCE(?, checkout_id),"
                       " checkout_signature = COALESCE(?, checkout_signature),"
                       " checkout_url = COALESCE(?, checkout_url)"
                       " WHERE id = ?");
    return statement;
}

namespace {

// What changes over a payment's life, in the order both statements list it.
void bindChanging(QSqlQuery& query, const Payment& payment)
{
    query.addBindValue(stateKey(payment.state));
    query.addBindValue(payment.updatedAt.toMSecsSinceEpoch());
    query.addBindValue(textOrNull(payment.invoiceId));
    query.addBindValue(textOrNull(payment.remoteState));
    query.addBindValue(textOrNull(payment.mpesaReceipt));
    query.addBindValue(textOrNull(payment.failedCode));
    query.addBindValue(textOrNull(payment.failureMessage));
}

// IntaSend's fee and the net amount, last in both statements; NULL when not known.
void bindFees(QSqlQuery& query, const Payment& payment)
{
    query.addBindValue(centsOrNull(payment.charges));
    query.addBindValue(centsOrNull(payment.netAmount));
}

// A checkout's id, signature and page: set once IntaSend made it, never cleared.
void bindCheckout(QSqlQuery& query, const Payment& payment)
{
    query.addBindValue(textOrNull(payment.checkoutId));
    query.addBindValue(textOrNull(payment.checkoutSignature));
    query.addBindValue(textOrNull(payment.checkoutUrl));
}

} // namespace

void PaymentRow::bind(QSqlQuery& query, const Payment& payment)
{
    query.addBindValue(payment.localRef);
    query.addBindValue(payment.amount.cents());
    query.addBindValue(payment.phone.normalised());
    query.addBindValue(payment.createdAt.toMSecsSinceEpoch());
    bindChanging(query, payment);
    query.addBindValue(notNull(payment.tillName));
    query.addBindValue(textOrNull(payment.replacesRef));
    bindFees(query, payment);
    const QVariant none(QMetaType(QMetaType::Int));
    query.addBindValue(textOrNull(payment.saleRef));
    query.addBindValue(payment.isPartOfSale() ? QVariant(payment.salePart) : none);
    query.addBindValue(payment.isPartOfSale() ? QVariant(payment.saleParts) : none);
    query.addBindValue(payment.isCheckout() ? QStringLiteral("checkout") : QStringLiteral("mpesa"));
    bindCheckout(query, payment);
}

void PaymentRow::bindUpdate(QSqlQuery& query, const Payment& payment, qint64 id)
{
    bindChanging(query, payment);
    bindFees(query, payment);
    bindCheckout(query, payment);
    query.addBindValue(id);
}

} // namespace lipa
