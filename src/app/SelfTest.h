// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace lipa {

class IntaSendSimulator;
class MainWindow;
class Till;

// --self-test: one demo payment typed into the real window and followed to its end. The event loop
// exits 0 when it was paid, and 1 when it ended any other way or had no answer within 30 s.
class SelfTest {
public:
    // The simulated customer answers within a second, so the whole test takes a few.
    static void speedUp(IntaSendSimulator& simulator);
    // Types the payment once the event loop runs, and watches it.
    static void start(MainWindow& window, Till& till);
};

} // namespace lipa
