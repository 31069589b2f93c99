#pragma once

#include "Environment.h"
#include "StatusPoller.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace lipa {

// Everything a shop configures, as read from the INI file in the data dir (lipa-till.ini). Every key,
// its default and its range is listed in the README. A bad value is reported and replaced by its
// default; it never stops the till.
struct Settings {
    // [intasend]
    std::optional<EnvironmentKind> environment; // nullopt: nothing configured, so demo
    QString baseUrl;                            // for the custom environment
    QString publicKey;
    std::chrono::milliseconds requestTimeout{30000};

    // [till]
    QString tillName;
    qint64 maxAmountShillings = 250000;

    // [polling]
    PollSchedule polling;

    static QString fileName() { return QStringLiteral("lipa-till.ini"); }
    // Reads iniPath (a missing file gives the defaults). Problems are described in *problems.
    static Settings load(const QString& iniPath, QStringList* problems);
};

} // namespace lipa
