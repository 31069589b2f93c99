// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManagerPin.h"

#include "PrivateFiles.h"
#include "Settings.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSettings>

#include <algorithm>
#include <optional>
#include <utility>

namespace lipa {

namespace {

const QString kScheme = QStringLiteral("pbkdf2-sha256");
// About 0.1 s on a small till: nothing to a manager, slow for anyone trying every PIN on a stolen file.
constexpr int kIterations = 100'000;
constexpr int kHashBytes = 32;
// Wrong PINs allowed before the waiting starts, and how the wait grows.
constexpr int kFreeTries = 3;
constexpr std::chrono::seconds kFirstWait{5};
constexpr std::chrono::seconds kLongestWait{300};
// Beside the PIN's hash in the settings file; not settings (nobody sets them), so not in the schema.
const QString kFailuresKey = QStringLiteral("security/pin_failures");
const QString kLockedUntilKey = QStringLiteral("security/pin_locked_until");

QByteArray derive(const QString& pin, const QByteArray& salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations,
                                              kHashBytes);
}

bool equalInConstantTime(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

bool ManagerPin::isAcceptable(const QString& pin)
{
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString ManagerPin::hash(const QString& pin)
{
    return hash(pin, kIterations);
}

QString ManagerPin::hash(const QString& pin, int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    return QStringLiteral("%1$%2$%3$%4")
        .arg(kScheme)
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()),
             QString::fromLatin1(derive(pin, salt, iterations).toBase64()));
}

bool ManagerPin::matches(const QString& pin, const QString& stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts[0] != kScheme)
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    if (salt.isEmpty() || expected.size() != kHashBytes)
        return false;
    return equalInConstantTime(derive(pin, salt, iterations), expected);
}

ManagerPin::ManagerPin(Clock& clock, QString stored, QString triesFile)
    : m_clock(clock)
    , m_stored(std::move(stored))
    , m_triesFile(std::move(triesFile))
{
    readTries();
}

void ManagerPin::readTries()
{
    if (!isSet() || m_triesFile.isEmpty() || !PrivateFiles::refusal(m_triesFile).isEmpty())
        return;
    const QSettings file(m_triesFile, QSettings::IniFormat);
    m_failures = std::max(0, file.value(kFailuresKey).toInt());
    // The end of the wait is wall-clock time (monotonic time starts again with the computer). A clock
    // set back cannot make the wait longer than the longest one.
    const QDateTime until = QDateTime::fromString(file.value(kLockedUntilKey).toString(), Qt::ISODateWithMs);
    if (!until.isValid())
        return;
    const qint64 left =
        std::clamp<qint64>(m_clock.now().msecsTo(until), 0, std::chrono::milliseconds(kLongestWait).count());
    m_lockedUntil = m_clock.monotonic() + std::chrono::milliseconds(left);
}

void ManagerPin::keepTries(std::chrono::seconds wait)
{
    if (m_triesFile.isEmpty())
        return;
    const std::optional<QString> failures =
        m_failures > 0 ? std::optional(QString::number(m_failures)) : std::nullopt;
    const std::optional<QString> until =
        wait.count() > 0
            ? std::optional(m_clock.now().addSecs(wait.count()).toUTC().toString(Qt::ISODateWithMs))
            : std::nullopt;
    QString error;
    if (!Settings::writeKeys(m_triesFile, {{kFailuresKey, failures}, {kLockedUntilKey, until}}, &error))
        qWarning("the wrong manager PINs could not be recorded: %s", qPrintable(error));
}

std::chrono::seconds ManagerPin::lockedFor() const
{
    const auto left = m_lockedUntil - m_clock.monotonic();
    if (left.count() <= 0)
        return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(left);
}

ManagerPin::Attempt ManagerPin::check(const QString& pin)
{
    if (!isSet())
        return {Verdict::Accepted, {}};
    if (const auto wait = lockedFor(); wait.count() > 0)
        return {Verdict::LockedOut, wait}; // not even compared: waiting is the point
    if (matches(pin, m_stored)) {
        if (std::exchange(m_failures, 0) > 0)
            keepTries({});
        return {Verdict::Accepted, {}};
    }
    ++m_failures;
    std::chrono::seconds wait{0};
    if (m_failures >= kFreeTries) {
        // 5 s after the third wrong PIN, then 10, 20, 40… up to 5 minutes.
        const int doublings = std::min(m_failures - kFreeTries, 10);
        wait = std::min(kFirstWait * (1 << doublings), kLongestWait);
        m_lockedUntil = m_clock.monotonic() + wait;
    }
    keepTries(wait); // before the answer is shown: killing the till now gains nothing
    return {Verdict::Wrong, wait};
}

} // namespace lipa
