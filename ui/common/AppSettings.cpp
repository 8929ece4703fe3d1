// SPDX-License-Identifier: Apache-2.0
#include "common/AppSettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace confab::ui {

AppSettings::AppSettings(const QString &iniPath, const Policy &policy, QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(iniPath, QSettings::IniFormat))
    , m_policy(policy)
{ }

AppSettings::~AppSettings()
{
    m_settings->sync();
    delete m_settings;
}

QVariant AppSettings::value(const QString &key, const QVariant &fallback) const
{
    if (m_policy.isLocked(key)) {
        return m_policy.value(key, fallback);
    }
    return m_settings->value(key, m_policy.value(key, fallback));
}

bool AppSettings::setValue(const QString &key, const QVariant &value)
{
    if (m_policy.isLocked(key)) {
        return false;
    }
    if (m_settings->value(key) == value) {
        return true;
    }
    m_settings->setValue(key, value);
    Q_EMIT changed(key);
    return true;
}

void AppSettings::sync()
{
    m_settings->sync();
}

AppSettings::Theme AppSettings::theme() const
{
    const QString theme = value(u"appearance/theme"_s).toString();
    if (theme == u"light") {
        return Theme::Light;
    }
    if (theme == u"dark") {
        return Theme::Dark;
    }
    return Theme::System;
}

int AppSettings::fontSize() const
{
    return qBound(0, value(u"appearance/fontSize"_s, 0).toInt(), 48);
}

QString AppSettings::language() const
{
    return value(u"language"_s).toString();
}

bool AppSettings::notificationsEnabled() const
{
    return value(u"notifications/enabled"_s, true).toBool();
}

bool AppSettings::sendChatStates() const
{
    return value(u"privacy/chatStates"_s, true).toBool();
}

bool AppSettings::sendReceipts() const
{
    return value(u"privacy/receipts"_s, true).toBool();
}

bool AppSettings::sendReadMarkers() const
{
    return value(u"privacy/readMarkers"_s, true).toBool();
}

bool AppSettings::separateChatWindows() const
{
    return value(u"chat/separateWindows"_s, false).toBool();
}

bool AppSettings::showOfflineContacts() const
{
    return value(u"roster/showOffline"_s, true).toBool();
}

int AppSettings::autoAwayMinutes() const
{
    return qMax(0, value(u"presence/autoAwayMinutes"_s, 5).toInt());
}

int AppSettings::autoExtendedAwayMinutes() const
{
    return qMax(0, value(u"presence/autoExtendedAwayMinutes"_s, 20).toInt());
}

Presence::Show AppSettings::presenceShow() const
{
    return Presence::Show(value(u"presence/show"_s, int(Presence::Show::Online)).toInt());
}

QString AppSettings::presenceStatus() const
{
    return value(u"presence/status"_s).toString();
}

QStringList AppSettings::recentStatusMessages() const
{
    return value(u"presence/recentStatus"_s).toStringList();
}

void AppSettings::addRecentStatusMessage(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return;
    }
    QStringList recent = recentStatusMessages();
    recent.removeAll(text);
    recent.prepend(text);
    while (recent.size() > 8) {
        recent.removeLast();
    }
    setValue(u"presence/recentStatus"_s, recent);
}

} // namespace confab::ui
