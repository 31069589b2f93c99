// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopQuery.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace lipa {

class Clock;
class HistoryFilterBar;
class ShopPaymentModel;
class ShopService;

// The shop view: every till's payments from the shop database, newest first, updating as the tills send
// them; the search, state and date filters of the till's own list (and a branch filter for a chain);
// today's totals per till and per cashier; and the CSV export of what it shows. It only reads: every read
// goes through ShopService, off the GUI thread.
class ShopView : public QDialog {
    Q_OBJECT
public:
    ShopView(ShopService& service, const Clock& clock, QWidget* parent = nullptr);

    ShopPaymentModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Writes the payments the view shows (every page of its filter, not only those loaded) to path, in
    // the background; exportFinished says how it went.
    void exportCsv(const QString& path);

public Q_SLOTS:
    void chooseExportFile();
    void focusSearch();

Q_SIGNALS:
    // written is -1 when the export failed (error says why).
    void exportFinished(qint64 written, const QString& error);

protected:
    void showEvent(QShowEvent* event) override;

private:
    ShopFilter filterShown() const;
    void applyFilter();
    void requestTotals();
    void onChanged();
    void onTotals(quint64 requestId, const QList<lipa::TillTotals>& tills,
                  const QList<lipa::CashierTotals>& cashiers, const QString& error);
    void fillTillTotals(const QList<TillTotals>& tills);
    void fillCashierTotals(const QList<CashierTotals>& cashiers);
    void fillBranches(const QList<TillTotals>& tills);
    void onExportDone(quint64 requestId, qint64 written, const QString& error);
    void rememberSelection();
    void restoreSelection();
    void updateStatus();

    ShopService& m_service;
    const Clock& m_clock;
    HistoryFilterBar* m_filterBar = nullptr;
    QComboBox* m_branch = nullptr;
    QTableView* m_table = nullptr;
    ShopPaymentModel* m_model = nullptr;
    QLabel* m_todayLine = nullptr;
    QTableWidget* m_tillTotals = nullptr;
    QTableWidget* m_cashierTotals = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_exportButton = nullptr;
    QTimer m_filterDelay; // typing in the search box reads once, after a pause
    QTimer m_totalsDelay; // a burst of batches from the tills reads the totals once
    bool m_shownBefore = false;
    quint64 m_totalsRequest = 0;
    quint64 m_exportRequest = 0;
    QString m_exportPath;
    // The selected payment (till, reference), kept across a new filter's first page.
    QUuid m_selectedTill;
    QString m_selectedRef;
    // What the status line says: the live link, the last read's failure, the last export.
    bool m_live = false;
    QString m_liveReason;
    QString m_readError;
    QString m_totalsError;
    QString m_exportNote;
};

} // namespace lipa
