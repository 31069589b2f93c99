// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariant>

// How the journal's tables store times and texts, in one place so every table reads and writes them
// alike: times as UTC milliseconds since the epoch; an optional text as NULL when empty.
namespace lipa::sqlvalue {

inline QDateTime timeFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

inline QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Qt binds a null QString as SQL NULL; NOT NULL columns get an empty text instead.
inline QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace lipa::sqlvalue
