// SPDX-License-Identifier: GPL-3.0-or-later
#include "Refund.h"

#include <QCoreApplication>

#include <array>

namespace lipa {

namespace {

struct RefundTraits {
    RefundState state;
    const char* key;
    const char* name; // for translation in the "lipa::Refund" context
    bool final;
    bool holdsAmount;
};

constexpr std::array kRefundStates = {
    RefundTraits{RefundState::Sending, "Sending", QT_TRANSLATE_NOOP("lipa::Refund", "Refund being sent"),
                 false, true},
    RefundTraits{RefundState::Unconfirmed, "Unconfirmed",
                 QT_TRANSLATE_NOOP("lipa::Refund", "Refund request unconfirmed"), false, true},
    RefundTraits{RefundState::Refused, "Refused", QT_TRANSLATE_NOOP("lipa::Refund", "Refund not requested"),
                 true, false},
    RefundTraits{RefundState::Pending, "Pending", QT_TRANSLATE_NOOP("lipa::Refund", "Refund requested"),
                 false, true},
    RefundTraits{RefundState::Disputed, "Disputed", QT_TRANSLATE_NOOP("lipa::Refund", "Refund disputed"),
                 false, true},
    RefundTraits{RefundState::Overdue, "Overdue", QT_TRANSLATE_NOOP("lipa::Refund", "Refund overdue"), false,
                 true},
    RefundTraits{RefundState::Cancelled, "Cancelled", QT_TRANSLATE_NOOP("lipa::Refund", "Refund cancelled"),
                 true, false},
    RefundTraits{RefundState::Completed, "Completed", QT_TRANSLATE_NOOP("lipa::Refund", "Refunded"), true,
                 true},
};

const RefundTraits& traits(RefundState state)
{
    for (const RefundTraits& t : kRefundStates) {
        if (t.state == state)
            return t;
    }
    Q_UNREACHABLE();
}

} // namespace

QString refundStateKey(RefundState state)
{
    return QString::fromLatin1(traits(state).key);
}

std::optional<RefundState> refundStateFromKey(const QString& key)
{
    for (const RefundTraits& t : kRefundStates) {
        if (key == QLatin1String(t.key))
            return t.state;
    }
    return std::nullopt;
}

QString refundStateName(RefundState state)
{
    return QCoreApplication::translate("lipa::Refund", traits(state).name);
}

bool isFinal(RefundState state)
{
    return traits(state).final;
}

bool holdsAmount(RefundState state)
{
    return traits(state).holdsAmount;
}

std::optional<RefundState> refundStateFromIntaSend(const QString& status)
{
    const QString word = status.trimmed().toUpper();
    if (word == QLatin1String("PENDING"))
        return RefundState::Pending;
    if (word == QLatin1String("CANCELLED") || word == QLatin1String("CANCELED"))
        return RefundState::Cancelled;
    if (word == QLatin1String("DISPUTED"))
        return RefundState::Disputed;
    if (word == QLatin1String("OVERDUE"))
        return RefundState::Overdue;
    if (word == QLatin1String("COMPLETED") || word == QLatin1String("COMPLETE"))
        return RefundState::Completed;
    return std::nullopt;
}

} // namespace lipa
