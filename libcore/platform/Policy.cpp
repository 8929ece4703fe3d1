// SPDX-License-Identifier: Apache-2.0
#include "platform/Policy.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace confab {

Policy Policy::fromFile(const QString &path)
{
    Policy policy;
    QSettings file(path, QSettings::IniFormat);
    for (const QString &key : file.allKeys()) {
        if (key == u"locked") {
            continue;
        }
        policy.m_values.insert(key, file.value(key));
    }
    const QVariant locked = file.value(u"locked"_s);
    const QStringList keys = locked.typeId() == QMetaType::QStringList
        ? locked.toStringList()
        : locked.toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &key : keys) {
        policy.m_locked.insert(key.trimmed());
    }
    return policy;
}

Policy Policy::system()
{
    // The first policy.conf in $XDG_CONFIG_DIRS (default /etc/xdg); never the user's own config directory.
    const QStringList directories = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    for (qsizetype i = 1; i < directories.size(); ++i) {
        const QString path = directories.at(i) + u"/Confab/policy.conf"_s;
        if (QFile::exists(path)) {
            return fromFile(path);
        }
    }
    return {};
}

} // namespace confab
