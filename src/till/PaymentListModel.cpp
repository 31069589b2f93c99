// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentListModel.h"

#include "Journal.h"
#include "Till.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <optional>

namespace lipa {

namespace {

// Text shown literally where Qt would guess whether it is markup (a tooltip): rich text, so nothing is
// guessed, with the text escaped and its line breaks kept.
QString asLiteralRichText(const QString& text)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(text.toHtmlEscaped());
}

} // namespace

QString PaymentListModel::progressNote(PaymentState state)
{
    switch (state) {
    case PaymentState::Sending:
        return tr("Sending the request to the customer's phone…");
    case PaymentState::Pending:
        return tr("Waiting for the customer's M-Pesa PIN");
    case PaymentState::Processing:
        return tr("M-Pesa is processing the payment");
    default:
        return {};
    }
}

PaymentListModel::PaymentListModel(const Journal& journal, Till& till, QObject* parent)
    : QAbstractTableModel(parent)
    , m_journal(journal)
    , m_till(till)
{
    connect(&till, &Till::paymentAdded, this, &PaymentListModel::onPaymentAdded);
    connect(&till, &Till::paymentChanged, this, &PaymentListModel::onPaymentChanged);
    // Every refund request ever made: a few a week, so one small read. No row is shown yet.
    bool ok = false;
    for (const Refund& refund : journal.refunds().between(
             QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
             QDateTime::fromMSecsSinceEpoch(std::numeric_limits<qint64>::max() / 2, Qt::UTC), &ok)) {
        const auto known = m_refunds.constFind(refund.paymentRef);
        if (known == m_refunds.cend() || known->id < refund.id)
            m_refunds.insert(refund.paymentRef, refund);
    }
}

int PaymentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sequences.size());
}

int PaymentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaymentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Payment* shown = paymentOf(index.row());
    if (!shown)
        return {};
    const Payment& payment = *shown;

    switch (role) {
    case StateRole:
        return static_cast<int>(payment.state);
    case ToneRole:
        return static_cast<int>(traitsOf(payment.state).tone);
    case LocalRefRole:
        return payment.localRef;
    case SequenceRole:
        return payment.sequence;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn: {
            const QDateTime local = payment.createdAt.toLocalTime();
            const bool today = local.date() == m_till.clock().now().toLocalTime().date();
            return QLocale().toString(local,
                                      today ? QStringLiteral("HH:mm:ss") : QStringLiteral("d MMM HH:mm"));
        }
        case PhoneColumn:
            return payment.phone.masked();
        case AmountColumn:
            return amountText(payment);
        case StateColumn:
            return stateDisplayName(payment.state);
        case ReceiptColumn:
            if (payment.isCheckout()) // "card/QR", with M-Pesa's code when the page was paid by M-Pesa
                return payment.mpesaReceipt.isEmpty() ? tr("card/QR")
                                                      : tr("card/QR · %1").arg(payment.mpesaReceipt);
            return payment.mpesaReceipt;
        case DetailColumn:
            if (const auto refund = m_refunds.constFind(payment.localRef); refund != m_refunds.cend())
                return QStringLiteral("%1: %2").arg(refundStateName(refund->state),
                                                    refund->amount.toDisplayString());
            if (!payment.failureMessage.isEmpty())
                return payment.failureMessage;
            if (payment.replacesRef.isEmpty())
                return progressNote(payment.state);
            return progressNote(payment.state).isEmpty()
                       ? tr("Sent again")
                       : tr("%1 (sent again)").arg(progressNote(payment.state));
        }
        break;
    case Qt::ToolTipRole:
        // IntaSend's words (failed_reason, an error's detail) may look like markup, and Qt guesses
        // whether a tooltip is rich text: given as rich text that shows them literally, they cannot paint.
        if (index.column() == DetailColumn || index.column() == StateColumn)
            return asLiteralRichText(payment.failureMessage.isEmpty() ? stateDisplayName(payment.state)
                                                                      : payment.failureMessage);
        if (index.column() == TimeColumn)
            return QLocale().toString(payment.createdAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == AmountColumn && payment.isPartOfSale())
            return tr("Part %1 of %2 of a sale taken in several payments")
                .arg(payment.salePart)
                .arg(payment.saleParts);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant PaymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PhoneColumn:
        return tr("Customer");
    case AmountColumn:
        return tr("Amount");
    case StateColumn:
        return tr("Status");
    case ReceiptColumn:
        return tr("M-Pesa receipt");
    case DetailColumn:
        return tr("Details");
    }
    return {};
}

bool PaymentListModel::canFetchMore(const QModelIndex& parent) const
{
    // Not while a row is being inserted: a view (or a model tester) reacting to the insertion must not
    // start a second one inside it.
    return !parent.isValid() && !m_exhausted && !m_inserting;
}

void PaymentListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // Keyset paging: the next page is the newest payments older than the oldest one reached. Payments
    // added live go on top and do not move that boundary.
    const qint64 before = m_sequences.isEmpty() ? std::numeric_limits<qint64>::max() : m_sequences.last();
    const QList<Payment> page = m_journal.page(m_filter, before, kPageSize);
    if (page.size() < kPageSize)
        m_exhausted = true;
    if (page.isEmpty())
        return;
    const int first = static_cast<int>(m_sequences.size());
    m_inserting = true;
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    for (const Payment& payment : page)
        m_sequences.append(payment.sequence);
    remember(page);
    endInsertRows();
    m_inserting = false;
}

void PaymentListModel::setFilter(const PaymentFilter& filter)
{
    // The first page is loaded inside the reset: views see a full list at once, and nobody inserts
    // rows while the reset is still being announced.
    m_inserting = true;
    beginResetModel();
    m_filter = filter;
    m_sequences.clear();
    forgetAll();
    const QList<Payment> page = m_journal.page(m_filter, std::numeric_limits<qint64>::max(), kPageSize);
    for (const Payment& payment : page)
        m_sequences.append(payment.sequence);
    remember(page);
    m_exhausted = page.size() < kPageSize;
    endResetModel();
    m_inserting = false;
}

Payment PaymentListModel::paymentAt(int row) const
{
    const Payment* payment = paymentOf(row);
    return payment ? *payment : Payment{};
}

const Payment* PaymentListModel::paymentOf(int row) const
{
    if (row < 0 || row >= m_sequences.size())
        return nullptr;
    if (const auto held = m_cache.constFind(m_sequences.at(row)); held != m_cache.cend())
        return &held->payment;
    // The whole page around it: a view paints a screen of neighbours next.
    const qsizetype start = row - row % kPageSize;
    const qsizetype end = std::min<qsizetype>(start + kPageSize, m_sequences.size());
    QList<qint64> missing;
    missing.reserve(end - start);
    for (qsizetype at = start; at < end; ++at) {
        const qint64 sequence = m_sequences.at(at);
        if (!m_cache.contains(sequence))
            missing.append(sequence);
    }
    remember(m_journal.withSequences(missing));
    const auto read = m_cache.constFind(m_sequences.at(row));
    return read == m_cache.cend() ? nullptr : &read->payment;
}

void PaymentListModel::remember(const QList<Payment>& payments) const
{
    if (payments.isEmpty())
        return;
    Batch batch{m_nextBatch++, {}};
    batch.sequences.reserve(payments.size());
    for (const Payment& payment : payments) {
        m_cache.insert(payment.sequence, Cached{payment, batch.id});
        batch.sequences.append(payment.sequence);
    }
    m_batchedRows += batch.sequences.size();
    m_batches.push_back(std::move(batch));
    // The newest batch always stays: it holds the rows being shown.
    while (m_batchedRows > kCachedRows + kPageSize && m_batches.size() > 1) {
        const Batch& oldest = m_batches.front();
        for (const qint64 sequence : oldest.sequences) {
            const auto held = m_cache.find(sequence);
            if (held != m_cache.end() && held->batch == oldest.id)
                m_cache.erase(held);
        }
        m_batchedRows -= oldest.sequences.size();
        m_batches.pop_front();
    }
}

void PaymentListModel::forgetAll()
{
    m_cache.clear();
    m_cache.squeeze();
    m_batches.clear();
    m_batchedRows = 0;
}

int PaymentListModel::rowOf(const QString& localRef) const
{
    for (auto held = m_cache.cbegin(); held != m_cache.cend(); ++held) {
        if (held->payment.localRef == localRef)
            return rowOfSequence(held.key());
    }
    if (m_sequences.isEmpty())
        return -1;
    const std::optional<Payment> payment = m_journal.find(localRef);
    return payment ? rowOfSequence(payment->sequence) : -1;
}

int PaymentListModel::rowOfSequence(qint64 sequence) const
{
    return static_cast<int>(m_sequences.indexOf(sequence));
}

void PaymentListModel::onPaymentAdded(const Payment& payment)
{
    if (!m_filter.matches(payment))
        return;
    // Already shown, or older than the newest row (never for a new payment): the list stays in order.
    if (!m_sequences.isEmpty() && payment.sequence <= m_sequences.first())
        return;
    m_inserting = true;
    beginInsertRows({}, 0, 0);
    m_sequences.prepend(payment.sequence);
    remember({payment});
    endInsertRows();
    m_inserting = false;
}

void PaymentListModel::onPaymentChanged(const Payment& payment)
{
    // A row that no longer matches the filter stays until the filter changes: rows do not vanish under
    // the cashier's eyes.
    const int row = rowOfSequence(payment.sequence);
    if (row < 0)
        return; // not reached (yet): fetchMore reads it from the journal
    if (const auto held = m_cache.find(payment.sequence); held != m_cache.end())
        held->payment = payment;
    // One not held is read from the journal, where this change already is, when it is shown.
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace lipa

namespace lipa {

void PaymentListModel::noteRefund(const Refund& refund)
{
    const auto known = m_refunds.constFind(refund.paymentRef);
    // The newest request speaks for the payment; an older one's change does not hide it.
    if (known != m_refunds.cend() && known->id > refund.id)
        return;
    m_refunds.insert(refund.paymentRef, refund);
    const int row = rowOf(refund.paymentRef);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, DetailColumn), index(row, DetailColumn));
}

QString PaymentListModel::amountText(const Payment& payment)
{
    // A part of a sale says which: "1/2 · KES 150,000".
    if (!payment.isPartOfSale())
        return payment.amount.toDisplayString();
    return QStringLiteral("%1/%2 · %3")
        .arg(payment.salePart)
        .arg(payment.saleParts)
        .arg(payment.amount.toDisplayString());
}

} // namespace lipa
