// SPDX-License-Identifier: GPL-3.0-or-later
#include "CounterPrinter.h"

#include "EscPosPrinter.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace lipa {

namespace {

const QString kDrawer = QStringLiteral("drawer");

bool isBold(const QTextBlock& block)
{
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (fragment.isValid() && !fragment.text().trimmed().isEmpty() &&
            fragment.charFormat().fontWeight() >= QFont::Bold)
            return true;
    }
    return false;
}

EscPosJob::Align alignOf(const QTextBlock& block)
{
    const Qt::Alignment align = block.blockFormat().alignment();
    if (align & Qt::AlignHCenter)
        return EscPosJob::Align::Center;
    if (align & Qt::AlignRight)
        return EscPosJob::Align::Right;
    return EscPosJob::Align::Left;
}

bool hasRule(const QTextBlock& block)
{
    return block.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
}

// A cell's lines (<br/> is a line separator inside one block) and whether it is bold.
QStringList linesOf(const QTextTableCell& cell, bool* bold)
{
    QStringList lines;
    for (auto it = cell.begin(); !it.atEnd(); ++it) {
        const QTextBlock block = it.currentBlock();
        if (!block.isValid())
            continue;
        *bold = *bold || isBold(block);
        lines += block.text().split(QChar::LineSeparator);
    }
    lines.removeAll(QString());
    return lines;
}

void addTable(EscPosJob& job, QTextTable* table)
{
    for (int row = 0; row < table->rows(); ++row) {
        bool bold = false;
        QStringList left = linesOf(table->cellAt(row, 0), &bold);
        QStringList right;
        for (int column = 1; column < table->columns(); ++column)
            right += linesOf(table->cellAt(row, column), &bold);
        const QString first = left.isEmpty() ? QString() : left.takeFirst();
        job.pair(first, right.join(u' '), bold);
        for (const QString& more : left) // "M-Pesa 0712 ••• 678 QFC3…" under "Part 1/2"
            job.text(QStringLiteral("  ") + more);
    }
}

} // namespace

CounterPrinter::CounterPrinter(const EscPosTarget& target, Printout::Paper paper, bool drawer,
                               QObject* parent)
    : QObject(parent)
    , m_printer(new EscPosPrinter(target, this))
    , m_columns(columnsFor(paper))
    , m_drawer(drawer)
{
    connect(m_printer, &EscPosPrinter::printed, this, [this](const QString& what) {
        if (what != kDrawer)
            Q_EMIT printed(tr("%1 printed").arg(what));
    });
    connect(m_printer, &EscPosPrinter::failed, this, [this](const QString& what, const QString& reason) {
        Q_EMIT failed(
            what == kDrawer
                ? tr("The cash drawer did not open: %1").arg(reason)
                : tr("%1 was not printed: %2 Then print it again (Ctrl+P for a receipt).").arg(what, reason));
    });
}

QByteArray CounterPrinter::jobFromHtml(const QString& html, int columns)
{
    QTextDocument document;
    document.setHtml(html);
    EscPosJob job(columns);
    for (auto it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto* table = qobject_cast<QTextTable*>(it.currentFrame())) {
            addTable(job, table);
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid())
            continue;
        if (hasRule(block) && block.text().trimmed().isEmpty()) {
            job.rule();
            continue;
        }
        const bool bold = isBold(block);
        for (const QString& line : block.text().split(QChar::LineSeparator)) {
            if (!line.trimmed().isEmpty())
                job.text(line, alignOf(block), bold);
        }
        if (hasRule(block))
            job.rule();
    }
    job.cut();
    return job.bytes();
}

void CounterPrinter::print(const QString& html, const QString& what)
{
    m_printer->print(jobFromHtml(html, m_columns), what);
}

void CounterPrinter::printOrPreview(CounterPrinter* printer, const Printout& printout, QWidget* parent,
                                    const QString& title)
{
    if (printer)
        printer->print(printout.html(), title);
    else
        printout.preview(parent, title);
}

void CounterPrinter::openDrawer()
{
    if (!m_drawer)
        return;
    EscPosJob job(m_columns);
    job.openDrawer();
    m_printer->print(job.bytes(), kDrawer);
}

} // namespace lipa
