// SPDX-License-Identifier: Apache-2.0
#include "storage/MessageStore.h"

#include "base/Logging.h"
#include "storage/Database.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

using State = StoredMessage::State;

/// Two copies of a message without any id (an old client, a server without XEP-0359) are taken for one
/// when the same sender sent the same body within this window: a live copy and the archive's copy differ
/// by the delay between sending and receiving.
constexpr qint64 DuplicateWindowMs = 10'000;
/// Trigram needs three characters; shorter queries fall back to a substring scan over this many of the
/// newest rows (of the conversation, or of all history), so that a one-character search stays bounded.
constexpr int ShortQueryScanRows = 10'000;
/// Inserts that follow a batch within this time are collected into the next one (see scheduleFlush()).
constexpr qint64 BurstWindowMs = 25;

QList<Database::Migration> migrations()
{
    return {
        { 1,
            {
                // Optional ids are NULL rather than empty, so that the partial indexes stay small.
                u"CREATE TABLE message (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, "
                u"sender TEXT NOT NULL, sender_bare TEXT NOT NULL, outgoing INTEGER NOT NULL, "
                u"type INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL DEFAULT '', lang TEXT, thread TEXT, "
                u"message_id TEXT, origin_id TEXT, stanza_id TEXT, timestamp INTEGER NOT NULL, "
                u"state INTEGER NOT NULL, error TEXT, edited INTEGER NOT NULL DEFAULT 0, original_body TEXT)"_s,
                u"CREATE INDEX message_conversation ON message(conversation, id)"_s,
                u"CREATE INDEX message_conversation_time ON message(conversation, timestamp)"_s,
                u"CREATE INDEX message_stanza_id ON message(stanza_id) WHERE stanza_id IS NOT NULL"_s,
                u"CREATE INDEX message_sender_origin ON message(sender_bare, origin_id) WHERE origin_id IS NOT NULL"_s,
                u"CREATE INDEX message_sender_id ON message(sender_bare, message_id) WHERE message_id IS NOT NULL"_s,
                u"CREATE INDEX message_outgoing_origin ON message(origin_id) WHERE outgoing = 1 AND origin_id IS NOT NULL"_s,
                u"CREATE INDEX message_pending ON message(id) WHERE state = 0"_s,
                u"CREATE INDEX message_unread ON message(conversation, id) WHERE state = 5"_s,
                u"CREATE INDEX message_archive ON message(timestamp) WHERE stanza_id IS NOT NULL"_s,
                // One row per conversation with its newest message, so that the recent-chats list never
                // groups the whole history.
                u"CREATE TABLE conversation (jid TEXT PRIMARY KEY NOT NULL, last_id INTEGER NOT NULL, "
                u"last_timestamp INTEGER NOT NULL)"_s,
                u"CREATE INDEX conversation_activity ON conversation(last_timestamp, last_id)"_s,
                u"CREATE TRIGGER message_conversation_ai AFTER INSERT ON message BEGIN "
                u"INSERT INTO conversation (jid, last_id, last_timestamp) VALUES (new.conversation, new.id, "
                u"new.timestamp) ON CONFLICT(jid) DO UPDATE SET last_id = excluded.last_id, "
                u"last_timestamp = excluded.last_timestamp WHERE excluded.last_timestamp >= last_timestamp; END"_s,
                // Trigram: substring search that works for Chinese and other scripts without spaces.
                u"CREATE VIRTUAL TABLE message_fts USING fts5(body, content='message', content_rowid='id', "
                u"tokenize='trigram')"_s,
                u"CREATE TRIGGER message_fts_ai AFTER INSERT ON message BEGIN "
                u"INSERT INTO message_fts (rowid, body) VALUES (new.id, new.body); END"_s,
                u"CREATE TRIGGER message_fts_ad AFTER DELETE ON message BEGIN "
                u"INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', old.id, old.body); END"_s,
                u"CREATE TRIGGER message_fts_au AFTER UPDATE OF body ON message BEGIN "
                u"INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', old.id, old.body); "
                u"INSERT INTO message_fts (rowid, body) VALUES (new.id, new.body); END"_s,
            } },
        // The last-resort duplicate check (same sender, body and time, no origin-id) found its candidates by
        // time alone: a burst of messages without origin-id cost a scan of every earlier one in the window,
        // quadratic in the burst (bench_receipts: 47% of the receiver's CPU). This index answers it directly.
        { 2,
            {
                u"CREATE INDEX message_content ON message(conversation, sender_bare, body, timestamp) "
                u"WHERE origin_id IS NULL"_s,
            } },
        // FTS5 flushes its pending terms to a new segment at every statement savepoint, and an INSERT whose
        // trigger writes to the FTS table opens one: a row-by-row trigger made one segment (and, with automerge,
        // rewrites) per message even inside one transaction (bench_receipts: ~40% of the receiver's database
        // time). New rows are now indexed by insertAll() with one INSERT ... SELECT per batch, in the same
        // transaction; deletes and corrections keep their triggers.
        { 3,
            {
                u"DROP TRIGGER message_fts_ai"_s,
            } },
    };
}

const QString Columns = u"id, conversation, sender, outgoing, type, body, lang, thread, message_id, origin_id, "
                        u"stanza_id, timestamp, state, error, edited, original_body"_s;
const QString PrefixedColumns
    = u"m.id, m.conversation, m.sender, m.outgoing, m.type, m.body, m.lang, m.thread, m.message_id, m.origin_id, "
      u"m.stanza_id, m.timestamp, m.state, m.error, m.edited, m.original_body"_s;

StoredMessage readMessage(const QSqlQuery &query)
{
    StoredMessage message;
    message.id = query.value(0).toLongLong();
    message.conversation = Jid::fromString(query.value(1).toString());
    message.sender = Jid::fromString(query.value(2).toString());
    message.direction
        = query.value(3).toBool() ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
    message.type = StoredMessage::Type(std::clamp(query.value(4).toInt(), 0, int(StoredMessage::Type::Error)));
    message.body = query.value(5).toString();
    message.lang = query.value(6).toString();
    message.thread = query.value(7).toString();
    message.messageId = query.value(8).toString();
    message.originId = query.value(9).toString();
    message.stanzaId = query.value(10).toString();
    message.timestamp = QDateTime::fromMSecsSinceEpoch(query.value(11).toLongLong(), Qt::UTC);
    message.state = State(std::clamp(query.value(12).toInt(), 0, int(State::Received)));
    message.error = query.value(13).toString();
    message.edited = query.value(14).toBool();
    message.originalBody = query.value(15).toString();
    return message;
}

QList<StoredMessage> readAll(QSqlQuery &query)
{
    QList<StoredMessage> messages;
    while (query.next()) {
        messages.append(readMessage(query));
    }
    return messages;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// The last error fail() saw on this (the database) thread: insertAll() tells a full disk from other failures.
thread_local QSqlError t_lastFailure;

bool fail(const char *what, const QSqlQuery &query)
{
    qCWarning(lcStorage) << "messages:" << what << "failed:" << query.lastError().text();
    t_lastFailure = query.lastError();
    return false;
}

/// Whether a failed write failed for want of space: SQLITE_FULL, or (an I/O error on a full file system, which
/// SQLite reports as SQLITE_IOERR_WRITE from some VFS paths) hardly any space left where the database lives.
bool isDiskFull(QSqlDatabase &db, const QSqlError &error)
{
    constexpr QLatin1StringView SqliteFull("13");
    if (error.nativeErrorCode() == SqliteFull || db.lastError().nativeErrorCode() == SqliteFull) {
        return true;
    }
    const QString path = db.databaseName();
    if (path.isEmpty() || path == u":memory:") {
        return false;
    }
    const QStorageInfo volume(QFileInfo(path).absolutePath());
    constexpr qint64 NearlyFull = 64 * 1024;
    return volume.isValid() && volume.bytesAvailable() < NearlyFull;
}

std::optional<StoredMessage> loadMessage(QSqlDatabase &db, qint64 id)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + Columns + u" FROM message WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        fail("load", query);
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return readMessage(query);
}

/// The rows written by one insert job, and the messages (with their ids) that were new.
struct InsertOutcome
{
    QList<MessageStore::Inserted> results;
    QList<StoredMessage> added;
    bool ok = true;
    bool diskFull = false; ///< with !ok: for want of space
};

/// Prepared statements for inserting with dedupe, compiled once per connection (Database::prepared()) and
/// reused by every batch.
class MessageWriter
{
public:
    explicit MessageWriter(QSqlDatabase &db)
        : m_byStanzaId(Database::prepared(db, u"SELECT id FROM message WHERE stanza_id = ? LIMIT 1"_s))
        , m_byOriginId(Database::prepared(
              db, u"SELECT id, stanza_id FROM message WHERE sender_bare = ? AND origin_id = ? LIMIT 1"_s))
        // The last resort, for copies without an origin-id on either side; two different archive ids mean two
        // different messages, however alike.
        , m_byContent(Database::prepared(db,
              u"SELECT id, stanza_id FROM message WHERE conversation = ? AND timestamp BETWEEN ? AND ? "
              u"AND sender_bare = ? AND body = ? AND origin_id IS NULL AND (stanza_id IS NULL OR ? IS NULL) "
              u"LIMIT 1"_s))
        , m_fillStanzaId(
              Database::prepared(db, u"UPDATE message SET stanza_id = ? WHERE id = ? AND stanza_id IS NULL"_s))
        , m_insert(Database::prepared(db,
              u"INSERT INTO message (conversation, sender, sender_bare, outgoing, type, body, lang, thread, "
              u"message_id, origin_id, stanza_id, timestamp, state, error, edited, original_body) "
              u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
    { }

    bool prepare() const { return m_byStanzaId && m_byOriginId && m_byContent && m_fillStanzaId && m_insert; }

    /// Stores `message` unless it is a duplicate; false on a database error.
    bool write(StoredMessage message, InsertOutcome &outcome)
    {
        message.conversation = message.conversation.bare();
        if (!message.timestamp.isValid()) {
            message.timestamp = QDateTime::currentDateTimeUtc();
        }
        message.timestamp = message.timestamp.toUTC();
        const QString senderBare = message.sender.bareString();
        const qint64 stamp = message.timestamp.toMSecsSinceEpoch();

        std::optional<std::pair<qint64, bool>> existing; // id, has a stanza-id
        if (!message.stanzaId.isEmpty()) {
            m_byStanzaId->addBindValue(message.stanzaId);
            if (!m_byStanzaId->exec()) {
                return fail("dedupe by stanza-id", *m_byStanzaId);
            }
            if (m_byStanzaId->next()) {
                existing = std::pair { m_byStanzaId->value(0).toLongLong(), true };
            }
            m_byStanzaId->finish();
        }
        if (!existing && !message.originId.isEmpty()) {
            m_byOriginId->addBindValue(senderBare);
            m_byOriginId->addBindValue(message.originId);
            if (!m_byOriginId->exec()) {
                return fail("dedupe by origin-id", *m_byOriginId);
            }
            if (m_byOriginId->next()) {
                existing = std::pair { m_byOriginId->value(0).toLongLong(), !m_byOriginId->value(1).isNull() };
            }
            m_byOriginId->finish();
        }
        if (!existing && message.originId.isEmpty()) {
            m_byContent->addBindValue(message.conversation.bareString());
            m_byContent->addBindValue(stamp - DuplicateWindowMs);
            m_byContent->addBindValue(stamp + DuplicateWindowMs);
            m_byContent->addBindValue(senderBare);
            m_byContent->addBindValue(message.body);
            m_byContent->addBindValue(nullable(message.stanzaId));
            if (!m_byContent->exec()) {
                return fail("dedupe by content", *m_byContent);
            }
            if (m_byContent->next()) {
                existing = std::pair { m_byContent->value(0).toLongLong(), !m_byContent->value(1).isNull() };
            }
            m_byContent->finish();
        }
        if (existing) {
            // The archive's copy of a message we already have live: remember its archive id, which is
            // where the next catch-up starts (XEP-0313).
            if (!existing->second && !message.stanzaId.isEmpty()) {
                m_fillStanzaId->addBindValue(message.stanzaId);
                m_fillStanzaId->addBindValue(existing->first);
                if (!m_fillStanzaId->exec()) {
                    return fail("filling in the stanza-id", *m_fillStanzaId);
                }
            }
            outcome.results.append({ existing->first, true });
            return true;
        }

        m_insert->addBindValue(message.conversation.bareString());
        m_insert->addBindValue(message.sender.toString());
        m_insert->addBindValue(senderBare);
        m_insert->addBindValue(message.isOutgoing() ? 1 : 0);
        m_insert->addBindValue(int(message.type));
        m_insert->addBindValue(message.body.isNull() ? u""_s : message.body);
        m_insert->addBindValue(nullable(message.lang));
        m_insert->addBindValue(nullable(message.thread));
        m_insert->addBindValue(nullable(message.messageId));
        m_insert->addBindValue(nullable(message.originId));
        m_insert->addBindValue(nullable(message.stanzaId));
        m_insert->addBindValue(stamp);
        m_insert->addBindValue(int(message.state));
        m_insert->addBindValue(nullable(message.error));
        m_insert->addBindValue(message.edited ? 1 : 0);
        m_insert->addBindValue(nullable(message.originalBody));
        if (!m_insert->exec()) {
            return fail("insert", *m_insert);
        }
        message.id = m_insert->lastInsertId().toLongLong();
        outcome.results.append({ message.id, false });
        outcome.added.append(std::move(message));
        return true;
    }

private:
    QSqlQuery *m_byStanzaId;
    QSqlQuery *m_byOriginId;
    QSqlQuery *m_byContent;
    QSqlQuery *m_fillStanzaId;
    QSqlQuery *m_insert;
};

InsertOutcome insertAll(QSqlDatabase &db, const QList<StoredMessage> &messages)
{
    InsertOutcome outcome;
    t_lastFailure = {};
    // A failed batch stores nothing: every message of it gets id 0 (and says whether the disk was full).
    auto failed = [&db, &messages] {
        InsertOutcome failure { {}, {}, false, isDiskFull(db, t_lastFailure) };
        failure.results.fill(MessageStore::Inserted { 0, false, failure.diskFull }, messages.size());
        return failure;
    };
    if (!db.transaction()) {
        qCWarning(lcStorage) << "messages: could not begin:" << db.lastError().text();
        return failed();
    }
    MessageWriter writer(db);
    bool ok = writer.prepare();
    for (qsizetype i = 0; ok && i < messages.size(); ++i) {
        ok = writer.write(messages.at(i), outcome);
    }
    if (ok && !outcome.added.isEmpty()) {
        // The new rows of this transaction, in one statement (see migration 3). We hold the write lock, so the
        // ids between our first and last new row are all ours.
        const auto [first, last] = std::minmax_element(outcome.added.cbegin(), outcome.added.cend(),
            [](const StoredMessage &a, const StoredMessage &b) { return a.id < b.id; });
        QSqlQuery *index = Database::prepared(
            db, u"INSERT INTO message_fts (rowid, body) SELECT id, body FROM message WHERE id BETWEEN ? AND ?"_s);
        ok = index != nullptr;
        if (ok) {
            index->addBindValue(first->id);
            index->addBindValue(last->id);
            ok = index->exec() || fail("search index", *index);
            index->finish();
        }
    }
    if (!ok || !db.commit()) {
        qCWarning(lcStorage) << "messages: insert rolled back:" << db.lastError().text();
        InsertOutcome failure = failed();
        db.rollback();
        return failure;
    }
    return outcome;
}

/// Whether an outgoing message may move from `from` to `to` (DESIGN.md: only forward).
bool canMove(State from, State to)
{
    auto rank = [](State state) {
        switch (state) {
        case State::Pending:
            return 0;
        case State::Sent:
            return 1;
        case State::Delivered:
            return 2;
        case State::Displayed:
            return 3;
        case State::Failed:
        case State::Received:
            break;
        }
        return -1;
    };
    if (to == State::Failed) {
        return from == State::Pending || from == State::Sent;
    }
    return rank(from) >= 0 && rank(to) > rank(from);
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u"%"_s + escaped + u"%"_s;
}

QString senderName(const StoredMessage &message)
{
    const Jid &sender = message.sender;
    return sender.local().isEmpty() ? sender.bareString() : sender.local();
}

QString stampText(const StoredMessage &message)
{
    return message.timestamp.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

MessageStore::MessageStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_db(new Database(path, migrations(), this))
{
    qRegisterMetaType<StoredMessage>();
}

MessageStore::~MessageStore()
{
    // What is still queued is written (the database thread drains its jobs before it stops); nobody is left
    // to be told.
    if (!m_queued.isEmpty()) {
        m_db->run<InsertOutcome>(
            [messages = std::exchange(m_queued, {})](QSqlDatabase &db) { return insertAll(db, messages); });
    }
}

QFuture<QString> MessageStore::open()
{
    return m_db->open();
}

QFuture<MessageStore::Inserted> MessageStore::insert(const StoredMessage &message)
{
    auto promise = std::make_shared<QPromise<Inserted>>();
    promise->start();
    QFuture<Inserted> future = promise->future();
    m_queued.append(message);
    m_queuedPromises.append(std::move(promise));
    scheduleFlush();
    return future;
}

void MessageStore::scheduleFlush()
{
    // While a batch is being written the queue grows and goes out when it is committed: under a burst the
    // batches grow by themselves, and one transaction (and one set of prepared statements) serves hundreds
    // of messages instead of one each (bench_receipts).
    if (m_flushScheduled || m_batchesInFlight > 0) {
        return;
    }
    m_flushScheduled = true;
    // The first message after a quiet time goes out at the next event-loop turn; while they keep coming (the
    // last batch left less than BurstWindowMs ago) they are collected for the rest of that window, so that a
    // burst arriving a few at a time still costs one commit (and one new FTS segment) per window, not per
    // message.
    const qint64 sinceLast = m_lastFlush.isValid() ? m_lastFlush.elapsed() : BurstWindowMs;
    QTimer::singleShot(std::max<qint64>(0, BurstWindowMs - sinceLast), this, [this] {
        m_flushScheduled = false;
        flushInserts();
    });
}

void MessageStore::flushInserts()
{
    if (m_queued.isEmpty()) {
        return;
    }
    QList<StoredMessage> messages = std::exchange(m_queued, {});
    QList<std::shared_ptr<QPromise<Inserted>>> promises = std::exchange(m_queuedPromises, {});
    ++m_batchesInFlight;
    m_lastFlush.start();
    m_db->run<InsertOutcome>([messages = std::move(messages)](QSqlDatabase &db) { return insertAll(db, messages); })
        .then(this, [this, promises = std::move(promises)](const InsertOutcome &outcome) {
            --m_batchesInFlight;
            for (const StoredMessage &added : outcome.added) {
                Q_EMIT messageAdded(added);
            }
            for (qsizetype i = 0; i < promises.size(); ++i) {
                // A failed batch resolves with id 0: nothing was stored.
                promises.at(i)->addResult(outcome.results.value(i));
                promises.at(i)->finish();
            }
            if (!m_queued.isEmpty()) {
                scheduleFlush();
            }
        });
}

QFuture<QList<MessageStore::Inserted>> MessageStore::insertMany(const QList<StoredMessage> &messages)
{
    flushInserts();
    return m_db->run<InsertOutcome>([messages](QSqlDatabase &db) { return insertAll(db, messages); })
        .then(this, [this](const InsertOutcome &outcome) {
            for (const StoredMessage &added : outcome.added) {
                Q_EMIT messageAdded(added);
            }
            return outcome.results;
        });
}

QFuture<bool> MessageStore::setState(const QString &originId, StoredMessage::State state, const QString &error)
{
    flushInserts();
    using Result = std::optional<StoredMessage>;
    return m_db
        ->run<Result>([originId, state, error](QSqlDatabase &db) -> Result {
            QSqlQuery query(db);
            query.prepare(u"SELECT id, state FROM message WHERE origin_id = ? AND outgoing = 1 "
                          u"ORDER BY id DESC LIMIT 1"_s);
            query.addBindValue(originId);
            if (!query.exec()) {
                fail("set state", query);
                return std::nullopt;
            }
            if (!query.next()) {
                return std::nullopt;
            }
            const qint64 id = query.value(0).toLongLong();
            const State current = State(query.value(1).toInt());
            query.finish();
            if (!canMove(current, state)) {
                return std::nullopt;
            }
            query.prepare(u"UPDATE message SET state = ?, error = ? WHERE id = ?"_s);
            query.addBindValue(int(state));
            query.addBindValue(state == State::Failed ? nullable(error) : QVariant(QMetaType::fromType<QString>()));
            query.addBindValue(id);
            if (!query.exec()) {
                fail("set state", query);
                return std::nullopt;
            }
            return loadMessage(db, id);
        })
        .then(this, [this](const Result &updated) { return announceUpdate(updated); });
}

bool MessageStore::announceUpdate(const std::optional<StoredMessage> &updated)
{
    if (updated) {
        Q_EMIT messageUpdated(*updated);
    }
    return updated.has_value();
}

QFuture<bool> MessageStore::markRead(const Jid &conversation, qint64 upToId)
{
    flushInserts();
    const QString jid = conversation.bareString();
    // -1: failed; otherwise the number of messages that became read.
    return m_db
        ->run<int>([jid, upToId](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(u"UPDATE message SET state = 3 WHERE conversation = ? AND state = 5 AND id <= ?"_s);
            query.addBindValue(jid);
            query.addBindValue(upToId);
            if (!query.exec()) {
                fail("mark read", query);
                return -1;
            }
            return query.numRowsAffected();
        })
        .then(this, [this, conversation = conversation.bare(), upToId](int changed) {
            if (changed > 0) {
                Q_EMIT conversationRead(conversation, upToId);
            }
            return changed >= 0;
        });
}

QFuture<bool> MessageStore::applyCorrection(
    const Jid &conversation, const Jid &sender, const QString &replacedId, const QString &newBody)
{
    flushInserts();
    using Result = std::optional<StoredMessage>;
    const QString jid = conversation.bareString();
    const QString senderBare = sender.bareString();
    return m_db
        ->run<Result>([jid, senderBare, replacedId, newBody](QSqlDatabase &db) -> Result {
            if (replacedId.isEmpty() || senderBare.isEmpty()) {
                return std::nullopt;
            }
            // XEP-0308 §5: only the original sender may correct; matching on its bare JID makes a
            // correction from anyone else find nothing.
            QSqlQuery query(db);
            query.prepare(u"SELECT id FROM message WHERE sender_bare = ? AND conversation = ? "
                          u"AND (message_id = ? OR origin_id = ?) ORDER BY id DESC LIMIT 1"_s);
            query.addBindValue(senderBare);
            query.addBindValue(jid);
            query.addBindValue(replacedId);
            query.addBindValue(replacedId);
            if (!query.exec()) {
                fail("correction", query);
                return std::nullopt;
            }
            if (!query.next()) {
                return std::nullopt;
            }
            const qint64 id = query.value(0).toLongLong();
            query.finish();
            query.prepare(u"UPDATE message SET original_body = CASE WHEN edited THEN original_body ELSE body END, "
                          u"body = ?, edited = 1 WHERE id = ?"_s);
            query.addBindValue(newBody);
            query.addBindValue(id);
            if (!query.exec()) {
                fail("correction", query);
                return std::nullopt;
            }
            return loadMessage(db, id);
        })
        .then(this, [this](const Result &updated) { return announceUpdate(updated); });
}

QFuture<QList<StoredMessage>> MessageStore::pending()
{
    flushInserts();
    return m_db->run<QList<StoredMessage>>([](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT "_s + Columns + u" FROM message WHERE state = 0 AND outgoing = 1 ORDER BY id"_s)) {
            fail("outbox", query);
            return QList<StoredMessage>();
        }
        return readAll(query);
    });
}

QFuture<QString> MessageStore::lastArchiveId()
{
    flushInserts();
    return m_db->run<QString>([](QSqlDatabase &db) {
        QSqlQuery query(db);
        // By time, not by row: an archive page fetched backwards inserts older messages after newer ones.
        if (query.exec(u"SELECT stanza_id FROM message WHERE stanza_id IS NOT NULL "
                       u"ORDER BY timestamp DESC, id DESC LIMIT 1"_s)
            && query.next()) {
            return query.value(0).toString();
        }
        return QString();
    });
}

QFuture<QList<StoredMessage>> MessageStore::page(const Jid &conversation, qint64 beforeId, int limit)
{
    flushInserts();
    const QString jid = conversation.bareString();
    return m_db->run<QList<StoredMessage>>([jid, beforeId, limit](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(
            u"SELECT "_s + Columns + u" FROM message WHERE conversation = ? AND id < ? ORDER BY id DESC LIMIT ?"_s);
        query.addBindValue(jid);
        query.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
        query.addBindValue(std::max(limit, 0));
        if (!query.exec()) {
            fail("page", query);
            return QList<StoredMessage>();
        }
        QList<StoredMessage> messages = readAll(query);
        std::reverse(messages.begin(), messages.end());
        return messages;
    });
}

QFuture<std::optional<StoredMessage>> MessageStore::message(qint64 id)
{
    flushInserts();
    return m_db->run<std::optional<StoredMessage>>([id](QSqlDatabase &db) { return loadMessage(db, id); });
}

QFuture<QList<StoredMessage>> MessageStore::search(const QString &text, const Jid &conversation, int limit)
{
    flushInserts();
    const QString needle = text.trimmed();
    const QString jid = conversation.bareString();
    return m_db->run<QList<StoredMessage>>([needle, jid, limit](QSqlDatabase &db) {
        if (needle.isEmpty() || limit <= 0) {
            return QList<StoredMessage>();
        }
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (needle.toUcs4().size() >= 3) {
            // One quoted phrase: the trigram tokenizer makes it a case-insensitive substring match, and
            // quoting keeps FTS5 syntax in the user's text from being interpreted.
            const QString phrase = u"\""_s + QString(needle).replace(u"\""_s, u"\"\""_s) + u"\""_s;
            query.prepare(u"SELECT "_s + PrefixedColumns
                + u" FROM message_fts f JOIN message m ON m.id = f.rowid WHERE message_fts MATCH ? "_s
                + (jid.isEmpty() ? u""_s : u"AND m.conversation = ? "_s) + u"ORDER BY f.rowid DESC LIMIT ?"_s);
            query.addBindValue(phrase);
        } else {
            // Too short for trigrams: a substring scan (LIKE folds ASCII case), newest first, bounded to the
            // newest rows (of the conversation, or of all history) so that a miss stays cheap.
            const QString cutoff = jid.isEmpty()
                ? u"(SELECT max(id) FROM message) - %1"_s.arg(ShortQueryScanRows)
                : u"COALESCE((SELECT id FROM message WHERE conversation = ? ORDER BY id DESC LIMIT 1 OFFSET %1), 0)"_s
                      .arg(ShortQueryScanRows - 1);
            query.prepare(u"SELECT "_s + Columns + u" FROM message WHERE "_s
                + (jid.isEmpty() ? u""_s : u"conversation = ? AND "_s) + u"id >= "_s + cutoff
                + u" AND body LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?"_s);
            if (!jid.isEmpty()) {
                query.addBindValue(jid);
                query.addBindValue(jid);
            }
            query.addBindValue(likePattern(needle));
        }
        if (!jid.isEmpty() && needle.toUcs4().size() >= 3) {
            query.addBindValue(jid);
        }
        query.addBindValue(limit);
        if (!query.exec()) {
            fail("search", query);
            return QList<StoredMessage>();
        }
        return readAll(query);
    });
}

QFuture<QList<MessageStore::Conversation>> MessageStore::conversations(int limit)
{
    flushInserts();
    return m_db->run<QList<Conversation>>([limit](QSqlDatabase &db) {
        QList<Conversation> result;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(u"SELECT "_s + PrefixedColumns
            + u", (SELECT count(*) FROM message u WHERE u.conversation = c.jid AND u.state = 5) "
              u"FROM conversation c JOIN message m ON m.id = c.last_id "
              u"ORDER BY c.last_timestamp DESC, c.last_id DESC LIMIT ?"_s);
        query.addBindValue(limit);
        if (!query.exec()) {
            fail("conversations", query);
            return result;
        }
        while (query.next()) {
            Conversation conversation;
            conversation.last = readMessage(query);
            conversation.jid = conversation.last.conversation;
            conversation.unread = query.value(16).toInt();
            result.append(std::move(conversation));
        }
        return result;
    });
}

QFuture<qint64> MessageStore::count(const Jid &conversation)
{
    flushInserts();
    const QString jid = conversation.bareString();
    return m_db->run<qint64>([jid](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (jid.isEmpty()) {
            query.exec(u"SELECT count(*) FROM message"_s);
        } else {
            query.prepare(u"SELECT count(*) FROM message WHERE conversation = ?"_s);
            query.addBindValue(jid);
            query.exec();
        }
        return query.next() ? query.value(0).toLongLong() : qint64(0);
    });
}

namespace {

QList<StoredMessage> wholeConversation(QSqlDatabase &db, const QString &jid)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + Columns + u" FROM message WHERE conversation = ? ORDER BY id"_s);
    query.addBindValue(jid);
    if (!query.exec()) {
        fail("export", query);
        return {};
    }
    return readAll(query);
}

} // namespace

QFuture<QString> MessageStore::exportText(const Jid &conversation)
{
    flushInserts();
    const QString jid = conversation.bareString();
    return m_db->run<QString>([jid](QSqlDatabase &db) {
        QString text;
        for (const StoredMessage &message : wholeConversation(db, jid)) {
            text += u"["_s + stampText(message) + u"] "_s + senderName(message) + u": "_s + message.body + u"\n"_s;
        }
        return text;
    });
}

QFuture<QString> MessageStore::exportHtml(const Jid &conversation)
{
    flushInserts();
    const QString jid = conversation.bareString();
    return m_db->run<QString>([jid](QSqlDatabase &db) {
        QString html = u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>"_s + jid.toHtmlEscaped()
            + u"</title>\n</head>\n<body>\n"_s;
        for (const StoredMessage &message : wholeConversation(db, jid)) {
            QString body = message.body.toHtmlEscaped();
            body.replace(u"\n"_s, u"<br>"_s);
            html += u"<p><span class=\"time\">["_s + stampText(message) + u"]</span> <b class=\"sender\">"_s
                + senderName(message).toHtmlEscaped() + u"</b>: "_s + body + u"</p>\n"_s;
        }
        html += u"</body>\n</html>\n"_s;
        return html;
    });
}

QString MessageStore::damagedCopyPath() const
{
    return m_db->damagedCopyPath();
}

} // namespace confab
