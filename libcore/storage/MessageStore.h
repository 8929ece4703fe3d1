// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "storage/StoredMessage.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>
#include <optional>

namespace confab {

class Database;

/// Local history of one account (DESIGN.md: SQLite on the database thread, WAL, versioned migrations),
/// with FTS5 full-text search that works for Chinese (trigram tokenizer, plus a LIKE fallback for one- and
/// two-character queries the trigram index cannot answer), paging by "before this id" (never OFFSET), the
/// outbox of unsent messages, and idempotent inserts: a message already stored (same stanza-id, or same
/// origin-id from the same sender, or as a last resort the same sender, body and a timestamp within a
/// small window) is not stored twice.
///
/// Signals are emitted on the calling thread after the row is committed, never before (DESIGN.md); when the
/// database thread is quicker than the caller, that can be before the call that caused them has returned
/// (Qt 6.4 runs a continuation at once when its future is already finished), so connect first.
class MessageStore : public QObject
{
    Q_OBJECT
public:
    struct Conversation
    {
        Jid jid;
        StoredMessage last; ///< the newest message
        int unread = 0; ///< incoming messages in state Received (not yet Displayed)
    };

    /// The result of insert(): the row id, and whether it was new or an already stored duplicate.
    struct Inserted
    {
        qint64 id = 0; ///< 0: nothing was stored (the database refused the batch)
        bool duplicate = false;
        bool diskFull = false; ///< with id 0: because the disk (or the file system) holding the history is full
    };

    /// `path` is a file, or ":memory:" for tests.
    explicit MessageStore(const QString &path, QObject *parent = nullptr);
    ~MessageStore() override;

    QFuture<QString> open(); ///< empty string, or the error
    /// After open(): where a damaged history file was kept when it could not be read and a new one was
    /// started (Database::damagedCopyPath()); empty normally.
    QString damagedCopyPath() const;

    /// Stores a message (incoming, or outgoing in state Pending BEFORE it is written to the socket),
    /// unless it is a duplicate (see above). An incoming duplicate that carries a stanza-id the stored row
    /// lacks fills it in. Emits messageAdded for new rows.
    ///
    /// Inserts are coalesced (DESIGN.md: writes are batched in transactions): the ones made during one
    /// event-loop turn, while an earlier batch is still being written, or (during a burst) within a few
    /// milliseconds of the last batch, go to the database as one transaction. Any other call of this class first sends
    /// the waiting inserts on, so that calls still reach the database in the order they were made. The future resolves
    /// once the row is committed.
    QFuture<Inserted> insert(const StoredMessage &message);
    /// Many at once in one transaction (archive pages, bursts); same rules as insert().
    QFuture<QList<Inserted>> insertMany(const QList<StoredMessage> &messages);

    /// Moves an outgoing message forward: Pending → Sent → Delivered → Displayed (never backwards; Failed
    /// only from Pending/Sent). Identified by our origin-id (also the stanza id we sent). Emits messageUpdated.
    QFuture<bool> setState(const QString &originId, StoredMessage::State state, const QString &error = {});
    /// Incoming messages of a conversation up to `id` become Displayed (read). Emits conversationRead.
    QFuture<bool> markRead(const Jid &conversation, qint64 upToId);
    /// XEP-0308: replaces the body of the message `replacedId` (its messageId or originId) from `sender`
    /// (bare JIDs must match: only the sender may correct), keeping the first version. Emits messageUpdated.
    QFuture<bool> applyCorrection(
        const Jid &conversation, const Jid &sender, const QString &replacedId, const QString &newBody);

    /// The outbox: outgoing messages still Pending, oldest first (resent after a crash or restart).
    QFuture<QList<StoredMessage>> pending();
    /// The newest stanza-id of our archive we have stored (where MAM catch-up starts); empty if none.
    QFuture<QString> lastArchiveId();

    /// Up to `limit` messages of a conversation older than `beforeId` (0: the newest), oldest first.
    QFuture<QList<StoredMessage>> page(const Jid &conversation, qint64 beforeId, int limit);
    QFuture<std::optional<StoredMessage>> message(qint64 id);
    /// Full-text search (case-insensitive; Chinese by trigram or, for 1–2 characters, substring), newest
    /// first; within one conversation when `conversation` is set.
    QFuture<QList<StoredMessage>> search(const QString &text, const Jid &conversation = {}, int limit = 100);
    /// Conversations by last activity, newest first.
    QFuture<QList<Conversation>> conversations(int limit = 200);
    QFuture<qint64> count(const Jid &conversation = {});

    /// A conversation as plain text or as a standalone HTML page (escaped), for export.
    QFuture<QString> exportText(const Jid &conversation);
    QFuture<QString> exportHtml(const Jid &conversation);

Q_SIGNALS:
    void messageAdded(const confab::StoredMessage &message);
    void messageUpdated(const confab::StoredMessage &message);
    void conversationRead(const confab::Jid &conversation, qint64 upToId);

private:
    /// Sends the waiting inserts to the database thread as one transaction.
    void flushInserts();
    /// Flushes at the next event-loop turn, or when the batch being written is committed.
    void scheduleFlush();

    /// After a committed update: signals it, and says whether there was one.
    bool announceUpdate(const std::optional<StoredMessage> &updated);

    Database *m_db;
    QList<StoredMessage> m_queued; ///< inserts not yet sent to the database thread
    QList<std::shared_ptr<QPromise<Inserted>>> m_queuedPromises; ///< one per queued insert
    QElapsedTimer m_lastFlush; ///< since the last batch was sent to the database thread
    bool m_flushScheduled = false;
    int m_batchesInFlight = 0;
};

} // namespace confab
