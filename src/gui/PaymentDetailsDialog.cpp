// SPDX-License-Identifier: GPL-3.0-or-later
#include "PaymentDetailsDialog.h"

#include "Journal.h"
#include "PaymentRules.h"
#include "Till.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>

namespace lipa {

namespace {

QString localTime(const QDateTime& utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm:ss"))
                         : QString();
}

} // namespace

PaymentDetailsDialog::PaymentDetailsDialog(const Journal& journal, Till& till, const QString& localRef,
                                           QWidget* parent)
    : QDialog(parent)
    , m_journal(journal)
    , m_till(till)
    , m_localRef(localRef)
{
    setObjectName(QStringLiteral("paymentDetails"));
    setWindowTitle(tr("Payment details"));
    auto* layout = new QVBoxLayout(this);
    m_fields = new QFormLayout;
    layout->addLayout(m_fields);

    auto* historyLabel = new QLabel(tr("History"), this);
    QFont bold = historyLabel->font();
    bold.setBold(true);
    historyLabel->setFont(bold);
    layout->addWidget(historyLabel);
    m_events = new QTableWidget(0, 4, this);
    m_events->setObjectName(QStringLiteral("eventsTable"));
    m_events->setAccessibleName(tr("Payment history"));
    m_events->setHorizontalHeaderLabels({tr("Time"), tr("Change"), tr("IntaSend state"), tr("Details")});
    m_events->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->verticalHeader()->hide();
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_events, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_checkButton = buttons->addButton(tr("Check now"), QDialogButtonBox::ActionRole);
    m_checkButton->setObjectName(QStringLiteral("detailsCheckButton"));
    m_checkButton->setToolTip(tr("Ask IntaSend about this payment now (F5)"));
    m_checkButton->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_checkButton, &QPushButton::clicked, this, [this] { m_till.check(m_localRef); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&till, &Till::paymentChanged, this, [this](const Payment& payment) {
        if (payment.localRef == m_localRef)
            reload();
    });
    reload();
    resize(640, 520);
}

void PaymentDetailsDialog::reload()
{
    const std::optional<Payment> payment = m_journal.find(m_localRef);
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
    row(tr("Customer"), payment->phone.masked());
    row(tr("M-Pesa receipt"), payment->mpesaReceipt);
    row(tr("Details"), payment->failureMessage);
    row(tr("Created"), localTime(payment->createdAt));
    row(tr("Last change"), localTime(payment->updatedAt));
    row(tr("Local reference"), payment->localRef);
    row(tr("IntaSend invoice"), payment->invoiceId);
    if (!payment->replacesRef.isEmpty())
        row(tr("Sent again in place of"), payment->replacesRef);
    if (const std::optional<Payment> replacement = m_journal.replacementOf(m_localRef))
        row(tr("Sent again as"),
            tr("%1 (%2)").arg(replacement->localRef, stateDisplayName(replacement->state)));
    row(tr("IntaSend state"), payment->remoteState);
    row(tr("M-Pesa result code"), payment->failedCode);
    row(tr("Till"), payment->tillName);
    if (!payment->replacesRef.isEmpty())
        row(tr("Re-sends"), payment->replacesRef);

    const QList<PaymentEvent> events = m_journal.events(m_localRef);
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

} // namespace lipa
