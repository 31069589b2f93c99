// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

#include "PrivateFiles.h"
#include "SettingsSchema.h"

#include <QCoreApplication>
#include <QSettings>

namespace lipa {

Settings Settings::load(const QString& iniPath, QStringList* problems)
{
    Settings settings; // a key not in the file keeps its default
    const QSettings ini(iniPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        problems->append(QCoreApplication::translate("lipa::Settings",
                                                     "The settings file %1 could not be read; using defaults")
                             .arg(iniPath));

    for (const SettingsSchema::Key& key : SettingsSchema::keys()) {
        if (ini.contains(key.name)) {
            const QString written = ini.value(key.name).toString();
            if (const std::optional<QString> value = key.accept(written)) {
                key.write(settings, *value);
            } else {
                if (const QString problem = key.problemWith(written); !problem.isEmpty())
                    problems->append(problem);
                key.write(settings, key.fallback());
            }
        }
        if (!key.notBelow.isEmpty()) {
            const SettingsSchema::Key& floor = SettingsSchema::key(key.notBelow);
            if (key.read(settings).toLongLong() < floor.read(settings).toLongLong()) {
                problems->append(QCoreApplication::translate("lipa::Settings", key.belowProblem));
                key.write(settings, floor.read(settings));
            }
        }
    }
    return settings;
}

bool Settings::save(const QString& iniPath, QString* error) const
{
    QList<std::pair<QString, std::optional<QString>>> values;
    for (const SettingsSchema::Key& key : SettingsSchema::keys()) {
        const QString value = key.read(*this);
        if (value.isEmpty() && key.emptyIsNone)
            values.append({key.name, std::nullopt});
        else
            values.append({key.name, value});
    }
    return writeKeys(iniPath, values, error);
}

bool Settings::writeKeys(const QString& iniPath,
                         const QList<std::pair<QString, std::optional<QString>>>& values, QString* error)
{
    if (const QString problem = PrivateFiles::makeFile(iniPath); !problem.isEmpty()) {
        *error = QCoreApplication::translate("lipa::Settings", "The settings could not be written to %1: %2")
                     .arg(iniPath, problem);
        return false;
    }
    // QSettings writes through a lock file and a save file of its own: owner-only as well.
    const PrivateFiles::OwnerOnlyCreation ownerOnly;
    QSettings ini(iniPath, QSettings::IniFormat);
    for (const auto& [name, value] : values) {
        if (value)
            ini.setValue(name, *value);
        else
            ini.remove(name);
    }
    ini.sync();
    if (ini.status() != QSettings::NoError) {
        *error = QCoreApplication::translate("lipa::Settings", "The settings could not be written to %1")
                     .arg(iniPath);
        return false;
    }
    return true;
}

} // namespace lipa
