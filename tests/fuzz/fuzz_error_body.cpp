// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as an IntaSend error body, and the same bytes split in two (at the first newline, else in the
// middle) as a failed payment's code and reason. Must not crash, hang or trip a sanitizer.

#include "FuzzCheck.h"
#include "wire.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace lipa;

namespace {

volatile qsizetype g_sink = 0;

// Every text the document holds, at any depth, read here without the parser's helpers (numbers too:
// IntaSend sometimes sends a code as a number).
void collectTexts(const QJsonValue& value, QStringList& texts)
{
    if (value.isString())
        texts.append(value.toString().trimmed());
    else if (value.isDouble()) {
        const double number = value.toDouble();
        texts.append(QString::number(number, 'g', 15));
        if (number == std::floor(number) && std::abs(number) < 9007199254740992.0)
            texts.append(QString::number(static_cast<qint64>(number)));
    } else if (value.isArray())
        for (const QJsonValue& item : value.toArray())
            collectTexts(item, texts);
    else if (value.isObject())
        for (const QJsonValue& item : value.toObject())
            collectTexts(item, texts);
}

// Whether text is one or more of the texts joined by "; " (a text may hold "; " itself).
bool composedOf(const QString& text, const QStringList& texts)
{
    QList<bool> reachable(text.size() + 1, false); // a part may start here
    reachable[0] = true;
    for (qsizetype at = 0; at < text.size(); ++at) {
        if (!reachable[at])
            continue;
        for (const QString& part : texts) {
            if (part.isEmpty() || !QStringView(text).mid(at).startsWith(part))
                continue;
            const qsizetype end = at + part.size();
            if (end == text.size())
                return true;
            if (QStringView(text).mid(end).startsWith(QLatin1String("; ")))
                reachable[end + 2] = true;
        }
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* begin = reinterpret_cast<const char*>(data);
    const char* end = begin + size;

    // Not copied: libFuzzer's buffer is exactly the input's size, so an overread is caught.
    const QString detail = wire::parseErrorBody(QByteArray::fromRawData(begin, qsizetype(size)));

    // What the till shows came from the body: each part of it ("; " joins several errors) is a text the
    // document holds. Nothing is made up, and a body that is not JSON gives nothing.
    if (!detail.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray(begin, qsizetype(size)));
        LIPA_FUZZ_CHECK(document.isObject());
        QStringList texts;
        collectTexts(document.object(), texts);
        LIPA_FUZZ_CHECK(composedOf(detail, texts));
    }

    const char* newline = std::find(begin, end, '\n');
    const char* split = newline != end ? newline : begin + size / 2;
    const char* reasonBegin = newline != end ? newline + 1 : split;
    const QString code = QString::fromUtf8(begin, split - begin);
    const QString reason = QString::fromUtf8(reasonBegin, end - reasonBegin);
    const QString message = wire::cashierFailureMessage(code, reason);
    // The cashier always reads something: plain words for a known code, else IntaSend's own text, else
    // the documented fallback.
    LIPA_FUZZ_CHECK(!message.trimmed().isEmpty());
    static const QStringList knownCodes = {
        QStringLiteral("1"),    QStringLiteral("1032"), QStringLiteral("1037"), QStringLiteral("2001"),
        QStringLiteral("1019"), QStringLiteral("1001"), QStringLiteral("17"),   QStringLiteral("26"),
        QStringLiteral("1025"), QStringLiteral("9999")};
    if (!knownCodes.contains(code.trimmed())) {
        if (!reason.trimmed().isEmpty())
            LIPA_FUZZ_CHECK(message == reason.trimmed());
        else
            LIPA_FUZZ_CHECK(message == QLatin1String("Payment failed (no reason given)"));
    } else {
        LIPA_FUZZ_CHECK(message != reason.trimmed() || reason.trimmed().isEmpty() ||
                        message == reason.trimmed());
    }

    g_sink = detail.size() + message.size();
    return 0;
}
