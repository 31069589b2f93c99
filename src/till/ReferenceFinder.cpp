// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReferenceFinder.h"

#include "Journal.h"
#include "PaymentRules.h"
#include "ServiceHealth.h"
#include "Till.h"

#include <QLoggingCategory>

#include <algorithm>

namespace lipa {

Q_LOGGING_CATEGORY(lcFinder, "lipa.till")

namespace {

// How far back, before the payment was made, a look must read when the list ignores its filter: the
// invoice cannot be older than the request, and clocks differ a little.
constexpr qint64 kClockSlackSeconds = 10 * 60;

bool isLost(const Payment& payment)
{
    return payment.state == PaymentState::Unknown && payment.invoiceId.isEmpty();
}

} // namespace

struct ReferenceFinder::Look {
    QString localRef;
    QDateTime createdAt;
    int pages = 0;
};

ReferenceFinder::ReferenceFinder(IntaSendClient& client, Journal& journal, Till& till, ServiceHealth& health,
                                 Clock& clock, Schedule schedule, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_till(till)
    , m_health(health)
    , m_clock(clock)
    , m_schedule(schedule)
    , m_alarm(clock.createAlarm())
{
    connect(m_alarm.get(), &Alarm::fired, this, &ReferenceFinder::onAlarm);
}

ReferenceFinder::~ReferenceFinder() = default;

bool ReferenceFinder::canLook() const
{
    return !m_client.config().secretKey.isEmpty();
}

void ReferenceFinder::watch(const Payment& payment)
{
    if (!canLook() || !isLost(payment) || m_due.contains(payment.localRef) ||
        m_looking.contains(payment.localRef))
        return;
    m_interval.insert(payment.localRef, m_schedule.firstLook);
    scheduleNext(payment.localRef, m_schedule.firstLook);
}

void ReferenceFinder::lookNow(const QString& localRef)
{
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!canLook() || !payment || !isLost(*payment) || m_looking.contains(localRef))
        return;
    if (!m_interval.contains(localRef))
        m_interval.insert(localRef, m_schedule.firstLook);
    startLook(localRef);
}

void ReferenceFinder::scheduleNext(const QString& localRef, std::chrono::milliseconds after)
{
    m_due.insert(localRef, m_clock.monotonic() + after);
    rearm();
}

void ReferenceFinder::rearm()
{
    // One alarm for every payment looked for, and none when there is nothing to look for: an idle till
    // stays idle.
    if (m_due.isEmpty()) {
        m_alarm->stop();
        return;
    }
    const auto earliest = *std::min_element(m_due.cbegin(), m_due.cend());
    m_alarm->start(std::max(std::chrono::milliseconds(0), earliest - m_clock.monotonic()));
}

void ReferenceFinder::onAlarm()
{
    const auto now = m_clock.monotonic();
    QStringList due;
    for (auto it = m_due.cbegin(); it != m_due.cend(); ++it) {
        if (it.value() <= now)
            due.append(it.key());
    }
    for (const QString& localRef : std::as_const(due))
        startLook(localRef);
    rearm();
}

void ReferenceFinder::startLook(const QString& localRef)
{
    m_due.remove(localRef);
    const std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment || !isLost(*payment)) {
        m_interval.remove(localRef); // found some other way, or settled: nothing to look for
        rearm();
        return;
    }
    if (!m_health.slowDownNotice().isEmpty()) {
        scheduleNext(localRef, m_interval.value(localRef, m_schedule.firstLook)); // IntaSend asked for quiet
        return;
    }
    m_looking.insert(localRef);
    auto look = std::make_shared<Look>();
    look->localRef = localRef;
    look->createdAt = payment->createdAt;
    readPage(look, wire::invoiceListUrl(m_client.config().baseUrl, {localRef, {}, 1, 100}));
}

void ReferenceFinder::readPage(const std::shared_ptr<Look>& look, const QUrl& url)
{
    m_till.callStarted();
    m_client.listInvoices(url, this, [this, look](const InvoicePageResult& result) {
        m_health.noteAnswer(result.call, true); // the list sends the secret key, as a push does
        ++look->pages;
        if (!result.ok()) {
            finishLook(look, std::nullopt, result.call.message);
        } else {
            const wire::InvoicePage& page = *result.page;
            // The list's filter may be ignored: only an item's own api_ref counts, never its phone or amount.
            const auto found =
                std::find_if(page.invoices.cbegin(), page.invoices.cend(),
                             [&](const wire::Invoice& i) { return i.apiRef == look->localRef; });
            const bool filtered =
                std::all_of(page.invoices.cbegin(), page.invoices.cend(),
                            [&](const wire::Invoice& i) { return i.apiRef == look->localRef; });
            QDateTime oldest;
            for (const wire::Invoice& invoice : page.invoices) {
                if (invoice.createdAt.isValid() && (!oldest.isValid() || invoice.createdAt < oldest))
                    oldest = invoice.createdAt;
            }
            if (found != page.invoices.cend())
                finishLook(look, *found, {});
            else if (!page.unreadable.isEmpty())
                finishLook(look, std::nullopt, tr("IntaSend listed an invoice the till could not read"));
            else if (filtered || page.next.isEmpty() ||
                     (oldest.isValid() && oldest < look->createdAt.addSecs(-kClockSlackSeconds)))
                finishLook(look, std::nullopt, {}); // a complete look: it is not there
            else if (look->pages >= m_schedule.maxPages)
                finishLook(
                    look, std::nullopt,
                    tr("IntaSend's list was read %1 pages deep without reaching the time of this payment")
                        .arg(look->pages));
            else
                readPage(look, QUrl(page.next));
        }
        m_till.callEnded();
    });
}

void ReferenceFinder::finishLook(const std::shared_ptr<Look>& look, const std::optional<wire::Invoice>& found,
                                 const QString& incomplete)
{
    const QString localRef = look->localRef;
    m_looking.remove(localRef);
    std::optional<Payment> payment = m_journal.find(localRef);
    if (!payment || !isLost(*payment)) {
        m_interval.remove(localRef);
        return;
    }
    if (found) {
        qCInfo(lcFinder) << "found" << localRef << "at IntaSend as" << found->invoiceId;
        payment->invoiceId = found->invoiceId;
        if (!m_till.moveTo(*payment, PaymentState::Unknown,
                           QStringLiteral("found at IntaSend by reference: invoice ") + found->invoiceId)) {
            scheduleNext(localRef, m_interval.value(localRef)); // not recorded: look again
            return;
        }
        m_interval.remove(localRef);
        if (const std::optional<Payment> recorded = m_journal.find(localRef))
            m_till.applyInvoice(*recorded, *found);
        m_till.keepChecking(localRef, {});
        return;
    }
    const bool windowOver = PaymentRules::isPastExpiry(*payment, m_clock.now(), m_schedule.expiry);
    if (!incomplete.isEmpty()) {
        payment->failureMessage =
            windowOver
                ? tr("The request may have reached the customer's phone. IntaSend could not be searched "
                     "for it (%1). Ask the customer, or press F5 to look again.")
                      .arg(incomplete)
                : tr("The request may have reached the customer's phone. IntaSend could not be searched "
                     "for it yet (%1); the till tries again.")
                      .arg(incomplete);
        m_till.moveTo(*payment, PaymentState::Unknown,
                      QStringLiteral("look by reference cut short: ") + incomplete);
    } else if (windowOver) {
        payment->failureMessage = tr("IntaSend has no record of this request — nothing was charged");
        m_till.moveTo(*payment, PaymentState::Rejected,
                      QStringLiteral("not found at IntaSend by reference after the expiry window"));
    }
    if (windowOver) {
        m_interval.remove(localRef); // settled, or left Unknown for the cashier (F5 looks again)
        return;
    }
    // Back off, but always look once more after the window has ended: that look decides.
    const auto interval = m_interval.value(localRef, m_schedule.firstLook);
    m_interval.insert(localRef, std::min(interval * 2, m_schedule.maxInterval));
    const auto untilWindowEnds =
        std::chrono::milliseconds(m_clock.now().msecsTo(look->createdAt.addMSecs(m_schedule.expiry.count())));
    scheduleNext(localRef, std::min(interval, untilWindowEnds + std::chrono::seconds(1)));
}

} // namespace lipa
