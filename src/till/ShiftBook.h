// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "ShiftReport.h"

#include <QObject>

#include <functional>
#include <optional>

namespace lipa {

class Journal;

// A cashier's shifts: one is opened, X reports are printed while it runs, and it is closed with a Z
// report kept in the journal. Payments are taken with or without an open shift.
class ShiftBook : public QObject {
    Q_OBJECT
public:
    ShiftBook(Journal& journal, Clock& clock, QString tillName, QObject* parent = nullptr);

    // Opens a shift for the cashier. Nullopt (with a notice) if it could not.
    std::optional<Shift> open(const QString& cashier);
    std::optional<Shift> current() const;
    // The open shift's figures now; nullopt when no shift is open.
    std::optional<ShiftReport> xReport() const;
    // Closes the open shift and keeps its Z report in the journal. Nullopt (with a notice) if it could not.
    std::optional<ShiftReport> close();
    // Whether the till can reconcile with IntaSend (the reports then say whether the shift was).
    void setReconciles(std::function<bool()> reconciles) { m_reconciles = std::move(reconciles); }

Q_SIGNALS:
    void notice(const QString& message);

private:
    Journal& m_journal;
    Clock& m_clock;
    QString m_tillName;
    std::function<bool()> m_reconciles;
};

} // namespace lipa
