// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopGuard.h"

#include "Clock.h"
#include "ShopConnection.h"
#include "ShopNotice.h"
#include "ShopReader.h"

namespace lipa {

struct ShopGuard::Question {
    QPointer<QObject> context;
    bool hasContext = false;
    QUuid exceptTill;
    QString phone; // normalised
    qint64 cents = 0;
    QDateTime since;
    std::function<void(Answer)> done;
    std::unique_ptr<Alarm> deadline;
};

ShopGuard::ShopGuard(ShopReader* reader, Clock& clock, const QUuid& ownTill, QObject* parent)
    : QObject(parent)
    , m_reader(reader)
    , m_clock(clock)
    , m_ownTill(ownTill.toString(QUuid::WithoutBraces))
{
    connect(m_reader, &ShopReader::openPaymentsReady, this, &ShopGuard::onOpenPayments);
}

ShopGuard::~ShopGuard() = default;

bool ShopGuard::readIsLate(std::chrono::milliseconds budget) const
{
    return m_reading != 0 && m_clock.monotonic() - m_readingSince >= budget;
}

bool ShopGuard::answersAtOnce(std::chrono::milliseconds budget) const
{
    return m_readAt && m_clock.monotonic() - *m_readAt < kTrusted && !readIsLate(budget);
}

void ShopGuard::ask(const QUuid& exceptTill, const PhoneNumber& phone, Money amount, const QDateTime& since,
                    std::chrono::milliseconds budget, QObject* context, std::function<void(Answer)> done)
{
    const auto question = std::make_shared<Question>(Question{QPointer<QObject>(context), context != nullptr,
                                                              exceptTill, phone.normalised(), amount.cents(),
                                                              since, std::move(done), nullptr});
    if (!isUnread(ShopNotice::saleKey(question->phone, question->cents)) && answersAtOnce(budget)) {
        const Answer answer = answerFor(*question);
        read(); // for the next question: the database is asked again at every sale
        // Right away, not on the next turn of the event loop: that turn (a repaint, a timer) would stand
        // between Enter and the request.
        finish(question, answer);
        return;
    }
    if (readIsLate(budget) || (m_failedAt && m_clock.monotonic() - *m_failedAt < kTrusted)) {
        // A read has been on its way for longer than the budget (the database is not answering in time),
        // or the last one failed (it is down, or refuses this till): asking again is for the next question.
        read();
        finish(question, Answer{});
        return;
    }
    read();
    // At most the budget from when the read on its way was asked (it may have been asked on the sale's
    // first key).
    const std::chrono::milliseconds waited = m_clock.monotonic() - m_readingSince;
    question->deadline = m_clock.createAlarm();
    connect(question->deadline.get(), &Alarm::fired, this, [this, weak = std::weak_ptr<Question>(question)] {
        if (const std::shared_ptr<Question> late = weak.lock()) {
            m_waiting.removeOne(late);
            finish(late, Answer{});
        }
    });
    question->deadline->start(std::max(budget - waited, std::chrono::milliseconds(0)));
    m_waiting.append(question);
}

void ShopGuard::prepare()
{
    if (m_reading == 0)
        read();
}

void ShopGuard::refresh()
{
    if (m_reading != 0)
        m_readAgain = true;
    else
        read();
}

void ShopGuard::announced(const QString& tillId, const QStringList& openSales, bool everything)
{
    if (!tillId.isEmpty() && tillId == m_ownTill)
        return;
    const quint64 firstReadAfter = m_nextRequest + 1; // refresh() asks it now, or after the one on its way
    if (everything || tillId.isEmpty())
        m_everythingUnreadUntil = firstReadAfter;
    for (const QString& key : openSales)
        m_unread.insert(key, firstReadAfter);
    if (everything || tillId.isEmpty() || !openSales.isEmpty())
        refresh();
}

bool ShopGuard::isUnread(const QString& saleKey) const
{
    return m_everythingUnreadUntil != 0 || m_unread.contains(saleKey);
}

void ShopGuard::read()
{
    if (m_reading != 0)
        return;
    m_reading = ++m_nextRequest;
    m_readingSince = m_clock.monotonic();
    m_readAgain = false;
    const QDateTime since = m_clock.now().addDays(-1); // what Charge asks about: the last day
    QMetaObject::invokeMethod(
        m_reader,
        [reader = m_reader, id = m_reading, since] { reader->requestOpenPayments(id, since, kLimit); },
        Qt::QueuedConnection);
}

void ShopGuard::onOpenPayments(quint64 requestId, const QList<ShopPayment>& rows, bool answered)
{
    if (requestId != m_reading)
        return;
    m_reading = 0;
    if (answered) {
        if (rows.size() >= kLimit)
            qCWarning(lcShop) << "the shop has" << kLimit
                              << "or more open payments in the last day: the duplicate guard sees the newest";
        m_open = rows;
        m_readAt = m_readingSince;
        m_failedAt.reset();
        if (m_everythingUnreadUntil != 0 && m_everythingUnreadUntil <= requestId)
            m_everythingUnreadUntil = 0;
        for (auto it = m_unread.begin(); it != m_unread.end();)
            it = it.value() <= requestId ? m_unread.erase(it) : std::next(it);
    } else {
        // The database could not be asked: nothing it said before is trusted any more.
        m_open.clear();
        m_readAt.reset();
        m_failedAt = m_clock.monotonic();
    }
    // A question about a sale announced since this read was asked waits on for the next one (asked below),
    // within its budget.
    const QList<std::shared_ptr<Question>> waiting = std::exchange(m_waiting, {});
    for (const std::shared_ptr<Question>& question : waiting) {
        if (answered && isUnread(ShopNotice::saleKey(question->phone, question->cents)))
            m_waiting.append(question);
        else
            finish(question, answered ? answerFor(*question) : Answer{});
    }
    if (m_readAgain && answered)
        read();
}

ShopGuard::Answer ShopGuard::answerFor(const Question& question) const
{
    Answer answer{true, std::nullopt};
    // The snapshot is newest first: the first match is the newest.
    for (const ShopPayment& each : m_open) {
        const Payment& p = each.payment;
        if (each.tillId != question.exceptTill && p.amount.cents() == question.cents &&
            p.phone.normalised() == question.phone &&
            (!question.since.isValid() || p.createdAt >= question.since)) {
            answer.found = each;
            break;
        }
    }
    return answer;
}

void ShopGuard::finish(const std::shared_ptr<Question>& question, const Answer& answer)
{
    if (!question->done)
        return; // answered already
    if (question->deadline) {
        question->deadline->stop();
        question->deadline.release()->deleteLater(); // it may be the alarm whose signal brought us here
    }
    if (question->hasContext && !question->context)
        return;
    std::exchange(question->done, {})(answer); // once only
}

} // namespace lipa
