// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShiftDesk.h"

#include "AskFirst.h"
#include "ReconcileDialog.h"
#include "ShiftBook.h"
#include "Till.h"
#include "TillStack.h"

#include <QAction>
#include <QBoxLayout>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTextBrowser>

#include <memory>
#include <utility>

namespace lipa {

ShiftDesk::ShiftDesk(TillStack& stack, QWidget* window, QMenu* menu, Printout::Paper paper)
    : QObject(window)
    , m_stack(stack)
    , m_shifts(stack.shifts)
    , m_window(window)
    , m_paper(paper)
{
    m_open = menu->addAction(tr("&Open shift…"), this, &ShiftDesk::openShift);
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_x = menu->addAction(tr("&X report"), this, &ShiftDesk::showXReport);
    m_x->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    menu->addSeparator();
    m_reconcile = menu->addAction(tr("&Reconcile with IntaSend…"));
    m_reconcile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reconcile->setToolTip(tr("Match the till's payments with IntaSend's records"));
    connect(m_reconcile, &QAction::triggered, this, [this] { showReconcile(); });
    menu->addSeparator();
    m_close = menu->addAction(tr("&Close shift (Z report)…"), this, &ShiftDesk::closeShift);
    m_close->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("shiftLabel"));
    m_status->setTextFormat(Qt::PlainText); // the cashier's name, as typed
    updateStatus();
}

void ShiftDesk::updateStatus()
{
    const std::optional<Shift> shift = m_shifts.current();
    m_open->setEnabled(!shift);
    m_x->setEnabled(shift.has_value());
    m_close->setEnabled(shift.has_value());
    m_status->setText(
        shift ? tr("Shift: %1 since %2")
                    .arg(shift->cashier, shift->openedAt.toLocalTime().toString(QStringLiteral("HH:mm")))
              : tr("No shift open"));
}

void ShiftDesk::openShift()
{
    if (m_shifts.current())
        return;
    auto* ask = new QInputDialog(m_window);
    ask->setObjectName(QStringLiteral("openShiftDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Open shift"));
    ask->setLabelText(tr("Cashier's name:"));
    ask->setOkButtonText(tr("&Open shift"));
    ask->setCancelButtonText(tr("Cancel"));
    connect(ask, &QInputDialog::textValueSelected, this, [this](const QString& name) {
        if (name.trimmed().isEmpty())
            return;
        m_shifts.open(name.trimmed().left(40));
        updateStatus();
    });
    ask->open();
}

void ShiftDesk::showXReport()
{
    if (const std::optional<ShiftReport> report = m_shifts.xReport())
        showReport(*report);
}

void ShiftDesk::closeShift()
{
    const std::optional<ShiftReport> now = m_shifts.xReport();
    if (!now)
        return;
    const auto describe = [](const ShiftReport& report) {
        QString text = tr("Close %1's shift and print the Z report? Total taken: %2.")
                           .arg(report.shift.cashier, report.takenTotal().toDisplayString());
        if (!report.unresolved.isEmpty())
            text += QStringLiteral("\n\n") +
                    (report.unresolved.size() == 1
                         ? tr("1 payment is still unresolved; it is listed on the report.")
                         : tr("%1 payments are still unresolved; they are listed on the report.")
                               .arg(report.unresolved.size()));
        return text;
    };
    const auto iconFor = [](const ShiftReport& report) {
        return report.unresolved.isEmpty() ? QMessageBox::Question : QMessageBox::Warning;
    };
    Question question;
    question.icon = iconFor(*now);
    question.dialogName = QStringLiteral("closeShiftDialog");
    question.title = tr("Close shift?");
    question.text = describe(*now);
    question.doText = tr("&Close shift");
    question.doName = QStringLiteral("closeShift");
    question.dontText = tr("&Keep it open");
    question.dontName = QStringLiteral("keepShiftOpen");
    QMessageBox* box = askFirst(m_window, question, [this] { offerToReconcile(); });
    // A payment that settles while the cashier reads the question changes the figures it quotes.
    connect(&m_stack.till, &Till::paymentChanged, box, [this, box, describe, iconFor] {
        if (const std::optional<ShiftReport> report = m_shifts.xReport()) {
            box->setText(describe(*report));
            box->setIcon(iconFor(*report));
        }
    });
}

void ShiftDesk::offerToReconcile()
{
    if (!m_stack.reconciler.canReconcile()) {
        makeZReport();
        return;
    }
    // Reading IntaSend's records changes nothing the cashier cannot see, so Enter means yes here.
    Question question;
    question.icon = QMessageBox::Question;
    question.dialogName = QStringLiteral("reconcileFirstDialog");
    question.title = tr("Reconcile first?");
    question.text = tr("Reconcile this shift with IntaSend first?") + QStringLiteral("\n\n") +
                    tr("The till reads IntaSend's records of the shift and matches them with its own; the Z "
                       "report then says whether they agree.");
    question.doText = tr("&Reconcile first");
    question.doName = QStringLiteral("reconcileFirst");
    question.dontText = tr("Close &without it");
    question.dontName = QStringLiteral("skipReconcile");
    question.enterActs = true;
    askFirst(
        m_window, question, [this] { reconcileThenClose(); }, [this] { makeZReport(); });
}

void ShiftDesk::reconcileThenClose()
{
    // A window opened earlier from the menu gives way (its run, if any, stops): this one reads the shift.
    if (m_reconcileDialog) {
        m_reconcileDialog->close();
        m_reconcileDialog.clear();
    }
    ReconcileDialog* dialog = showReconcile();
    // The Z report follows once, whichever comes first: the run ends, or the cashier closes the window.
    auto closed = std::make_shared<bool>(false);
    const auto closeOnce = [this, closed] {
        if (!std::exchange(*closed, true))
            makeZReport();
    };
    connect(dialog, &ReconcileDialog::runEnded, this, closeOnce);
    connect(dialog, &QDialog::finished, this, closeOnce);
    if (!dialog->startThisShift())
        closeOnce(); // the window says why; the shift still closes
}

void ShiftDesk::makeZReport()
{
    const std::optional<ShiftReport> z = m_shifts.close();
    updateStatus();
    if (z)
        showReport(*z);
}

ReconcileDialog* ShiftDesk::showReconcile()
{
    if (!m_reconcileDialog) {
        m_reconcileDialog =
            new ReconcileDialog(m_stack.reconciler, m_shifts, m_stack.clock, m_paper, m_window);
        m_reconcileDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    // Not modal: a long run must not stop the till taking payments.
    m_reconcileDialog->show();
    m_reconcileDialog->raise();
    m_reconcileDialog->activateWindow();
    return m_reconcileDialog;
}

void ShiftDesk::showReport(const ShiftReport& report)
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("shiftReportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(report.title());
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QTextBrowser(dialog);
    text->setObjectName(QStringLiteral("reportText"));
    text->setAccessibleName(report.title());
    text->setHtml(report.toHtml());
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(dialog);
    QPushButton* print = buttons->addButton(tr("&Print… (Ctrl+P)"), QDialogButtonBox::ActionRole);
    print->setObjectName(QStringLiteral("printReport"));
    print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    QPushButton* pdf = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    pdf->setObjectName(QStringLiteral("saveReportPdf"));
    QPushButton* close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setDefault(true);
    layout->addWidget(buttons);
    const Printout printout(report.toHtml(), m_paper);
    const QString name = (report.kind == ShiftReport::Kind::Z ? QStringLiteral("z-report-%1.pdf")
                                                              : QStringLiteral("x-report-%1.pdf"))
                             .arg(report.printedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    connect(print, &QPushButton::clicked, dialog, [this, dialog, printout, title = report.title()] {
        CounterPrinter::printOrPreview(m_printer, printout, dialog, title);
    });
    connect(pdf, &QPushButton::clicked, dialog,
            [dialog, printout, name] { printout.saveAsPdf(dialog, name); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    dialog->resize(420, 560);
    dialog->open();
}

} // namespace lipa
