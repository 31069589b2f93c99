// SPDX-License-Identifier: GPL-3.0-or-later
#include "Money.h"

#include <QCoreApplication>

namespace lipa {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Digits with optional thousands commas in groups of three ("1,500", "250,000"), or none at all.
bool isWellGrouped(const QString& integerPart)
{
    if (!integerPart.contains(u','))
        return true;
    const QStringList groups = integerPart.split(u',');
    if (groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3)
            return false;
    }
    return true;
}

// Formats a non-negative whole number with commas every three digits.
QString groupThousands(qint64 value)
{
    QString digits = QString::number(value);
    for (qsizetype pos = digits.size() - 3; pos > 0; pos -= 3)
        digits.insert(pos, u',');
    return digits;
}

} // namespace

Result<Money> Money::parseShillings(const QString& text, qint64 maxShillings)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Result<Money>::error(QCoreApplication::translate("lipa::Money", "Enter an amount"));
    if (trimmed.startsWith(u'-'))
        return Result<Money>::error(
            QCoreApplication::translate("lipa::Money", "The amount must be more than zero"));

    QString integerPart = trimmed;
    const qsizetype dot = trimmed.indexOf(u'.');
    if (dot >= 0) {
        const QString fraction = trimmed.mid(dot + 1);
        integerPart = trimmed.left(dot);
        for (QChar c : fraction) {
            if (!isAsciiDigit(c))
                return Result<Money>::error(
                    QCoreApplication::translate("lipa::Money", "Use digits only, e.g. 1500"));
        }
        if (fraction.isEmpty() || fraction.size() > 2 || fraction.toInt() != 0)
            return Result<Money>::error(QCoreApplication::translate(
                "lipa::Money", "Whole shillings only: M-Pesa does not take cents"));
    }

    for (QChar c : integerPart) {
        if (c.isDigit() && !isAsciiDigit(c))
            return Result<Money>::error(
                QCoreApplication::translate("lipa::Money", "Type the amount with the digits 0 to 9"));
        if (!isAsciiDigit(c) && c != u',')
            return Result<Money>::error(
                QCoreApplication::translate("lipa::Money", "Use digits only, e.g. 1500"));
    }
    if (!isWellGrouped(integerPart))
        return Result<Money>::error(
            QCoreApplication::translate("lipa::Money", "Misplaced comma: write 1500 or 1,500"));

    QString digits = integerPart;
    digits.remove(u',');
    if (digits.isEmpty())
        return Result<Money>::error(QCoreApplication::translate("lipa::Money", "Use digits only, e.g. 1500"));
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);

    const QString maxText = groupThousands(maxShillings);
    // Longer than the maximum's digits is too large whatever it says; this also keeps toLongLong in range.
    if (digits.size() > QString::number(maxShillings).size())
        return Result<Money>::error(
            QCoreApplication::translate("lipa::Money", "The most one payment can be is KES %1").arg(maxText));
    const qint64 shillings = digits.toLongLong();
    if (shillings == 0)
        return Result<Money>::error(
            QCoreApplication::translate("lipa::Money", "The amount must be more than zero"));
    if (shillings > maxShillings)
        return Result<Money>::error(
            QCoreApplication::translate("lipa::Money", "The most one payment can be is KES %1").arg(maxText));
    return Result<Money>::ok(Money::fromShillings(shillings));
}

Result<Money> Money::parseDecimal(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype dot = trimmed.indexOf(u'.');
    const QString whole = dot < 0 ? trimmed : trimmed.left(dot);
    QString fraction = dot < 0 ? QString() : trimmed.mid(dot + 1);

    const auto allDigits = [](const QString& s) {
        return std::all_of(s.begin(), s.end(), [](QChar c) { return isAsciiDigit(c); });
    };
    if (whole.isEmpty() || whole.size() > 15 || !allDigits(whole) || !allDigits(fraction) ||
        (dot >= 0 && fraction.isEmpty()))
        return Result<Money>::error(
            QCoreApplication::translate("lipa::Money", "\"%1\" is not an amount").arg(text));
    if (fraction.size() > 2) {
        // "10.360" is still 10.36; "10.365" has a part of a cent we cannot represent.
        if (!std::all_of(fraction.begin() + 2, fraction.end(), [](QChar c) { return c == u'0'; }))
            return Result<Money>::error(
                QCoreApplication::translate("lipa::Money", "\"%1\" has fractions of a cent").arg(text));
        fraction.truncate(2);
    }
    fraction = fraction.leftJustified(2, u'0');
    return Result<Money>::ok(Money::fromCents(whole.toLongLong() * 100 + fraction.toLongLong()));
}

QString Money::toDisplayString() const
{
    const QString sign = m_cents < 0 ? QStringLiteral("-") : QString();
    const qint64 magnitude = m_cents < 0 ? -m_cents : m_cents;
    QString text = QStringLiteral("KES ") + sign + groupThousands(magnitude / 100);
    if (magnitude % 100 != 0)
        text += u'.' + QString::number(magnitude % 100).rightJustified(2, u'0');
    return text;
}

QString Money::toDecimalString() const
{
    const QString sign = m_cents < 0 ? QStringLiteral("-") : QString();
    const qint64 magnitude = m_cents < 0 ? -m_cents : m_cents;
    return sign + QString::number(magnitude / 100) + u'.' +
           QString::number(magnitude % 100).rightJustified(2, u'0');
}

} // namespace lipa
