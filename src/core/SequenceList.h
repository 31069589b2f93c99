// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

namespace lipa {

// A list of journal sequences in strictly descending order (newest first), kept compact: what the
// transaction list remembers of each row it has shown, so that scrolling through a million payments costs
// about a byte a row rather than a payment's worth.
//
// Rows appended at the end (older pages) are stored in blocks of kBlockSize: each block keeps its first
// sequence and the gaps to the next ones as variable-length integers (one byte for a gap under 128, which
// is every gap of an unfiltered journal). Rows added on top (new payments, a few hundred a day) are kept
// as they are.
class SequenceList {
public:
    static constexpr int kBlockSize = 256;

    qsizetype size() const { return m_top.size() + m_bottomSize; }
    bool isEmpty() const { return size() == 0; }
    // Row 0 is the newest.
    qint64 at(qsizetype row) const;
    qint64 first() const { return at(0); }
    qint64 last() const { return at(size() - 1); }
    // The row holding this sequence, or -1.
    qsizetype indexOf(qint64 sequence) const;

    // A sequence above every one held (a new payment).
    void prepend(qint64 sequence);
    // A sequence below every one held (the next page of older payments).
    void append(qint64 sequence);
    void clear();

    // Bytes held, for tests and benchmarks.
    qsizetype bytesUsed() const;

private:
    struct Block {
        qint64 first = 0;
        qint64 last = 0;
        int count = 0;
        QByteArray gaps; // count - 1 gaps, each as an unsigned LEB128 integer
    };
    qint64 bottomAt(qsizetype index) const;
    qsizetype bottomIndexOf(qint64 sequence) const;

    QList<qint64> m_top; // prepended ones, oldest first: m_top.last() is row 0
    QList<Block> m_blocks;
    qsizetype m_bottomSize = 0;
};

} // namespace lipa
