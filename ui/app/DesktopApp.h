// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/CommandLine.h"
#include "base/Jid.h"

#include <QObject>

namespace confab {
class AccountSession;
class RecentChatsModel;
class SingleInstance;
} // namespace confab

namespace confab::ui {

class AccountController;
class AppSettings;
class ChatWindow;
class IdleMonitor;
class MainWindow;
class TrayIcon;

/// The desktop application's composition root (DESIGN.md, app/): the profile, settings, sign-in flow, main
/// window, chat windows and tray, wired together. main() makes one; nothing here is a singleton.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    explicit DesktopApp(const CommandLine &commandLine, QObject *parent = nullptr);
    ~DesktopApp() override;

    /// Shows the first window. False when another instance runs and took over (it got our URI).
    bool start();

    /// The standard profile directory when --profile is not given.
    static QString defaultProfileDirectory();

    AccountController *accounts() const { return m_accounts; }
    MainWindow *mainWindow() const { return m_mainWindow; }
    ChatWindow *chatWindow() const { return m_chatWindow; }
    AppSettings *settings() const { return m_settings; }

Q_SIGNALS:
    /// The main window is up for a signed-in session (tests and the startup benchmark wait for it).
    void mainWindowShown();

private:
    void applyAppearance();
    void handleSignedIn(AccountSession *session);
    void handleSignedOut();
    void openChat(const Jid &contact);
    void openUri(const QString &uri);
    void updateUnread();
    void quit();

    CommandLine m_commandLine;
    QString m_profileDirectory;
    AppSettings *m_settings = nullptr;
    AccountController *m_accounts = nullptr;
    AccountSession *m_session = nullptr;
    MainWindow *m_mainWindow = nullptr;
    ChatWindow *m_chatWindow = nullptr;
    RecentChatsModel *m_recentChats = nullptr;
    TrayIcon *m_tray = nullptr;
    IdleMonitor *m_idle = nullptr;
    QString m_pendingUri;
    SingleInstance *m_instance = nullptr;
    bool m_chatWindowPlaced = false;
};

} // namespace confab::ui
