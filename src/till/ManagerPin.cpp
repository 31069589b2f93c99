// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManagerPin.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <algorithm>

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
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    return QStringLiteral("%1$%2$%3$%4")
        .arg(kScheme)
        .arg(kIterations)
        .arg(QString::fromLatin1(salt.toBase64()),
             QString::fromLatin1(derive(pin, salt, kIterations).toBase64()));
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

ManagerPin::ManagerPin(Clock& clock, QString stored)
    : m_clock(clock)
    , m_stored(std::move(stored))
{
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
        m_failures = 0;
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
    return {Verdict::Wrong, wait};
}

} // namespace lipa
