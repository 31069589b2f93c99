// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CustomerDisplaySetting.h"
#include "Payment.h"

#include <QImage>
#include <QWidget>

#include <memory>

class QLabel;
class QTranslator;

namespace lipa {

class Till;

// The screen that faces the customer (View → Customer display, till/customer_display), in large type and
// its own language (till/customer_language): the shop's name when idle; while a payment waits, the amount,
// "Enter your M-Pesa PIN on 0712 ••• 678" and the time left; then "Paid — thank you" with the receipt
// code, or why it was not paid in words for a customer; and the QR code of a card/QR checkout while one
// is shown. Nothing else of the cashier's screen is on it, and the phone is always masked.
class CustomerDisplay : public QWidget {
    Q_OBJECT
public:
    // language: "en" or "sw", or empty for the till's own.
    CustomerDisplay(Till& till, const QString& shopName, const QString& language, QWidget* parent = nullptr);
    ~CustomerDisplay() override;

    // Shows itself as the setting says: a window of its own, or full screen on the N-th screen (a window
    // when there is no such screen; false then, so the cashier can be told).
    bool showAs(const CustomerDisplaySetting& setting);

    // The payment the cashier's card shows, as it stands (called again as it changes, and every second
    // while it waits, for the time left).
    void showPayment(const Payment& payment);
    // Nothing to pay: the shop's name.
    void showIdle();
    // A checkout's QR code for the customer to scan, with the amount; cleared by the next payment or idle.
    void showQr(const QImage& qr, const Payment& payment);

    // What the customer reads, line by line (for tests and the accessible description).
    QStringList lines() const;

private:
    QString text(const char* source) const;
    // The reason a payment was not paid, in words for the customer.
    QString reasonFor(const Payment& payment) const;
    void setLines(const QString& title, const QString& line, const QString& detail, const QString& toneStyle);
    void resizeEvent(QResizeEvent* event) override;

    Till& m_till;
    QString m_shopName;
    std::unique_ptr<QTranslator> m_translator; // the customer's language, when not the till's
    bool m_customerIsEnglish = false;          // English whatever the till's language
    QLabel* m_title = nullptr;
    QLabel* m_line = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_qr = nullptr;
    QImage m_qrImage;
    QString m_qrUrl; // the checkout page m_qrCode shows (made once per checkout, not every second)
    QImage m_qrCode;
};

} // namespace lipa
