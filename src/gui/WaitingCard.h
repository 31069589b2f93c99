// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace lipa {

class Till;

// The payment the cashier has just sent, large enough to read across the counter: amount, masked phone,
// its live state with a countdown to expiry, then the M-Pesa receipt code (paid) or the reason (not
// paid). "Stop waiting" only hides the card: the till goes on checking the payment until it is final or
// expired, and the list shows it all along.
class WaitingCard : public QFrame {
    Q_OBJECT
public:
    WaitingCard(Till& till, QWidget* parent = nullptr);

    // Shows this payment (the one just charged or sent again).
    void follow(const Payment& payment);
    // Hides the card; the payment itself is not touched.
    void stopWaiting();
    // The payment shown, or empty when the card is hidden.
    QString localRef() const { return isVisible() ? m_payment.localRef : QString(); }
    // Redraws from the payment as it stands (the countdown moves on).
    void refresh();

Q_SIGNALS:
    void checkRequested(const QString& localRef);
    void resendRequested(const QString& localRef);
    void cashRequested(const QString& localRef);

private:
    void onPaymentChanged(const Payment& payment);

    Till& m_till;
    Payment m_payment;
    QTimer m_countdown; // runs only while the payment waits for the customer
    QLabel* m_state = nullptr;
    QLabel* m_sale = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_receipt = nullptr;
    QPushButton* m_check = nullptr;
    QPushButton* m_resend = nullptr;
    QPushButton* m_cash = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_icon = nullptr;
};

} // namespace lipa
