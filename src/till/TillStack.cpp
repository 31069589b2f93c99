#include "TillStack.h"

namespace lipa {

TillStack::TillStack(Clock& clock, ClientConfig clientConfig, const Settings& settings,
                     std::unique_ptr<Journal> openedJournal)
    : client(network, std::move(clientConfig))
    , journalFile(std::move(openedJournal))
    , journal(*journalFile)
    , poller(clock, settings.polling)
    , till(client, journal, poller, clock, settings.tillName)
{
}

} // namespace lipa
