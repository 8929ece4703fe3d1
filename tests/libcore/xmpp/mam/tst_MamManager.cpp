// SPDX-License-Identifier: Apache-2.0
// MamManager without a server: the query it builds (XEP-0313 §4.1, XEP-0059 RSM paging forward with <after>,
// or the newest page with an empty <before/>), which results it accepts (only from our own account and only
// for a query it runs, XEP-0313 §9, CVE-2020-26547), and that forged results are consumed, never stored.
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/MessageStore.h"
#include "testlib/ParseXml.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/mam/MamManager.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

const Jid Own = Jid::fromString(u"juliet@example.com/balcony");
const Jid Romeo = Jid::fromString(u"romeo@montague.lit");

template <typename T> T await(QFuture<T> future)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    if (!future.isFinished()) {
        qFatal("a future did not finish in time");
    }
    return future.result();
}

/// An archive result message as a server sends it (XEP-0313 §4.2, Example 4), with the given outer 'from'
/// (none when empty), queryid (none when empty) and inner message.
QByteArray result(const QByteArray &from, const QByteArray &queryId, const QByteArray &inner,
    const QByteArray &id = "28482-98726-73623")
{
    QByteArray xml = "<message to='juliet@example.com/balcony' id='aeb213'";
    if (!from.isEmpty()) {
        xml += " from='" + from + "'";
    }
    xml += "><result xmlns='urn:xmpp:mam:2'";
    if (!queryId.isEmpty()) {
        xml += " queryid='" + queryId + "'";
    }
    if (!id.isEmpty()) {
        xml += " id='" + id + "'";
    }
    xml += "><forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2010-07-10T23:08:25Z'/>" + inner
        + "</forwarded></result></message>";
    return xml;
}

const QByteArray FromRomeo
    = "<message xmlns='jabber:client' from='romeo@montague.lit/orchard' "
      "to='juliet@example.com/balcony' type='chat' id='m1'><body>Call me but love</body></message>";
const QByteArray FromOtherResource
    = "<message xmlns='jabber:client' from='juliet@example.com/phone' to='romeo@montague.lit' type='chat' "
      "id='m2'><body>Deny thy father</body></message>";
const QByteArray BetweenOthers = "<message xmlns='jabber:client' from='romeo@montague.lit/orchard' "
                                 "to='tybalt@capulet.lit' type='chat' id='m3'><body>not yours</body></message>";

} // namespace

class tst_MamManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void buildsAForwardPageAfterTheNewestId();
    void buildsTheNewestPageWithoutAnId();
    void acceptsOnlyOwnResultsForRunningQueries_data();
    void acceptsOnlyOwnResultsForRunningQueries();
    void forgedResultsAreConsumedAndNotStored_data();
    void forgedResultsAreConsumedAndNotStored();
    void archivedOwnMessageIsStoredAsOutgoing();
    void catchUpWithoutConnectionFinishesIncomplete();

private:
    Client *m_client = nullptr;
    MessageStore *m_store = nullptr;
    ChatManager *m_chats = nullptr;
    MamManager *m_mam = nullptr;
};

void tst_MamManager::init()
{
    m_client = new Client(this);
    m_store = new MessageStore(u":memory:"_s, this);
    QCOMPARE(await(m_store->open()), QString());
    m_chats = new ChatManager(m_store);
    m_chats->setOwnJid(Own);
    m_mam = new MamManager(m_chats, m_store);
    m_client->addExtension(m_chats);
    m_client->addExtension(m_mam);
}

void tst_MamManager::cleanup()
{
    delete m_client;
    delete m_store;
}

void tst_MamManager::buildsAForwardPageAfterTheNewestId()
{
    const XmlElement iq = MamManager::buildQuery(u"q1"_s, u"09af3-cc343-b409f"_s);
    QCOMPARE(stanza::iqType(iq), stanza::IqType::Set);
    QVERIFY(!iq.hasAttribute(u"to")); // our own archive (XEP-0313 §4.1)
    QVERIFY(!iq.attribute(u"id").isEmpty());
    const XmlElement *query = iq.firstChild(u"query", u"urn:xmpp:mam:2");
    QVERIFY(query);
    QCOMPARE(query->attribute(u"queryid"), u"q1"_s);
    const XmlElement *set = query->firstChild(u"set", u"http://jabber.org/protocol/rsm");
    QVERIFY(set);
    QCOMPARE(set->childText(u"max", u"http://jabber.org/protocol/rsm"), QString::number(MamManager::PageSize));
    QCOMPARE(set->childText(u"after", u"http://jabber.org/protocol/rsm"), u"09af3-cc343-b409f"_s);
    QVERIFY(!set->firstChild(u"before"));
}

void tst_MamManager::buildsTheNewestPageWithoutAnId()
{
    const XmlElement iq = MamManager::buildQuery(u"q2"_s, {}, 50);
    const XmlElement *set = iq.firstChild(u"query", u"urn:xmpp:mam:2")->firstChild(u"set");
    QVERIFY(set);
    QCOMPARE(set->childText(u"max"), u"50"_s);
    const XmlElement *before = set->firstChild(u"before", u"http://jabber.org/protocol/rsm");
    QVERIFY(before); // XEP-0059 §2.5: an empty <before/> is the last page
    QVERIFY(before->text().isEmpty());
    QVERIFY(!set->firstChild(u"after"));
}

void tst_MamManager::acceptsOnlyOwnResultsForRunningQueries_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no from") << result({}, "q1", FromRomeo) << true;
    QTest::newRow("own bare JID") << result("juliet@example.com", "q1", FromRomeo) << true;
    QTest::newRow("own message from another resource") << result({}, "q1", FromOtherResource) << true;
    QTest::newRow("from a contact") << result("romeo@montague.lit", "q1", FromRomeo) << false;
    QTest::newRow("from a contact's full JID") << result("romeo@montague.lit/orchard", "q1", FromRomeo) << false;
    QTest::newRow("from our own full JID") << result("juliet@example.com/phone", "q1", FromRomeo) << false;
    QTest::newRow("from our server's domain") << result("example.com", "q1", FromRomeo) << false;
    QTest::newRow("wrong queryid") << result({}, "q2", FromRomeo) << false;
    QTest::newRow("no queryid") << result({}, {}, FromRomeo) << false;
    QTest::newRow("no result id") << result({}, "q1", FromRomeo, {}) << false;
    QTest::newRow("not our message") << result({}, "q1", BetweenOthers) << false;
    QTest::newRow("nothing forwarded") << result({}, "q1", {}) << false;
}

void tst_MamManager::acceptsOnlyOwnResultsForRunningQueries()
{
    QFETCH(QByteArray, xml);
    QFETCH(bool, accepted);
    const std::optional<MamManager::Result> parsed
        = MamManager::parseResult(parseStanza(xml), Own, QSet<QString> { u"q1"_s });
    QCOMPARE(parsed.has_value(), accepted);
    if (parsed) {
        QCOMPARE(parsed->id, u"28482-98726-73623"_s);
        QCOMPARE(parsed->stamp, QDateTime(QDate(2010, 7, 10), QTime(23, 8, 25), Qt::UTC));
        QCOMPARE(parsed->message.name(), u"message"_s);
        QVERIFY(!parsed->message.childText(u"body").isEmpty());
    }
}

void tst_MamManager::forgedResultsAreConsumedAndNotStored_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("from a contact") << result("romeo@montague.lit/orchard", "q1", FromRomeo);
    QTest::newRow("queryid of no running query") << result({}, "q1", FromRomeo);
    QTest::newRow("no queryid") << result({}, {}, FromRomeo);
}

void tst_MamManager::forgedResultsAreConsumedAndNotStored()
{
    QFETCH(QByteArray, xml);
    QSignalSpy received(m_chats, &ChatManager::messageReceived);
    // Claimed (so nothing else treats it as a message), but no query of ours is running: dropped.
    QVERIFY(m_mam->handleStanza(parseStanza(xml)));
    QCOMPARE(await(m_store->count()), qint64(0));
    QCOMPARE(received.count(), 0);
    // Messages without an archive result are not MamManager's.
    QVERIFY(!m_mam->handleStanza(parseStanza(FromRomeo)));
}

void tst_MamManager::archivedOwnMessageIsStoredAsOutgoing()
{
    // What an accepted result hands on: our own message from another resource is ours, not the contact's.
    const std::optional<MamManager::Result> parsed
        = MamManager::parseResult(parseStanza(result({}, "q1", FromOtherResource)), Own, { u"q1"_s });
    QVERIFY(parsed);
    QSignalSpy received(m_chats, &ChatManager::messageReceived);
    m_chats->ingest(parsed->message, ChatManager::Origin::Archive, parsed->stamp, parsed->id);
    QTRY_COMPARE(received.count(), 1);
    const QList<StoredMessage> history = await(m_store->page(Romeo, 0, 10));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().direction, StoredMessage::Direction::Outgoing);
    QCOMPARE(history.first().stanzaId, parsed->id);
    QCOMPARE(await(m_store->lastArchiveId()), parsed->id);
    // The same archived message again (a second catch-up) is a duplicate.
    m_chats->ingest(parsed->message, ChatManager::Origin::Archive, parsed->stamp, parsed->id);
    QTRY_COMPARE(received.count(), 2);
    QVERIFY(received.at(1).at(3).toBool());
    QCOMPARE(await(m_store->count()), qint64(1));
}

void tst_MamManager::catchUpWithoutConnectionFinishesIncomplete()
{
    QSignalSpy finished(m_mam, &MamManager::catchUpFinished);
    m_mam->catchUp();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!m_mam->isCatchingUp());
}

QTEST_GUILESS_MAIN(tst_MamManager)
#include "tst_MamManager.moc"
