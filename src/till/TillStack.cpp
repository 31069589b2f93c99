#include "TillStack.h"

namespace lipa {

TillStack::TillStack(Clock& clock, ClientConfig clientConfig, const Settings& settings)
    : client(network, std::move(clientConfig))
    , poller(clock, settings.polling)
    , till(client, journal, poller, clock, settings.tillName)
{
}

} // namespace lipa
