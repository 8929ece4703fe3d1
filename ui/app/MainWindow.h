// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "stream/ConnectionError.h"
#include "xmpp/presence/Presence.h"

#include <QMainWindow>

#include <chrono>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace confab {
class AccountSession;
class RosterFilterModel;
} // namespace confab

namespace confab::ui {

class AppSettings;
class RosterView;

/// The narrow, tall main window: our avatar, name and presence with a status message, a connection banner
/// while the link is down, the search box and the contact list. Dialogs it opens work on the session
/// directly; opening a chat is DesktopApp's (chatRequested).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AccountSession *session, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    RosterView *rosterView() const { return m_rosterView; }
    QLineEdit *searchField() const { return m_search; }
    /// Presence chosen in the selector (applied to the session by the window itself).
    void setPresence(Presence::Show show, const QString &status);
    /// The Add Contact dialog, with `jid` filled in (an xmpp:...?roster link): the user decides.
    void showAddContact(const QString &jid);

Q_SIGNALS:
    void chatRequested(const confab::Jid &contact);
    void signOutRequested();
    void quitRequested();
    /// The user chose Offline in the presence selector (or the tray): disconnect, keep the window.
    void offlineRequested();
    /// The user chose a presence other than Offline while disconnected by choice: sign in again.
    void onlineRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    QWidget *buildHeader();
    QWidget *buildBanner();
    void retranslate();
    void applyPresence();
    void updateOwnIdentity();
    void showConnecting();
    void showConnectionLost(const ConnectionError &error, std::chrono::milliseconds retryIn);
    void showConnected();
    void updateBannerCountdown();
    void newChat();
    void addContact();
    void editProfile();
    void removeContact(const Jid &contact);
    void openSettings();

    AccountSession *m_session;
    AppSettings *m_settings;
    RosterFilterModel *m_filter;
    RosterView *m_rosterView;
    QLabel *m_avatar;
    QLabel *m_name;
    QComboBox *m_presence;
    QComboBox *m_status;
    QLineEdit *m_search;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QTimer *m_countdown;
    QString m_bannerReason;
    std::chrono::steady_clock::time_point m_retryAt;
};

} // namespace confab::ui
