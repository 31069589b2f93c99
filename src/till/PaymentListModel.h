// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "PaymentFilter.h"
#include "Refund.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace lipa {

class Journal;
class Till;

// The transaction list: the journal's payments matching a filter, newest first, loaded a page at a time
// (so a journal of a million payments opens as fast as an empty one), with rows changed in place as the
// till reports changes.
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

    const Payment& paymentAt(int row) const { return m_rows.at(row); }
    // -1 when the payment is not loaded.
    int rowOf(const QString& localRef) const;
    int rowOfSequence(qint64 sequence) const;

    static constexpr int kPageSize = 200;
    // What the Details column says while nothing has gone wrong.
    static QString progressNote(PaymentState state);
    // A refund request was made or moved on: the Details column of its payment says so.
    void noteRefund(const Refund& refund);

private:
    void onPaymentAdded(const Payment& payment);
    void onPaymentChanged(const Payment& payment);

    const Journal& m_journal;
    Till& m_till;
    PaymentFilter m_filter;
    QList<Payment> m_rows;            // newest first (descending sequence)
    QHash<QString, Refund> m_refunds; // each refunded payment's newest request (refunds are rare)
    bool m_exhausted = false;         // the oldest matching payment is loaded
    bool m_inserting = false;         // inside begin/endInsertRows or begin/endResetModel
};

} // namespace lipa
