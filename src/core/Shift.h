// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace lipa {

// A cashier's stretch at the till, from "Open shift" to the Z report that closes it.
struct Shift {
    qint64 id = 0;
    QString cashier;
    QDateTime openedAt; // UTC
    QDateTime closedAt; // UTC; invalid while the shift is open
    QString zReport;    // the Z report as printed, kept for the shop's records; empty while open

    bool isOpen() const { return !closedAt.isValid(); }
};

} // namespace lipa
