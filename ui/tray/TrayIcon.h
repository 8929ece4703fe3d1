// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xmpp/presence/Presence.h"

#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace confab::ui {

/// The system-tray icon: Confab's icon with the unread count painted on it, a menu to show the window,
/// change presence and quit, and new-message notifications (clicking one opens that chat).
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    void show();
    void setUnreadCount(int count);
    void setPresence(Presence::Show show);
    /// A notification for a message from `contact` (shown by the desktop's notification service).
    void notify(const Jid &contact, const QString &title, const QString &body);
    /// The icon as drawn now (tests, and the window icon).
    QIcon icon() const;
    int unreadCount() const { return m_unread; }

    /// Confab's icon from the resources, or a drawn bubble when the build has none.
    static QIcon appIcon();

Q_SIGNALS:
    void showWindowRequested();
    void presenceRequested(confab::Presence::Show show);
    void chatRequested(const confab::Jid &contact);
    void quitRequested();

private:
    void updateIcon();
    void retranslate();

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    int m_unread = 0;
    Presence::Show m_show = Presence::Show::Offline;
    Jid m_lastNotified;
};

} // namespace confab::ui
