// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopQuery.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace lipa {

class Alarm;
class Clock;
class ShopReader;

// The shop-wide duplicate guard: "is this sale open at another till?", asked on Charge, answered from a
// snapshot of every till's open payments instead of a round trip to the database at that moment.
//
// The snapshot (ShopQuery::openPayments: payments of the last day that may still charge a customer) is
// read again whenever another till's batch announces open sales (the guard's reader LISTENs; ShopNotice),
// when a sale is started (prepare(), on the first key of a sale) and after every question. So Charge
// never waits for a database that has turned slow, and the answer is as current as the database's last
// word, except for a sale just announced and not read yet: a question about that one waits for the read.
//
// It is trusted for kTrusted after the read behind it was asked, and only while no read has gone
// unanswered for longer than the question's budget: a database that stopped answering (or a line to it
// that broke) is not asked in time, and the cashier is told the other tills could not be asked. After a
// failed read (the database is down) questions are answered so at once, while the next read is tried.
// Without a trusted snapshot otherwise (the first sale, after a quiet spell) a question waits for a read,
// at most for its budget. Nothing runs while the till is idle: no timer, no query.
class ShopGuard : public QObject {
    Q_OBJECT
public:
    // answered: the database's word (a snapshot) is behind it; found is then the other till's open
    // payment, or none. Not answered: the charge goes ahead on the till's own check alone.
    struct Answer {
        bool answered = false;
        std::optional<ShopPayment> found;
    };
    static constexpr std::chrono::seconds kTrusted{30};
    static constexpr int kLimit = 5000; // a day's open payments of a whole shop are far fewer

    // reader lives on a thread of its own (ShopService's guard reader) and outlives this guard. ownTill:
    // this till, whose own batches change no answer (its sales are never "at another till").
    ShopGuard(ShopReader* reader, Clock& clock, const QUuid& ownTill, QObject* parent = nullptr);
    ~ShopGuard() override;

    // The newest open payment at a till other than exceptTill for this phone and amount, created since
    // `since`. done is called exactly once on this thread: before ask() returns when the snapshot is
    // trusted (or the database is known not to answer), otherwise within budget. Not called when context
    // is destroyed first.
    void ask(const QUuid& exceptTill, const PhoneNumber& phone, Money amount, const QDateTime& since,
             std::chrono::milliseconds budget, QObject* context, std::function<void(Answer)> done);
    // A sale is being typed: read the snapshot now, so the question on Charge finds it current.
    void prepare();
    // Read again (once more after the read on its way, if there is one).
    void refresh();
    // A till's batch arrived with these open sales (ShopNotice keys), or with any (everything; also an
    // empty tillId: notifications may have been missed). Until a read asked after it has answered, a
    // question about one of those sales is not answered from the snapshot: it waits for that read, at
    // most for its budget. Another till's sale that has just arrived must not be missed by a few ms.
    void announced(const QString& tillId, const QStringList& openSales, bool everything);
    // Whether a question asked now, with this budget, would be answered from the snapshot at once.
    bool answersAtOnce(std::chrono::milliseconds budget) const;
    // A read of the snapshot is on its way.
    bool isReading() const { return m_reading != 0; }
    // The snapshot: every till's open payments of the last day, newest first, as last read.
    const QList<ShopPayment>& snapshot() const { return m_open; }

private:
    struct Question;

    void read();
    void onOpenPayments(quint64 requestId, const QList<lipa::ShopPayment>& rows, bool answered);
    Answer answerFor(const Question& question) const;
    void finish(const std::shared_ptr<Question>& question, const Answer& answer);
    bool readIsLate(std::chrono::milliseconds budget) const;
    bool isUnread(const QString& saleKey) const;

    ShopReader* m_reader;
    Clock& m_clock;
    QString m_ownTill;                                   // as notices name it
    QList<ShopPayment> m_open;                           // the snapshot
    std::optional<std::chrono::milliseconds> m_readAt;   // when the read behind it was asked (monotonic)
    std::optional<std::chrono::milliseconds> m_failedAt; // when the last read failed, if it did
    quint64 m_nextRequest = 0;
    quint64 m_reading = 0; // the read on its way, 0 when none
    std::chrono::milliseconds m_readingSince{0};
    bool m_readAgain = false;                   // a change was announced while a read was on its way
    QList<std::shared_ptr<Question>> m_waiting; // questions waiting for the read on its way
    // Announced sales the snapshot may not have yet: key → the first read that has them. Every sale, while
    // m_everythingUnreadUntil (a read's id) has not answered.
    QHash<QString, quint64> m_unread;
    quint64 m_everythingUnreadUntil = 0;
};

} // namespace lipa
