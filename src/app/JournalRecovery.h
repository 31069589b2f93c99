// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "Journal.h"

#include <QString>

#include <memory>

namespace lipa {

// Opens the till's journal for one environment, and settles with the cashier what happens when it
// cannot be used as it is. A damaged journal (moved aside by Journal::open, never deleted), or one moved
// aside on an earlier start, is never replaced by an empty one without asking; a locked, newer,
// read-only or full one is reported and the till does not start.
class JournalRecovery {
public:
    // The journal, or null when the till cannot start (the reason has been shown and written to stderr).
    static std::unique_ptr<Journal> open(const QString& dataDir, EnvironmentKind kind);
};

// Tells the person at the till why it cannot start, on screen and on stderr (and so in the system log).
void reportFatal(const QString& message);
// Only on stderr, as "lipa-till: <message>": for a reason the person at the till has just seen.
void printReason(const QString& message);

} // namespace lipa
