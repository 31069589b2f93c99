// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "KeyStore.h"
#include "ManagerPin.h"
#include "Payment.h"
#include "PaymentFilter.h"
#include "ServiceHealth.h"
#include "Settings.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTableView;

namespace lipa {

class Announcer;
class ChargePanel;
class CustomerDisplay;
class CounterPrinter;
class HistoryFilterBar;
class MessageArea;
class NumericKeypad;
class PaymentActions;
class PaymentListModel;
class RefundActions;
class ShiftDesk;
class TillStack;
class TotalsPanel;
class Ui_MainWindow; // uic's, from ui/MainWindow.ui (its class lipa::MainWindow gives its strings our
                     // context)
class WaitingCard;

// The till's one window: lays out the charge form, the waiting card, today's totals and the live
// transaction list (ui/MainWindow.ui), keeps the environment (DEMO / SANDBOX / LIVE) and the connection
// state in view, and wires the keys, menus and buttons to the controllers that act (PaymentActions,
// RefundActions, ShiftDesk).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(TillStack& stack, const Environment& environment, qint64 maxSaleShillings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Lets the window open Settings (behind the manager PIN, if one is set) and guards the export with
    // the same PIN. Without it, Settings are not offered.
    void setSettingsAccess(const Settings& settings, const QString& iniPath, KeyStore* keys);
    // Opens Settings (asking for the PIN first when one is set).
    void openSettings();

    // What a till with nothing configured says above the form.
    static QString firstRunBanner();

    // A standing message above the form about how the till runs (demo mode, settings problems).
    void showBanner(const QString& text);
    // Something that just happened and needs reading (bad keys, an odd answer), until dismissed.
    void showNotice(const QString& text);
    // A sale settled in cash was paid by M-Pesa too: a warning that stays until the cashier closes it.
    void tellToGiveCashBack(const Payment& payment);

    // Writes the payments the list shows (its filter) to a CSV file; false with a message on failure.
    bool exportCsv(const QString& path);
    // Opens the details of the payment in that row of the list.
    void showDetails(const QModelIndex& index);

    ChargePanel* chargePanel() const { return m_chargePanel; }
    WaitingCard* waitingCard() const { return m_waitingCard; }
    Announcer* announcer() const { return m_announcer; }
    QTableView* paymentView() const;
    PaymentListModel* paymentModel() const { return m_model; }
    // The raw ESC/POS printer at the counter (printer/escpos), if there is one.
    CounterPrinter* counterPrinter() const { return m_printer; }
    // The customer's display, once it has been shown (till/customer_display or View → Customer display).
    CustomerDisplay* customerDisplay() const { return m_customerDisplay; }
    // Shows or hides it (View → Customer display); where, from till/customer_display.
    void showCustomerDisplay(bool shown);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // Settings were saved: the till should start again with them.
    void restartRequested();

private:
    void buildLeftColumn(qint64 maxSaleShillings);
    void buildList();
    void connectActions();
    void connectTill();
    void buildStatusBar(const Environment& environment);
    void applyFilter(const PaymentFilter& filter);
    // Payments from earlier days that are still open (a till restarted after midnight) must be in view.
    void widenRangeToOpenPayments();
    void clearForm();
    void chooseExportFile();
    void chooseExportFileGranted();
    void showAbout();
    void openShopView();
    void showShortcuts();
    void updateConnection(ConnectionState state);
    void showKeypad(bool shown);
    // printer/escpos and printer/drawer: receipts, reports and slips straight to the printer, the drawer.
    void useCounterPrinter(const Settings& settings);
    void openDrawer();

    TillStack& m_stack;
    bool m_isDemo;
    QString m_tillId;                     // shown in About
    class ShopView* m_shopView = nullptr; // made when first opened
    std::unique_ptr<Ui_MainWindow> m_ui;
    MessageArea* m_messages = nullptr;
    ChargePanel* m_chargePanel = nullptr;
    WaitingCard* m_waitingCard = nullptr;
    NumericKeypad* m_keypad = nullptr;
    TotalsPanel* m_totals = nullptr;
    HistoryFilterBar* m_filterBar = nullptr;
    PaymentListModel* m_model = nullptr;
    PaymentActions* m_actions = nullptr;
    RefundActions* m_refundActions = nullptr;
    ShiftDesk* m_shiftDesk = nullptr;
    Announcer* m_announcer = nullptr;
    QLabel* m_connectionLabel = nullptr;
    CounterPrinter* m_printer = nullptr;
    QAction* m_drawerAction = nullptr;
    CustomerDisplay* m_customerDisplay = nullptr;
    QAction* m_customerDisplayAction = nullptr;
    Settings m_settings;
    QString m_iniPath;
    KeyStore* m_keys = nullptr;
    std::unique_ptr<ManagerPin> m_pin;
};

} // namespace lipa
