// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Settings.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lipa {

// Every key of the settings file in one table: its type, default and allowed values, and the field of
// Settings it fills. Loading, saving, the Settings dialog and the README's test all read it; a new setting
// is a new row here (and a field in Settings, a line in the README's table).
namespace SettingsSchema {

// One row: one key of the file, how it is read and written.
struct Key {
    enum class Type {
        Text,   // free text, trimmed (and cut at maxLength)
        Number, // a whole number from min to max
        Choice, // one of choices
    };

    QString name{}; // as in the file: "till/max_amount"
    Type type = Type::Text;
    QString defaultValue{}; // as written in the file; empty: none
    qint64 min = 0;
    qint64 max = 0;
    // Choice: each value as written in the file, followed by other spellings read as that value.
    QList<QStringList> choices{};
    bool anyCase = false; // Choice: "A4" is a4
    int maxLength = 0;    // Text: longer is cut (0: no limit)
    // An empty value means none: nothing is written for it.
    bool emptyIsNone = false;
    // Choice: the problem a value outside choices is reported with (%1: the value as written, trimmed), and
    // what it is replaced by when that is not defaultValue. Without one, such a value quietly means the
    // default.
    const char* badValueProblem = nullptr;
    QString badValueFallback{};
    // Number: another Number key this one may not be less than, and the problem when it is (it is then
    // raised to that key's value).
    QString notBelow{};
    const char* belowProblem = nullptr;

    // Text: the values that are valid (others are reported with badValueProblem and replaced by the
    // fallback); none: any text.
    bool (*valid)(const QString& value) = nullptr;

    // The field of Settings this key fills, in the file's spelling; write takes only a valid value.
    QString (*read)(const Settings& settings) = nullptr;
    void (*write)(Settings& settings, const QString& value) = nullptr;

    // The value as it goes into write, or nothing when the text in the file is not valid.
    std::optional<QString> accept(const QString& written) const;
    // Why a value that was not accepted was replaced, in words for the banner.
    QString problemWith(const QString& written) const;
    // What a value that was not accepted is replaced by.
    QString fallback() const { return badValueFallback.isEmpty() ? defaultValue : badValueFallback; }
    // Choice: the values, as written in the file.
    QStringList values() const;
};

// Every key, in the order the file is read (problems are reported in that order).
const QList<Key>& keys();
// The key with that name; there must be one.
const Key& key(const QString& name);

} // namespace SettingsSchema

} // namespace lipa
