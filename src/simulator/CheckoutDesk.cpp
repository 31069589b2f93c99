// SPDX-License-Identifier: GPL-3.0-or-later
#include "CheckoutDesk.h"

#include "JsonAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace lipa::sim {

namespace {

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

} // namespace

CheckoutDesk::CheckoutDesk(InvoiceBook& book)
    : m_book(book)
{
}

QString CheckoutDesk::pageUrl(const QString& id) const
{
    return (m_pageHost.isEmpty() ? m_book.host() : m_pageHost) + QStringLiteral("/checkout/%1/").arg(id);
}

HttpResponse CheckoutDesk::create(const HttpRequest& request)
{
    QJsonObject body;
    if (std::optional<HttpResponse> refused = refusedPaymentBody(request.body, &body))
        return *refused;
    const QJsonValue amount = body.value(QStringLiteral("amount"));
    const double shillings = amount.isString() ? amount.toString().toDouble() : amount.toDouble();
    if (shillings < 1 || shillings > 1e9 || shillings != static_cast<double>(static_cast<qint64>(shillings)))
        return validationError(QStringLiteral("amount"),
                               QStringLiteral("Amount must be a whole number above 0."));
    const QString phone = body.value(QStringLiteral("phone_number")).toString();
    static const QRegularExpression kenyan(QStringLiteral("^254[17]\\d{8}$"));
    if (!phone.isEmpty() && !kenyan.match(phone).hasMatch())
        return validationError(QStringLiteral("phone_number"), QStringLiteral("Enter a valid phone number."));
    for (const char* tariff : {"card_tarrif", "mobile_tarrif"}) {
        const QString value = body.value(QLatin1String(tariff)).toString();
        if (!value.isEmpty() && value != u"BUSINESS-PAYS" && value != u"CUSTOMER-PAYS")
            return validationError(QString::fromLatin1(tariff),
                                   QStringLiteral("Must be BUSINESS-PAYS or CUSTOMER-PAYS."));
    }
    const QString apiRef = body.value(QStringLiteral("api_ref")).toString();
    const InvoiceBook::Invoice& invoice = m_book.addCheckout(apiRef, phone, static_cast<qint64>(shillings));
    Checkout checkout;
    checkout.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    checkout.signature = randomHex(32);
    checkout.invoiceId = invoice.id;
    checkout.apiRef = apiRef;
    checkout.amountShillings = invoice.amountShillings;
    m_checkouts.insert(checkout.id, checkout);
    return json(
        QJsonObject{
            {QStringLiteral("id"), checkout.id},
            {QStringLiteral("url"), pageUrl(checkout.id)},
            {QStringLiteral("signature"), checkout.signature},
            {QStringLiteral("amount"), QString::number(checkout.amountShillings) + QStringLiteral(".00")},
            {QStringLiteral("currency"), QStringLiteral("KES")},
            {QStringLiteral("api_ref"), apiRef.isEmpty() ? QJsonValue(QJsonValue::Null) : apiRef},
            {QStringLiteral("phone_number"), phone},
            {QStringLiteral("paid"), false},
            {QStringLiteral("created_at"), invoice.createdAt.toOffsetFromUtc(3 * 3600).toString(Qt::ISODate)},
        },
        201);
}

const CheckoutDesk::Checkout* CheckoutDesk::find(const QString& id, const QString& signature) const
{
    const auto it = m_checkouts.constFind(id);
    if (it == m_checkouts.cend() || it->signature != signature)
        return nullptr;
    return &*it;
}

HttpResponse CheckoutDesk::html(const QString& title, const QString& body, int status) const
{
    const QString page =
        QStringLiteral("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                       "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                       "<title>%1</title><style>body{font-family:sans-serif;text-align:center;"
                       "margin:2em 1em}h1{font-size:2.2em}button{font-size:1.3em;width:100%;"
                       "max-width:22em;padding:.8em;margin:.4em 0}</style></head><body>"
                       "<p>IntaSend checkout — simulator, no real money</p>%2</body></html>")
            .arg(title.toHtmlEscaped(), body);
    return HttpResponse{status, page.toUtf8(), "text/html; charset=utf-8", {}};
}

HttpResponse CheckoutDesk::page(const HttpRequest& request)
{
    // /checkout/{id}/ or /checkout/{id}/{action}
    const QList<QByteArray> parts = request.path.split('/');
    const QString id = parts.size() > 2 ? QString::fromLatin1(parts.at(2)) : QString();
    const QByteArray action = parts.size() > 3 ? parts.at(3) : QByteArray();
    const auto it = m_checkouts.constFind(id);
    if (it == m_checkouts.cend())
        return html(QStringLiteral("Not found"), QStringLiteral("<h1>No such checkout</h1>"), 404);
    const Checkout& checkout = *it;
    const QString amount =
        QStringLiteral("KES ") + QLocale(QLocale::English).toString(checkout.amountShillings);
    const InvoiceBook::Invoice* invoice = m_book.find(checkout.invoiceId);
    const QString state = invoice ? m_book.stateOf(*invoice) : QString();
    if (request.method == "POST" && (action == "pay-card" || action == "pay-mpesa" || action == "cancel")) {
        const bool pays = action != "cancel";
        const ScriptedOutcome outcome =
            pays ? ScriptedOutcome{ScriptedOutcome::Pays, {}, {}}
                 : ScriptedOutcome{ScriptedOutcome::Fails, QStringLiteral("CANCELLED"),
                                   QStringLiteral("The customer cancelled the checkout")};
        if (!m_book.decide(checkout.invoiceId, outcome,
                           action == "pay-card" ? QStringLiteral("CARD-PAYMENT") : QStringLiteral("M-PESA")))
            return html(QStringLiteral("Already done"),
                        QStringLiteral("<h1>%1</h1><p>This checkout is already %2.</p>")
                            .arg(amount.toHtmlEscaped(), state.toLower().toHtmlEscaped()),
                        409);
        return html(pays ? QStringLiteral("Paid") : QStringLiteral("Cancelled"),
                    QStringLiteral("<h1>%1</h1><p>%2</p>")
                        .arg(amount.toHtmlEscaped(),
                             pays ? QStringLiteral("Paid — thank you. You can close this page.")
                                  : QStringLiteral("Cancelled. Nothing was paid.")));
    }
    if (request.method != "GET" || !action.isEmpty())
        return html(QStringLiteral("Not allowed"), QStringLiteral("<h1>Not allowed</h1>"), 405);
    if (state != u"PENDING")
        return html(amount, QStringLiteral("<h1>%1</h1><p>This checkout is %2.</p>")
                                .arg(amount.toHtmlEscaped(), state.toLower().toHtmlEscaped()));
    const QString base = QStringLiteral("/checkout/%1/").arg(checkout.id);
    return html(amount,
                QStringLiteral("<h1>%1</h1>"
                               "<form method='post' action='%2pay-card'><button>Pay by card</button></form>"
                               "<form method='post' action='%2pay-mpesa'><button>Pay by M-Pesa</button>"
                               "</form><form method='post' action='%2cancel'><button>Cancel</button></form>")
                    .arg(amount.toHtmlEscaped(), base));
}

} // namespace lipa::sim
