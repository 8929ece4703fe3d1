// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "storage/StoredMessage.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <list>

namespace confab {

class MessageStore;

/// The messages of one conversation, oldest at the top, for a chat view. Rows come from the store as the view
/// asks: the newest page first, then one older page per fetchMore() as the view scrolls up (paged by "before this
/// id", never OFFSET). Each row keeps only a compact key (row id, direction, state: 16 bytes); the full messages
/// live in a bounded LRU cache (cacheCapacity()), and a row whose message was evicted is read again from the store
/// when data() asks for it (it reads as empty until its page arrives, then dataChanged). So memory depends on
/// neither the history's length nor how far the user scrolled, beyond 16 bytes a row.
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
    static constexpr int DefaultCacheCapacity = 500;

    ConversationModel(MessageStore *store, const Jid &conversation, QObject *parent = nullptr);
    ~ConversationModel() override;

    const Jid &conversation() const { return m_conversation; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    /// How many full messages are kept at most (never fewer than two pages).
    int cacheCapacity() const { return m_cacheCapacity; }
    void setCacheCapacity(int capacity);
    /// How many full messages are held now (for tests and benchmarks).
    int cachedCount() const { return int(m_cache.size()); }
    /// Whether a page is being loaded.
    bool isLoading() const { return m_loading; }
    /// Whether the oldest message of the conversation is loaded.
    bool isComplete() const { return m_complete; }
    /// The row of a message, or -1 when it is not loaded (not yet paged in).
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
    /// The full message of a row: from the cache (then the most recently used), or nullptr while it is re-read.
    const StoredMessage *messageAt(int row) const;
    /// Puts a message into the cache as the most recently used, evicting the least recently used beyond capacity.
    void cache(const StoredMessage &message) const;
    /// Asks for an evicted row's message; the read goes out at the next event-loop turn (never from data()).
    void refetch(int row) const;
    /// Reads the asked-for messages again, a page around each.
    void issueRefetches();
    void handleRefetched(const QList<qint64> &asked, const QList<StoredMessage> &messages);

    /// What a row keeps without its message: enough for the roles a view reads for every row.
    struct Row
    {
        qint64 id = 0;
        StoredMessage::State state = StoredMessage::State::Received;
        bool outgoing = false;
    };
    struct Cached
    {
        StoredMessage message;
        std::list<qint64>::iterator lru;
    };

    MessageStore *m_store;
    Jid m_conversation;
    QList<Row> m_rows; ///< oldest first; ids increase down the rows (the store's row ids grow with insertion)
    mutable QHash<qint64, Cached> m_cache; ///< id → full message
    mutable std::list<qint64> m_lru; ///< cached ids, most recently used first
    mutable QSet<qint64> m_refetching; ///< evicted ids asked for or being read again
    mutable QList<qint64> m_wanted; ///< evicted ids data() asked for, not yet requested from the store
    mutable bool m_refetchScheduled = false;
    int m_pageSize = DefaultPageSize;
    int m_cacheCapacity = DefaultCacheCapacity;
    bool m_loading = false;
    bool m_complete = false;
};

} // namespace confab
