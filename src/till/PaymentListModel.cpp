#include "PaymentListModel.h"

#include "Till.h"

#include <QColor>
#include <QLocale>

namespace lipa {

QString PaymentListModel::progressNote(PaymentState state)
{
    switch (state) {
    case PaymentState::Sending:
        return tr("Sending the request to the customer's phone…");
    case PaymentState::Pending:
        return tr("Waiting for the customer's M-Pesa PIN");
    case PaymentState::Processing:
        return tr("M-Pesa is processing the payment");
    default:
        return {};
    }
}

PaymentListModel::PaymentListModel(Till& till, QObject* parent)
    : QAbstractTableModel(parent)
    , m_till(till)
    , m_historySize(till.journal().paymentCount())
{
    connect(&till, &Till::paymentAdded, this, &PaymentListModel::onPaymentAdded);
    connect(&till, &Till::paymentChanged, this, &PaymentListModel::onPaymentChanged);
}

int PaymentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PaymentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaymentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Payment& payment = m_rows.at(index.row());

    switch (role) {
    case StateRole:
        return static_cast<int>(payment.state);
    case LocalRefRole:
        return payment.localRef;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn: {
            const QDateTime local = payment.createdAt.toLocalTime();
            const bool today = local.date() == m_till.clock().now().toLocalTime().date();
            return QLocale().toString(local,
                                      today ? QStringLiteral("HH:mm:ss") : QStringLiteral("d MMM HH:mm"));
        }
        case PhoneColumn:
            return payment.phone.masked();
        case AmountColumn:
            return payment.amount.toDisplayString();
        case StateColumn:
            return stateDisplayName(payment.state);
        case ReceiptColumn:
            return payment.mpesaReceipt;
        case DetailColumn:
            return payment.failureMessage.isEmpty() ? progressNote(payment.state) : payment.failureMessage;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn || index.column() == StateColumn)
            return payment.failureMessage.isEmpty() ? stateDisplayName(payment.state)
                                                    : payment.failureMessage;
        if (index.column() == TimeColumn)
            return QLocale().toString(payment.createdAt.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return stateColor(payment.state);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant PaymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PhoneColumn:
        return tr("Customer");
    case AmountColumn:
        return tr("Amount");
    case StateColumn:
        return tr("Status");
    case ReceiptColumn:
        return tr("M-Pesa receipt");
    case DetailColumn:
        return tr("Details");
    }
    return {};
}

bool PaymentListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_historyLoaded < m_historySize;
}

void PaymentListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    // The journal's newest payments are the ones announced since start-up, then the history already
    // loaded; the next page starts right after them.
    const int limit = std::min(kPageSize, m_historySize - m_historyLoaded);
    const QList<Payment> page = m_till.journal().newestFirst(m_addedSinceStart + m_historyLoaded, limit);
    if (page.isEmpty()) {
        m_historySize = m_historyLoaded; // the journal holds less than it said: nothing more to load
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    m_historyLoaded += static_cast<int>(page.size());
    endInsertRows();
}

int PaymentListModel::rowOf(const QString& localRef) const
{
    // Changes come almost always from the newest rows, at the top.
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).localRef == localRef)
            return static_cast<int>(row);
    }
    return -1;
}

void PaymentListModel::onPaymentAdded(const Payment& payment)
{
    ++m_addedSinceStart; // first: a fetchMore() from inside the insertion must not load it as history
    beginInsertRows({}, 0, 0);
    m_rows.prepend(payment);
    endInsertRows();
}

void PaymentListModel::onPaymentChanged(const Payment& payment)
{
    const int row = rowOf(payment.localRef);
    if (row < 0)
        return; // not loaded yet: fetchMore will read it from the journal
    m_rows[row] = payment;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QColor stateColor(PaymentState state)
{
    switch (state) {
    case PaymentState::Complete:
        return QColor(0x1b, 0x7f, 0x3b); // green
    case PaymentState::Failed:
    case PaymentState::Rejected:
        return QColor(0xb3, 0x1d, 0x1d); // red
    case PaymentState::Unknown:
    case PaymentState::Expired:
        return QColor(0x9a, 0x5b, 0x00); // amber
    case PaymentState::Sending:
    case PaymentState::Pending:
    case PaymentState::Processing:
        return QColor(0x1d, 0x4e, 0xa8); // blue
    }
    return {};
}

} // namespace lipa
