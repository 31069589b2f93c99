// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWindow.h"

#include <QTest>

namespace lipa::test {

std::unique_ptr<MainWindow> makeWindow(TestStack& stack)
{
    return makeWindow(*stack.stack, Environment::demo(stack.simulator.baseUrl()));
}

std::unique_ptr<MainWindow> makeWindow(TillStack& stack, const Environment& environment)
{
    return std::make_unique<MainWindow>(stack, environment, Settings{}.maxSaleShillings);
}

bool showActive(QWidget& window)
{
    window.show();
    return QTest::qWaitForWindowActive(&window);
}

} // namespace lipa::test
