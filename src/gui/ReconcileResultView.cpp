// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconcileResultView.h"

#include "Palette.h"

#include <QBoxLayout>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>

namespace lipa {

namespace {

QLabel* valueLabel(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString number(int value)
{
    return QLocale().toString(value);
}

QString amount(const std::optional<Money>& money)
{
    return money ? money->toDisplayString() : QStringLiteral("—");
}

// The journal's state key as the cashier reads it ("Complete" → "Paid").
QString stateHere(const QString& key)
{
    if (const std::optional<PaymentState> state = stateFromKey(key))
        return stateDisplayName(*state);
    return key;
}

enum ItemColumn {
    CategoryColumn,
    TimeColumn,
    ReferenceColumn,
    InvoiceColumn,
    HereColumn,
    ThereColumn,
    AmountHereColumn,
    AmountThereColumn,
    ReceiptColumn,
    ItemColumnCount
};

} // namespace

ReconcileResultView::ReconcileResultView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("reconcileResult"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_incomplete = new QLabel(this);
    m_incomplete->setObjectName(QStringLiteral("reconcileIncomplete"));
    m_incomplete->setTextFormat(Qt::PlainText);
    m_incomplete->setWordWrap(true);
    m_incomplete->setStyleSheet(Palette::textStyle(Tone::Bad, true));
    layout->addWidget(m_incomplete);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("reconcileVerdict"));
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);

    layout->addWidget(buildSummary());
    buildItemsTable();
    layout->addWidget(m_items, 1);
    clear();
}

QWidget* ReconcileResultView::buildSummary()
{
    m_summary = new QWidget(this);
    m_summary->setObjectName(QStringLiteral("reconcileSummary"));
    auto* form = new QFormLayout(m_summary);
    form->setContentsMargins(0, 0, 0, 0);
    m_paymentsHere = valueLabel("paymentsHereCount", m_summary);
    m_matched = valueLabel("matchedCount", m_summary);
    m_paidThereOnly = valueLabel("paidThereOnlyCount", m_summary);
    m_paidHereOnly = valueLabel("paidHereOnlyCount", m_summary);
    m_amountDiffers = valueLabel("amountDiffersCount", m_summary);
    m_otherSender = valueLabel("otherSenderCount", m_summary);
    m_paidAtIntaSend = valueLabel("paidAtIntaSend", m_summary);
    m_charges = valueLabel("intaSendCharges", m_summary);
    m_net = valueLabel("netToWallet", m_summary);
    form->addRow(tr("Payments here in the period"), m_paymentsHere);
    form->addRow(reconcileCategoryName(ReconcileCategory::Matched), m_matched);
    form->addRow(reconcileCategoryName(ReconcileCategory::PaidThereOnly), m_paidThereOnly);
    form->addRow(reconcileCategoryName(ReconcileCategory::PaidHereOnly), m_paidHereOnly);
    form->addRow(reconcileCategoryName(ReconcileCategory::AmountDiffers), m_amountDiffers);
    form->addRow(reconcileCategoryName(ReconcileCategory::OtherSender), m_otherSender);
    form->addRow(tr("Paid at IntaSend"), m_paidAtIntaSend);
    form->addRow(tr("IntaSend's charges"), m_charges);
    form->addRow(tr("Net to wallet"), m_net);
    return m_summary;
}

void ReconcileResultView::buildItemsTable()
{
    m_items = new QTableWidget(0, ItemColumnCount, this);
    m_items->setObjectName(QStringLiteral("reconcileItems"));
    m_items->setAccessibleName(tr("Payments worth a look"));
    m_items->setHorizontalHeaderLabels({tr("What"), tr("Time"), tr("Reference"), tr("Invoice"), tr("Here"),
                                        tr("At IntaSend"), tr("Amount here"), tr("Amount at IntaSend"),
                                        tr("M-Pesa ref")});
    m_items->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_items->horizontalHeader()->setStretchLastSection(true);
    m_items->verticalHeader()->hide();
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setTabKeyNavigation(false);
}

void ReconcileResultView::showResult(const Reconciliation& reconciliation)
{
    const ReconcileSummary& s = reconciliation.summary;
    // A count worth a look is in its category's colour; a zero is plain.
    const auto count = [](QLabel* label, int n, ReconcileCategory category, const QString& text) {
        label->setText(text);
        label->setStyleSheet(
            n > 0 ? Palette::textStyle(Palette::toneOf(category), category != ReconcileCategory::Matched)
                  : QString());
    };
    m_paymentsHere->setText(number(s.paymentsHere));
    count(m_matched, s.matched, ReconcileCategory::Matched, number(s.matched));
    count(m_paidThereOnly, s.paidThereOnly, ReconcileCategory::PaidThereOnly,
          s.paidThereOnly > 0 ? tr("%1 — recorded now").arg(number(s.paidThereOnly)) : number(0));
    count(m_paidHereOnly, s.paidHereOnly, ReconcileCategory::PaidHereOnly, number(s.paidHereOnly));
    count(m_amountDiffers, s.amountDiffers, ReconcileCategory::AmountDiffers, number(s.amountDiffers));
    count(m_otherSender, s.otherSender, ReconcileCategory::OtherSender,
          s.otherSender > 0
              ? tr("%1 (%2, not counted)").arg(number(s.otherSender), s.otherSenderSum.toDisplayString())
              : number(0));
    m_paidAtIntaSend->setText(s.paidAtIntaSend.toDisplayString());
    m_charges->setText(s.charges.toDisplayString());
    m_net->setText(s.net.toDisplayString());
    m_summary->show();

    m_incomplete->setText(tr("Incomplete: %1").arg(s.incompleteReason));
    m_incomplete->setVisible(!s.complete);
    m_verdict->setText(s.agrees() ? tr("IntaSend's records agree with the till's.")
                                  : tr("IntaSend's records and the till's do not all agree: the payments to "
                                       "look at are listed below."));
    m_verdict->setStyleSheet(Palette::textStyle(s.agrees() ? Tone::Good : Tone::Attention, true));
    m_verdict->show();

    m_items->setRowCount(static_cast<int>(reconciliation.items.size()));
    for (int row = 0; row < reconciliation.items.size(); ++row) {
        const ReconcileItem& item = reconciliation.items.at(row);
        const QString texts[ItemColumnCount] = {
            reconcileCategoryName(item.category),
            item.createdAt.isValid()
                ? QLocale().toString(item.createdAt.toLocalTime(), QStringLiteral("d MMM HH:mm"))
                : QString(),
            item.apiRef,
            item.invoiceId,
            stateHere(item.stateHere),
            item.stateThere,
            amount(item.amountHere),
            amount(item.amountThere),
            item.mpesaReference,
        };
        for (int column = 0; column < ItemColumnCount; ++column)
            m_items->setItem(row, column, new QTableWidgetItem(texts[column]));
        m_items->item(row, CategoryColumn)->setForeground(Palette::ofCategory(item.category));
    }
}

void ReconcileResultView::clear()
{
    m_summary->hide();
    m_incomplete->hide();
    m_verdict->hide();
    m_items->setRowCount(0);
}

} // namespace lipa
