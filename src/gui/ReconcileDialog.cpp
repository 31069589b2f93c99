// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconcileDialog.h"

#include "Clock.h"
#include "Palette.h"
#include "PrintHtml.h"
#include "ReconcileReport.h"
#include "ReconcileResultView.h"
#include "Reconciler.h"
#include "ShiftBook.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <initializer_list>

namespace lipa {

namespace {

QString number(int value)
{
    return QLocale().toString(value);
}

QString documentsFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).exists() ? folder : QDir::homePath(); // a till user often has no Documents folder
}

} // namespace

ReconcileDialog::ReconcileDialog(Reconciler& reconciler, const ShiftBook& shifts, const Clock& clock,
                                 Printout::Paper paper, QWidget* parent)
    : QDialog(parent)
    , m_reconciler(reconciler)
    , m_shifts(shifts)
    , m_clock(clock)
    , m_paper(paper)
{
    setObjectName(QStringLiteral("reconcileDialog"));
    setWindowTitle(tr("Reconcile with IntaSend"));
    auto* layout = new QVBoxLayout(this);

    m_keyNeeded = new QLabel(tr("Reconciling needs IntaSend's secret key (Settings → IntaSend)"), this);
    m_keyNeeded->setObjectName(QStringLiteral("reconcileKeyNeeded"));
    m_keyNeeded->setWordWrap(true);
    m_keyNeeded->setStyleSheet(Palette::textStyle(Tone::Bad, true));
    m_keyNeeded->setVisible(!m_reconciler.canReconcile());
    layout->addWidget(m_keyNeeded);

    layout->addLayout(buildPeriodRow());

    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("reconcileProgress"));
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setWordWrap(true);
    layout->addWidget(m_progress);

    m_view = new ReconcileResultView(this);
    layout->addWidget(m_view, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_print = buttons->addButton(tr("&Print… (Ctrl+P)"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("printReconciliation"));
    m_print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pdf = buttons->addButton(tr("Save P&DF…"), QDialogButtonBox::ActionRole);
    m_pdf->setObjectName(QStringLiteral("saveReconciliationPdf"));
    m_csv = buttons->addButton(tr("Save &CSV…"), QDialogButtonBox::ActionRole);
    m_csv->setObjectName(QStringLiteral("saveReconciliationCsv"));
    QPushButton* close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("closeReconcile"));
    for (QPushButton* button : {m_print, m_pdf, m_csv, close})
        button->setAutoDefault(false); // Enter starts the run, wherever the focus is
    layout->addWidget(buttons);
    connect(m_print, &QPushButton::clicked, this, &ReconcileDialog::print);
    connect(m_pdf, &QPushButton::clicked, this, &ReconcileDialog::savePdf);
    connect(m_csv, &QPushButton::clicked, this, &ReconcileDialog::saveCsv);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(&m_reconciler, &Reconciler::progress, this, &ReconcileDialog::showProgress);
    connect(&m_reconciler, &Reconciler::waiting, this, &ReconcileDialog::showWaiting);
    connect(&m_reconciler, &Reconciler::finished, this, &ReconcileDialog::onFinished);
    connect(&m_reconciler, &Reconciler::cancelled, this, &ReconcileDialog::onCancelled);

    onPeriodChanged();
    clearResult();
    m_period->setFocus();
    resize(860, 600);
}

ReconcileDialog::~ReconcileDialog()
{
    // Destroyed with the till's window while still reading: the run stops, and nothing here hears of it.
    if (m_running) {
        disconnect(&m_reconciler, nullptr, this, nullptr);
        m_reconciler.cancel();
    }
}

QLayout* ReconcileDialog::buildPeriodRow()
{
    auto* row = new QHBoxLayout;
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("reconcilePeriod"));
    m_period->setAccessibleName(tr("Period"));
    periodLabel->setBuddy(m_period);
    // This shift only while one is open.
    if (m_shifts.current())
        m_period->addItem(tr("This shift"), static_cast<int>(Period::ThisShift));
    m_period->addItem(tr("Today"), static_cast<int>(Period::Today));
    m_period->addItem(tr("Yesterday"), static_cast<int>(Period::Yesterday));
    m_period->addItem(tr("Dates…"), static_cast<int>(Period::Dates));
    connect(m_period, &QComboBox::currentIndexChanged, this, &ReconcileDialog::onPeriodChanged);

    const QDate today = m_clock.now().toLocalTime().date();
    const auto dateEdit = [this, today](const char* name, const QString& accessibleName) {
        auto* edit = new QDateEdit(today, this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setAccessibleName(accessibleName);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setMaximumDate(today);
        return edit;
    };
    m_fromLabel = new QLabel(tr("&From:"), this);
    m_from = dateEdit("reconcileFrom", tr("From date"));
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(tr("&To:"), this);
    m_to = dateEdit("reconcileTo", tr("To date"));
    m_toLabel->setBuddy(m_to);

    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("startReconcile"));
    m_start->setDefault(true);
    m_start->setToolTip(tr("Read IntaSend's records of the period and match them with the till's (Enter)"));
    connect(m_start, &QPushButton::clicked, this, [this] { start(); });
    m_cancelRun = new QPushButton(tr("Cancel &run"), this);
    m_cancelRun->setObjectName(QStringLiteral("cancelReconcileRun"));
    m_cancelRun->setAutoDefault(false); // Enter pressed again while it runs must not stop it
    m_cancelRun->setToolTip(tr("Stop reading IntaSend's records; nothing is kept"));
    connect(m_cancelRun, &QPushButton::clicked, this, [this] {
        if (m_running)
            m_reconciler.cancel(); // cancelled() follows
    });

    row->addWidget(periodLabel);
    row->addWidget(m_period);
    row->addWidget(m_fromLabel);
    row->addWidget(m_from);
    row->addWidget(m_toLabel);
    row->addWidget(m_to);
    row->addStretch(1);
    row->addWidget(m_start);
    row->addWidget(m_cancelRun);
    return row;
}

std::pair<QDateTime, QDateTime> ReconcileDialog::bounds(Period period, const QDateTime& now,
                                                        const QDateTime& shiftOpenedAt, const QDate& from,
                                                        const QDate& to)
{
    const QDate today = now.toLocalTime().date();
    const auto day = [](const QDate& date) { return date.startOfDay().toUTC(); };
    QDateTime start;
    QDateTime end;
    switch (period) {
    case Period::ThisShift:
        start = shiftOpenedAt;
        end = now;
        break;
    case Period::Today:
        start = day(today);
        end = now;
        break;
    case Period::Yesterday:
        start = day(today.addDays(-1));
        end = day(today);
        break;
    case Period::Dates:
        start = day(std::min(from, to));
        end = day(std::max(from, to).addDays(1));
        break;
    }
    return {start, std::min(end, now)};
}

ReconcileDialog::Period ReconcileDialog::currentPeriod() const
{
    return static_cast<Period>(m_period->currentData().toInt());
}

void ReconcileDialog::onPeriodChanged()
{
    const bool dates = currentPeriod() == Period::Dates;
    for (QWidget* widget : std::initializer_list<QWidget*>{m_fromLabel, m_from, m_toLabel, m_to})
        widget->setVisible(dates);
}

bool ReconcileDialog::startThisShift()
{
    const int index = m_period->findData(static_cast<int>(Period::ThisShift));
    if (index < 0 || !m_shifts.current()) {
        m_progress->setText(tr("No shift is open: choose another period."));
        return false;
    }
    m_period->setCurrentIndex(index);
    return start();
}

bool ReconcileDialog::start()
{
    if (m_running)
        return false;
    if (!m_reconciler.canReconcile()) {
        m_progress->setText(tr("Reconciling needs IntaSend's secret key (Settings → IntaSend)"));
        return false;
    }
    const Period period = currentPeriod();
    const std::optional<Shift> shift = m_shifts.current();
    if (period == Period::ThisShift && !shift) {
        m_progress->setText(tr("No shift is open: choose another period."));
        return false;
    }
    const auto [from, to] =
        bounds(period, m_clock.now(), shift ? shift->openedAt : QDateTime(), m_from->date(), m_to->date());
    if (!from.isValid() || !(from < to)) {
        m_progress->setText(tr("There is nothing to read in that period: it has not begun yet."));
        return false;
    }
    // Everything the window shows of the run is set before it starts: its first answer may come at once.
    clearResult();
    m_running = true;
    m_progress->setText(tr("Reading IntaSend's records of %1 to %2…")
                            .arg(PrintHtml::localTime(from), PrintHtml::localTime(to)));
    updateButtons();
    if (!m_reconciler.start(from, to, shift ? shift->cashier : QString())) {
        m_running = false;
        m_progress->setText(m_reconciler.isRunning()
                                ? tr("Another reconciliation is running: wait for it to finish.")
                                : tr("The reconciliation could not start."));
        updateButtons();
        return false;
    }
    return true;
}

void ReconcileDialog::done(int result)
{
    if (m_running)
        m_reconciler.cancel();
    QDialog::done(result);
}

void ReconcileDialog::showProgress(int pages, int invoices, int total)
{
    if (!m_running)
        return;
    m_progress->setText(
        total >= 0
            ? tr("Page %1 · %2 of %3 invoices read").arg(number(pages), number(invoices), number(total))
            : tr("Page %1 · %2 invoices read").arg(number(pages), number(invoices)));
}

void ReconcileDialog::showWaiting(std::chrono::seconds retryAfter)
{
    if (!m_running)
        return;
    m_progress->setText(tr("IntaSend asked the till to slow down: going on in %1 seconds…")
                            .arg(static_cast<qlonglong>(retryAfter.count())));
}

void ReconcileDialog::onFinished(const Reconciliation& reconciliation, bool keptOk)
{
    if (!m_running)
        return; // another window's run
    m_running = false;
    m_result = reconciliation;
    m_view->showResult(reconciliation);
    const ReconcileSummary& s = reconciliation.summary;
    const QString read =
        tr("Read %1 invoices of %2 to %3.")
            .arg(number(s.invoicesRead), PrintHtml::localTime(s.from), PrintHtml::localTime(s.to));
    m_progress->setText(keptOk
                            ? read
                            : read + u' ' +
                                  tr("The till's journal could not keep this reconciliation: print or save "
                                     "it now."));
    updateButtons();
    Q_EMIT runEnded();
}

void ReconcileDialog::onCancelled()
{
    if (!m_running)
        return;
    m_running = false;
    m_progress->setText(tr("Cancelled: nothing was kept."));
    updateButtons();
    Q_EMIT runEnded();
}

void ReconcileDialog::clearResult()
{
    m_result.reset();
    m_view->clear();
    updateButtons();
}

void ReconcileDialog::updateButtons()
{
    m_start->setEnabled(!m_running && m_reconciler.canReconcile());
    m_cancelRun->setEnabled(m_running);
    m_period->setEnabled(!m_running);
    m_from->setEnabled(!m_running);
    m_to->setEnabled(!m_running);
    const bool shown = m_result.has_value() && !m_running;
    m_print->setEnabled(shown);
    m_pdf->setEnabled(shown);
    m_csv->setEnabled(shown);
}

void ReconcileDialog::print()
{
    if (m_result)
        Printout(ReconcileReport::toHtml(*m_result), m_paper)
            .preview(this, ReconcileReport::title(*m_result));
}

void ReconcileDialog::savePdf()
{
    if (m_result)
        Printout(ReconcileReport::toHtml(*m_result), m_paper)
            .saveAsPdf(this, QStringLiteral("reconciliation-%1.pdf")
                                 .arg(m_result->summary.finishedAt.toLocalTime().toString(
                                     QStringLiteral("yyyyMMdd-HHmm"))));
}

void ReconcileDialog::saveCsv()
{
    if (!m_result)
        return;
    const QString name =
        QStringLiteral("reconciliation-%1.csv")
            .arg(m_result->summary.finishedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    auto* dialog = new QFileDialog(this, tr("Save as CSV"), QDir(documentsFolder()).filePath(name),
                                   tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("saveCsvDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QByteArray csv = ReconcileReport::toCsv(*m_result);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, csv](const QString& path) { writeCsv(path, csv); });
    dialog->open(); // the till goes on while the cashier picks a place
}

void ReconcileDialog::writeCsv(const QString& path, const QByteArray& csv)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size() && file.commit()) {
        m_progress->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Not saved"),
        tr("%1 could not be saved: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("notSavedDialog"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace lipa
