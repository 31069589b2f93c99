// SPDX-License-Identifier: GPL-3.0-or-later
// The till without its window, for the crash test: resumes whatever the journal holds, takes a number
// of payments against --api-base, and reports on stdout what it has durably journaled. The test kills it
// with SIGKILL at chosen moments and checks the journal afterwards.

#include "Journal.h"
#include "TillStack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace lipa;

namespace {

void say(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption journalPath(QStringLiteral("journal"), QStringLiteral("Journal file."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption apiBase(QStringLiteral("api-base"), QStringLiteral("Simulator URL."),
                                     QStringLiteral("URL"));
    const QCommandLineOption charges(QStringLiteral("charges"), QStringLiteral("Payments to take."),
                                     QStringLiteral("N"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"), QStringLiteral("Between payments."),
                                      QStringLiteral("MS"), QStringLiteral("10"));
    const QCommandLineOption settle(QStringLiteral("settle"),
                                    QStringLiteral("Exit once nothing is waiting."));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seeds the choice of customers."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption firstAmount(QStringLiteral("first-amount"),
                                         QStringLiteral("The first payment's amount in shillings; each next "
                                                        "one is a shilling more, so every sale is unique."),
                                         QStringLiteral("KES"), QStringLiteral("1"));
    const QCommandLineOption secret(QStringLiteral("secret-key"),
                                    QStringLiteral("A secret key: lost payments are looked up by reference, "
                                                   "within 200 ms."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption refundPaid(QStringLiteral("refund-paid"),
                                        QStringLiteral("Asks for a refund of every payment as it is paid."));
    const QCommandLineOption allPay(QStringLiteral("all-pay"),
                                    QStringLiteral("Every customer pays (no cancels, no empty wallets)."));
    const QCommandLineOption shopDb(QStringLiteral("shop-db"),
                                    QStringLiteral("Copies the journal to this shop database (the password "
                                                   "from LIPA_TILL_SHOP_DB_PASSWORD)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption tillId(QStringLiteral("till-id"), QStringLiteral("The till's identity."),
                                    QStringLiteral("UUID"));
    const QCommandLineOption expiry(QStringLiteral("expiry-ms"), QStringLiteral("The expiry window."),
                                    QStringLiteral("MS"), QStringLiteral("60000"));
    const QCommandLineOption saleTotal(
        QStringLiteral("sale"),
        QStringLiteral("Each charge is a sale of this many shillings, taken in "
                       "parts of at most 150,000."),
        QStringLiteral("KES"));
    const QCommandLineOption stopWhenPartPaid(
        QStringLiteral("stop-when-part-paid"),
        QStringLiteral("Stops (SIGSTOP) as soon as a part of a sale is recorded paid, before its next part "
                       "can leave: the test kills it there."));
    parser.addOptions({journalPath, apiBase, charges, interval, settle, seed, firstAmount, secret, refundPaid,
                       allPay, shopDb, tillId, expiry, saleTotal, stopWhenPartPaid});
    parser.process(app);

    Journal::OpenError error;
    std::unique_ptr<Journal> journal = Journal::open(parser.value(journalPath), &error);
    if (!journal) {
        say(QStringLiteral("error ") + error.message);
        return 10;
    }
    Settings settings;
    settings.polling.firstCheck = std::chrono::milliseconds(100);
    settings.polling.maxInterval = std::chrono::milliseconds(300);
    settings.polling.expiry = std::chrono::milliseconds(parser.value(expiry).toInt());
    ClientConfig client;
    client.baseUrl = QUrl(parser.value(apiBase));
    client.publicKey = QStringLiteral("ISPubKey_test_crash");
    client.transferTimeout = std::chrono::seconds(5);
    client.secretKey = parser.value(secret);
    SystemClock clock;
    TillStack stack(clock, client, settings, std::move(journal));
    stack.finder.setSchedule(
        {std::chrono::milliseconds(200), std::chrono::milliseconds(500), settings.polling.expiry, 20});
    stack.refunds.setSchedule({std::chrono::milliseconds(300)});
    QObject::connect(&stack.refunds, &RefundDesk::refundChanged, &app, [](const Refund& refund) {
        say(QStringLiteral("refund %1 %2 %3")
                .arg(refund.id)
                .arg(refundStateKey(refund.state), refund.invoiceId));
    });
    if (parser.isSet(refundPaid)) {
        QObject::connect(&stack.till, &Till::paymentChanged, &app, [&stack](const Payment& payment) {
            if (payment.state == PaymentState::Complete && stack.refunds.whyNot(payment).isEmpty())
                stack.refunds.request(payment.localRef, payment.amount, RefundDesk::reasons().first(), {});
        });
    }
    QObject::connect(&stack.till, &Till::paymentRecorded, &app,
                     [](const Payment& payment) { say(QStringLiteral("journaled ") + payment.localRef); });

    if (parser.isSet(shopDb)) {
        stack.connectShop(ShopUrl::parse(parser.value(shopDb)).value(),
                          qEnvironmentVariable("LIPA_TILL_SHOP_DB_PASSWORD"),
                          {QUuid::fromString(parser.value(tillId)), QStringLiteral("crash"), {}});
        stack.shop->setBackoff(std::chrono::milliseconds(50), std::chrono::milliseconds(300));
        QObject::connect(stack.shop.get(), &ShopLink::statusChanged, &app, [&stack] {
            say(QStringLiteral("shop %1 %2").arg(stack.shop->statusText()).arg(stack.shop->acknowledged()));
        });
    }

    QObject::connect(&stack.till, &Till::paymentChanged, &app,
                     [stop = parser.isSet(stopWhenPartPaid)](const Payment& payment) {
                         if (payment.state != PaymentState::Complete || !payment.isPartOfSale())
                             return;
                         say(QStringLiteral("part-paid %1 %2").arg(payment.saleRef).arg(payment.salePart));
                         if (stop)
                             std::raise(SIGSTOP); // the sale's next part is posted, not yet sent
                     });
    QObject::connect(&stack.sales, &SaleDesk::openSaleFound, &app,
                     [](const Payment& latest) { say(QStringLiteral("open-sale %1").arg(latest.saleRef)); });

    stack.till.resume();
    stack.refunds.resume();
    stack.sales.resume();
    say(QStringLiteral("resumed %1").arg(stack.poller.watchedCount()));

    // The test's seed decides the customers, so that a failing run can be replayed exactly.
    QRandomGenerator random(parser.value(seed).toUInt());
    qint64 amount = parser.value(firstAmount).toLongLong();
    int left = parser.value(charges).toInt();
    QTimer chargeTimer;
    QObject::connect(&chargeTimer, &QTimer::timeout, &app, [&] {
        if (left-- <= 0) {
            chargeTimer.stop();
            return;
        }
        // Customers who pay, cancel or are too poor; never ones who never answer.
        const char digits[] = {'5', '6', '7', '8', '0', '1'};
        const char digit = digits[random.bounded(parser.isSet(allPay) ? 4 : 6)];
        const PhoneNumber phone =
            PhoneNumber::parse(QStringLiteral("071234560") + QLatin1Char(digit)).value();
        if (parser.isSet(saleTotal))
            stack.sales.start(Money::fromShillings(parser.value(saleTotal).toLongLong()), phone);
        else
            stack.till.charge(Money::fromShillings(amount++), phone);
    });
    chargeTimer.start(parser.value(interval).toInt());

    QTimer settleCheck;
    if (parser.isSet(settle)) {
        QObject::connect(&settleCheck, &QTimer::timeout, &app, [&] {
            if (left <= 0 && stack.poller.watchedCount() == 0 && stack.finder.watchedCount() == 0 &&
                stack.till.requestsInFlight() == 0 &&
                (!stack.shop || (stack.shop->status() == ShopLink::Status::InSync &&
                                 stack.shop->acknowledged() == stack.journal.outbox().lastSeq()))) {
                say(QStringLiteral("settled"));
                QCoreApplication::exit(0);
            }
        });
        settleCheck.start(50);
    }
    return QCoreApplication::exec();
}
