// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShiftBook.h"

#include "Journal.h"

#include <QLoggingCategory>

namespace lipa {

Q_LOGGING_CATEGORY(lcShifts, "lipa.till")

ShiftBook::ShiftBook(Journal& journal, Clock& clock, QString tillName, QObject* parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock)
    , m_tillName(std::move(tillName))
{
}

std::optional<Shift> ShiftBook::open(const QString& cashier)
{
    std::optional<Shift> shift = m_journal.shifts().open(cashier.trimmed(), m_clock.now());
    if (!shift)
        Q_EMIT notice(tr("The shift could not be opened: %1").arg(m_journal.lastError()));
    else
        qCInfo(lcShifts) << "shift" << shift->id << "opened";
    return shift;
}

std::optional<Shift> ShiftBook::current() const
{
    return m_journal.shifts().current();
}

std::optional<ShiftReport> ShiftBook::xReport() const
{
    const std::optional<Shift> shift = current();
    if (!shift)
        return std::nullopt;
    return ShiftReport::build(m_journal, *shift, ShiftReport::Kind::X, m_tillName, m_clock.now(), nullptr,
                              m_reconciles && m_reconciles());
}

std::optional<ShiftReport> ShiftBook::close()
{
    std::optional<Shift> shift = current();
    if (!shift)
        return std::nullopt;
    shift->closedAt = m_clock.now();
    bool read = false;
    ShiftReport report = ShiftReport::build(m_journal, *shift, ShiftReport::Kind::Z, m_tillName,
                                            shift->closedAt, &read, m_reconciles && m_reconciles());
    if (!read || !m_journal.shifts().close(shift->id, shift->closedAt, report.toPlainText())) {
        Q_EMIT notice(tr("The shift could not be closed: %1. It stays open.").arg(m_journal.lastError()));
        return std::nullopt;
    }
    report.shift.zReport = report.toPlainText();
    qCInfo(lcShifts) << "shift" << shift->id << "closed with" << report.paymentCount << "payments";
    return report;
}

} // namespace lipa
