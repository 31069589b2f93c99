// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopPaymentModel.h"

#include "Clock.h"
#include "PaymentListModel.h"
#include "ShopService.h"

#include <QLocale>

#include <algorithm>

namespace lipa {

namespace {

// Text shown literally where Qt would guess whether it is markup (a tooltip with IntaSend's words).
QString asLiteralRichText(const QString& text)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(text.toHtmlEscaped());
}

// What a reload compares to tell a changed row from an unchanged one: what the columns and tooltips show.
bool looksTheSame(const ShopPayment& a, const ShopPayment& b)
{
    return a.payment.state == b.payment.state && a.payment.updatedAt == b.payment.updatedAt &&
           a.payment.mpesaReceipt == b.payment.mpesaReceipt &&
           a.payment.failureMessage == b.payment.failureMessage && a.tillName == b.tillName &&
           a.branch == b.branch && a.cashier == b.cashier;
}

} // namespace

ShopPaymentModel::ShopPaymentModel(ShopService& service, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_clock(clock)
{
    connect(&service, &ShopService::pageReady, this, &ShopPaymentModel::onPageReady);
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(std::chrono::milliseconds(250));
    connect(&m_reloadTimer, &QTimer::timeout, this, &ShopPaymentModel::reload);
}

int ShopPaymentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ShopPaymentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShopPaymentModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShopPayment& row = m_rows.at(index.row());
    const Payment& payment = row.payment;

    switch (role) {
    case StateRole:
        return static_cast<int>(payment.state);
    case ToneRole:
        return static_cast<int>(traitsOf(payment.state).tone);
    case LocalRefRole:
        return payment.localRef;
    case TillIdRole:
        return row.tillId.toString(QUuid::WithoutBraces);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn: {
            const QDateTime local = payment.createdAt.toLocalTime();
            const bool today = local.date() == m_clock.now().toLocalTime().date();
            return QLocale().toString(local,
                                      today ? QStringLiteral("HH:mm:ss") : QStringLiteral("d MMM HH:mm"));
        }
        case TillColumn:
            return row.tillName;
        case BranchColumn:
            return row.branch;
        case AmountColumn:
            return PaymentListModel::amountText(payment);
        case PhoneColumn:
            return payment.phone.masked(); // as the till's own list shows it: safe across the counter
        case StateColumn:
            return stateDisplayName(payment.state);
        case ReceiptColumn:
            return payment.mpesaReceipt;
        case CashierColumn:
            return row.cashier;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return asLiteralRichText(payment.failureMessage.isEmpty() ? stateDisplayName(payment.state)
                                                                      : payment.failureMessage);
        if (index.column() == TimeColumn)
            return QLocale().toString(payment.createdAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == TillColumn && payment.tillName != row.tillName && !payment.tillName.isEmpty())
            return tr("Taken as %1").arg(payment.tillName); // the till was renamed since
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant ShopPaymentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TillColumn:
        return tr("Till");
    case BranchColumn:
        return tr("Branch");
    case AmountColumn:
        return tr("Amount");
    case PhoneColumn:
        return tr("Customer");
    case StateColumn:
        return tr("Status");
    case ReceiptColumn:
        return tr("M-Pesa receipt");
    case CashierColumn:
        return tr("Cashier");
    }
    return {};
}

bool ShopPaymentModel::canFetchMore(const QModelIndex& parent) const
{
    // One read at a time, and none after a failed one: a view asks again on every layout, and a server
    // that is down must not be asked in a loop.
    return !parent.isValid() && !m_exhausted && !m_failed && !m_inserting && m_request == 0 &&
           !m_rows.isEmpty();
}

void ShopPaymentModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // Keyset paging: the payments below the oldest one loaded. Payments that arrive meanwhile go on top
    // and do not move that boundary.
    request(Read::More, PageKey::of(m_rows.last()), kPageSize);
}

void ShopPaymentModel::setFilter(const ShopFilter& filter)
{
    m_filter = filter;
    m_filterLoaded = false;
    m_reloadWanted = false;
    m_reloadTimer.stop();
    request(Read::First, std::nullopt, kPageSize); // an answer to an earlier request is now ignored
}

void ShopPaymentModel::reload()
{
    if (m_request != 0) {
        m_reloadWanted = true;
        return;
    }
    // Until the filter's first page came, the rows shown are another filter's: they are replaced, not
    // merged.
    if (!m_filterLoaded)
        request(Read::First, std::nullopt, kPageSize);
    else
        request(Read::Reload, std::nullopt,
                std::clamp(static_cast<int>(m_rows.size()), kPageSize, kMaxReload));
}

void ShopPaymentModel::scheduleReload()
{
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start();
}

int ShopPaymentModel::rowOf(const QUuid& tillId, const QString& localRef) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).tillId == tillId && m_rows.at(row).payment.localRef == localRef)
            return static_cast<int>(row);
    }
    return -1;
}

void ShopPaymentModel::request(Read kind, const std::optional<PageKey>& after, int limit)
{
    m_requestKind = kind;
    m_requestLimit = limit;
    m_request = m_service.requestPage(m_filter, after, limit);
}

void ShopPaymentModel::onPageReady(quint64 requestId, const QList<ShopPayment>& rows, const QString& error)
{
    if (requestId != m_request)
        return; // a page for an older filter, or for someone else
    m_request = 0;
    if (!error.isEmpty()) {
        m_failed = true;
        Q_EMIT loadFailed(error);
    } else {
        m_failed = false;
        const bool complete = rows.size() < m_requestLimit;
        switch (m_requestKind) {
        case Read::First:
            replaceAll(rows, complete);
            m_filterLoaded = true;
            break;
        case Read::More:
            append(rows, complete);
            break;
        case Read::Reload:
            merge(rows, complete);
            break;
        }
        Q_EMIT loaded();
    }
    if (m_reloadWanted) {
        m_reloadWanted = false;
        reload();
    }
}

void ShopPaymentModel::replaceAll(const QList<ShopPayment>& rows, bool exhausted)
{
    // A new filter shows other payments: a reset, once, with the whole first page inside it.
    m_inserting = true;
    beginResetModel();
    m_rows = rows;
    m_exhausted = exhausted;
    endResetModel();
    m_inserting = false;
}

void ShopPaymentModel::append(const QList<ShopPayment>& rows, bool exhausted)
{
    m_exhausted = exhausted;
    if (rows.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    m_inserting = true;
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    m_inserting = false;
}

void ShopPaymentModel::merge(const QList<ShopPayment>& rows, bool complete)
{
    // Both lists are in the same order (newest first, by a key that never changes for a payment), so one
    // walk tells new rows, gone rows and changed rows apart. New rows that come together (a till's
    // catch-up after an outage) are inserted as one block.
    m_inserting = true;
    qsizetype at = 0; // the next loaded row not yet compared
    QList<ShopPayment> fresh;
    const auto insertFresh = [&] {
        if (fresh.isEmpty())
            return;
        beginInsertRows({}, static_cast<int>(at), static_cast<int>(at + fresh.size() - 1));
        m_rows.insert(at, fresh.size(), ShopPayment());
        std::move(fresh.begin(), fresh.end(), m_rows.begin() + at);
        endInsertRows();
        at += fresh.size();
        fresh.clear();
    };
    for (const ShopPayment& row : rows) {
        const PageKey key = PageKey::of(row);
        // Loaded rows newer than this one that the database no longer gives: they no longer match.
        if (at < m_rows.size() && PageKey::newerThan(PageKey::of(m_rows.at(at)), key)) {
            insertFresh();
            qsizetype end = at;
            while (end < m_rows.size() && PageKey::newerThan(PageKey::of(m_rows.at(end)), key))
                ++end;
            beginRemoveRows({}, static_cast<int>(at), static_cast<int>(end - 1));
            m_rows.remove(at, end - at);
            endRemoveRows();
        }
        if (at < m_rows.size() && PageKey::of(m_rows.at(at)) == key) {
            insertFresh();
            if (!looksTheSame(m_rows.at(at), row)) {
                m_rows[at] = row;
                Q_EMIT dataChanged(index(static_cast<int>(at), 0),
                                   index(static_cast<int>(at), ColumnCount - 1));
            }
            ++at;
        } else {
            fresh.append(row);
        }
    }
    insertFresh();
    // Below the last row read: when the read was complete, nothing more matches; otherwise these are rows
    // older than the window read again (loaded by scrolling), which stay.
    if (complete && at < m_rows.size()) {
        beginRemoveRows({}, static_cast<int>(at), static_cast<int>(m_rows.size() - 1));
        m_rows.remove(at, m_rows.size() - at);
        endRemoveRows();
    }
    if (complete)
        m_exhausted = true;
    m_inserting = false;
}

} // namespace lipa
