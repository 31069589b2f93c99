// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Payment.h"
#include "Refund.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMainWindow;
class QMenu;
class QTableView;

namespace lipa {

class ManagerPin;
class TillStack;

// The Payment menu's refund actions on the payment chosen in the list, each behind the manager PIN when
// one is set: request a refund (only where one may be asked), and, for a request that may not have
// reached IntaSend, send it again or withdraw it (after the cashier has looked at IntaSend's dashboard).
class RefundActions : public QObject {
    Q_OBJECT
public:
    RefundActions(TillStack& stack, QMainWindow* window, QTableView* list, QMenu* menu);

    // The PIN that guards the actions: the window's, which it replaces when Settings change.
    void setPin(ManagerPin* pin) { m_pin = pin; }

    void requestRefund();
    void sendAgain();
    void withdraw();
    // Enables the actions for the chosen payment; the request's tooltip says why not when it cannot be.
    void update();

private:
    std::optional<Payment> chosen() const;
    // The newest request of the payment left Unconfirmed, if any.
    std::optional<Refund> unconfirmedOf(const QString& paymentRef) const;
    void withPin(const QString& purpose, std::function<void()> granted);
    void openDialog(const QString& paymentRef);
    void showStatus(const QString& text, int timeoutMs = 10000);

    TillStack& m_stack;
    QMainWindow* m_window;
    QTableView* m_list;
    ManagerPin* m_pin = nullptr;
    QAction* m_request = nullptr;
    QAction* m_sendAgain = nullptr;
    QAction* m_withdraw = nullptr;
};

} // namespace lipa
