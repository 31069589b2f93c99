// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "Money.h"
#include "Payment.h"
#include "Sale.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

namespace lipa {

class CashDesk;
class Journal;
class Till;

// Sales above the largest single M-Pesa payment (till/max_amount), taken in parts: records the sale with
// its first part, sends each next part to the same phone as soon as the previous one is paid, and stops
// there when a part ends otherwise (failed, expired, unknown). Nothing is sent by itself for a sale the
// cashier has not touched in this run: after a restart an open sale waits for the cashier. Also the rest
// in cash, the next part after a restart, and closing a sale short.
class SaleDesk : public QObject {
    Q_OBJECT
public:
    SaleDesk(Till& till, Journal& journal, CashDesk& cash, Clock& clock, Money largestPart,
             QObject* parent = nullptr);

    Money largestPart() const { return m_largestPart; }
    bool needsParts(Money total) const { return total > m_largestPart; }

    // Records the sale with its first part and sends that part. Returns the part's reference, or an empty
    // string (the till's notice says why) when nothing was recorded or sent.
    QString start(Money total, const PhoneNumber& phone);
    // The next part of an open sale whose latest part is paid (after a restart, or once the cashier
    // chooses to go on), to this phone; the parts after it follow by themselves. Empty, with *refusal
    // filled in, when it may not be sent.
    // part: the part the cashier was asked about; refused when the sale has moved on meanwhile.
    QString sendNext(const QString& saleRef, const PhoneNumber& phone, int part, QString* refusal);
    // The rest of the sale in cash: the latest part, if unpaid, is settled in cash as Use cash does (a last
    // check first), and what no part covers is recorded as a cash part. done reports once: an empty
    // refusal on success.
    // expected: what the cashier was told is left to pay; refused when the sale has changed since (a part
    // was paid or sent meanwhile), so the cash taken is always what the question said.
    void settleRestInCash(const QString& saleRef, Money expected, QObject* context,
                          std::function<void(const QString&)> done);
    // While the cashier is asked about the sale (the rest in cash), no next part goes out by itself;
    // letRun() after a "no" lets it go on (and sends the next part if one was paid meanwhile).
    void holdBack(const QString& saleRef);
    void letRun(const QString& saleRef);
    // Closes an open sale short, with the manager's reason. Refused while a part still waits.
    bool closeShort(const QString& saleRef, const QString& reason, const QString& closedBy, QString* refusal);
    // At start-up: closes the open sales whose parts already add up (the till stopped before it could) and
    // reports the newest one still open (openSaleFound), for the cashier to go on with. Sends nothing.
    void resume();

    std::optional<Sale> sale(const QString& saleRef) const;
    SaleProgress progress(const Sale& sale) const;
    // Every attempt of every part of the sale, oldest first.
    QList<Payment> parts(const QString& saleRef) const;
    // Whether the desk sends the sale's next part by itself once the current one is paid.
    bool isRunning(const QString& saleRef) const { return m_running.contains(saleRef); }

Q_SIGNALS:
    // One of the sale's parts, or the sale itself, changed (the card and the list redraw it).
    void saleChanged(const QString& saleRef);
    // A sale left open by an earlier run: its newest attempt, for the card.
    void openSaleFound(const lipa::Payment& latest);
    void notice(const QString& message);

private:
    void onPaymentRecorded(const Payment& payment);
    void onPaymentChanged(const Payment& payment);
    void sendNextByItself(const QString& saleRef);
    // Closes the sale when its parts add up to its total; says so when they add up to more.
    void closeIfPaid(const Sale& sale);
    // Records what no part covers as a cash part; the refusal, or empty.
    QString recordCashRest(const QString& saleRef);

    Till& m_till;
    Journal& m_journal;
    CashDesk& m_cash;
    Clock& m_clock;
    Money m_largestPart;
    QSet<QString> m_running;  // sales whose next part goes out by itself once the current one is paid
    QSet<QString> m_heldBack; // of those, the ones waiting for the cashier's answer (holdBack)
};

} // namespace lipa
