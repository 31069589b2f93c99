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
// The disk fills up now: the file is capped at its size and what room is left in it is taken, so that
// the till's next write fails as on a full disk. The journal must hold a payment. False if it could not
// be filled.
bool fillUp(Journal& journal);
// Room again (after fillUp): what filled it is gone and the cap is lifted.
void freeUp(Journal& journal);
// Reading payments from the journal fails from now on (their table is out of reach), until
// makeReadable(). False if that could not be arranged.
bool makeUnreadable(Journal& journal);
bool makeReadable(Journal& journal);

} // namespace lipa::test
