// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PaymentListModel.h"
#include "ShopQuery.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

namespace lipa {

class Clock;
class ShopService;

// Every till's payments from the shop database, newest first, a page at a time: the first page when the
// filter is set, the next when the view scrolls to the end (fetchMore), never the whole table. The server
// answers on another thread, so rows arrive a moment after they are asked for. reload() reads the rows
// shown again and changes them in place (rows inserted, removed and changed, never a reset): the
// selection and the scroll position stay where they were.
class ShopPaymentModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        TillColumn,
        BranchColumn,
        AmountColumn,
        PhoneColumn,
        StateColumn,
        ReceiptColumn,
        CashierColumn,
        ColumnCount
    };
    // The till list's roles where they mean the same (PaymentStateDelegate reads ToneRole).
    enum Role {
        StateRole = PaymentListModel::StateRole,
        ToneRole = PaymentListModel::ToneRole,
        LocalRefRole = PaymentListModel::LocalRefRole,
        TillIdRole = Qt::UserRole + 32, // the till's UUID as text
    };

    static constexpr int kPageSize = 200;
    // A reload reads at most this many rows again; older rows loaded by scrolling stay as they were.
    static constexpr int kMaxReload = 1000;

    ShopPaymentModel(ShopService& service, const Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Shows the payments matching filter: the rows shown stay until the first page of the new ones comes.
    void setFilter(const ShopFilter& filter);
    const ShopFilter& filter() const { return m_filter; }
    // Reads the rows shown again (a till sent a batch). While another read is under way, once after it.
    void reload();
    // A reload soon: changes that come in bursts (every till's batch) cost one read.
    void scheduleReload();
    void setReloadDelay(std::chrono::milliseconds delay) { m_reloadTimer.setInterval(delay); }

    const ShopPayment& paymentAt(int row) const { return m_rows.at(row); }
    // -1 when that payment is not loaded.
    int rowOf(const QUuid& tillId, const QString& localRef) const;
    // A read is under way.
    bool isLoading() const { return m_request != 0; }

Q_SIGNALS:
    // A first page, a next page or a reload came in.
    void loaded();
    // A read failed; the rows shown stay. Scrolling fetches no more until a reload or a new filter.
    void loadFailed(const QString& error);

private:
    enum class Read { First, More, Reload };

    void request(Read kind, const std::optional<PageKey>& after, int limit);
    void onPageReady(quint64 requestId, const QList<lipa::ShopPayment>& rows, const QString& error);
    void replaceAll(const QList<ShopPayment>& rows, bool exhausted);
    void append(const QList<ShopPayment>& rows, bool exhausted);
    void merge(const QList<ShopPayment>& rows, bool complete);

    ShopService& m_service;
    const Clock& m_clock;
    ShopFilter m_filter;
    QList<ShopPayment> m_rows;   // newest first
    bool m_exhausted = true;     // the oldest matching payment is loaded (or no filter was set yet)
    bool m_failed = false;       // the last read failed: no fetchMore until a read succeeds
    bool m_filterLoaded = false; // the filter's first page came: the rows shown are the filter's
    bool m_inserting = false;    // inside begin/end of a change: no fetchMore from a view reacting to it
    quint64 m_request = 0;       // the read under way, 0 when none
    Read m_requestKind = Read::First;
    int m_requestLimit = 0;
    bool m_reloadWanted = false;
    QTimer m_reloadTimer;
};

} // namespace lipa
