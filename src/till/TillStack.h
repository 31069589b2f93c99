#pragma once

#include "Clock.h"
#include "IntaSendClient.h"
#include "Journal.h"
#include "Settings.h"
#include "StatusPoller.h"
#include "Till.h"

#include <QNetworkAccessManager>

namespace lipa {

// The parts of a running till, built in dependency order: one network manager for the whole app, the
// IntaSend client, the journal, the poller and the till itself. The app and the tests build the same.
class TillStack {
public:
    TillStack(Clock& clock, ClientConfig client, const Settings& settings, std::unique_ptr<Journal> journal);

    QNetworkAccessManager network;
    IntaSendClient client;
    std::unique_ptr<Journal> journalFile;
    Journal& journal;
    StatusPoller poller;
    Till till;
};

} // namespace lipa
