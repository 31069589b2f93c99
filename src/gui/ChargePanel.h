// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"
#include "PhoneNumber.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ChargePanel;
}

namespace lipa {

// The form a cashier types a payment into: amount, phone, Charge. Validates as they type and emits
// chargeRequested once per sale; the receiver clears the form when the sale is recorded, so a second
// Enter or click finds nothing to send.
class ChargePanel : public QWidget {
    Q_OBJECT
public:
    // maxSaleShillings: the largest amount the form takes (till/max_sale); above maxPaymentShillings
    // (till/max_amount) the sale is taken in several M-Pesa payments, and the line under Amount says how.
    ChargePanel(qint64 maxSaleShillings, qint64 maxPaymentShillings, QWidget* parent = nullptr);
    ~ChargePanel() override;

    // Empties the form and puts the cursor in Amount, ready for the next customer.
    void clear();
    void focusAmount();
    bool isBlank() const;
    // Puts a sale back into the form (when it could not be sent).
    void fill(Money amount, const PhoneNumber& phone);
    // What Enter and the Charge button do: asks for the form's sale to be charged, if it is valid.
    void submit();
    // Card or QR (F6): the same sale, paid on the customer's own phone through an IntaSend checkout. False
    // (and the cursor on what is missing) when the form is not complete.
    bool submitByCheckout();

Q_SIGNALS:
    void chargeRequested(lipa::Money amount, const lipa::PhoneNumber& phone);
    void checkoutRequested(lipa::Money amount, const lipa::PhoneNumber& phone);
    // The form was empty and the cashier typed into it: a sale is on its way (what the shop-wide
    // duplicate guard needs to know to have the other tills' word ready by Enter).
    void saleStarted();

private:
    void validate();
    // How a sale above the largest single payment will be paid.
    QString splitHint(Money amount) const;
    void onAmountReturn();
    void onPhoneReturn();

    std::unique_ptr<::Ui::ChargePanel> m_ui; // the form's class has no namespace (unlike lipa::MainWindow's)
    qint64 m_maxAmountShillings;             // the largest sale
    qint64 m_maxPaymentShillings;
    bool m_submitting = false;
    bool m_wasBlank = true;
};

} // namespace lipa
