// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Shift.h"

#include <QDateTime>
#include <QString>

#include <optional>

class QSqlQuery;

namespace lipa {

class JournalConnection;

// The shifts table of the journal: opens a shift, one at a time, and closes it with its Z report.
// Works on the journal's connection, so a failure is what the journal's lastError() reports.
class ShiftLog {
public:
    explicit ShiftLog(JournalConnection& connection);
    ShiftLog(const ShiftLog&) = delete;
    ShiftLog& operator=(const ShiftLog&) = delete;

    // Opening another fails while one is open (the schema allows one open shift).
    std::optional<Shift> open(const QString& cashier, const QDateTime& at);
    std::optional<Shift> current() const;
    // Closes the open shift with its Z report, durably. False (lastError() says why) if it could not.
    bool close(qint64 shiftId, const QDateTime& at, const QString& zReport);
    std::optional<Shift> find(qint64 id) const;

    // The columns read() expects, in its order, and reading such a row (the outbox reads shifts too).
    static const QString& columns();
    static Shift read(const QSqlQuery& query);

private:
    JournalConnection& m_connection;
};

} // namespace lipa
