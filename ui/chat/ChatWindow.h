// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QTabWidget;
class QTimer;

namespace confab {
class AccountSession;
class XmlElement;
struct StoredMessage;
} // namespace confab

namespace confab::ui {

class AppSettings;
class ChatTab;

/// The chat window: one tab per conversation (or, with AppSettings::separateChatWindows(), one window per
/// conversation, each a ChatWindow of its own that this one keeps). Incoming messages open their tab in the
/// background and count as unread until the user looks at them; the tray learns of them through notify().
class ChatWindow : public QWidget
{
    Q_OBJECT
public:
    ChatWindow(AccountSession *session, AppSettings *settings, QWidget *parent = nullptr);
    ~ChatWindow() override;

    /// Creates or raises the conversation's tab, shows and activates the window, focuses the composer.
    void openChat(const Jid &bareJid);
    /// Total unread across tabs (and separate windows).
    int unreadCount() const;

    QTabWidget *tabs() const { return m_tabs; }
    /// The conversation's tab (in this window or a separate one), or null.
    ChatTab *tab(const Jid &bareJid) const;
    ChatTab *currentTab() const;
    /// Closes a tab (its conversation ends: chat state "gone").
    void closeTab(int index);
    /// The least time between two notify() of one conversation (3 s unless set).
    int notifyInterval() const { return m_notifyIntervalMs; }
    void setNotifyInterval(int ms);

Q_SIGNALS:
    void unreadCountChanged(int total);
    /// Incoming messages arrived in a conversation whose tab is not the focused, visible one. One per burst:
    /// the first message is told at the end of the event-loop turn that brought it; what follows within
    /// notifyInterval() of that comes as one more, which counts them (`body` then says how many, and the
    /// last one). Nothing is told of messages the user has seen meanwhile.
    void notify(const confab::Jid &bareJid, const QString &senderName, const QString &body);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    /// Separate windows: a window of this kind that holds exactly one conversation, owned by `owner`.
    ChatWindow(AccountSession *session, AppSettings *settings, ChatWindow *owner);
    ChatTab *ensureTab(const Jid &bareJid);
    void handleMessage(const StoredMessage &message, bool duplicate, int origin);
    void updateTitle();
    void updateTabText(ChatTab *tab);
    void handleCurrentChanged(int index);
    void emitUnread();
    /// Tab titles, the unread total and notifications, once per event-loop turn however many messages came.
    void scheduleFlush(int delayMs = 0);
    void flush();

    struct PendingNotice
    {
        int count = 0; ///< messages not told yet
        QString body; ///< the last of them
        QElapsedTimer sinceLast; ///< since the last notify() of this conversation (invalid: never)
    };

    AccountSession *m_session;
    AppSettings *m_settings;
    QTabWidget *m_tabs;
    ChatWindow *m_owner = nullptr;
    QPointer<ChatTab> m_previous;
    QHash<Jid, QPointer<ChatWindow>> m_windows; ///< separate windows by conversation
    int m_lastTotal = 0;
    QTimer *m_flushTimer;
    QList<QPointer<ChatTab>> m_dirtyTabs; ///< whose title to update
    QHash<Jid, PendingNotice> m_notices;
    int m_notifyIntervalMs = 3000;
};

} // namespace confab::ui
