// SPDX-License-Identifier: GPL-3.0-or-later
#include "PhoneNumber.h"

#include <QCoreApplication>

namespace lipa {

namespace {

constexpr qsizetype kSubscriberDigits = 9; // 7XXXXXXXX or 1XXXXXXXX
const QString kCountryCode = QStringLiteral("254");

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'\u00a0';
}

Result<PhoneNumber> wrongLength()
{
    return Result<PhoneNumber>::error(QCoreApplication::translate(
        "lipa::PhoneNumber", "Wrong length: a Kenyan mobile number has 10 digits, e.g. 0712 345 678"));
}

} // namespace

Result<PhoneNumber> PhoneNumber::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Result<PhoneNumber>::error(
            QCoreApplication::translate("lipa::PhoneNumber", "Enter the customer's phone number"));

    QString digits;
    bool plus = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (isAsciiDigit(c)) {
            digits += c;
        } else if (c == u'+' && i == 0) {
            plus = true;
        } else if (c.isDigit()) {
            return Result<PhoneNumber>::error(
                QCoreApplication::translate("lipa::PhoneNumber", "Type the number with the digits 0 to 9"));
        } else if (!isSeparator(c)) {
            return Result<PhoneNumber>::error(
                QCoreApplication::translate("lipa::PhoneNumber", "Use digits only, e.g. 0712 345 678"));
        }
    }
    if (digits.size() > 20)
        return wrongLength();

    QString subscriber;
    if (plus) {
        if (!digits.startsWith(kCountryCode))
            return Result<PhoneNumber>::error(QCoreApplication::translate(
                "lipa::PhoneNumber", "Not a Kenyan number: it must start with +254"));
        subscriber = digits.mid(kCountryCode.size());
    } else if (digits.startsWith(kCountryCode) && digits.size() == kCountryCode.size() + kSubscriberDigits) {
        subscriber = digits.mid(kCountryCode.size());
    } else if (digits.startsWith(u'0')) {
        subscriber = digits.mid(1);
    } else {
        subscriber = digits;
    }

    if (subscriber.size() != kSubscriberDigits)
        return wrongLength();
    if (subscriber.front() != u'7' && subscriber.front() != u'1')
        return Result<PhoneNumber>::error(QCoreApplication::translate(
            "lipa::PhoneNumber", "Not a Kenyan mobile number: it must start with 07 or 01"));
    return Result<PhoneNumber>::ok(PhoneNumber(kCountryCode + subscriber));
}

Result<PhoneNumber> PhoneNumber::fromNormalised(const QString& digits)
{
    const bool wellFormed = digits.size() == kCountryCode.size() + kSubscriberDigits &&
                            digits.startsWith(kCountryCode) &&
                            std::all_of(digits.begin(), digits.end(), isAsciiDigit) &&
                            (digits.at(3) == u'7' || digits.at(3) == u'1');
    if (!wellFormed)
        return Result<PhoneNumber>::error(
            QCoreApplication::translate("lipa::PhoneNumber",
                                        "\"%1\" is not a normalised Kenyan mobile number")
                .arg(digits));
    return Result<PhoneNumber>::ok(PhoneNumber(digits));
}

QString PhoneNumber::toDisplayString() const
{
    if (!isValid())
        return {};
    const QString local = u'0' + m_digits.mid(3); // 0712345678
    return local.left(4) + u' ' + local.mid(4, 3) + u' ' + local.mid(7);
}

QString PhoneNumber::masked() const
{
    if (!isValid())
        return {};
    const QString local = u'0' + m_digits.mid(3);
    return local.left(4) + QStringLiteral(" \u2022\u2022\u2022 ") + local.mid(7);
}

} // namespace lipa
