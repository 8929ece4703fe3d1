// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSettings;

namespace confab {

/// System-wide defaults an IT department sets, and may lock, for every user of a machine (issue 6):
/// on Linux `Confab/policy.conf` in the XDG config directories (normally /etc/xdg/Confab/policy.conf), on
/// Windows `HKLM\Software\Policies\Confab`. Keys are the same as the user settings' ("account/domain",
/// "account/host", "account/port", "account/tls", "account/caFile", "account/allowRegistration",
/// "account/allowRememberPassword", "appearance/theme", "privacy/receipts", ...); `locked` lists keys users
/// may not change. Values keep the type the source gives (an INI file gives strings: "true", "5222"), so
/// read them with QVariant::toBool()/toInt(). See packaging/policy/README.md.
class Policy
{
public:
    /// Reads the system policy (empty when there is none).
    static Policy system();
    /// Reads a policy from an INI file (tests, and the Linux implementation); empty when there is no file.
    static Policy fromFile(const QString &path);

    bool isEmpty() const { return m_values.isEmpty() && m_locked.isEmpty(); }
    /// The policy's value for `key`, or `fallback` when it sets none.
    QVariant value(const QString &key, const QVariant &fallback = {}) const { return m_values.value(key, fallback); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    /// Whether users may not change `key` (it then always has the policy's value).
    bool isLocked(const QString &key) const { return m_locked.contains(key); }

    /// The keys the policy sets (not "locked").
    QStringList keys() const { return m_values.keys(); }
    QStringList lockedKeys() const { return QStringList(m_locked.cbegin(), m_locked.cend()); }

private:
    static Policy fromSettings(const QSettings &settings);

    QHash<QString, QVariant> m_values;
    QSet<QString> m_locked;
};

} // namespace confab
