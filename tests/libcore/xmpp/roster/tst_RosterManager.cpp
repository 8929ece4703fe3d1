// SPDX-License-Identifier: Apache-2.0
// RosterManager without a server: who may push (RFC 6121 §2.1.6), and what a push does to the roster and
// its cache. Canned stanzas are fed to handleStanza() as the Client's router would.
#include "RosterTestXml.h"
#include "client/Client.h"
#include "storage/RosterStore.h"
#include "xmpp/roster/RosterManager.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

class tst_RosterManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pushSenderRule_data();
    void pushSenderRule();
    void appliesPushWithoutFrom();
    void rejectsRosterPushFromStranger();
    void refusesPushWithoutExactlyOneItem();
    void leavesOtherStanzasAlone();
    void burstOfPushesIsOneBatchWrittenToTheStore();
    void fetchWithoutConnectionFailsButLoadsCache();
};

namespace {

XmlElement push(const QString &fromAttribute, const QString &items, const QString &ver = {})
{
    return parseStanza(u"<iq type='set' id='push1'"_s + fromAttribute + u"><query xmlns='jabber:iq:roster'"_s
        + (ver.isNull() ? QString() : u" ver='"_s + ver + u"'"_s) + u">"_s + items + u"</query></iq>"_s);
}

} // namespace

void tst_RosterManager::initTestCase()
{
    qRegisterMetaType<QList<RosterItem>>();
    qRegisterMetaType<QList<Jid>>();
}

void tst_RosterManager::pushSenderRule_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("valid");
    const QString none = u"<none>"_s;
    QTest::newRow("no-from") << none << true;
    QTest::newRow("own-bare") << u"juliet@example.com"_s << true;
    QTest::newRow("own-bare-other-case") << u"Juliet@Example.com"_s << true;
    QTest::newRow("own-full") << u"juliet@example.com/balcony"_s << false;
    QTest::newRow("own-other-resource") << u"juliet@example.com/chamber"_s << false;
    QTest::newRow("stranger-bare") << u"mallory@example.com"_s << false;
    QTest::newRow("stranger-full") << u"mallory@example.com/evil"_s << false;
    QTest::newRow("own-server") << u"example.com"_s << false;
    QTest::newRow("empty-from") << QString(u""_s) << false;
    QTest::newRow("malformed-from") << u"@@@"_s << false;
}

void tst_RosterManager::pushSenderRule()
{
    QFETCH(QString, from);
    QFETCH(bool, valid);
    XmlElement iq = push({}, u"<item jid='nurse@example.com'/>"_s);
    if (from != u"<none>") {
        iq.setAttribute(u"from"_s, from);
    }
    const Jid own = Jid::fromString(u"juliet@example.com/balcony");
    QCOMPARE(RosterManager::isValidPushSender(iq, own), valid);
    QCOMPARE(RosterManager::isValidPushSender(iq, own.bare()), valid);
}

void tst_RosterManager::appliesPushWithoutFrom()
{
    Client client;
    auto *roster = new RosterManager;
    client.addExtension(roster);
    QSignalSpy changed(roster, &RosterManager::itemsChanged);
    QSignalSpy removed(roster, &RosterManager::itemsRemoved);

    QVERIFY(roster->handleStanza(
        push({}, u"<item jid='nurse@example.com' name='Nurse' subscription='from'><group>Servants</group></item>"_s,
            u"ver7"_s)));
    QCOMPARE(roster->item(Jid::fromString(u"nurse@example.com"))->name, u"Nurse"_s);
    QCOMPARE(roster->version(), u"ver7"_s);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.size(), 1);
    const auto items = changed.first().first().value<QList<RosterItem>>();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().groups, QStringList { u"Servants"_s });
    QCOMPARE(items.first().subscription, RosterItem::Subscription::From);

    QVERIFY(roster->handleStanza(push({}, u"<item jid='nurse@example.com' subscription='remove'/>"_s, u"ver8"_s)));
    QVERIFY(!roster->item(Jid::fromString(u"nurse@example.com")));
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<QList<Jid>>(), QList<Jid> { Jid::fromString(u"nurse@example.com") });
    QCOMPARE(roster->version(), u"ver8"_s);
    QCOMPARE(changed.size(), 1);
}

void tst_RosterManager::rejectsRosterPushFromStranger()
{
    Client client;
    auto *roster = new RosterManager;
    client.addExtension(roster);
    QSignalSpy changed(roster, &RosterManager::itemsChanged);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ignoring a roster push from.*mallory"_s));
    // Handled (so the router does not answer service-unavailable either), but not applied.
    QVERIFY(roster->handleStanza(
        push(u" from='mallory@example.com/evil'"_s, u"<item jid='mallory@example.com' name='Trust me'/>"_s, u"v9"_s)));
    QVERIFY(roster->items().isEmpty());
    QVERIFY(roster->version().isNull());
    QTest::qWait(0);
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), 0);
}

void tst_RosterManager::refusesPushWithoutExactlyOneItem()
{
    Client client;
    auto *roster = new RosterManager;
    client.addExtension(roster);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"malformed roster push with 2 items"_s));
    QVERIFY(roster->handleStanza(push({}, u"<item jid='a@example.com'/><item jid='b@example.com'/>"_s)));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"malformed roster push with 0 items"_s));
    QVERIFY(roster->handleStanza(push({}, {})));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"malformed roster push with 1 items"_s));
    QVERIFY(roster->handleStanza(push({}, u"<item jid='a@example.com/res'/>"_s)));
    QVERIFY(roster->items().isEmpty());
}

void tst_RosterManager::leavesOtherStanzasAlone()
{
    Client client;
    auto *roster = new RosterManager;
    client.addExtension(roster);
    QVERIFY(!roster->handleStanza(parseStanza(u"<iq type='get' id='x'><query xmlns='jabber:iq:roster'/></iq>"_s)));
    QVERIFY(!roster->handleStanza(parseStanza(u"<iq type='set' id='x'><query xmlns='jabber:iq:other'/></iq>"_s)));
    QVERIFY(!roster->handleStanza(parseStanza(u"<message><body>hi</body></message>"_s)));
}

void tst_RosterManager::burstOfPushesIsOneBatchWrittenToTheStore()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    Client client;
    auto *roster = new RosterManager;
    roster->setStore(&store);
    client.addExtension(roster);
    QSignalSpy changed(roster, &RosterManager::itemsChanged);
    QSignalSpy removed(roster, &RosterManager::itemsRemoved);

    for (int i = 0; i < 50; ++i) {
        QVERIFY(roster->handleStanza(
            push({}, u"<item jid='c%1@example.com'><group>G</group></item>"_s.arg(i), u"v%1"_s.arg(i))));
    }
    // Changed then removed within the burst: only the removal is reported.
    QVERIFY(roster->handleStanza(push({}, u"<item jid='c7@example.com' subscription='remove'/>"_s, u"v50"_s)));
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<QList<RosterItem>>().size(), 49);

    // The signal came after the commit: the store already has all of it.
    const RosterStore::Roster cached = store.load().result();
    QCOMPARE(cached.items.size(), 49);
    QCOMPARE(cached.version, u"v50"_s);
    QCOMPARE(roster->items().size(), 49);
}

void tst_RosterManager::fetchWithoutConnectionFailsButLoadsCache()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    RosterItem cachedItem;
    cachedItem.jid = Jid::fromString(u"romeo@example.net");
    cachedItem.subscription = RosterItem::Subscription::Both;
    QVERIFY(store.replaceAll({ cachedItem }, u"v1"_s).result());

    Client client;
    auto *roster = new RosterManager;
    roster->setStore(&store);
    client.addExtension(roster);
    QSignalSpy loaded(roster, &RosterManager::cacheLoaded);
    QFuture<RosterManager::Result> fetched = roster->fetch();
    QTRY_VERIFY(fetched.isFinished());
    QVERIFY(std::holds_alternative<XmppError>(fetched.result()));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(roster->items(), QList<RosterItem> { cachedItem });
    QCOMPARE(roster->version(), u"v1"_s);
    QVERIFY(!roster->hasRoster());
}

QTEST_GUILESS_MAIN(tst_RosterManager)
#include "tst_RosterManager.moc"
