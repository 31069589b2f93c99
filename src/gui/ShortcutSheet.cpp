// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShortcutSheet.h"

namespace lipa {

ShortcutSheet::ShortcutSheet(QWidget* parent)
    : QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"), {}, QMessageBox::Close, parent)
{
    const QList<QPair<QString, QString>> keys{
        {tr("Enter"), tr("Charge (in Amount: go to the phone)")},
        {tr("Tab"), tr("Next field")},
        {tr("Esc"), tr("Clear the form; on an empty form, stop waiting (the payment is still checked)")},
        {tr("F6"), tr("Card or QR: the customer pays the form's sale on their own phone, from a QR code")},
        {tr("F5"), tr("Check the payment now (the chosen row, else the one on the card)")},
        {tr("F8"), tr("Send a failed, expired or unknown payment again, after a last check; on a sale in "
                      "parts, the unpaid part again or the next part")},
        {tr("F9"), tr("Use cash: the customer pays in cash instead (after a last check); on a sale in parts, "
                      "the rest of the sale")},
        {tr("Ctrl+P"), tr("Print the payment's receipt (preview first, or straight to the receipt printer)")},
        {tr("Ctrl+Shift+P"), tr("Save the payment's receipt as PDF")},
        {tr("Ctrl+Shift+B"), tr("Ask IntaSend to refund the chosen paid payment (manager PIN)")},
        {tr("Ctrl+O"), tr("Open a shift")},
        {tr("Ctrl+R"), tr("X report: the shift's figures so far")},
        {tr("Ctrl+Shift+R"), tr("Reconcile with IntaSend's records")},
        {tr("Ctrl+Shift+C"), tr("Close the shift with its Z report")},
        {tr("Ctrl+K"), tr("Show or hide the on-screen keypad")},
        {tr("Ctrl+Shift+D"), tr("Show or hide the customer display")},
        {tr("F2"), tr("Search the payments")},
        {tr("Enter on a row"), tr("Show the payment's details and history")},
        {tr("Ctrl+E"), tr("Export the payments shown to a CSV file")},
        {tr("Ctrl+,"), tr("Settings")},
        {tr("F1"), tr("This list")},
        {tr("Ctrl+Q"), tr("Quit")},
    };
    QString html = QStringLiteral("<table cellspacing='6'>");
    for (const auto& [key, action] : keys)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(key.toHtmlEscaped(), action.toHtmlEscaped());
    html += QStringLiteral("</table>");
    setObjectName(QStringLiteral("shortcutsSheet"));
    setTextFormat(Qt::RichText);
    setText(html);
    setAttribute(Qt::WA_DeleteOnClose);
}

} // namespace lipa
