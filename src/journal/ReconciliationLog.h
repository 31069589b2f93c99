// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Money.h"
#include "Reconciliation.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lipa {

class JournalConnection;

// IntaSend's fee on one payment, as its invoice in IntaSend's records says.
struct PaymentFees {
    QString localRef;
    Money charges;
    std::optional<Money> net;
    QString mpesaReference; // kept when the payment has none yet; empty: leave it
};

// Reconciliations with IntaSend's records, kept like Z reports (summary and the items worth a look), and
// the fees they learn. Works on the journal's connection, so a failure is what the journal's lastError()
// reports.
class ReconciliationLog {
public:
    explicit ReconciliationLog(JournalConnection& connection);
    ReconciliationLog(const ReconciliationLog&) = delete;
    ReconciliationLog& operator=(const ReconciliationLog&) = delete;

    // Keeps the reconciliation (summary and items, in one transaction) and sets its id.
    bool add(Reconciliation& reconciliation);
    // Keeps the summary alone (saying how many items are to follow) and sets its id; the items follow
    // through addItems, a slice at a time, so that thousands of them never stall the till. One that the
    // till stopped keeping is read back incomplete, with how many items are missing.
    bool begin(Reconciliation& reconciliation);
    bool addItems(qint64 reconciliationId, const QList<ReconcileItem>& items);
    std::optional<Reconciliation> find(qint64 id) const;
    // The newest kept reconciliation whose period covers [from, to) (from ≤ its from is not required:
    // its period must contain the whole of [from, to)); nullopt when there is none.
    std::optional<Reconciliation> latestCovering(const QDateTime& from, const QDateTime& to) const;
    // The newest ones first, summaries only (items left empty).
    QList<Reconciliation> latest(int limit) const;
    // Records IntaSend's fees (and the M-Pesa reference where the payment has none) on payments, in one
    // transaction, without events: these are IntaSend's bookkeeping, not a change of the payment.
    bool recordFees(const QList<PaymentFees>& fees);

private:
    bool insert(Reconciliation& reconciliation, bool withItems);
    bool insertItems(qint64 reconciliationId, const QList<ReconcileItem>& items);

    JournalConnection& m_connection;
};

} // namespace lipa
