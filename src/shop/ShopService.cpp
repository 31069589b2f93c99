// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopService.h"

#include "ShopCsv.h"
#include "ShopReader.h"

#include <memory>

namespace lipa {

ShopService::ShopService(const ShopUrl& url, const QString& password, Clock& clock, const QUuid& ownTill,
                         QObject* parent)
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
    m_guardState = std::make_unique<ShopGuard>(m_guard, clock, ownTill);
    // The guard's reader listens too (without a liveness timer of its own: the reads made at every sale
    // find a dead connection): another till's batch with open sales refreshes the snapshot.
    m_guard->setLivenessInterval(std::chrono::milliseconds::zero());
    connect(m_guard, &ShopReader::announced, m_guardState.get(), &ShopGuard::announced);
    // An empty till: the connection was made again, and notifications may have been missed.
    connect(m_guard, &ShopReader::changed, m_guardState.get(),
            [guard = m_guardState.get()](const QString& till) {
                if (till.isEmpty())
                    guard->announced(QString(), {}, true);
            });
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
    m_guardState->ask(exceptTill, phone, amount, since, budget, context, std::move(done));
}

void ShopService::prepareGuard()
{
    if (!m_guardListening) {
        m_guardListening = true;
        QMetaObject::invokeMethod(m_guard, &ShopReader::listen, Qt::QueuedConnection);
    }
    m_guardState->prepare();
}

} // namespace lipa
