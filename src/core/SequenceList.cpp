// SPDX-License-Identifier: GPL-3.0-or-later
#include "SequenceList.h"

#include <algorithm>

namespace lipa {

namespace {

void appendVarint(QByteArray& bytes, quint64 value)
{
    while (value >= 0x80) {
        bytes.append(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    bytes.append(static_cast<char>(value));
}

quint64 readVarint(const char*& at)
{
    quint64 value = 0;
    int shift = 0;
    for (;;) {
        const auto byte = static_cast<quint8>(*at++);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
        shift += 7;
    }
}

} // namespace

qint64 SequenceList::at(qsizetype row) const
{
    Q_ASSERT(row >= 0 && row < size());
    if (row < m_top.size())
        return m_top.at(m_top.size() - 1 - row);
    return bottomAt(row - m_top.size());
}

qint64 SequenceList::bottomAt(qsizetype index) const
{
    const Block& block = m_blocks.at(index / kBlockSize);
    qint64 sequence = block.first;
    const char* gap = block.gaps.constData();
    for (qsizetype step = index % kBlockSize; step > 0; --step)
        sequence -= static_cast<qint64>(readVarint(gap));
    return sequence;
}

qsizetype SequenceList::indexOf(qint64 sequence) const
{
    // m_top ascends.
    const auto top = std::lower_bound(m_top.cbegin(), m_top.cend(), sequence);
    if (top != m_top.cend() && *top == sequence)
        return m_top.cend() - top - 1;
    const qsizetype bottom = bottomIndexOf(sequence);
    return bottom < 0 ? -1 : m_top.size() + bottom;
}

qsizetype SequenceList::bottomIndexOf(qint64 sequence) const
{
    // The first block whose last sequence is not above the one sought may hold it (blocks descend).
    const auto block = std::partition_point(m_blocks.cbegin(), m_blocks.cend(),
                                            [sequence](const Block& b) { return b.last > sequence; });
    if (block == m_blocks.cend() || block->first < sequence)
        return -1;
    qint64 at = block->first;
    const char* gap = block->gaps.constData();
    for (int step = 0; step < block->count; ++step) {
        if (at == sequence)
            return (block - m_blocks.cbegin()) * kBlockSize + step;
        if (at < sequence || step + 1 == block->count)
            break;
        at -= static_cast<qint64>(readVarint(gap));
    }
    return -1;
}

void SequenceList::prepend(qint64 sequence)
{
    Q_ASSERT(isEmpty() || sequence > first());
    m_top.append(sequence);
}

void SequenceList::append(qint64 sequence)
{
    Q_ASSERT(isEmpty() || sequence < last());
    if (m_blocks.isEmpty() || m_blocks.last().count == kBlockSize) {
        m_blocks.append(Block{sequence, sequence, 1, {}});
    } else {
        Block& block = m_blocks.last();
        appendVarint(block.gaps, static_cast<quint64>(block.last - sequence));
        block.last = sequence;
        ++block.count;
        if (block.count == kBlockSize)
            block.gaps.squeeze();
    }
    ++m_bottomSize;
}

void SequenceList::clear()
{
    m_top.clear();
    m_blocks.clear();
    m_bottomSize = 0;
}

qsizetype SequenceList::bytesUsed() const
{
    qsizetype bytes =
        m_top.capacity() * qsizetype(sizeof(qint64)) + m_blocks.capacity() * qsizetype(sizeof(Block));
    for (const Block& block : m_blocks)
        bytes += block.gaps.capacity();
    return bytes;
}

} // namespace lipa
