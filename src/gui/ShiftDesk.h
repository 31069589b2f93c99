// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CounterPrinter.h"
#include "Printout.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QWidget;

namespace lipa {

class ReconcileDialog;
class ShiftBook;
class TillStack;
struct ShiftReport;

// The Shift menu: open a shift with the cashier's name, an X report at any time, reconciling with
// IntaSend's records, and closing the shift with its Z report (kept in the journal; reconciled first when
// the till can read IntaSend's records), each shown in a dialog that prints or saves it as PDF.
// A label for the status bar says whose shift is open.
class ShiftDesk : public QObject {
    Q_OBJECT
public:
    // The till's payment changes keep the close-shift question's figures current.
    ShiftDesk(TillStack& stack, QWidget* window, QMenu* menu, Printout::Paper paper);

    QLabel* statusLabel() const { return m_status; }
    void openShift();
    void showXReport();
    void closeShift();
    // The Reconcile with IntaSend window (the one already open, if there is one).
    ReconcileDialog* showReconcile();
    // The report dialog: the text, Print… (Ctrl+P), Save as PDF…, Close.
    void showReport(const ShiftReport& report);
    void setPaper(Printout::Paper paper) { m_paper = paper; }
    // Reports go straight to it (no dialog) when there is one.
    void setCounterPrinter(CounterPrinter* printer) { m_printer = printer; }

private:
    void updateStatus();
    // After "Close shift": reconciles first when the cashier agrees, then makes the Z report.
    void offerToReconcile();
    void reconcileThenClose();
    void makeZReport();

    TillStack& m_stack;
    ShiftBook& m_shifts;
    QWidget* m_window;
    Printout::Paper m_paper;
    CounterPrinter* m_printer = nullptr;
    QLabel* m_status = nullptr;
    QAction* m_open = nullptr;
    QAction* m_x = nullptr;
    QAction* m_reconcile = nullptr;
    QAction* m_close = nullptr;
    QPointer<ReconcileDialog> m_reconcileDialog;
};

} // namespace lipa
