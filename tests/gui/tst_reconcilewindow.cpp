// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"
#include "ChargePanel.h"
#include "MainWindow.h"
#include "Palette.h"
#include "PaymentListModel.h"
#include "ReconcileDialog.h"
#include "TestStack.h"
#include "TestWindow.h"
#include "WaitingCard.h"

#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lipa;
using namespace std::chrono_literals;
using sim::FaultMode;
using sim::FaultScope;

namespace {

const QString kSecretKey = QStringLiteral("ISSecretKey_test_rec-window");

} // namespace

// The Reconcile with IntaSend window on the real main window, against the simulator with a secret key:
// opened by its key, a period chosen, Enter, and the figures a cashier reads; a payment whose answer was
// lost and that IntaSend has paid is recorded; cancelling (or closing the window) keeps nothing; closing
// a shift reconciles it before the Z report.
class TestReconcileWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void todayShowsTheFiguresAndRecordsWhatOnlyIntaSendHasPaid();
    void cancellingMidRunKeepsNothing();
    void closingTheWindowMidRunCancelsIt();
    void withoutTheSecretKeyItSaysWhatIsNeeded();
    void closingAShiftReconcilesItFirst();
    void periodsFollowTheLocalDayAndNeverPassNow();

private:
    void open(const QString& secretKey);
    [[nodiscard]] bool backToWindow();
    void charge(const QString& amount, const QString& phone);
    QString cardState() const { return m_window->findChild<QLabel*>(QStringLiteral("cardState"))->text(); }
    template <typename T>
    T* visible(const char* name) const
    {
        return test::CashierDriver(m_window.get()).shown<T>(name, 3000);
    }
    ReconcileDialog* openReconcile();
    static QString labelText(QWidget* root, const char* name)
    {
        const auto* label = root->findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }
    QString stateInList(const QString& localRef) const
    {
        const int row = m_window->paymentModel()->rowOf(localRef);
        return row < 0
                   ? QString()
                   : m_window->paymentModel()->index(row, PaymentListModel::StateColumn).data().toString();
    }

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
};

void TestReconcileWindow::init()
{
    open(kSecretKey);
}

void TestReconcileWindow::open(const QString& secretKey)
{
    m_window.reset();
    m_stack.reset();
    m_stack = std::make_unique<test::TestStack>(Settings{}, secretKey);
    m_window = test::makeWindow(*m_stack);
    QVERIFY(test::showActive(*m_window));
}

void TestReconcileWindow::cleanup()
{
    m_window.reset(); // before the stack it shows
    m_stack.reset();
}

bool TestReconcileWindow::backToWindow()
{
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return false;
    m_window->chargePanel()->focusAmount();
    return true;
}

void TestReconcileWindow::charge(const QString& amount, const QString& phone)
{
    QVERIFY(backToWindow());
    test::CashierDriver(m_window.get()).charge(amount, phone);
}

ReconcileDialog* TestReconcileWindow::openReconcile()
{
    if (!backToWindow())
        return nullptr;
    QTest::keyClick(m_window->findChild<QLineEdit*>(QStringLiteral("amountEdit")), Qt::Key_R,
                    Qt::ControlModifier | Qt::ShiftModifier);
    return visible<ReconcileDialog>("reconcileDialog");
}

void TestReconcileWindow::todayShowsTheFiguresAndRecordsWhatOnlyIntaSendHasPaid()
{
    charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 15s));
    charge(QStringLiteral("200"), QStringLiteral("0712345675"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 15s));
    // The push reaches the phone, its answer never comes back; the customer pays.
    m_stack->simulator.setFault({FaultMode::DropAfterRequest, 0, FaultScope::Pushes});
    charge(QStringLiteral("300"), QStringLiteral("0712345678"));
    QTRY_COMPARE(cardState(), QStringLiteral("Unknown"));
    m_stack->simulator.setFault({});
    const QString lost = m_window->waitingCard()->localRef();
    m_stack->clock.advance(6s); // paid at IntaSend; the till looks it up by reference only after 15 s
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(stateInList(lost), QStringLiteral("Unknown"));

    ReconcileDialog* dialog = openReconcile();
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reconcileKeyNeeded"))->isVisible());
    auto* period = dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod"));
    QVERIFY(period->findText(QStringLiteral("This shift")) < 0); // no shift is open
    period->setCurrentIndex(period->findText(QStringLiteral("Today")));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("saveReconciliationCsv"))->isEnabled());
    QSignalSpy ended(dialog, &ReconcileDialog::runEnded);
    QTest::keyClick(period, Qt::Key_Return); // Enter: Start
    QVERIFY(m_stack->waitForNetwork());
    QTRY_COMPARE(ended.size(), 1);
    QVERIFY(dialog->result().has_value());

    // What the cashier reads.
    QCOMPARE(labelText(dialog, "matchedCount"), QStringLiteral("2"));
    QCOMPARE(labelText(dialog, "paidThereOnlyCount"), QStringLiteral("1 — recorded now"));
    QCOMPARE(labelText(dialog, "paidHereOnlyCount"), QStringLiteral("0"));
    QCOMPARE(labelText(dialog, "amountDiffersCount"), QStringLiteral("0"));
    QCOMPARE(labelText(dialog, "otherSenderCount"), QStringLiteral("0"));
    QCOMPARE(labelText(dialog, "paidAtIntaSend"), QStringLiteral("KES 2,000"));
    QCOMPARE(labelText(dialog, "intaSendCharges"), QStringLiteral("KES 60")); // the simulator's 3 %
    QCOMPARE(labelText(dialog, "netToWallet"), QStringLiteral("KES 1,940"));
    QVERIFY2(labelText(dialog, "reconcileProgress").contains(QStringLiteral("Read 3 invoices")),
             qPrintable(labelText(dialog, "reconcileProgress")));
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("reconcileIncomplete"))->isVisible());
    auto* items = dialog->findChild<QTableWidget*>(QStringLiteral("reconcileItems"));
    QCOMPARE(items->rowCount(), 1);
    QCOMPARE(items->item(0, 0)->text(), QStringLiteral("Paid at IntaSend, not here"));
    QCOMPARE(items->item(0, 0)->foreground().color(), Palette::ofCategory(ReconcileCategory::PaidThereOnly));
    QCOMPARE(items->item(0, 2)->text(), lost);
    for (const char* name : {"printReconciliation", "saveReconciliationPdf", "saveReconciliationCsv"})
        QVERIFY2(dialog->findChild<QPushButton*>(QString::fromLatin1(name))->isEnabled(), name);

    // The lost payment is paid now, in the list as everywhere; the reconciliation is kept.
    QTRY_COMPARE(stateInList(lost), QStringLiteral("Paid"));
    const QList<Reconciliation> kept = m_stack->journal().reconciliations().latest(1);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().summary.paidThereOnly, 1);

    // Save CSV… writes the items to the file chosen.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reconciliation.csv"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveReconciliationCsv")),
                      Qt::LeftButton);
    QFileDialog* save = nullptr;
    QTRY_VERIFY((save = dialog->findChild<QFileDialog*>(QStringLiteral("saveCsvDialog"))) &&
                save->isVisible());
    save->selectFile(path);
    static_cast<QDialog*>(save)->accept(); // as the Save button does (QFileDialog's own is protected)
    QTRY_VERIFY(QFile::exists(path));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().contains(lost.toUtf8()));
}

void TestReconcileWindow::cancellingMidRunKeepsNothing()
{
    charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 15s));
    // IntaSend's records come slowly: the first page is still on its way when the cashier cancels.
    m_stack->simulator.setFault({FaultMode::Delay, 1500, FaultScope::Records});
    ReconcileDialog* dialog = openReconcile();
    QVERIFY(dialog);
    QSignalSpy ended(dialog, &ReconcileDialog::runEnded);
    QTest::keyClick(dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod")), Qt::Key_Return);
    QTRY_VERIFY(m_stack->simulator.recordRequestCount() >= 1);
    QVERIFY(dialog->isRunning());
    auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelReconcileRun"));
    QVERIFY(cancel->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("startReconcile"))->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(ended.size(), 1);
    QVERIFY(!m_stack->stack->reconciler.isRunning());
    QVERIFY(!dialog->result().has_value());
    QVERIFY2(labelText(dialog, "reconcileProgress").contains(QStringLiteral("Cancelled")),
             qPrintable(labelText(dialog, "reconcileProgress")));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("saveReconciliationCsv"))->isEnabled());
    // The late page comes back and is ignored: nothing is kept, then or later.
    QVERIFY(m_stack->waitForNetwork());
    QVERIFY(m_stack->journal().reconciliations().latest(1).isEmpty());
    QCOMPARE(m_stack->simulator.recordRequestCount(), 1);

    // Started again without the delay, it runs to the end and is the only one kept.
    m_stack->simulator.setFault({});
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("startReconcile"))->isEnabled());
    QTest::keyClick(dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod")), Qt::Key_Return);
    QVERIFY(m_stack->waitForNetwork());
    QTRY_COMPARE(ended.size(), 2);
    QCOMPARE(labelText(dialog, "matchedCount"), QStringLiteral("1"));
    QCOMPARE(m_stack->journal().reconciliations().latest(5).size(), 1);
}

void TestReconcileWindow::closingTheWindowMidRunCancelsIt()
{
    charge(QStringLiteral("700"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 15s));
    m_stack->simulator.setFault({FaultMode::Delay, 1500, FaultScope::Records});
    const QPointer<ReconcileDialog> dialog = openReconcile();
    QVERIFY(dialog);
    QSignalSpy cancelled(&m_stack->stack->reconciler, &Reconciler::cancelled);
    QTest::keyClick(dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod")), Qt::Key_Return);
    QTRY_VERIFY(m_stack->simulator.recordRequestCount() >= 1);
    QVERIFY(m_stack->stack->reconciler.isRunning());
    QTest::keyClick(dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod")), Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!m_stack->stack->reconciler.isRunning());
    QVERIFY(m_stack->waitForNetwork());
    QVERIFY(m_stack->journal().reconciliations().latest(1).isEmpty());
}

void TestReconcileWindow::withoutTheSecretKeyItSaysWhatIsNeeded()
{
    open(QString());
    ReconcileDialog* dialog = openReconcile();
    QVERIFY(dialog);
    auto* needed = dialog->findChild<QLabel*>(QStringLiteral("reconcileKeyNeeded"));
    QVERIFY(needed->isVisible());
    QCOMPARE(needed->text(), QStringLiteral("Reconciling needs IntaSend's secret key (Settings → IntaSend)"));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("startReconcile"))->isEnabled());
    QTest::keyClick(dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod")), Qt::Key_Return);
    QVERIFY(!m_stack->stack->reconciler.isRunning());
    QVERIFY(m_stack->waitForNetwork());
    QCOMPARE(m_stack->simulator.recordRequestCount(), 0);
}

void TestReconcileWindow::closingAShiftReconcilesItFirst()
{
    QVERIFY(backToWindow());
    QTest::keyClick(m_window->findChild<QLineEdit*>(QStringLiteral("amountEdit")), Qt::Key_O,
                    Qt::ControlModifier);
    auto* ask = visible<QInputDialog>("openShiftDialog");
    QVERIFY(ask);
    QTest::keyClicks(ask->findChild<QLineEdit*>(), QStringLiteral("Amina"));
    QTest::keyClick(ask->findChild<QLineEdit*>(), Qt::Key_Return);
    QTRY_VERIFY(m_stack->shifts().current().has_value());
    const QDateTime openedAt = m_stack->shifts().current()->openedAt;
    charge(QStringLiteral("1500"), QStringLiteral("0712345678"));
    QVERIFY(m_stack->advanceUntil([&] { return cardState() == u"Paid"; }, 15s));

    QVERIFY(backToWindow());
    QTest::keyClick(m_window->findChild<QLineEdit*>(QStringLiteral("amountEdit")), Qt::Key_C,
                    Qt::ControlModifier | Qt::ShiftModifier);
    auto* confirm = visible<QMessageBox>("closeShiftDialog");
    QVERIFY(confirm);
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("closeShift")), Qt::LeftButton);
    // Reconciling first is the usual answer: Enter says yes.
    auto* first = visible<QMessageBox>("reconcileFirstDialog");
    QVERIFY(first);
    QCOMPARE(first->defaultButton()->objectName(), QStringLiteral("reconcileFirst"));
    QVERIFY(m_stack->shifts().current().has_value()); // nothing closed yet
    QTest::keyClick(first, Qt::Key_Return);

    auto* dialog = visible<ReconcileDialog>("reconcileDialog");
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("reconcilePeriod"))->currentText(),
             QStringLiteral("This shift"));
    QVERIFY(m_stack->waitForNetwork());
    // The run ends, then the Z report goes ahead as before.
    auto* z = visible<QDialog>("shiftReportDialog");
    QVERIFY(z);
    QVERIFY(!m_stack->shifts().current().has_value());
    QCOMPARE(labelText(dialog, "matchedCount"), QStringLiteral("1"));
    const QList<Reconciliation> kept = m_stack->journal().reconciliations().latest(1);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().summary.from, openedAt);
    QCOMPARE(kept.first().cashier, QStringLiteral("Amina"));
}

void TestReconcileWindow::periodsFollowTheLocalDayAndNeverPassNow()
{
    using P = ReconcileDialog::Period;
    // Wednesday 25 November 2026, 00:30 in Nairobi (21:30 UTC the day before).
    const QDateTime now(QDate(2026, 11, 24), QTime(21, 30), Qt::UTC);
    const QDateTime midnight(QDate(2026, 11, 24), QTime(21, 0), Qt::UTC);
    const QDateTime opened(QDate(2026, 11, 24), QTime(15, 0), Qt::UTC);
    QCOMPARE(ReconcileDialog::bounds(P::ThisShift, now, opened, {}, {}), std::make_pair(opened, now));
    QCOMPARE(ReconcileDialog::bounds(P::Today, now, {}, {}, {}), std::make_pair(midnight, now));
    QCOMPARE(ReconcileDialog::bounds(P::Yesterday, now, {}, {}, {}),
             std::make_pair(midnight.addDays(-1), midnight));
    // From the start of the first date to the start of the day after the last, in either order.
    QCOMPARE(ReconcileDialog::bounds(P::Dates, now, {}, QDate(2026, 11, 20), QDate(2026, 11, 10)),
             std::make_pair(QDateTime(QDate(2026, 11, 9), QTime(21, 0), Qt::UTC),
                            QDateTime(QDate(2026, 11, 20), QTime(21, 0), Qt::UTC)));
    // Dates reaching today end now: the hours to come have not been read.
    QCOMPARE(ReconcileDialog::bounds(P::Dates, now, {}, QDate(2026, 11, 24), QDate(2026, 11, 25)),
             std::make_pair(QDateTime(QDate(2026, 11, 23), QTime(21, 0), Qt::UTC), now));
}

QTEST_MAIN(TestReconcileWindow)
#include "tst_reconcilewindow.moc"
