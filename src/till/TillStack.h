// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CashDesk.h"
#include "Clock.h"
#include "IntaSendClient.h"
#include "Journal.h"
#include "Reconciler.h"
#include "ReferenceFinder.h"
#include "RefundDesk.h"
#include "ResendDesk.h"
#include "SaleDesk.h"
#include "ServiceHealth.h"
#include "Settings.h"
#include "ShiftBook.h"
#include "ShopLink.h"
#include "ShopService.h"
#include "StatusPoller.h"
#include "Till.h"

#include <QNetworkAccessManager>

#include <chrono>
#include <memory>

namespace lipa {

// The parts of a running till, built in dependency order: one network manager for the whole app, the
// IntaSend client, the journal, the poller, the service's health, the till and its desks. The app and
// the tests build the same; the GUI is handed the whole stack.
class TillStack {
public:
    // network: the app's one network manager; a plain one when none is given (tests give one that
    // watches what leaves).
    TillStack(Clock& clock, ClientConfig client, const Settings& settings, std::unique_ptr<Journal> journal,
              std::unique_ptr<QNetworkAccessManager> network = {});

    Clock& clock;
    std::unique_ptr<QNetworkAccessManager> networkOwner;
    QNetworkAccessManager& network;
    IntaSendClient client;
    std::unique_ptr<Journal> journalFile;
    Journal& journal;
    StatusPoller poller;
    ServiceHealth health;
    Till till;
    ReferenceFinder finder;
    ResendDesk resends;
    CashDesk cash;
    SaleDesk sales;
    ShiftBook shifts;
    Reconciler reconciler;
    RefundDesk refunds;
    // The shop database, when the till has one: the journal's copy going out (null without one).
    std::unique_ptr<ShopLink> shop;
    // Its reads (the shop view, the shop-wide duplicate guard), on threads of their own (null without one).
    std::unique_ptr<ShopService> shopService;
    TillIdentity identity;
    // How long Charge waits for the other tills' answer before it goes ahead on the till's own check.
    std::chrono::milliseconds shopCheckBudget{300};

    // Starts copying the journal to the shop database (and lets the views read it).
    void connectShop(const ShopUrl& url, const QString& password, const TillIdentity& till);
};

} // namespace lipa
