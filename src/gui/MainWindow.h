#pragma once

#include "Environment.h"
#include "KeyStore.h"
#include "ManagerPin.h"
#include "Printout.h"
#include "Settings.h"
#include "Till.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QTableView;

namespace lipa {

class ChargePanel;
class HistoryFilterBar;
class PaymentListModel;
class WaitingCard;
class ShiftDesk;
class Announcer;
class NumericKeypad;

// The till's one window: the charge form, today's totals and the live transaction list, with the
// environment (DEMO / SANDBOX / LIVE) and the connection state always in view.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Till& till, const Environment& environment, qint64 maxAmountShillings,
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
    // Opens the details of the payment in the list's current row.
    void showDetails(const QModelIndex& index);

    ChargePanel* chargePanel() const { return m_chargePanel; }
    WaitingCard* waitingCard() const { return m_waitingCard; }
    ShiftDesk* shiftDesk() const { return m_shiftDesk; }
    Announcer* announcer() const { return m_announcer; }
    HistoryFilterBar* filterBar() const { return m_filterBar; }
    QTableView* paymentView() const { return m_paymentView; }
    PaymentListModel* paymentModel() const { return m_model; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // Settings were saved: the till should start again with them.
    void restartRequested();

private:
    void buildStatusBar(const Environment& environment);
    void onChargeRequested(Money amount, const PhoneNumber& phone);
    void updateTotals();
    void applyFilter(const PaymentFilter& filter);
    void updateFilterTotals();
    void chooseExportFile();
    void chooseExportFileGranted();
    void showAbout();
    void showShortcuts();
    void updateConnection(ConnectionState state);
    void checkSelected();
    // The payment a receipt is asked for (see paymentInFocus), or nullopt with a word in the status bar.
    std::optional<Payment> receiptInFocus();
    Printout receiptOf(const Payment& payment) const;
    void printReceipt();
    void saveReceiptPdf();
    void showKeypad(bool shown);
    void showDetailsOf(const QString& localRef);
    // The payment the list's actions (F5, F8) apply to: the selected one, else the newest.
    QString paymentInFocus() const;
    // Asks before charging a sale that is already on its way to the customer's phone.
    void confirmDuplicateCharge(Money amount, const PhoneNumber& phone, const Payment& earlier,
                                const QString& note);
    void showAlreadyPaid(const Payment& earlier);
    void charge(Money amount, const PhoneNumber& phone);
    void resendSelected();
    // After a payment was sent: the card follows it, the form is ready for the next customer.
    void readyForNextSale(const QString& sentRef);
    void resendPayment(const QString& localRef);
    void askToResend(const ResendCheck& check);
    // "Use cash": the sale is paid in cash instead; asks first, then records it (after a last check).
    void useCash(const QString& localRef);
    void showServiceTrouble(const QString& message);

    Till& m_till;
    bool m_isDemo;
    ChargePanel* m_chargePanel = nullptr;
    WaitingCard* m_waitingCard = nullptr;
    PaymentListModel* m_model = nullptr;
    QTableView* m_paymentView = nullptr;
    QLabel* m_banner = nullptr;
    QWidget* m_bannerFrame = nullptr;
    QAction* m_settingsAction = nullptr;
    Settings m_settings;
    QString m_iniPath;
    KeyStore* m_keys = nullptr;
    std::unique_ptr<ManagerPin> m_pin;
    QLabel* m_troubleBanner = nullptr;
    bool m_resendCheckInFlight = false;
    bool m_cashCheckInFlight = false;
    bool m_duplicateCheckInFlight = false;
    QWidget* m_notice = nullptr;
    QLabel* m_noticeText = nullptr;
    QLabel* m_paidTotal = nullptr;
    QLabel* m_waitingTotal = nullptr;
    QLabel* m_filterTotals = nullptr;
    HistoryFilterBar* m_filterBar = nullptr;
    ShiftDesk* m_shiftDesk = nullptr;
    Announcer* m_announcer = nullptr;
    NumericKeypad* m_keypad = nullptr;
    QAction* m_keypadAction = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QTimer m_totalsRefresh;
};

} // namespace lipa
