// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Reconciliation.h"

#include <QString>

namespace lipa {

// A reconciliation as the owner reads it: HTML for QTextDocument (printed or saved as PDF by the GUI),
// plain text (the Z report's summary), and CSV (one line per item worth a look).
namespace ReconcileReport {

QString title(const Reconciliation& reconciliation);
QString toHtml(const Reconciliation& reconciliation);
// The summary in a few lines, for the Z report.
QString summaryText(const ReconcileSummary& summary);
// The summary as HTML rows (PrintHtml::row) for the Z report's HTML.
QString summaryHtml(const ReconcileSummary& summary);
QByteArray toCsv(const Reconciliation& reconciliation);

} // namespace ReconcileReport

} // namespace lipa
