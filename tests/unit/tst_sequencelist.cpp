// SPDX-License-Identifier: GPL-3.0-or-later
#include "SequenceList.h"

#include <QRandomGenerator>
#include <QTest>

#include <deque>

using namespace lipa;

class TestSequenceList : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holdsWhatAPlainListHolds();
    void denseHistoryCostsAboutAByteARow();
};

void TestSequenceList::holdsWhatAPlainListHolds()
{
    // Pages of older payments appended (gaps of every size, some beyond a varint's first bytes), new ones
    // prepended, compared with a plain list at every step.
    QRandomGenerator random(17);
    SequenceList list;
    std::deque<qint64> plain;
    qint64 top = 5'000'000'000;
    qint64 bottom = top;
    for (int step = 0; step < 5000; ++step) {
        if (random.bounded(10) == 0) {
            top += 1 + random.bounded(3);
            list.prepend(top);
            plain.push_front(top);
        } else {
            const int kind = random.bounded(4);
            bottom -= kind == 0 ? 1 : kind == 1 ? 1 + random.bounded(200) : 1 + random.bounded(3'000'000);
            list.append(bottom);
            plain.push_back(bottom);
        }
    }
    QCOMPARE(list.size(), qsizetype(plain.size()));
    QCOMPARE(list.first(), plain.front());
    QCOMPARE(list.last(), plain.back());
    for (qsizetype row = 0; row < list.size(); ++row) {
        QCOMPARE(list.at(row), plain.at(size_t(row)));
        QCOMPARE(list.indexOf(plain.at(size_t(row))), row);
    }
    // Sequences between the held ones, above and below all of them, are not found.
    QCOMPARE(list.indexOf(top + 1), qsizetype(-1));
    QCOMPARE(list.indexOf(bottom - 1), qsizetype(-1));
    int absent = 0;
    for (size_t i = 0; i + 1 < plain.size(); ++i) {
        if (plain.at(i) - plain.at(i + 1) > 1) {
            QCOMPARE(list.indexOf(plain.at(i) - 1), qsizetype(-1));
            ++absent;
        }
    }
    QVERIFY(absent > 1000);
    list.clear();
    QVERIFY(list.isEmpty());
    QCOMPARE(list.indexOf(top), qsizetype(-1));
}

void TestSequenceList::denseHistoryCostsAboutAByteARow()
{
    SequenceList list;
    for (qint64 sequence = 1'000'000; sequence > 0; --sequence)
        list.append(sequence);
    QCOMPARE(list.size(), qsizetype(1'000'000));
    QCOMPARE(list.at(999'999), qint64(1));
    QCOMPARE(list.indexOf(123'457), qsizetype(1'000'000 - 123'457));
    QVERIFY2(list.bytesUsed() < 2'000'000, qPrintable(QString::number(list.bytesUsed())));
}

QTEST_APPLESS_MAIN(TestSequenceList)
#include "tst_sequencelist.moc"
