// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "Payment.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

namespace lipa {

class Journal;
class ServiceHealth;
class Till;
struct CallResult;

// Whether a payment may be sent again, decided after a last look at the earlier attempt.
struct ResendCheck {
    enum class Verdict {
        MaySend,            // the earlier attempt did not charge the customer
        MaySendWithWarning, // it cannot be known for sure: the cashier must ask the customer first
        Refused,            // paid after all, still waiting, already resent, or it could not be checked
    };
    Verdict verdict = Verdict::Refused;
    Payment payment; // the earlier attempt as it now stands
    QString reason;  // for the cashier: why, in plain words
};

// Sending a payment again ("Resend", F8): one last check of the earlier attempt, a short-lived clearance
// for the cashier to confirm, then a new attempt linked to the earlier one. Never sends without both.
class ResendDesk : public QObject {
    Q_OBJECT
public:
    ResendDesk(Till& till, const Journal& journal, const ServiceHealth& health, Clock& clock,
               QObject* parent = nullptr);

    // Looks at a failed, expired, unknown or not-sent payment one last time (a status check where
    // IntaSend knows it) and reports whether it may be sent again. Reports once, through done.
    void prepare(const QString& localRef, QObject* context, std::function<void(const ResendCheck&)> done);
    // Sends a new attempt for a payment prepare() cleared, linked to it in the journal (and to its sale,
    // as the same part): to the same phone, or to another one the customer gave. Returns the new attempt's
    // reference, or an empty string (with a notice) if it may not be sent.
    QString resend(const QString& localRef, const std::optional<PhoneNumber>& otherPhone = std::nullopt);

Q_SIGNALS:
    void notice(const QString& message);

private:
    void finish(const QString& localRef, const CallResult& result,
                const std::function<void(const ResendCheck&)>& done);

    Till& m_till;
    const Journal& m_journal;
    const ServiceHealth& m_health;
    Clock& m_clock;
    // Payments cleared for a resend by their last check, with when (monotonic): the clearance is short-lived.
    QHash<QString, std::chrono::milliseconds> m_cleared;
};

} // namespace lipa
