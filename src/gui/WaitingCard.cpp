// SPDX-License-Identifier: GPL-3.0-or-later
#include "WaitingCard.h"

#include "Palette.h"
#include "PaymentListModel.h"
#include "PaymentRules.h"
#include "PaymentStateDelegate.h"
#include "QrCode.h"
#include "SaleDesk.h"
#include "Till.h"
#include "WrappingLabel.h"

#include <QBoxLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace lipa {

namespace {

QLabel* scaledLabel(const QString& name, double scale, bool bold, QWidget* parent)
{
    auto* label = new WrappingLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

} // namespace

WaitingCard::WaitingCard(Till& till, SaleDesk& sales, QWidget* parent)
    : QFrame(parent)
    , m_till(till)
    , m_sales(sales)
{
    setObjectName(QStringLiteral("waitingCard"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Current payment"));
    auto* layout = new QVBoxLayout(this);
    m_state = scaledLabel(QStringLiteral("cardState"), 1.6, true, this);
    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("cardIcon"));
    m_sale = scaledLabel(QStringLiteral("cardSale"), 1.25, false, this);
    m_receipt = scaledLabel(QStringLiteral("cardReceipt"), 2.0, true, this);
    m_receipt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = scaledLabel(QStringLiteral("cardDetail"), 1.0, false, this);
    m_saleProgress = scaledLabel(QStringLiteral("cardSaleProgress"), 1.25, true, this);
    m_saleParts = scaledLabel(QStringLiteral("cardSaleParts"), 1.0, false, this);
    m_saleParts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The state is a word, a colour and an icon: never colour alone.
    auto* stateRow = new QHBoxLayout;
    stateRow->addWidget(m_icon);
    stateRow->addWidget(m_state, 1);
    layout->addLayout(stateRow);
    // A card/QR payment's checkout page, for the customer's camera.
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("cardQr"));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setAccessibleName(tr("QR code of the checkout page"));
    m_qr->hide();
    for (QLabel* label : {m_sale, m_saleProgress, m_detail, m_qr, m_receipt, m_saleParts})
        layout->addWidget(label);
    m_buttons = new QGridLayout; // two by two: the card is narrow, the words must fit
    m_check = new QPushButton(tr("Check now (F5)"), this);
    m_check->setObjectName(QStringLiteral("cardCheck"));
    m_resend = new QPushButton(tr("Resend… (F8)"), this);
    m_resend->setObjectName(QStringLiteral("cardResend"));
    m_cash = new QPushButton(tr("Use cash (F9)"), this);
    m_cash->setObjectName(QStringLiteral("cardCash"));
    m_cash->setToolTip(tr("The customer pays in cash instead: record the sale as paid in cash (F9)"));
    m_stop = new QPushButton(tr("Stop waiting (Esc)"), this);
    m_stop->setObjectName(QStringLiteral("cardStop"));
    m_stop->setToolTip(
        tr("Hide this card. The till keeps checking the payment; the list shows how it ends."));
    m_check->setToolTip(tr("Ask IntaSend about this payment now (F5)"));
    m_resend->setToolTip(tr("Send this payment again, after a last check of it (F8)"));
    m_otherPhone = new QPushButton(tr("Another phone…"), this);
    m_otherPhone->setObjectName(QStringLiteral("cardOtherPhone"));
    m_otherPhone->setToolTip(tr("The rest of the sale from another phone: type its number"));
    m_closeShort = new QPushButton(tr("Close short…"), this);
    m_closeShort->setObjectName(QStringLiteral("cardCloseShort"));
    m_closeShort->setToolTip(tr("Close the sale without the rest (manager PIN, with a reason)"));
    int place = 0;
    for (QPushButton* button : {m_check, m_resend, m_cash, m_otherPhone, m_closeShort, m_stop}) {
        button->setFocusPolicy(Qt::TabFocus);
        m_buttons->addWidget(button, place / 2, place % 2);
        ++place;
    }
    layout->addLayout(m_buttons);
    connect(m_check, &QPushButton::clicked, this, [this] { Q_EMIT checkRequested(m_payment.localRef); });
    connect(m_resend, &QPushButton::clicked, this, [this] { Q_EMIT resendRequested(m_payment.localRef); });
    connect(m_cash, &QPushButton::clicked, this, [this] { Q_EMIT cashRequested(m_payment.localRef); });
    connect(m_otherPhone, &QPushButton::clicked, this,
            [this] { Q_EMIT otherPhoneRequested(m_payment.localRef); });
    connect(m_closeShort, &QPushButton::clicked, this,
            [this] { Q_EMIT closeShortRequested(m_payment.localRef); });
    connect(m_stop, &QPushButton::clicked, this, &WaitingCard::stopWaiting);
    connect(&till, &Till::paymentChanged, this, &WaitingCard::onPaymentChanged);
    connect(&till, &Till::paymentAdded, this, &WaitingCard::onPaymentAdded);
    connect(&sales, &SaleDesk::saleChanged, this, [this](const QString& saleRef) {
        if (isVisible() && saleRef == m_payment.saleRef)
            refresh();
    });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &WaitingCard::refresh);
    hide();
}

void WaitingCard::follow(const Payment& payment)
{
    m_payment = payment;
    show();
    refresh();
}

void WaitingCard::stopWaiting()
{
    m_countdown.stop();
    hide();
    Q_EMIT putAway();
}

void WaitingCard::onPaymentAdded(const Payment& payment)
{
    // The next part of the sale on the card (sent by itself, or the rest in cash): the card moves on to it.
    if (isVisible() && payment.isPartOfSale() && payment.saleRef == m_payment.saleRef)
        follow(payment);
}

void WaitingCard::onPaymentChanged(const Payment& payment)
{
    if (payment.localRef != m_payment.localRef || isHidden())
        return;
    m_payment = payment;
    refresh();
}

void WaitingCard::refresh()
{
    const Payment& p = m_payment;
    const StateTraits& traits = traitsOf(p.state);
    const bool waiting = traits.inProgress;
    m_state->setText(stateDisplayName(p.state));
    const int iconSize = m_state->fontMetrics().height();
    m_icon->setPixmap(stateIcon(p.state, iconSize, devicePixelRatioF()));
    m_icon->setFixedSize(iconSize, iconSize);
    m_state->setStyleSheet(Palette::textStyle(traits.tone));
    m_sale->setText(p.isCheckout()
                        ? tr("%1 by card/QR from %2").arg(p.amount.toDisplayString(), p.phone.masked())
                        : tr("%1 from %2").arg(p.amount.toDisplayString(), p.phone.masked()));
    const bool qrShown = p.isCheckout() && waiting && !p.checkoutUrl.isEmpty();
    if (qrShown && m_qrUrl != p.checkoutUrl) {
        m_qrUrl = p.checkoutUrl;
        const QImage code = QrCode::image(m_qrUrl);
        // Whole pixels per module, about 200 px across: sharp for a phone's camera, small for the card.
        const int scale = code.isNull() ? 1 : std::max(2, 200 / code.width());
        m_qr->setPixmap(QPixmap::fromImage(
            code.scaled(code.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
        m_qr->setMinimumSize(m_qr->pixmap().size()); // never squeezed: a cut code does not scan
        if (code.isNull())
            m_qr->setText(m_qrUrl); // too long for a QR code: the address, to type
        m_qr->setToolTip(m_qrUrl);
        m_qr->setVisible(true);
        Q_EMIT qrCodeShown(m_qr);
    }
    m_qr->setVisible(qrShown);
    m_receipt->setVisible(p.state == PaymentState::Complete && !p.mpesaReceipt.isEmpty());
    m_receipt->setText(p.mpesaReceipt);
    QString detail = p.failureMessage;
    if (waiting) {
        const qint64 left = std::max<qint64>(0, m_till.clock().now().secsTo(m_till.expiresAt(p)));
        const QString note = !p.isCheckout() ? PaymentListModel::progressNote(p.state)
                             : qrShown       ? tr("The customer scans the QR code and pays by card or M-Pesa")
                                             : tr("Making the card/QR checkout");
        detail = tr("%1. Expires in %2:%3.").arg(note).arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
    } else if (p.state == PaymentState::Complete) {
        // A warning that came with the payment (paid twice, another amount) stays in view above the code.
        const QString paid = p.mpesaReceipt.isEmpty() ? tr("Paid.") : tr("M-Pesa receipt:");
        detail = p.failureMessage.isEmpty() ? paid : p.failureMessage + u'\n' + paid;
    }
    m_detail->setText(detail);
    // Only what IntaSend knows can be checked: an Unknown request it never confirmed has no invoice.
    m_check->setVisible(PaymentRules::isCheckable(p));
    m_resend->setVisible(traits.mayBeResent);
    m_cash->setVisible(maySettleInCash(p.state));
    const bool saleOpen = refreshSale();
    m_stop->setText(waiting ? tr("Stop waiting (Esc)") : tr("Done (Esc)"));
    if (saleOpen && !waiting)
        m_stop->setText(tr("Later (Esc)")); // the sale stays open; the list and Resend find it again
    placeButtons();
    if (waiting && !m_countdown.isActive())
        m_countdown.start();
    else if (!waiting)
        m_countdown.stop();
    Q_EMIT following(p);
}

void WaitingCard::placeButtons()
{
    // The buttons shown, two by two with no holes: which ones show depends on the payment and its sale.
    const std::initializer_list<QPushButton*> all = {m_check,      m_resend,     m_cash,
                                                     m_otherPhone, m_closeShort, m_stop};
    int shown = 0;
    for (QPushButton* button : all)
        shown = shown * 2 + (button->isHidden() ? 0 : 1);
    if (shown == m_placedButtons)
        return; // as they are (the countdown redraws the card every second)
    m_placedButtons = shown;
    int place = 0;
    for (QPushButton* button : all) {
        m_buttons->removeWidget(button);
        if (!button->isHidden()) {
            m_buttons->addWidget(button, place / 2, place % 2);
            ++place;
        }
    }
}

bool WaitingCard::refreshSale()
{
    const std::optional<Sale> sale = m_sales.sale(m_payment.saleRef);
    m_saleProgress->setVisible(sale.has_value());
    m_saleParts->setVisible(sale.has_value());
    m_otherPhone->setVisible(false);
    m_closeShort->setVisible(false);
    if (!sale)
        return false;
    const QList<Payment> attempts = m_sales.parts(sale->ref);
    const SaleProgress progress = SaleProgress::of(*sale, attempts);
    m_saleProgress->setText(progress.summary(*sale));
    m_saleProgress->setStyleSheet(Palette::textStyle(
        sale->closedShort() ? Tone::Bad : (progress.outstanding.cents() <= 0 ? Tone::Good : Tone::Waiting)));
    QStringList lines;
    for (const Payment& part : attempts) {
        QString line = tr("Part %1/%2: %3, %4")
                           .arg(part.salePart)
                           .arg(part.saleParts)
                           .arg(part.amount.toDisplayString(), stateDisplayName(part.state).toLower());
        if (part.state == PaymentState::Complete && !part.mpesaReceipt.isEmpty())
            line += QStringLiteral(" — ") + part.mpesaReceipt;
        if (part.phone != sale->phone)
            line += QStringLiteral(" (%1)").arg(part.phone.masked());
        lines.append(line);
    }
    m_saleParts->setText(lines.join(u'\n'));
    const bool open = sale->isOpen() && progress.outstanding.cents() > 0;
    const bool partWaiting = progress.inProgress;
    // The actions that fit: the rest again (F8), from another phone, in cash (F9), or close short.
    m_resend->setVisible(open && !partWaiting && progress.latest &&
                         (traitsOf(progress.latest->state).mayBeResent ||
                          progress.latest->state == PaymentState::Complete ||
                          progress.latest->state == PaymentState::Cash));
    m_resend->setText(progress.latest && progress.latest->state == PaymentState::Complete
                          ? tr("Send part %1 (F8)").arg(progress.nextPart())
                          : tr("Send the rest again (F8)"));
    m_cash->setVisible(open && !(progress.latest && progress.latest->state == PaymentState::Sending));
    m_cash->setText(tr("Rest in cash (F9)"));
    m_otherPhone->setVisible(open && !partWaiting);
    m_closeShort->setVisible(open && !partWaiting);
    if (!open) {
        m_cash->setText(tr("Use cash (F9)"));
        m_resend->setText(tr("Resend… (F8)"));
        m_resend->setVisible(false);
        m_cash->setVisible(false);
    }
    return open;
}

} // namespace lipa
