// SPDX-License-Identifier: GPL-3.0-or-later
#include "RefundActions.h"

#include "AskFirst.h"
#include "PaymentListModel.h"
#include "PinDialog.h"
#include "PrintHtml.h"
#include "RefundDialog.h"
#include "RefundLog.h"
#include "TillStack.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>

#include <utility>

namespace lipa {

RefundActions::RefundActions(TillStack& stack, QMainWindow* window, QTableView* list, QMenu* menu)
    : QObject(window)
    , m_stack(stack)
    , m_window(window)
    , m_list(list)
{
    menu->addSeparator();
    m_request = menu->addAction(tr("Request re&fund…"));
    m_request->setObjectName(QStringLiteral("requestRefundAction"));
    m_request->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_sendAgain = menu->addAction(tr("Refund request: send a&gain…"));
    m_sendAgain->setObjectName(QStringLiteral("sendRefundAgainAction"));
    m_sendAgain->setToolTip(tr("The refund request may not have reached IntaSend: send it again"));
    m_withdraw = menu->addAction(tr("Refund request: &withdraw…"));
    m_withdraw->setObjectName(QStringLiteral("withdrawRefundAction"));
    m_withdraw->setToolTip(tr("The refund request may not have reached IntaSend: withdraw it"));
    connect(m_request, &QAction::triggered, this, &RefundActions::requestRefund);
    connect(m_sendAgain, &QAction::triggered, this, &RefundActions::sendAgain);
    connect(m_withdraw, &QAction::triggered, this, &RefundActions::withdraw);

    // What may be asked changes with the chosen row, with its payment, and with its refunds.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &RefundActions::update);
    QAbstractItemModel* model = m_list->model();
    connect(model, &QAbstractItemModel::modelReset, this, &RefundActions::update);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const int row = m_list->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    update();
            });
    connect(&m_stack.refunds, &RefundDesk::refundChanged, this, &RefundActions::update);
    update();
}

std::optional<Payment> RefundActions::chosen() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_stack.journal.find(current.data(PaymentListModel::LocalRefRole).toString());
}

std::optional<Refund> RefundActions::unconfirmedOf(const QString& paymentRef) const
{
    const QList<Refund> refunds = m_stack.journal.refunds().ofPayment(paymentRef);
    for (auto it = refunds.crbegin(); it != refunds.crend(); ++it) {
        if (it->state == RefundState::Unconfirmed)
            return *it;
    }
    return std::nullopt;
}

void RefundActions::update()
{
    const std::optional<Payment> payment = chosen();
    const QString why =
        payment ? m_stack.refunds.whyNot(*payment) : tr("Choose the paid payment in the list first");
    const QString tip = why.isEmpty() ? tr("Ask IntaSend to refund the chosen payment to the customer") : why;
    // The key stays in the tooltip whatever it says (the window puts it there once, at the start).
    m_request->setToolTip(
        QStringLiteral("%1 (%2)").arg(tip, m_request->shortcut().toString(QKeySequence::NativeText)));
    m_request->setStatusTip(tip);
    m_request->setEnabled(why.isEmpty());
    const bool unconfirmed = payment && unconfirmedOf(payment->localRef).has_value();
    m_sendAgain->setEnabled(unconfirmed);
    m_withdraw->setEnabled(unconfirmed);
}

void RefundActions::withPin(const QString& purpose, std::function<void()> granted)
{
    Q_ASSERT(m_pin); // the window sets it as soon as it makes the actions
    if (m_pin)
        PinDialog::ask(*m_pin, purpose, m_window, std::move(granted));
}

void RefundActions::showStatus(const QString& text, int timeoutMs)
{
    m_window->statusBar()->showMessage(text, timeoutMs);
}

void RefundActions::requestRefund()
{
    const std::optional<Payment> payment = chosen();
    const QString why =
        payment ? m_stack.refunds.whyNot(*payment) : tr("Choose the paid payment in the list first");
    if (!why.isEmpty()) {
        showStatus(why);
        return;
    }
    withPin(tr("Requesting a refund"), [this, ref = payment->localRef] { openDialog(ref); });
}

void RefundActions::openDialog(const QString& paymentRef)
{
    // Looked at again: the payment or its refunds may have changed while the PIN was typed.
    const std::optional<Payment> payment = m_stack.journal.find(paymentRef);
    if (!payment)
        return;
    if (const QString why = m_stack.refunds.whyNot(*payment); !why.isEmpty()) {
        showStatus(why);
        return;
    }
    const std::optional<Shift> shift = m_stack.shifts.current();
    auto* dialog = new RefundDialog(m_stack.refunds, m_stack.journal, *payment,
                                    shift ? shift->cashier : QString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        showStatus(tr("Refund request sent to IntaSend; its staff decide. Payment → Details shows how it "
                      "stands."));
    });
    dialog->open();
}

void RefundActions::sendAgain()
{
    const std::optional<Payment> payment = chosen();
    const std::optional<Refund> refund = payment ? unconfirmedOf(payment->localRef) : std::nullopt;
    if (!refund) {
        showStatus(tr("The chosen payment has no unconfirmed refund request"));
        return;
    }
    withPin(tr("Sending a refund request again"), [this, refund = *refund] {
        Question question;
        question.dialogName = QStringLiteral("sendRefundAgainDialog");
        question.title = tr("Send the refund request again?");
        question.text = tr("The request to refund %1, made at %2, may not have reached IntaSend.")
                            .arg(refund.amount.toDisplayString(), PrintHtml::localTime(refund.createdAt));
        if (!refund.message.isEmpty())
            question.text += u' ' + refund.message;
        question.text +=
            QStringLiteral("\n\n") +
            tr("Look for it on IntaSend's dashboard first: if it is there, sending it again asks "
               "for the refund twice.");
        question.doText = tr("&Send again");
        question.doName = QStringLiteral("sendRefundAgain");
        question.dontText = tr("&Don't send");
        question.dontName = QStringLiteral("dontSendRefundAgain");
        askFirst(m_window, question, [this, id = refund.id] {
            if (!m_stack.refunds.sendAgain(id))
                showStatus(tr("The refund request was not sent again"));
            update();
        });
    });
}

void RefundActions::withdraw()
{
    const std::optional<Payment> payment = chosen();
    const std::optional<Refund> refund = payment ? unconfirmedOf(payment->localRef) : std::nullopt;
    if (!refund) {
        showStatus(tr("The chosen payment has no unconfirmed refund request"));
        return;
    }
    withPin(tr("Withdrawing a refund request"), [this, refund = *refund] {
        Question question;
        question.icon = QMessageBox::Question;
        question.dialogName = QStringLiteral("withdrawRefundDialog");
        question.title = tr("Withdraw the refund request?");
        question.text = tr("Withdraw the request to refund %1, made at %2? The till stops following it. If "
                           "IntaSend has it after all, it is dealt with on IntaSend's dashboard.")
                            .arg(refund.amount.toDisplayString(), PrintHtml::localTime(refund.createdAt));
        question.doText = tr("&Withdraw");
        question.doName = QStringLiteral("withdrawRefund");
        question.dontText = tr("&Keep it");
        question.dontName = QStringLiteral("keepRefund");
        askFirst(m_window, question, [this, id = refund.id] {
            if (!m_stack.refunds.withdraw(id))
                showStatus(tr("The refund request could not be withdrawn"));
            update();
        });
    });
}

} // namespace lipa
