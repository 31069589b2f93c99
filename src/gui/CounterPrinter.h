// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EscPos.h"
#include "Printout.h"

#include <QObject>

class QWidget;

namespace lipa {

class EscPosPrinter;

// The printer at the counter when it is a raw ESC/POS one (printer/escpos): receipts, Z reports and refund
// slips go straight to it with no dialog, cut at the end, and the cash drawer on it opens for cash
// (printer/drawer). Says in words what went wrong when the printer is off, unplugged or out of paper.
class CounterPrinter : public QObject {
    Q_OBJECT
public:
    // paper: the roll's width (58 mm: 32 columns; 80 mm and A4: 48).
    CounterPrinter(const EscPosTarget& target, Printout::Paper paper, bool drawer, QObject* parent = nullptr);

    // The printouts' HTML (receipts, reports, slips) as an ESC/POS job of that many columns, cut at the end.
    static QByteArray jobFromHtml(const QString& html, int columns);
    static int columnsFor(Printout::Paper paper) { return paper == Printout::Paper::Roll58 ? 32 : 48; }

    // Prints the printout; `what` names it in messages ("The receipt").
    void print(const QString& html, const QString& what);
    bool hasDrawer() const { return m_drawer; }
    // Opens the cash drawer (when printer/drawer is on). Cash only: never for M-Pesa.
    void openDrawer();
    EscPosPrinter& printer() { return *m_printer; }

    // Straight to the counter's printer when there is one (no dialog), else the print preview; title names
    // the printout in both.
    static void printOrPreview(CounterPrinter* printer, const Printout& printout, QWidget* parent,
                               const QString& title);

Q_SIGNALS:
    // For the status bar, and the message a cashier must read (with what to do).
    void printed(const QString& text);
    void failed(const QString& text);

private:
    EscPosPrinter* m_printer;
    int m_columns;
    bool m_drawer;
};

} // namespace lipa
