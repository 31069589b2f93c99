#include "PaymentState.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace lipa {

namespace {

using S = PaymentState;

// Every allowed move: ARCHITECTURE.md's diagram plus the cash moves at the end (settling in cash came
// with the cashier's "Use cash"; the diagram has no such state). A move that is not here is a bug or a
// bad answer from the server, and Till refuses it. Unknown may resolve to anything a later status check
// reports.
constexpr std::array kTransitions = {
    std::pair{S::Sending, S::Pending},
    std::pair{S::Sending, S::Rejected},
    std::pair{S::Sending, S::Unknown},
    std::pair{S::Pending, S::Processing},
    std::pair{S::Pending, S::Complete},
    std::pair{S::Pending, S::Failed},
    std::pair{S::Pending, S::Expired},
    std::pair{S::Processing, S::Complete},
    std::pair{S::Processing, S::Failed},
    std::pair{S::Processing, S::Expired},
    std::pair{S::Expired, S::Complete},
    std::pair{S::Expired, S::Failed},
    std::pair{S::Unknown, S::Pending},
    std::pair{S::Unknown, S::Processing},
    std::pair{S::Unknown, S::Complete},
    std::pair{S::Unknown, S::Failed},
    // The cashier took cash instead. Only from states where no M-Pesa money has been seen; and M-Pesa
    // may still report the sale paid afterwards (the customer approved late): that is recorded, and the
    // cashier told to give the cash back.
    std::pair{S::Pending, S::Cash},
    std::pair{S::Processing, S::Cash},
    std::pair{S::Unknown, S::Cash},
    std::pair{S::Expired, S::Cash},
    std::pair{S::Failed, S::Cash},
    std::pair{S::Rejected, S::Cash},
    std::pair{S::Cash, S::Complete},
};

struct StateNames {
    PaymentState state;
    const char* key;
    const char* display;
};

constexpr std::array kNames = {
    StateNames{S::Sending, "Sending", QT_TRANSLATE_NOOP("lipa::PaymentState", "Sending")},
    StateNames{S::Pending, "Pending", QT_TRANSLATE_NOOP("lipa::PaymentState", "Waiting")},
    StateNames{S::Processing, "Processing", QT_TRANSLATE_NOOP("lipa::PaymentState", "Processing")},
    StateNames{S::Complete, "Complete", QT_TRANSLATE_NOOP("lipa::PaymentState", "Paid")},
    StateNames{S::Failed, "Failed", QT_TRANSLATE_NOOP("lipa::PaymentState", "Failed")},
    StateNames{S::Expired, "Expired", QT_TRANSLATE_NOOP("lipa::PaymentState", "Expired")},
    StateNames{S::Rejected, "Rejected", QT_TRANSLATE_NOOP("lipa::PaymentState", "Not sent")},
    StateNames{S::Unknown, "Unknown", QT_TRANSLATE_NOOP("lipa::PaymentState", "Unknown")},
    StateNames{S::Cash, "Cash", QT_TRANSLATE_NOOP("lipa::PaymentState", "Paid in cash")},
};

const StateNames& namesOf(PaymentState state)
{
    for (const auto& names : kNames) {
        if (names.state == state)
            return names;
    }
    Q_UNREACHABLE();
}

} // namespace

bool canTransition(PaymentState from, PaymentState to)
{
    for (const auto& [f, t] : kTransitions) {
        if (f == from && t == to)
            return true;
    }
    return false;
}

bool isFinal(PaymentState state)
{
    return state == S::Complete || state == S::Failed || state == S::Rejected || state == S::Cash;
}

bool maySettleInCash(PaymentState state)
{
    return canTransition(state, S::Cash);
}

bool isAwaitingCustomer(PaymentState state)
{
    return state == S::Pending || state == S::Processing;
}

QString stateKey(PaymentState state)
{
    return QString::fromLatin1(namesOf(state).key);
}

std::optional<PaymentState> stateFromKey(const QString& key)
{
    for (const auto& names : kNames) {
        if (key == QLatin1String(names.key))
            return names.state;
    }
    return std::nullopt;
}

QString stateDisplayName(PaymentState state)
{
    return QCoreApplication::translate("lipa::PaymentState", namesOf(state).display);
}

} // namespace lipa
