// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopUrl.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace lipa {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("lipa::ShopUrl", text);
}

Result<ShopUrl> refuse(const QString& reason)
{
    return Result<ShopUrl>::error(reason);
}

// Looks at the text itself, before QUrl: QUrl's own error messages quote the whole URL, password and all,
// and a URL that QUrl refuses for another reason must still be refused for its password first.
bool carriesPassword(const QString& url)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return false;
    const qsizetype start = schemeEnd + 3;
    qsizetype end = url.size();
    for (const QChar stop : {u'/', u'?', u'#'}) {
        const qsizetype at = url.indexOf(stop, start);
        if (at >= 0)
            end = std::min(end, at);
    }
    const QStringView authority = QStringView(url).sliced(start, end - start);
    const qsizetype at = authority.lastIndexOf(u'@');
    return at >= 0 && authority.first(at).contains(u':');
}

// libpq's conninfo quoting. QPSQL turns every ';' into a blank before libpq sees the options, so a value
// with ';' cannot be passed at all (parseParameters refuses it).
QString conninfoValue(const QString& value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
        return c.isSpace() || c == u'\'' || c == u'\\';
    });
    if (plain)
        return value;
    QString quoted = value;
    quoted.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("\\'"));
    return u'\'' + quoted + u'\'';
}

const char* const kNoPassword =
    QT_TRANSLATE_NOOP("lipa::ShopUrl", "The shop database URL must not contain the password: put the "
                                       "password in the key store or LIPA_TILL_SHOP_DB_PASSWORD, not in "
                                       "the URL.");

std::optional<QString> checkParameter(const QString& key, const QString& value)
{
    if (key == QLatin1String("sslmode")) {
        static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                          QStringLiteral("prefer"),    QStringLiteral("require"),
                                          QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (!modes.contains(value))
            return tr("sslmode must be one of %1").arg(modes.join(QLatin1String(", ")));
        return std::nullopt;
    }
    if (key == QLatin1String("connect_timeout")) {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        // 0 would mean "wait for ever": a till must hear back.
        if (!ok || seconds < 1 || seconds > 600)
            return tr("connect_timeout must be a number of seconds from 1 to 600");
        return std::nullopt;
    }
    if (key == QLatin1String("application_name")) {
        if (value.contains(u';'))
            return tr("application_name cannot contain ';'");
        return std::nullopt;
    }
    return tr("the parameter \"%1\" is not one the till passes on (it knows sslmode, connect_timeout and "
              "application_name)")
        .arg(key);
}

Result<QString> parseParameters(const QUrl& url)
{
    QStringList options;
    QSet<QString> seen;
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (const std::optional<QString> problem = checkParameter(key, value))
            return Result<QString>::error(*problem);
        if (seen.contains(key))
            return Result<QString>::error(tr("the parameter \"%1\" is given twice").arg(key));
        seen.insert(key);
        options.append(key + u'=' + conninfoValue(value));
    }
    return Result<QString>::ok(options.join(u';'));
}

QString urlProblem(const QString& what)
{
    return tr("The shop database URL %1. Write it as postgresql://USER@HOST:PORT/DBNAME.").arg(what);
}

} // namespace

Result<ShopUrl> ShopUrl::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (carriesPassword(trimmed))
        return refuse(tr(kNoPassword));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (trimmed.isEmpty())
        return refuse(urlProblem(tr("is empty")));
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return refuse(urlProblem(tr("must start with postgresql://")));
    if (!url.isValid())
        return refuse(urlProblem(tr("cannot be read (check the host name and the port)")));
    if (url.hasFragment())
        return refuse(urlProblem(tr("has a part after '#' that the till does not use")));

    ShopUrl shop;
    shop.user = url.userName(QUrl::FullyDecoded);
    shop.host = url.host(QUrl::FullyDecoded);
    if (shop.user.isEmpty())
        return refuse(urlProblem(tr("names no user")));
    if (shop.host.isEmpty())
        return refuse(urlProblem(tr("names no host")));
    if (url.port() == 0)
        return refuse(urlProblem(tr("has port 0")));
    if (url.port() > 0)
        shop.port = url.port();

    const QString path = url.path(QUrl::FullyDecoded);
    shop.database = path.startsWith(u'/') ? path.mid(1) : path;
    if (shop.database.isEmpty())
        return refuse(urlProblem(tr("names no database")));
    if (shop.database.contains(u'/'))
        return refuse(urlProblem(tr("has more than one name after the host (a database name has no '/')")));

    if (QUrlQuery(url).hasQueryItem(QStringLiteral("password")))
        return refuse(tr(kNoPassword));
    Result<QString> options = parseParameters(url);
    if (!options)
        return refuse(tr("The shop database URL cannot be used: %1.").arg(options.error()));
    shop.connectOptions = std::move(options).value();
    return Result<ShopUrl>::ok(std::move(shop));
}

QString ShopUrl::display() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + database);
    return url.toString(QUrl::PrettyDecoded);
}

} // namespace lipa
