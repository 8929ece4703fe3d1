// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "storage/StoredMessage.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

namespace confab {

class MessageStore;

/// The messages of one conversation, oldest at the top, for a chat view. Only what the view asked for is
/// held: the newest page first, then one older page per fetchMore() as the view scrolls up (paged by "before
/// this id", never OFFSET), so memory depends on how far the user scrolled, not on the history's length.
/// New messages of the conversation are appended and updated ones change in place (MessageStore signals).
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< qint64, the store's row id
        SenderRole, ///< the sender's bare JID as a string
        BodyRole,
        TimestampRole, ///< QDateTime (UTC)
        StateRole, ///< StoredMessage::State as int
        OutgoingRole, ///< bool
        EditedRole, ///< bool: corrected (XEP-0308)
        ResourceRole, ///< the sender's resource
    };
    Q_ENUM(Role)

    static constexpr int DefaultPageSize = 50;

    ConversationModel(MessageStore *store, const Jid &conversation, QObject *parent = nullptr);
    ~ConversationModel() override;

    const Jid &conversation() const { return m_conversation; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    /// Whether a page is being loaded.
    bool isLoading() const { return m_loading; }
    /// Whether the oldest message of the conversation is loaded.
    bool isComplete() const { return m_complete; }
    /// The row of a message, or -1 when it is not loaded.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// The accessible description of a message: time, sender, body and delivery state in words.
    static QString accessibleText(const StoredMessage &message);
    /// The delivery state in words (translated).
    static QString stateText(StoredMessage::State state);

Q_SIGNALS:
    /// A page requested by fetchMore() arrived with `count` messages (0 at the start of the conversation).
    void pageLoaded(int count);

private:
    void handleMessageAdded(const StoredMessage &message);
    void handleMessageUpdated(const StoredMessage &message);
    void handlePage(const QList<StoredMessage> &messages);

    MessageStore *m_store;
    Jid m_conversation;
    QList<StoredMessage> m_messages; ///< oldest first
    /// id → serial number; row = serial - m_firstSerial, so prepending a page never renumbers the hash.
    QHash<qint64, qint64> m_serials;
    qint64 m_firstSerial = 0;
    int m_pageSize = DefaultPageSize;
    bool m_loading = false;
    bool m_complete = false;
};

} // namespace confab
