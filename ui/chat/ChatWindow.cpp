// SPDX-License-Identifier: Apache-2.0
#include "chat/ChatWindow.h"

#include "chat/ChatTab.h"
#include "common/AppSettings.h"
#include "common/PresenceStyle.h"
#include "session/AccountSession.h"
#include "storage/StoredMessage.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QApplication>
#include <QCloseEvent>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

ChatWindow::ChatWindow(AccountSession *session, AppSettings *settings, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &ChatWindow::flush);
    setAccessibleName(tr("Chats"));
    setWindowTitle(tr("Confab"));
    resize(560, 640);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->tabBar()->setAccessibleName(tr("Conversations"));
    m_tabs->tabBar()->setElideMode(Qt::ElideRight);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &ChatWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ChatWindow::handleCurrentChanged);

    const auto shortcut = [this](const QList<QKeySequence> &keys, auto handler) {
        auto *s = new QShortcut(this);
        s->setKeys(keys);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, handler);
    };
    const auto step = [this](int by) {
        const int count = m_tabs->count();
        if (count > 1) {
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + by + count) % count);
        }
    };
    shortcut({ QKeySequence(Qt::CTRL | Qt::Key_Tab) }, [step] { step(1); });
    shortcut({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab) }, [step] { step(-1); });
    shortcut({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab) }, [step] { step(-1); });
    shortcut({ QKeySequence(Qt::CTRL | Qt::Key_PageDown) }, [step] { step(1); });
    shortcut({ QKeySequence(Qt::CTRL | Qt::Key_PageUp) }, [step] { step(-1); });
    QList<QKeySequence> close = QKeySequence::keyBindings(QKeySequence::Close);
    if (!close.contains(QKeySequence(Qt::CTRL | Qt::Key_W))) {
        close.append(QKeySequence(Qt::CTRL | Qt::Key_W));
    }
    shortcut(close, [this] {
        if (m_tabs->currentIndex() >= 0) {
            closeTab(m_tabs->currentIndex());
        }
    });

    connect(m_session->chats(), &ChatManager::messageReceived, this,
        [this](const StoredMessage &message, const XmlElement &, ChatManager::Origin origin, bool duplicate) {
            handleMessage(message, duplicate, int(origin));
        });
    connect(m_session->presence(), &PresenceManager::presencesChanged, this, [this](const QList<Jid> &jids) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            auto *tab = static_cast<ChatTab *>(m_tabs->widget(i));
            if (jids.contains(tab->contact())) {
                updateTabText(tab);
            }
        }
    });
}

ChatWindow::ChatWindow(AccountSession *session, AppSettings *settings, ChatWindow *owner)
    : ChatWindow(session, settings, static_cast<QWidget *>(nullptr))
{
    m_owner = owner;
    // Only the owner routes messages; a separate window holds the tab it is given.
    disconnect(m_session->chats(), &ChatManager::messageReceived, this, nullptr);
    m_tabs->tabBar()->setAutoHide(true);
}

ChatWindow::~ChatWindow()
{
    for (const auto &window : std::as_const(m_windows)) {
        delete window.data();
    }
}

ChatTab *ChatWindow::tab(const Jid &bareJid) const
{
    const Jid bare = bareJid.bare();
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = static_cast<ChatTab *>(m_tabs->widget(i));
        if (tab->contact() == bare) {
            return tab;
        }
    }
    const auto window = m_windows.value(bare);
    return window ? window->tab(bare) : nullptr;
}

ChatTab *ChatWindow::currentTab() const
{
    return static_cast<ChatTab *>(m_tabs->currentWidget());
}

int ChatWindow::unreadCount() const
{
    int total = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        total += static_cast<ChatTab *>(m_tabs->widget(i))->unreadCount();
    }
    for (const auto &window : std::as_const(m_windows)) {
        if (window) {
            total += window->unreadCount();
        }
    }
    return total;
}

ChatTab *ChatWindow::ensureTab(const Jid &bareJid)
{
    const Jid bare = bareJid.bare();
    if (ChatTab *existing = tab(bare)) {
        return existing;
    }
    if (m_settings->separateChatWindows() && !m_owner) {
        auto *window = new ChatWindow(m_session, m_settings, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        m_windows.insert(bare, window);
        connect(window, &ChatWindow::unreadCountChanged, this, &ChatWindow::emitUnread);
        connect(window, &QObject::destroyed, this, [this, bare] {
            m_windows.remove(bare);
            emitUnread();
        });
        return window->ensureTab(bare);
    }
    auto *tab = new ChatTab(m_session, m_settings, bare, m_tabs);
    const bool first = m_tabs->count() == 0;
    const QSignalBlocker blocker(m_tabs); // the caller decides whether it becomes current
    m_tabs->addTab(tab, tab->displayName());
    if (first) {
        m_previous = tab;
    }
    connect(tab, &ChatTab::unreadCountChanged, this, [this, tab] {
        // A burst counts up once per message: the title and the total follow once per turn.
        if (!m_dirtyTabs.contains(tab)) {
            m_dirtyTabs.append(tab);
        }
        scheduleFlush();
    });
    connect(tab, &ChatTab::titleChanged, this, [this, tab] {
        updateTabText(tab);
        if (tab == currentTab()) {
            updateTitle();
        }
    });
    ChatWindow *router = m_owner ? m_owner : this;
    connect(tab, &ChatTab::openChatRequested, router, &ChatWindow::openChat);
    updateTabText(tab);
    if (first) {
        updateTitle();
    }
    return tab;
}

void ChatWindow::openChat(const Jid &bareJid)
{
    ChatTab *chat = ensureTab(bareJid);
    auto *holder = static_cast<ChatWindow *>(chat->window());
    holder->m_tabs->setCurrentWidget(chat);
    holder->handleCurrentChanged(holder->m_tabs->currentIndex());
    if (holder->isMinimized()) {
        holder->showNormal();
    } else {
        holder->show();
    }
    holder->raise();
    holder->activateWindow();
    chat->focusComposer();
    chat->updateSeen();
}

void ChatWindow::closeTab(int index)
{
    auto *tab = static_cast<ChatTab *>(m_tabs->widget(index));
    if (!tab) {
        return;
    }
    m_tabs->removeTab(index);
    const bool hadUnread = tab->unreadCount() > 0;
    delete tab; // sends "gone" (XEP-0085)
    if (hadUnread) {
        emitUnread();
    }
    if (m_tabs->count() == 0) {
        close();
    } else {
        updateTitle();
    }
}

void ChatWindow::handleMessage(const StoredMessage &message, bool duplicate, int origin)
{
    const auto how = ChatManager::Origin(origin);
    // Archive catch-up fills history quietly; a copy of a message we already had is no news.
    if (duplicate || message.isOutgoing() || how == ChatManager::Origin::Archive
        || how == ChatManager::Origin::CarbonSent || message.body.isEmpty()) {
        return;
    }
    const Jid bare = message.conversation.bare();
    ChatTab *chat = ensureTab(bare);
    auto *holder = static_cast<ChatWindow *>(chat->window());
    // A hidden window stays hidden: the tray notifies (notify()), and opening the chat shows it. A visible one
    // gets the tab in the background and asks for attention, never taking the keyboard.
    chat->handleIncoming(message);
    if (!chat->isSeen()) {
        PendingNotice &notice = m_notices[bare];
        ++notice.count;
        notice.body = message.body;
        scheduleFlush();
        if (holder->isVisible()) {
            QApplication::alert(holder); // idempotent while the window asks already
        }
    }
}

void ChatWindow::setNotifyInterval(int ms)
{
    m_notifyIntervalMs = std::max(ms, 0);
    scheduleFlush(); // what waited for the old interval may be due now
}

void ChatWindow::scheduleFlush(int delayMs)
{
    if (!m_flushTimer->isActive() || m_flushTimer->remainingTime() > delayMs) {
        m_flushTimer->start(delayMs);
    }
}

void ChatWindow::flush()
{
    for (const QPointer<ChatTab> &tab : std::exchange(m_dirtyTabs, {})) {
        if (tab) {
            updateTabText(tab);
        }
    }
    emitUnread();

    int nextMs = -1;
    for (auto it = m_notices.begin(); it != m_notices.end();) {
        PendingNotice &notice = it.value();
        ChatTab *chat = tab(it.key());
        if (notice.count == 0 || !chat || chat->isSeen()) {
            notice.count = 0; // seen meanwhile: nothing to tell
            if (!notice.sinceLast.isValid() || notice.sinceLast.hasExpired(notifyInterval())) {
                it = m_notices.erase(it);
                continue;
            }
            ++it;
            continue;
        }
        if (notice.sinceLast.isValid() && !notice.sinceLast.hasExpired(notifyInterval())) {
            const int waitMs = notifyInterval() - int(notice.sinceLast.elapsed());
            nextMs = nextMs < 0 ? waitMs : std::min(nextMs, waitMs);
            ++it;
            continue;
        }
        const QString body = notice.count == 1 ? notice.body
                                               //: A notification for several messages: how many, then the last one
                                               : tr("%n new messages", nullptr, notice.count) + u'\n' + notice.body;
        notice.count = 0;
        notice.sinceLast.start();
        Q_EMIT notify(it.key(), chat->displayName(), body);
        ++it;
    }
    if (nextMs >= 0) {
        scheduleFlush(std::max(nextMs, 1));
    } else if (!m_notices.isEmpty()) {
        scheduleFlush(notifyInterval()); // forget the quiet conversations
    }
}

void ChatWindow::updateTabText(ChatTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0) {
        return;
    }
    const QString name = tab->displayName();
    //: Tab title with unread messages: name (count)
    const QString text = tab->unreadCount() > 0 ? tr("%1 (%2)").arg(name).arg(tab->unreadCount()) : name;
    m_tabs->setTabText(index, QString(text).replace(u'&', u"&&"_s));
    m_tabs->setTabIcon(index, PresenceStyle::icon(m_session->presence()->aggregate(tab->contact()).show));
    m_tabs->setTabToolTip(index, tab->contact().bareString());
    if (tab->unreadCount() > 0) {
        m_tabs->tabBar()->setAccessibleTabName(index, tr("%1, %n unread", nullptr, tab->unreadCount()).arg(name));
    } else {
        m_tabs->tabBar()->setAccessibleTabName(index, name);
    }
}

void ChatWindow::updateTitle()
{
    const ChatTab *tab = currentTab();
    //: Chat window title: the contact's name — application name
    setWindowTitle(tab ? tr("%1 — Confab").arg(tab->displayName()) : tr("Confab"));
}

void ChatWindow::handleCurrentChanged(int)
{
    ChatTab *current = currentTab();
    if (m_previous && m_previous != current) {
        m_previous->tabLeft();
    }
    m_previous = current;
    updateTitle();
    if (current) {
        current->updateSeen();
    }
}

void ChatWindow::emitUnread()
{
    const int total = unreadCount();
    if (total != m_lastTotal) {
        m_lastTotal = total;
        Q_EMIT unreadCountChanged(total);
    }
}

void ChatWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ActivationChange || event->type() == QEvent::WindowStateChange) {
        if (ChatTab *current = currentTab()) {
            current->updateSeen();
        }
    }
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window ends every conversation in it; history stays.
    while (m_tabs->count() > 0) {
        auto *tab = static_cast<ChatTab *>(m_tabs->widget(0));
        m_tabs->removeTab(0);
        delete tab;
    }
    m_previous = nullptr;
    emitUnread();
    if (m_owner) {
        m_owner->emitUnread();
    }
    event->accept();
}

} // namespace confab::ui
