// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platform/Policy.h"
#include "xmpp/presence/Presence.h"

#include <QObject>
#include <QVariant>

class QSettings;

namespace confab::ui {

/// The user's preferences (an INI file in the profile directory), under the system Policy: a key the policy
/// sets is the default, and a key it locks always reads the policy's value and cannot be written.
/// Views read typed accessors and follow `changed`. Account keys ("account/...") belong to the sign-in flow.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    AppSettings(const QString &iniPath, const Policy &policy, QObject *parent = nullptr);
    ~AppSettings() override;

    QVariant value(const QString &key, const QVariant &fallback = {}) const;
    /// Ignored (returns false) when the policy locks `key`.
    bool setValue(const QString &key, const QVariant &value);
    bool isLocked(const QString &key) const { return m_policy.isLocked(key); }
    const Policy &policy() const { return m_policy; }
    /// Writes pending changes to disk now.
    void sync();

    Theme theme() const;
    /// Point size of the application font; 0 means the system's.
    int fontSize() const;
    /// "" = the system locale, or "en", "zh_CN", "zh_TW".
    QString language() const;
    bool notificationsEnabled() const;
    bool sendChatStates() const;
    bool sendReceipts() const;
    bool sendReadMarkers() const;
    /// One window per chat instead of tabs.
    bool separateChatWindows() const;
    bool showOfflineContacts() const;
    /// Idle minutes before Away and Extended away; 0 turns it off.
    int autoAwayMinutes() const;
    int autoExtendedAwayMinutes() const;
    /// The presence the user chose and its status message ("presence/show", "presence/status"); auto-away
    /// changes what is sent, never these.
    Presence::Show presenceShow() const;
    QString presenceStatus() const;
    /// Status messages the user set, newest first (at most 8).
    QStringList recentStatusMessages() const;
    void addRecentStatusMessage(const QString &text);

Q_SIGNALS:
    void changed(const QString &key);

private:
    QSettings *m_settings;
    Policy m_policy;
};

} // namespace confab::ui
