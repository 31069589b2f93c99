// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace lipa {

// Which IntaSend the till talks to. The base URL is configuration, so one build runs against the
// built-in simulator, the sandbox, live, or a test double.
enum class EnvironmentKind { Demo, Sandbox, Live, Custom };

struct Environment {
    EnvironmentKind kind = EnvironmentKind::Demo;
    QUrl baseUrl;

    static Environment sandbox();
    static Environment live();
    static Environment demo(const QUrl& simulatorUrl);
    static Environment custom(const QUrl& baseUrl);

    // "DEMO", "SANDBOX", "LIVE", "CUSTOM": the badge a cashier sees. Not translated on purpose:
    // it must read the same in every language.
    QString badge() const;
    bool movesRealMoney() const { return kind == EnvironmentKind::Live || kind == EnvironmentKind::Custom; }
};

// Settings-file names ("demo", "sandbox", "live", "custom").
QString environmentKey(EnvironmentKind kind);
std::optional<EnvironmentKind> environmentFromKey(const QString& key);

// A base URL the till may use: https to any host, or http to a loopback address only (so keys never
// cross a network in clear text). Returns the URL without a trailing slash.
Result<QUrl> parseBaseUrl(const QString& text);
bool isLoopbackHost(const QString& host);

// Public keys look like ISPubKey_test_… / ISPubKey_live_…; one whose test/live part contradicts the
// environment is a settings error. Empty when the key fits.
QString keyEnvironmentMismatch(EnvironmentKind kind, const QString& publicKey, const QString& secretKey);

} // namespace lipa
