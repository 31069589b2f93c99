// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"

#include <QFrame>
#include <QTimer>

class QGridLayout;
class QLabel;
class QPushButton;

namespace lipa {

class SaleDesk;
class Till;

// The payment the cashier has just sent, large enough to read across the counter: amount, masked phone,
// its live state with a countdown to expiry, then the M-Pesa receipt code (paid) or the reason (not
// paid). "Stop waiting" only hides the card: the till goes on checking the payment until it is final or
// expired, and the list shows it all along.
class WaitingCard : public QFrame {
    Q_OBJECT
public:
    WaitingCard(Till& till, SaleDesk& sales, QWidget* parent = nullptr);

    // Shows this payment (the one just charged or sent again). A part of a sale brings the whole sale:
    // how much is paid, each part's receipt code, and the card moves on to each next part as it is sent.
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
    // A sale's rest from another phone, and closing a sale short (a part of it is given).
    void otherPhoneRequested(const QString& localRef);
    void closeShortRequested(const QString& localRef);
    // The payment on the card as it now stands (every second while it waits), and the card put away: for
    // the customer's display.
    void following(const Payment& payment);
    void putAway();
    // A card/QR payment's code has just appeared (a new one): on a short screen it must be scrolled into
    // view for the customer's camera.
    void qrCodeShown(QWidget* code);

private:
    void onPaymentChanged(const Payment& payment);
    void onPaymentAdded(const Payment& payment);
    // The sale's lines and buttons; false when the payment is not a part of a sale.
    bool refreshSale();
    void placeButtons();

    Till& m_till;
    SaleDesk& m_sales;
    Payment m_payment;
    QTimer m_countdown; // runs only while the payment waits for the customer
    QLabel* m_state = nullptr;
    QLabel* m_sale = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_receipt = nullptr;
    QLabel* m_saleProgress = nullptr; // a sale's: "KES 150,000 of 200,000 paid — part 2 of 2 waiting"
    QLabel* m_saleParts = nullptr;    // and each part with its receipt code
    QPushButton* m_otherPhone = nullptr;
    QPushButton* m_closeShort = nullptr;
    QPushButton* m_check = nullptr;
    QPushButton* m_resend = nullptr;
    QPushButton* m_cash = nullptr;
    QPushButton* m_stop = nullptr;
    QGridLayout* m_buttons = nullptr;
    int m_placedButtons = -1; // which buttons the grid holds, one bit each
    QLabel* m_icon = nullptr;
    QLabel* m_qr = nullptr; // a card/QR payment's checkout page while it waits
    QString m_qrUrl;        // the address the QR code shows
};

} // namespace lipa
