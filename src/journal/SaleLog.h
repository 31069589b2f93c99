// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Sale.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace lipa {

class JournalConnection;

// The sales table of the journal: sales taken in several payments, open until paid in full or closed
// short. Works on the journal's connection, so a failure is what the journal's lastError() reports. (A
// sale is recorded with its first part, in the same transaction: Journal::addPayment.)
class SaleLog {
public:
    explicit SaleLog(JournalConnection& connection);
    SaleLog(const SaleLog&) = delete;
    SaleLog& operator=(const SaleLog&) = delete;

    std::optional<Sale> find(const QString& saleRef) const;
    // Open sales made since `since` (all of them when invalid), newest first.
    QList<Sale> open(const QDateTime& since = {}, bool* ok = nullptr) const;
    // The newest open sale of this total made since `since` whose first part, or any part, went to this
    // phone: what a new sale of the same total to the same customer would duplicate.
    std::optional<Sale> latestOpen(const PhoneNumber& phone, Money total, const QDateTime& since) const;
    // Sales made in [from, to), oldest first (a shift's worth).
    QList<Sale> between(const QDateTime& from, const QDateTime& to, bool* ok = nullptr) const;
    // Closes an open sale: paid in full (shortReason empty), or short with the manager's reason. False
    // (lastError() says why) when it could not be recorded or the sale was not open.
    bool close(const QString& saleRef, const QDateTime& at, const QString& shortReason = {},
               const QString& closedBy = {});

    // Records a new sale (its id is set); the caller holds the transaction (Journal::addPayment).
    bool insert(Sale& sale);

private:
    QList<Sale> readAll(QSqlQuery& query, const char* what, bool* ok) const;

    JournalConnection& m_connection;
};

} // namespace lipa
