// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IntaSendSimulator.h"
#include "JournalTesting.h"
#include "ManualClock.h"
#include "TillStack.h"

#include <chrono>
#include <functional>
#include <memory>

namespace lipa::test {

// A whole till on a manual clock, talking real HTTP over loopback to a simulator on the same clock.
class TestStack {
public:
    // A journal in memory unless one is given.
    explicit TestStack(Settings settings = {}, const QString& secretKey = {},
                       std::unique_ptr<Journal> journal = {});
    // The same, with the client's set-up changed first (a shorter timeout, a wrong key, another URL).
    TestStack(Settings settings, const std::function<void(ClientConfig&)>& configure,
              std::unique_ptr<Journal> journal = {});

    Till& till() { return stack->till; }
    StatusPoller& poller() { return stack->poller; }
    Journal& journal() { return stack->journal; }
    ServiceHealth& health() { return stack->health; }
    ResendDesk& resends() { return stack->resends; }
    CashDesk& cash() { return stack->cash; }
    SaleDesk& sales() { return stack->sales; }
    ShiftBook& shifts() { return stack->shifts; }
    // Today's figures (local day on the clock), as the main window's totals panel shows them.
    Totals todaysTotals();
    // A TillStack on this clock with a fresh in-memory journal, pointed at baseUrl.
    static std::unique_ptr<TillStack> stackFor(Clock& clock, const QString& baseUrl, const QString& publicKey,
                                               std::chrono::milliseconds timeout,
                                               std::unique_ptr<Journal> journal = {});

    // Waits (on the event loop, not the clock) until no call to the simulator is in flight. Every "nothing
    // was sent" count comes after it: a request on its way has not reached the simulator yet.
    bool waitForNetwork();
    // What the simulator has received once the till is idle (-1 if it never was): for "nothing more was
    // sent" checks.
    int pushesOnceIdle();
    int statusChecksOnceIdle();
    // Moves the clock forward in steps, letting each round of requests finish, until done() holds.
    bool advanceUntil(const std::function<bool()>& done, std::chrono::milliseconds budget,
                      std::chrono::milliseconds step = std::chrono::milliseconds(500));

    ManualClock clock;
    IntaSendSimulator simulator{clock};
    std::unique_ptr<TillStack> stack;
};

// A phone number whose last digit scripts the simulated customer (see ScriptedOutcome).
PhoneNumber phoneEndingIn(char digit);
// The bytes of a file in tests/fixtures/intasend.
QByteArray fixture(const QString& name);

} // namespace lipa::test
