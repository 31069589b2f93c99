// SPDX-License-Identifier: GPL-3.0-or-later
#include "Environment.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace lipa {

namespace {

} // namespace

Environment Environment::sandbox()
{
    return {EnvironmentKind::Sandbox, QUrl(QStringLiteral("https://sandbox.intasend.com"))};
}

Environment Environment::live()
{
    return {EnvironmentKind::Live, QUrl(QStringLiteral("https://payment.intasend.com"))};
}

Environment Environment::demo(const QUrl& simulatorUrl)
{
    return {EnvironmentKind::Demo, simulatorUrl};
}

Environment Environment::custom(const QUrl& baseUrl)
{
    return {EnvironmentKind::Custom, baseUrl};
}

QString Environment::badge() const
{
    return environmentKey(kind).toUpper();
}

QString environmentKey(EnvironmentKind kind)
{
    switch (kind) {
    case EnvironmentKind::Demo:
        return QStringLiteral("demo");
    case EnvironmentKind::Sandbox:
        return QStringLiteral("sandbox");
    case EnvironmentKind::Live:
        return QStringLiteral("live");
    case EnvironmentKind::Custom:
        return QStringLiteral("custom");
    }
    Q_UNREACHABLE();
}

std::optional<EnvironmentKind> environmentFromKey(const QString& key)
{
    for (EnvironmentKind kind :
         {EnvironmentKind::Demo, EnvironmentKind::Sandbox, EnvironmentKind::Live, EnvironmentKind::Custom}) {
        if (key.trimmed().compare(environmentKey(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<QUrl> parseBaseUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty())
        return Result<QUrl>::error(
            QCoreApplication::translate("lipa::Environment",
                                        "\"%1\" is not a URL; expected e.g. https://sandbox.intasend.com")
                .arg(text));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return Result<QUrl>::error(
            QCoreApplication::translate("lipa::Environment", "\"%1\": only https:// URLs are allowed")
                .arg(text));
    if (scheme == u"http" && !isLoopbackHost(url.host()))
        return Result<QUrl>::error(
            QCoreApplication::translate(
                "lipa::Environment",
                "\"%1\": plain http is allowed only to this computer (127.0.0.1); use https://")
                .arg(text));
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return Result<QUrl>::error(
            QCoreApplication::translate("lipa::Environment",
                                        "\"%1\": the base URL must not carry a query, fragment or user name")
                .arg(text));
    QUrl cleaned = url;
    QString path = cleaned.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    cleaned.setPath(path);
    return Result<QUrl>::ok(cleaned);
}

QString keyEnvironmentMismatch(EnvironmentKind kind, const QString& publicKey, const QString& secretKey)
{
    if (kind != EnvironmentKind::Sandbox && kind != EnvironmentKind::Live)
        return {};
    const QString wanted =
        kind == EnvironmentKind::Live ? QStringLiteral("_live_") : QStringLiteral("_test_");
    const QString other = kind == EnvironmentKind::Live ? QStringLiteral("_test_") : QStringLiteral("_live_");
    if (publicKey.contains(other) || secretKey.contains(other))
        return kind == EnvironmentKind::Live
                   ? QCoreApplication::translate("lipa::Environment",
                                                 "A test key cannot be used with live IntaSend")
                   : QCoreApplication::translate("lipa::Environment",
                                                 "A live key cannot be used with the IntaSend sandbox");
    if (!publicKey.isEmpty() && !publicKey.contains(wanted))
        return QCoreApplication::translate(
                   "lipa::Environment", "The public key does not look like an IntaSend %1 key (ISPubKey%2…)")
            .arg(environmentKey(kind), wanted);
    return {};
}

} // namespace lipa
