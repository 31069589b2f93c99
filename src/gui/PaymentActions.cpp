// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentActions.h"

#include "AskFirst.h"
#include "ChargePanel.h"
#include "PaymentDetailsDialog.h"
#include "PaymentListModel.h"
#include "PinDialog.h"
#include "Receipt.h"
#include "ShopService.h"
#include "TillStack.h"
#include "WaitingCard.h"

#include <QInputDialog>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace lipa {

namespace {

// A message box that only informs: window-modal, plain text (it may quote IntaSend), gone when closed.
QMessageBox* inform(QWidget* parent, const QString& name, const QString& title, const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    return box;
}

} // namespace

PaymentActions::PaymentActions(TillStack& stack, QMainWindow* window, ChargePanel* form, WaitingCard* card,
                               QTableView* list, Printout::Paper paper)
    : QObject(window)
    , m_stack(stack)
    , m_window(window)
    , m_form(form)
    , m_card(card)
    , m_list(list)
    , m_paper(paper)
{
}

QString PaymentActions::paymentInFocus() const
{
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid())
        return current.data(PaymentListModel::LocalRefRole).toString();
    if (!m_card->localRef().isEmpty())
        return m_card->localRef();
    return m_list->model()->index(0, 0).data(PaymentListModel::LocalRefRole).toString();
}

void PaymentActions::showStatus(const QString& text, int timeoutMs)
{
    m_window->statusBar()->showMessage(text, timeoutMs);
}

void PaymentActions::charge(Money amount, const PhoneNumber& phone)
{
    chargeWith(amount, phone, PaymentMethod::Mpesa);
}

void PaymentActions::chargeByCheckout(Money amount, const PhoneNumber& phone)
{
    chargeWith(amount, phone, PaymentMethod::Checkout);
}

void PaymentActions::chargeWith(Money amount, const PhoneNumber& phone, PaymentMethod method)
{
    ShopService* shop = m_stack.shopService.get();
    if (!shop) {
        chargeAfterShopCheck(amount, phone, {}, method);
        return;
    }
    // The other tills' open requests are checked too: a customer who walked from one counter to the next
    // must not be pushed twice without the cashier knowing. The guard answers at once from what the shop
    // database last said (ShopGuard), or within a short budget; a database that does not answer in time
    // leaves the till's own check alone, and the charge is not held up longer than that.
    if (m_shopCheckInFlight)
        return; // Enter again while the other tills are being asked
    m_shopCheckInFlight = true;
    shop->openElsewhere(m_stack.identity.id, phone, amount, m_stack.clock.now().addDays(-1),
                        m_stack.shopCheckBudget, this,
                        [this, amount, phone, method](const ShopService::Answer& answer) {
                            m_shopCheckInFlight = false;
                            chargeAfterShopCheck(amount, phone, answer, method);
                        });
}

QString PaymentActions::describeElsewhere(const ShopPayment& other) const
{
    const qint64 seconds = std::max<qint64>(0, other.payment.createdAt.secsTo(m_stack.clock.now()));
    const QString age = seconds < 120 ? tr("%1 s ago").arg(seconds) : tr("%1 min ago").arg(seconds / 60);
    const QString till = other.tillName.isEmpty() ? tr("another till") : other.tillName;
    return tr("at %1, %2, %3").arg(till, age, stateDisplayName(other.payment.state).toLower());
}

void PaymentActions::chargeAfterShopCheck(Money amount, const PhoneNumber& phone,
                                          const std::optional<ShopService::Answer>& shop,
                                          PaymentMethod method)
{
    // A card/QR checkout takes the whole sale at once: M-Pesa's limit per payment is not its limit.
    if (method == PaymentMethod::Mpesa && m_stack.sales.needsParts(amount)) {
        chargeSale(amount, phone);
        return;
    }
    QString shopNote;
    if (shop && !shop->answered)
        shopNote = tr("The other tills could not be asked just now.");
    else if (shop && shop->found)
        shopNote = tr("It is also open %1.").arg(describeElsewhere(*shop->found));

    // By card or QR, the same total as an open sale in parts is the same sale: its parts may still charge.
    if (method == PaymentMethod::Checkout) {
        if (const std::optional<Sale> sale =
                m_stack.journal.sales().latestOpen(phone, amount, m_stack.clock.now().addDays(-1))) {
            const SaleProgress progress = m_stack.sales.progress(*sale);
            if (progress.latest) {
                confirmDuplicateCharge(amount, phone, *progress.latest,
                                       tr("It is a sale in parts: %1.").arg(progress.summary(*sale)), {},
                                       method);
                return;
            }
        }
    }
    const std::optional<Payment> earlier = m_stack.till.openPaymentFor(phone, amount);
    if (!earlier) {
        if (shop && shop->found) // only at another counter
            confirmDuplicateCharge(amount, phone, shop->found->payment, {}, describeElsewhere(*shop->found),
                                   method);
        else
            send(amount, phone, method);
        return;
    }
    if (earlier->state != PaymentState::Expired) {
        confirmDuplicateCharge(amount, phone, *earlier, shopNote, {}, method);
        return;
    }
    // An expired request may have been paid late: look again before asking.
    if (m_duplicateCheckInFlight)
        return; // Enter again while IntaSend is being asked
    m_duplicateCheckInFlight = true;
    showStatus(tr("Checking the earlier request with IntaSend…"));
    m_stack.till.check(
        *earlier, this, [this, amount, phone, shopNote, method](const Payment& now, bool checked) {
            m_duplicateCheckInFlight = false;
            m_window->statusBar()->clearMessage();
            if (now.state == PaymentState::Complete) {
                showAlreadyPaid(now);
                return;
            }
            QStringList notes;
            if (!checked)
                notes.append(
                    tr("The till could not ask IntaSend about it just now; the customer may have paid "
                       "it late."));
            if (!shopNote.isEmpty())
                notes.append(shopNote);
            confirmDuplicateCharge(amount, phone, now, notes.join(u' '), {}, method);
        });
}

void PaymentActions::showAlreadyPaid(const Payment& earlier)
{
    QMessageBox* box =
        inform(m_window, QStringLiteral("alreadyPaidDialog"), tr("Already paid"),
               tr("%1 from %2 requested at %3 has been paid (M-Pesa receipt %4). Nothing was sent.")
                   .arg(earlier.amount.toDisplayString(), earlier.phone.masked(),
                        earlier.createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                        earlier.mpesaReceipt.isEmpty() ? tr("not given") : earlier.mpesaReceipt));
    connect(box, &QMessageBox::finished, m_form, &ChargePanel::clear);
    box->open();
}

void PaymentActions::confirmDuplicateCharge(Money amount, const PhoneNumber& phone, const Payment& earlier,
                                            const QString& note, const QString& elsewhere,
                                            PaymentMethod method)
{
    const qint64 seconds = std::max<qint64>(0, earlier.createdAt.secsTo(m_stack.clock.now()));
    const QDateTime when = earlier.createdAt.toLocalTime();
    const QString age = seconds == 1     ? tr("1 second ago")
                        : seconds < 120  ? tr("%1 seconds ago").arg(seconds)
                        : seconds < 7200 ? tr("%1 minutes ago").arg(seconds / 60)
                        : seconds < 86400
                            ? tr("%1 hours ago").arg(seconds / 3600)
                            : tr("on %1").arg(QLocale().toString(when.date(), QLocale::ShortFormat));
    QString state;
    switch (earlier.state) {
    case PaymentState::Unknown:
        state = tr("it may already have reached the customer's phone (Unknown)");
        break;
    case PaymentState::Expired:
        state = tr("the customer did not answer in time, but may still have paid (Expired)");
        break;
    default:
        state = tr("it is not finished (%1)").arg(stateDisplayName(earlier.state));
        break;
    }
    QString text = elsewhere.isEmpty() ? tr("%1 to %2 was already requested %3 (at %4), and %5.")
                                             .arg(amount.toDisplayString(), phone.masked(), age,
                                                  when.toString(QStringLiteral("HH:mm:ss")), state)
                                       : tr("%1 to %2 was already requested at another counter: %3.")
                                             .arg(amount.toDisplayString(), phone.masked(), elsewhere);
    if (!note.isEmpty())
        text += u' ' + note;
    text +=
        QStringLiteral("\n\n") +
        (method == PaymentMethod::Checkout
             ? tr("Ask the customer to cancel that request on their phone first: if they approve it and also "
                  "pay by card or QR, they pay twice.")
             : tr("Charging again sends a second payment request to the customer's phone."));
    Question question;
    question.dialogName = QStringLiteral("duplicateChargeDialog");
    question.title = tr("Charge again?");
    question.text = text;
    question.doText = tr("C&harge again");
    question.doName = QStringLiteral("chargeAgain");
    question.dontText = tr("&Don't charge");
    question.dontName = QStringLiteral("dontCharge");
    askFirst(
        m_window, question,
        [this, amount, phone, method, earlierRef = earlier.localRef] {
            // The earlier one may have been paid while the question was open.
            if (const std::optional<Payment> now = m_stack.journal.find(earlierRef);
                now && now->state == PaymentState::Complete) {
                showAlreadyPaid(*now);
                return;
            }
            send(amount, phone, method);
        },
        [this] { m_form->focusAmount(); });
}

void PaymentActions::send(Money amount, const PhoneNumber& phone, PaymentMethod method)
{
    // The request is on its way before anything on screen changes.
    const QString ref = method == PaymentMethod::Checkout  ? m_stack.till.chargeByCheckout(amount, phone)
                        : m_stack.sales.needsParts(amount) ? m_stack.sales.start(amount, phone)
                                                           : m_stack.till.charge(amount, phone);
    if (ref.isEmpty())
        return;      // nothing was sent: the form keeps the sale, the notice says why
    m_form->clear(); // ready for the next customer
    readyForNextSale(ref);
}

void PaymentActions::readyForNextSale(const QString& sentRef)
{
    if (const std::optional<Payment> sent = m_stack.journal.find(sentRef))
        m_card->follow(*sent);
    // The new payment is the top row; with no row chosen, F5 and F8 apply to it.
    m_list->scrollToTop();
    m_list->selectionModel()->clear();
    m_form->focusAmount();
}

void PaymentActions::checkInFocus()
{
    check(paymentInFocus());
}

void PaymentActions::check(const QString& localRef)
{
    if (!localRef.isEmpty())
        m_stack.till.check(localRef);
    m_stack.refunds.followNow(); // and what IntaSend's staff have decided on open refund requests
}

void PaymentActions::resendInFocus()
{
    resend(paymentInFocus());
}

void PaymentActions::resend(const QString& localRef)
{
    if (localRef.isEmpty()) {
        showStatus(tr("There is no payment to send again"), 5000);
        return;
    }
    if (const auto open = openSaleOf(localRef)) {
        continueSale(open->first, open->second, std::nullopt); // F8 on any part: the rest of the sale
        return;
    }
    resendAttempt(localRef);
}

void PaymentActions::resendAttempt(const QString& localRef, const std::optional<PhoneNumber>& otherPhone)
{
    if (m_resendCheckInFlight)
        return; // F8 pressed twice: the first check is still on its way
    m_resendCheckInFlight = true;
    showStatus(tr("Checking the earlier request with IntaSend…"));
    m_stack.resends.prepare(localRef, this, [this, otherPhone](const ResendCheck& check) {
        m_resendCheckInFlight = false;
        m_window->statusBar()->clearMessage();
        askToResend(check, otherPhone);
    });
}

void PaymentActions::askToResend(const ResendCheck& check, const std::optional<PhoneNumber>& otherPhone)
{
    const Payment& earlier = check.payment;
    const QString sale = earlier.localRef.isEmpty()
                             ? QString()
                             : tr("%1 to %2, requested at %3.")
                                   .arg(earlier.amount.toDisplayString(), earlier.phone.masked(),
                                        earlier.createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    QString text = sale.isEmpty() ? check.reason : sale + QStringLiteral("\n\n") + check.reason;
    if (otherPhone && check.verdict != ResendCheck::Verdict::Refused)
        text += QStringLiteral("\n\n") + tr("It goes to %1 this time.").arg(otherPhone->masked());
    if (check.verdict == ResendCheck::Verdict::Refused) {
        inform(m_window, QStringLiteral("resendDialog"), tr("Not sent again"), text)->open();
        return;
    }
    const bool rejected = earlier.state == PaymentState::Rejected;
    Question question;
    question.icon = check.verdict == ResendCheck::Verdict::MaySendWithWarning ? QMessageBox::Warning
                                                                              : QMessageBox::Question;
    question.dialogName = QStringLiteral("resendDialog");
    question.title = rejected ? tr("Try again?") : tr("Send again?");
    question.text = text;
    question.doText = rejected ? tr("&Try again") : tr("&Send again");
    question.doName = QStringLiteral("sendAgain");
    question.dontText = tr("&Don't send");
    question.dontName = QStringLiteral("dontSend");
    askFirst(m_window, question, [this, ref = earlier.localRef, otherPhone] {
        if (const QString newRef = m_stack.resends.resend(ref, otherPhone); !newRef.isEmpty())
            readyForNextSale(newRef);
    });
}

void PaymentActions::useCashInFocus()
{
    useCash(paymentInFocus());
}

void PaymentActions::useCash(const QString& localRef)
{
    const std::optional<Payment> payment = m_stack.journal.find(localRef);
    if (!payment || m_cashCheckInFlight)
        return; // F9 pressed twice: the first check is still on its way
    if (const auto open = openSaleOf(localRef)) {
        askRestInCash(open->first, open->second); // F9 on any part: what is left of the sale
        return;
    }
    if (!maySettleInCash(payment->state)) {
        showStatus(payment->state == PaymentState::Sending
                       ? tr("Wait for IntaSend's answer before taking cash")
                       : tr("This payment is %1: there is nothing to settle in cash")
                             .arg(stateDisplayName(payment->state)),
                   5000);
        return;
    }
    // Of the states that may be settled in cash, these may still bring up the prompt on the phone.
    const bool phoneMayStillAsk = traitsOf(payment->state).mayStillCharge;
    Question question;
    question.icon = phoneMayStillAsk ? QMessageBox::Warning : QMessageBox::Question;
    question.dialogName = QStringLiteral("cashDialog");
    question.title = tr("Use cash?");
    question.text = tr("Record %1 from %2 as paid in cash?")
                        .arg(payment->amount.toDisplayString(), payment->phone.masked());
    // Only a request IntaSend confirmed can be watched for a late approval: say so when it cannot.
    if (phoneMayStillAsk && payment->invoiceId.isEmpty())
        question.text +=
            QStringLiteral("\n\n") +
            tr("IntaSend never confirmed this M-Pesa request, so the till cannot see whether the "
               "customer approves it. Ask them to cancel it on their phone, or to check that no "
               "prompt came, before you take the cash.");
    else if (phoneMayStillAsk)
        question.text += QStringLiteral("\n\n") +
                         tr("The customer's phone may still show the M-Pesa request. Ask them to cancel it "
                            "before you take the cash. If they approve it anyway, the till tells you to give "
                            "the cash back.");
    question.doText = tr("Take &cash");
    question.doName = QStringLiteral("takeCash");
    question.dontText = tr("&Keep waiting");
    question.dontName = QStringLiteral("keepWaiting");
    askFirst(m_window, question, [this, localRef] {
        m_cashCheckInFlight = true;
        showStatus(tr("Checking the payment with IntaSend before taking cash…"));
        m_stack.cash.settle(localRef, this, [this](const Payment& payment, const QString& refusal) {
            if (!cashRecorded(refusal))
                return;
            showStatus(tr("%1 from %2 recorded as paid in cash")
                           .arg(payment.amount.toDisplayString(), payment.phone.masked()),
                       10000);
            m_form->focusAmount();
        });
    });
}

std::optional<Payment> PaymentActions::receiptInFocus()
{
    std::optional<Payment> payment = m_stack.journal.find(paymentInFocus());
    if (!payment)
        showStatus(tr("There is no payment to print"), 5000);
    return payment;
}

Printout PaymentActions::receiptOf(const Payment& payment) const
{
    // A part of a sale prints the sale: every part and the total.
    if (const std::optional<Sale> sale = m_stack.sales.sale(payment.saleRef))
        return Printout(saleReceiptHtml(*sale, m_stack.sales.parts(sale->ref), m_stack.till.tillName(),
                                        m_stack.clock.now()),
                        m_paper);
    return Printout(receiptHtml(payment, m_stack.till.tillName(), m_stack.clock.now()), m_paper);
}

void PaymentActions::printReceipt()
{
    if (const std::optional<Payment> payment = receiptInFocus())
        CounterPrinter::printOrPreview(m_printer, receiptOf(*payment), m_window, tr("Receipt"));
}

void PaymentActions::saveReceiptPdf()
{
    if (const std::optional<Payment> payment = receiptInFocus())
        receiptOf(*payment).saveAsPdf(
            m_window,
            QStringLiteral("receipt-%1.pdf")
                .arg(payment->mpesaReceipt.isEmpty() ? payment->localRef.left(8) : payment->mpesaReceipt));
}

void PaymentActions::showDetailsInFocus()
{
    if (const QString ref = paymentInFocus(); !ref.isEmpty())
        showDetails(ref);
}

void PaymentActions::showDetails(const QString& localRef)
{
    auto* dialog = new PaymentDetailsDialog(m_stack, localRef, m_paper, m_window);
    dialog->setCounterPrinter(m_printer);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// A sale in parts ---------------------------------------------------------------------------------------

void PaymentActions::chargeSale(Money amount, const PhoneNumber& phone)
{
    const std::optional<Sale> open =
        m_stack.journal.sales().latestOpen(phone, amount, m_stack.clock.now().addDays(-1));
    if (!open) {
        // The same total may be open as one card/QR payment: asked about as any open payment.
        if (const std::optional<Payment> earlier = m_stack.till.openPaymentFor(phone, amount))
            confirmDuplicateCharge(amount, phone, *earlier, {});
        else
            send(amount, phone);
        return;
    }
    const SaleProgress progress = m_stack.sales.progress(*open);
    Question question;
    question.dialogName = QStringLiteral("duplicateSaleDialog");
    question.title = tr("Start the sale again?");
    question.text =
        tr("A sale of %1 to %2 is already open (started at %3): %4.")
            .arg(amount.toDisplayString(), phone.masked(),
                 open->createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                 progress.summary(*open)) +
        QStringLiteral("\n\n") +
        tr("A new sale sends new payment requests to the customer's phone. To go on with the open "
           "sale instead, choose Show the open sale.");
    question.doText = tr("Start a &new sale");
    question.doName = QStringLiteral("newSale");
    question.dontText = tr("&Show the open sale");
    question.dontName = QStringLiteral("showOpenSale");
    askFirst(
        m_window, question, [this, amount, phone] { send(amount, phone); },
        [this, latest = progress.latest] {
            m_form->clear();
            if (latest)
                m_card->follow(*latest);
            m_form->focusAmount();
        });
}

std::optional<std::pair<Sale, SaleProgress>> PaymentActions::openSaleOf(const QString& localRef) const
{
    const std::optional<Payment> payment = m_stack.journal.find(localRef);
    if (!payment || !payment->isPartOfSale())
        return std::nullopt;
    const std::optional<Sale> sale = m_stack.sales.sale(payment->saleRef);
    if (!sale || !sale->isOpen())
        return std::nullopt;
    const SaleProgress progress = m_stack.sales.progress(*sale);
    if (progress.outstanding.cents() <= 0)
        return std::nullopt;
    return std::make_pair(*sale, progress);
}

void PaymentActions::continueSale(const Sale& sale, const SaleProgress& progress,
                                  const std::optional<PhoneNumber>& phone)
{
    if (progress.inProgress || !progress.latest) {
        showStatus(tr("A part of this sale is still waiting for the customer: wait for it, or check it (F5)"),
                   5000);
        return;
    }
    const Payment& latest = *progress.latest;
    if (progress.latestPartSettled) // paid, by this attempt or (approved late) an earlier one
        askToSendNextPart(sale, progress, phone.value_or(latest.phone));
    else
        resendAttempt(latest.localRef, phone); // the unpaid part again, after its last check
}

void PaymentActions::askToSendNextPart(const Sale& sale, const SaleProgress& progress,
                                       const PhoneNumber& phone)
{
    const Money amount = progress.nextAmount(m_stack.sales.largestPart());
    Question question;
    question.icon = QMessageBox::Question;
    question.dialogName = QStringLiteral("nextPartDialog");
    question.title = tr("Send the next part?");
    question.text = tr("Send %1 to %2: part %3 of %4 of the sale of %5?")
                        .arg(amount.toDisplayString(), phone.masked())
                        .arg(progress.nextPart())
                        .arg(std::max(sale.parts, progress.nextPart()))
                        .arg(sale.total.toDisplayString()) +
                    QStringLiteral("\n\n") + progress.summary(sale);
    question.doText = tr("&Send");
    question.doName = QStringLiteral("sendPart");
    question.dontText = tr("&Don't send");
    question.dontName = QStringLiteral("dontSend");
    askFirst(m_window, question, [this, saleRef = sale.ref, phone, part = progress.nextPart()] {
        QString refusal;
        if (const QString ref = m_stack.sales.sendNext(saleRef, phone, part, &refusal); !ref.isEmpty())
            readyForNextSale(ref);
        else if (!refusal.isEmpty())
            inform(m_window, QStringLiteral("nextPartDialog"), tr("Not sent"), refusal)->open();
    });
}

void PaymentActions::restFromOtherPhone(const QString& localRef)
{
    const auto open = openSaleOf(localRef);
    if (!open) {
        showStatus(tr("There is no open sale to pay from another phone"), 5000);
        return;
    }
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("otherPhoneDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Another phone"));
    dialog->setLabelText(
        tr("The rest of the sale (%1) from which phone?").arg(open->second.outstanding.toDisplayString()));
    dialog->setInputMode(QInputDialog::TextInput);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, localRef](const QString& text) {
        const Result<PhoneNumber> phone = PhoneNumber::parse(text);
        if (!phone) {
            inform(m_window, QStringLiteral("otherPhoneDialog"), tr("Another phone"), phone.error())->open();
            return;
        }
        if (const auto now = openSaleOf(localRef))
            continueSale(now->first, now->second, phone.value());
    });
    dialog->open();
}

void PaymentActions::askRestInCash(const Sale& sale, const SaleProgress& progress)
{
    const std::optional<Payment>& latest = progress.latest;
    Question question;
    question.icon = QMessageBox::Question;
    question.dialogName = QStringLiteral("cashDialog");
    question.title = tr("Rest in cash?");
    question.text = tr("Record %1, the rest of the sale of %2, as paid in cash?")
                        .arg(progress.outstanding.toDisplayString(), sale.total.toDisplayString());
    if (latest && traitsOf(latest->state).mayStillCharge && maySettleInCash(latest->state)) {
        question.icon = QMessageBox::Warning;
        question.text += QStringLiteral("\n\n") +
                         tr("Part %1 may still reach the customer's phone. Ask them to cancel it before you "
                            "take the cash. If they approve it anyway, the till tells you to give the cash "
                            "back.")
                             .arg(latest->salePart);
    }
    question.doText = tr("Take &cash");
    question.doName = QStringLiteral("takeCash");
    question.dontText = tr("&Keep waiting");
    question.dontName = QStringLiteral("keepWaiting");
    // No part goes out by itself while the cashier is asked about cash for the rest.
    m_stack.sales.holdBack(sale.ref);
    askFirst(
        m_window, question,
        [this, saleRef = sale.ref, rest = progress.outstanding] {
            m_cashCheckInFlight = true;
            showStatus(tr("Checking the sale with IntaSend before taking cash…"));
            m_stack.sales.settleRestInCash(saleRef, rest, this, [this, rest](const QString& refusal) {
                if (!cashRecorded(refusal))
                    return;
                showStatus(
                    tr("%1, the rest of the sale, recorded as paid in cash").arg(rest.toDisplayString()),
                    10000);
                m_form->focusAmount();
            });
        },
        [this, saleRef = sale.ref] { m_stack.sales.letRun(saleRef); });
}

bool PaymentActions::cashRecorded(const QString& refusal)
{
    m_cashCheckInFlight = false;
    m_window->statusBar()->clearMessage();
    if (!refusal.isEmpty()) {
        inform(m_window, QStringLiteral("cashDialog"), tr("Do not take cash"), refusal)->open();
        return false;
    }
    Q_EMIT cashTaken();
    return true;
}

void PaymentActions::closeSaleShort(const QString& localRef)
{
    const auto open = openSaleOf(localRef);
    if (!open) {
        showStatus(tr("There is no open sale to close"), 5000);
        return;
    }
    const auto askReason = [this, saleRef = open->first.ref, rest = open->second.outstanding] {
        auto* dialog = new QInputDialog(m_window);
        dialog->setObjectName(QStringLiteral("closeShortDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Close the sale short"));
        dialog->setLabelText(
            tr("The sale closes without the %1 still to pay. Why?").arg(rest.toDisplayString()));
        dialog->setInputMode(QInputDialog::TextInput);
        connect(dialog, &QInputDialog::textValueSelected, this, [this, saleRef](const QString& reason) {
            const std::optional<Shift> shift = m_stack.journal.shifts().current();
            QString refusal;
            if (m_stack.sales.closeShort(saleRef, reason, shift ? shift->cashier : QString(), &refusal))
                showStatus(tr("The sale was closed short"), 10000);
            else
                inform(m_window, QStringLiteral("closeShortDialog"), tr("Not closed"), refusal)->open();
        });
        dialog->open();
    };
    if (m_pin)
        PinDialog::ask(*m_pin, tr("Closing a sale short"), m_window, askReason);
    else
        askReason();
}

} // namespace lipa
