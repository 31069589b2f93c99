// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChargebackBook.h"

#include <QRandomGenerator>

#include <algorithm>

namespace lipa::sim {

namespace {

QString nairobiTime(const QDateTime& utc)
{
    return utc.toOffsetFromUtc(3 * 3600).toString(Qt::ISODateWithMs);
}

// IntaSend's words once its staff have decided; null while a request is still open.
QJsonValue resolutionFor(const QString& finalStatus)
{
    if (finalStatus == u"COMPLETED")
        return QStringLiteral("Refunded to the customer's M-Pesa");
    if (finalStatus == u"CANCELLED")
        return QStringLiteral("Declined");
    if (finalStatus == u"DISPUTED")
        return QStringLiteral("Disputed");
    if (finalStatus == u"OVERDUE")
        return QStringLiteral("Overdue");
    return QJsonValue::Null;
}

} // namespace

ChargebackBook::ChargebackBook(Clock& clock)
    : m_clock(clock)
{
}

const QStringList& ChargebackBook::knownStatuses()
{
    static const QStringList statuses{QStringLiteral("PENDING"), QStringLiteral("CANCELLED"),
                                      QStringLiteral("DISPUTED"), QStringLiteral("OVERDUE"),
                                      QStringLiteral("COMPLETED")};
    return statuses;
}

bool ChargebackBook::setScript(const QStringList& statuses, std::chrono::milliseconds step)
{
    if (statuses.isEmpty() || step.count() <= 0)
        return false;
    for (const QString& status : statuses) {
        if (!knownStatuses().contains(status))
            return false;
    }
    m_script = statuses;
    m_step = step;
    return true;
}

const ChargebackBook::Chargeback& ChargebackBook::add(const QString& transactionId, const QString& invoiceId,
                                                      qint64 amountCents, const QString& reason,
                                                      const QString& reasonDetails)
{
    Chargeback chargeback;
    chargeback.id = newId();
    chargeback.transactionId = transactionId;
    chargeback.invoiceId = invoiceId;
    chargeback.amountCents = amountCents;
    chargeback.reason = reason;
    chargeback.reasonDetails = reasonDetails;
    chargeback.createdAt = m_clock.now();
    chargeback.script = m_script;
    chargeback.step = m_step;
    chargeback.sequence = m_chargebacks.size() + 1;
    m_byId.insert(chargeback.id, m_chargebacks.size());
    m_chargebacks.append(chargeback);
    return m_chargebacks.constLast();
}

const ChargebackBook::Chargeback* ChargebackBook::find(const QString& id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &m_chargebacks.at(*it);
}

qsizetype ChargebackBook::stepOf(const Chargeback& chargeback) const
{
    const qint64 elapsed = chargeback.createdAt.msecsTo(m_clock.now());
    if (elapsed <= 0 || chargeback.step.count() <= 0)
        return 0;
    const qint64 steps = elapsed / static_cast<qint64>(chargeback.step.count());
    return static_cast<qsizetype>(std::min<qint64>(steps, chargeback.script.size() - 1));
}

QString ChargebackBook::statusOf(const Chargeback& chargeback) const
{
    return chargeback.script.at(stepOf(chargeback));
}

QJsonObject ChargebackBook::json(const Chargeback& chargeback) const
{
    const qsizetype reached = stepOf(chargeback);
    const QString status = chargeback.script.at(reached);
    const bool decided = reached == chargeback.script.size() - 1;
    const QDateTime updatedAt = chargeback.createdAt.addMSecs(static_cast<qint64>(reached) *
                                                              static_cast<qint64>(chargeback.step.count()));
    return QJsonObject{
        {QStringLiteral("id"), chargeback.id},
        {QStringLiteral("transaction"), chargeback.transactionId},
        {QStringLiteral("invoice"), chargeback.invoiceId},
        {QStringLiteral("amount"), static_cast<double>(chargeback.amountCents) / 100.0},
        {QStringLiteral("status"), status},
        {QStringLiteral("resolution"), decided ? resolutionFor(status) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("staff_created"), false},
        {QStringLiteral("reason"), chargeback.reason},
        {QStringLiteral("reason_details"), chargeback.reasonDetails},
        {QStringLiteral("created_at"), nairobiTime(chargeback.createdAt)},
        {QStringLiteral("updated_at"), nairobiTime(updatedAt)},
    };
}

QList<const ChargebackBook::Chargeback*> ChargebackBook::page(int page, int pageSize, int* count) const
{
    *count = static_cast<int>(m_chargebacks.size());
    const qsizetype size = std::max(1, pageSize);
    const qsizetype from = qsizetype(std::max(1, page) - 1) * size;
    QList<const Chargeback*> result;
    // Newest first: walk back from the end.
    for (qsizetype i = m_chargebacks.size() - 1 - from; i >= 0 && result.size() < size; --i)
        result.append(&m_chargebacks.at(i));
    return result;
}

qint64 ChargebackBook::requestedOf(const QString& invoiceId) const
{
    qint64 cents = 0;
    for (const Chargeback& chargeback : m_chargebacks) {
        if (chargeback.invoiceId == invoiceId && statusOf(chargeback) != u"CANCELLED")
            cents += chargeback.amountCents;
    }
    return cents;
}

QString ChargebackBook::newId() const
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const auto size = static_cast<quint32>(qstrlen(alphabet));
    QString id;
    do {
        id = QStringLiteral("CB");
        for (int i = 0; i < 6; ++i)
            id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(size)]);
    } while (m_byId.contains(id));
    return id;
}

} // namespace lipa::sim
