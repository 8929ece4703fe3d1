// SPDX-License-Identifier: Apache-2.0
#include "chat/ChatTab.h"

#include "chat/ChatHistoryModel.h"
#include "chat/Composer.h"
#include "chat/MessageDelegate.h"
#include "chat/MessageView.h"
#include "chat/SearchBar.h"
#include "common/AppSettings.h"
#include "common/Avatar.h"
#include "common/PresenceStyle.h"
#include "models/ConversationModel.h"
#include "models/RosterModel.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPointer>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {
constexpr int AvatarSize = 36;
constexpr int PausedAfterMs = 5000; // XEP-0085 §5.3: paused after a few seconds without typing
} // namespace

ChatTab::ChatTab(AccountSession *session, AppSettings *settings, const Jid &contact, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    , m_contact(contact.bare())
    , m_conversation(new ConversationModel(session->messages(), m_contact, this))
    , m_history(new ChatHistoryModel(
          m_conversation, session->messages(), [this](const QString &jid) { return nameOf(jid); }, this))
    , m_view(new MessageView(this))
    , m_searchBar(new SearchBar(this))
    , m_typing(new QLabel(this))
    , m_editBar(new QWidget(this))
    , m_storageWarning(new QLabel(this))
    , m_composer(new Composer(this))
    , m_pauseTimer(new QTimer(this))
{
    setAccessibleName(tr("Chat with %1").arg(displayName()));
    m_view->setHistory(m_history);
    m_searchBar->hide();

    m_typing->setAccessibleName(tr("Typing notification"));
    QFont italic = m_typing->font();
    italic.setItalic(true);
    m_typing->setFont(italic);
    m_typing->setForegroundRole(QPalette::PlaceholderText);
    m_typing->setFixedHeight(m_typing->fontMetrics().height() + 2);
    m_typing->setContentsMargins(10, 0, 10, 0);

    auto *editLayout = new QHBoxLayout(m_editBar);
    editLayout->setContentsMargins(10, 2, 6, 2);
    auto *editLabel = new QLabel(tr("Editing your last message — Esc to cancel"), m_editBar);
    editLabel->setForegroundRole(QPalette::Highlight);
    auto *editCancel = new QToolButton(m_editBar);
    editCancel->setText(tr("Cancel"));
    editCancel->setAccessibleName(tr("Cancel editing"));
    editCancel->setAutoRaise(true);
    editLayout->addWidget(editLabel, 1);
    editLayout->addWidget(editCancel);
    m_editBar->setAccessibleName(tr("Editing"));
    m_editBar->hide();
    connect(editCancel, &QToolButton::clicked, this, &ChatTab::cancelEditing);

    // A message the history could not store (a full disk) is held by ChatManager, not sent: say so where it
    // was typed, until it is stored and sent.
    m_storageWarning->setObjectName(u"storageWarning"_s);
    m_storageWarning->setAccessibleName(tr("Message not saved"));
    m_storageWarning->setWordWrap(true);
    m_storageWarning->setContentsMargins(10, 4, 10, 4);
    m_storageWarning->setForegroundRole(QPalette::BrightText);
    m_storageWarning->setBackgroundRole(QPalette::Highlight);
    m_storageWarning->setAutoFillBackground(true);
    const auto showStorageProblem = [this](const QString &problem) {
        m_storageWarning->setText(problem);
        m_storageWarning->setVisible(!problem.isEmpty());
    };
    showStorageProblem(m_session->chats()->storageProblem());
    connect(m_session->chats(), &ChatManager::storageProblemChanged, this, showStorageProblem);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader());
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_typing);
    layout->addWidget(m_editBar);
    layout->addWidget(m_storageWarning);
    layout->addWidget(m_composer);
    setFocusProxy(m_composer);

    m_pauseTimer->setSingleShot(true);
    m_pauseTimer->setInterval(PausedAfterMs);
    connect(m_pauseTimer, &QTimer::timeout, this, [this] { setOwnState(ChatManager::ChatState::Paused); });

    connect(m_composer, &Composer::submitted, this, &ChatTab::submit);
    connect(m_composer, &Composer::editLastRequested, this, &ChatTab::editLast);
    connect(m_composer, &Composer::cancelRequested, this, &ChatTab::cancel);
    connect(m_composer, &Composer::focusEntered, this, [this] {
        if (m_ownState && *m_ownState != ChatManager::ChatState::Composing) {
            setOwnState(ChatManager::ChatState::Active);
        }
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ChatTab::handleTextChanged);
    connect(m_searchBar, &SearchBar::searchRequested, this, &ChatTab::runSearch);
    connect(m_searchBar, &SearchBar::closeRequested, this, &ChatTab::closeSearch);
    connect(m_searchBar, &SearchBar::nextRequested, this, [this] {
        if (!m_results.isEmpty()) {
            m_resultIndex = (m_resultIndex + int(m_results.size()) - 1) % int(m_results.size());
            showSearchResult();
        }
    });
    connect(m_searchBar, &SearchBar::previousRequested, this, [this] {
        if (!m_results.isEmpty()) {
            m_resultIndex = (m_resultIndex + 1) % int(m_results.size());
            showSearchResult();
        }
    });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &ChatTab::openSearch);

    connect(m_view, &MessageView::linkActivated, this, &ChatTab::handleLink);
    connect(m_conversation, &ConversationModel::pageLoaded, this, &ChatTab::handlePageLoaded);
    connect(m_session->chats(), &ChatManager::chatStateChanged, this, &ChatTab::handleChatState);
    connect(m_session->presence(), &PresenceManager::presencesChanged, this, [this](const QList<Jid> &jids) {
        if (jids.contains(m_contact)) {
            updateHeader();
            updateResources();
        }
    });
    connect(m_session->avatars(), &AvatarManager::avatarChanged, this, [this](const Jid &jid) {
        if (jid.bare() == m_contact) {
            updateAvatar();
        }
    });
    connect(m_session->rosterModel(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
            if (!roles.isEmpty() && !roles.contains(RosterModel::NameRole)) {
                return;
            }
            const QModelIndex mine = m_session->rosterModel()->indexOf(m_contact);
            if (mine.isValid() && mine.parent() == topLeft.parent() && mine.row() >= topLeft.row()
                && mine.row() <= bottomRight.row()) {
                updateHeader();
                m_history->namesChanged();
            }
        });

    // The roster may arrive after the tab opened (a chat opened from a link at sign-in): the name follows.
    const auto rosterArrived = [this] {
        updateHeader();
        m_history->namesChanged();
    };
    connect(m_session->rosterModel(), &QAbstractItemModel::modelReset, this, rosterArrived);
    connect(m_session->rosterModel(), &QAbstractItemModel::rowsInserted, this, [this, rosterArrived] {
        if (displayName() != m_name->text()) {
            rosterArrived();
        }
    });

    updateHeader();
    updateAvatar();
    updateResources();
    m_conversation->fetchMore({});
}

ChatTab::~ChatTab()
{
    // XEP-0085 §5.1: the conversation is over when its window closes.
    if (m_ownState) {
        setOwnState(ChatManager::ChatState::Gone);
    }
}

QString ChatTab::nameOf(const QString &bareJid) const
{
    if (bareJid == m_contact.bareString()) {
        return displayName();
    }
    return bareJid;
}

QString ChatTab::displayName() const
{
    const QModelIndex index = m_session->rosterModel()->indexOf(m_contact);
    const QString name = index.isValid() ? index.data(RosterModel::NameRole).toString() : QString();
    return name.trimmed().isEmpty() ? m_contact.bareString() : name;
}

bool ChatTab::isSeen() const
{
    const QWidget *top = window();
    return isVisible() && top->isActiveWindow() && !top->isMinimized();
}

QWidget *ChatTab::buildHeader()
{
    auto *header = new QWidget(this);
    header->setAccessibleName(tr("Contact"));
    m_avatar = new QLabel(header);
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    m_avatar->setAccessibleName(tr("Avatar"));
    m_name = new QLabel(header);
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_presenceIcon = new QLabel(header);
    m_status = new QLabel(header);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_resources = new QComboBox(header);
    m_resources->setAccessibleName(tr("Send to"));
    m_resources->setToolTip(tr("Where your messages go: automatically to the device that last wrote, or one "
                               "device of your choice"));
    m_resources->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_resources, &QComboBox::activated, this, [this](int row) {
        m_session->chats()->setPreferredResource(m_contact, m_resources->itemData(row).toString());
    });

    auto *statusLine = new QHBoxLayout;
    statusLine->setSpacing(4);
    statusLine->addWidget(m_presenceIcon);
    statusLine->addWidget(m_status, 1);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(0);
    texts->addWidget(m_name);
    texts->addLayout(statusLine);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_avatar);
    layout->addLayout(texts, 1);
    layout->addWidget(m_resources);
    return header;
}

void ChatTab::updateHeader()
{
    const QString name = displayName();
    m_name->setText(name);
    m_name->setAccessibleName(name);
    const Presence presence = m_session->presence()->aggregate(m_contact);
    const qreal ratio = devicePixelRatioF();
    m_presenceIcon->setPixmap(PresenceStyle::icon(presence.show, 12).pixmap(QSize(12, 12), ratio));
    m_presenceIcon->setAccessibleName(PresenceStyle::name(presence.show));
    const QString statusText = presence.status.isEmpty()
        ? PresenceStyle::name(presence.show)
        : tr("%1 — %2").arg(PresenceStyle::name(presence.show), presence.status.simplified());
    m_status->setText(m_status->fontMetrics().elidedText(statusText, Qt::ElideRight, qMax(80, m_status->width())));
    m_status->setToolTip(statusText);
    m_status->setAccessibleName(statusText);
    setAccessibleName(tr("Chat with %1").arg(name));
    Q_EMIT titleChanged();
}

void ChatTab::updateAvatar()
{
    const QImage image = m_session->avatars()->avatar(m_contact);
    m_avatar->setPixmap(Avatar::pixmap(AvatarSize, devicePixelRatioF(), image, displayName(), m_contact.bareString()));
}

void ChatTab::updateResources()
{
    const QList<Presence> resources = m_session->presence()->resources(m_contact);
    const QString current = m_resources->currentData().toString();
    m_resources->clear();
    m_resources->addItem(tr("Automatic"), QString());
    int keep = 0;
    for (const Presence &presence : resources) {
        const QString resource = presence.from.resource();
        m_resources->addItem(PresenceStyle::icon(presence.show), resource, resource);
        if (!current.isEmpty() && resource == current) {
            keep = m_resources->count() - 1;
        }
    }
    m_resources->setCurrentIndex(keep);
    if (keep == 0 && !current.isEmpty()) {
        // The chosen device went away: back to automatic routing.
        m_session->chats()->setPreferredResource(m_contact, QString());
    }
    m_resources->setVisible(!resources.isEmpty());
    m_view->messageDelegate()->setShowResources(resources.size() > 1);
}

void ChatTab::handleChatState(const Jid &from, ChatManager::ChatState state)
{
    if (from.bare() != m_contact) {
        return;
    }
    switch (state) {
    case ChatManager::ChatState::Composing:
        m_typing->setText(tr("%1 is typing…").arg(displayName()));
        break;
    case ChatManager::ChatState::Paused:
        m_typing->setText(tr("%1 stopped typing").arg(displayName()));
        break;
    default:
        m_typing->clear();
        break;
    }
}

void ChatTab::handleIncoming(const StoredMessage &message)
{
    m_typing->clear();
    if (isSeen()) {
        updateSeen();
        return;
    }
    if (m_markerSeen) {
        m_view->messageDelegate()->setUnreadMarker(message.id);
        m_markerSeen = false;
        m_view->viewport()->update();
    }
    ++m_unread;
    Q_EMIT unreadCountChanged(m_unread);
}

void ChatTab::updateSeen()
{
    if (!isSeen()) {
        return;
    }
    m_markerSeen = true;
    if (m_unread != 0) {
        m_unread = 0;
        Q_EMIT unreadCountChanged(0);
    }
    qint64 newestIncoming = 0;
    for (int row = m_history->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_history->index(row, 0);
        if (!index.data(ConversationModel::OutgoingRole).toBool()) {
            newestIncoming = index.data(ConversationModel::IdRole).toLongLong();
            break;
        }
    }
    if (newestIncoming > m_lastMarked) {
        m_lastMarked = newestIncoming;
        if (m_settings->sendReadMarkers()) {
            m_session->chats()->markDisplayed(m_contact, newestIncoming);
        } else {
            m_session->messages()->markRead(m_contact, newestIncoming);
        }
    }
}

void ChatTab::tabLeft()
{
    if (m_ownState) {
        m_pauseTimer->stop();
        setOwnState(ChatManager::ChatState::Inactive);
    }
}

void ChatTab::focusComposer()
{
    m_composer->setFocus(Qt::OtherFocusReason);
}

void ChatTab::setOwnState(ChatManager::ChatState state)
{
    if (!m_settings->sendChatStates() || m_ownState == state) {
        return;
    }
    m_ownState = state;
    m_session->chats()->setChatState(m_contact, state);
}

void ChatTab::handleTextChanged()
{
    if (m_composer->document()->isEmpty()) {
        m_pauseTimer->stop();
        if (m_ownState == ChatManager::ChatState::Composing || m_ownState == ChatManager::ChatState::Paused) {
            setOwnState(ChatManager::ChatState::Active);
        }
        return;
    }
    setOwnState(ChatManager::ChatState::Composing);
    m_pauseTimer->start();
}

void ChatTab::submit(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return;
    }
    if (m_editing) {
        m_session->chats()->correctLast(m_contact, text).then(this, [this](bool corrected) {
            if (!corrected) {
                // XEP-0308 corrects only the last message this session sent.
                m_typing->setText(tr("That message can no longer be corrected."));
            }
        });
        cancelEditing();
    } else {
        m_session->chats()->send(m_contact, text);
        m_composer->clear();
    }
    m_pauseTimer->stop();
    // The message itself tells the contact we are active (XEP-0085 §5.2).
    if (m_settings->sendChatStates()) {
        m_ownState = ChatManager::ChatState::Active;
    }
    m_view->scrollToNewest();
}

void ChatTab::editLast()
{
    for (int row = m_history->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_history->index(row, 0);
        if (index.data(ConversationModel::OutgoingRole).toBool()) {
            m_editing = true;
            m_editBar->show();
            m_composer->setPlainText(index.data(ConversationModel::BodyRole).toString());
            m_composer->moveCursor(QTextCursor::End);
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return;
        }
    }
}

void ChatTab::cancelEditing()
{
    if (!m_editing) {
        return;
    }
    m_editing = false;
    m_editBar->hide();
    m_composer->clear();
    m_view->clearSelection();
    focusComposer();
}

bool ChatTab::cancel()
{
    if (m_searchBar->isVisible()) {
        closeSearch();
        return true;
    }
    if (m_editing) {
        cancelEditing();
        return true;
    }
    return false;
}

void ChatTab::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && cancel()) {
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ChatTab::openSearch()
{
    m_searchBar->activate();
}

void ChatTab::closeSearch()
{
    m_searchBar->hide();
    ++m_searchGeneration;
    m_results.clear();
    m_pendingJump = 0;
    m_view->messageDelegate()->setHighlight(QString());
    m_view->viewport()->update();
    focusComposer();
}

void ChatTab::runSearch(const QString &text)
{
    const int generation = ++m_searchGeneration;
    m_results.clear();
    m_pendingJump = 0;
    m_view->messageDelegate()->setHighlight(text.trimmed());
    m_view->viewport()->update();
    if (text.trimmed().isEmpty()) {
        m_searchBar->setResults(0, -1);
        return;
    }
    m_session->messages()
        ->search(text.trimmed(), m_contact, 200)
        .then(this, [this, generation](const QList<StoredMessage> &found) {
            if (generation != m_searchGeneration) {
                return;
            }
            m_results.clear();
            for (const StoredMessage &message : found) {
                m_results.append(message.id);
            }
            m_resultIndex = 0;
            m_searchBar->setResults(0, int(m_results.size()));
            showSearchResult();
        });
}

void ChatTab::showSearchResult()
{
    if (m_results.isEmpty()) {
        return;
    }
    m_searchBar->setResults(m_resultIndex, int(m_results.size()));
    const qint64 id = m_results.at(m_resultIndex);
    const int row = m_conversation->rowOf(id);
    if (row >= 0) {
        m_pendingJump = 0;
        const QModelIndex index = m_history->index(row, 0);
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        return;
    }
    // Older than what is loaded: load pages until it is (handlePageLoaded() comes back here).
    m_pendingJump = id;
    if (m_history->canLoadOlder()) {
        m_history->loadOlder();
    }
}

void ChatTab::handlePageLoaded()
{
    if (m_firstPage) {
        m_firstPage = false;
        // The first unread message of what was stored gets the "New messages" line.
        for (int row = 0; row < m_history->rowCount(); ++row) {
            const QModelIndex index = m_history->index(row, 0);
            if (!index.data(ConversationModel::OutgoingRole).toBool()
                && StoredMessage::State(index.data(ConversationModel::StateRole).toInt())
                    == StoredMessage::State::Received) {
                m_view->messageDelegate()->setUnreadMarker(index.data(ConversationModel::IdRole).toLongLong());
                m_markerSeen = false;
                break;
            }
        }
        m_view->scrollToNewest();
        updateSeen();
    }
    if (m_pendingJump != 0) {
        if (m_conversation->rowOf(m_pendingJump) >= 0 || !m_history->canLoadOlder()) {
            QTimer::singleShot(0, this, &ChatTab::showSearchResult);
        } else {
            m_history->loadOlder();
        }
    }
}

void ChatTab::handleLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"xmpp") {
        // RFC 5122: xmpp:user@host?query; the path is the address.
        const Jid jid = Jid::fromString(url.path());
        if (jid.isValid()) {
            Q_EMIT openChatRequested(jid.bare());
        }
        return;
    }
    if (scheme == u"http" || scheme == u"https") {
        QDesktopServices::openUrl(url);
    }
}

} // namespace confab::ui
