// SPDX-License-Identifier: Apache-2.0
#include "app/DesktopApp.h"

#include "account/AccountController.h"
#include "account/LoginDialog.h"
#include "app/MainWindow.h"
#include "chat/ChatTab.h"
#include "chat/ChatWindow.h"
#include "chat/Composer.h"
#include "common/AppSettings.h"
#include "common/PresenceStyle.h"
#include "common/Translations.h"
#include "models/RecentChatsModel.h"
#include "models/RosterModel.h"
#include "platform/Policy.h"
#include "platform/SingleInstance.h"
#include "platform/XmppUri.h"
#include "session/AccountSession.h"
#include "tray/IdleMonitor.h"
#include "tray/TrayIcon.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPalette>
#include <QScreen>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDesktop, "confab.desktop")

namespace confab::ui {

DesktopApp::DesktopApp(const CommandLine &commandLine, QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_profileDirectory(commandLine.profileDirectory.isEmpty() ? defaultProfileDirectory()
                                                                : QDir(commandLine.profileDirectory).absolutePath())
{ }

DesktopApp::~DesktopApp()
{
    handleSignedOut();
}

QString DesktopApp::defaultProfileDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool DesktopApp::start()
{
    QDir().mkpath(m_profileDirectory);
    // One Confab per profile: a second start hands its xmpp: URI (or just "raise") to the first and ends.
    const QString instanceKey = SingleInstance::keyFor(m_profileDirectory);
    m_instance = new SingleInstance(instanceKey, this);
    if (!m_instance->listen()) {
        if (SingleInstance::sendToPrimary(instanceKey, m_commandLine.uri)) {
            return false;
        }
        // Nobody answered after all (it was quitting): carry on as the only instance.
    }
    connect(m_instance, &SingleInstance::messageReceived, this, [this](const QString &message) {
        if (m_mainWindow) {
            m_mainWindow->showNormal();
            m_mainWindow->raise();
            m_mainWindow->activateWindow();
        }
        if (!message.isEmpty()) {
            openUri(message);
        }
    });
    m_settings = new AppSettings(m_profileDirectory + u"/confab.ini"_s, Policy::system(), this);
    installTranslations(m_commandLine.language.isEmpty() ? m_settings->language() : m_commandLine.language);
    applyAppearance();
    connect(m_settings, &AppSettings::changed, this, [this](const QString &key) {
        if (key.startsWith(u"appearance/")) {
            applyAppearance();
        }
    });
    QApplication::setWindowIcon(TrayIcon::appIcon());
    QApplication::setQuitOnLastWindowClosed(false);
    m_pendingUri = m_commandLine.uri;

    m_accounts = new AccountController(m_profileDirectory, m_settings, this);
    connect(m_accounts, &AccountController::signedIn, this, &DesktopApp::handleSignedIn);
    connect(m_accounts, &AccountController::signedOut, this, &DesktopApp::handleSignedOut);
    connect(m_accounts, &AccountController::loginDismissed, this, &DesktopApp::quit);
    m_accounts->start(m_commandLine.signIn);
    return true;
}

void DesktopApp::applyAppearance()
{
    static const QPalette systemPalette = QApplication::palette();
    static const QFont systemFont = QApplication::font();
    switch (m_settings->theme()) {
    case AppSettings::Theme::System:
        QApplication::setPalette(systemPalette);
        break;
    case AppSettings::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppSettings::Theme::Dark: {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QPalette dark;
        const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
        dark.setColor(QPalette::Window, window);
        dark.setColor(QPalette::WindowText, text);
        dark.setColor(QPalette::Base, base);
        dark.setColor(QPalette::AlternateBase, window);
        dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
        dark.setColor(QPalette::ToolTipText, text);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
        dark.setColor(QPalette::Text, text);
        dark.setColor(QPalette::Button, window);
        dark.setColor(QPalette::ButtonText, text);
        dark.setColor(QPalette::BrightText, Qt::white);
        dark.setColor(QPalette::Highlight, QColor(0x2b, 0x6c, 0xc4));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
        break;
    }
    }
    QFont font = systemFont;
    if (m_settings->fontSize() > 0) {
        font.setPointSize(m_settings->fontSize());
    }
    QApplication::setFont(font);
}

void DesktopApp::handleSignedIn(AccountSession *session)
{
    if (m_session == session && m_mainWindow) {
        return;
    }
    handleSignedOut();
    m_session = session;

    ChatManager *chats = session->chats();
    const auto applyPrivacy = [this, chats] {
        chats->setSendReceipts(m_settings->sendReceipts());
        chats->setSendChatStates(m_settings->sendChatStates());
        chats->setSendMarkers(m_settings->sendReadMarkers());
    };
    applyPrivacy();
    connect(m_settings, &AppSettings::changed, session, [applyPrivacy](const QString &key) {
        if (key.startsWith(u"privacy/")) {
            applyPrivacy();
        }
    });

    // Our presence first: the session announces it the moment it is ready.
    const auto show = m_settings->presenceShow();
    session->presence()->setPresence(show, m_settings->presenceStatus());

    m_mainWindow = new MainWindow(session, m_settings);
    connect(m_mainWindow, &MainWindow::chatRequested, this, &DesktopApp::openChat);
    connect(m_mainWindow, &MainWindow::signOutRequested, m_accounts, &AccountController::signOut);
    connect(m_mainWindow, &MainWindow::quitRequested, this, &DesktopApp::quit);
    connect(m_mainWindow, &MainWindow::offlineRequested, m_accounts, &AccountController::goOffline);
    connect(m_mainWindow, &MainWindow::onlineRequested, m_accounts, &AccountController::goOnline);

    m_chatWindow = new ChatWindow(session, m_settings);
    connect(
        m_chatWindow, &ChatWindow::notify, this, [this](const Jid &contact, const QString &name, const QString &body) {
            if (m_tray && m_settings->notificationsEnabled()) {
                m_tray->notify(contact, name, body);
            }
        });

    m_recentChats = new RecentChatsModel(session->messages(), session);
    // Unread counts are gathered once per event-loop turn, however many messages the turn brought.
    auto *unreadTimer = new QTimer(m_recentChats);
    unreadTimer->setSingleShot(true);
    unreadTimer->setInterval(0);
    connect(unreadTimer, &QTimer::timeout, this, &DesktopApp::updateUnread);
    const auto scheduleUnread = [unreadTimer] { unreadTimer->start(); };
    connect(m_recentChats, &RecentChatsModel::loaded, unreadTimer, scheduleUnread);
    connect(m_recentChats, &QAbstractItemModel::dataChanged, unreadTimer, scheduleUnread);
    connect(m_recentChats, &QAbstractItemModel::rowsInserted, unreadTimer, scheduleUnread);
    connect(m_recentChats, &QAbstractItemModel::rowsMoved, unreadTimer, scheduleUnread);
    connect(m_recentChats, &QAbstractItemModel::modelReset, unreadTimer, scheduleUnread);
    m_recentChats->reload();

    if (TrayIcon::isAvailable()) {
        m_tray = new TrayIcon(this);
        m_tray->setPresence(show);
        connect(m_tray, &TrayIcon::showWindowRequested, this, [this] {
            if (m_mainWindow) {
                m_mainWindow->showNormal();
                m_mainWindow->raise();
                m_mainWindow->activateWindow();
            }
        });
        connect(m_tray, &TrayIcon::chatRequested, this, &DesktopApp::openChat);
        connect(m_tray, &TrayIcon::quitRequested, this, &DesktopApp::quit);
        connect(m_tray, &TrayIcon::presenceRequested, this, [this](Presence::Show requested) {
            if (m_mainWindow) {
                m_mainWindow->setPresence(requested, m_settings->presenceStatus());
            }
        });
        m_tray->show();
    }
    connect(m_settings, &AppSettings::changed, session, [this](const QString &key) {
        if (key == u"presence/show" && m_tray) {
            m_tray->setPresence(m_settings->presenceShow());
        }
    });

    // Auto-away: only from Available/Free for chat, and back to what the user chose.
    m_idle = new IdleMonitor(session);
    m_idle->setThresholds(m_settings->autoAwayMinutes(), m_settings->autoExtendedAwayMinutes());
    connect(m_settings, &AppSettings::changed, m_idle, [this](const QString &key) {
        if (key.startsWith(u"presence/auto")) {
            m_idle->setThresholds(m_settings->autoAwayMinutes(), m_settings->autoExtendedAwayMinutes());
        }
    });
    connect(m_idle, &IdleMonitor::levelChanged, session, [this](IdleMonitor::Level level) {
        if (!m_session) {
            return;
        }
        const auto chosen = m_settings->presenceShow();
        if (chosen != Presence::Show::Online && chosen != Presence::Show::Chat) {
            return;
        }
        const QString status = m_settings->presenceStatus();
        PresenceManager *presence = m_session->presence();
        switch (level) {
        case IdleMonitor::Level::Active:
            presence->setIdleSince({});
            presence->setPresence(chosen, status);
            break;
        case IdleMonitor::Level::Away:
            presence->setIdleSince(m_idle->idleSince());
            presence->setPresence(Presence::Show::Away, status);
            break;
        case IdleMonitor::Level::ExtendedAway:
            presence->setPresence(Presence::Show::ExtendedAway, status);
            break;
        }
    });

    m_mainWindow->show();
    Q_EMIT mainWindowShown();
    if (const QString copy = session->messages()->damagedCopyPath(); !copy.isEmpty()) {
        // Said once, without blocking: the app works, with a new, empty history.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Message History Damaged"),
            tr("Confab could not read your message history: the file was damaged. It kept the damaged file as "
               "%1 and started a new, empty history. Messages still on the server are fetched again.")
                .arg(QDir::toNativeSeparators(copy)),
            QMessageBox::Ok, m_mainWindow);
        box->setObjectName(u"historyDamagedNotice"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    if (!m_pendingUri.isEmpty()) {
        openUri(std::exchange(m_pendingUri, QString()));
    }
}

void DesktopApp::handleSignedOut()
{
    m_chatWindowPlaced = false;
    delete std::exchange(m_chatWindow, nullptr);
    delete std::exchange(m_mainWindow, nullptr);
    delete m_tray;
    m_tray = nullptr;
    // The model and idle monitor are children of the session, which the controller owns.
    m_recentChats = nullptr;
    m_idle = nullptr;
    m_session = nullptr;
}

void DesktopApp::openChat(const Jid &contact)
{
    if (!m_chatWindow || !contact.isValid()) {
        return;
    }
    if (!m_chatWindow->isVisible() && !m_chatWindowPlaced && m_mainWindow && m_mainWindow->isVisible()) {
        // The first time, beside the contact list (Google Talk style) when the screen has room; after that
        // wherever the user put it.
        m_chatWindowPlaced = true;
        const QRect main = m_mainWindow->frameGeometry();
        const QRect screen = m_mainWindow->screen()->availableGeometry();
        const QSize size = m_chatWindow->size().boundedTo(screen.size());
        QPoint position(main.right() + 8, main.top());
        if (position.x() + size.width() > screen.right()) {
            position.setX(main.left() - 8 - size.width());
        }
        if (position.x() >= screen.left()) {
            m_chatWindow->move(position);
        }
    }
    m_chatWindow->openChat(contact.bare());
}

void DesktopApp::openUri(const QString &text)
{
    if (!m_session || !m_mainWindow) {
        m_pendingUri = text; // opened once signed in
        return;
    }
    const XmppUri uri = XmppUri::parse(text);
    if (!uri.isValid()) {
        qCWarning(lcDesktop) << "ignoring an xmpp: URI:" << uri.errorString();
        return;
    }
    const Jid target = uri.target().bare();
    switch (uri.action()) {
    case XmppUri::Action::Roster:
    case XmppUri::Action::Subscribe:
        // A link on any web page could ask this: the user confirms in the Add Contact dialog.
        m_mainWindow->showAddContact(target.toString());
        break;
    case XmppUri::Action::Remove:
    case XmppUri::Action::Unsubscribe:
        // Never done on a link's word; removing a contact is the context menu's job.
        qCWarning(lcDesktop) << "ignoring an xmpp: link that asks to" << uri.queryType();
        break;
    case XmppUri::Action::Message:
        openChat(target);
        // XEP-0147: the body is typed in, never sent on a link's word; a draft of the user's is kept.
        if (const QString body = uri.parameter(u"body"_s); !body.isEmpty() && m_chatWindow) {
            if (ChatTab *tab = m_chatWindow->tab(target); tab && tab->composer()->toPlainText().isEmpty()) {
                tab->composer()->setPlainText(body);
                tab->composer()->moveCursor(QTextCursor::End);
            }
        }
        break;
    case XmppUri::Action::None:
    default:
        openChat(target);
        break;
    }
}

void DesktopApp::updateUnread()
{
    if (!m_recentChats || !m_session) {
        return;
    }
    int total = 0;
    RosterModel *roster = m_session->rosterModel();
    for (int row = 0; row < m_recentChats->rowCount(); ++row) {
        const QModelIndex index = m_recentChats->index(row);
        const int unread = index.data(RecentChatsModel::UnreadCountRole).toInt();
        total += unread;
        roster->setUnreadCount(Jid::fromString(index.data(RecentChatsModel::JidRole).toString()), unread);
    }
    if (m_tray) {
        m_tray->setUnreadCount(total);
    }
}

void DesktopApp::quit()
{
    if (m_session) {
        m_session->signOut();
    }
    if (m_instance) {
        delete std::exchange(m_instance, nullptr); // the next start is the primary at once
    }
    m_settings->sync();
    QApplication::quit();
}

} // namespace confab::ui
