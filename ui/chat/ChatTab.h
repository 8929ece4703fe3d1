// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xmpp/chat/ChatManager.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;

namespace confab {
class AccountSession;
class ConversationModel;
struct StoredMessage;
} // namespace confab

namespace confab::ui {

class AppSettings;
class ChatHistoryModel;
class Composer;
class MessageView;
class SearchBar;

/// One conversation: the contact's header (avatar, name, presence, status, where replies go), the history,
/// "is typing", and the composer. It sends chat states (XEP-0085) and read markers (XEP-0333) as the
/// settings allow, corrects the last message (XEP-0308, Up in an empty composer) and searches the history
/// (Ctrl+F). The window routes incoming messages to it (handleIncoming()).
class ChatTab : public QWidget
{
    Q_OBJECT
public:
    ChatTab(AccountSession *session, AppSettings *settings, const Jid &contact, QWidget *parent = nullptr);
    ~ChatTab() override;

    const Jid &contact() const { return m_contact; }
    /// The roster name, else the bare JID.
    QString displayName() const;
    int unreadCount() const { return m_unread; }
    bool isEditing() const { return m_editing; }
    /// Whether the user is looking at this tab: visible, in the active window.
    bool isSeen() const;

    Composer *composer() const { return m_composer; }
    MessageView *view() const { return m_view; }
    SearchBar *searchBar() const { return m_searchBar; }
    ChatHistoryModel *history() const { return m_history; }
    ConversationModel *conversation() const { return m_conversation; }
    QComboBox *resourceSelector() const { return m_resources; }
    QLabel *typingLabel() const { return m_typing; }

    /// A new incoming message of this conversation (live or carbon): counted unread unless seen.
    void handleIncoming(const StoredMessage &message);
    /// The window says this tab became (or stopped being) the current one, or the window's activation
    /// changed: unread count, read markers and chat states follow.
    void updateSeen();
    void tabLeft();
    void focusComposer();

    void openSearch();
    void closeSearch();
    /// Up in an empty composer: puts our last message there to correct it.
    void editLast();
    void cancelEditing();
    /// Esc: closes the search bar, else leaves editing; false when there was nothing to cancel.
    bool cancel();

Q_SIGNALS:
    void unreadCountChanged(int count);
    /// The name or the presence shown for the contact changed.
    void titleChanged();
    /// An xmpp: link was clicked.
    void openChatRequested(const confab::Jid &bareJid);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *buildHeader();
    void updateHeader();
    void updateAvatar();
    void updateResources();
    void handleChatState(const Jid &from, ChatManager::ChatState state);
    void handleTextChanged();
    void submit(const QString &text);
    void setOwnState(ChatManager::ChatState state);
    void runSearch(const QString &text);
    void showSearchResult();
    void handlePageLoaded();
    void handleLink(const QUrl &url);
    QString nameOf(const QString &bareJid) const;

    AccountSession *m_session;
    AppSettings *m_settings;
    Jid m_contact;
    ConversationModel *m_conversation;
    ChatHistoryModel *m_history;

    QLabel *m_avatar = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_presenceIcon = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_resources = nullptr;
    MessageView *m_view;
    SearchBar *m_searchBar;
    QLabel *m_typing;
    QWidget *m_editBar;
    QLabel *m_storageWarning; ///< ChatManager::storageProblem(): a message kept in memory, not yet saved or sent
    Composer *m_composer;
    QTimer *m_pauseTimer;

    int m_unread = 0;
    qint64 m_lastMarked = 0;
    bool m_markerSeen = true; ///< the "New messages" line was seen: the next missed message moves it
    bool m_firstPage = true;
    bool m_editing = false;
    std::optional<ChatManager::ChatState> m_ownState;
    QList<qint64> m_results; ///< search results, newest first
    int m_resultIndex = 0;
    int m_searchGeneration = 0;
    qint64 m_pendingJump = 0; ///< a result being loaded page by page
};

} // namespace confab::ui
