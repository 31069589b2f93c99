// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimulatorFault.h"

#include <array>

namespace lipa::sim {

namespace {

struct Known {
    const char* name;
    FaultMode mode;
    int defaultParameter;
};

constexpr std::array kKnown{
    Known{"none", FaultMode::None, 0},
    Known{"refuse", FaultMode::Refuse, 0},
    Known{"delay", FaultMode::Delay, 5000},
    Known{"drop", FaultMode::DropAfterRequest, 0},
    Known{"500", FaultMode::ServerError, 0},
    Known{"503-html", FaultMode::UnavailableHtml, 0},
    Known{"429", FaultMode::RateLimited, 30},
    Known{"malformed-json", FaultMode::MalformedJson, 0},
    Known{"truncated", FaultMode::TruncatedBody, 0},
    Known{"wrong-types", FaultMode::WrongTypes, 0},
    Known{"unknown-state", FaultMode::UnknownState, 0},
    Known{"slow-drip", FaultMode::SlowDrip, 500},
    Known{"oversize", FaultMode::OversizeBody, 0},
    Known{"ignore-filters", FaultMode::IgnoreFilters, 0},
};

bool takesParameter(FaultMode mode)
{
    return mode == FaultMode::Delay || mode == FaultMode::RateLimited || mode == FaultMode::SlowDrip;
}

} // namespace

std::optional<Fault> parseFault(const QString& text, FaultScope scope)
{
    const QString name = text.section(u'=', 0, 0).trimmed().toLower();
    const QString value = text.section(u'=', 1).trimmed();
    for (const Known& known : kKnown) {
        if (name != QLatin1String(known.name))
            continue;
        Fault fault{known.mode, known.defaultParameter, scope};
        if (text.contains(u'=')) {
            bool ok = false;
            const int parameter = value.toInt(&ok);
            if (!ok || parameter < 0 || parameter > 3'600'000 || !takesParameter(known.mode))
                return std::nullopt;
            fault.parameter = parameter;
        }
        return fault;
    }
    return std::nullopt;
}

std::optional<FaultScope> parseFaultScope(const QString& text)
{
    if (text == u"all")
        return FaultScope::All;
    if (text == u"push")
        return FaultScope::Pushes;
    if (text == u"status")
        return FaultScope::StatusChecks;
    if (text == u"records")
        return FaultScope::Records;
    if (text == u"refunds")
        return FaultScope::Refunds;
    return std::nullopt;
}

QStringList faultNames()
{
    QStringList names;
    for (const Known& known : kKnown)
        names << QString::fromLatin1(known.name) +
                     (takesParameter(known.mode) ? QStringLiteral("[=N]") : QString());
    return names;
}

QString faultName(const Fault& fault)
{
    for (const Known& known : kKnown) {
        if (known.mode == fault.mode)
            return QString::fromLatin1(known.name) +
                   (takesParameter(fault.mode) ? u'=' + QString::number(fault.parameter) : QString());
    }
    return {};
}

} // namespace lipa::sim
