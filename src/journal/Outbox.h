// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopFeed.h"

#include <optional>

namespace lipa {

class JournalConnection;

// The journal's outbox: every change the journal records (a payment's event, IntaSend's fees learnt
// later, a shift opened or closed) gets a running number in the same transaction (triggers, migration 6).
// The shop link reads it in slices and sends them to the shop database; the database remembers up to
// which number it has each till's journal, so the till keeps no mark of its own that a crash could
// leave behind.
class Outbox {
public:
    explicit Outbox(JournalConnection& connection);
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    // The newest number; 0 when nothing was ever recorded. nullopt when the journal cannot be read.
    std::optional<qint64> lastSeq() const;
    // Up to `limit` items after afterSeq, as one batch carrying the rows they name (the payments as they
    // are now, the events, the shifts). nullopt when the journal cannot be read.
    std::optional<OutboxBatch> after(qint64 afterSeq, int limit) const;
    // The random token the journal gave its item number seq (migration 7): empty when there is no such
    // item, nullopt when the journal cannot be read. Another journal's item at the same number has
    // another token, so the shop database can tell this till's journal from a copy that went its own way.
    std::optional<QString> tokenAt(qint64 seq) const;

private:
    JournalConnection& m_connection;
};

} // namespace lipa
