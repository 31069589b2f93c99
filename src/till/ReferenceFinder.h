// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "Payment.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace lipa {

class Journal;
class ServiceHealth;
class Till;

// Finds at IntaSend a payment whose push answer was lost (Unknown, no invoice id), by its api_ref in
// IntaSend's invoice list (secret key): about 15 s after it became Unknown, then with backoff until its
// expiry window ends, at start-up and on F5. Found: the invoice id is recorded and the payment goes on as
// any other. Still not found after the window, by a complete look (the filter honoured, or every page
// back to before the payment read): Not sent, so the sale can be charged again. A look cut short (page
// cap, an error, "slow down") leaves it Unknown and says why. Never matches by phone or amount.
class ReferenceFinder : public QObject {
    Q_OBJECT
public:
    struct Schedule {
        std::chrono::milliseconds firstLook{15000}; // after the payment became Unknown
        std::chrono::milliseconds maxInterval{60000};
        std::chrono::milliseconds expiry{180000}; // the till's expiry window, from the payment's creation
        int maxPages = 20;                        // pages read in one look (100 invoices each)
    };

    ReferenceFinder(IntaSendClient& client, Journal& journal, Till& till, ServiceHealth& health, Clock& clock,
                    Schedule schedule, QObject* parent = nullptr);
    ~ReferenceFinder() override;

    // Whether the till can look payments up at all (a secret key is configured).
    bool canLook() const;
    // Starts looking for an Unknown payment without an invoice id (nothing happens for any other).
    void watch(const Payment& payment);
    // Looks now (F5, start-up), and goes on watching while the window lasts.
    void lookNow(const QString& localRef);
    int watchedCount() const { return static_cast<int>(m_due.size()); }
    // For a till that must look sooner (the crash test's); takes effect from the next look scheduled.
    void setSchedule(Schedule schedule) { m_schedule = schedule; }

private:
    struct Look; // one look in progress: the pages read so far
    void onAlarm();
    void startLook(const QString& localRef);
    void readPage(const std::shared_ptr<Look>& look, const QUrl& url);
    void finishLook(const std::shared_ptr<Look>& look, const std::optional<wire::Invoice>& found,
                    const QString& incomplete);
    void scheduleNext(const QString& localRef, std::chrono::milliseconds after);
    void rearm();

    IntaSendClient& m_client;
    Journal& m_journal;
    Till& m_till;
    ServiceHealth& m_health;
    Clock& m_clock;
    Schedule m_schedule;
    std::unique_ptr<Alarm> m_alarm;
    QHash<QString, std::chrono::milliseconds> m_due;      // monotonic time of each payment's next look
    QHash<QString, std::chrono::milliseconds> m_interval; // its current backoff
    QSet<QString> m_looking;                              // payments with a look in flight
};

} // namespace lipa
