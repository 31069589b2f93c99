// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopService.h"

#include "ShopCsv.h"
#include "ShopReader.h"

#include <QTimer>

#include <memory>

namespace lipa {

ShopService::ShopService(const ShopUrl& url, const QString& password, QObject* parent)
    : QObject(parent)
    , m_url(url)
    , m_password(password)
{
    registerShopMetaTypes();
    m_view = startReader(m_viewThread, password, QStringLiteral("view"));
    m_guard = startReader(m_guardThread, password, QStringLiteral("guard"));
    connect(m_view, &ShopReader::pageReady, this, &ShopService::pageReady);
    connect(m_view, &ShopReader::totalsReady, this, &ShopService::totalsReady);
    connect(m_view, &ShopReader::changed, this, &ShopService::changed);
    connect(m_view, &ShopReader::liveChanged, this, &ShopService::liveChanged);
    connect(m_guard, &ShopReader::openElsewhereReady, this, &ShopService::onOpenElsewhereReady);
}

ShopService::~ShopService()
{
    // A reader blocked on a server that hangs would hold its thread, and so this destructor, for as long
    // as the server likes: cut its connection first (the till may be closing or restarting in place).
    if (m_view)
        m_view->abortConnection();
    if (m_guard)
        m_guard->abortConnection();
    m_viewThread.quit();
    m_guardThread.quit();
    // A reader in the middle of a request ends it now that its connection is cut.
    m_viewThread.wait();
    m_guardThread.wait();
    if (m_exportThread) {
        m_exportThread->requestInterruption(); // stops between two pages, leaving no file behind
        m_exportThread->wait();
        delete m_exportThread;
    }
}

ShopReader* ShopService::startReader(QThread& thread, const QString& password, const QString& purpose)
{
    auto* reader = new ShopReader(m_url, password, purpose);
    reader->moveToThread(&thread);
    // Deleted in its own thread, after its last request: its connection is closed where it was made.
    connect(&thread, &QThread::finished, reader, &QObject::deleteLater);
    thread.setObjectName(QStringLiteral("lipa-shop-") + purpose);
    thread.start();
    return reader;
}

quint64 ShopService::requestPage(const ShopFilter& filter, const std::optional<PageKey>& after, int limit)
{
    const quint64 id = ++m_nextId;
    QMetaObject::invokeMethod(
        m_view,
        [reader = m_view, id, filter, after, limit] { reader->requestPage(id, filter, after, limit); },
        Qt::QueuedConnection);
    return id;
}

quint64 ShopService::requestTotals(const QDate& localDay)
{
    const quint64 id = ++m_nextId;
    QMetaObject::invokeMethod(
        m_view, [reader = m_view, id, localDay] { reader->requestTotals(id, localDay); },
        Qt::QueuedConnection);
    return id;
}

void ShopService::listen()
{
    QMetaObject::invokeMethod(m_view, &ShopReader::listen, Qt::QueuedConnection);
}

quint64 ShopService::exportCsv(const ShopFilter& filter, const QString& path)
{
    if (m_exportThread)
        return 0;
    const quint64 id = ++m_nextId;
    struct Outcome {
        qint64 written = -1;
        QString error;
    };
    const auto outcome = std::make_shared<Outcome>();
    m_exportThread = QThread::create([url = m_url, password = m_password, filter, path, outcome] {
        outcome->written = ShopCsv::exportFilter(url, password, filter, path, &outcome->error);
    });
    m_exportThread->setObjectName(QStringLiteral("lipa-shop-export"));
    // Queued to this thread (the context): by then the export thread has finished.
    connect(m_exportThread, &QThread::finished, this, [this, id, outcome] {
        m_exportThread->deleteLater();
        m_exportThread = nullptr;
        Q_EMIT exportDone(id, outcome->written, outcome->written < 0 ? outcome->error : QString());
    });
    m_exportThread->start();
    return id;
}

void ShopService::openElsewhere(const QUuid& exceptTill, const PhoneNumber& phone, Money amount,
                                const QDateTime& since, std::chrono::milliseconds budget, QObject* context,
                                std::function<void(Answer)> done)
{
    const quint64 id = ++m_nextId;
    if (m_guardUnanswered > 0) {
        // The guard's reader is still busy with an earlier question (a slow, hung or unreachable server):
        // this one would only wait out its budget behind it. Answered at once: not asked.
        QMetaObject::invokeMethod(
            this,
            [receiver = QPointer<QObject>(context), hasContext = context != nullptr, done = std::move(done)] {
                if (!hasContext || receiver)
                    done(Answer{});
            },
            Qt::QueuedConnection);
        return;
    }
    ++m_guardUnanswered;
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id] { finishGuard(id, Answer{}); });
    m_guards.insert(id, PendingGuard{QPointer<QObject>(context), context != nullptr, std::move(done), timer});
    timer->start(budget);
    QMetaObject::invokeMethod(
        m_guard,
        [reader = m_guard, id, exceptTill, digits = phone.normalised(), cents = amount.cents(), since,
         deadline = QDeadlineTimer(budget)] {
            reader->requestOpenElsewhere(id, exceptTill, digits, cents, since, deadline);
        },
        Qt::QueuedConnection);
}

void ShopService::prepareGuard()
{
    QMetaObject::invokeMethod(m_guard, &ShopReader::connectNow, Qt::QueuedConnection);
}

void ShopService::onOpenElsewhereReady(quint64 requestId, const std::optional<ShopPayment>& found,
                                       bool answered)
{
    m_guardUnanswered = std::max(0, m_guardUnanswered - 1);
    finishGuard(requestId, Answer{answered, answered ? found : std::nullopt});
}

void ShopService::finishGuard(quint64 requestId, const Answer& answer)
{
    const auto it = m_guards.find(requestId);
    if (it == m_guards.end())
        return; // answered already: this is the late answer, or the timer of an answered question
    PendingGuard pending = std::move(it.value());
    m_guards.erase(it);
    pending.timer->stop();
    pending.timer->deleteLater();
    if (pending.hasContext && !pending.context)
        return;
    pending.done(answer);
}

} // namespace lipa
