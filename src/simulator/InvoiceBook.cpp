// SPDX-License-Identifier: GPL-3.0-or-later
#include "InvoiceBook.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace lipa::sim {

namespace {

QString nairobiTime(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(3 * 3600).toString(Qt::ISODateWithMs);
}

QString randomLetters(int count, const char* alphabet)
{
    const auto size = static_cast<quint32>(qstrlen(alphabet));
    QString text;
    for (int i = 0; i < count; ++i)
        text += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(size)]);
    return text;
}

// IntaSend's fee on an M-Pesa collection in the simulator: 3 %, in whole cents.
qint64 chargesInCents(qint64 shillings)
{
    return shillings * 3;
}

} // namespace

InvoiceBook::InvoiceBook(Clock& clock)
    : m_clock(clock)
{
}

const InvoiceBook::Invoice& InvoiceBook::add(bool numericId, const QString& apiRef, const QString& phone,
                                             qint64 amountShillings, const ScriptedOutcome& outcome)
{
    Invoice invoice;
    invoice.numericId = numericId;
    invoice.id = newId(numericId);
    invoice.apiRef = apiRef;
    invoice.phone = phone;
    invoice.amountShillings = amountShillings;
    invoice.createdAt = m_clock.now();
    invoice.outcome = outcome;
    invoice.receipt = randomLetters(1, "QRST") + randomLetters(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789");
    invoice.sequence = ++m_sequence;
    return *m_invoices.insert(invoice.id, invoice);
}

const InvoiceBook::Invoice& InvoiceBook::addCheckout(const QString& apiRef, const QString& phone,
                                                     qint64 amountShillings)
{
    const Invoice& added =
        add(false, apiRef, phone, amountShillings, {ScriptedOutcome::NeverAnswers, {}, {}});
    Invoice& invoice = m_invoices[added.id];
    invoice.checkout = true;
    return invoice;
}

bool InvoiceBook::decide(const QString& id, const ScriptedOutcome& outcome, const QString& provider)
{
    const auto it = m_invoices.find(id);
    if (it == m_invoices.end() || !it->checkout || it->decidedAt)
        return false;
    it->outcome = outcome;
    it->provider = provider;
    it->decidedAt = m_clock.now();
    return true;
}

const InvoiceBook::Invoice* InvoiceBook::find(const QString& id) const
{
    const auto it = m_invoices.constFind(id);
    return it == m_invoices.cend() ? nullptr : &*it;
}

QString InvoiceBook::receiptFor(const QString& id) const
{
    const Invoice* invoice = find(id);
    return invoice ? invoice->receipt : QString();
}

QString InvoiceBook::stateOf(const Invoice& invoice) const
{
    if (invoice.checkout && invoice.decidedAt)
        return invoice.outcome.kind == ScriptedOutcome::Pays ? QStringLiteral("COMPLETE")
                                                             : QStringLiteral("FAILED");
    if (invoice.outcome.kind == ScriptedOutcome::NeverAnswers)
        return QStringLiteral("PENDING");
    const qint64 elapsed = invoice.createdAt.msecsTo(m_clock.now());
    if (elapsed >= m_timing.finalAfter.count())
        return invoice.outcome.kind == ScriptedOutcome::Pays ? QStringLiteral("COMPLETE")
                                                             : QStringLiteral("FAILED");
    if (elapsed >= m_timing.processingAfter.count())
        return QStringLiteral("PROCESSING");
    return QStringLiteral("PENDING");
}

QJsonObject InvoiceBook::json(const Invoice& invoice) const
{
    const QString state = stateOf(invoice);
    QJsonValue failedReason = QJsonValue::Null;
    QJsonValue failedCode = QJsonValue::Null;
    QJsonValue receipt = QJsonValue::Null;
    QDateTime updatedAt = invoice.createdAt;
    if (invoice.decidedAt)
        updatedAt = *invoice.decidedAt;
    else if (state == u"COMPLETE" || state == u"FAILED")
        updatedAt = invoice.createdAt.addMSecs(m_timing.finalAfter.count());
    else if (state == u"PROCESSING")
        updatedAt = invoice.createdAt.addMSecs(m_timing.processingAfter.count());
    if (state == u"COMPLETE" && invoice.provider == u"M-PESA") {
        receipt = invoice.receipt;
    } else if (state == u"FAILED") {
        failedReason = invoice.outcome.failedReason;
        failedCode = invoice.outcome.failedCode;
    }

    const QString value = QString::number(invoice.amountShillings) + QStringLiteral(".00");
    QJsonObject json{
        {QStringLiteral("state"), state},
        {QStringLiteral("provider"), invoice.provider},
        {QStringLiteral("charges"), QStringLiteral("0.00")},
        {QStringLiteral("net_amount"), value},
        {QStringLiteral("currency"), QStringLiteral("KES")},
        {QStringLiteral("value"), value},
        {QStringLiteral("account"), invoice.phone},
        {QStringLiteral("api_ref"), invoice.apiRef.isEmpty() ? QJsonValue(QJsonValue::Null) : invoice.apiRef},
        {QStringLiteral("mpesa_reference"), receipt},
        {QStringLiteral("host"), m_host},
        {QStringLiteral("failed_reason"), failedReason},
        {QStringLiteral("failed_code"), failedCode},
        {QStringLiteral("created_at"), nairobiTime(invoice.createdAt)},
        {QStringLiteral("updated_at"), nairobiTime(updatedAt)},
    };
    if (invoice.numericId) {
        json.insert(QStringLiteral("id"), invoice.id.toInt());
    } else {
        json.insert(QStringLiteral("id"), invoice.id);
        json.insert(QStringLiteral("invoice_id"), invoice.id);
    }
    return json;
}

QJsonObject InvoiceBook::listItem(const Invoice& invoice) const
{
    // As the notes have seen the list: value and charges as numbers, net_amount as a string; fees once
    // the money came in.
    QJsonObject item = json(invoice);
    const bool paid = item.value(QLatin1String("state")).toString() == u"COMPLETE";
    const qint64 charges = paid ? chargesInCents(invoice.amountShillings) : 0;
    const qint64 net = (paid ? invoice.amountShillings * 100 : 0) - charges;
    item.insert(QStringLiteral("value"), static_cast<double>(invoice.amountShillings));
    item.insert(QStringLiteral("charges"), static_cast<double>(charges) / 100.0);
    item.insert(QStringLiteral("net_amount"),
                QStringLiteral("%1.%2").arg(net / 100).arg(net % 100, 2, 10, QLatin1Char('0')));
    item.insert(QStringLiteral("clearing_status"),
                paid ? QStringLiteral("AVAILABLE") : QStringLiteral("PENDING"));
    item.insert(QStringLiteral("card_info"), QJsonObject{{QStringLiteral("bin_country"), QJsonValue::Null}});
    item.insert(QStringLiteral("retry_count"), 0);
    item.insert(QStringLiteral("failed_code_link"), QJsonValue::Null);
    return item;
}

QList<const InvoiceBook::Invoice*> InvoiceBook::page(const ListQuery& query, int* count) const
{
    QList<const Invoice*> matching;
    for (const Invoice& invoice : m_invoices) {
        if (!query.apiRef.isEmpty() && invoice.apiRef != query.apiRef)
            continue;
        if (!query.state.isEmpty() && stateOf(invoice) != query.state.toUpper())
            continue;
        matching.append(&invoice);
    }
    std::sort(matching.begin(), matching.end(),
              [](const Invoice* a, const Invoice* b) { return a->sequence > b->sequence; });
    *count = static_cast<int>(matching.size());
    const qsizetype from = qsizetype(std::max(1, query.page) - 1) * std::max(1, query.pageSize);
    return from >= matching.size() ? QList<const Invoice*>()
                                   : matching.mid(from, std::max(1, query.pageSize));
}

QString InvoiceBook::newId(bool numeric)
{
    if (numeric)
        return QString::number(m_nextNumericId++);
    QString id;
    do {
        id = randomLetters(7, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    } while (m_invoices.contains(id));
    return id;
}

} // namespace lipa::sim
