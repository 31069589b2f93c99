// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopGuard.h"
#include "ShopQuery.h"
#include "ShopUrl.h"

#include <QObject>
#include <QThread>

#include <chrono>
#include <functional>

namespace lipa {

class Clock;
class ShopReader;

// The shop database's reads as the GUI thread sees them: requests that return at once and answers that
// come as signals or callbacks. Behind it, two ShopReaders on threads of their own, each with its own
// connection, made on first use: one for the shop view (pages, totals, live updates) and one for the
// duplicate guard, so a long page never holds up the question asked on Charge. Exports run on a thread
// (and connection) of their own.
class ShopService : public QObject {
    Q_OBJECT
public:
    using Answer = ShopGuard::Answer;

    // clock: the till's (the guard's budget and the age of what it knows); ownTill: this till's identity.
    ShopService(const ShopUrl& url, const QString& password, Clock& clock, const QUuid& ownTill,
                QObject* parent = nullptr);
    // Stops the readers (and an export between two pages) and waits for their threads; each connection is
    // closed in its own thread.
    ~ShopService() override;

    const ShopUrl& url() const { return m_url; }

    // Each returns the request's id; the answer's signal carries it.
    quint64 requestPage(const ShopFilter& filter, const std::optional<PageKey>& after, int limit);
    quint64 requestTotals(const QDate& localDay);
    // Live updates for the view: changed() after every batch a till applies; liveChanged() when they stop
    // or start again.
    void listen();
    // Writes the payments matching filter to path (ShopCsv), on a thread and connection of its own; one
    // export at a time (0 when one is running). exportDone answers.
    quint64 exportCsv(const ShopFilter& filter, const QString& path);
    bool isExporting() const { return m_exportThread != nullptr; }

    // The shop-wide duplicate guard (ShopGuard::ask): the newest payment at another till for this phone
    // and amount that may still charge the customer, created since `since` (within the last day: what the
    // guard keeps). done is called exactly once
    // on this thread: before this returns when the guard's snapshot is current, otherwise within budget
    // (with answered=false when the database did not answer in time). Not called when context is gone.
    void openElsewhere(const QUuid& exceptTill, const PhoneNumber& phone, Money amount,
                       const QDateTime& since, std::chrono::milliseconds budget, QObject* context,
                       std::function<void(Answer)> done);
    // A sale is being typed: the guard connects (the first time) and reads the other tills' open payments
    // now, so the question on Charge is answered at once.
    void prepareGuard();
    ShopGuard& guard() { return *m_guardState; }

    // For tests: the readers, to shorten their timers.
    ShopReader* viewReader() const { return m_view; }
    ShopReader* guardReader() const { return m_guard; }

Q_SIGNALS:
    void pageReady(quint64 requestId, const QList<lipa::ShopPayment>& rows, const QString& error);
    void totalsReady(quint64 requestId, const QList<lipa::TillTotals>& tills,
                     const QList<lipa::CashierTotals>& cashiers, const QString& error);
    void exportDone(quint64 requestId, qint64 written, const QString& error);
    void changed(const QString& tillId);
    void liveChanged(bool live, const QString& reason);

private:
    ShopReader* startReader(QThread& thread, const QString& password, const QString& purpose);

    ShopUrl m_url;
    QString m_password; // for exports, which make a connection each
    QThread m_viewThread;
    QThread m_guardThread;
    ShopReader* m_view = nullptr;  // lives on m_viewThread; deleted there when it finishes
    ShopReader* m_guard = nullptr; // lives on m_guardThread; likewise
    QThread* m_exportThread = nullptr;
    quint64 m_nextId = 0;
    std::unique_ptr<ShopGuard> m_guardState; // the guard's snapshot, on this thread
    bool m_guardListening = false;
};

} // namespace lipa
