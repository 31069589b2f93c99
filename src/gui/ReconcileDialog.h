// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Printout.h"
#include "Reconciliation.h"

#include <QDate>
#include <QDateTime>
#include <QDialog>

#include <chrono>
#include <optional>
#include <utility>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace lipa {

class Clock;
class ReconcileResultView;
class Reconciler;
class ShiftBook;

// "Reconcile with IntaSend": the cashier picks a period and starts the run, watches it read IntaSend's
// pages, then reads the outcome (ReconcileResultView) and prints or saves it. The run belongs to the
// window: closing it stops the run (nothing is kept).
class ReconcileDialog : public QDialog {
    Q_OBJECT
public:
    enum class Period { ThisShift, Today, Yesterday, Dates };

    ReconcileDialog(Reconciler& reconciler, const ShiftBook& shifts, const Clock& clock,
                    Printout::Paper paper, QWidget* parent = nullptr);
    ~ReconcileDialog() override;

    // The period's [from, to) in UTC for the local day `now` falls on. Never past now: a kept
    // reconciliation must not claim hours nobody has read yet (the Z report looks for one that covers its
    // shift).
    static std::pair<QDateTime, QDateTime> bounds(Period period, const QDateTime& now,
                                                  const QDateTime& shiftOpenedAt, const QDate& from,
                                                  const QDate& to);

    // Starts reconciling the chosen period; false (and the window says why) when it could not.
    bool start();
    // Chooses "This shift" and starts at once (before a Z report). False when it could not start.
    bool startThisShift();
    bool isRunning() const { return m_running; }
    // The last run's result, once one has finished.
    const std::optional<Reconciliation>& result() const { return m_result; }

    // Closing the window while it runs cancels the run.
    void done(int result) override;

Q_SIGNALS:
    // The run this window started has ended: finished (kept or not) or cancelled.
    void runEnded();

private:
    QLayout* buildPeriodRow();
    Period currentPeriod() const;
    void onPeriodChanged();
    void showProgress(int pages, int invoices, int total);
    void showWaiting(std::chrono::seconds retryAfter);
    void onFinished(const Reconciliation& reconciliation, bool keptOk);
    void onCancelled();
    void clearResult();
    void updateButtons();
    void print();
    void savePdf();
    void saveCsv();
    void writeCsv(const QString& path, const QByteArray& csv);

    Reconciler& m_reconciler;
    const ShiftBook& m_shifts;
    const Clock& m_clock;
    Printout::Paper m_paper;
    bool m_running = false; // a run this window started is going on
    std::optional<Reconciliation> m_result;

    QLabel* m_keyNeeded = nullptr;
    QComboBox* m_period = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancelRun = nullptr;
    QLabel* m_progress = nullptr;
    ReconcileResultView* m_view = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_pdf = nullptr;
    QPushButton* m_csv = nullptr;
};

} // namespace lipa
