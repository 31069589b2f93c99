#pragma once

#include "Payment.h"

#include <QAbstractTableModel>
#include <QList>

namespace lipa {

class Till;

// The transaction list: the journal's payments, newest first, loaded a page at a time, with rows
// changed in place as the till reports changes.
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
        LocalRefRole,
    };

    explicit PaymentListModel(Till& till, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const Payment& paymentAt(int row) const { return m_rows.at(row); }
    // -1 when the payment is not loaded.
    int rowOf(const QString& localRef) const;

    static constexpr int kPageSize = 200;

private:
    // What the Details column says while nothing has gone wrong.
    static QString progressNote(PaymentState state);
    void onPaymentAdded(const Payment& payment);
    void onPaymentChanged(const Payment& payment);

    Till& m_till;
    QList<Payment> m_rows;     // newest first: those added since start-up, then the history loaded so far
    int m_addedSinceStart = 0; // payments the till announced (already at the top)
    int m_historySize = 0;     // payments the journal held when the model was made
    int m_historyLoaded = 0;
};

// Colours for each state that read well on white and carry the same meaning everywhere.
QColor stateColor(PaymentState state);

} // namespace lipa
