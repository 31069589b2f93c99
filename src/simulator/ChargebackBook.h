// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace lipa::sim {

// The simulated IntaSend's refund requests (chargebacks, section 5 of the API notes): recorded as asked,
// moved through a scripted list of statuses by the clock, and shown as IntaSend shows them.
class ChargebackBook {
public:
    struct Chargeback {
        QString id; // "CB" and six letters or digits
        QString transactionId;
        QString invoiceId;
        qint64 amountCents = 0;
        QString reason;
        QString reasonDetails;
        QDateTime createdAt;
        // The script it was filed under: a later setScript() does not change a request already made.
        QStringList script;
        std::chrono::milliseconds step{0};
        qint64 sequence = 0; // the order it was made in: the list is newest first
    };

    explicit ChargebackBook(Clock& clock);

    // The statuses a new request goes through, each lasting `step` from its creation; the last one stays.
    // False (and nothing changes) for an empty script, a status IntaSend does not have, or a step that is
    // not positive.
    bool setScript(const QStringList& statuses, std::chrono::milliseconds step);
    QStringList script() const { return m_script; }
    std::chrono::milliseconds step() const { return m_step; }
    // IntaSend's chargeback statuses: PENDING, CANCELLED, DISPUTED, OVERDUE, COMPLETED.
    static const QStringList& knownStatuses();

    // Records a request; returns it with its new id.
    const Chargeback& add(const QString& transactionId, const QString& invoiceId, qint64 amountCents,
                          const QString& reason, const QString& reasonDetails);
    const Chargeback* find(const QString& id) const;
    // The status it is in now, by its script and the clock.
    QString statusOf(const Chargeback& chargeback) const;
    // {"id", "transaction", "invoice", "amount" (shillings, a number), "status", "resolution", …}.
    QJsonObject json(const Chargeback& chargeback) const;
    // The requests newest first: the page asked for, and how many there are in all.
    QList<const Chargeback*> page(int page, int pageSize, int* count) const;
    // What is already asked back of an invoice: the amounts of its requests that are not CANCELLED.
    qint64 requestedOf(const QString& invoiceId) const;
    int size() const { return static_cast<int>(m_chargebacks.size()); }

private:
    // Where in its script a request is now.
    qsizetype stepOf(const Chargeback& chargeback) const;
    QString newId() const;

    Clock& m_clock;
    QStringList m_script{QStringLiteral("PENDING"), QStringLiteral("COMPLETED")};
    std::chrono::milliseconds m_step{60000};
    QList<Chargeback> m_chargebacks; // in the order they were made
    QHash<QString, qsizetype> m_byId;
};

} // namespace lipa::sim
