// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionError.h"
#include "stream/ConnectionSettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace confab {
class AccountSession;
} // namespace confab

namespace confab::ui {

class AppSettings;
class LoginDialog;
class PasswordStore;

/// The sign-in flow of the desktop app: the command line's account, or the saved one signed in
/// automatically with its password from the keychain, or the login dialog. Owns the AccountSession of the
/// account (its data under <profile>/<bare JID>/) and says when it is signed in and out. Later connection
/// losses are the main window's to show (the Client reconnects by itself); a final failure that needs the
/// user (a changed password, a replaced certificate) brings the dialog back with its reason.
class AccountController : public QObject
{
    Q_OBJECT
public:
    AccountController(const QString &profileDirectory, AppSettings *settings, QObject *parent = nullptr);
    ~AccountController() override;

    /// With `commandLine` (confab --jid ...): signs in with it, no dialog, and stores nothing. Else the
    /// saved account when it signs in automatically and the keychain has its password; else the dialog,
    /// filled from the saved account and the system policy.
    void start(const std::optional<ConnectionSettings> &commandLine);
    /// The current session: null before the first attempt and after signing out.
    AccountSession *session() const { return m_session; }
    /// Clean logout, then the login dialog.
    void signOut();
    /// The user chose Offline: a clean logout that keeps the session, so the main window stays (showing
    /// everyone offline) and goOnline() signs in again with the same settings. Nothing while not signed in.
    void goOffline();
    void goOnline();
    bool isOffline() const { return m_offline; }
    /// Null until it is first needed.
    LoginDialog *loginDialog() const { return m_dialog; }
    PasswordStore *passwords() const { return m_passwords; }

    /// The saved account's settings ("account/..." keys, under the policy), without a password.
    ConnectionSettings savedSettings() const;

Q_SIGNALS:
    /// The first successful sign-in of a session: the main window opens.
    void signedIn(confab::AccountSession *session);
    /// The session ended (signed out, or a failure that needs the user); the session is deleted next.
    void signedOut();
    /// The user closed the sign-in window without signing in: the application should quit.
    void loginDismissed();

private:
    void showDialog(const ConnectionSettings &prefill);
    void attempt(const ConnectionSettings &settings);
    void handleConnected();
    void handleDisconnected(const ConnectionError &error);
    void cancel();
    void persist(const ConnectionSettings &settings);
    void dropSession();

    QString m_profileDirectory;
    AppSettings *m_settings;
    PasswordStore *m_passwords;
    QPointer<LoginDialog> m_dialog;
    AccountSession *m_session = nullptr;
    QString m_sessionJid; ///< the bare JID m_session was made for
    bool m_sessionOpened = false;
    ConnectionSettings m_attempt;
    bool m_attemptFromDialog = false;
    bool m_attemptRemember = false;
    bool m_attemptAutoSignIn = false;
    bool m_signedIn = false;
    bool m_offline = false; ///< signed in, but disconnected by the user's choice (goOffline())
    /// Passwords to remember where no keychain answered: kept for this run only (bare JID → password).
    QHash<QString, QString> m_memoryPasswords;
};

} // namespace confab::ui
