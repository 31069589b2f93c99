// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace lipa {

// The till's language: "en", "sw", or "system" (Kiswahili when the system's language is Swahili,
// English otherwise). Installs the matching translation into the application, replacing the one a
// previous call installed, so that a restart in the same process can switch language.
class Language {
public:
    // The language code a setting means on this system: "en" or "sw".
    static QString resolve(const QString& setting, const QLocale& system = QLocale::system());

    // Installs the translation for `setting`; returns the language code now in use.
    static QString install(const QString& setting);

    // The language code installed last ("en" before any call).
    static QString current();
};

} // namespace lipa
