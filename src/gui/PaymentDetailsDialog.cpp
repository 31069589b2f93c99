// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentDetailsDialog.h"

#include "Journal.h"
#include "Palette.h"
#include "PaymentRules.h"
#include "RefundLog.h"
#include "RefundSlip.h"
#include "TillStack.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>

#include <iterator>

namespace lipa {

namespace {

QString localTime(const QDateTime& utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm:ss"))
                         : QString();
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QTableWidget* table(const char* name, const QString& accessibleName, const QStringList& headers,
                    QWidget* parent)
{
    auto* view = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setAccessibleName(accessibleName);
    view->setHorizontalHeaderLabels(headers);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    return view;
}

} // namespace

PaymentDetailsDialog::PaymentDetailsDialog(TillStack& stack, const QString& localRef, Printout::Paper paper,
                                           QWidget* parent)
    : QDialog(parent)
    , m_stack(stack)
    , m_localRef(localRef)
    , m_paper(paper)
{
    setObjectName(QStringLiteral("paymentDetails"));
    setWindowTitle(tr("Payment details"));
    auto* layout = new QVBoxLayout(this);
    m_fields = new QFormLayout;
    layout->addLayout(m_fields);

    layout->addWidget(sectionLabel(tr("History"), this));
    m_events = table("eventsTable", tr("Payment history"),
                     {tr("Time"), tr("Change"), tr("IntaSend state"), tr("Details")}, this);
    layout->addWidget(m_events, 1);

    m_refundsLabel = sectionLabel(tr("Refunds"), this);
    layout->addWidget(m_refundsLabel);
    m_refundsTable = table("refundsTable", tr("Refunds"),
                           {tr("Time"), tr("Amount"), tr("Status"), tr("Reason"), tr("IntaSend's request id"),
                            tr("IntaSend says")},
                           this);
    layout->addWidget(m_refundsTable);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_checkButton = buttons->addButton(tr("Check now"), QDialogButtonBox::ActionRole);
    m_checkButton->setObjectName(QStringLiteral("detailsCheckButton"));
    m_checkButton->setToolTip(tr("Ask IntaSend about this payment now (F5)"));
    m_checkButton->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_checkButton, &QPushButton::clicked, this, [this] { m_stack.till.check(m_localRef); });
    m_slipButton = buttons->addButton(tr("Print refund &slip…"), QDialogButtonBox::ActionRole);
    m_slipButton->setObjectName(QStringLiteral("printRefundSlip"));
    m_slipButton->setToolTip(tr("The slip of the refund chosen above (else the newest), for the customer"));
    connect(m_slipButton, &QPushButton::clicked, this, &PaymentDetailsDialog::printRefundSlip);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&m_stack.till, &Till::paymentChanged, this, [this](const Payment& payment) {
        if (payment.localRef == m_localRef)
            reload();
    });
    connect(&m_stack.refunds, &RefundDesk::refundChanged, this, [this](const Refund& refund) {
        if (refund.paymentRef == m_localRef)
            reloadRefunds();
    });
    reload();
    reloadRefunds();
    resize(680, 560);
}

void PaymentDetailsDialog::reload()
{
    const std::optional<Payment> payment = m_stack.journal.find(m_localRef);
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    if (!payment)
        return;
    const auto row = [this](const QString& label, const QString& value) {
        auto* text = new QLabel(value.isEmpty() ? QStringLiteral("—") : value, this);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        m_fields->addRow(label, text);
    };
    row(tr("Status"), stateDisplayName(payment->state));
    row(tr("Amount"), payment->amount.toDisplayString());
    // IntaSend's fee and what reaches the wallet are known once a reconciliation has read them.
    if (payment->charges)
        row(tr("Charges"), payment->charges->toDisplayString());
    if (payment->netAmount)
        row(tr("Net to wallet"), payment->netAmount->toDisplayString());
    // A part of a sale: the sale, where it stands, and every part with its receipt code.
    if (const std::optional<Sale> sale = m_stack.sales.sale(payment->saleRef)) {
        const QList<Payment> parts = m_stack.sales.parts(sale->ref);
        row(tr("Sale"),
            tr("Part %1 of %2 of a sale of %3: %4")
                .arg(payment->salePart)
                .arg(payment->saleParts)
                .arg(sale->total.toDisplayString(), SaleProgress::of(*sale, parts).summary(*sale)));
        QStringList lines;
        for (const Payment& part : parts)
            lines.append(
                tr("%1/%2 %3 %4 %5 %6")
                    .arg(part.salePart)
                    .arg(part.saleParts)
                    .arg(localTime(part.createdAt), part.amount.toDisplayString(), part.phone.masked(),
                         part.mpesaReceipt.isEmpty() ? stateDisplayName(part.state) : part.mpesaReceipt));
        row(tr("Parts of the sale"), lines.join(u'\n'));
        if (sale->closedShort())
            row(tr("Closed short"),
                tr("%1 (%2, %3)").arg(sale->shortReason, sale->closedBy, localTime(sale->closedAt)));
    }
    row(tr("Customer"), payment->phone.masked());
    row(tr("M-Pesa receipt"), payment->mpesaReceipt);
    row(tr("Details"), payment->failureMessage);
    row(tr("Created"), localTime(payment->createdAt));
    row(tr("Last change"), localTime(payment->updatedAt));
    row(tr("Local reference"), payment->localRef);
    row(tr("IntaSend invoice"), payment->invoiceId);
    if (!payment->replacesRef.isEmpty())
        row(tr("Sent again in place of"), payment->replacesRef);
    if (const std::optional<Payment> replacement = m_stack.journal.replacementOf(m_localRef))
        row(tr("Sent again as"),
            tr("%1 (%2)").arg(replacement->localRef, stateDisplayName(replacement->state)));
    row(tr("IntaSend state"), payment->remoteState);
    row(tr("M-Pesa result code"), payment->failedCode);
    row(tr("Till"), payment->tillName);
    if (!payment->replacesRef.isEmpty())
        row(tr("Re-sends"), payment->replacesRef);

    const QList<PaymentEvent> events = m_stack.journal.events(m_localRef);
    m_events->setRowCount(static_cast<int>(events.size()));
    for (int i = 0; i < events.size(); ++i) {
        const PaymentEvent& event = events.at(i);
        const QString change =
            event.from ? stateDisplayName(*event.from) + QStringLiteral(" → ") + stateDisplayName(event.to)
                       : tr("Recorded as %1").arg(stateDisplayName(event.to));
        m_events->setItem(i, 0, new QTableWidgetItem(localTime(event.at)));
        m_events->setItem(i, 1, new QTableWidgetItem(change));
        m_events->setItem(i, 2, new QTableWidgetItem(event.remoteState));
        m_events->setItem(i, 3, new QTableWidgetItem(event.detail));
    }
    m_checkButton->setEnabled(!payment->isFinal() || PaymentRules::isCheckable(*payment));
}

void PaymentDetailsDialog::reloadRefunds()
{
    m_refunds = m_stack.journal.refunds().ofPayment(m_localRef);
    m_refundsTable->setRowCount(static_cast<int>(m_refunds.size()));
    for (int i = 0; i < m_refunds.size(); ++i) {
        const Refund& refund = m_refunds.at(i);
        const QString reason = refund.details.isEmpty()
                                   ? RefundDesk::reasonName(refund.reason)
                                   : tr("%1: %2").arg(RefundDesk::reasonName(refund.reason), refund.details);
        // IntaSend's decision once there is one, else why it stands as it does.
        const QString says = refund.resolution.isEmpty() ? refund.message : refund.resolution;
        const QString texts[] = {localTime(refund.createdAt),   refund.amount.toDisplayString(),
                                 refundStateName(refund.state), reason,
                                 refund.chargebackId,           says};
        for (int column = 0; column < static_cast<int>(std::size(texts)); ++column)
            m_refundsTable->setItem(i, column, new QTableWidgetItem(texts[column]));
        m_refundsTable->item(i, 2)->setForeground(Palette::tone(Palette::toneOf(refund.state)));
    }
    const bool any = !m_refunds.isEmpty();
    m_refundsLabel->setVisible(any);
    m_refundsTable->setVisible(any);
    m_slipButton->setVisible(any);
}

void PaymentDetailsDialog::printRefundSlip()
{
    const std::optional<Payment> payment = m_stack.journal.find(m_localRef);
    if (!payment || m_refunds.isEmpty())
        return;
    const int chosen = m_refundsTable->currentRow();
    const Refund& refund =
        m_refunds.at(chosen >= 0 && chosen < m_refunds.size() ? chosen : m_refunds.size() - 1);
    CounterPrinter::printOrPreview(
        m_printer,
        Printout(refundSlipHtml(*payment, refund, m_stack.till.tillName(), m_stack.clock.now()), m_paper),
        this, tr("Refund slip"));
}

} // namespace lipa
