// SPDX-License-Identifier: GPL-3.0-or-later
#include "CashierDriver.h"

#include <QApplication>
#include <QLineEdit>

namespace lipa::test {

void CashierDriver::typeSale(const QString& amount, const QString& phone) const
{
    QTest::keyClicks(find<QLineEdit>("amountEdit"), amount);
    QTest::keyClick(find<QLineEdit>("amountEdit"), Qt::Key_Tab);
    QTest::keyClicks(find<QLineEdit>("phoneEdit"), phone);
}

void CashierDriver::charge(const QString& amount, const QString& phone) const
{
    typeSale(amount, phone);
    QTest::keyClick(find<QLineEdit>("phoneEdit"), Qt::Key_Return);
}

void CashierDriver::typeAtFocus(const QString& amount, const QString& phone) const
{
    QTest::keyClicks(QApplication::focusWidget(), amount);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), phone);
}

} // namespace lipa::test
