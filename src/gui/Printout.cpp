// SPDX-License-Identifier: GPL-3.0-or-later
#include "Printout.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QTextDocument>

#include <memory>

namespace lipa {

namespace {

constexpr double kRollMarginMm = 3.0;

double rollWidthMm(Printout::Paper paper)
{
    return paper == Printout::Paper::Roll58 ? 58.0 : 80.0;
}

// Text on a 58 mm roll has about 32 characters a line; larger on wider paper.
double pointSizeFor(Printout::Paper paper)
{
    switch (paper) {
    case Printout::Paper::Roll58:
        return 7.5;
    case Printout::Paper::Roll80:
        return 9.0;
    case Printout::Paper::A4:
        return 11.0;
    }
    return 9.0;
}

} // namespace

Printout::Paper Printout::paperFromSetting(const QString& setting)
{
    if (setting == u"58mm")
        return Paper::Roll58;
    if (setting == u"a4")
        return Paper::A4;
    return Paper::Roll80;
}

Printout::Printout(QString html, Paper paper)
    : m_html(std::move(html))
    , m_paper(paper)
{
}

void Printout::printTo(QPrinter& printer) const
{
    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(pointSizeFor(m_paper));
    document.setDefaultFont(font);
    document.setHtml(m_html);

    if (m_paper == Paper::A4) {
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        document.print(&printer); // paginated: a long Z report runs over several sheets
        return;
    }

    // A roll: one page, as wide as the paper and as long as the text.
    const double widthMm = rollWidthMm(m_paper);
    printer.setPageMargins(QMarginsF(kRollMarginMm, kRollMarginMm, kRollMarginMm, kRollMarginMm),
                           QPageLayout::Millimeter);
    printer.setPageSize(
        QPageSize(QSizeF(widthMm, 1000.0), QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
    document.documentLayout()->setPaintDevice(&printer);
    document.setDocumentMargin(0);
    const double dotsPerMm = printer.resolution() / 25.4;
    document.setTextWidth((widthMm - 2 * kRollMarginMm) * dotsPerMm);
    const double heightMm = document.size().height() / dotsPerMm + 2 * kRollMarginMm + 1.0;
    printer.setPageSize(
        QPageSize(QSizeF(widthMm, heightMm), QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
    QPainter painter(&printer);
    document.drawContents(&painter);
}

bool Printout::savePdf(const QString& path, QString* error) const
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setCreator(QStringLiteral("Lipa Till"));
    // The cashier agreed to replace a file of that name; removing it first means a file there afterwards
    // is this printout, not an old one left by a write that failed.
    if (QFile::exists(path) && !QFile::remove(path)) {
        if (error)
            *error = QObject::tr("%1 could not be replaced.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    printTo(printer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error =
                QObject::tr("%1 could not be written. Check that the folder exists and can be written to.")
                    .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void Printout::preview(QWidget* parent, const QString& title) const
{
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    auto* dialog = new QPrintPreviewDialog(printer.get(), parent);
    dialog->setObjectName(QStringLiteral("printPreview"));
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Printout copy = *this;
    // The printer lives as long as the connection, which lives as long as the dialog.
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                     [copy, printer](QPrinter* target) { copy.printTo(*target); });
    dialog->open();
}

void Printout::saveAsPdf(QWidget* parent, const QString& suggestedName) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QDir(folder).exists())
        folder = QDir::homePath(); // a till user often has no Documents folder
    auto* dialog = new QFileDialog(parent, QObject::tr("Save as PDF"), QDir(folder).filePath(suggestedName),
                                   QObject::tr("PDF files (*.pdf)"));
    dialog->setObjectName(QStringLiteral("savePdfDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Printout copy = *this;
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, [parent, copy](const QString& path) {
        QString error;
        if (copy.savePdf(path, &error))
            return;
        auto* box =
            new QMessageBox(QMessageBox::Warning, QObject::tr("Not saved"), error, QMessageBox::Ok, parent);
        box->setObjectName(QStringLiteral("notSavedDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        // A file name and the system's words: shown as they are.
        box->setTextFormat(Qt::PlainText);
        box->open(); // the till goes on behind it
    });
    dialog->open(); // the till goes on while the cashier picks a place
}

} // namespace lipa
