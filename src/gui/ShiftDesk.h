// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Printout.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QWidget;

namespace lipa {

class ShiftBook;
class Till;
struct ShiftReport;

// The Shift menu: open a shift with the cashier's name, an X report at any time, and closing the shift
// with its Z report (kept in the journal), each shown in a dialog that prints or saves it as PDF.
// A label for the status bar says whose shift is open.
class ShiftDesk : public QObject {
    Q_OBJECT
public:
    // till: its payment changes keep the close-shift question's figures current.
    ShiftDesk(ShiftBook& shifts, Till& till, QWidget* window, QMenu* menu, Printout::Paper paper);

    QLabel* statusLabel() const { return m_status; }
    void openShift();
    void showXReport();
    void closeShift();
    // The report dialog: the text, Print… (Ctrl+P), Save as PDF…, Close.
    void showReport(const ShiftReport& report);
    void setPaper(Printout::Paper paper) { m_paper = paper; }

private:
    void updateStatus();

    ShiftBook& m_shifts;
    Till& m_till;
    QWidget* m_window;
    Printout::Paper m_paper;
    QLabel* m_status = nullptr;
    QAction* m_open = nullptr;
    QAction* m_x = nullptr;
    QAction* m_close = nullptr;
};

} // namespace lipa
