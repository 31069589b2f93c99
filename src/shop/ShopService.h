// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ShopQuery.h"
#include "ShopUrl.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <functional>

class QTimer;

namespace lipa {

class ShopReader;

// The shop database's reads as the GUI thread sees them: requests that return at once and answers that
// come as signals or callbacks. Behind it, two ShopReaders on threads of their own, each with its own
// connection, made on first use: one for the shop view (pages, totals, live updates) and one for the
// duplicate guard, so a long page never holds up the question asked on Charge. Exports run on a thread
// (and connection) of their own.
class ShopService : public QObject {
    Q_OBJECT
public:
    // The guard's answer. answered: the database said within the budget; found is then the other till's
    // open payment, or none. Not answered: the charge goes ahead on the till's own check alone.
    struct Answer {
        bool answered = false;
        std::optional<ShopPayment> found;
    };

    ShopService(const ShopUrl& url, const QString& password, QObject* parent = nullptr);
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

    // The shop-wide duplicate guard: the newest payment at another till for this phone and amount that may
    // still charge the customer (ShopQuery::openElsewhere), created since `since`. done is called exactly
    // once on this thread, within budget: with the database's answer, or with answered=false when it did
    // not come in time (an answer arriving later is dropped). Not called when context is destroyed first.
    void openElsewhere(const QUuid& exceptTill, const PhoneNumber& phone, Money amount,
                       const QDateTime& since, std::chrono::milliseconds budget, QObject* context,
                       std::function<void(Answer)> done);
    // Connects the guard now, so the first charge's question is not spent connecting.
    void prepareGuard();

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
    struct PendingGuard {
        QPointer<QObject> context;
        bool hasContext = false;
        std::function<void(Answer)> done;
        QTimer* timer = nullptr;
    };

    ShopReader* startReader(QThread& thread, const QString& password, const QString& purpose);
    void onOpenElsewhereReady(quint64 requestId, const std::optional<lipa::ShopPayment>& found,
                              bool answered);
    void finishGuard(quint64 requestId, const Answer& answer);

    ShopUrl m_url;
    QString m_password; // for exports, which make a connection each
    QThread m_viewThread;
    QThread m_guardThread;
    ShopReader* m_view = nullptr;  // lives on m_viewThread; deleted there when it finishes
    ShopReader* m_guard = nullptr; // lives on m_guardThread; likewise
    QThread* m_exportThread = nullptr;
    quint64 m_nextId = 0;
    int m_guardUnanswered = 0; // questions sent to the guard's reader that it has not answered yet
    QHash<quint64, PendingGuard> m_guards;
};

} // namespace lipa

Q_DECLARE_METATYPE(lipa::ShopService::Answer)
