// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CounterPrinter.h"
#include "Payment.h"
#include "Printout.h"
#include "Refund.h"

#include <QDialog>
#include <QList>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lipa {

class TillStack;

// Everything the journal knows about one payment: its fields (with IntaSend's charges once known), every
// recorded change with its time and IntaSend's raw state, the refunds asked of it (with a slip to print),
// and Check now while it can still change. Follows the payment and its refunds live.
class PaymentDetailsDialog : public QDialog {
    Q_OBJECT
public:
    // paper: what the refund slip is printed on.
    PaymentDetailsDialog(TillStack& stack, const QString& localRef, Printout::Paper paper,
                         QWidget* parent = nullptr);

    // The refund slip goes straight to it (no dialog) when there is one.
    void setCounterPrinter(CounterPrinter* printer) { m_printer = printer; }

private:
    void reload();
    void reloadRefunds();
    // The slip of the refund chosen in the table, else of the newest.
    void printRefundSlip();

    TillStack& m_stack;
    QString m_localRef;
    Printout::Paper m_paper;
    CounterPrinter* m_printer = nullptr;
    QFormLayout* m_fields = nullptr;
    QTableWidget* m_events = nullptr;
    QLabel* m_refundsLabel = nullptr;
    QTableWidget* m_refundsTable = nullptr;
    QList<Refund> m_refunds; // the table's rows, oldest first
    QPushButton* m_checkButton = nullptr;
    QPushButton* m_slipButton = nullptr;
};

} // namespace lipa
