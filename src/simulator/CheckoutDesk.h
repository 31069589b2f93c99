// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InvoiceBook.h"
#include "MiniHttpServer.h"

#include <QHash>
#include <QString>

namespace lipa::sim {

// The simulated IntaSend checkout (card or M-Pesa on the customer's own phone): POST /api/v1/checkout/
// makes a checkout with its invoice (pending until the customer decides) and a signature, and the page at
// its URL lets a demo customer pay by card, pay by M-Pesa or cancel. The status call finds a checkout by id
// and signature.
class CheckoutDesk {
public:
    struct Checkout {
        QString id;
        QString signature;
        QString invoiceId;
        QString apiRef;
        qint64 amountShillings = 0;
    };

    explicit CheckoutDesk(InvoiceBook& book);

    // Where the pages are: the simulator's own address, or one a phone on the shop's network can reach.
    void setPageHost(const QString& baseUrl) { m_pageHost = baseUrl; }
    QString pageUrl(const QString& id) const;

    // POST /api/v1/checkout/.
    HttpResponse create(const HttpRequest& request);
    // GET /checkout/{id}/ (the page) and POST /checkout/{id}/{pay-card|pay-mpesa|cancel}.
    static bool isPagePath(const QByteArray& path) { return path.startsWith("/checkout/"); }
    HttpResponse page(const HttpRequest& request);
    // The checkout a status call names, or nullptr when there is none or the signature is wrong.
    const Checkout* find(const QString& id, const QString& signature) const;
    // The checkouts made so far, by id.
    const QHash<QString, Checkout>& checkouts() const { return m_checkouts; }

private:
    HttpResponse html(const QString& title, const QString& body, int status = 200) const;

    InvoiceBook& m_book;
    QString m_pageHost;
    QHash<QString, Checkout> m_checkouts;
};

} // namespace lipa::sim
