// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"

#include <QList>

// What tests and benchmarks do to a journal that a till never does: write years of history at once, and
// make the disk look full. Kept out of Journal so that the till cannot call them.
namespace lipa::test {

// Records many finished payments (each with one event) in one transaction, for the journal generator.
// False if the journal refused them; nothing is then recorded.
bool addHistory(Journal& journal, const QList<Payment>& payments);
// Caps the file's size, as a full disk would (SQLite's max_page_count).
void limitSize(Journal& journal, int pages);

} // namespace lipa::test
