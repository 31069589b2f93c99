// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Reconciliation.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace lipa {

// A reconciliation's outcome as the cashier reads it: "Incomplete" first when it is, whether IntaSend's
// records agree, the counts and IntaSend's figures, then the payments worth a look, each count and item in
// its category's colour.
class ReconcileResultView : public QWidget {
    Q_OBJECT
public:
    explicit ReconcileResultView(QWidget* parent = nullptr);

    void showResult(const Reconciliation& reconciliation);
    // Nothing to show (before a run, or while one goes on).
    void clear();

private:
    QWidget* buildSummary();
    void buildItemsTable();

    QLabel* m_incomplete = nullptr;
    QLabel* m_verdict = nullptr;
    QWidget* m_summary = nullptr;
    QLabel* m_paymentsHere = nullptr;
    QLabel* m_matched = nullptr;
    QLabel* m_paidThereOnly = nullptr;
    QLabel* m_paidHereOnly = nullptr;
    QLabel* m_amountDiffers = nullptr;
    QLabel* m_otherSender = nullptr;
    QLabel* m_paidAtIntaSend = nullptr;
    QLabel* m_charges = nullptr;
    QLabel* m_net = nullptr;
    QTableWidget* m_items = nullptr;
};

} // namespace lipa
