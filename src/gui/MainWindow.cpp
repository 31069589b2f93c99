// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "Announcer.h"
#include "ChargePanel.h"
#include "CounterPrinter.h"
#include "CsvExport.h"
#include "CustomerDisplay.h"
#include "HistoryFilterBar.h"
#include "MessageArea.h"
#include "NumericKeypad.h"
#include "Palette.h"
#include "PaymentActions.h"
#include "PaymentListModel.h"
#include "PinDialog.h"
#include "RefundActions.h"
#include "SettingsDialog.h"
#include "ShiftDesk.h"
#include "ShopService.h"
#include "ShopView.h"
#include "ShortcutSheet.h"
#include "StartupTrace.h"
#include "TabOrder.h"
#include "TillStack.h"
#include "TotalsPanel.h"
#include "WaitingCard.h"
#include "ui_MainWindow.h"

#include <QDir>
#include <QFileDialog>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace lipa {

using Palette::MessageKind;

namespace {

QString badgeText(const Environment& environment)
{
    switch (environment.kind) {
    case EnvironmentKind::Live:
        return MainWindow::tr("LIVE — real money");
    case EnvironmentKind::Custom:
        return MainWindow::tr("CUSTOM — %1").arg(environment.baseUrl.host());
    case EnvironmentKind::Sandbox:
        return MainWindow::tr("SANDBOX — test money");
    case EnvironmentKind::Demo:
        return MainWindow::tr("DEMO — no real money");
    }
    return {};
}

QIcon appIcon()
{
    QIcon icon = QIcon::fromTheme(QStringLiteral("lipa-till"));
    if (icon.isNull()) {
        icon.addFile(QStringLiteral(":/icons/256x256/apps/lipa-till.png"));
        icon.addFile(QStringLiteral(":/icons/48x48/apps/lipa-till.png"));
    }
    return icon;
}

} // namespace

MainWindow::MainWindow(TillStack& stack, const Environment& environment, qint64 maxSaleShillings,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_stack(stack)
    , m_isDemo(environment.kind == EnvironmentKind::Demo)
    , m_ui(std::make_unique<Ui_MainWindow>())
    , m_pin(std::make_unique<ManagerPin>(stack.clock, QString()))
{
    m_ui->setupUi(this);
    startupStep("  window: designer form");
    // Qt appends the application's display name: "DEMO — Lipa Till".
    setWindowTitle(environment.badge());
    setWindowIcon(appIcon());
    if (environment.kind == EnvironmentKind::Live) {
        // Live takes real money: it must be unmistakable from across the counter, not just in the title.
        auto* strip = new QLabel(tr("LIVE — real money"), m_ui->central);
        strip->setObjectName(QStringLiteral("liveStrip"));
        strip->setAlignment(Qt::AlignCenter);
        strip->setStyleSheet(Palette::badgeStyle(EnvironmentKind::Live, QStringLiteral("#liveStrip"),
                                                 QStringLiteral("padding:4px; border-radius:3px;")));
        m_ui->outerLayout->insertWidget(0, strip);
    }
    buildLeftColumn(maxSaleShillings);
    startupStep("  window: charge form, card, totals");
    buildList();
    startupStep("  window: list and filter bar");
    m_announcer = new Announcer(stack.till, this, m_settings.sound);
    m_shiftDesk =
        new ShiftDesk(stack, this, m_ui->shiftMenu, Printout::paperFromSetting(m_settings.receiptPaper));
    m_actions = new PaymentActions(stack, this, m_chargePanel, m_waitingCard, m_ui->paymentView,
                                   Printout::paperFromSetting(m_settings.receiptPaper));
    m_refundActions = new RefundActions(stack, this, m_ui->paymentView, m_ui->paymentMenu);
    m_refundActions->setPin(m_pin.get());
    m_actions->setPin(m_pin.get());
    startupStep("  window: announcer, shifts, actions");
    connectActions();
    buildStatusBar(environment);
    connectTill();
    startupStep("  window: status bar, connections");
    chainTabOrder(this, {m_messages, m_chargePanel, m_waitingCard, m_keypad, m_ui->paymentView, m_filterBar,
                         m_ui->exportButton, m_ui->checkButton, m_ui->resendButton});

    widenRangeToOpenPayments();
    applyFilter(m_filterBar->filter());
    startupStep("  window: first page and totals");
    m_chargePanel->focusAmount();
    setFocusProxy(m_chargePanel);
}

MainWindow::~MainWindow() = default;

QTableView* MainWindow::paymentView() const
{
    return m_ui->paymentView;
}

void MainWindow::buildLeftColumn(qint64 maxSaleShillings)
{
    QWidget* column = m_ui->leftColumn;
    m_messages = new MessageArea(column);
    m_chargePanel = new ChargePanel(maxSaleShillings, m_stack.sales.largestPart().wholeShillings(), column);
    m_waitingCard = new WaitingCard(m_stack.till, m_stack.sales, column);
    m_keypad = new NumericKeypad(column);
    m_keypad->hide();
    m_totals = new TotalsPanel(m_stack.journal, m_stack.clock, m_stack.till, column);
    int row = 0; // above the stretch that keeps them at the top
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_messages, m_chargePanel, m_waitingCard, m_keypad, m_totals})
        m_ui->leftLayout->insertWidget(row++, widget);
    // A fixed width: hints appearing under the fields must not make the list jump sideways.
    const int width = std::max(300, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 42);
    column->setFixedWidth(width);
    // On a short screen (1024×600, or large text) the form, keypad, card and totals scroll; the window
    // never grows past the screen.
    m_ui->leftScroll->setFixedWidth(width + m_ui->leftScroll->verticalScrollBar()->sizeHint().width());
}

void MainWindow::buildList()
{
    m_model = new PaymentListModel(m_stack.journal, m_stack.till, this);
    connect(&m_stack.refunds, &RefundDesk::refundChanged, m_model, &PaymentListModel::noteRefund);
    m_ui->paymentView->setModel(m_model);
    m_filterBar = new HistoryFilterBar(m_stack.clock, m_ui->central);
    m_ui->rightLayout->insertWidget(0, m_filterBar);
    m_totals->setFilterLine(m_ui->filterTotals);
    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, &MainWindow::applyFilter);
    // Down in the search field goes to the first payment found: search, Down, then F5, F8, F9 or Ctrl+P.
    if (auto* search = m_filterBar->findChild<QLineEdit*>(QStringLiteral("searchEdit")))
        search->installEventFilter(this);
    connect(m_ui->paymentView, &QTableView::activated, this, &MainWindow::showDetails);
}

void MainWindow::connectActions()
{
    PaymentActions* act = m_actions;
    connect(m_chargePanel, &ChargePanel::chargeRequested, act, &PaymentActions::charge);
    connect(m_chargePanel, &ChargePanel::checkoutRequested, act, &PaymentActions::chargeByCheckout);
    // Payment → Card or QR (F6): the form's sale through an IntaSend checkout, paid on the customer's phone.
    auto* checkoutAction = new QAction(tr("Card or &QR…"), this);
    checkoutAction->setObjectName(QStringLiteral("checkoutAction"));
    checkoutAction->setShortcut(QKeySequence(Qt::Key_F6));
    checkoutAction->setToolTip(tr("The customer pays by card or M-Pesa on their own phone, from a QR code"));
    m_ui->paymentMenu->insertAction(m_ui->checkAction, checkoutAction);
    connect(checkoutAction, &QAction::triggered, this, [this] {
        if (!m_chargePanel->submitByCheckout())
            statusBar()->showMessage(tr("Type the amount and the customer's phone, then press F6"), 5000);
    });
    if (ShopService* shop = m_stack.shopService.get())
        connect(m_chargePanel, &ChargePanel::saleStarted, shop, &ShopService::prepareGuard);
    connect(m_waitingCard, &WaitingCard::checkRequested, act, &PaymentActions::check);
    connect(m_waitingCard, &WaitingCard::resendRequested, act, &PaymentActions::resend);
    connect(m_waitingCard, &WaitingCard::cashRequested, act, &PaymentActions::useCash);
    connect(m_waitingCard, &WaitingCard::otherPhoneRequested, act, &PaymentActions::restFromOtherPhone);
    connect(m_waitingCard, &WaitingCard::closeShortRequested, act, &PaymentActions::closeSaleShort);
    // On a short screen the left column scrolls: a new QR code is brought into view for the customer.
    connect(m_waitingCard, &WaitingCard::qrCodeShown, this, [this](QWidget* code) {
        QTimer::singleShot(0, this, [this, code] { m_ui->leftScroll->ensureWidgetVisible(code, 0, 8); });
    });
    // A sale an earlier run left open: on the card, for the cashier to go on with (nothing is sent).
    connect(&m_stack.sales, &SaleDesk::openSaleFound, m_waitingCard, &WaitingCard::follow);
    connect(&m_stack.sales, &SaleDesk::notice, this, &MainWindow::showNotice);
    connect(m_ui->checkAction, &QAction::triggered, act, &PaymentActions::checkInFocus);
    connect(m_ui->checkButton, &QPushButton::clicked, act, &PaymentActions::checkInFocus);
    connect(m_ui->resendAction, &QAction::triggered, act, &PaymentActions::resendInFocus);
    connect(m_ui->resendButton, &QPushButton::clicked, act, &PaymentActions::resendInFocus);
    connect(m_ui->cashAction, &QAction::triggered, act, &PaymentActions::useCashInFocus);
    connect(m_ui->printAction, &QAction::triggered, act, &PaymentActions::printReceipt);
    connect(m_ui->pdfAction, &QAction::triggered, act, &PaymentActions::saveReceiptPdf);
    connect(m_ui->detailsAction, &QAction::triggered, act, &PaymentActions::showDetailsInFocus);
    // Payment → Open drawer: only with a drawer on a receipt printer (printer/drawer), behind the PIN.
    m_drawerAction = new QAction(tr("Open cash &drawer"), this);
    m_drawerAction->setObjectName(QStringLiteral("drawerAction"));
    m_drawerAction->setVisible(false);
    m_ui->paymentMenu->addAction(m_drawerAction);
    connect(m_drawerAction, &QAction::triggered, this, &MainWindow::openDrawer);

    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_messages, &MessageArea::settingsRequested, this, &MainWindow::openSettings);
    connect(m_ui->exportAction, &QAction::triggered, this, &MainWindow::chooseExportFile);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &MainWindow::chooseExportFile);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->keypadAction, &QAction::toggled, this, &MainWindow::showKeypad);
    m_customerDisplayAction = new QAction(tr("C&ustomer display"), this);
    m_customerDisplayAction->setObjectName(QStringLiteral("customerDisplayAction"));
    m_customerDisplayAction->setCheckable(true);
    m_customerDisplayAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    m_customerDisplayAction->setToolTip(
        tr("A window for the customer: the amount, the phone and whether it is paid"));
    m_ui->viewMenu->insertAction(m_ui->searchAction, m_customerDisplayAction);
    connect(m_customerDisplayAction, &QAction::toggled, this, &MainWindow::showCustomerDisplay);
    connect(m_ui->searchAction, &QAction::triggered, m_filterBar, &HistoryFilterBar::focusSearch);
    connect(m_ui->clearAction, &QAction::triggered, this, &MainWindow::clearForm);
    connect(m_ui->shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Every action's key in its tooltip (and the F1 sheet lists them all).
    for (QMenu* menu : menuBar()->findChildren<QMenu*>())
        menu->setToolTipsVisible(true);
    for (QAction* action : findChildren<QAction*>()) {
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        if (!key.isEmpty() && !action->toolTip().contains(key))
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->toolTip(), key));
    }
}

void MainWindow::connectTill()
{
    connect(&m_stack.till, &Till::notice, m_messages, [this](const QString& text, const QString& whileOpen) {
        m_messages->showMessage(MessageKind::Warning, text, whileOpen);
    });
    // "Still checking" is no longer true once the payment is final.
    connect(&m_stack.till, &Till::paymentChanged, m_messages, [this](const Payment& payment) {
        if (payment.isFinal())
            m_messages->paymentFinished(payment.localRef);
    });
    connect(&m_stack.resends, &ResendDesk::notice, this, &MainWindow::showNotice);
    connect(&m_stack.shifts, &ShiftBook::notice, this, &MainWindow::showNotice);
    connect(&m_stack.reconciler, &Reconciler::notice, this, &MainWindow::showNotice);
    connect(&m_stack.refunds, &RefundDesk::notice, this, &MainWindow::showNotice);
    connect(&m_stack.till, &Till::paidTwice, this, &MainWindow::tellToGiveCashBack);
    connect(&m_stack.health, &ServiceHealth::connectionStateChanged, this, &MainWindow::updateConnection);
    connect(&m_stack.health, &ServiceHealth::troubleChanged, m_messages,
            [this](const QString& trouble) { m_messages->showMessage(MessageKind::Trouble, trouble); });
    m_messages->showMessage(MessageKind::Trouble, m_stack.health.trouble());
}

void MainWindow::buildStatusBar(const Environment& environment)
{
    auto* badge = new QLabel(badgeText(environment), this);
    badge->setObjectName(QStringLiteral("environmentBadge"));
    badge->setStyleSheet(
        Palette::badgeStyle(environment.kind, {}, QStringLiteral("padding:2px 10px; border-radius:3px;")));
    badge->setAccessibleName(tr("Environment"));
    statusBar()->addWidget(badge);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_shiftDesk->statusLabel());
    updateConnection(m_stack.health.connectionState());
    if (ShopLink* shop = m_stack.shop.get()) {
        auto* shopLabel = new QLabel(this);
        shopLabel->setObjectName(QStringLiteral("shopLabel"));
        shopLabel->setAccessibleName(tr("Shop database"));
        shopLabel->setContentsMargins(12, 0, 4, 0); // apart from the shift's label beside it
        statusBar()->addPermanentWidget(shopLabel);
        const auto show = [shop, shopLabel] {
            shopLabel->setText(shop->statusText());
            shopLabel->setToolTip(shop->reason()); // why it is offline or refused
        };
        connect(shop, &ShopLink::statusChanged, shopLabel, show);
        connect(shop, &ShopLink::refused, this, &MainWindow::showNotice);
        show();
    }
    if (m_stack.shopService) {
        auto* shopAction = new QAction(tr("&Shop — every till"), this);
        shopAction->setObjectName(QStringLiteral("shopViewAction"));
        shopAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
        m_ui->viewMenu->addAction(shopAction);
        connect(shopAction, &QAction::triggered, this, &MainWindow::openShopView);
    }
}

QString MainWindow::firstRunBanner()
{
    return tr("Demo mode — no real money. Open Settings to connect your IntaSend account.");
}

void MainWindow::showBanner(const QString& text)
{
    m_messages->showMessage(MessageKind::Information, text);
}

void MainWindow::showNotice(const QString& text)
{
    m_messages->showMessage(MessageKind::Warning, text);
}

void MainWindow::setSettingsAccess(const Settings& settings, const QString& iniPath, KeyStore* keys)
{
    m_settings = settings;
    m_tillId = settings.tillId;
    m_iniPath = iniPath;
    m_keys = keys;
    m_pin = std::make_unique<ManagerPin>(m_stack.clock, settings.managerPinHash, iniPath);
    m_refundActions->setPin(m_pin.get());
    m_actions->setPin(m_pin.get());
    m_ui->settingsAction->setEnabled(keys != nullptr);
    m_messages->offerSettings(keys != nullptr);
    m_shiftDesk->setPaper(Printout::paperFromSetting(settings.receiptPaper));
    m_actions->setPaper(Printout::paperFromSetting(settings.receiptPaper));
    m_announcer->setEnabled(settings.sound);
    useCounterPrinter(settings);
    const std::optional<CustomerDisplaySetting> display =
        CustomerDisplaySetting::parse(settings.customerDisplay);
    if (display && display->where != CustomerDisplaySetting::Where::Off)
        m_customerDisplayAction->setChecked(true); // shows it
    m_ui->keypadAction->setChecked(settings.keypad);
}

void MainWindow::openSettings()
{
    if (!m_keys)
        return;
    PinDialog::ask(*m_pin, tr("Opening Settings"), this, [this] {
        auto* dialog = new SettingsDialog(m_settings, m_iniPath, *m_keys, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SettingsDialog::saved, this, &MainWindow::restartRequested, Qt::QueuedConnection);
        dialog->open();
    });
}

void MainWindow::tellToGiveCashBack(const Payment& payment)
{
    statusBar()->clearMessage(); // "recorded as paid in cash" is no longer the news
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Give the cash back"),
        tr("%1 from %2 was settled in cash, and then the customer approved the M-Pesa request as well "
           "(receipt %3).\n\nThe customer has paid twice: give them their cash back.")
            .arg(payment.amount.toDisplayString(), payment.phone.masked(), payment.mpesaReceipt),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("cashBackDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->open();
}

void MainWindow::applyFilter(const PaymentFilter& filter)
{
    m_model->setFilter(filter);
    m_totals->setFilter(filter);
}

void MainWindow::widenRangeToOpenPayments()
{
    const QDateTime now = m_stack.clock.now();
    const QDateTime startOfToday = now.toLocalTime().date().startOfDay().toUTC();
    const QDateTime oldestOpen = m_stack.journal.oldestInProgress();
    if (oldestOpen.isValid() && oldestOpen < startOfToday) {
        const QDateTime weekStart =
            HistoryFilterBar::bounds(HistoryFilterBar::Range::ThisWeek, now, {}, {}).first;
        m_filterBar->setRange(oldestOpen >= weekStart ? HistoryFilterBar::Range::ThisWeek
                                                      : HistoryFilterBar::Range::AllTime);
    }
}

void MainWindow::clearForm()
{
    // Esc empties the form; on an empty form it puts the card away (the payment goes on being checked).
    if (m_chargePanel->isBlank())
        m_waitingCard->stopWaiting();
    m_chargePanel->clear();
}

void MainWindow::chooseExportFile()
{
    PinDialog::ask(*m_pin, tr("Exporting payments"), this, [this] { chooseExportFileGranted(); });
}

void MainWindow::chooseExportFileGranted()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("lipa-till-%1.csv")
                          .arg(m_stack.clock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export payments"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool MainWindow::exportCsv(const QString& path)
{
    QString error;
    const qint64 written = CsvExport::write(m_stack.journal, m_model->filter(), path, &error);
    if (written < 0) {
        showNotice(tr("The export could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    statusBar()->showMessage(
        (written == 1 ? tr("Exported 1 payment to %1").arg(QDir::toNativeSeparators(path))
                      : tr("Exported %1 payments to %2").arg(written).arg(QDir::toNativeSeparators(path))),
        10000);
    return true;
}

void MainWindow::showShortcuts()
{
    (new ShortcutSheet(this))->open();
}

void MainWindow::openShopView()
{
    // Every till's takings are the owner's business: behind the manager PIN when there is one.
    const auto open = [this] {
        if (!m_shopView)
            m_shopView = new ShopView(*m_stack.shopService, m_stack.clock, this);
        m_shopView->show();
        m_shopView->raise();
        m_shopView->activateWindow();
    };
    if (m_pin && m_pin->isSet())
        PinDialog::ask(*m_pin, tr("Opening the shop view"), this, open);
    else
        open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Lipa Till"),
        tr("<h3>Lipa Till %1</h3><p>M-Pesa payments at the counter through IntaSend.</p>"
           "<p>Built with Qt %2.</p>")
                .arg(QStringLiteral(LIPA_VERSION), QString::fromLatin1(qVersion())) +
            (m_tillId.isEmpty() ? QString() : tr("<p>Till identity (till/id): %1</p>").arg(m_tillId)));
}

void MainWindow::showDetails(const QModelIndex& index)
{
    if (index.isValid())
        m_actions->showDetails(index.data(PaymentListModel::LocalRefRole).toString());
}

void MainWindow::updateConnection(ConnectionState state)
{
    switch (state) {
    case ConnectionState::NotYetUsed:
        m_connectionLabel->setText(tr("Ready"));
        m_connectionLabel->setStyleSheet({});
        break;
    case ConnectionState::Online:
        m_connectionLabel->setText(m_isDemo ? tr("● Connected to the IntaSend simulator")
                                            : tr("● Connected to IntaSend"));
        m_connectionLabel->setStyleSheet(Palette::textStyle(Tone::Good));
        break;
    case ConnectionState::Offline:
        m_connectionLabel->setText(tr("● Offline — cannot reach IntaSend"));
        m_connectionLabel->setStyleSheet(Palette::textStyle(Tone::Bad, true));
        break;
    }
}

void MainWindow::useCounterPrinter(const Settings& settings)
{
    delete m_printer;
    m_printer = nullptr;
    if (const std::optional<EscPosTarget> target = EscPosTarget::parse(settings.escposPrinter)) {
        m_printer = new CounterPrinter(*target, Printout::paperFromSetting(settings.receiptPaper),
                                       settings.cashDrawer, this);
        connect(m_printer, &CounterPrinter::printed, this,
                [this](const QString& text) { statusBar()->showMessage(text, 5000); });
        connect(m_printer, &CounterPrinter::failed, this, &MainWindow::showNotice);
        // Cash only: an M-Pesa payment never opens the drawer.
        connect(m_actions, &PaymentActions::cashTaken, m_printer, &CounterPrinter::openDrawer);
    }
    m_actions->setCounterPrinter(m_printer);
    m_shiftDesk->setCounterPrinter(m_printer);
    m_drawerAction->setVisible(m_printer && m_printer->hasDrawer());
}

void MainWindow::openDrawer()
{
    if (!m_printer || !m_printer->hasDrawer())
        return;
    PinDialog::ask(*m_pin, tr("Opening the cash drawer"), this, [this] {
        m_printer->openDrawer();
        statusBar()->showMessage(tr("Cash drawer opened"), 5000);
    });
}

void MainWindow::showCustomerDisplay(bool shown)
{
    if (!shown) {
        if (m_customerDisplay)
            m_customerDisplay->hide();
        return;
    }
    if (!m_customerDisplay) {
        const QString language =
            m_settings.customerLanguage == u"till" ? QString() : m_settings.customerLanguage;
        m_customerDisplay = new CustomerDisplay(m_stack.till, m_stack.till.tillName(), language, this);
        connect(m_waitingCard, &WaitingCard::following, m_customerDisplay, &CustomerDisplay::showPayment);
        connect(m_waitingCard, &WaitingCard::putAway, m_customerDisplay, &CustomerDisplay::showIdle);
        if (!m_waitingCard->localRef().isEmpty())
            m_waitingCard->refresh();
    }
    CustomerDisplaySetting where =
        CustomerDisplaySetting::parse(m_settings.customerDisplay).value_or(CustomerDisplaySetting{});
    if (where.where == CustomerDisplaySetting::Where::Off)
        where.where = CustomerDisplaySetting::Where::Window; // asked for from the menu
    if (!m_customerDisplay->showAs(where))
        showNotice(
            tr("There is no screen %1 for the customer display (till/customer_display): it is shown as a "
               "window instead.")
                .arg(where.screen));
}

void MainWindow::showKeypad(bool shown)
{
    m_keypad->setVisible(shown);
    m_settings.keypad = shown; // Settings saved later keep it
    QString error;
    if (!m_iniPath.isEmpty() &&
        !Settings::writeKeys(
            m_iniPath,
            {{QStringLiteral("till/keypad"), shown ? QStringLiteral("on") : QStringLiteral("off")}}, &error))
        statusBar()->showMessage(error, 10000);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down &&
        m_model->rowCount() > 0) {
        m_ui->paymentView->setFocus();
        m_ui->paymentView->selectRow(0);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace lipa
