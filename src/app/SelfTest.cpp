// SPDX-License-Identifier: GPL-3.0-or-later
#include "SelfTest.h"

#include "ChargePanel.h"
#include "IntaSendSimulator.h"
#include "MainWindow.h"
#include "Till.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace lipa {

void SelfTest::speedUp(IntaSendSimulator& simulator)
{
    simulator.setTiming({std::chrono::milliseconds(200), std::chrono::milliseconds(600)});
}

void SelfTest::start(MainWindow& window, Till& till)
{
    QObject::connect(&till, &Till::paymentChanged, &window, [](const Payment& payment) {
        if (!payment.isFinal())
            return;
        if (payment.state == PaymentState::Complete) {
            std::printf("self-test: paid %s from %s, M-Pesa receipt %s\n",
                        qPrintable(payment.amount.toDisplayString()), qPrintable(payment.phone.masked()),
                        qPrintable(payment.mpesaReceipt));
            QCoreApplication::exit(0);
        } else {
            std::fprintf(stderr, "self-test: the payment ended %s: %s\n", qPrintable(stateKey(payment.state)),
                         qPrintable(payment.failureMessage));
            QCoreApplication::exit(1);
        }
    });
    QTimer::singleShot(0, &window, [&window] {
        window.chargePanel()->fill(Money::fromShillings(10),
                                   PhoneNumber::parse(QStringLiteral("0712345678")).value());
        window.chargePanel()->submit();
    });
    QTimer::singleShot(std::chrono::seconds(30), &window, [] {
        std::fprintf(stderr, "self-test: no answer within 30 s\n");
        QCoreApplication::exit(1);
    });
}

} // namespace lipa
