// SPDX-License-Identifier: Apache-2.0
// XEP-0191 blocklist pushes: only our own account may tell us what we block.
#include "testlib/ParseXml.h"
#include "xml/XmlElement.h"
#include "xml/XmlStreamParser.h"
#include "xmpp/blocking/BlocklistPush.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

const Jid Own = Jid::fromString(u"juliet@capulet.lit/chamber");

} // namespace

class tst_BlocklistPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsPushesOnlyFromOwnAccount_data();
    void acceptsPushesOnlyFromOwnAccount();
    void readsBlockAndUnblockPushes();
    void emptyUnblockMeansEverything();
    void refusesMalformedPushes_data();
    void refusesMalformedPushes();
    void skipsItemsThatAreNotJids();
};

void tst_BlocklistPush::acceptsPushesOnlyFromOwnAccount_data()
{
    QTest::addColumn<QByteArray>("fromAttribute");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no from (the server on our behalf)") << QByteArray() << true;
    QTest::newRow("our bare JID") << QByteArray(" from='juliet@capulet.lit'") << true;
    QTest::newRow("our bare JID, other case") << QByteArray(" from='Juliet@Capulet.lit'") << true;
    QTest::newRow("our own full JID") << QByteArray(" from='juliet@capulet.lit/chamber'") << false;
    QTest::newRow("another of our resources") << QByteArray(" from='juliet@capulet.lit/balcony'") << false;
    QTest::newRow("a stranger") << QByteArray(" from='mallory@evil.example'") << false;
    QTest::newRow("a contact on our server") << QByteArray(" from='romeo@capulet.lit'") << false;
    QTest::newRow("our server's domain") << QByteArray(" from='capulet.lit'") << false;
    QTest::newRow("not a JID") << QByteArray(" from='@@@'") << false;
}

void tst_BlocklistPush::acceptsPushesOnlyFromOwnAccount()
{
    QFETCH(QByteArray, fromAttribute);
    QFETCH(bool, accepted);
    const XmlElement push = test::parseStanza("<iq type='set' id='push1'" + fromAttribute
        + "><block xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></block></iq>");
    QVERIFY(BlocklistPush::isPush(push));
    QCOMPARE(BlocklistPush::fromIq(push, Own).has_value(), accepted);
}

void tst_BlocklistPush::readsBlockAndUnblockPushes()
{
    // XEP-0191 §3.3, example 6.
    const auto block
        = BlocklistPush::fromIq(test::parseStanza("<iq to='juliet@capulet.lit/chamber' type='set' id='push1'>"
                                                  "<block xmlns='urn:xmpp:blocking'>"
                                                  "<item jid='romeo@montague.net'/><item jid='montague.org'/>"
                                                  "</block></iq>"),
            Own);
    QVERIFY(block);
    QCOMPARE(block->action, BlocklistPush::Action::Block);
    QCOMPARE(block->jids, (QList<Jid> { Jid::fromString(u"romeo@montague.net"), Jid::fromString(u"montague.org") }));
    QVERIFY(!block->unblocksAll());

    // XEP-0191 §3.4, example 10.
    const auto unblock
        = BlocklistPush::fromIq(test::parseStanza("<iq to='juliet@capulet.lit/chamber' type='set' id='push3'>"
                                                  "<unblock xmlns='urn:xmpp:blocking'>"
                                                  "<item jid='romeo@montague.net'/></unblock></iq>"),
            Own);
    QVERIFY(unblock);
    QCOMPARE(unblock->action, BlocklistPush::Action::Unblock);
    QCOMPARE(unblock->jids, QList<Jid> { Jid::fromString(u"romeo@montague.net") });
}

void tst_BlocklistPush::emptyUnblockMeansEverything()
{
    // XEP-0191 §3.4, example 13.
    const auto push = BlocklistPush::fromIq(
        test::parseStanza(
            "<iq to='juliet@capulet.lit/chamber' type='set' id='push5'><unblock xmlns='urn:xmpp:blocking'/></iq>"),
        Own);
    QVERIFY(push);
    QVERIFY(push->unblocksAll());
}

void tst_BlocklistPush::refusesMalformedPushes_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("block without items (must not read as unblock-all)")
        << QByteArray("<iq type='set' id='a'><block xmlns='urn:xmpp:blocking'/></iq>");
    QTest::newRow("unblock whose only item is not a JID (must not read as unblock-all)")
        << QByteArray("<iq type='set' id='a'><unblock xmlns='urn:xmpp:blocking'><item jid='@'/></unblock></iq>");
    QTest::newRow("a result, not a push")
        << QByteArray("<iq type='result' id='a'><block xmlns='urn:xmpp:blocking'><item jid='a@b'/></block></iq>");
    QTest::newRow("a get") << QByteArray("<iq type='get' id='a'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
    QTest::newRow("wrong namespace") << QByteArray(
        "<iq type='set' id='a'><block xmlns='urn:xmpp:blocking:x'><item jid='a@b'/></block></iq>");
    QTest::newRow("a message") << QByteArray(
        "<message><block xmlns='urn:xmpp:blocking'><item jid='a@b'/></block></message>");
}

void tst_BlocklistPush::refusesMalformedPushes()
{
    QFETCH(QByteArray, xml);
    QVERIFY(!BlocklistPush::fromIq(test::parseStanza(xml), Own));
}

void tst_BlocklistPush::skipsItemsThatAreNotJids()
{
    const auto push
        = BlocklistPush::fromIq(test::parseStanza("<iq type='set' id='a'><block xmlns='urn:xmpp:blocking'>"
                                                  "<item jid='a@@b'/><item/><item jid='romeo@montague.net'/>"
                                                  "</block></iq>"),
            Own);
    QVERIFY(push);
    QCOMPARE(push->jids, QList<Jid> { Jid::fromString(u"romeo@montague.net") });
}

QTEST_GUILESS_MAIN(tst_BlocklistPush)
#include "tst_BlocklistPush.moc"
