// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CounterPrinter.h"
#include "Money.h"
#include "Payment.h"
#include "PhoneNumber.h"
#include "Printout.h"
#include "Sale.h"
#include "ShopService.h"

#include <QObject>

#include <chrono>
#include <optional>

class QMainWindow;
class QTableView;

namespace lipa {

class ChargePanel;
class ManagerPin;
class TillStack;
class WaitingCard;
struct ResendCheck;

// What the cashier does to a payment, from the window's keys, menus and buttons: charge (asking first
// when the same sale is already on its way), check now, send again, use cash, print or save the receipt,
// show the details. Asks before what cannot be taken back, and lets one check with IntaSend per flow be
// on its way at a time.
class PaymentActions : public QObject {
    Q_OBJECT
public:
    // The views the actions read and move on: the form, the card and the list (of a PaymentListModel).
    // window parents the questions and says in its status bar what is going on.
    PaymentActions(TillStack& stack, QMainWindow* window, ChargePanel* form, WaitingCard* card,
                   QTableView* list, Printout::Paper paper);

    void setPaper(Printout::Paper paper) { m_paper = paper; }
    // Receipts go straight to it (no dialog) when there is one.
    void setCounterPrinter(CounterPrinter* printer) { m_printer = printer; }
    // The manager PIN that closing a sale short asks for (none: not asked).
    void setPin(ManagerPin* pin) { m_pin = pin; }
    // The payment the actions work on: the row chosen in the list, else the payment on the card, else
    // the newest one. Empty when there is none.
    QString paymentInFocus() const;

    // The form's sale: charged, or first asked about when the same sale may still charge the customer.
    void charge(Money amount, const PhoneNumber& phone);
    // The form's sale by card or QR (F6): an IntaSend checkout whose page the customer opens from a QR
    // code on their own phone; asked about first, as Enter is, when the sale may still be charged by an
    // earlier request.
    void chargeByCheckout(Money amount, const PhoneNumber& phone);
    // On the payment in focus (F5, F8, F9, Ctrl+P, Ctrl+Shift+P, Payment → Details).
    void checkInFocus();
    void resendInFocus();
    void useCashInFocus();
    void printReceipt();
    void saveReceiptPdf();
    void showDetailsInFocus();
    // On a given payment (the card's buttons, Enter on a row).
    void check(const QString& localRef);
    void resend(const QString& localRef);
    // "Use cash": the sale is paid in cash instead; asks first, then records it (after a last check).
    void useCash(const QString& localRef);
    void showDetails(const QString& localRef);
    // A sale in parts: the rest from another phone (the cashier types it), or closed short (manager PIN,
    // with a reason). Given a part of the sale.
    void restFromOtherPhone(const QString& localRef);
    void closeSaleShort(const QString& localRef);

Q_SIGNALS:
    // The cashier took cash for a payment or the rest of a sale (it is recorded): the drawer may open.
    void cashTaken();

private:
    // shop: the other tills' answer, when there is a shop database (nullopt: none).
    void chargeWith(Money amount, const PhoneNumber& phone, PaymentMethod method);
    void chargeAfterShopCheck(Money amount, const PhoneNumber& phone,
                              const std::optional<ShopService::Answer>& shop, PaymentMethod method);
    QString describeElsewhere(const ShopPayment& other) const;
    // Asks before charging a sale that is already on its way to the customer's phone.
    // elsewhere: where and how the earlier request is open, when it is another till's.
    void confirmDuplicateCharge(Money amount, const PhoneNumber& phone, const Payment& earlier,
                                const QString& note, const QString& elsewhere = {},
                                PaymentMethod method = PaymentMethod::Mpesa);
    void showAlreadyPaid(const Payment& earlier);
    // The answer to taking cash (for a payment or the rest of a sale): says why not, or that the drawer may
    // open. True when the cash was recorded.
    bool cashRecorded(const QString& refusal);
    void send(Money amount, const PhoneNumber& phone, PaymentMethod method = PaymentMethod::Mpesa);
    // A sale above the largest single payment: asked about first when the same sale is open already.
    void chargeSale(Money amount, const PhoneNumber& phone);
    // The last check and the question before an attempt is sent again (to otherPhone, when given).
    void resendAttempt(const QString& localRef, const std::optional<PhoneNumber>& otherPhone = std::nullopt);
    void askToResend(const ResendCheck& check, const std::optional<PhoneNumber>& otherPhone = std::nullopt);
    // The open sale the payment is a part of, with where it stands; nullopt for a payment of its own or a
    // closed sale.
    std::optional<std::pair<Sale, SaleProgress>> openSaleOf(const QString& localRef) const;
    // The rest of an open sale: its next part (its latest is paid) or its unpaid part again, to phone.
    void continueSale(const Sale& sale, const SaleProgress& progress,
                      const std::optional<PhoneNumber>& phone);
    void askToSendNextPart(const Sale& sale, const SaleProgress& progress, const PhoneNumber& phone);
    void askRestInCash(const Sale& sale, const SaleProgress& progress);
    // After a payment was sent: the card follows it, the form is ready for the next customer.
    void readyForNextSale(const QString& sentRef);
    // The payment a receipt is asked for, or nullopt with a word in the status bar.
    std::optional<Payment> receiptInFocus();
    Printout receiptOf(const Payment& payment) const;
    void showStatus(const QString& text, int timeoutMs = 0);

    TillStack& m_stack;
    QMainWindow* m_window;
    ChargePanel* m_form;
    WaitingCard* m_card;
    QTableView* m_list;
    Printout::Paper m_paper;
    CounterPrinter* m_printer = nullptr;
    ManagerPin* m_pin = nullptr;
    // A check with IntaSend on its way for that flow: a second press waits for it instead of asking again.
    bool m_duplicateCheckInFlight = false;
    bool m_shopCheckInFlight = false;
    bool m_resendCheckInFlight = false;
    bool m_cashCheckInFlight = false;
};

} // namespace lipa
