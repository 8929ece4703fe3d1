// SPDX-License-Identifier: Apache-2.0
// Presence parsing (RFC 6121 §4.7, XEP-0319, XEP-0115 <c/>), the aggregate rule, and PresenceManager's
// bookkeeping and batching, fed stanzas directly (no network).
#include "base/Namespaces.h"
#include "client/Client.h"
#include "xmpp/presence/LastActivity.h"
#include "xmpp/presence/Presence.h"
#include "xmpp/presence/PresenceManager.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

Q_DECLARE_METATYPE(confab::Presence::Show)

namespace {

XmlElement presence(const QString &from, const QString &type = {})
{
    XmlElement p(u"presence"_s, ns::Client.toString());
    p.setAttribute(u"from"_s, from);
    p.setAttribute(u"to"_s, u"me@example.test/here"_s);
    if (!type.isEmpty()) {
        p.setAttribute(u"type"_s, type);
    }
    return p;
}

XmlElement &addText(XmlElement &e, const QString &name, const QString &text, const QString &lang = {})
{
    XmlElement &child = e.appendTextChild(name, text, ns::Client.toString());
    if (!lang.isEmpty()) {
        child.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), lang);
    }
    return e;
}

XmlElement available(const QString &from, const QString &show, int priority, const QString &status = {})
{
    XmlElement p = presence(from);
    if (!show.isEmpty()) {
        addText(p, u"show"_s, show);
    }
    if (!status.isEmpty()) {
        addText(p, u"status"_s, status);
    }
    addText(p, u"priority"_s, QString::number(priority));
    return p;
}

Presence::Show showOf(const QString &name)
{
    return *Presence::showFromName(name);
}

} // namespace

class tst_Presence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesShow_data();
    void parsesShow();
    void picksStatusInOurLanguage_data();
    void picksStatusInOurLanguage();
    void priorityIsBoundedAndDefaultsToZero_data();
    void priorityIsBoundedAndDefaultsToZero();
    void parsesIdleAndCaps();
    void refusesSubscriptionTypesAndBadAddresses();
    void roundTripsThroughXml();
    void parsesLastActivity();

    void aggregateFollowsPriorityThenShowThenRecency_data();
    void aggregateFollowsPriorityThenShowThenRecency();

    void managerLeavesSubscriptionsToTheRoster();
    void managerTracksResourcesAndAggregate();
    void managerRecordsPresenceErrors();
    void floodOfPresencesGivesOneSignalPerTurn();
    void unavailableFromBareJidRemovesAllResources();
    void lostSessionMakesEveryoneUnknown();
};

void tst_Presence::parsesShow_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("show");
    QTest::addColumn<Presence::Show>("expected");
    QTest::newRow("no show") << QString() << QString() << Presence::Show::Online;
    QTest::newRow("chat") << QString() << u"chat"_s << Presence::Show::Chat;
    QTest::newRow("away") << QString() << u"away"_s << Presence::Show::Away;
    QTest::newRow("xa") << QString() << u"xa"_s << Presence::Show::ExtendedAway;
    QTest::newRow("dnd") << QString() << u"dnd"_s << Presence::Show::DoNotDisturb;
    QTest::newRow("unknown show is online") << QString() << u"sleeping"_s << Presence::Show::Online;
    QTest::newRow("unavailable") << u"unavailable"_s << u"chat"_s << Presence::Show::Offline;
}

void tst_Presence::parsesShow()
{
    QFETCH(QString, type);
    QFETCH(QString, show);
    QFETCH(Presence::Show, expected);
    XmlElement p = presence(u"bob@example.test/phone"_s, type);
    if (!show.isEmpty()) {
        addText(p, u"show"_s, show);
    }
    const auto parsed = Presence::fromXml(p);
    QVERIFY(parsed);
    QCOMPARE(parsed->show, expected);
    QCOMPARE(parsed->isAvailable(), type.isEmpty());
    QCOMPARE(parsed->from, Jid::fromString(u"bob@example.test/phone"));
}

void tst_Presence::picksStatusInOurLanguage_data()
{
    QTest::addColumn<QString>("stanzaLang");
    QTest::addColumn<QStringList>("statusLangs"); // "" for none
    QTest::addColumn<QString>("ours");
    QTest::addColumn<int>("expectedIndex");
    QTest::newRow("only one") << QString() << QStringList { u""_s } << u"en"_s << 0;
    QTest::newRow("exact match second") << QString() << QStringList { u"de"_s, u"en"_s } << u"en"_s << 1;
    QTest::newRow("case-insensitive") << QString() << QStringList { u"de"_s, u"zh-CN"_s } << u"zh-cn"_s << 1;
    QTest::newRow("primary subtag") << QString() << QStringList { u"de"_s, u"en-GB"_s } << u"en"_s << 1;
    QTest::newRow("exact beats primary") << QString() << QStringList { u"en-GB"_s, u"en"_s, u"de"_s } << u"en"_s << 1;
    QTest::newRow("none matches: first") << QString() << QStringList { u"de"_s, u"fr"_s } << u"en"_s << 0;
    QTest::newRow("no lang is the stream's (ours)") << QString() << QStringList { u"de"_s, u""_s } << u"en"_s << 1;
    QTest::newRow("inherits stanza lang") << u"de"_s << QStringList { u""_s, u"en"_s } << u"en"_s << 1;
}

void tst_Presence::picksStatusInOurLanguage()
{
    QFETCH(QString, stanzaLang);
    QFETCH(QStringList, statusLangs);
    QFETCH(QString, ours);
    QFETCH(int, expectedIndex);
    XmlElement p = presence(u"bob@example.test/phone"_s);
    if (!stanzaLang.isEmpty()) {
        p.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), stanzaLang);
    }
    for (qsizetype i = 0; i < statusLangs.size(); ++i) {
        addText(p, u"status"_s, u"status %1"_s.arg(i), statusLangs.at(i));
    }
    const auto parsed = Presence::fromXml(p, ours);
    QVERIFY(parsed);
    QCOMPARE(parsed->status, u"status %1"_s.arg(expectedIndex));
}

void tst_Presence::priorityIsBoundedAndDefaultsToZero_data()
{
    QTest::addColumn<QString>("text"); // null: no <priority/>
    QTest::addColumn<int>("expected");
    QTest::newRow("absent") << QString() << 0;
    QTest::newRow("5") << u"5"_s << 5;
    QTest::newRow("-128") << u"-128"_s << -128;
    QTest::newRow("127") << u"127"_s << 127;
    QTest::newRow("128 clamped") << u"128"_s << 127;
    QTest::newRow("-129 clamped") << u"-129"_s << -128;
    QTest::newRow("huge clamped") << u"99999999999"_s << 127;
    QTest::newRow("spaces") << u" 7 "_s << 7;
    QTest::newRow("not a number") << u"high"_s << 0;
    QTest::newRow("fraction") << u"1.5"_s << 0;
}

void tst_Presence::priorityIsBoundedAndDefaultsToZero()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    XmlElement p = presence(u"bob@example.test/phone"_s);
    if (!text.isNull()) {
        addText(p, u"priority"_s, text);
    }
    QCOMPARE(Presence::fromXml(p)->priority, expected);
}

void tst_Presence::parsesIdleAndCaps()
{
    XmlElement p = presence(u"bob@example.test/phone"_s);
    XmlElement idle(u"idle"_s, u"urn:xmpp:idle:1"_s);
    idle.setAttribute(u"since"_s, u"2024-03-01T10:15:00+01:00"_s);
    p.appendChild(idle);
    XmlElement c(u"c"_s, ns::Caps.toString());
    c.setAttribute(u"hash"_s, u"sha-1"_s);
    c.setAttribute(u"node"_s, u"http://psi-im.org"_s);
    c.setAttribute(u"ver"_s, u"q07IKJEyjvHSyhy//CH0CxmKi8w="_s);
    p.appendChild(c);
    const auto parsed = Presence::fromXml(p);
    QVERIFY(parsed);
    QCOMPARE(parsed->idleSince, QDateTime(QDate(2024, 3, 1), QTime(9, 15), Qt::UTC));
    QVERIFY(parsed->caps);
    QCOMPARE(parsed->caps->node, u"http://psi-im.org"_s);
    QCOMPARE(parsed->caps->ver, u"q07IKJEyjvHSyhy//CH0CxmKi8w="_s);
    QCOMPARE(parsed->caps->hash, u"sha-1"_s);

    // A <c/> without ver names nothing; a bad idle stamp is ignored, not fatal.
    XmlElement q = presence(u"bob@example.test/phone"_s);
    XmlElement badIdle(u"idle"_s, u"urn:xmpp:idle:1"_s);
    badIdle.setAttribute(u"since"_s, u"yesterday"_s);
    q.appendChild(badIdle);
    XmlElement noVer(u"c"_s, ns::Caps.toString());
    noVer.setAttribute(u"node"_s, u"x"_s);
    q.appendChild(noVer);
    const auto parsedQ = Presence::fromXml(q);
    QVERIFY(parsedQ);
    QVERIFY(!parsedQ->idleSince.isValid());
    QVERIFY(!parsedQ->caps);
}

void tst_Presence::refusesSubscriptionTypesAndBadAddresses()
{
    for (const QString &type :
        { u"subscribe"_s, u"subscribed"_s, u"unsubscribe"_s, u"unsubscribed"_s, u"probe"_s, u"bogus"_s }) {
        QVERIFY2(!Presence::fromXml(presence(u"bob@example.test"_s, type)), qPrintable(type));
    }
    QVERIFY(!Presence::fromXml(presence(u"bob@@example.test"_s)));
    QVERIFY(!Presence::fromXml(XmlElement(u"message"_s, ns::Client.toString())));
    const auto error = Presence::fromXml(presence(u"nobody@example.test"_s, u"error"_s));
    QVERIFY(error);
    QCOMPARE(error->type, Presence::Type::Error);
}

void tst_Presence::roundTripsThroughXml()
{
    Presence p;
    p.to = Jid::fromString(u"carol@example.test");
    p.show = Presence::Show::ExtendedAway;
    p.status = u"在开会 <back> soon & later"_s;
    p.priority = -5;
    p.idleSince = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    p.caps = EntityCaps { u"https://confab.im"_s, u"abc="_s, u"sha-1"_s };
    const XmlElement xml = p.toXml();
    QCOMPARE(xml.childText(u"show", ns::Client), u"xa"_s);
    QCOMPARE(xml.childText(u"priority", ns::Client), u"-5"_s);
    auto back = Presence::fromXml(xml);
    QVERIFY(back);
    QCOMPARE(back->to, p.to);
    QCOMPARE(back->show, p.show);
    QCOMPARE(back->status, p.status);
    QCOMPARE(back->priority, p.priority);
    QCOMPARE(back->idleSince, p.idleSince);
    QCOMPARE(back->caps, p.caps);

    Presence off;
    off.type = Presence::Type::Unavailable;
    off.show = Presence::Show::Offline;
    off.status = u"bye"_s;
    off.priority = 9; // not written: priority belongs to available presence
    const XmlElement offXml = off.toXml();
    QCOMPARE(offXml.attribute(u"type"), u"unavailable"_s);
    QVERIFY(!offXml.firstChild(u"priority", ns::Client));
    QVERIFY(!offXml.firstChild(u"show", ns::Client));
}

void tst_Presence::parsesLastActivity()
{
    XmlElement q(u"query"_s, u"jabber:iq:last"_s);
    q.setAttribute(u"seconds"_s, u"903"_s);
    q.setText(u"Heading home"_s);
    const auto last = LastActivity::fromXml(q);
    QVERIFY(last);
    QCOMPARE(last->seconds, 903);
    QCOMPARE(last->text, u"Heading home"_s);
    q.setAttribute(u"seconds"_s, u"-1"_s);
    QVERIFY(!LastActivity::fromXml(q));
    q.removeAttribute(u"seconds");
    QVERIFY(!LastActivity::fromXml(q));
}

void tst_Presence::aggregateFollowsPriorityThenShowThenRecency_data()
{
    // Each resource: "show/priority/ageSeconds"; the expected winner by index (-1: none available).
    QTest::addColumn<QStringList>("resources");
    QTest::addColumn<int>("winner");
    QTest::newRow("none") << QStringList {} << -1;
    QTest::newRow("only offline") << QStringList { u"offline/0/0"_s } << -1;
    QTest::newRow("single") << QStringList { u"away/0/0"_s } << 0;
    QTest::newRow("priority beats show") << QStringList { u"chat/0/0"_s, u"dnd/5/0"_s } << 1;
    QTest::newRow("negative priority loses") << QStringList { u"chat/-1/0"_s, u"xa/0/10"_s } << 1;
    QTest::newRow("chat beats online") << QStringList { u"online/1/0"_s, u"chat/1/10"_s } << 1;
    QTest::newRow("online beats away") << QStringList { u"away/1/0"_s, u"online/1/10"_s } << 1;
    QTest::newRow("away beats xa") << QStringList { u"xa/1/0"_s, u"away/1/10"_s } << 1;
    QTest::newRow("xa beats dnd") << QStringList { u"dnd/1/0"_s, u"xa/1/10"_s } << 1;
    QTest::newRow("recency breaks a tie") << QStringList { u"away/1/0"_s, u"away/1/10"_s } << 0;
    QTest::newRow("later wins on equal time") << QStringList { u"away/1/5"_s, u"away/1/5"_s } << 1;
    QTest::newRow("offline ignored") << QStringList { u"offline/100/0"_s, u"dnd/-5/50"_s } << 1;
    QTest::newRow("three") << QStringList { u"online/10/30"_s, u"chat/10/20"_s, u"away/20/0"_s } << 2;
}

void tst_Presence::aggregateFollowsPriorityThenShowThenRecency()
{
    QFETCH(QStringList, resources);
    QFETCH(int, winner);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Presence> list;
    for (const QString &spec : std::as_const(resources)) {
        const QStringList parts = spec.split(u'/');
        Presence p;
        p.from = Jid::fromString(u"bob@example.test/r%1"_s.arg(list.size()));
        p.show = showOf(parts.at(0));
        p.type = p.show == Presence::Show::Offline ? Presence::Type::Unavailable : Presence::Type::Available;
        p.priority = parts.at(1).toInt();
        p.received = now.addSecs(-parts.at(2).toInt());
        list.append(p);
    }
    const Presence *best = Presence::pickAggregate(list);
    if (winner < 0) {
        QVERIFY(!best);
    } else {
        QVERIFY(best);
        QCOMPARE(best - list.constData(), winner);
    }
}

void tst_Presence::managerLeavesSubscriptionsToTheRoster()
{
    Client client;
    auto *manager = new PresenceManager;
    client.addExtension(manager);
    for (const QString &type : { u"subscribe"_s, u"subscribed"_s, u"unsubscribe"_s, u"unsubscribed"_s }) {
        QVERIFY2(!manager->handleStanza(presence(u"bob@example.test"_s, type)), qPrintable(type));
    }
    QVERIFY(manager->handleStanza(presence(u"bob@example.test"_s, u"probe"_s))); // dropped
    QVERIFY(!manager->handleStanza(XmlElement(u"message"_s, ns::Client.toString())));
    QVERIFY(manager->contacts().isEmpty());
}

void tst_Presence::managerTracksResourcesAndAggregate()
{
    Client client;
    auto *manager = new PresenceManager;
    client.addExtension(manager);
    QSignalSpy changed(manager, &PresenceManager::presencesChanged);
    const Jid bob = Jid::fromString(u"bob@example.test");

    QVERIFY(manager->handleStanza(available(u"bob@example.test/phone"_s, u"away"_s, 1, u"on the go"_s)));
    QVERIFY(manager->handleStanza(available(u"bob@example.test/desk"_s, u"dnd"_s, 5, u"working"_s)));
    QVERIFY(manager->handleStanza(available(u"bob@example.test/laptop"_s, u"chat"_s, 5, u"free"_s)));
    QCOMPARE(manager->resources(bob).size(), 3);
    QCOMPARE(manager->aggregate(bob).from.resource(), u"laptop"_s); // 5 ties; chat beats dnd
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<QList<Jid>>(), QList<Jid> { bob });

    // The top one leaves: the next in line represents bob.
    XmlElement gone = presence(u"bob@example.test/laptop"_s, u"unavailable"_s);
    QVERIFY(manager->handleStanza(gone));
    QCOMPARE(manager->resources(bob).size(), 2);
    QCOMPARE(manager->aggregate(bob).from.resource(), u"desk"_s);
    QCOMPARE(manager->aggregate(bob).status, u"working"_s);
    QVERIFY(changed.wait(1000));

    // An update moves a resource and changes the winner.
    QVERIFY(manager->handleStanza(available(u"bob@example.test/phone"_s, u"chat"_s, 10)));
    QCOMPARE(manager->aggregate(bob).from.resource(), u"phone"_s);

    QVERIFY(manager->handleStanza(presence(u"bob@example.test/phone"_s, u"unavailable"_s)));
    XmlElement last = presence(u"bob@example.test/desk"_s, u"unavailable"_s);
    addText(last, u"status"_s, u"gone home"_s);
    QVERIFY(manager->handleStanza(last));
    const Presence offline = manager->aggregate(bob);
    QVERIFY(!offline.isAvailable());
    QCOMPARE(offline.show, Presence::Show::Offline);
    QCOMPARE(offline.status, u"gone home"_s);
    QCOMPARE(manager->aggregate(Jid::fromString(u"stranger@example.test")).show, Presence::Show::Offline);
}

void tst_Presence::managerRecordsPresenceErrors()
{
    Client client;
    auto *manager = new PresenceManager;
    client.addExtension(manager);
    QSignalSpy errors(manager, &PresenceManager::presenceErrorReceived);
    XmlElement error = presence(u"nobody@nowhere.test"_s, u"error"_s);
    XmlElement e(u"error"_s, ns::Client.toString());
    e.setAttribute(u"type"_s, u"cancel"_s);
    e.appendChild(XmlElement(u"remote-server-not-found"_s, ns::Stanzas.toString()));
    error.appendChild(e);
    QVERIFY(manager->handleStanza(error));
    QCOMPARE(errors.size(), 1);
    const Jid nobody = Jid::fromString(u"nobody@nowhere.test");
    QCOMPARE(manager->lastError(nobody)->condition, u"remote-server-not-found"_s);
    QCOMPARE(manager->aggregate(nobody).type, Presence::Type::Error);
    // A later available presence clears it.
    QVERIFY(manager->handleStanza(available(u"nobody@nowhere.test/x"_s, {}, 0)));
    QVERIFY(!manager->lastError(nobody));
}

void tst_Presence::floodOfPresencesGivesOneSignalPerTurn()
{
    Client client;
    auto *manager = new PresenceManager;
    client.addExtension(manager);
    QSignalSpy changed(manager, &PresenceManager::presencesChanged);
    // A login: 1,000 contacts' presences read in one go.
    for (int i = 0; i < 1000; ++i) {
        manager->handleStanza(available(u"c%1@example.test/r"_s.arg(i), u"away"_s, 0));
    }
    QCOMPARE(changed.size(), 0); // nothing until the event loop turns
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1);
    const auto jids = changed.first().first().value<QList<Jid>>();
    QCOMPARE(jids.size(), 1000);
    QCOMPARE(jids.first(), Jid::fromString(u"c0@example.test"));
    QCOMPARE(QSet<Jid>(jids.begin(), jids.end()).size(), 1000);
    // Nothing more comes by itself.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
    }
    QCOMPARE(changed.size(), 1);

    // The same contact changing many times in one turn is one entry.
    for (int i = 0; i < 100; ++i) {
        manager->handleStanza(available(u"c1@example.test/r"_s, {}, i));
    }
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).first().value<QList<Jid>>(), QList<Jid> { Jid::fromString(u"c1@example.test") });
    QCOMPARE(manager->aggregate(Jid::fromString(u"c1@example.test")).priority, 99);
}

void tst_Presence::unavailableFromBareJidRemovesAllResources()
{
    Client client;
    auto *manager = new PresenceManager;
    client.addExtension(manager);
    const Jid bob = Jid::fromString(u"bob@example.test");
    manager->handleStanza(available(u"bob@example.test/a"_s, {}, 0));
    manager->handleStanza(available(u"bob@example.test/b"_s, {}, 0));
    QCOMPARE(manager->resources(bob).size(), 2);
    manager->handleStanza(presence(u"bob@example.test"_s, u"unavailable"_s));
    QVERIFY(manager->resources(bob).isEmpty());
    QVERIFY(!manager->aggregate(bob).isAvailable());
}

void tst_Presence::lostSessionMakesEveryoneUnknown()
{
    Client client;
    auto *manager = new PresenceManager;
    client.addExtension(manager);
    manager->handleStanza(available(u"bob@example.test/a"_s, {}, 0));
    manager->handleStanza(available(u"carol@example.test/b"_s, u"away"_s, 0));
    QSignalSpy changed(manager, &PresenceManager::presencesChanged);
    QVERIFY(changed.wait(1000));
    // Not resumable (this client never connected): what we knew is void.
    manager->sessionLost();
    QVERIFY(manager->contacts().isEmpty());
    QCOMPARE(manager->aggregate(Jid::fromString(u"bob@example.test")).show, Presence::Show::Offline);
    QVERIFY(changed.wait(1000));
    auto jids = changed.last().first().value<QList<Jid>>();
    std::sort(jids.begin(), jids.end(), [](const Jid &a, const Jid &b) { return a.toString() < b.toString(); });
    QCOMPARE(jids, (QList<Jid> { Jid::fromString(u"bob@example.test"), Jid::fromString(u"carol@example.test") }));
}

QTEST_GUILESS_MAIN(tst_Presence)
#include "tst_Presence.moc"
