// SPDX-License-Identifier: GPL-3.0-or-later
#include "Redact.h"

#include <QRegularExpression>
#include <QUrl>

namespace lipa {

namespace {

constexpr qsizetype kShortestKey = 8;

// IntaSend's keys (also one cut short by a truncated answer), any bearer token, and the value of a field
// whose name says it is secret, in JSON ("secret_key": "…") or a form/query (token=…). The named group
// "keep" is what stays before "[key]": the word Bearer or the field's name, so the log still says what
// was removed.
const QRegularExpression& shapedLikeAKey()
{
    static const QRegularExpression pattern(QStringLiteral(
        "IS(?:Secret|Pub)Key_[A-Za-z0-9_\\-]*"
        "|(?<bearer>(?i:bearer)\\s+)[A-Za-z0-9._~+/=\\-]+"
        "|(?<json>(?i:\"[a-z_\\-]*(?:key|secret|token|authorization)[a-z_\\-]*\"\\s*:\\s*\"))[^\"]*"
        "|(?<form>(?i:[a-z_\\-]*(?:key|secret|token)[a-z_\\-]*=))[^&\\s\"]*"));
    return pattern;
}

QString redactShapes(const QString& text)
{
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = shapedLikeAKey().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(from, match.capturedStart() - from);
        for (const QString& keep : {QStringLiteral("bearer"), QStringLiteral("json"), QStringLiteral("form")})
            out += match.captured(keep);
        out += QStringLiteral("[key]");
        from = match.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

} // namespace

Redactor::Redactor(QStringList keys)
{
    for (const QString& key : keys) {
        if (key.size() < kShortestKey)
            continue;
        m_keys.append(key.toUtf8());
        const QByteArray encoded = QUrl::toPercentEncoding(key);
        if (encoded != m_keys.last())
            m_keys.append(encoded);
    }
}

QByteArray Redactor::bytes(QByteArray text) const
{
    for (const QByteArray& key : m_keys)
        text.replace(key, "[key]");
    return redactShapes(QString::fromUtf8(text)).toUtf8();
}

QString Redactor::text(const QString& text) const
{
    return QString::fromUtf8(bytes(text.toUtf8()));
}

} // namespace lipa
