// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "KeyStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace lipa {

class IntaSendClient;

// Tries a set of IntaSend keys against a base URL once, with one harmless call, and says in words
// whether IntaSend accepted them (Settings' "Test connection"), so that no widget builds a client.
class ConnectionTest : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        bool ok = false;
        QString message;
    };
    using Done = std::function<void(const Outcome& outcome)>;

    explicit ConnectionTest(QObject* parent = nullptr);
    ~ConnectionTest() override;

    // Where an environment's test goes: IntaSend's own address for the sandbox and live, otherwise
    // customUrl if it is a base URL the till may use; empty when there is none.
    static QUrl baseUrlFor(EnvironmentKind kind, const QString& customUrl);

    // Asks IntaSend once; done reports once, unless context is gone first. Starting again while a test
    // is under way replaces it: the earlier one never reports.
    void start(const QUrl& baseUrl, const IntaSendKeys& keys, std::chrono::milliseconds timeout,
               QObject* context, Done done);

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<IntaSendClient> m_client;
    quint64 m_started = 0;
};

} // namespace lipa
