// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "storage/MessageStore.h"

#include <QAbstractListModel>
#include <QList>

namespace confab {

/// The recent chats: conversations by last activity, newest first, with their last message and unread
/// count. Loaded once from MessageStore::conversations(), then kept up to date row by row from the store's
/// signals: a conversation with a new message moves up (a row move, never a reset).
class RecentChatsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        JidRole = Qt::UserRole + 1, ///< the contact's bare JID as a string
        LastBodyRole,
        LastTimestampRole, ///< QDateTime (UTC)
        LastOutgoingRole, ///< bool: the last message is ours
        UnreadCountRole, ///< int
    };
    Q_ENUM(Role)

    explicit RecentChatsModel(MessageStore *store, QObject *parent = nullptr);
    ~RecentChatsModel() override;

    /// Loads the list from the store (a reset); emits loaded() when done.
    void reload(int limit = 200);
    /// The row of a conversation, or -1.
    int rowOf(const Jid &conversation) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();

private:
    void handleMessageAdded(const StoredMessage &message);
    void handleMessageUpdated(const StoredMessage &message);
    void handleConversationRead(const Jid &conversation, qint64 upToId);
    /// Where a conversation whose last message is `last` belongs, among the rows other than `skipRow`.
    int positionFor(const StoredMessage &last, int skipRow) const;
    void moveRow(int from, int to);

    MessageStore *m_store;
    QList<MessageStore::Conversation> m_conversations; ///< newest first
    int m_limit = 200;
};

} // namespace confab
