// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrintHtml.h"

#include <QLocale>

namespace lipa::PrintHtml {

QString localTime(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"));
}

QString shortTime(const QDateTime& utc)
{
    return utc.toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString row(const QString& left, const QString& right, bool bold)
{
    const QString cell = bold ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1");
    return QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
        .arg(cell.arg(left.toHtmlEscaped()), cell.arg(right.toHtmlEscaped()));
}

QString code(const QString& text)
{
    return QStringLiteral("<span style=\"font-family:'DejaVu Sans Mono',monospace\">%1</span>")
        .arg(text.toHtmlEscaped());
}

} // namespace lipa::PrintHtml
