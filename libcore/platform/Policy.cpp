// SPDX-License-Identifier: Apache-2.0
#include "platform/Policy.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace confab {

Policy Policy::fromSettings(const QSettings &settings)
{
    Policy policy;
    for (const QString &key : settings.allKeys()) {
        if (key == u"locked") {
            continue;
        }
        policy.m_values.insert(key, settings.value(key));
    }
    // "locked" is a comma-separated list in an INI file (QSettings gives a QStringList) and a REG_MULTI_SZ or
    // a comma-separated REG_SZ in the registry.
    const QVariant locked = settings.value(u"locked"_s);
    const QStringList keys = locked.typeId() == QMetaType::QStringList
        ? locked.toStringList()
        : locked.toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &key : keys) {
        const QString trimmed = key.trimmed();
        if (!trimmed.isEmpty()) {
            policy.m_locked.insert(trimmed);
        }
    }
    return policy;
}

Policy Policy::fromFile(const QString &path)
{
    if (!QFile::exists(path)) {
        return {};
    }
    const QSettings file(path, QSettings::IniFormat);
    return fromSettings(file);
}

Policy Policy::system()
{
#ifdef Q_OS_WIN
    // Group Policy's place for per-application machine policy; users cannot write under HKLM.
    const QSettings registry(u"HKEY_LOCAL_MACHINE\\Software\\Policies\\Confab"_s, QSettings::NativeFormat);
    return fromSettings(registry);
#else
    // The first Confab/policy.conf in $XDG_CONFIG_DIRS (default /etc/xdg); never the user's own config
    // directory ($XDG_CONFIG_HOME, the first entry), which a user could edit.
    const QStringList directories = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    for (qsizetype i = 1; i < directories.size(); ++i) {
        const QString path = directories.at(i) + u"/Confab/policy.conf"_s;
        if (QFile::exists(path)) {
            return fromFile(path);
        }
    }
    return {};
#endif
}

} // namespace confab
