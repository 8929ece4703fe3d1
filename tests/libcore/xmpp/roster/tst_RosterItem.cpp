// SPDX-License-Identifier: Apache-2.0
// RosterItem: the RFC 6121 §2.1.2 attributes and groups, read from and written to <item/>.
#include "RosterTestXml.h"
#include "xmpp/roster/RosterItem.h"
#include "xmpp/roster/RosterNamespaces.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

using Subscription = RosterItem::Subscription;

class tst_RosterItem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesItems_data();
    void parsesItems();
    void rejectsItemsWithoutABareJid_data();
    void rejectsItemsWithoutABareJid();
    void writesWhatItReads();
    void rosterSetCarriesOnlyJidNameAndGroups();
    void removalIsWrittenAsSubscriptionRemove();
};

namespace {

XmlElement item(const QString &inner)
{
    return parseStanza(u"<iq type='result' id='1'><query xmlns='jabber:iq:roster'>"_s + inner + u"</query></iq>"_s)
        .firstChild(u"query", ns::roster::Query)
        ->children()
        .first();
}

} // namespace

void tst_RosterItem::parsesItems_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("jid");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<int>("subscription");
    QTest::addColumn<bool>("ask");
    QTest::addColumn<bool>("approved");

    // RFC 6121 §2.1.4 example 2.1.4 (juliet's roster).
    QTest::newRow("rfc-romeo") << u"<item jid='romeo@example.net' name='Romeo' subscription='both'>"
                                  u"<group>Friends</group></item>"_s
                               << u"romeo@example.net"_s << u"Romeo"_s << QStringList { u"Friends"_s }
                               << int(Subscription::Both) << false << false;
    QTest::newRow("rfc-mercutio") << u"<item jid='mercutio@example.com' name='Mercutio' subscription='from'/>"_s
                                  << u"mercutio@example.com"_s << u"Mercutio"_s << QStringList {}
                                  << int(Subscription::From) << false << false;
    QTest::newRow("no-subscription-means-none")
        << u"<item jid='nurse@example.com'/>"_s << u"nurse@example.com"_s << QString() << QStringList {}
        << int(Subscription::None) << false << false;
    QTest::newRow("to") << u"<item jid='a@example.com' subscription='to'/>"_s << u"a@example.com"_s << QString()
                        << QStringList {} << int(Subscription::To) << false << false;
    QTest::newRow("unknown-subscription-is-none")
        << u"<item jid='a@example.com' subscription='everything'/>"_s << u"a@example.com"_s << QString()
        << QStringList {} << int(Subscription::None) << false << false;
    QTest::newRow("remove") << u"<item jid='a@example.com' subscription='remove'/>"_s << u"a@example.com"_s << QString()
                            << QStringList {} << int(Subscription::Remove) << false << false;
    QTest::newRow("ask-subscribe") << u"<item jid='a@example.com' subscription='none' ask='subscribe'/>"_s
                                   << u"a@example.com"_s << QString() << QStringList {} << int(Subscription::None)
                                   << true << false;
    QTest::newRow("ask-other-value-ignored")
        << u"<item jid='a@example.com' ask='unsubscribe'/>"_s << u"a@example.com"_s << QString() << QStringList {}
        << int(Subscription::None) << false << false;
    QTest::newRow("approved-true") << u"<item jid='a@example.com' approved='true'/>"_s << u"a@example.com"_s
                                   << QString() << QStringList {} << int(Subscription::None) << false << true;
    QTest::newRow("approved-1") << u"<item jid='a@example.com' approved='1'/>"_s << u"a@example.com"_s << QString()
                                << QStringList {} << int(Subscription::None) << false << true;
    QTest::newRow("approved-false") << u"<item jid='a@example.com' approved='false'/>"_s << u"a@example.com"_s
                                    << QString() << QStringList {} << int(Subscription::None) << false << false;
    QTest::newRow("several-groups-in-order")
        << u"<item jid='a@example.com'><group>Work</group><group>朋友</group><group>A</group></item>"_s
        << u"a@example.com"_s << QString() << QStringList { u"Work"_s, u"朋友"_s, u"A"_s } << int(Subscription::None)
        << false << false;
    QTest::newRow("duplicate-and-empty-groups-dropped")
        << u"<item jid='a@example.com'><group>Work</group><group/><group>Work</group></item>"_s << u"a@example.com"_s
        << QString() << QStringList { u"Work"_s } << int(Subscription::None) << false << false;
    QTest::newRow("jid-normalised") << u"<item jid='Alice@Example.COM' name='  spaced  '/>"_s << u"alice@example.com"_s
                                    << u"  spaced  "_s << QStringList {} << int(Subscription::None) << false << false;
    QTest::newRow("domain-jid") << u"<item jid='gateway.example.com'/>"_s << u"gateway.example.com"_s << QString()
                                << QStringList {} << int(Subscription::None) << false << false;
}

void tst_RosterItem::parsesItems()
{
    QFETCH(QString, xml);
    QFETCH(QString, jid);
    QFETCH(QString, name);
    QFETCH(QStringList, groups);
    QFETCH(int, subscription);
    QFETCH(bool, ask);
    QFETCH(bool, approved);

    const std::optional<RosterItem> parsed = RosterItem::fromXml(item(xml));
    QVERIFY(parsed);
    QCOMPARE(parsed->jid.toString(), jid);
    QCOMPARE(parsed->name, name);
    QCOMPARE(parsed->groups, groups);
    QCOMPARE(int(parsed->subscription), subscription);
    QCOMPARE(parsed->ask, ask);
    QCOMPARE(parsed->approved, approved);
    QCOMPARE(parsed->isRemoval(), subscription == int(Subscription::Remove));
}

void tst_RosterItem::rejectsItemsWithoutABareJid_data()
{
    QTest::addColumn<QString>("xml");
    QTest::newRow("no-jid") << u"<item name='x'/>"_s;
    QTest::newRow("empty-jid") << u"<item jid=''/>"_s;
    QTest::newRow("invalid-jid") << u"<item jid='a@b@c'/>"_s;
    QTest::newRow("full-jid") << u"<item jid='a@example.com/phone'/>"_s;
    QTest::newRow("wrong-element") << u"<contact jid='a@example.com'/>"_s;
}

void tst_RosterItem::rejectsItemsWithoutABareJid()
{
    QFETCH(QString, xml);
    QVERIFY(!RosterItem::fromXml(item(xml)));
}

void tst_RosterItem::writesWhatItReads()
{
    RosterItem original;
    original.jid = Jid::fromString(u"romeo@example.net");
    original.name = u"Romeo & <Juliet>"_s;
    original.groups = { u"Friends"_s, u"Verona"_s };
    original.subscription = Subscription::To;
    original.ask = true;
    original.approved = true;
    const XmlElement xml = original.toXml();
    QVERIFY(xml.is(u"item", ns::roster::Query));
    QCOMPARE(xml.attribute(u"subscription"), u"to"_s);
    QCOMPARE(xml.attribute(u"ask"), u"subscribe"_s);
    QCOMPARE(xml.attribute(u"approved"), u"true"_s);
    QCOMPARE(RosterItem::fromXml(xml), original);

    RosterItem plain;
    plain.jid = Jid::fromString(u"nurse@example.com");
    QCOMPARE(RosterItem::fromXml(plain.toXml()), plain);
    QVERIFY(!plain.toXml().hasAttribute(u"name"));
    QVERIFY(!plain.toXml().hasAttribute(u"ask"));
}

void tst_RosterItem::rosterSetCarriesOnlyJidNameAndGroups()
{
    // RFC 6121 §2.3.2: 'ask' and 'approved' are the server's; a set says only who, name and groups.
    RosterItem item;
    item.jid = Jid::fromString(u"nurse@example.com");
    item.name = u"Nurse"_s;
    item.groups = { u"Servants"_s };
    item.subscription = Subscription::Both;
    item.ask = true;
    item.approved = true;
    const XmlElement xml = item.toSetXml();
    QCOMPARE(xml.attribute(u"jid"), u"nurse@example.com"_s);
    QCOMPARE(xml.attribute(u"name"), u"Nurse"_s);
    QVERIFY(!xml.hasAttribute(u"subscription"));
    QVERIFY(!xml.hasAttribute(u"ask"));
    QVERIFY(!xml.hasAttribute(u"approved"));
    QCOMPARE(xml.children().size(), 1);
    QCOMPARE(xml.childText(u"group", ns::roster::Query), u"Servants"_s);
}

void tst_RosterItem::removalIsWrittenAsSubscriptionRemove()
{
    // RFC 6121 §2.5.2.
    RosterItem item;
    item.jid = Jid::fromString(u"nurse@example.com");
    item.name = u"ignored"_s;
    item.groups = { u"ignored"_s };
    item.subscription = Subscription::Remove;
    const XmlElement xml = item.toSetXml();
    QCOMPARE(xml.attribute(u"subscription"), u"remove"_s);
    QVERIFY(!xml.hasAttribute(u"name"));
    QVERIFY(xml.children().isEmpty());
}

QTEST_GUILESS_MAIN(tst_RosterItem)
#include "tst_RosterItem.moc"
