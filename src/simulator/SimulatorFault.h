// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace lipa::sim {

// The ways the simulated IntaSend can misbehave, to try the till against each (see the README).
enum class FaultMode {
    None,
    Refuse,           // refuse: nobody listens; connections are refused
    Delay,            // delay=MS: the right answer, MS milliseconds late
    DropAfterRequest, // drop: reads the request (a push reaches the phone), hangs up without answering
    ServerError,      // 500: processes the request, answers HTTP 500
    UnavailableHtml,  // 503-html: an HTML 503 page from a proxy; the request goes no further
    RateLimited,      // 429=SECONDS: "slow down", with Retry-After; the request goes no further
    MalformedJson,    // malformed-json: processes the request, answers broken JSON
    TruncatedBody,    // truncated: processes the request, sends half the answer, hangs up
    WrongTypes,       // wrong-types: processes the request, answers JSON with the wrong types
    UnknownState,     // unknown-state: answers with a state the till does not know ("ON_HOLD")
    SlowDrip,         // slow-drip=MS: the right answer, one byte every MS milliseconds
    OversizeBody,     // oversize: the right answer padded to over 3 MiB
    IgnoreFilters,    // ignore-filters: the invoice list answers as if asked for every invoice
};

// The routes a fault applies to: all, the push, the status check, IntaSend's records (the invoice list
// and a single invoice), or refund requests (the chargeback routes: filing, listing and reading one).
enum class FaultScope { All, Pushes, StatusChecks, Records, Refunds };
enum class Route { Push, Status, Records, Refunds };

struct Fault {
    FaultMode mode = FaultMode::None;
    int parameter = 0; // milliseconds for delay and slow-drip, seconds for 429
    FaultScope scope = FaultScope::All;

    bool appliesTo(Route route) const
    {
        switch (scope) {
        case FaultScope::All:
            return true;
        case FaultScope::Pushes:
            return route == Route::Push;
        case FaultScope::StatusChecks:
            return route == Route::Status;
        case FaultScope::Records:
            return route == Route::Records;
        case FaultScope::Refunds:
            return route == Route::Refunds;
        }
        return false;
    }
};

// "delay=2500", "429", "drop"... → the fault, or nullopt for text that names none.
std::optional<Fault> parseFault(const QString& text, FaultScope scope = FaultScope::All);
// "all", "push", "status", "records", "refunds" → the scope.
std::optional<FaultScope> parseFaultScope(const QString& text);
// The names parseFault understands, for --help and error messages.
QStringList faultNames();
QString faultName(const Fault& fault);

} // namespace lipa::sim
