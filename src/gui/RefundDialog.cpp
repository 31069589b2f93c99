// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefundDialog.h"

#include "AskFirst.h"
#include "Journal.h"
#include "Palette.h"
#include "RefundDesk.h"
#include "RefundLog.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <utility>

namespace lipa {

namespace {

// Money's parser says what is wrong with what was typed; the ceiling that counts is the refund's own,
// checked after it with its own words.
constexpr qint64 kNoCeilingShillings = 999'999'999'999;

QLabel* factLabel(const char* name, const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text.isEmpty() ? QStringLiteral("—") : text, parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

RefundDialog::RefundDialog(RefundDesk& desk, const Journal& journal, const Payment& payment, QString cashier,
                           QWidget* parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_payment(payment)
    , m_cashier(std::move(cashier))
    , m_refundable(desk.refundable(payment))
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Request a refund"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("IntaSend's staff decide on refund requests; the money is not returned at once."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(buildFacts(journal.refunds().requestedOf(payment.localRef)));

    auto* form = new QFormLayout;
    m_amount = new QLineEdit(QString::number(m_refundable.wholeShillings()), this);
    m_amount->setObjectName(QStringLiteral("refundAmountEdit"));
    m_amount->setAccessibleName(tr("Amount to refund"));
    m_amount->setInputMethodHints(Qt::ImhDigitsOnly);
    m_amount->setMaxLength(20);
    form->addRow(tr("&Amount to refund (KES)"), m_amount);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("refundReason"));
    m_reason->setAccessibleName(tr("Reason"));
    // The cashier reads the reasons in the till's language; IntaSend's staff get them in English.
    for (const QString& reason : RefundDesk::reasons())
        m_reason->addItem(RefundDesk::reasonName(reason), reason);
    form->addRow(tr("Rea&son"), m_reason);
    m_details = new QLineEdit(this);
    m_details->setObjectName(QStringLiteral("refundDetails"));
    m_details->setAccessibleName(tr("Details"));
    m_details->setMaxLength(200);
    form->addRow(tr("D&etails"), m_details);
    layout->addLayout(form);
    const auto describeDetails = [this] {
        m_details->setPlaceholderText(reasonNeedsDetails() ? tr("Required: what is the refund for?")
                                                           : tr("Optional"));
    };
    connect(m_reason, &QComboBox::currentIndexChanged, this, describeDetails);
    describeDetails();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("refundError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Palette::textStyle(Tone::Bad));
    m_error->hide();
    layout->addWidget(m_error);
    // An error goes as soon as the cashier corrects the form.
    connect(m_amount, &QLineEdit::textEdited, m_error, &QWidget::hide);
    connect(m_details, &QLineEdit::textEdited, m_error, &QWidget::hide);

    auto* buttons = new QDialogButtonBox(this);
    m_request = buttons->addButton(tr("Request &refund…"), QDialogButtonBox::ActionRole);
    m_request->setObjectName(QStringLiteral("requestRefundButton"));
    m_request->setDefault(true);
    QPushButton* cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelRefund"));
    cancel->setAutoDefault(false);
    connect(m_request, &QPushButton::clicked, this, &RefundDialog::askToRequest);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_amount->setFocus();
    m_amount->selectAll();
}

QWidget* RefundDialog::buildFacts(const std::optional<Money>& alreadyRequested)
{
    auto* facts = new QWidget(this);
    auto* form = new QFormLayout(facts);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Paid"), factLabel("refundPaidAmount", m_payment.amount.toDisplayString(), facts));
    form->addRow(tr("Customer"), factLabel("refundPhone", m_payment.phone.masked(), facts));
    form->addRow(tr("M-Pesa receipt"), factLabel("refundReceipt", m_payment.mpesaReceipt, facts));
    form->addRow(tr("Already requested"),
                 factLabel("refundRequested",
                           alreadyRequested ? alreadyRequested->toDisplayString() : tr("could not be read"),
                           facts));
    QLabel* most = factLabel("refundable", m_refundable.toDisplayString(), facts);
    QFont bold = most->font();
    bold.setBold(true);
    most->setFont(bold);
    form->addRow(tr("Most that can be refunded"), most);
    return facts;
}

Result<Money> RefundDialog::parseAmount(const QString& text, Money refundable)
{
    const Result<Money> typed = Money::parseShillings(text, kNoCeilingShillings);
    if (!typed)
        return typed;
    if (*typed > refundable)
        return Result<Money>::error(
            tr("The most that can be refunded is %1").arg(refundable.toDisplayString()));
    return typed;
}

bool RefundDialog::reasonNeedsDetails() const
{
    // The last reason is "Other": it says nothing without the cashier's words.
    return m_reason->count() > 0 && m_reason->currentIndex() == m_reason->count() - 1;
}

void RefundDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
}

void RefundDialog::askToRequest()
{
    const Result<Money> amount = parseAmount(m_amount->text(), m_refundable);
    if (!amount) {
        showError(amount.error());
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    const QString reason = m_reason->currentData().toString();
    const QString details = m_details->text().trimmed();
    if (reasonNeedsDetails() && details.isEmpty()) {
        showError(tr("Say in Details what the refund is for."));
        m_details->setFocus();
        return;
    }
    m_error->hide();
    Question question;
    question.icon = QMessageBox::Warning;
    question.dialogName = QStringLiteral("refundConfirmDialog");
    question.title = tr("Request refund?");
    question.text =
        tr("Ask IntaSend to refund %1 to %2? IntaSend's staff decide; the money is not returned at "
           "once.")
            .arg(amount->toDisplayString(), m_payment.phone.masked());
    question.doText = tr("&Request refund");
    question.doName = QStringLiteral("confirmRefund");
    question.dontText = tr("&Don't request");
    question.dontName = QStringLiteral("dontRequest");
    askFirst(
        this, question, [this, money = *amount, reason, details] { request(money, reason, details); },
        [this] { m_amount->setFocus(); });
}

void RefundDialog::request(Money amount, const QString& reason, const QString& details)
{
    const Result<Refund> refund = m_desk.request(m_payment.localRef, amount, reason, details, m_cashier);
    if (!refund) {
        showError(refund.error());
        return;
    }
    accept();
}

} // namespace lipa
