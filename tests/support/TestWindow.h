// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "MainWindow.h"
#include "TestStack.h"

#include <memory>

namespace lipa::test {

// The main window as the app makes it, on a test's till: the demo environment on the stack's simulator
// (or the environment given) and the default largest sale (KES 1,000,000; one M-Pesa payment: KES 150,000).
std::unique_ptr<MainWindow> makeWindow(TestStack& stack);
std::unique_ptr<MainWindow> makeWindow(TillStack& stack, const Environment& environment);
// Shows the window and waits until it has the keyboard; false if it never gets it.
[[nodiscard]] bool showActive(QWidget& window);

} // namespace lipa::test
