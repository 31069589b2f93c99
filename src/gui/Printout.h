// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QPrinter;
class QWidget;

namespace lipa {

// A receipt or a report on paper: a 58 mm or 80 mm thermal roll (one page as long as the text) or A4.
class Printout {
public:
    enum class Paper { Roll58, Roll80, A4 };
    // The setting till/receipt_paper ("58mm", "80mm", "a4"); 80 mm for anything else.
    static Paper paperFromSetting(const QString& setting);

    Printout(QString html, Paper paper);

    const QString& html() const { return m_html; }

    // Lays the text out for the paper and prints it (a roll's page is made as long as the text).
    void printTo(QPrinter& printer) const;
    // Writes a PDF of exactly what would be printed. False, with *error, if the file could not be made.
    bool savePdf(const QString& path, QString* error = nullptr) const;
    // Print preview, with the Print button of the system's print dialog; does not block the till.
    void preview(QWidget* parent, const QString& title) const;
    // Asks where to save, then saves a PDF; reports failure in a message box.
    void saveAsPdf(QWidget* parent, const QString& suggestedName) const;

private:
    QString m_html;
    Paper m_paper;
};

} // namespace lipa
