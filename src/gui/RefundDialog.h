// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"
#include "Payment.h"
#include "Result.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lipa {

class Journal;
class RefundDesk;

// Asks IntaSend to refund (part of) one paid M-Pesa payment: shows the payment and what may still be
// refunded, takes the amount, a reason and details, and asks once more before the request goes out.
// Refused requests are said in the dialog, which stays open; a request sent closes it (accepted).
class RefundDialog : public QDialog {
    Q_OBJECT
public:
    // cashier: the open shift's, recorded with the request (may be empty).
    RefundDialog(RefundDesk& desk, const Journal& journal, const Payment& payment, QString cashier,
                 QWidget* parent = nullptr);

    // What the cashier typed as an amount to refund, or why it cannot be asked (empty, zero, not whole
    // shillings, more than may still be refunded).
    static Result<Money> parseAmount(const QString& text, Money refundable);

private:
    QWidget* buildFacts(const std::optional<Money>& alreadyRequested);
    // Checks the form, then asks "Request refund?" (Enter and Esc: don't).
    void askToRequest();
    void request(Money amount, const QString& reason, const QString& details);
    void showError(const QString& text);
    bool reasonNeedsDetails() const;

    RefundDesk& m_desk;
    Payment m_payment;
    QString m_cashier;
    Money m_refundable;
    QLineEdit* m_amount = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_details = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_request = nullptr;
};

} // namespace lipa
