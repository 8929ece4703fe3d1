// SPDX-License-Identifier: Apache-2.0
#include "models/RecentChatsModel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

/// The store's order: last activity by time, then by row id.
bool newerThan(const StoredMessage &a, const StoredMessage &b)
{
    return a.timestamp != b.timestamp ? a.timestamp > b.timestamp : a.id > b.id;
}

} // namespace

RecentChatsModel::RecentChatsModel(MessageStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(m_store, &MessageStore::messageAdded, this, &RecentChatsModel::handleMessageAdded);
    connect(m_store, &MessageStore::messageUpdated, this, &RecentChatsModel::handleMessageUpdated);
    connect(m_store, &MessageStore::conversationRead, this, &RecentChatsModel::handleConversationRead);
}

RecentChatsModel::~RecentChatsModel() = default;

void RecentChatsModel::reload(int limit)
{
    m_limit = limit;
    m_store->conversations(limit).then(this, [this](const QList<MessageStore::Conversation> &conversations) {
        beginResetModel();
        m_conversations = conversations;
        endResetModel();
        Q_EMIT loaded();
    });
}

int RecentChatsModel::rowOf(const Jid &conversation) const
{
    // A few hundred rows at most: a scan is cheaper than keeping a hash in step with every move.
    for (qsizetype row = 0; row < m_conversations.size(); ++row) {
        if (m_conversations.at(row).jid == conversation) {
            return int(row);
        }
    }
    return -1;
}

int RecentChatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

QVariant RecentChatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MessageStore::Conversation &conversation = m_conversations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case JidRole:
        return conversation.jid.bareString();
    case Qt::AccessibleTextRole:
        return QCoreApplication::translate("RecentChatsModel", "%1, %n unread: %2", nullptr, conversation.unread)
            .arg(conversation.jid.bareString(), conversation.last.body);
    case LastBodyRole:
        return conversation.last.body;
    case LastTimestampRole:
        return conversation.last.timestamp;
    case LastOutgoingRole:
        return conversation.last.isOutgoing();
    case UnreadCountRole:
        return conversation.unread;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecentChatsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(JidRole, "jid");
    names.insert(LastBodyRole, "lastBody");
    names.insert(LastTimestampRole, "lastTimestamp");
    names.insert(LastOutgoingRole, "lastOutgoing");
    names.insert(UnreadCountRole, "unreadCount");
    return names;
}

int RecentChatsModel::positionFor(const StoredMessage &last, int skipRow) const
{
    int position = 0;
    for (qsizetype row = 0; row < m_conversations.size(); ++row) {
        if (row != skipRow && newerThan(m_conversations.at(row).last, last)) {
            ++position;
        }
    }
    return position;
}

void RecentChatsModel::moveRow(int from, int to)
{
    if (from == to) {
        return;
    }
    // beginMoveRows takes the destination before the move: one past it when moving down.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_conversations.move(from, to);
    endMoveRows();
}

void RecentChatsModel::handleMessageAdded(const StoredMessage &message)
{
    const bool unread = !message.isOutgoing() && message.state == StoredMessage::State::Received;
    const int row = rowOf(message.conversation);
    if (row < 0) {
        MessageStore::Conversation conversation;
        conversation.jid = message.conversation;
        conversation.last = message;
        conversation.unread = unread ? 1 : 0;
        const int position = positionFor(message, -1);
        if (position >= m_limit) {
            return; // older than everything shown
        }
        beginInsertRows({}, position, position);
        m_conversations.insert(position, conversation);
        endInsertRows();
        return;
    }
    MessageStore::Conversation &conversation = m_conversations[row];
    conversation.unread += unread ? 1 : 0;
    if (!newerThan(message, conversation.last)) {
        // Backfilled from the archive: only the count changed.
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, { UnreadCountRole, Qt::AccessibleTextRole });
        return;
    }
    conversation.last = message;
    const int position = positionFor(message, row);
    moveRow(row, position);
    const QModelIndex changed = index(position);
    Q_EMIT dataChanged(changed, changed);
}

void RecentChatsModel::handleMessageUpdated(const StoredMessage &message)
{
    const int row = rowOf(message.conversation);
    if (row < 0 || m_conversations.at(row).last.id != message.id) {
        return;
    }
    m_conversations[row].last = message;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void RecentChatsModel::handleConversationRead(const Jid &conversation, qint64 upToId)
{
    const int row = rowOf(conversation);
    if (row < 0) {
        return;
    }
    if (upToId >= m_conversations.at(row).last.id) {
        m_conversations[row].unread = 0;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, { UnreadCountRole, Qt::AccessibleTextRole });
        return;
    }
    // Read only up to an older message: ask the store how many are left.
    m_store->conversations(m_limit).then(this, [this, conversation](const QList<MessageStore::Conversation> &list) {
        const int current = rowOf(conversation);
        if (current < 0) {
            return;
        }
        for (const MessageStore::Conversation &fresh : list) {
            if (fresh.jid == conversation) {
                m_conversations[current].unread = fresh.unread;
                const QModelIndex changed = index(current);
                Q_EMIT dataChanged(changed, changed, { UnreadCountRole, Qt::AccessibleTextRole });
                return;
            }
        }
    });
}

} // namespace confab
