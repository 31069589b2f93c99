// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopView.h"

#include "Clock.h"
#include "HistoryFilterBar.h"
#include "PaymentStateDelegate.h"
#include "ShopPaymentModel.h"
#include "ShopService.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>

#include <algorithm>
#include <set>

namespace lipa {

namespace {

QTableWidget* totalsTable(const QString& objectName, const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->verticalHeader()->hide();
    // The names take the room; the figures are as wide as they need.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

QTableWidgetItem* textItem(const QString& text)
{
    return new QTableWidgetItem(text);
}

QTableWidgetItem* numberItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ShopView::ShopView(ShopService& service, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("shopView"));
    setWindowTitle(tr("Shop: every till's payments"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    resize(1100, 700);

    auto* layout = new QVBoxLayout(this);

    auto* filters = new QHBoxLayout;
    m_filterBar = new HistoryFilterBar(clock, this);
    filters->addWidget(m_filterBar, 1);
    m_branch = new QComboBox(this);
    m_branch->setObjectName(QStringLiteral("branchFilter"));
    m_branch->setAccessibleName(tr("Branch"));
    m_branch->addItem(tr("All branches"), QString());
    m_branch->hide(); // until the tills name more than one branch
    filters->addWidget(m_branch);
    layout->addLayout(filters);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_model = new ShopPaymentModel(service, clock, this);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("shopTable"));
    m_table->setAccessibleName(tr("Every till's payments"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ShopPaymentModel::StateColumn, new PaymentStateDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setColumnHidden(ShopPaymentModel::BranchColumn, true); // until a till names a branch
    {
        // Widths from the font, not measured from the rows (which arrive a page at a time).
        const QFontMetrics metrics(m_table->font());
        const auto widthOf = [&metrics](const QString& sample) {
            return metrics.horizontalAdvance(sample) + 18;
        };
        QHeaderView* header = m_table->horizontalHeader();
        header->setHighlightSections(false);
        header->resizeSection(ShopPaymentModel::TimeColumn, widthOf(QStringLiteral("28 Nov 23:59")));
        header->resizeSection(ShopPaymentModel::TillColumn, widthOf(QStringLiteral("Counter 12 Back")));
        header->resizeSection(ShopPaymentModel::BranchColumn, widthOf(QStringLiteral("Westlands Mall")));
        header->resizeSection(ShopPaymentModel::AmountColumn, widthOf(QStringLiteral("KES 250,000")));
        header->resizeSection(ShopPaymentModel::PhoneColumn,
                              widthOf(QStringLiteral("0712 \u2022\u2022\u2022 678")));
        int widestState = 0;
        for (PaymentState state : allPaymentStates())
            widestState = std::max(widestState, metrics.horizontalAdvance(stateDisplayName(state)));
        header->resizeSection(ShopPaymentModel::StateColumn, widestState + metrics.height() + 30);
        header->resizeSection(ShopPaymentModel::ReceiptColumn, widthOf(QStringLiteral("QKL4AB12CDX")));
        header->setStretchLastSection(true);
    }

    auto* today = new QGroupBox(tr("Today"), splitter);
    today->setObjectName(QStringLiteral("todayTotals"));
    auto* todayLayout = new QVBoxLayout(today);
    m_todayLine = new QLabel(today);
    m_todayLine->setObjectName(QStringLiteral("todayLine"));
    todayLayout->addWidget(m_todayLine);
    auto* tables = new QHBoxLayout;
    m_tillTotals = totalsTable(
        QStringLiteral("tillTotals"),
        {tr("Till"), tr("Branch"), tr("Paid"), tr("Taken"), tr("Waiting"), tr("To check"), tr("Failed")},
        today);
    m_tillTotals->setAccessibleName(tr("Today's totals per till"));
    m_tillTotals->setColumnHidden(1, true);
    m_cashierTotals = totalsTable(QStringLiteral("cashierTotals"),
                                  {tr("Cashier"), tr("Till"), tr("Paid"), tr("Taken")}, today);
    m_cashierTotals->setAccessibleName(tr("Today's totals per cashier"));
    tables->addWidget(m_tillTotals, 3);
    tables->addWidget(m_cashierTotals, 2);
    todayLayout->addLayout(tables);
    splitter->addWidget(m_table);
    splitter->addWidget(today);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("shopStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    // Enter in the search box must not press a button.
    for (QPushButton* button : {m_exportButton, close}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    layout->addWidget(buttons);
    connect(m_exportButton, &QPushButton::clicked, this, &ShopView::chooseExportFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Esc closes (QDialog); Ctrl+F, and F2 as in the till's own list, go to the search box.
    for (const QKeySequence& keys : {QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_F2)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ShopView::focusSearch);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(std::chrono::milliseconds(250));
    connect(&m_filterDelay, &QTimer::timeout, this, &ShopView::applyFilter);
    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, [this] { m_filterDelay.start(); });
    connect(m_branch, &QComboBox::currentIndexChanged, this, &ShopView::applyFilter);
    m_totalsDelay.setSingleShot(true);
    m_totalsDelay.setInterval(std::chrono::milliseconds(1000));
    connect(&m_totalsDelay, &QTimer::timeout, this, &ShopView::requestTotals);

    connect(&service, &ShopService::changed, this, &ShopView::onChanged);
    connect(&service, &ShopService::totalsReady, this, &ShopView::onTotals);
    connect(&service, &ShopService::exportDone, this, &ShopView::onExportDone);
    connect(&service, &ShopService::liveChanged, this, [this](bool live, const QString& reason) {
        m_live = live;
        m_liveReason = reason;
        updateStatus();
    });
    connect(m_model, &ShopPaymentModel::loaded, this, [this] {
        m_readError.clear();
        updateStatus();
    });
    connect(m_model, &ShopPaymentModel::loadFailed, this, [this](const QString& error) {
        m_readError = error;
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &ShopView::rememberSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ShopView::restoreSelection);
    updateStatus();
}

void ShopView::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    m_service.listen(); // once is enough; it stays subscribed
    if (!m_shownBefore) {
        m_shownBefore = true;
        m_filterBar->setRange(HistoryFilterBar::Range::Today);
        applyFilter();
    } else {
        m_model->reload(); // what changed while the window was closed
    }
    requestTotals();
}

void ShopView::focusSearch()
{
    m_filterBar->focusSearch();
}

ShopFilter ShopView::filterShown() const
{
    const PaymentFilter bar = m_filterBar->filter();
    ShopFilter filter;
    filter.search = bar.search;
    filter.from = bar.from;
    filter.to = bar.to;
    filter.branch = m_branch->currentData().toString();
    if (bar.group != StateGroup::All)
        filter.states =
            statesWhere([group = bar.group](const StateTraits& traits) { return traits.group == group; });
    return filter;
}

void ShopView::applyFilter()
{
    m_filterDelay.stop();
    m_model->setFilter(filterShown());
}

void ShopView::onChanged()
{
    // Closed, the view reads nothing; it catches up when it is shown again.
    if (!isVisible())
        return;
    m_model->scheduleReload();
    if (!m_totalsDelay.isActive())
        m_totalsDelay.start();
}

void ShopView::requestTotals()
{
    m_totalsDelay.stop();
    m_totalsRequest = m_service.requestTotals(m_clock.now().toLocalTime().date());
}

void ShopView::onTotals(quint64 requestId, const QList<TillTotals>& tills,
                        const QList<CashierTotals>& cashiers, const QString& error)
{
    if (requestId != m_totalsRequest)
        return;
    m_totalsError = error;
    updateStatus();
    if (!error.isEmpty())
        return; // the last totals stay
    fillBranches(tills);
    fillTillTotals(tills);
    fillCashierTotals(cashiers);
}

void ShopView::fillTillTotals(const QList<TillTotals>& tills)
{
    Money sum;
    int count = 0;
    m_tillTotals->setRowCount(static_cast<int>(tills.size()));
    for (int row = 0; row < tills.size(); ++row) {
        const TillTotals& till = tills.at(row);
        sum += till.paidSum;
        count += till.paidCount;
        m_tillTotals->setItem(row, 0, textItem(till.tillName));
        m_tillTotals->setItem(row, 1, textItem(till.branch));
        m_tillTotals->setItem(row, 2, numberItem(QLocale().toString(till.paidCount)));
        m_tillTotals->setItem(row, 3, numberItem(till.paidSum.toDisplayString()));
        m_tillTotals->setItem(row, 4, numberItem(QLocale().toString(till.pendingCount)));
        m_tillTotals->setItem(row, 5, numberItem(QLocale().toString(till.needsCheckCount)));
        m_tillTotals->setItem(row, 6, numberItem(QLocale().toString(till.failedCount)));
    }
    m_todayLine->setText(count == 1
                             ? tr("Taken today at every till: %1 from 1 payment").arg(sum.toDisplayString())
                             : tr("Taken today at every till: %1 from %2 payments")
                                   .arg(sum.toDisplayString(), QLocale().toString(count)));
}

void ShopView::fillCashierTotals(const QList<CashierTotals>& cashiers)
{
    m_cashierTotals->setRowCount(static_cast<int>(cashiers.size()));
    for (int row = 0; row < cashiers.size(); ++row) {
        const CashierTotals& cashier = cashiers.at(row);
        m_cashierTotals->setItem(
            row, 0, textItem(cashier.cashier.isEmpty() ? tr("(outside a shift)") : cashier.cashier));
        m_cashierTotals->setItem(row, 1, textItem(cashier.tillName));
        m_cashierTotals->setItem(row, 2, numberItem(QLocale().toString(cashier.paidCount)));
        m_cashierTotals->setItem(row, 3, numberItem(cashier.paidSum.toDisplayString()));
    }
}

void ShopView::fillBranches(const QList<TillTotals>& tills)
{
    // The totals list every till, so they also say which branches there are.
    std::set<QString> branches;
    bool anyNamed = false;
    for (const TillTotals& till : tills) {
        branches.insert(till.branch);
        anyNamed = anyNamed || !till.branch.isEmpty();
    }
    m_table->setColumnHidden(ShopPaymentModel::BranchColumn, !anyNamed);
    m_tillTotals->setColumnHidden(1, !anyNamed);
    const QString chosen = m_branch->currentData().toString();
    const QSignalBlocker blocker(m_branch); // the filter stays as it is while the list is refilled
    m_branch->clear();
    m_branch->addItem(tr("All branches"), QString());
    for (const QString& branch : branches) {
        if (!branch.isEmpty())
            m_branch->addItem(branch, branch);
    }
    if (!chosen.isEmpty() && m_branch->findData(chosen) < 0)
        m_branch->addItem(chosen, chosen); // a branch whose tills went: still the filter shown
    m_branch->setCurrentIndex(std::max(0, m_branch->findData(chosen)));
    m_branch->setVisible(branches.size() > 1 || !chosen.isEmpty());
}

void ShopView::chooseExportFile()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("lipa-shop-%1.csv")
                          .arg(m_clock.now().toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the shop's payments"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void ShopView::exportCsv(const QString& path)
{
    if (m_service.isExporting()) {
        m_exportNote = tr("An export is still being written; try again when it is done.");
        updateStatus();
        return;
    }
    m_exportPath = path;
    m_exportRequest = m_service.exportCsv(m_model->filter(), path);
    m_exportButton->setEnabled(false);
    m_exportNote = tr("Exporting to %1…").arg(QDir::toNativeSeparators(path));
    updateStatus();
}

void ShopView::onExportDone(quint64 requestId, qint64 written, const QString& error)
{
    if (requestId != m_exportRequest)
        return;
    m_exportRequest = 0;
    m_exportButton->setEnabled(true);
    const QString where = QDir::toNativeSeparators(m_exportPath);
    if (written < 0)
        m_exportNote = tr("The export could not be saved to %1: %2").arg(where, error);
    else if (written == 1)
        m_exportNote = tr("Exported 1 payment to %1").arg(where);
    else
        m_exportNote = tr("Exported %1 payments to %2").arg(QLocale().toString(written), where);
    updateStatus();
    Q_EMIT exportFinished(written, error);
}

void ShopView::rememberSelection()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    const ShopPayment& payment = m_model->paymentAt(selected.first().row());
    m_selectedTill = payment.tillId;
    m_selectedRef = payment.payment.localRef;
}

void ShopView::restoreSelection()
{
    // Within the new filter's first page, the payment that was selected stays selected.
    if (m_selectedRef.isEmpty())
        return;
    const int row = m_model->rowOf(m_selectedTill, m_selectedRef);
    m_selectedRef.clear();
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void ShopView::updateStatus()
{
    QStringList lines;
    if (!m_readError.isEmpty())
        lines << tr("Could not read the shop database: %1").arg(m_readError);
    else if (!m_totalsError.isEmpty())
        lines << tr("Could not read today's totals: %1").arg(m_totalsError);
    if (m_live)
        lines << tr("Live: payments appear as the tills send them.");
    else if (!m_liveReason.isEmpty() && m_readError.isEmpty())
        lines << tr("Live updates paused (%1). They resume when the shop database can be reached.")
                     .arg(m_liveReason);
    else if (!m_liveReason.isEmpty())
        lines << tr("The view catches up when the shop database can be reached.");
    if (!m_exportNote.isEmpty())
        lines << m_exportNote;
    m_status->setText(lines.join(u'\n'));
}

} // namespace lipa
