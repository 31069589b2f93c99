// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedOutcome.h"

namespace lipa::sim {

ScriptedOutcome scriptedOutcomeFor(QChar lastDigit)
{
    using K = ScriptedOutcome::Kind;
    switch (lastDigit.unicode()) {
    case u'0':
        return {K::Fails, QStringLiteral("1032"), QStringLiteral("Request cancelled by user")};
    case u'1':
        return {K::Fails, QStringLiteral("1"),
                QStringLiteral("The balance is insufficient for the transaction")};
    case u'2':
        return {K::Fails, QStringLiteral("2001"), QStringLiteral("The initiator information is invalid")};
    case u'3':
        return {K::Fails, QStringLiteral("1037"), QStringLiteral("DS timeout user cannot be reached")};
    case u'9':
        return {K::NeverAnswers, {}, {}};
    default:
        return {K::Pays, {}, {}};
    }
}

} // namespace lipa::sim
