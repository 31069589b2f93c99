// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsSchema.h"

#include "CustomerDisplaySetting.h"
#include "EscPos.h"

#include <QCoreApplication>

namespace lipa::SettingsSchema {

namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;
using Type = Key::Type;

QString inSeconds(std::chrono::milliseconds duration)
{
    return QString::number(duration_cast<seconds>(duration).count());
}

seconds secondsFrom(const QString& value)
{
    return seconds(value.toLongLong());
}

QString onOff(bool on)
{
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

QList<Key> makeTable()
{
    // clang-format off
    return {
        {.name = QStringLiteral("intasend/environment"), .type = Type::Choice,
         .choices = {{QStringLiteral("demo")}, {QStringLiteral("sandbox")}, {QStringLiteral("live")},
                     {QStringLiteral("custom")}},
         .anyCase = true, .emptyIsNone = true,
         // Unknown: the one safe reading is the one that moves no money.
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting intasend/environment = \"%1\" is not demo, sandbox, live or custom; "
             "running in demo mode"),
         .badValueFallback = QStringLiteral("demo"),
         .read = [](const Settings& s) { return s.environment ? environmentKey(*s.environment) : QString(); },
         .write = [](Settings& s, const QString& v) { s.environment = environmentFromKey(v); }},
        {.name = QStringLiteral("intasend/base_url"), .emptyIsNone = true,
         .read = [](const Settings& s) { return s.baseUrl; },
         .write = [](Settings& s, const QString& v) { s.baseUrl = v; }},
        // Keys go to the key store, never here; a key a shop put in the file by hand stays until the
        // Settings dialog moves it.
        {.name = QStringLiteral("intasend/public_key"), .emptyIsNone = true,
         .read = [](const Settings& s) { return s.publicKey; },
         .write = [](Settings& s, const QString& v) { s.publicKey = v; }},
        {.name = QStringLiteral("intasend/timeout_seconds"), .type = Type::Number,
         .defaultValue = QStringLiteral("30"), .min = 5, .max = 120,
         .read = [](const Settings& s) { return inSeconds(s.requestTimeout); },
         .write = [](Settings& s, const QString& v) { s.requestTimeout = secondsFrom(v); }},
        {.name = QStringLiteral("till/name"), .maxLength = 40,
         .read = [](const Settings& s) { return s.tillName; },
         .write = [](Settings& s, const QString& v) { s.tillName = v; }},
        {.name = QStringLiteral("till/max_amount"), .type = Type::Number,
         .defaultValue = QStringLiteral("150000"), .min = 1, .max = 999999,
         .read = [](const Settings& s) { return QString::number(s.maxAmountShillings); },
         .write = [](Settings& s, const QString& v) { s.maxAmountShillings = v.toLongLong(); }},
        {.name = QStringLiteral("till/max_sale"), .type = Type::Number,
         .defaultValue = QStringLiteral("1000000"), .min = 1, .max = 99999999,
         .notBelow = QStringLiteral("till/max_amount"),
         .belowProblem = QT_TRANSLATE_NOOP("lipa::Settings",
                                           "Setting till/max_sale is below till/max_amount; using "
                                           "till/max_amount for both"),
         .read = [](const Settings& s) { return QString::number(s.maxSaleShillings); },
         .write = [](Settings& s, const QString& v) { s.maxSaleShillings = v.toLongLong(); }},
        {.name = QStringLiteral("polling/first_check_seconds"), .type = Type::Number,
         .defaultValue = QStringLiteral("3"), .min = 1, .max = 60,
         .read = [](const Settings& s) { return inSeconds(s.polling.firstCheck); },
         .write = [](Settings& s, const QString& v) { s.polling.firstCheck = secondsFrom(v); }},
        {.name = QStringLiteral("polling/max_interval_seconds"), .type = Type::Number,
         .defaultValue = QStringLiteral("10"), .min = 1, .max = 300,
         .notBelow = QStringLiteral("polling/first_check_seconds"),
         .belowProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting polling/max_interval_seconds is shorter than polling/first_check_seconds; "
             "using the first check interval for both"),
         .read = [](const Settings& s) { return inSeconds(s.polling.maxInterval); },
         .write = [](Settings& s, const QString& v) { s.polling.maxInterval = secondsFrom(v); }},
        {.name = QStringLiteral("polling/backoff_percent"), .type = Type::Number,
         .defaultValue = QStringLiteral("150"), .min = 100, .max = 300,
         .read = [](const Settings& s) { return QString::number(qRound(s.polling.backoff * 100)); },
         .write = [](Settings& s, const QString& v) {
             s.polling.backoff = static_cast<double>(v.toLongLong()) / 100.0;
         }},
        {.name = QStringLiteral("polling/expiry_seconds"), .type = Type::Number,
         .defaultValue = QStringLiteral("180"), .min = 30, .max = 3600,
         .read = [](const Settings& s) { return inSeconds(s.polling.expiry); },
         .write = [](Settings& s, const QString& v) { s.polling.expiry = secondsFrom(v); }},
        {.name = QStringLiteral("till/sound"), .type = Type::Choice, .defaultValue = QStringLiteral("on"),
         .choices = {{QStringLiteral("on"), QStringLiteral("true"), QStringLiteral("1")},
                     {QStringLiteral("off"), QStringLiteral("false"), QStringLiteral("0")}},
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings", "Setting till/sound = \"%1\" is not on or off; using on"),
         .read = [](const Settings& s) { return onOff(s.sound); },
         .write = [](Settings& s, const QString& v) { s.sound = v == u"on"; }},
        {.name = QStringLiteral("till/language"), .type = Type::Choice,
         .defaultValue = QStringLiteral("system"),
         .choices = {{QStringLiteral("system")}, {QStringLiteral("en")}, {QStringLiteral("sw")}},
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting till/language = \"%1\" is not system, en or sw; following the system"),
         .read = [](const Settings& s) { return s.language; },
         .write = [](Settings& s, const QString& v) { s.language = v; }},
        {.name = QStringLiteral("till/receipt_paper"), .type = Type::Choice,
         .defaultValue = QStringLiteral("80mm"),
         .choices = {{QStringLiteral("58mm")}, {QStringLiteral("80mm")}, {QStringLiteral("a4")}},
         .anyCase = true,
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting till/receipt_paper = \"%1\" is not 58mm, 80mm or a4; using 80mm"),
         .read = [](const Settings& s) { return s.receiptPaper; },
         .write = [](Settings& s, const QString& v) { s.receiptPaper = v; }},
        // Written by View → On-screen keypad as well; anything but "on" quietly means off.
        {.name = QStringLiteral("till/keypad"), .type = Type::Choice, .defaultValue = QStringLiteral("off"),
         .choices = {{QStringLiteral("on")}, {QStringLiteral("off")}},
         .read = [](const Settings& s) { return onOff(s.keypad); },
         .write = [](Settings& s, const QString& v) { s.keypad = v == u"on"; }},
        {.name = QStringLiteral("till/fullscreen"), .type = Type::Choice, .defaultValue = QStringLiteral("off"),
         .choices = {{QStringLiteral("off")}, {QStringLiteral("on")}},
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings", "Setting till/fullscreen = \"%1\" is not on or off; using off"),
         .read = [](const Settings& s) { return onOff(s.fullScreen); },
         .write = [](Settings& s, const QString& v) { s.fullScreen = v == u"on"; }},
        {.name = QStringLiteral("till/customer_display"), .defaultValue = QStringLiteral("off"),
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting till/customer_display = \"%1\" is not off, window or screen:N; using off"),
         .valid = [](const QString& v) { return CustomerDisplaySetting::parse(v).has_value(); },
         .read = [](const Settings& s) { return s.customerDisplay; },
         .write = [](Settings& s, const QString& v) { s.customerDisplay = v.toLower(); }},
        {.name = QStringLiteral("till/customer_language"), .type = Type::Choice,
         .defaultValue = QStringLiteral("till"),
         .choices = {{QStringLiteral("till")}, {QStringLiteral("en")}, {QStringLiteral("sw")}},
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting till/customer_language = \"%1\" is not till, en or sw; using the till's language"),
         .read = [](const Settings& s) { return s.customerLanguage; },
         .write = [](Settings& s, const QString& v) { s.customerLanguage = v; }},
        {.name = QStringLiteral("till/text_size"), .type = Type::Number,
         .defaultValue = QStringLiteral("100"), .min = 80, .max = 250,
         .read = [](const Settings& s) { return QString::number(s.textSizePercent); },
         .write = [](Settings& s, const QString& v) { s.textSizePercent = v.toInt(); }},
        // Made at the first start when empty (see main.cpp); a value that is not a UUID is replaced.
        {.name = QStringLiteral("till/id"), .maxLength = 38, .emptyIsNone = true,
         .read = [](const Settings& s) { return s.tillId; },
         .write = [](Settings& s, const QString& v) { s.tillId = v; }},
        {.name = QStringLiteral("shop/database"), .maxLength = 300, .emptyIsNone = true,
         .read = [](const Settings& s) { return s.shopDatabase; },
         .write = [](Settings& s, const QString& v) { s.shopDatabase = v; }},
        {.name = QStringLiteral("shop/branch"), .maxLength = 60, .emptyIsNone = true,
         .read = [](const Settings& s) { return s.shopBranch; },
         .write = [](Settings& s, const QString& v) { s.shopBranch = v; }},
        {.name = QStringLiteral("printer/escpos"), .emptyIsNone = true,
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings",
             "Setting printer/escpos = \"%1\" is not usb:DEVICE, serial:DEVICE:BAUD or tcp://HOST:PORT; "
             "receipts go through the print dialog"),
         .valid = [](const QString& v) { return EscPosTarget::parse(v).has_value(); },
         .read = [](const Settings& s) { return s.escposPrinter; },
         .write = [](Settings& s, const QString& v) { s.escposPrinter = v; }},
        {.name = QStringLiteral("printer/drawer"), .type = Type::Choice, .defaultValue = QStringLiteral("off"),
         .choices = {{QStringLiteral("off")}, {QStringLiteral("on")}},
         .badValueProblem = QT_TRANSLATE_NOOP(
             "lipa::Settings", "Setting printer/drawer = \"%1\" is not on or off; using off"),
         .read = [](const Settings& s) { return onOff(s.cashDrawer); },
         .write = [](Settings& s, const QString& v) { s.cashDrawer = v == u"on"; }},
        // Only ever a hash (see ManagerPin); empty: no PIN.
        {.name = QStringLiteral("security/manager_pin"), .emptyIsNone = true,
         .read = [](const Settings& s) { return s.managerPinHash; },
         .write = [](Settings& s, const QString& v) { s.managerPinHash = v; }},
    };
    // clang-format on
}

} // namespace

std::optional<QString> Key::accept(const QString& written) const
{
    const QString value = written.trimmed();
    switch (type) {
    case Type::Text:
        if (valid && !(emptyIsNone && value.isEmpty()) && !valid(value))
            return std::nullopt;
        return maxLength > 0 ? value.left(maxLength) : value;
    case Type::Number: {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok || number < min || number > max)
            return std::nullopt;
        return QString::number(number);
    }
    case Type::Choice:
        if (emptyIsNone && written.isEmpty())
            return QString();
        for (const QStringList& spellings : choices) {
            if (spellings.contains(value, anyCase ? Qt::CaseInsensitive : Qt::CaseSensitive))
                return spellings.first();
        }
        return std::nullopt;
    }
    return std::nullopt;
}

QString Key::problemWith(const QString& written) const
{
    if (type == Type::Number)
        return QCoreApplication::translate(
                   "lipa::Settings", "Setting %1 = \"%2\" is not a whole number from %3 to %4; using %5")
            .arg(name, written)
            .arg(min)
            .arg(max)
            .arg(defaultValue);
    if (!badValueProblem)
        return {};
    return QCoreApplication::translate("lipa::Settings", badValueProblem).arg(written.trimmed());
}

QStringList Key::values() const
{
    QStringList values;
    for (const QStringList& spellings : choices)
        values.append(spellings.first());
    return values;
}

const QList<Key>& keys()
{
    static const QList<Key> table = makeTable();
    return table;
}

const Key& key(const QString& name)
{
    for (const Key& key : keys()) {
        if (key.name == name)
            return key;
    }
    qFatal("no setting %s in the schema", qPrintable(name));
}

} // namespace lipa::SettingsSchema
