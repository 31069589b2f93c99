#include "Settings.h"

#include <QCoreApplication>
#include <QSettings>

namespace lipa {

namespace {

// A whole number in [min, max] at key, or fallback (with a problem noted) when it is something else.
qint64 readNumber(const QSettings& ini, const QString& key, qint64 fallback, qint64 min, qint64 max,
                  QStringList* problems)
{
    if (!ini.contains(key))
        return fallback;
    bool ok = false;
    const qint64 value = ini.value(key).toString().trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        problems->append(
            QCoreApplication::translate("lipa::Settings",
                                        "Setting %1 = \"%2\" is not a whole number from %3 to %4; using %5")
                .arg(key, ini.value(key).toString())
                .arg(min)
                .arg(max)
                .arg(fallback));
        return fallback;
    }
    return value;
}

} // namespace

Settings Settings::load(const QString& iniPath, QStringList* problems)
{
    Settings settings;
    const QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        problems->append(QCoreApplication::translate("lipa::Settings",
                                                     "The settings file %1 could not be read; using defaults")
                             .arg(iniPath));

    const QString environment = ini.value(QStringLiteral("intasend/environment")).toString();
    if (!environment.isEmpty()) {
        settings.environment = environmentFromKey(environment);
        if (!settings.environment) {
            // Unknown: the one safe reading is the one that moves no money.
            settings.environment = EnvironmentKind::Demo;
            problems->append(
                QCoreApplication::translate(
                    "lipa::Settings",
                    "Setting intasend/environment = \"%1\" is not demo, sandbox, live or custom; "
                    "running in demo mode")
                    .arg(environment));
        }
    }
    settings.baseUrl = ini.value(QStringLiteral("intasend/base_url")).toString().trimmed();
    settings.publicKey = ini.value(QStringLiteral("intasend/public_key")).toString().trimmed();
    settings.requestTimeout = std::chrono::seconds(
        readNumber(ini, QStringLiteral("intasend/timeout_seconds"), 30, 5, 120, problems));

    settings.tillName = ini.value(QStringLiteral("till/name")).toString().trimmed().left(40);
    settings.maxAmountShillings =
        readNumber(ini, QStringLiteral("till/max_amount"), settings.maxAmountShillings, 1, 999999, problems);

    using std::chrono::seconds;
    PollSchedule& polling = settings.polling;
    polling.firstCheck =
        seconds(readNumber(ini, QStringLiteral("polling/first_check_seconds"), 3, 1, 60, problems));
    polling.maxInterval =
        seconds(readNumber(ini, QStringLiteral("polling/max_interval_seconds"), 10, 1, 300, problems));
    if (polling.maxInterval < polling.firstCheck) {
        problems->append(QCoreApplication::translate(
            "lipa::Settings",
            "Setting polling/max_interval_seconds is shorter than polling/first_check_seconds; "
            "using the first check interval for both"));
        polling.maxInterval = polling.firstCheck;
    }
    polling.backoff = static_cast<double>(readNumber(ini, QStringLiteral("polling/backoff_percent"), 150, 100,
                                                     300, problems)) /
                      100.0;
    polling.expiry =
        seconds(readNumber(ini, QStringLiteral("polling/expiry_seconds"), 180, 30, 3600, problems));

    const QString sound = ini.value(QStringLiteral("till/sound"), QStringLiteral("on")).toString().trimmed();
    if (sound == u"off" || sound == u"false" || sound == u"0") {
        settings.sound = false;
    } else if (sound != u"on" && sound != u"true" && sound != u"1") {
        problems->append(QCoreApplication::translate("lipa::Settings",
                                                     "Setting till/sound = \"%1\" is not on or off; using on")
                             .arg(sound));
    }
    const QString language =
        ini.value(QStringLiteral("till/language"), QStringLiteral("system")).toString().trimmed();
    if (language == u"system" || language == u"en" || language == u"sw")
        settings.language = language;
    else
        problems->append(QCoreApplication::translate(
                             "lipa::Settings",
                             "Setting till/language = \"%1\" is not system, en or sw; following the system")
                             .arg(language));

    const QString paper =
        ini.value(QStringLiteral("till/receipt_paper"), settings.receiptPaper).toString().trimmed().toLower();
    if (paper == u"58mm" || paper == u"80mm" || paper == u"a4")
        settings.receiptPaper = paper;
    else
        problems->append(
            QCoreApplication::translate(
                "lipa::Settings", "Setting till/receipt_paper = \"%1\" is not 58mm, 80mm or a4; using 80mm")
                .arg(paper));
    settings.keypad =
        ini.value(QStringLiteral("till/keypad"), QStringLiteral("off")).toString().trimmed() == u"on";
    settings.textSizePercent =
        static_cast<int>(readNumber(ini, QStringLiteral("till/text_size"), 100, 80, 250, problems));

    settings.managerPinHash = ini.value(QStringLiteral("security/manager_pin")).toString().trimmed();
    return settings;
}

bool Settings::save(const QString& iniPath, QString* error) const
{
    QSettings ini(iniPath, QSettings::IniFormat);
    if (environment)
        ini.setValue(QStringLiteral("intasend/environment"), environmentKey(*environment));
    else
        ini.remove(QStringLiteral("intasend/environment"));
    if (baseUrl.isEmpty())
        ini.remove(QStringLiteral("intasend/base_url"));
    else
        ini.setValue(QStringLiteral("intasend/base_url"), baseUrl);
    // Keys go to the key store, never here; a key a shop put in the file by hand stays until the dialog
    // moves it.
    if (publicKey.isEmpty())
        ini.remove(QStringLiteral("intasend/public_key"));
    else
        ini.setValue(QStringLiteral("intasend/public_key"), publicKey);
    ini.setValue(
        QStringLiteral("intasend/timeout_seconds"),
        static_cast<qint64>(std::chrono::duration_cast<std::chrono::seconds>(requestTimeout).count()));
    ini.setValue(QStringLiteral("till/name"), tillName);
    ini.setValue(QStringLiteral("till/max_amount"), maxAmountShillings);
    ini.setValue(QStringLiteral("till/sound"), sound ? QStringLiteral("on") : QStringLiteral("off"));
    ini.setValue(QStringLiteral("till/language"), language);
    ini.setValue(QStringLiteral("till/receipt_paper"), receiptPaper);
    ini.setValue(QStringLiteral("till/text_size"), textSizePercent);
    ini.setValue(QStringLiteral("till/keypad"), keypad ? QStringLiteral("on") : QStringLiteral("off"));
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    ini.setValue(QStringLiteral("polling/first_check_seconds"),
                 static_cast<qint64>(duration_cast<seconds>(polling.firstCheck).count()));
    ini.setValue(QStringLiteral("polling/max_interval_seconds"),
                 static_cast<qint64>(duration_cast<seconds>(polling.maxInterval).count()));
    ini.setValue(QStringLiteral("polling/backoff_percent"), qRound(polling.backoff * 100));
    ini.setValue(QStringLiteral("polling/expiry_seconds"),
                 static_cast<qint64>(duration_cast<seconds>(polling.expiry).count()));
    if (managerPinHash.isEmpty())
        ini.remove(QStringLiteral("security/manager_pin"));
    else
        ini.setValue(QStringLiteral("security/manager_pin"), managerPinHash);
    ini.sync();
    if (ini.status() != QSettings::NoError) {
        *error = QCoreApplication::translate("lipa::Settings", "The settings could not be written to %1")
                     .arg(iniPath);
        return false;
    }
    return true;
}

} // namespace lipa
