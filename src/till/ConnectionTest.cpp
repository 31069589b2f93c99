// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionTest.h"

#include "IntaSendClient.h"

#include <QPointer>

namespace lipa {

ConnectionTest::ConnectionTest(QObject* parent)
    : QObject(parent)
{
}

ConnectionTest::~ConnectionTest() = default;

QUrl ConnectionTest::baseUrlFor(EnvironmentKind kind, const QString& customUrl)
{
    if (kind == EnvironmentKind::Live)
        return Environment::live().baseUrl;
    if (kind == EnvironmentKind::Sandbox)
        return Environment::sandbox().baseUrl;
    const Result<QUrl> url = parseBaseUrl(customUrl);
    return url ? url.value() : QUrl();
}

void ConnectionTest::start(const QUrl& baseUrl, const IntaSendKeys& keys, std::chrono::milliseconds timeout,
                           QObject* context, Done done)
{
    ClientConfig config;
    config.baseUrl = baseUrl;
    config.publicKey = keys.publicKey;
    config.secretKey = keys.secretKey;
    config.transferTimeout = timeout;
    // A client of its own: these keys are not the running till's (they may not be saved yet).
    m_client = std::make_unique<IntaSendClient>(m_network, config);
    const quint64 started = ++m_started;
    const QPointer<QObject> receiver(context);
    m_client->testConnection(
        this, [this, started, receiver, done = std::move(done)](const IntaSendClient::ConnectionTest& test) {
            if (started == m_started && receiver)
                done({test.ok, test.message});
        });
}

} // namespace lipa
