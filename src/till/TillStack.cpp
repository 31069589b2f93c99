// SPDX-License-Identifier: GPL-3.0-or-later
#include "TillStack.h"

namespace lipa {

TillStack::TillStack(Clock& clock_, ClientConfig clientConfig, const Settings& settings,
                     std::unique_ptr<Journal> openedJournal, std::unique_ptr<QNetworkAccessManager> network_)
    : clock(clock_)
    , networkOwner(network_ ? std::move(network_) : std::make_unique<QNetworkAccessManager>())
    , network(*networkOwner)
    , client(network, std::move(clientConfig))
    , journalFile(std::move(openedJournal))
    , journal(*journalFile)
    , poller(clock_, settings.polling)
    , health(clock_, poller)
    , till(client, journal, poller, health, clock_, settings.tillName)
    , finder(client, journal, till, health, clock_,
             {std::chrono::seconds(15), std::chrono::seconds(60), settings.polling.expiry, 20})
    , resends(till, journal, health, clock_)
    , cash(till, journal, poller, health)
    , sales(till, journal, cash, clock_, Money::fromShillings(settings.maxAmountShillings))
    , shifts(journal, clock_, settings.tillName)
    , reconciler(client, journal, till, clock_, settings.tillName, {})
    , refunds(client, journal, till, clock_, {})
{
    till.setReferenceFinder(&finder);
    shifts.setReconciles([this] { return reconciler.canReconcile(); });
}

void TillStack::connectShop(const ShopUrl& url, const QString& password, const TillIdentity& till_)
{
    identity = till_;
    shop = std::make_unique<ShopLink>(journal, clock);
    shop->start(url, password, till_);
    shopService = std::make_unique<ShopService>(url, password, clock, till_.id);
    shopService->prepareGuard(); // the first Charge's question is not spent connecting
}

} // namespace lipa
