// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QObject>

#include <functional>

namespace lipa {

class Journal;
class ServiceHealth;
class StatusPoller;
class Till;

// Settling a sale in cash instead of M-Pesa ("Use cash", F9): a last status check where IntaSend knows
// the payment, then the move to Cash on the attempt that may still charge the customer. An M-Pesa request
// still open is watched on, so that a late approval is caught and flagged as paid twice.
class CashDesk : public QObject {
    Q_OBJECT
public:
    CashDesk(Till& till, Journal& journal, StatusPoller& poller, const ServiceHealth& health,
             QObject* parent = nullptr);

    // Records the sale as paid in cash, after a last status check where IntaSend knows the payment:
    // refused (with the reason) if M-Pesa has paid it, while another attempt of the same sale may still
    // charge the customer (the cash goes on that one), or when the journal cannot record it. Reports once,
    // through done, with an empty refusal on success.
    void settle(const QString& localRef, QObject* context,
                std::function<void(const Payment&, const QString& refusal)> done);

private:
    // Records the move to Cash as the payment now stands; the refusal, or empty on success.
    QString record(const QString& localRef, bool wasChecked);

    Till& m_till;
    Journal& m_journal;
    StatusPoller& m_poller;
    const ServiceHealth& m_health;
};

} // namespace lipa
