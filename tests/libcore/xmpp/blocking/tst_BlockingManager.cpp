// SPDX-License-Identifier: Apache-2.0
// BlockingManager's state, fed canned pushes through the Client's extension interface (no server):
// what it believes is blocked, and that a stranger's push changes nothing.
#include "client/Client.h"
#include "testlib/ParseXml.h"
#include "xml/XmlElement.h"
#include "xml/XmlStreamParser.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/blocking/BlocklistPush.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

Jid jid(QStringView text)
{
    return Jid::fromString(text);
}

} // namespace

class tst_BlockingManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pushFromOwnAccountChangesTheList();
    void pushFromStrangerIsConsumedAndChangesNothing();
    void unblockAllPushEmptiesTheList();
    void matchesLikeXep0016();
    void leavesOtherStanzasAlone();
    void emptyUnblockIsRefusedLocally();

private:
    std::unique_ptr<Client> m_client;
    BlockingManager *m_manager = nullptr;
};

void tst_BlockingManager::init()
{
    m_client = std::make_unique<Client>();
    m_manager = new BlockingManager;
    m_client->addExtension(m_manager);
}

void tst_BlockingManager::cleanup()
{
    m_client.reset();
}

void tst_BlockingManager::pushFromOwnAccountChangesTheList()
{
    QSignalSpy changed(m_manager, &BlockingManager::blocklistChanged);
    QVERIFY(m_manager->handleStanza(test::parseStanza("<iq type='set' id='p1'><block xmlns='urn:xmpp:blocking'>"
                                                      "<item jid='romeo@montague.net'/><item jid='tybalt@capulet.lit'/>"
                                                      "</block></iq>")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_manager->isBlocked(jid(u"romeo@montague.net")));
    QVERIFY(m_manager->isBlocked(jid(u"tybalt@capulet.lit/sword")));
    QCOMPARE(m_manager->blockedJids().size(), 2);

    // The same push again (e.g. after our own block() was confirmed) is no change.
    m_manager->handleStanza(test::parseStanza(
        "<iq type='set' id='p2'><block xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></block></iq>"));
    QCOMPARE(changed.size(), 1);

    QVERIFY(m_manager->handleStanza(test::parseStanza(
        "<iq type='set' id='p3'><unblock xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></unblock></iq>")));
    QCOMPARE(changed.size(), 2);
    QVERIFY(!m_manager->isBlocked(jid(u"romeo@montague.net")));
    QVERIFY(m_manager->isBlocked(jid(u"tybalt@capulet.lit")));
}

void tst_BlockingManager::pushFromStrangerIsConsumedAndChangesNothing()
{
    QSignalSpy changed(m_manager, &BlockingManager::blocklistChanged);
    m_manager->handleStanza(test::parseStanza(
        "<iq type='set' id='p1'><block xmlns='urn:xmpp:blocking'><item jid='nurse@capulet.lit'/></block></iq>"));
    QCOMPARE(changed.size(), 1);

    // Handled (answered with an error, never offered to anyone else), but not applied.
    QVERIFY(m_manager->handleStanza(test::parseStanza("<iq type='set' id='evil' from='mallory@evil.example'>"
                                                      "<unblock xmlns='urn:xmpp:blocking'/></iq>")));
    QVERIFY(m_manager->handleStanza(
        test::parseStanza("<iq type='set' id='evil2' from='mallory@evil.example/x'>"
                          "<block xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></block></iq>")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_manager->isBlocked(jid(u"nurse@capulet.lit")));
    QVERIFY(!m_manager->isBlocked(jid(u"romeo@montague.net")));
}

void tst_BlockingManager::unblockAllPushEmptiesTheList()
{
    m_manager->handleStanza(test::parseStanza("<iq type='set' id='p1'><block xmlns='urn:xmpp:blocking'>"
                                              "<item jid='a@example.com'/><item jid='b@example.com'/></block></iq>"));
    QCOMPARE(m_manager->blockedJids().size(), 2);
    QSignalSpy changed(m_manager, &BlockingManager::blocklistChanged);
    m_manager->handleStanza(test::parseStanza("<iq type='set' id='p2'><unblock xmlns='urn:xmpp:blocking'/></iq>"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_manager->blockedJids().isEmpty());
}

void tst_BlockingManager::matchesLikeXep0016()
{
    m_manager->applyPush(BlocklistPush { BlocklistPush::Action::Block,
        { jid(u"montague.net"), jid(u"nurse@capulet.lit/kitchen"), jid(u"capulet.lit/gate") } });
    QVERIFY(m_manager->isBlocked(jid(u"romeo@montague.net/orchard"))); // the whole domain
    QVERIFY(m_manager->isBlocked(jid(u"montague.net")));
    QVERIFY(m_manager->isBlocked(jid(u"nurse@capulet.lit/kitchen"))); // that resource only
    QVERIFY(!m_manager->isBlocked(jid(u"nurse@capulet.lit/garden")));
    QVERIFY(!m_manager->isBlocked(jid(u"nurse@capulet.lit")));
    QVERIFY(m_manager->isBlocked(jid(u"tybalt@capulet.lit/gate"))); // domain/resource
    QVERIFY(!m_manager->isBlocked(jid(u"tybalt@capulet.lit/hall")));
    QVERIFY(!m_manager->isBlocked(Jid()));
}

void tst_BlockingManager::leavesOtherStanzasAlone()
{
    QVERIFY(
        !m_manager->handleStanza(test::parseStanza("<message from='romeo@montague.net'><body>hi</body></message>")));
    QVERIFY(!m_manager->handleStanza(
        test::parseStanza("<iq type='get' id='g'><blocklist xmlns='urn:xmpp:blocking'/></iq>")));
    QVERIFY(
        !m_manager->handleStanza(test::parseStanza("<iq type='set' id='r'><query xmlns='jabber:iq:roster'/></iq>")));
}

void tst_BlockingManager::emptyUnblockIsRefusedLocally()
{
    // An <unblock/> without items would unblock everyone (XEP-0191 §3.4): only unblockAll() may send it.
    const auto unblock = m_manager->unblock(QList<Jid> {});
    QVERIFY(unblock.isFinished());
    QVERIFY(std::holds_alternative<XmppError>(unblock.result()));
    const auto block = m_manager->block(QList<Jid> {});
    QVERIFY(block.isFinished());
    QVERIFY(std::holds_alternative<XmppError>(block.result()));
}

QTEST_GUILESS_MAIN(tst_BlockingManager)
#include "tst_BlockingManager.moc"
