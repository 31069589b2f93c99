// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "PaymentFilter.h"
#include "Refund.h"
#include "SequenceList.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <deque>

namespace lipa {

class Journal;
class Till;

// The transaction list: the journal's payments matching a filter, newest first, loaded a page at a time
// (so a journal of a million payments opens as fast as an empty one), with rows changed in place as the
// till reports changes.
//
// Memory does not follow the history: of every row reached the model keeps only its sequence (a compact
// SequenceList, about a byte a row), and the payments themselves only for the pages last shown
// (kCachedRows); a row let go of is read again from the journal, by its sequence, when it is shown again.
class PaymentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PhoneColumn,
        AmountColumn,
        StateColumn,
        ReceiptColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // PaymentState as int
        ToneRole,                     // the state's Tone as int: the views choose its colour
        LocalRefRole,
        SequenceRole,
    };

    PaymentListModel(const Journal& journal, Till& till, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Shows only the payments matching the filter (reloading from the journal).
    void setFilter(const PaymentFilter& filter);
    const PaymentFilter& filter() const { return m_filter; }

    // The payment shown in this row (read again from the journal if the model had let go of it; an empty
    // payment if the journal cannot be read).
    Payment paymentAt(int row) const;
    // -1 when the payment is not among the rows reached.
    int rowOf(const QString& localRef) const;
    int rowOfSequence(qint64 sequence) const;

    static constexpr int kPageSize = 200;
    // How many payments are kept at most besides the newest page read: three pages, where a screen of the
    // list is a few dozen rows.
    static constexpr int kCachedRows = 3 * kPageSize;
    // Payments held now, for tests and benchmarks.
    int cachedRowCount() const { return static_cast<int>(m_cache.size()); }
    // What the Amount column says: the amount, and which part of its sale a part is ("1/2 · KES 150,000").
    static QString amountText(const Payment& payment);
    // What the Details column says while nothing has gone wrong.
    static QString progressNote(PaymentState state);
    // A refund request was made or moved on: the Details column of its payment says so.
    void noteRefund(const Refund& refund);

private:
    void onPaymentAdded(const Payment& payment);
    void onPaymentChanged(const Payment& payment);
    // The row's payment, read with the rest of its page when it is not held; null when it cannot be read.
    const Payment* paymentOf(int row) const;
    // Holds these payments as the newest batch, letting go of the oldest batches beyond kCachedRows.
    void remember(const QList<Payment>& payments) const;
    void forgetAll();

    struct Cached {
        Payment payment;
        quint64 batch = 0; // the batch that read it last
    };
    struct Batch {
        quint64 id = 0;
        QList<qint64> sequences;
    };

    const Journal& m_journal;
    Till& m_till;
    PaymentFilter m_filter;
    SequenceList m_sequences; // every row reached, newest first
    // The payments of the rows read last: loaded while painting, hence mutable.
    mutable QHash<qint64, Cached> m_cache;
    mutable std::deque<Batch> m_batches; // oldest first
    mutable qsizetype m_batchedRows = 0;
    mutable quint64 m_nextBatch = 0;
    QHash<QString, Refund> m_refunds; // each refunded payment's newest request (refunds are rare)
    bool m_exhausted = false;         // the oldest matching payment is loaded
    bool m_inserting = false;         // inside begin/endInsertRows or begin/endResetModel
};

} // namespace lipa
