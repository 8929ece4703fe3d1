// SPDX-License-Identifier: Apache-2.0
#include "storage/MessageStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

using State = StoredMessage::State;

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return future.result();
}

const Jid Alice = Jid::fromString(u"alice@example.test"_s);
const Jid Bob = Jid::fromString(u"bob@example.test"_s);
const Jid Me = Jid::fromString(u"me@example.test/desktop"_s);
const QDateTime Base = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

StoredMessage incoming(const Jid &from, const QString &body, int secondsAfterBase = 0)
{
    StoredMessage message;
    message.conversation = from.bare();
    message.sender = from.withResource(u"phone"_s);
    message.body = body;
    message.timestamp = Base.addSecs(secondsAfterBase);
    message.state = State::Received;
    return message;
}

StoredMessage outgoing(const Jid &to, const QString &body, const QString &originId, int secondsAfterBase = 0)
{
    StoredMessage message;
    message.conversation = to.bare();
    message.sender = Me;
    message.direction = StoredMessage::Direction::Outgoing;
    message.body = body;
    message.originId = originId;
    message.messageId = originId;
    message.timestamp = Base.addSecs(secondsAfterBase);
    message.state = State::Pending;
    return message;
}

QStringList bodies(const QList<StoredMessage> &messages)
{
    QStringList result;
    for (const StoredMessage &message : messages) {
        result.append(message.body);
    }
    return result;
}

} // namespace

class tst_MessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void insertsAndSignalsAfterCommit();
    void dedupesByStanzaId();
    void dedupesByOriginIdFromTheSameSenderOnly();
    void dedupesByContentWithinTenSecondsWhenNoIds();
    void dedupesWithinAndAcrossInsertMany();
    void fillsInTheStanzaIdOfAnExistingRow();
    void movesStateOnlyForward();
    void correctsOnlyForTheSender();
    void outboxIsOldestFirst();
    void pagesBeforeAnId();
    void searchesChineseByOneTwoAndThreeCharacters();
    void searchesLatinCaseInsensitivelyPerConversation();
    void listsConversationsByActivityWithUnreadCounts();
    void exportsTextAndEscapedHtml();
    void reopeningAFileKeepsEverything();
    void survivesKillDuringWrites();
};

void tst_MessageStore::initTestCase()
{
    QVERIFY(Alice.isBare());
    QVERIFY(Me.isFull());
}

void tst_MessageStore::insertsAndSignalsAfterCommit()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    QSignalSpy added(&store, &MessageStore::messageAdded);
    const MessageStore::Inserted inserted = await(store.insert(incoming(Alice, u"hello"_s)));
    QVERIFY(inserted.id > 0);
    QVERIFY(!inserted.duplicate);
    QCOMPARE(added.size(), 1);
    const auto message = added.at(0).at(0).value<StoredMessage>();
    QCOMPARE(message.id, inserted.id);
    QCOMPARE(message.body, u"hello"_s);
    const std::optional<StoredMessage> stored = await(store.message(inserted.id));
    QVERIFY(stored);
    QCOMPARE(*stored, message);
    QCOMPARE(await(store.count(Alice)), 1);
}

void tst_MessageStore::dedupesByStanzaId()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    StoredMessage first = incoming(Alice, u"one"_s);
    first.stanzaId = u"archive-1"_s;
    StoredMessage again = incoming(Alice, u"different body"_s, 3600);
    again.stanzaId = u"archive-1"_s;
    const auto a = await(store.insert(first));
    const auto b = await(store.insert(again));
    QVERIFY(b.duplicate);
    QCOMPARE(b.id, a.id);
    QCOMPARE(await(store.count()), 1);
}

void tst_MessageStore::dedupesByOriginIdFromTheSameSenderOnly()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    StoredMessage first = incoming(Alice, u"one"_s);
    first.originId = u"o-1"_s;
    StoredMessage copy = incoming(Alice, u"one"_s, 600);
    copy.originId = u"o-1"_s;
    copy.sender = Alice.withResource(u"laptop"_s); // same bare JID, another resource
    StoredMessage spoof = incoming(Bob, u"one"_s);
    spoof.originId = u"o-1"_s;
    const auto a = await(store.insert(first));
    const auto b = await(store.insert(copy));
    const auto c = await(store.insert(spoof));
    QVERIFY(b.duplicate);
    QCOMPARE(b.id, a.id);
    QVERIFY(!c.duplicate);
    QCOMPARE(await(store.count()), 2);
}

void tst_MessageStore::dedupesByContentWithinTenSecondsWhenNoIds()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    QVERIFY(!await(store.insert(incoming(Alice, u"hi"_s, 0))).duplicate);
    QVERIFY(await(store.insert(incoming(Alice, u"hi"_s, 9))).duplicate);
    QVERIFY(!await(store.insert(incoming(Alice, u"hi"_s, 30))).duplicate); // outside the window
    QVERIFY(!await(store.insert(incoming(Alice, u"hi!"_s, 1))).duplicate); // another body
    QVERIFY(!await(store.insert(incoming(Bob, u"hi"_s, 1))).duplicate); // another sender
    StoredMessage withOriginId = incoming(Alice, u"hi"_s, 2);
    withOriginId.originId = u"o-9"_s;
    QVERIFY(!await(store.insert(withOriginId)).duplicate); // ids on one side: not the last resort
    QCOMPARE(await(store.count()), 5);
}

void tst_MessageStore::dedupesWithinAndAcrossInsertMany()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    StoredMessage live = incoming(Alice, u"live"_s);
    live.originId = u"o-live"_s;
    await(store.insert(live));
    StoredMessage archived = live;
    archived.stanzaId = u"s-live"_s;
    StoredMessage fresh = incoming(Alice, u"fresh"_s, 60);
    fresh.stanzaId = u"s-fresh"_s;
    QSignalSpy added(&store, &MessageStore::messageAdded);
    const QList<MessageStore::Inserted> results = await(store.insertMany({ archived, fresh, fresh }));
    QCOMPARE(results.size(), 3);
    QVERIFY(results.at(0).duplicate);
    QVERIFY(!results.at(1).duplicate);
    QVERIFY(results.at(2).duplicate);
    QCOMPARE(results.at(2).id, results.at(1).id);
    QCOMPARE(added.size(), 1);
    QCOMPARE(await(store.count()), 2);
}

void tst_MessageStore::fillsInTheStanzaIdOfAnExistingRow()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    QCOMPARE(await(store.lastArchiveId()), QString());
    StoredMessage live = incoming(Alice, u"live"_s);
    live.originId = u"o-1"_s;
    const auto a = await(store.insert(live));
    StoredMessage archived = live;
    archived.stanzaId = u"s-1"_s;
    QVERIFY(await(store.insert(archived)).duplicate);
    QCOMPARE(await(store.message(a.id))->stanzaId, u"s-1"_s);
    QCOMPARE(await(store.lastArchiveId()), u"s-1"_s);
    // An older archive message arriving later does not move the catch-up point back.
    StoredMessage older = incoming(Bob, u"older"_s, -3600);
    older.stanzaId = u"s-0"_s;
    await(store.insert(older));
    QCOMPARE(await(store.lastArchiveId()), u"s-1"_s);
}

void tst_MessageStore::movesStateOnlyForward()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    await(store.insert(outgoing(Alice, u"a"_s, u"o-a"_s)));
    await(store.insert(outgoing(Alice, u"b"_s, u"o-b"_s)));
    QSignalSpy updated(&store, &MessageStore::messageUpdated);
    QVERIFY(await(store.setState(u"o-a"_s, State::Sent)));
    QVERIFY(await(store.setState(u"o-a"_s, State::Displayed)));
    QVERIFY(!await(store.setState(u"o-a"_s, State::Delivered))); // backwards
    QVERIFY(!await(store.setState(u"o-a"_s, State::Failed))); // only from Pending/Sent
    QVERIFY(!await(store.setState(u"o-a"_s, State::Pending)));
    QCOMPARE(updated.size(), 2);
    QCOMPARE(updated.last().at(0).value<StoredMessage>().state, State::Displayed);

    QVERIFY(await(store.setState(u"o-b"_s, State::Failed, u"service unavailable"_s)));
    QVERIFY(!await(store.setState(u"o-b"_s, State::Sent)));
    const StoredMessage failed = updated.last().at(0).value<StoredMessage>();
    QCOMPARE(failed.state, State::Failed);
    QCOMPARE(failed.error, u"service unavailable"_s);
    QVERIFY(!await(store.setState(u"unknown"_s, State::Sent)));
}

void tst_MessageStore::correctsOnlyForTheSender()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    StoredMessage original = incoming(Alice, u"helo"_s);
    original.messageId = u"m-1"_s;
    const auto a = await(store.insert(original));
    QSignalSpy updated(&store, &MessageStore::messageUpdated);
    QVERIFY(!await(store.applyCorrection(Alice, Bob.withResource(u"x"_s), u"m-1"_s, u"evil"_s)));
    QVERIFY(await(store.applyCorrection(Alice, Alice.withResource(u"laptop"_s), u"m-1"_s, u"hello"_s)));
    QVERIFY(await(store.applyCorrection(Alice, Alice, u"m-1"_s, u"hello!"_s)));
    QCOMPARE(updated.size(), 2);
    const StoredMessage corrected = *await(store.message(a.id));
    QCOMPARE(corrected.body, u"hello!"_s);
    QVERIFY(corrected.edited);
    QCOMPARE(corrected.originalBody, u"helo"_s); // the first version, after two corrections
    // Search follows the corrected text.
    QCOMPARE(await(store.search(u"hello!"_s)).size(), 1);
    QCOMPARE(await(store.search(u"helo"_s)).size(), 0);
}

void tst_MessageStore::outboxIsOldestFirst()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    await(store.insert(outgoing(Alice, u"1"_s, u"o-1"_s)));
    await(store.insert(outgoing(Bob, u"2"_s, u"o-2"_s)));
    await(store.insert(incoming(Bob, u"in"_s)));
    await(store.insert(outgoing(Alice, u"3"_s, u"o-3"_s)));
    await(store.setState(u"o-2"_s, State::Sent));
    QCOMPARE(bodies(await(store.pending())), (QStringList { u"1"_s, u"3"_s }));
}

void tst_MessageStore::pagesBeforeAnId()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    QList<StoredMessage> batch;
    for (int i = 0; i < 10; ++i) {
        batch.append(incoming(Alice, u"a%1"_s.arg(i), i * 60));
        batch.append(incoming(Bob, u"b%1"_s.arg(i), i * 60));
    }
    await(store.insertMany(batch));
    const QList<StoredMessage> newest = await(store.page(Alice, 0, 3));
    QCOMPARE(bodies(newest), (QStringList { u"a7"_s, u"a8"_s, u"a9"_s }));
    const QList<StoredMessage> older = await(store.page(Alice, newest.first().id, 3));
    QCOMPARE(bodies(older), (QStringList { u"a4"_s, u"a5"_s, u"a6"_s }));
    const QList<StoredMessage> rest = await(store.page(Alice, older.first().id, 100));
    QCOMPARE(bodies(rest), (QStringList { u"a0"_s, u"a1"_s, u"a2"_s, u"a3"_s }));
    QVERIFY(await(store.page(Alice, rest.first().id, 100)).isEmpty());
}

void tst_MessageStore::searchesChineseByOneTwoAndThreeCharacters()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    await(store.insert(incoming(Alice, u"你好吗？"_s)));
    await(store.insert(incoming(Alice, u"我很好"_s, 60)));
    await(store.insert(incoming(Bob, u"再见"_s, 120)));
    QCOMPARE(bodies(await(store.search(u"你"_s))), QStringList { u"你好吗？"_s });
    QCOMPARE(bodies(await(store.search(u"你好"_s))), QStringList { u"你好吗？"_s });
    QCOMPARE(bodies(await(store.search(u"你好吗"_s))), QStringList { u"你好吗？"_s });
    QCOMPARE(bodies(await(store.search(u"好"_s))), (QStringList { u"我很好"_s, u"你好吗？"_s })); // newest first
    QCOMPARE(bodies(await(store.search(u"再见"_s, Alice))), QStringList());
    QCOMPARE(bodies(await(store.search(u"再见"_s, Bob))), QStringList { u"再见"_s });
}

void tst_MessageStore::searchesLatinCaseInsensitivelyPerConversation()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    await(store.insert(incoming(Alice, u"Meeting at NOON"_s)));
    await(store.insert(incoming(Bob, u"no meeting today"_s, 60)));
    await(store.insert(incoming(Bob, u"50% off_sale \"quoted\""_s, 120)));
    QCOMPARE(await(store.search(u"meeting"_s)).size(), 2);
    QCOMPARE(bodies(await(store.search(u"MEETING"_s, Alice))), QStringList { u"Meeting at NOON"_s });
    QCOMPARE(bodies(await(store.search(u"noon"_s))), QStringList { u"Meeting at NOON"_s });
    QCOMPARE(bodies(await(store.search(u"No"_s, Alice))), QStringList { u"Meeting at NOON"_s }); // fallback
    QCOMPARE(await(store.search(u"%"_s)).size(), 1); // LIKE wildcards are literal
    QCOMPARE(await(store.search(u"_"_s)).size(), 1);
    QCOMPARE(await(store.search(u"\"quoted\""_s)).size(), 1); // FTS5 syntax is literal
    QCOMPARE(await(store.search(u"   "_s)).size(), 0);
}

void tst_MessageStore::listsConversationsByActivityWithUnreadCounts()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    const auto a1 = await(store.insert(incoming(Alice, u"a1"_s, 0)));
    await(store.insert(incoming(Alice, u"a2"_s, 10)));
    await(store.insert(incoming(Bob, u"b1"_s, 20)));
    await(store.insert(outgoing(Bob, u"b2"_s, u"o-b2"_s, 30)));
    QList<MessageStore::Conversation> list = await(store.conversations());
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).jid, Bob);
    QCOMPARE(list.at(0).last.body, u"b2"_s);
    QCOMPARE(list.at(0).unread, 1);
    QCOMPARE(list.at(1).jid, Alice);
    QCOMPARE(list.at(1).unread, 2);

    QSignalSpy read(&store, &MessageStore::conversationRead);
    QVERIFY(await(store.markRead(Alice, a1.id)));
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.at(0).at(0).value<Jid>(), Alice);
    QCOMPARE(await(store.conversations()).at(1).unread, 1);

    await(store.insert(incoming(Alice, u"a3"_s, 40)));
    list = await(store.conversations());
    QCOMPARE(list.at(0).jid, Alice);
    QCOMPARE(list.at(0).unread, 2);
    // A backfilled old message does not make a conversation the most recent.
    await(store.insert(incoming(Bob, u"old"_s, -100)));
    QCOMPARE(await(store.conversations()).at(0).jid, Alice);
    QCOMPARE(await(store.conversations(1)).size(), 1);
}

void tst_MessageStore::exportsTextAndEscapedHtml()
{
    MessageStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    await(store.insert(incoming(Alice, u"<b>hi</b> & \"bye\""_s)));
    await(store.insert(outgoing(Alice, u"你好"_s, u"o-1"_s, 60)));
    const QString stamp0 = Base.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    const QString stamp1 = Base.addSecs(60).toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    QCOMPARE(await(store.exportText(Alice)), u"[%1] alice: <b>hi</b> & \"bye\"\n[%2] me: 你好\n"_s.arg(stamp0, stamp1));
    const QString html = await(store.exportHtml(Alice));
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(html.contains(u"<meta charset=\"utf-8\">"_s));
    QVERIFY(html.contains(u"&lt;b&gt;hi&lt;/b&gt; &amp; &quot;bye&quot;"_s));
    QVERIFY(!html.contains(u"<b>hi</b>"_s));
    QVERIFY(html.contains(u"你好"_s));
    QVERIFY(html.trimmed().endsWith(u"</html>"_s));
}

void tst_MessageStore::reopeningAFileKeepsEverything()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"messages.sqlite"_s);
    StoredMessage sent = outgoing(Alice, u"sent"_s, u"o-1"_s);
    sent.lang = u"en"_s;
    sent.thread = u"t-1"_s;
    qint64 id = 0;
    {
        MessageStore store(path);
        QCOMPARE(await(store.open()), QString());
        id = await(store.insert(sent)).id;
        await(store.insert(incoming(Alice, u"你好吗？"_s, 5)));
        QVERIFY(await(store.setState(u"o-1"_s, State::Sent)));
    }
    MessageStore store(path);
    QCOMPARE(await(store.open()), QString());
    const std::optional<StoredMessage> stored = await(store.message(id));
    QVERIFY(stored);
    sent.id = id;
    sent.state = State::Sent;
    QCOMPARE(*stored, sent);
    QCOMPARE(await(store.count()), 2);
    QCOMPARE(await(store.search(u"你好"_s)).size(), 1);
    QCOMPARE(await(store.search(u"你好吗"_s)).size(), 1);
    QVERIFY(await(store.insert(sent)).duplicate);
}

void tst_MessageStore::survivesKillDuringWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"messages.sqlite"_s);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), { u"--write-forever"_s, path });
    QVERIFY(child.waitForStarted());
    // The child reports each committed batch; kill it in the middle of writing more.
    int committed = 0;
    while (committed < 5) {
        QVERIFY(child.waitForReadyRead(30'000));
        committed += int(child.readAll().count('\n'));
    }
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished());

    MessageStore store(path);
    QCOMPARE(await(store.open()), QString());
    QVERIFY(await(store.count()) >= 5 * 100);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA integrity_check"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        QVERIFY(query.exec(u"INSERT INTO message_fts(message_fts) VALUES('integrity-check')"_s));
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    QCOMPARE(await(store.search(u"message 1"_s, Alice, 1)).size(), 1);
}

namespace {

/// The child of survivesKillDuringWrites: writes batches until killed, one line per committed batch.
int writeForever(const QString &path)
{
    MessageStore store(path);
    if (!await(store.open()).isEmpty()) {
        return 1;
    }
    for (int batch = 0;; ++batch) {
        QList<StoredMessage> messages;
        for (int i = 0; i < 100; ++i) {
            StoredMessage message = incoming(Alice, u"message %1 of batch %2"_s.arg(i).arg(batch), batch);
            message.stanzaId = u"s-%1-%2"_s.arg(batch).arg(i);
            messages.append(message);
        }
        await(store.insertMany(messages));
        std::fputs("committed\n", stdout);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--write-forever") == 0) {
        return writeForever(QString::fromLocal8Bit(argv[2]));
    }
    tst_MessageStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_MessageStore.moc"
