// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "ReconcileMatcher.h"
#include "Reconciliation.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace lipa {

class Journal;
class Till;

// Reconciles a period with IntaSend's records: reads the invoice list newest first until it is older than
// the period, matches it with the journal (ReconcileMatcher), records what IntaSend has paid and the till
// did not (flagged), keeps IntaSend's fees on the payments, and keeps the reconciliation in the journal
// like a Z report. Polite on a day of thousands: pages of 100, at most one request per minInterval,
// Retry-After honoured mid-way, and it can be cancelled. One at a time.
class Reconciler : public QObject {
    Q_OBJECT
public:
    struct Pace {
        int pageSize = 100;
        std::chrono::milliseconds minInterval{250}; // between the starts of two requests
        int maxPages = 1000;                        // 100,000 invoices: a look that goes on is broken
        int maxRetries = 5;                         // for one page: 429s and failed calls
        std::chrono::milliseconds retryDelay{5000}; // after a failed call; doubles each time
        std::chrono::seconds maxRetryAfter{300};    // a longer "slow down" ends the run, incomplete
        std::chrono::minutes margin{10};            // invoices a little older than the period still count
        int journalSlice = 150;                     // payments read from the journal per turn (~5 ms)
    };

    Reconciler(IntaSendClient& client, Journal& journal, Till& till, Clock& clock, QString tillName,
               Pace pace, QObject* parent = nullptr);
    ~Reconciler() override;

    // Whether the till can read IntaSend's records at all (a secret key is configured).
    bool canReconcile() const;
    // Also while what it found is being recorded and kept (a few turns of the event loop after the last
    // page); it can no longer be cancelled then.
    bool isRunning() const { return m_run != nullptr || m_finishing; }
    // Starts reconciling [from, to). False when one is already running or there is no secret key.
    bool start(const QDateTime& from, const QDateTime& to, const QString& cashier = {});
    // Stops the run: nothing more is asked, nothing is kept; cancelled() follows.
    void cancel();

Q_SIGNALS:
    // After each page: pages read, invoices read, and IntaSend's count of invoices (-1 when not said).
    void progress(int pages, int invoices, int total);
    // Waiting before the next request because IntaSend asked the till to slow down.
    void waiting(std::chrono::seconds retryAfter);
    // The run ended and was kept in the journal (summary.complete says whether every page was read);
    // keptOk false (with notice) when the journal could not keep it.
    void finished(const lipa::Reconciliation& reconciliation, bool keptOk);
    void cancelled();
    void notice(const QString& message);

private:
    struct Run;
    // Reads the period's payments from the journal a slice at a time (a slice per turn of the event loop:
    // 5,000 at once stalled the window for 21 ms), then asks for the first page.
    void loadPayments(const std::optional<Payment>& after);
    void request(const QUrl& url);
    void onPage(const QUrl& url, const InvoicePageResult& result);
    void retryLater(const QUrl& url, std::chrono::milliseconds after, const QString& why);
    void finish(const QString& incomplete);
    struct Finishing {
        Reconciliation reconciliation;
        QList<ReconcileMatcher::FoundPaid> toRecord;
    };
    // Records the payments IntaSend has paid and the till did not, one per turn, then keeps the rest.
    void recordFound(const std::shared_ptr<Finishing>& done, qsizetype index);
    // Keeps the reconciliation's items from `from` on, a slice per turn of the event loop, then reports.
    void keepItems(const std::shared_ptr<Reconciliation>& reconciliation, qsizetype from);
    void after(std::chrono::milliseconds delay, std::function<void()> then);

    IntaSendClient& m_client;
    Journal& m_journal;
    Till& m_till;
    Clock& m_clock;
    QString m_tillName;
    Pace m_pace;
    std::unique_ptr<Alarm> m_alarm;
    std::function<void()> m_onAlarm;
    std::unique_ptr<Run> m_run;
    quint64 m_generation = 0; // answers to a cancelled run are ignored
    bool m_finishing = false; // the last page is read; what it found is being recorded and kept
};

} // namespace lipa
