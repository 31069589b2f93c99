// SPDX-License-Identifier: GPL-3.0-or-later
#include "Language.h"

#include <QCoreApplication>
#include <QTranslator>

#include <memory>

namespace lipa {

namespace {

std::unique_ptr<QTranslator>& installedTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

QString& installedCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

// Qt's own words on standard buttons (QMessageBox, QDialogButtonBox) are looked up in the context
// "QPlatformTheme". Debian ships no Kiswahili translation of Qt itself, so the till's own file carries
// them; lupdate finds them here.
[[maybe_unused]] constexpr const char* kQtButtonWords[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),     QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),   QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"), QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),   QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),  QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
};

} // namespace

QString Language::resolve(const QString& setting, const QLocale& system)
{
    if (setting == u"sw" || setting == u"en")
        return setting;
    return system.language() == QLocale::Swahili ? QStringLiteral("sw") : QStringLiteral("en");
}

QString Language::install(const QString& setting)
{
    std::unique_ptr<QTranslator>& translator = installedTranslator();
    if (translator) {
        QCoreApplication::removeTranslator(translator.get());
        translator.reset();
    }
    QString code = resolve(setting);
    if (code != u"en") {
        // The source strings are English; other languages come from resources/translations, built
        // into the program by qt_add_translations.
        auto loaded = std::make_unique<QTranslator>();
        if (loaded->load(QStringLiteral(":/i18n/lipa-till_%1.qm").arg(code))) {
            QCoreApplication::installTranslator(loaded.get());
            translator = std::move(loaded);
        } else {
            qWarning("lipa-till: no translation for language %s; using English", qPrintable(code));
            code = QStringLiteral("en");
        }
    }
    QLocale::setDefault(code == u"sw" ? QLocale(QLocale::Swahili, QLocale::Kenya)
                                      : QLocale(QLocale::English, QLocale::Kenya));
    installedCode() = code;
    return code;
}

QString Language::current()
{
    return installedCode();
}

} // namespace lipa
