#include "MainWindow.h"

#include "Announcer.h"
#include "AskFirst.h"
#include "ChargePanel.h"
#include "CsvExport.h"
#include "HistoryFilterBar.h"
#include "NumericKeypad.h"
#include "PaymentDetailsDialog.h"
#include "PaymentListModel.h"
#include "PaymentStateDelegate.h"
#include "PinDialog.h"
#include "Printout.h"
#include "Printouts.h"
#include "SettingsDialog.h"
#include "ShiftDesk.h"
#include "WaitingCard.h"

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace lipa {

namespace {

QString badgeStyle(EnvironmentKind kind)
{
    switch (kind) {
    case EnvironmentKind::Live:
        return QStringLiteral(
            "background:#b31d1d; color:white; font-weight:bold; padding:2px 10px; border-radius:3px;");
    case EnvironmentKind::Custom:
        return QStringLiteral(
            "background:#6b3fa0; color:white; font-weight:bold; padding:2px 10px; border-radius:3px;");
    case EnvironmentKind::Sandbox:
        return QStringLiteral(
            "background:#1d4ea8; color:white; font-weight:bold; padding:2px 10px; border-radius:3px;");
    case EnvironmentKind::Demo:
        return QStringLiteral(
            "background:#f2b705; color:black; font-weight:bold; padding:2px 10px; border-radius:3px;");
    }
    return {};
}

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

QLabel* makeTotalLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    label->setFont(font);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true); // longer words in Kiswahili, large text: wrap inside the column
    return label;
}

} // namespace

MainWindow::MainWindow(Till& till, const Environment& environment, qint64 maxAmountShillings, QWidget* parent)
    : QMainWindow(parent)
    , m_till(till)
    , m_isDemo(environment.kind == EnvironmentKind::Demo)
{
    // Qt appends the application's display name: "DEMO — Lipa Till".
    setWindowTitle(environment.badge());
    QIcon icon = QIcon::fromTheme(QStringLiteral("lipa-till"));
    if (icon.isNull()) {
        icon.addFile(QStringLiteral(":/icons/256x256/apps/lipa-till.png"));
        icon.addFile(QStringLiteral(":/icons/48x48/apps/lipa-till.png"));
    }
    setWindowIcon(icon);
    setObjectName(QStringLiteral("MainWindow"));

    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    if (environment.kind == EnvironmentKind::Live) {
        // Live takes real money: it must be unmistakable from across the counter, not just in the title.
        auto* strip = new QLabel(tr("LIVE — real money"), central);
        strip->setObjectName(QStringLiteral("liveStrip"));
        strip->setAlignment(Qt::AlignCenter);
        strip->setStyleSheet(QStringLiteral("#liveStrip { background:#b31d1d; color:white; font-weight:bold; "
                                            "padding:4px; border-radius:3px; }"));
        outer->addWidget(strip);
    }
    auto* columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    auto* left = new QVBoxLayout;
    m_bannerFrame = new QFrame(central);
    m_bannerFrame->setObjectName(QStringLiteral("bannerFrame"));
    m_bannerFrame->setStyleSheet(
        QStringLiteral("#bannerFrame { background:#fff4cc; border:1px solid #e0c060; border-radius:3px; }"));
    auto* bannerLayout = new QVBoxLayout(m_bannerFrame);
    bannerLayout->setContentsMargins(6, 6, 6, 6);
    m_banner = new QLabel(m_bannerFrame);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    bannerLayout->addWidget(m_banner);
    auto* bannerSettings = new QPushButton(tr("Open Settings (Ctrl+,)"), m_bannerFrame);
    bannerSettings->setObjectName(QStringLiteral("bannerSettingsButton"));
    bannerSettings->setFocusPolicy(Qt::TabFocus);
    connect(bannerSettings, &QPushButton::clicked, this, &MainWindow::openSettings);
    bannerLayout->addWidget(bannerSettings, 0, Qt::AlignLeft);
    m_bannerFrame->hide();
    left->addWidget(m_bannerFrame);

    m_troubleBanner = new QLabel(central);
    m_troubleBanner->setObjectName(QStringLiteral("serviceTrouble"));
    m_troubleBanner->setWordWrap(true);
    m_troubleBanner->setTextFormat(Qt::PlainText);
    m_troubleBanner->setStyleSheet(QStringLiteral("#serviceTrouble { background:#b31d1d; color:white; "
                                                  "font-weight:bold; padding:6px; border-radius:3px; }"));
    m_troubleBanner->setAccessibleName(tr("Connection problem"));
    m_troubleBanner->hide();
    left->addWidget(m_troubleBanner);

    m_notice = new QFrame(central);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setStyleSheet(
        QStringLiteral("#notice { background:#fde2e2; border:1px solid #d08080; border-radius:3px; }"));
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(6, 4, 4, 4);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setObjectName(QStringLiteral("noticeText"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setTextFormat(Qt::PlainText); // server text is never markup
    noticeLayout->addWidget(m_noticeText, 1);
    auto* dismiss = new QToolButton(m_notice);
    dismiss->setObjectName(QStringLiteral("dismissNotice"));
    dismiss->setText(QStringLiteral("\u00d7"));
    dismiss->setAutoRaise(true);
    dismiss->setAccessibleName(tr("Dismiss message"));
    dismiss->setToolTip(tr("Dismiss this message"));
    connect(dismiss, &QToolButton::clicked, m_notice, &QWidget::hide);
    noticeLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_notice->hide();
    left->addWidget(m_notice);

    m_chargePanel = new ChargePanel(maxAmountShillings, central);
    left->addWidget(m_chargePanel);
    m_waitingCard = new WaitingCard(till, central);
    left->addWidget(m_waitingCard);
    m_keypad = new NumericKeypad(central);
    m_keypad->hide();
    left->addWidget(m_keypad);

    connect(m_waitingCard, &WaitingCard::checkRequested, &till, &Till::checkNow);
    connect(m_waitingCard, &WaitingCard::resendRequested, this, &MainWindow::resendPayment);
    connect(m_waitingCard, &WaitingCard::cashRequested, this, &MainWindow::useCash);

    auto* totalsFrame = new QFrame(central);
    totalsFrame->setObjectName(QStringLiteral("totals"));
    totalsFrame->setFrameShape(QFrame::StyledPanel);
    auto* totals = new QVBoxLayout(totalsFrame);
    auto* totalsTitle = new QLabel(tr("Today"), totalsFrame);
    QFont titleFont = totalsTitle->font();
    titleFont.setBold(true);
    totalsTitle->setFont(titleFont);
    totals->addWidget(totalsTitle);
    m_paidTotal = makeTotalLabel(totalsFrame);
    m_paidTotal->setObjectName(QStringLiteral("paidTotal"));
    m_waitingTotal = makeTotalLabel(totalsFrame);
    m_waitingTotal->setObjectName(QStringLiteral("waitingTotal"));
    totals->addWidget(m_paidTotal);
    totals->addWidget(m_waitingTotal);
    left->addWidget(totalsFrame);
    left->addStretch();
    auto* leftColumn = new QWidget(central);
    leftColumn->setLayout(left);
    left->setContentsMargins(0, 0, 0, 0);
    // A fixed width: hints appearing under the fields must not make the list jump sideways.
    const int leftWidth = std::max(300, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 42);
    leftColumn->setFixedWidth(leftWidth);
    // On a short screen (1024×600, or large text) the form, keypad, card and totals scroll; the window
    // never grows past the screen.
    auto* leftScroll = new QScrollArea(central);
    leftScroll->setObjectName(QStringLiteral("leftScroll"));
    leftScroll->setWidget(leftColumn);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftScroll->setFixedWidth(leftWidth + leftScroll->verticalScrollBar()->sizeHint().width());
    leftScroll->setFocusPolicy(Qt::NoFocus);
    columns->addWidget(leftScroll, 0);

    m_model = new PaymentListModel(till, this);
    m_paymentView = new QTableView(central);
    m_paymentView->setObjectName(QStringLiteral("paymentView"));
    m_paymentView->setAccessibleName(tr("Payments"));
    m_paymentView->setModel(m_model);
    m_paymentView->setItemDelegateForColumn(PaymentListModel::StateColumn,
                                            new PaymentStateDelegate(m_paymentView));
    m_paymentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the list (rows are chosen with the arrow keys): the buttons below must be reachable.
    m_paymentView->setTabKeyNavigation(false);
    m_paymentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_paymentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_paymentView->setAlternatingRowColors(true);
    m_paymentView->setWordWrap(false);
    m_paymentView->verticalHeader()->hide();
    QFont tableFont = m_paymentView->font();
    tableFont.setPointSizeF(tableFont.pointSizeF() * 1.15);
    m_paymentView->setFont(tableFont);
    m_paymentView->verticalHeader()->setDefaultSectionSize(QFontMetrics(tableFont).height() + 14);
    QHeaderView* header = m_paymentView->horizontalHeader();
    // Widths from the font, not from the contents: ResizeToContents measured every loaded row again on
    // each new payment, which delayed the next request by milliseconds and grows with the history.
    const QFontMetrics metrics(tableFont);
    QFont boldFont = tableFont;
    boldFont.setBold(true);
    const auto widthOf = [&metrics](const QString& sample) { return metrics.horizontalAdvance(sample) + 14; };
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(PaymentListModel::TimeColumn, widthOf(QStringLiteral("28 Nov 23:59")));
    header->resizeSection(PaymentListModel::PhoneColumn,
                          widthOf(QStringLiteral("0712 \u2022\u2022\u2022 678")));
    header->resizeSection(PaymentListModel::AmountColumn, widthOf(QStringLiteral("KES 250,000")));
    int widestState = 0; // in whatever language the till speaks
    for (PaymentState state : {PaymentState::Sending, PaymentState::Pending, PaymentState::Processing,
                               PaymentState::Complete, PaymentState::Failed, PaymentState::Expired,
                               PaymentState::Rejected, PaymentState::Unknown, PaymentState::Cash})
        widestState =
            std::max(widestState, QFontMetrics(boldFont).horizontalAdvance(stateDisplayName(state)));
    header->resizeSection(PaymentListModel::StateColumn, widestState + metrics.height() + 20);
    header->resizeSection(PaymentListModel::ReceiptColumn, widthOf(QStringLiteral("QKL4AB12CDX")));
    header->setSectionResizeMode(PaymentListModel::DetailColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    auto* right = new QVBoxLayout;
    m_filterBar = new HistoryFilterBar(till.clock(), central);
    right->addWidget(m_filterBar);
    right->addWidget(m_paymentView, 1);
    auto* actions = new QHBoxLayout;
    m_filterTotals = new QLabel(central);
    m_filterTotals->setObjectName(QStringLiteral("filterTotals"));
    m_filterTotals->setTextFormat(Qt::RichText);
    // However long the summary gets (more states, another language), it wraps: the window never grows
    // past the screen.
    m_filterTotals->setWordWrap(true);
    m_filterTotals->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    actions->addWidget(m_filterTotals, 1);
    auto* exportButton = new QPushButton(tr("Export CSV…"), central);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setToolTip(tr("Save the payments shown as a spreadsheet file (Ctrl+E)"));
    exportButton->setAccessibleName(tr("Export CSV"));
    exportButton->setFocusPolicy(Qt::TabFocus);
    connect(exportButton, &QPushButton::clicked, this, &MainWindow::chooseExportFile);
    actions->addWidget(exportButton);
    auto* checkButton = new QPushButton(tr("Check now (F5)"), central);
    checkButton->setObjectName(QStringLiteral("checkButton"));
    checkButton->setToolTip(tr("Ask IntaSend about the selected payment now (F5)"));
    checkButton->setFocusPolicy(Qt::TabFocus);
    actions->addWidget(checkButton);
    auto* resendButton = new QPushButton(tr("Resend… (F8)"), central);
    resendButton->setObjectName(QStringLiteral("resendButton"));
    resendButton->setToolTip(tr("Send the selected failed, expired or unknown payment again, after one last "
                                "check of it (F8)"));
    resendButton->setFocusPolicy(Qt::TabFocus);
    actions->addWidget(resendButton);
    right->addLayout(actions);
    columns->addLayout(right, 1);
    setCentralWidget(central);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu* paymentMenu = menuBar()->addMenu(tr("&Payment"));
    QMenu* shiftMenu = menuBar()->addMenu(tr("S&hift"));
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* checkAction = new QAction(tr("&Check now"), this);
    checkAction->setShortcut(QKeySequence(Qt::Key_F5));
    checkAction->setToolTip(tr("Ask IntaSend about the selected payment now (F5)"));
    connect(checkAction, &QAction::triggered, this, &MainWindow::checkSelected);
    connect(checkButton, &QPushButton::clicked, this, &MainWindow::checkSelected);
    addAction(checkAction);
    paymentMenu->addAction(checkAction);
    auto* resendAction = new QAction(tr("&Resend…"), this);
    resendAction->setShortcut(QKeySequence(Qt::Key_F8));
    resendAction->setToolTip(tr("Send a failed, expired or unknown payment again, after a last check (F8)"));
    paymentMenu->addAction(resendAction);
    connect(resendAction, &QAction::triggered, this, &MainWindow::resendSelected);
    connect(resendButton, &QPushButton::clicked, this, &MainWindow::resendSelected);
    addAction(resendAction);
    auto* cashAction = new QAction(tr("Use c&ash…"), this);
    cashAction->setShortcut(QKeySequence(Qt::Key_F9));
    cashAction->setToolTip(tr("The customer pays in cash instead (F9)"));
    connect(cashAction, &QAction::triggered, this, [this] { useCash(paymentInFocus()); });
    addAction(cashAction);
    paymentMenu->addAction(cashAction);
    paymentMenu->addSeparator();
    QAction* printAction = paymentMenu->addAction(tr("&Print receipt…"), this, &MainWindow::printReceipt);
    printAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    QAction* pdfAction =
        paymentMenu->addAction(tr("Save receipt as P&DF…"), this, &MainWindow::saveReceiptPdf);
    pdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    paymentMenu->addAction(tr("&Details"), this, [this] {
        const QString ref = paymentInFocus();
        if (!ref.isEmpty())
            showDetailsOf(ref);
    });
    m_announcer = new Announcer(till, this, m_settings.sound);
    m_shiftDesk = new ShiftDesk(till, this, shiftMenu, Printout::paperFromSetting(m_settings.receiptPaper));
    m_keypadAction = viewMenu->addAction(tr("On-screen &keypad"));
    m_keypadAction->setObjectName(QStringLiteral("keypadAction"));
    m_keypadAction->setCheckable(true);
    m_keypadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_keypadAction, &QAction::toggled, this, &MainWindow::showKeypad);
    auto* searchAction = new QAction(tr("&Search payments"), this);
    searchAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(searchAction, &QAction::triggered, m_filterBar, &HistoryFilterBar::focusSearch);
    addAction(searchAction);
    viewMenu->addAction(searchAction);
    m_settingsAction = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setEnabled(false);
    m_pin = std::make_unique<ManagerPin>(till.clock(), QString());
    QAction* exportAction = fileMenu->addAction(tr("&Export CSV…"), this, &MainWindow::chooseExportFile);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    fileMenu->addSeparator();
    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* shortcutsAction =
        helpMenu->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    helpMenu->addAction(tr("&About Lipa Till"), this, &MainWindow::showAbout);
    auto* clearAction = new QAction(tr("Clear form"), this);
    clearAction->setShortcut(QKeySequence(Qt::Key_Escape));
    // Esc empties the form; on an empty form it puts the card away (the payment goes on being checked).
    connect(clearAction, &QAction::triggered, this, [this] {
        if (m_chargePanel->isBlank())
            m_waitingCard->stopWaiting();
        m_chargePanel->clear();
    });
    addAction(clearAction);

    // Every action's key in its tooltip (and the F1 sheet lists them all).
    for (QMenu* menu : menuBar()->findChildren<QMenu*>())
        menu->setToolTipsVisible(true);
    for (QAction* action : findChildren<QAction*>()) {
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        if (!key.isEmpty() && !action->toolTip().contains(key))
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->toolTip(), key));
    }

    buildStatusBar(environment);

    connect(m_chargePanel, &ChargePanel::chargeRequested, this, &MainWindow::onChargeRequested);
    // Totals are queries: after a change they are refreshed once, a moment later, so a burst of changes
    // (or a sale) never waits for them. No timer runs while nothing changes.
    m_totalsRefresh.setSingleShot(true);
    m_totalsRefresh.setInterval(100);
    connect(&m_totalsRefresh, &QTimer::timeout, this, [this] {
        updateTotals();
        updateFilterTotals();
    });
    connect(&till, &Till::paymentAdded, &m_totalsRefresh, qOverload<>(&QTimer::start));
    connect(&till, &Till::paymentChanged, &m_totalsRefresh, qOverload<>(&QTimer::start));
    connect(&till, &Till::connectionStateChanged, this, &MainWindow::updateConnection);
    connect(&till, &Till::notice, this, &MainWindow::showNotice);
    connect(&till, &Till::paidTwice, this, &MainWindow::tellToGiveCashBack);
    connect(&till, &Till::serviceTroubleChanged, this, &MainWindow::showServiceTrouble);
    showServiceTrouble(till.serviceTrouble());

    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, &MainWindow::applyFilter);
    // Down in the search field goes to the first payment found: search, Down, then F5, F8, F9 or Ctrl+P.
    if (auto* search = m_filterBar->findChild<QLineEdit*>(QStringLiteral("searchEdit")))
        search->installEventFilter(this);
    connect(m_paymentView, &QTableView::activated, this, &MainWindow::showDetails);
    // Payments from earlier days that are still open (a till restarted after midnight) must be in view.
    const QDateTime startOfToday = till.clock().now().toLocalTime().date().startOfDay().toUTC();
    const QDateTime oldestOpen = till.journal().oldestInProgress();
    if (oldestOpen.isValid() && oldestOpen < startOfToday) {
        const QDateTime weekStart =
            HistoryFilterBar::bounds(HistoryFilterBar::Range::ThisWeek, till.clock().now(), {}, {}).first;
        m_filterBar->setRange(oldestOpen >= weekStart ? HistoryFilterBar::Range::ThisWeek
                                                      : HistoryFilterBar::Range::AllTime);
    }
    applyFilter(m_filterBar->filter());

    updateTotals();
    resize(1100, 640);
    m_chargePanel->focusAmount();
    setFocusProxy(m_chargePanel);
}

MainWindow::~MainWindow() = default;

QString MainWindow::firstRunBanner()
{
    return tr("Demo mode — no real money. Open Settings to connect your IntaSend account.");
}

void MainWindow::showBanner(const QString& text)
{
    m_banner->setText(text);
    m_bannerFrame->setVisible(!text.isEmpty());
    m_bannerFrame->findChild<QPushButton*>(QStringLiteral("bannerSettingsButton"))
        ->setVisible(m_keys != nullptr);
}

void MainWindow::setSettingsAccess(const Settings& settings, const QString& iniPath, KeyStore* keys)
{
    m_settings = settings;
    m_iniPath = iniPath;
    m_keys = keys;
    m_pin = std::make_unique<ManagerPin>(m_till.clock(), settings.managerPinHash);
    m_settingsAction->setEnabled(keys != nullptr);
    m_shiftDesk->setPaper(Printout::paperFromSetting(settings.receiptPaper));
    m_announcer->setEnabled(settings.sound);
    m_keypadAction->setChecked(settings.keypad);
    showBanner(m_banner->text());
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

void MainWindow::showNotice(const QString& text)
{
    m_noticeText->setText(text);
    m_notice->setVisible(!text.isEmpty());
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

void MainWindow::buildStatusBar(const Environment& environment)
{
    auto* badge = new QLabel(badgeText(environment), this);
    badge->setObjectName(QStringLiteral("environmentBadge"));
    badge->setStyleSheet(badgeStyle(environment.kind));
    badge->setAccessibleName(tr("Environment"));
    statusBar()->addWidget(badge);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_shiftDesk->statusLabel());
    updateConnection(m_till.connectionState());
}

void MainWindow::showServiceTrouble(const QString& message)
{
    m_troubleBanner->setText(message);
    m_troubleBanner->setVisible(!message.isEmpty());
}

void MainWindow::onChargeRequested(Money amount, const PhoneNumber& phone)
{
    const std::optional<Payment> earlier = m_till.openPaymentFor(phone, amount);
    if (!earlier) {
        charge(amount, phone);
        return;
    }
    if (earlier->state != PaymentState::Expired) {
        confirmDuplicateCharge(amount, phone, *earlier, {});
        return;
    }
    // An expired request may have been paid late: look again before asking.
    if (m_duplicateCheckInFlight)
        return; // Enter again while IntaSend is being asked
    m_duplicateCheckInFlight = true;
    statusBar()->showMessage(tr("Checking the earlier request with IntaSend…"));
    m_till.lookAgain(earlier->localRef, this, [this, amount, phone](const Payment& now, bool checked) {
        m_duplicateCheckInFlight = false;
        statusBar()->clearMessage();
        if (now.state == PaymentState::Complete) {
            showAlreadyPaid(now);
            return;
        }
        confirmDuplicateCharge(amount, phone, now,
                               checked ? QString()
                                       : tr("The till could not ask IntaSend about it just now; the customer "
                                            "may have paid it late."));
    });
}

void MainWindow::showAlreadyPaid(const Payment& earlier)
{
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("Already paid"),
                        tr("%1 from %2 requested at %3 has been paid (M-Pesa receipt %4). Nothing was sent.")
                            .arg(earlier.amount.toDisplayString(), earlier.phone.masked(),
                                 earlier.createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                 earlier.mpesaReceipt.isEmpty() ? tr("not given") : earlier.mpesaReceipt),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("alreadyPaidDialog"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, m_chargePanel, &ChargePanel::clear);
    box->open();
}

void MainWindow::confirmDuplicateCharge(Money amount, const PhoneNumber& phone, const Payment& earlier,
                                        const QString& note)
{
    const qint64 seconds = std::max<qint64>(0, earlier.createdAt.secsTo(m_till.clock().now()));
    const QDateTime when = earlier.createdAt.toLocalTime();
    const QString age = seconds == 1     ? tr("1 second ago")
                        : seconds < 120  ? tr("%1 seconds ago").arg(seconds)
                        : seconds < 7200 ? tr("%1 minutes ago").arg(seconds / 60)
                        : seconds < 86400
                            ? tr("%1 hours ago").arg(seconds / 3600)
                            : tr("on %1").arg(QLocale().toString(when.date(), QLocale::ShortFormat));
    QString state;
    switch (earlier.state) {
    case PaymentState::Unknown:
        state = tr("it may already have reached the customer's phone (Unknown)");
        break;
    case PaymentState::Expired:
        state = tr("the customer did not answer in time, but may still have paid (Expired)");
        break;
    default:
        state = tr("it is not finished (%1)").arg(stateDisplayName(earlier.state));
        break;
    }
    QString text = tr("%1 to %2 was already requested %3 (at %4), and %5.")
                       .arg(amount.toDisplayString(), phone.masked(), age,
                            when.toString(QStringLiteral("HH:mm:ss")), state);
    if (!note.isEmpty())
        text += u' ' + note;
    text +=
        QStringLiteral("\n\n") + tr("Charging again sends a second payment request to the customer's phone.");
    Question question;
    question.dialogName = QStringLiteral("duplicateChargeDialog");
    question.title = tr("Charge again?");
    question.text = text;
    question.doText = tr("C&harge again");
    question.doName = QStringLiteral("chargeAgain");
    question.dontText = tr("&Don't charge");
    question.dontName = QStringLiteral("dontCharge");
    askFirst(
        this, question,
        [this, amount, phone, earlierRef = earlier.localRef] {
            // The earlier one may have been paid while the question was open.
            if (const std::optional<Payment> now = m_till.journal().find(earlierRef);
                now && now->state == PaymentState::Complete) {
                showAlreadyPaid(*now);
                return;
            }
            charge(amount, phone);
        },
        [this] { m_chargePanel->focusAmount(); });
}

void MainWindow::charge(Money amount, const PhoneNumber& phone)
{
    // The request is on its way before anything on screen changes.
    const QString ref = m_till.charge(amount, phone);
    if (ref.isEmpty())
        return;             // nothing was sent: the form keeps the sale, the notice says why
    m_chargePanel->clear(); // ready for the next customer
    readyForNextSale(ref);
}

void MainWindow::readyForNextSale(const QString& sentRef)
{
    if (const std::optional<Payment> sent = m_till.journal().find(sentRef))
        m_waitingCard->follow(*sent);
    // The new payment is the top row; with no row chosen, F5 and F8 apply to it.
    m_paymentView->scrollToTop();
    m_paymentView->selectionModel()->clear();
    m_chargePanel->focusAmount();
}

void MainWindow::updateTotals()
{
    const DayTotals totals = m_till.todaysTotals();
    QString paid =
        tr("Paid: <b>%1</b> &nbsp; %2").arg(totals.paidCount).arg(totals.paidSum.toDisplayString());
    if (totals.cashCount > 0)
        paid += QStringLiteral("<br/>") +
                tr("Cash: <b>%1</b> &nbsp; %2").arg(totals.cashCount).arg(totals.cashSum.toDisplayString());
    m_paidTotal->setText(paid);
    QString waiting = tr("Waiting: <b>%1</b>").arg(totals.pendingCount);
    if (totals.attentionCount > 0)
        waiting += QStringLiteral(" &nbsp; ") + tr("Check: <b>%1</b>").arg(totals.attentionCount);
    if (totals.failedCount > 0)
        waiting += QStringLiteral(" &nbsp; ") + tr("Failed: <b>%1</b>").arg(totals.failedCount);
    m_waitingTotal->setText(waiting);
}

void MainWindow::applyFilter(const PaymentFilter& filter)
{
    m_model->setFilter(filter);
    updateFilterTotals();
}

void MainWindow::updateFilterTotals()
{
    const Totals totals = m_till.journal().totals(m_model->filter());
    QStringList parts;
    parts << tr("Shown: <b>%1</b> paid, %2").arg(totals.paidCount).arg(totals.paidSum.toDisplayString());
    if (totals.cashCount > 0)
        parts << tr("%1 in cash, %2").arg(totals.cashCount).arg(totals.cashSum.toDisplayString());
    if (totals.pendingCount > 0)
        parts << tr("%1 waiting").arg(totals.pendingCount);
    if (totals.attentionCount > 0)
        parts << tr("%1 to check").arg(totals.attentionCount);
    if (totals.failedCount > 0)
        parts << tr("%1 failed").arg(totals.failedCount);
    m_filterTotals->setText(parts.join(QStringLiteral(" · ")));
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
                          .arg(m_till.clock().now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export payments"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool MainWindow::exportCsv(const QString& path)
{
    QString error;
    const qint64 written = CsvExport::write(m_till.journal(), m_model->filter(), path, &error);
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
    // Every key the till answers to, in the words of the cashier's job.
    const QList<QPair<QString, QString>> keys{
        {tr("Enter"), tr("Charge (in Amount: go to the phone)")},
        {tr("Tab"), tr("Next field")},
        {tr("Esc"), tr("Clear the form; on an empty form, stop waiting (the payment is still checked)")},
        {tr("F5"), tr("Check the payment now (the chosen row, else the one on the card)")},
        {tr("F8"), tr("Send a failed, expired or unknown payment again, after a last check")},
        {tr("F9"), tr("Use cash: the customer pays in cash instead (after a last check)")},
        {tr("Ctrl+P"), tr("Print the payment's receipt (preview first)")},
        {tr("Ctrl+Shift+P"), tr("Save the payment's receipt as PDF")},
        {tr("Ctrl+O"), tr("Open a shift")},
        {tr("Ctrl+R"), tr("X report: the shift's figures so far")},
        {tr("Ctrl+Shift+C"), tr("Close the shift with its Z report")},
        {tr("Ctrl+K"), tr("Show or hide the on-screen keypad")},
        {tr("F2"), tr("Search the payments")},
        {tr("Enter on a row"), tr("Show the payment's details and history")},
        {tr("Ctrl+E"), tr("Export the payments shown to a CSV file")},
        {tr("Ctrl+,"), tr("Settings")},
        {tr("F1"), tr("This list")},
        {tr("Ctrl+Q"), tr("Quit")},
    };
    QString html = QStringLiteral("<table cellspacing='6'>");
    for (const auto& [key, action] : keys)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(key.toHtmlEscaped(), action.toHtmlEscaped());
    html += QStringLiteral("</table>");
    auto* box =
        new QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"), html, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("shortcutsSheet"));
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lipa Till"),
                       tr("<h3>Lipa Till %1</h3><p>M-Pesa payments at the counter through IntaSend.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(LIPA_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::showDetails(const QModelIndex& index)
{
    if (index.isValid())
        showDetailsOf(index.data(PaymentListModel::LocalRefRole).toString());
}

void MainWindow::showDetailsOf(const QString& localRef)
{
    auto* dialog = new PaymentDetailsDialog(m_till, localRef, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
        m_connectionLabel->setStyleSheet(QStringLiteral("color:#1b7f3b;"));
        break;
    case ConnectionState::Offline:
        m_connectionLabel->setText(tr("● Offline — cannot reach IntaSend"));
        m_connectionLabel->setStyleSheet(QStringLiteral("color:#b31d1d; font-weight:bold;"));
        break;
    }
}

QString MainWindow::paymentInFocus() const
{
    // Nothing chosen in the list: the payment on the card, else the newest one.
    const QModelIndex current = m_paymentView->currentIndex();
    if (current.isValid())
        return current.data(PaymentListModel::LocalRefRole).toString();
    if (!m_waitingCard->localRef().isEmpty())
        return m_waitingCard->localRef();
    return m_model->index(0, 0).data(PaymentListModel::LocalRefRole).toString();
}

void MainWindow::resendSelected()
{
    resendPayment(paymentInFocus());
}

void MainWindow::resendPayment(const QString& localRef)
{
    if (localRef.isEmpty()) {
        statusBar()->showMessage(tr("There is no payment to send again"), 5000);
        return;
    }
    if (m_resendCheckInFlight)
        return; // F8 pressed twice: the first check is still on its way
    m_resendCheckInFlight = true;
    statusBar()->showMessage(tr("Checking the earlier request with IntaSend…"));
    m_till.prepareResend(localRef, this, [this](const ResendCheck& check) {
        m_resendCheckInFlight = false;
        statusBar()->clearMessage();
        askToResend(check);
    });
}

void MainWindow::askToResend(const ResendCheck& check)
{
    const Payment& earlier = check.payment;
    const QString sale = earlier.localRef.isEmpty()
                             ? QString()
                             : tr("%1 to %2, requested at %3.")
                                   .arg(earlier.amount.toDisplayString(), earlier.phone.masked(),
                                        earlier.createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    const QString text = sale.isEmpty() ? check.reason : sale + QStringLiteral("\n\n") + check.reason;
    if (check.verdict == ResendCheck::Refused) {
        auto* box =
            new QMessageBox(QMessageBox::Information, tr("Not sent again"), text, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("resendDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        box->open();
        return;
    }
    const bool rejected = earlier.state == PaymentState::Rejected;
    Question question;
    question.icon =
        check.verdict == ResendCheck::MaySendWithWarning ? QMessageBox::Warning : QMessageBox::Question;
    question.dialogName = QStringLiteral("resendDialog");
    question.title = rejected ? tr("Try again?") : tr("Send again?");
    question.text = text;
    question.doText = rejected ? tr("&Try again") : tr("&Send again");
    question.doName = QStringLiteral("sendAgain");
    question.dontText = tr("&Don't send");
    question.dontName = QStringLiteral("dontSend");
    askFirst(this, question, [this, ref = earlier.localRef] {
        if (const QString newRef = m_till.resend(ref); !newRef.isEmpty())
            readyForNextSale(newRef);
    });
}

void MainWindow::useCash(const QString& localRef)
{
    const std::optional<Payment> payment = m_till.journal().find(localRef);
    if (!payment || m_cashCheckInFlight)
        return; // F9 pressed twice: the first check is still on its way
    if (!maySettleInCash(payment->state)) {
        statusBar()->showMessage(payment->state == PaymentState::Sending
                                     ? tr("Wait for IntaSend's answer before taking cash")
                                     : tr("This payment is %1: there is nothing to settle in cash")
                                           .arg(stateDisplayName(payment->state)),
                                 5000);
        return;
    }
    const bool phoneMayStillAsk =
        isAwaitingCustomer(payment->state) || payment->state == PaymentState::Unknown;
    Question question;
    question.icon = phoneMayStillAsk ? QMessageBox::Warning : QMessageBox::Question;
    question.dialogName = QStringLiteral("cashDialog");
    question.title = tr("Use cash?");
    question.text = tr("Record %1 from %2 as paid in cash?")
                        .arg(payment->amount.toDisplayString(), payment->phone.masked());
    // Only a request IntaSend confirmed can be watched for a late approval: say so when it cannot.
    if (phoneMayStillAsk && payment->invoiceId.isEmpty())
        question.text +=
            QStringLiteral("\n\n") +
            tr("IntaSend never confirmed this M-Pesa request, so the till cannot see whether the "
               "customer approves it. Ask them to cancel it on their phone, or to check that no "
               "prompt came, before you take the cash.");
    else if (phoneMayStillAsk)
        question.text += QStringLiteral("\n\n") +
                         tr("The customer's phone may still show the M-Pesa request. Ask them to cancel it "
                            "before you take the cash. If they approve it anyway, the till tells you to give "
                            "the cash back.");
    question.doText = tr("Take &cash");
    question.doName = QStringLiteral("takeCash");
    question.dontText = tr("&Keep waiting");
    question.dontName = QStringLiteral("keepWaiting");
    askFirst(this, question, [this, localRef] {
        m_cashCheckInFlight = true;
        statusBar()->showMessage(tr("Checking the payment with IntaSend before taking cash…"));
        m_till.settleInCash(localRef, this, [this](const Payment& payment, const QString& refusal) {
            m_cashCheckInFlight = false;
            statusBar()->clearMessage();
            if (!refusal.isEmpty()) {
                auto* box = new QMessageBox(QMessageBox::Information, tr("Do not take cash"), refusal,
                                            QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("cashDialog"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->setTextFormat(Qt::PlainText);
                box->open();
                return;
            }
            statusBar()->showMessage(tr("%1 from %2 recorded as paid in cash")
                                         .arg(payment.amount.toDisplayString(), payment.phone.masked()),
                                     10000);
            m_chargePanel->focusAmount();
        });
    });
}

std::optional<Payment> MainWindow::receiptInFocus()
{
    std::optional<Payment> payment = m_till.journal().find(paymentInFocus());
    if (!payment)
        statusBar()->showMessage(tr("There is no payment to print"), 5000);
    return payment;
}

Printout MainWindow::receiptOf(const Payment& payment) const
{
    return Printout(receiptHtml(payment, m_till.tillName(), m_till.clock().now()),
                    Printout::paperFromSetting(m_settings.receiptPaper));
}

void MainWindow::printReceipt()
{
    if (const std::optional<Payment> payment = receiptInFocus())
        receiptOf(*payment).preview(this, tr("Receipt"));
}

void MainWindow::saveReceiptPdf()
{
    if (const std::optional<Payment> payment = receiptInFocus())
        receiptOf(*payment).saveAsPdf(
            this,
            QStringLiteral("receipt-%1.pdf")
                .arg(payment->mpesaReceipt.isEmpty() ? payment->localRef.left(8) : payment->mpesaReceipt));
}

void MainWindow::showKeypad(bool shown)
{
    m_keypad->setVisible(shown);
    m_settings.keypad = shown; // Settings saved later keep it
    if (!m_iniPath.isEmpty()) {
        QSettings ini(m_iniPath, QSettings::IniFormat);
        ini.setValue(QStringLiteral("till/keypad"), shown ? QStringLiteral("on") : QStringLiteral("off"));
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down &&
        m_model->rowCount() > 0) {
        m_paymentView->setFocus();
        m_paymentView->selectRow(0);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::checkSelected()
{
    if (const QString ref = paymentInFocus(); !ref.isEmpty())
        m_till.checkNow(ref);
}

} // namespace lipa
