// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChargePanel.h"

#include "Palette.h"
#include "Sale.h"
#include "ui_ChargePanel.h"

#include <QScopedValueRollback>

namespace lipa {

namespace {

// Green for a value we understood, red for one we did not; empty fields say nothing.
void showHint(QLabel* hint, const QString& text, bool good)
{
    hint->setText(text);
    hint->setStyleSheet(Palette::textStyle(good ? Tone::Good : Tone::Bad));
}

} // namespace

ChargePanel::ChargePanel(qint64 maxSaleShillings, qint64 maxPaymentShillings, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChargePanel>())
    , m_maxAmountShillings(std::max(maxSaleShillings, maxPaymentShillings))
    , m_maxPaymentShillings(maxPaymentShillings)
{
    m_ui->setupUi(this);

    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_ui->amountEdit->setFont(big);
    m_ui->phoneEdit->setFont(big);
    m_ui->chargeButton->setFont(big);
    m_ui->chargeButton->setMinimumHeight(m_ui->chargeButton->sizeHint().height() * 3 / 2);
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);
    m_ui->titleLabel->setFont(title);

    connect(m_ui->amountEdit, &QLineEdit::textChanged, this, &ChargePanel::validate);
    connect(m_ui->phoneEdit, &QLineEdit::textChanged, this, &ChargePanel::validate);
    connect(m_ui->amountEdit, &QLineEdit::returnPressed, this, &ChargePanel::onAmountReturn);
    connect(m_ui->phoneEdit, &QLineEdit::returnPressed, this, &ChargePanel::onPhoneReturn);
    connect(m_ui->chargeButton, &QPushButton::clicked, this, &ChargePanel::submit);
    validate();
}

ChargePanel::~ChargePanel() = default;

void ChargePanel::clear()
{
    m_ui->amountEdit->clear();
    m_ui->phoneEdit->clear();
    focusAmount();
}

bool ChargePanel::isBlank() const
{
    return m_ui->amountEdit->text().isEmpty() && m_ui->phoneEdit->text().isEmpty();
}

void ChargePanel::focusAmount()
{
    m_ui->amountEdit->setFocus(Qt::OtherFocusReason);
}

void ChargePanel::fill(Money amount, const PhoneNumber& phone)
{
    m_ui->amountEdit->setText(QString::number(amount.wholeShillings()));
    m_ui->phoneEdit->setText(phone.toDisplayString());
    focusAmount();
}

QString ChargePanel::splitHint(Money amount) const
{
    QString hint = SalePlan::describe(amount, Money::fromShillings(m_maxPaymentShillings));
    // M-Pesa's usual daily limit for one customer's account (IntaSend can raise it for a shop).
    constexpr qint64 kUsualDailyLimitShillings = 300000;
    if (amount.wholeShillings() > kUsualDailyLimitShillings)
        hint += u'\n' + tr("Above M-Pesa's usual KES 300,000 a day for one customer: a part may be refused; "
                           "the rest can go from another phone or in cash.");
    return hint;
}

void ChargePanel::validate()
{
    const Result<Money> amount = Money::parseShillings(m_ui->amountEdit->text(), m_maxAmountShillings);
    const Result<PhoneNumber> phone = PhoneNumber::parse(m_ui->phoneEdit->text());

    if (m_ui->amountEdit->text().trimmed().isEmpty())
        showHint(m_ui->amountHint, {}, true);
    else if (!amount && PhoneNumber::parse(m_ui->amountEdit->text()))
        showHint(m_ui->amountHint, tr("That looks like a phone number: it goes under Customer phone"), false);
    else if (amount && amount->wholeShillings() > m_maxPaymentShillings)
        showHint(m_ui->amountHint, splitHint(*amount), true);
    else
        showHint(m_ui->amountHint, amount ? amount->toDisplayString() : amount.error(), amount.isOk());

    if (m_ui->phoneEdit->text().trimmed().isEmpty())
        showHint(m_ui->phoneHint, {}, true);
    else
        showHint(m_ui->phoneHint, phone ? phone->toDisplayString() : phone.error(), phone.isOk());

    m_ui->chargeButton->setEnabled(amount.isOk() && phone.isOk());

    const bool blank = isBlank();
    if (m_wasBlank && !blank)
        Q_EMIT saleStarted();
    m_wasBlank = blank;
}

void ChargePanel::onAmountReturn()
{
    if (!Money::parseShillings(m_ui->amountEdit->text(), m_maxAmountShillings))
        return; // the reason is already beside the field
    if (PhoneNumber::parse(m_ui->phoneEdit->text()))
        submit();
    else
        m_ui->phoneEdit->setFocus(Qt::TabFocusReason);
}

void ChargePanel::onPhoneReturn()
{
    if (!Money::parseShillings(m_ui->amountEdit->text(), m_maxAmountShillings))
        m_ui->amountEdit->setFocus(Qt::TabFocusReason);
    else
        submit();
}

bool ChargePanel::submitByCheckout()
{
    const Result<Money> amount = Money::parseShillings(m_ui->amountEdit->text(), m_maxAmountShillings);
    const Result<PhoneNumber> phone = PhoneNumber::parse(m_ui->phoneEdit->text());
    if (!amount || !phone) {
        (amount ? m_ui->phoneEdit : m_ui->amountEdit)->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (m_submitting)
        return false;
    const QScopedValueRollback guard(m_submitting, true);
    Q_EMIT checkoutRequested(amount.value(), phone.value());
    return true;
}

void ChargePanel::submit()
{
    const Result<Money> amount = Money::parseShillings(m_ui->amountEdit->text(), m_maxAmountShillings);
    const Result<PhoneNumber> phone = PhoneNumber::parse(m_ui->phoneEdit->text());
    if (!amount || !phone || m_submitting)
        return;
    // The receiver clears the form once the sale is recorded (and keeps it when it could not be); until
    // it returns, nothing — not even a dialog's nested event loop — can submit this form again.
    const QScopedValueRollback guard(m_submitting, true);
    Q_EMIT chargeRequested(amount.value(), phone.value());
}

} // namespace lipa
