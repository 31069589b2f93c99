// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryFilterBar.h"
#include "JournalGenerator.h"
#include "MainWindow.h"
#include "PaymentListModel.h"
#include "TestStack.h"
#include "TestWindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace lipa;
using namespace std::chrono_literals;

// The history side of the main window against a journal with history in it: the default view, search,
// filters, totals, CSV export, the details of one payment, and payments a previous run left open.
class TestHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void opensOnTodayAndLoadsMoreOnScroll();
    void searchesByPhoneAsTyped();
    void filtersByStateWithTotals();
    void exportsWhatIsShown();
    void enterOnARowShowsItsHistory();
    void f2GoesToSearch();
    void rangeBoundsFollowTheLocalDay();
    void openPaymentFromYesterdayIsInView();

private:
    QString cell(int row, int column) const
    {
        return m_window->paymentModel()->index(row, column).data().toString();
    }
    void setRange(HistoryFilterBar::Range range);

    std::unique_ptr<test::TestStack> m_stack;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_dir;
};

void TestHistory::init()
{
    m_stack = std::make_unique<test::TestStack>();
    // 3,000 payments before today (one a minute), then two of today's through the till itself.
    const QDateTime startOfToday = m_stack->clock.now().toLocalTime().date().startOfDay().toUTC();
    QVERIFY(test::JournalGenerator().fill(m_stack->journal(), 3000, startOfToday.addSecs(-60)));
    m_window = test::makeWindow(*m_stack);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_window->paymentModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(test::showActive(*m_window));
    m_stack->till().charge(Money::fromShillings(1500),
                           PhoneNumber::parse(QStringLiteral("0712345678")).value());
    m_stack->till().charge(Money::fromShillings(20),
                           PhoneNumber::parse(QStringLiteral("0712345670")).value());
    QVERIFY(m_stack->advanceUntil([&] { return m_stack->todaysTotals().pendingCount == 0; }, 30s));
}

void TestHistory::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_stack.reset();
}

void TestHistory::setRange(HistoryFilterBar::Range range)
{
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("rangeFilter"));
    combo->setCurrentIndex(combo->findData(static_cast<int>(range)));
}

void TestHistory::opensOnTodayAndLoadsMoreOnScroll()
{
    QTableView* view = m_window->paymentView();
    QCOMPARE(view->model()->rowCount(), 2); // today's only
    QCOMPARE(cell(0, PaymentListModel::StateColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(1, PaymentListModel::StateColumn), QStringLiteral("Paid"));

    setRange(HistoryFilterBar::Range::AllTime);
    QTRY_COMPARE(view->model()->rowCount(), PaymentListModel::kPageSize);
    QCOMPARE(cell(0, PaymentListModel::AmountColumn), QStringLiteral("KES 20"));
    view->scrollToBottom();
    QTRY_VERIFY(view->model()->rowCount() > PaymentListModel::kPageSize); // the view asked for more
    while (view->model()->canFetchMore({}))
        view->model()->fetchMore({});
    QCOMPARE(view->model()->rowCount(), 3002);
}

void TestHistory::searchesByPhoneAsTyped()
{
    setRange(HistoryFilterBar::Range::AllTime);
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("+254 712 345 678"));
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
    QCOMPARE(cell(0, PaymentListModel::AmountColumn), QStringLiteral("KES 1,500"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("20"));
    QVERIFY(m_window->paymentModel()->rowCount() >= 1);
    for (int row = 0; row < m_window->paymentModel()->rowCount(); ++row)
        QCOMPARE(cell(row, PaymentListModel::AmountColumn), QStringLiteral("KES 20"));
}

void TestHistory::filtersByStateWithTotals()
{
    auto* group = m_window->findChild<QComboBox*>(QStringLiteral("stateFilter"));
    group->setCurrentIndex(group->findData(static_cast<int>(StateGroup::Paid)));
    QCOMPARE(m_window->paymentModel()->rowCount(), 1);
    auto* totals = m_window->findChild<QLabel*>(QStringLiteral("filterTotals"));
    QCOMPARE(totals->text(), QStringLiteral("Shown: <b>1</b> paid, KES 1,500"));
    group->setCurrentIndex(group->findData(static_cast<int>(StateGroup::All)));
    QCOMPARE(totals->text(), QStringLiteral("Shown: <b>1</b> paid, KES 1,500 · 1 failed"));

    setRange(HistoryFilterBar::Range::AllTime);
    // Counted here, payment by payment, not by the totals query under test.
    int paidCount = 0;
    Money paidSum;
    for (qint64 before = std::numeric_limits<qint64>::max();;) {
        const QList<Payment> page = m_stack->journal().page(PaymentFilter{}, before, 500);
        for (const Payment& payment : page) {
            if (payment.state == PaymentState::Complete) {
                ++paidCount;
                paidSum += payment.amount;
            }
        }
        if (page.size() < 500)
            break;
        before = page.last().sequence;
    }
    QVERIFY(paidCount > 1); // the generated history has paid payments too
    QVERIFY2(totals->text().startsWith(
                 QStringLiteral("Shown: <b>%1</b> paid, %2").arg(paidCount).arg(paidSum.toDisplayString())),
             qPrintable(totals->text()));
}

void TestHistory::exportsWhatIsShown()
{
    const QString path = m_dir.filePath(QStringLiteral("today.csv"));
    QVERIFY(m_window->exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, two payments, and the final line break
    QVERIFY(lines.at(1).contains(",20.00,Failed,"));
    QVERIFY(lines.at(2).contains(",1500.00,Complete,"));
}

void TestHistory::enterOnARowShowsItsHistory()
{
    QTableView* view = m_window->paymentView();
    view->setFocus();
    view->setCurrentIndex(view->model()->index(1, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("paymentDetails"))) &&
                dialog->isVisible());
    auto* events = dialog->findChild<QTableWidget*>(QStringLiteral("eventsTable"));
    QCOMPARE(events->rowCount(), 4); // recorded, pending, processing, complete
    QVERIFY(events->item(3, 1)->text().endsWith(QStringLiteral("Paid")));
    QCOMPARE(events->item(3, 2)->text(), QStringLiteral("COMPLETE"));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("detailsCheckButton"))->isEnabled()); // final
    const QList<QLabel*> labels = dialog->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* l) { return l->text() == u"KES 1,500"; }));
    dialog->reject();
}

void TestHistory::f2GoesToSearch()
{
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QCOMPARE(QApplication::focusWidget(), m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit")));
}

void TestHistory::rangeBoundsFollowTheLocalDay()
{
    using R = HistoryFilterBar::Range;
    // Wednesday 25 November 2026, 00:30 in Nairobi (21:30 UTC the day before).
    const QDateTime now(QDate(2026, 11, 24), QTime(21, 30), Qt::UTC);
    const auto [todayFrom, todayTo] = HistoryFilterBar::bounds(R::Today, now, {}, {});
    QCOMPARE(todayFrom, QDateTime(QDate(2026, 11, 24), QTime(21, 0), Qt::UTC));
    QVERIFY(!todayTo.isValid());
    const auto [yFrom, yTo] = HistoryFilterBar::bounds(R::Yesterday, now, {}, {});
    QCOMPARE(yFrom, QDateTime(QDate(2026, 11, 23), QTime(21, 0), Qt::UTC));
    QCOMPARE(yTo, todayFrom);
    const auto [weekFrom, weekTo] = HistoryFilterBar::bounds(R::ThisWeek, now, {}, {});
    QCOMPARE(weekFrom, QDateTime(QDate(2026, 11, 22), QTime(21, 0), Qt::UTC)); // Monday 23rd, local
    const auto [cFrom, cTo] =
        HistoryFilterBar::bounds(R::Custom, now, QDate(2026, 11, 10), QDate(2026, 11, 1));
    QCOMPARE(cFrom, QDateTime(QDate(2026, 10, 31), QTime(21, 0), Qt::UTC));
    QCOMPARE(cTo, QDateTime(QDate(2026, 11, 10), QTime(21, 0), Qt::UTC));
    QCOMPARE(HistoryFilterBar::bounds(R::AllTime, now, {}, {}).first, QDateTime());
}

void TestHistory::openPaymentFromYesterdayIsInView()
{
    // A till restarted the morning after, with a payment still waiting from last night.
    test::TestStack stack;
    Payment waiting;
    waiting.localRef = QStringLiteral("last-night");
    waiting.amount = Money::fromShillings(640);
    waiting.phone = test::phoneEndingIn('9');
    waiting.state = PaymentState::Pending;
    waiting.invoiceId = QStringLiteral("150");
    waiting.createdAt = stack.clock.now().toLocalTime().date().startOfDay().toUTC().addSecs(-600);
    waiting.updatedAt = waiting.createdAt;
    QVERIFY(stack.journal().addPayment(waiting));
    const std::unique_ptr<MainWindow> window = test::makeWindow(stack);
    QCOMPARE(window->paymentModel()->rowCount(), 1);
    QCOMPARE(window->paymentModel()->paymentAt(0).localRef, QStringLiteral("last-night"));
    QCOMPARE(window->paymentModel()->index(0, PaymentListModel::StateColumn).data().toString(),
             QStringLiteral("Waiting"));
}

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
