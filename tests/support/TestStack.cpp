// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestStack.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

namespace lipa::test {

TestStack::TestStack(Settings settings, const QString& secretKey, std::unique_ptr<Journal> journal)
{
    if (!simulator.listen())
        qFatal("the simulator could not listen on 127.0.0.1");
    ClientConfig config;
    config.baseUrl = simulator.baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_unit");
    config.secretKey = secretKey;
    config.transferTimeout = std::chrono::seconds(10);
    stack = std::make_unique<TillStack>(clock, config, settings,
                                        journal ? std::move(journal) : Journal::openInMemory());
}

TestStack::TestStack(Settings settings, const std::function<void(ClientConfig&)>& configure,
                     std::unique_ptr<Journal> journal)
{
    if (!simulator.listen())
        qFatal("the simulator could not listen on 127.0.0.1");
    ClientConfig config;
    config.baseUrl = simulator.baseUrl();
    config.publicKey = QStringLiteral("ISPubKey_test_unit");
    config.transferTimeout = std::chrono::seconds(10);
    configure(config);
    stack = std::make_unique<TillStack>(clock, config, settings,
                                        journal ? std::move(journal) : Journal::openInMemory());
}

std::unique_ptr<TillStack> TestStack::stackFor(Clock& clock, const QString& baseUrl, const QString& publicKey,
                                               std::chrono::milliseconds timeout,
                                               std::unique_ptr<Journal> journal)
{
    ClientConfig config;
    config.baseUrl = QUrl(baseUrl);
    config.publicKey = publicKey;
    config.transferTimeout = timeout;
    return std::make_unique<TillStack>(clock, config, Settings{},
                                       journal ? std::move(journal) : Journal::openInMemory());
}

bool TestStack::waitForNetwork()
{
    return QTest::qWaitFor([this] { return till().requestsInFlight() == 0; }, 10000);
}

int TestStack::pushesOnceIdle()
{
    return waitForNetwork() ? static_cast<int>(simulator.pushes().size()) : -1;
}

int TestStack::statusChecksOnceIdle()
{
    return waitForNetwork() ? simulator.statusRequestCount() : -1;
}

Totals TestStack::todaysTotals()
{
    return journal().totalsOfDay(clock.now().toLocalTime().date());
}

bool TestStack::advanceUntil(const std::function<bool()>& done, std::chrono::milliseconds budget,
                             std::chrono::milliseconds step)
{
    for (std::chrono::milliseconds spent{0}; spent <= budget; spent += step) {
        if (!waitForNetwork())
            return false;
        // What was posted meanwhile runs first, as the event loop would run it between two ticks of the
        // clock (a sale's next part is sent from a posted call).
        QCoreApplication::processEvents();
        if (!waitForNetwork())
            return false;
        if (done())
            return true;
        clock.advance(step);
    }
    return waitForNetwork() && done();
}

PhoneNumber phoneEndingIn(char digit)
{
    return PhoneNumber::parse(QStringLiteral("07123456") + QLatin1Char(digit == '0' ? '1' : '0') +
                              QLatin1Char(digit))
        .value();
}

QByteArray fixture(const QString& name)
{
    QFile file(QStringLiteral(LIPA_FIXTURES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

} // namespace lipa::test
