// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QString>

namespace lipa::sim {

// What the simulated customer does, chosen by the last digit of their phone number (see the README).
struct ScriptedOutcome {
    enum Kind { Pays, Fails, NeverAnswers };
    Kind kind = Pays;
    QString failedCode;   // M-Pesa result code, for Fails
    QString failedReason; // the text IntaSend passes on, for Fails
};

ScriptedOutcome scriptedOutcomeFor(QChar lastDigit);

} // namespace lipa::sim
