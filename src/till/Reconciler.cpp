// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reconciler.h"

#include "Journal.h"
#include "Till.h"

#include <QLoggingCategory>
#include <QTimer>

#include <limits>

namespace lipa {

Q_LOGGING_CATEGORY(lcReconcile, "lipa.reconcile")

// One reconciliation under way.
struct Reconciler::Run {
    Reconciliation reconciliation;
    ReconcileMatcher matcher;
    int pages = 0;
    int retries = 0; // for the page being read
    std::chrono::milliseconds lastRequestAt{-1};
    QStringList unreadable;
    PaymentFilter period; // the journal's payments made in the period
};

Reconciler::Reconciler(IntaSendClient& client, Journal& journal, Till& till, Clock& clock, QString tillName,
                       Pace pace, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_till(till)
    , m_clock(clock)
    , m_tillName(std::move(tillName))
    , m_pace(pace)
    , m_alarm(clock.createAlarm())
{
    connect(m_alarm.get(), &Alarm::fired, this, [this] {
        if (auto then = std::exchange(m_onAlarm, {}))
            then();
    });
}

Reconciler::~Reconciler() = default;

bool Reconciler::canReconcile() const
{
    return !m_client.config().secretKey.isEmpty();
}

bool Reconciler::start(const QDateTime& from, const QDateTime& to, const QString& cashier)
{
    if (isRunning() || !canReconcile() || !from.isValid() || !to.isValid() || to <= from)
        return false;
    const Journal& journal = m_journal;
    m_run.reset(new Run{{},
                        ReconcileMatcher(
                            {}, from, to,
                            [&journal](const QString& apiRef) { return journal.find(apiRef).has_value(); },
                            m_pace.margin),
                        0,
                        0,
                        std::chrono::milliseconds(-1),
                        {},
                        {}});
    m_run->reconciliation.tillName = m_tillName;
    m_run->reconciliation.cashier = cashier;
    m_run->reconciliation.summary.startedAt = m_clock.now();
    m_run->period.from = from;
    m_run->period.to = to;
    ++m_generation;
    qCInfo(lcReconcile) << "reconciling" << from << "to" << to;
    m_till.callStarted(); // the reading is work under way too: a restart waits for it
    loadPayments(std::nullopt);
    return true;
}

void Reconciler::cancel()
{
    if (!m_run)
        return;
    ++m_generation;
    m_alarm->stop();
    m_onAlarm = {};
    m_run.reset();
    qCInfo(lcReconcile) << "cancelled";
    Q_EMIT cancelled();
}

void Reconciler::loadPayments(const std::optional<Payment>& after)
{
    bool read = false;
    const QList<Payment> slice = m_journal.paymentsBetween(
        m_run->period.from, m_run->period.to, after ? &*after : nullptr, m_pace.journalSlice, &read);
    if (!read) {
        m_till.callEnded();
        Q_EMIT notice(tr("The journal could not be read to reconcile it (%1).").arg(m_journal.lastError()));
        finish(tr("the journal could not be read"));
        return;
    }
    m_run->matcher.addPayments(slice);
    if (slice.size() < m_pace.journalSlice) {
        m_till.callEnded();
        request(wire::invoiceListUrl(m_client.config().baseUrl, {{}, {}, 1, m_pace.pageSize}));
        return;
    }
    const quint64 generation = m_generation;
    const Payment next = slice.constLast();
    QTimer::singleShot(0, this, [this, generation, next] {
        if (generation != m_generation || !m_run) {
            m_till.callEnded(); // cancelled meanwhile
            return;
        }
        loadPayments(next);
    });
}

void Reconciler::after(std::chrono::milliseconds delay, std::function<void()> then)
{
    m_onAlarm = std::move(then);
    m_alarm->start(std::max(delay, std::chrono::milliseconds(0)));
}

void Reconciler::request(const QUrl& url)
{
    // At most one request per minInterval, counted from the start of the previous one.
    const auto now = m_clock.monotonic();
    if (m_run->lastRequestAt.count() >= 0 && now - m_run->lastRequestAt < m_pace.minInterval) {
        after(m_run->lastRequestAt + m_pace.minInterval - now, [this, url] { request(url); });
        return;
    }
    m_run->lastRequestAt = now;
    ++m_run->reconciliation.summary.requests;
    const quint64 generation = m_generation;
    m_till.callStarted();
    m_client.listInvoices(url, this, [this, url, generation](const InvoicePageResult& result) {
        m_till.callEnded();
        if (generation == m_generation && m_run)
            onPage(url, result);
    });
}

void Reconciler::onPage(const QUrl& url, const InvoicePageResult& result)
{
    Run& run = *m_run;
    if (!result.ok()) {
        const CallResult& call = result.call;
        if (call.failure == CallFailure::AuthRefused || call.failure == CallFailure::Refused ||
            (call.failure == CallFailure::NotSent && !wire::isOnBase(url, m_client.config().baseUrl))) {
            finish(call.message); // asking again would be refused again
            return;
        }
        if (call.failure == CallFailure::RateLimited) {
            const std::chrono::seconds wait =
                call.retryAfter.count() > 0 ? call.retryAfter : std::chrono::seconds(30);
            if (wait > m_pace.maxRetryAfter) {
                finish(tr("IntaSend asked the till to wait %1 s before reading more").arg(wait.count()));
                return;
            }
            Q_EMIT waiting(wait);
            retryLater(url, wait, call.message);
            return;
        }
        retryLater(url, m_pace.retryDelay * (1 << std::min(run.retries, 6)), call.message);
        return;
    }
    run.retries = 0;
    ++run.pages;
    const wire::InvoicePage& page = *result.page;
    run.unreadable += page.unreadable;
    const QList<PaymentFees> fees = run.matcher.add(page.invoices);
    // Kept as each page comes: a hundred small updates at a time, never one long write at the end.
    if (!fees.isEmpty() && !m_journal.reconciliations().recordFees(fees))
        qCWarning(lcReconcile) << "fees not recorded:" << m_journal.lastError();
    Q_EMIT progress(run.pages, run.matcher.invoicesRead(), page.count);
    if (run.matcher.reachedStart() || page.next.isEmpty()) {
        finish(run.unreadable.isEmpty() ? QString()
                                        : tr("%n invoice(s) at IntaSend could not be read", nullptr,
                                             static_cast<int>(run.unreadable.size())));
        return;
    }
    if (run.pages >= m_pace.maxPages) {
        finish(tr("IntaSend's list was read %1 pages deep without reaching the start of the period")
                   .arg(run.pages));
        return;
    }
    request(QUrl(page.next));
}

void Reconciler::retryLater(const QUrl& url, std::chrono::milliseconds delay, const QString& why)
{
    Run& run = *m_run;
    if (++run.retries > m_pace.maxRetries) {
        finish(why);
        return;
    }
    qCInfo(lcReconcile) << "page again in" << delay.count() << "ms:" << why;
    // The wait counts as the pause between requests too.
    run.lastRequestAt = std::chrono::milliseconds(-1);
    after(delay, [this, url] { request(url); });
}

void Reconciler::finish(const QString& incomplete)
{
    std::unique_ptr<Run> run = std::move(m_run);
    m_finishing = true;
    ReconcileMatcher::Outcome outcome = run->matcher.finish(incomplete.isEmpty());
    Reconciliation& reconciliation = run->reconciliation;
    const ReconcileSummary started = reconciliation.summary;
    reconciliation.summary = outcome.summary;
    reconciliation.summary.startedAt = started.startedAt;
    reconciliation.summary.requests = started.requests;
    reconciliation.summary.incompleteReason = incomplete;
    reconciliation.items = outcome.items;
    reconciliation.summary.finishedAt = m_clock.now();
    qCInfo(lcReconcile) << "done:" << reconciliation.summary.invoicesRead << "invoices,"
                        << reconciliation.summary.requests << "requests, complete"
                        << reconciliation.summary.complete;
    m_till.callStarted(); // recording and keeping it is work under way: a restart waits for it
    auto done =
        std::make_shared<Finishing>(Finishing{std::move(reconciliation), std::move(outcome.toRecord)});
    recordFound(done, 0);
}

void Reconciler::recordFound(const std::shared_ptr<Finishing>& done, qsizetype index)
{
    // What IntaSend has paid and the till did not: recorded now, with its receipt; one per turn of the
    // event loop (each is a synced write).
    if (index < done->toRecord.size()) {
        const ReconcileMatcher::FoundPaid& found = done->toRecord.at(index);
        const std::optional<Payment> now = m_journal.find(found.payment.localRef);
        if (now && now->state != PaymentState::Complete && m_till.recordPaidAtIntaSend(*now, found.invoice))
            Q_EMIT notice(tr("IntaSend has %1 from %2 paid (receipt %3); the till had not recorded it. It "
                             "is now recorded as paid.")
                              .arg(found.payment.amount.toDisplayString(), found.payment.phone.masked(),
                                   found.invoice.mpesaReference));
        QTimer::singleShot(0, this, [this, done, index] { recordFound(done, index + 1); });
        return;
    }
    if (!m_journal.reconciliations().begin(done->reconciliation)) {
        m_till.callEnded();
        Q_EMIT notice(
            tr("The reconciliation could not be kept in the journal (%1).").arg(m_journal.lastError()));
        m_finishing = false;
        Q_EMIT finished(done->reconciliation, false);
        return;
    }
    auto kept = std::make_shared<Reconciliation>(std::move(done->reconciliation));
    QTimer::singleShot(0, this, [this, kept] { keepItems(kept, 0); });
}

void Reconciler::keepItems(const std::shared_ptr<Reconciliation>& reconciliation, qsizetype from)
{
    // A slice per turn of the event loop: 5,000 lines in one go stalled the window for 40 ms.
    const QList<ReconcileItem> slice = reconciliation->items.mid(from, m_pace.journalSlice);
    if (!slice.isEmpty() && !m_journal.reconciliations().addItems(reconciliation->id, slice)) {
        m_till.callEnded();
        Q_EMIT notice(tr("The reconciliation's lines could not all be kept in the journal (%1).")
                          .arg(m_journal.lastError()));
        m_finishing = false;
        Q_EMIT finished(*reconciliation, false);
        return;
    }
    const qsizetype next = from + slice.size();
    if (next < reconciliation->items.size()) {
        QTimer::singleShot(0, this, [this, reconciliation, next] { keepItems(reconciliation, next); });
        return;
    }
    m_till.callEnded();
    m_finishing = false;
    Q_EMIT finished(*reconciliation, true);
}

} // namespace lipa
