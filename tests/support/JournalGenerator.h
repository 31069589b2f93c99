// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Journal.h"

namespace lipa::test {

// Fills a journal with synthetic history: mostly paid, some failed, cancelled or expired, spread over
// the days before `until`, with repeat customers. Deterministic for a given seed.
class JournalGenerator {
public:
    explicit JournalGenerator(quint32 seed = 2026)
        : m_seed(seed)
    {
    }
    // Adds `count` payments in batches; false if the journal refused them.
    bool fill(Journal& journal, qint64 count, const QDateTime& until);
    static Payment synthetic(qint64 index, quint32 random, const QDateTime& createdAt);

private:
    quint32 m_seed;
};

} // namespace lipa::test
