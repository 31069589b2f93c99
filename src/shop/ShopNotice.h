// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lipa {

// What a till's batch announces on the shop's channel (NOTIFY lipa_shop, at the batch's commit): which
// till, and which of its sales in the batch may still charge a customer (phone and amount). The shop
// views only need the first; the other tills' duplicate guards use the second to know which of their
// answers the batch may have changed until they have read it (ShopGuard).
//
// The payload is "TILL;KEY,KEY,…" ("TILL;" when none is open, "TILL;*" when they are too many to list).
// A payload without ';' (an older till) and an empty one say that anything may have changed.
struct ShopNotice {
    // PostgreSQL takes payloads shorter than 8000 bytes; past this the sales are not listed.
    static constexpr qsizetype kMaxPayload = 7000;

    QString tillId;
    bool everything = true; // the open sales are not listed: any answer may have changed
    QStringList openSales;  // saleKey()s

    static QString saleKey(const QString& phoneDigits, qint64 cents)
    {
        return phoneDigits + u':' + QString::number(cents);
    }

    QString toPayload() const
    {
        if (everything)
            return tillId + QStringLiteral(";*");
        QString payload = tillId + u';' + openSales.join(u',');
        return payload.size() <= kMaxPayload ? payload : tillId + QStringLiteral(";*");
    }

    static ShopNotice fromPayload(const QString& payload)
    {
        const qsizetype split = payload.indexOf(u';');
        if (split < 0)
            return {payload, true, {}};
        const QString sales = payload.mid(split + 1);
        if (sales == u'*')
            return {payload.left(split), true, {}};
        return {payload.left(split), false, sales.split(u',', Qt::SkipEmptyParts)};
    }
};

} // namespace lipa
