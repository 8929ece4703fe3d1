// SPDX-License-Identifier: Apache-2.0
// Presence and entity capabilities against a real Prosody: resources and their aggregate, status and
// idle, directed presence, the XEP-0115 cache across logins, presence errors, and `confab-cli presence`.
// (Named tst_PresenceSession: tst_Presence is the unit test of the Presence value type.)
#include "CliRunner.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "storage/CapsStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/avatar/AvatarNamespaces.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

constexpr int Timeout = 20000;

bool sent(const QFuture<SendResult> &future)
{
    return waitFor(future) && std::holds_alternative<std::monostate>(future.result());
}

/// One resource of an account, with what a desktop session plugs in for presence.
struct Account
{
    std::unique_ptr<CapsStore> store; // first: outlives the client and its CapsManager
    Client client;
    CapsManager *caps;
    PresenceManager *presence;

    explicit Account(const QString &capsFile = {})
    {
        if (!capsFile.isEmpty()) {
            store = std::make_unique<CapsStore>(capsFile);
            waitFor(store->open());
        }
        client.addExtension(new DiscoInfoResponder(u"Confab"_s));
        client.addExtension(new PingManager);
        caps = new CapsManager(store.get());
        client.addExtension(caps);
        presence = new PresenceManager;
        client.addExtension(presence);
    }

    bool connectTo(const ProsodyFixture &server, const QString &user, const QString &resource)
    {
        ConnectionSettings s;
        s.jid = Jid::fromString(QString(server.jid(user) + u'/' + resource));
        s.password = server.password(user);
        s.host = server.host();
        s.port = server.c2sPort();
        s.caFile = server.caFile();
        client.connectToServer(s);
        QElapsedTimer timer;
        timer.start();
        while (!client.isConnected() && timer.elapsed() < Timeout) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        return client.isConnected();
    }

    /// A clean logout, so the server broadcasts unavailable now rather than after XEP-0198 hibernation.
    bool logout()
    {
        if (client.state() == Client::State::Disconnected) {
            return true;
        }
        client.disconnectFromServer();
        QElapsedTimer timer;
        timer.start();
        while (client.state() != Client::State::Disconnected && timer.elapsed() < Timeout) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        return client.state() == Client::State::Disconnected;
    }
};

XmlElement subscription(const QString &to, const QString &type)
{
    XmlElement p(u"presence"_s, ns::Client.toString());
    p.setAttribute(u"to"_s, to);
    p.setAttribute(u"type"_s, type);
    return p;
}

/// Every available presence from one account, as it reached us (without taking it from PresenceManager).
class PresenceLog : public ClientExtension
{
public:
    explicit PresenceLog(Jid bare)
        : m_bare(std::move(bare))
    { }

    bool handleStanza(const XmlElement &stanza) override
    {
        if (stanza.name() == u"presence" && stanza.attribute(u"type").isEmpty()
            && Jid::fromString(stanza.attribute(u"from")).bare() == m_bare) {
            presences.append(stanza);
        }
        return false;
    }
    int priority() const override { return 100; } // before PresenceManager, which keeps them

    QList<XmlElement> presences;

private:
    Jid m_bare;
};

XmlElement avatarUpdate(const std::optional<QString> &photo)
{
    XmlElement x(u"x"_s, ns::VCardUpdate.toString());
    if (photo) {
        x.appendTextChild(u"photo"_s, *photo, ns::VCardUpdate.toString());
    }
    return x;
}

QStringList resourceNames(const QList<Presence> &resources)
{
    QStringList names;
    for (const Presence &p : resources) {
        names.append(p.from.resource());
    }
    names.sort();
    return names;
}

} // namespace

class tst_PresenceSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void threeResourcesAggregateAndFollowTheTopOneLeaving();
    void statusAndIdleReachTheContact();
    void directedPresenceReachesANonContact();
    void capsCacheIsHitOnTheSecondLogin();
    void refreshSaysOnlyWhatTheServerDidNotBroadcast();
    void presenceErrorIsRecorded();
    void lastActivityOfTheServerIsItsUptime();
    void cliPresenceSendsAndPrintsPresences();
    void cliPresenceRefusesAnUnknownShow();

private:
    Account *account(const QString &capsFile = {})
    {
        m_accounts.push_back(std::make_unique<Account>(capsFile));
        return m_accounts.back().get();
    }

    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"carol"_s } } };
    std::vector<std::unique_ptr<Account>> m_accounts;
    Jid m_alice;
    Jid m_bob;
};

void tst_PresenceSession::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    m_alice = Jid::fromString(m_server.jid(u"alice"_s));
    m_bob = Jid::fromString(m_server.jid(u"bob"_s));

    // Alice and bob subscribe to each other (RFC 6121 §3) with raw stanzas, before either is available.
    // Each step waits for the server's acknowledgement (XEP-0198), so the server handled it before the
    // other side answers.
    Account alice;
    Account bob;
    QVERIFY(alice.connectTo(m_server, u"alice"_s, u"setup"_s));
    QVERIFY(bob.connectTo(m_server, u"bob"_s, u"setup"_s));
    QVERIFY(sent(alice.client.send(subscription(m_bob.toString(), u"subscribe"_s))));
    QVERIFY(sent(bob.client.send(subscription(m_alice.toString(), u"subscribed"_s))));
    QVERIFY(sent(bob.client.send(subscription(m_alice.toString(), u"subscribe"_s))));
    QVERIFY(sent(alice.client.send(subscription(m_bob.toString(), u"subscribed"_s))));
    QVERIFY(alice.logout());
    QVERIFY(bob.logout());
}

void tst_PresenceSession::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
    for (const auto &a : m_accounts) {
        QVERIFY(a->logout());
    }
    m_accounts.clear();
}

void tst_PresenceSession::threeResourcesAggregateAndFollowTheTopOneLeaving()
{
    Account *alice = account();
    alice->presence->setPresence(Presence::Show::Online); // kept, sent when the session starts
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"laptop"_s));

    struct Spec
    {
        QString resource;
        Presence::Show show;
        int priority;
    };
    const QList<Spec> specs { { u"desk"_s, Presence::Show::DoNotDisturb, 5 }, { u"phone"_s, Presence::Show::Chat, 5 },
        { u"tablet"_s, Presence::Show::Online, 1 } };
    QList<Account *> bobs;
    for (const Spec &spec : specs) {
        Account *bob = account();
        QVERIFY(bob->connectTo(m_server, u"bob"_s, spec.resource));
        QVERIFY(sent(bob->presence->setPresence(spec.show, u"on "_s + spec.resource, spec.priority)));
        bobs.append(bob);
    }
    QTRY_COMPARE_WITH_TIMEOUT(resourceNames(alice->presence->resources(m_bob)),
        (QStringList { u"desk"_s, u"phone"_s, u"tablet"_s }), Timeout);
    // Priority 5 twice: chat beats dnd.
    Presence top = alice->presence->aggregate(m_bob);
    QCOMPARE(top.from.resource(), u"phone"_s);
    QCOMPARE(top.show, Presence::Show::Chat);
    QCOMPARE(top.priority, 5);
    QCOMPARE(top.status, u"on phone"_s);

    // The top one leaves: desk (5, dnd) now represents bob.
    QSignalSpy changed(alice->presence, &PresenceManager::presencesChanged);
    QVERIFY(bobs.at(1)->logout());
    QTRY_COMPARE_WITH_TIMEOUT(
        resourceNames(alice->presence->resources(m_bob)), (QStringList { u"desk"_s, u"tablet"_s }), Timeout);
    QCOMPARE(alice->presence->aggregate(m_bob).from.resource(), u"desk"_s);
    QCOMPARE(alice->presence->aggregate(m_bob).show, Presence::Show::DoNotDisturb);
    QVERIFY(!changed.isEmpty());
    QVERIFY(changed.last().first().value<QList<Jid>>().contains(m_bob));

    // Desk lowers its priority: tablet (1) wins.
    QVERIFY(sent(bobs.at(0)->presence->setPresence(Presence::Show::DoNotDisturb, u"busy"_s, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(alice->presence->aggregate(m_bob).from.resource(), u"tablet"_s, Timeout);

    // All gone: offline, with the status the last one left.
    QVERIFY(sent(bobs.at(0)->presence->setPresence(Presence::Show::Offline, u"gone home"_s)));
    QVERIFY(bobs.at(2)->logout());
    QTRY_VERIFY_WITH_TIMEOUT(alice->presence->resources(m_bob).isEmpty(), Timeout);
    QCOMPARE(alice->presence->aggregate(m_bob).show, Presence::Show::Offline);
}

void tst_PresenceSession::statusAndIdleReachTheContact()
{
    Account *alice = account();
    alice->presence->setPresence(Presence::Show::Online);
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"laptop"_s));
    Account *bob = account();
    QVERIFY(bob->connectTo(m_server, u"bob"_s, u"idle"_s));
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-600);
    const QDateTime sinceSeconds = QDateTime::fromSecsSinceEpoch(since.toSecsSinceEpoch(), Qt::UTC);
    bob->presence->setIdleSince(since);
    const QString status = u"开会中 — back at 3 <pm> & \"later\""_s;
    QVERIFY(sent(bob->presence->setPresence(Presence::Show::ExtendedAway, status, -3)));

    const Jid bobIdle = m_bob.withResource(u"idle");
    QTRY_COMPARE_WITH_TIMEOUT(alice->presence->resources(m_bob).size(), 1, Timeout);
    const Presence seen = alice->presence->resources(m_bob).first();
    QCOMPARE(seen.from, bobIdle);
    QCOMPARE(seen.show, Presence::Show::ExtendedAway);
    QCOMPARE(seen.status, status);
    QCOMPARE(seen.priority, -3);
    QCOMPARE(seen.idleSince, sinceSeconds);
    QVERIFY(seen.received.isValid());

    // No longer idle: the next broadcast says so.
    bob->presence->setIdleSince({});
    QTRY_VERIFY_WITH_TIMEOUT(!alice->presence->resources(m_bob).value(0).idleSince.isValid(), Timeout);
    QCOMPARE(alice->presence->resources(m_bob).first().status, status);

    // Alice's session ends: bob's presence is unknown to her now, and she is told.
    QSignalSpy changed(alice->presence, &PresenceManager::presencesChanged);
    QVERIFY(alice->logout());
    QVERIFY(alice->presence->resources(m_bob).isEmpty());
    QTRY_VERIFY(!changed.isEmpty());
    QVERIFY(changed.last().first().value<QList<Jid>>().contains(m_bob));
}

void tst_PresenceSession::directedPresenceReachesANonContact()
{
    Account *alice = account();
    alice->presence->setPresence(Presence::Show::Online);
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"laptop"_s));
    Account *carol = account();
    carol->presence->setPresence(Presence::Show::Online);
    QVERIFY(carol->connectTo(m_server, u"carol"_s, u"home"_s));
    const Jid carolHome = carol->client.jid();
    const Jid aliceLaptop = alice->client.jid();

    // Carol is in no roster of alice's: only directed presence reaches her (RFC 6121 §4.6).
    QVERIFY(sent(alice->presence->sendDirectedPresence(carolHome, Presence::Show::Chat, u"hi carol"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(carol->presence->resources(m_alice).size(), 1, Timeout);
    const Presence seen = carol->presence->resources(m_alice).first();
    QCOMPARE(seen.from, aliceLaptop);
    QCOMPARE(seen.show, Presence::Show::Chat);
    QCOMPARE(seen.status, u"hi carol"_s);
    QVERIFY(seen.caps);
    QCOMPARE(seen.caps->node, u"https://confab.im"_s);

    QVERIFY(sent(alice->presence->sendDirectedPresence(carolHome, Presence::Show::Offline)));
    QTRY_VERIFY_WITH_TIMEOUT(carol->presence->resources(m_alice).isEmpty(), Timeout);
    // And alice never learnt anything of carol (no subscription).
    QVERIFY(alice->presence->resources(Jid::fromString(m_server.jid(u"carol"_s))).isEmpty());
}

void tst_PresenceSession::capsCacheIsHitOnTheSecondLogin()
{
    QTemporaryDir dir;
    const QString capsFile = dir.filePath(u"caps.sqlite"_s);
    Account *bob = account();
    bob->presence->setPresence(Presence::Show::Online);
    QVERIFY(bob->connectTo(m_server, u"bob"_s, u"caps"_s));
    const Jid bobCaps = bob->client.jid();
    const EntityCaps bobOwn = bob->caps->ownCaps();

    {
        Account first(capsFile);
        QSignalSpy known(first.caps, &CapsManager::featuresKnown);
        first.presence->setPresence(Presence::Show::Online);
        QVERIFY(first.connectTo(m_server, u"alice"_s, u"cache1"_s));
        QTRY_VERIFY_WITH_TIMEOUT(first.caps->features(bobCaps).has_value(), Timeout);
        QCOMPARE(first.caps->discoQueryCount(), 1); // bob's ver, once; our own echo needs none
        QVERIFY(first.caps->hasFeature(bobCaps, ns::Ping.toString()));
        QVERIFY(first.caps->hasFeature(bobCaps, ns::Caps.toString()));
        const Presence seen = first.presence->resources(m_bob).value(0);
        QCOMPARE(seen.caps, std::optional<EntityCaps>(bobOwn));
        QTRY_VERIFY_WITH_TIMEOUT(first.presence->resources(m_bob).value(0).features.has_value(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(waitFor(first.store->count()) ? first.store->count().result() : -1, 1, Timeout);
        QVERIFY(first.logout());
    }

    Account second(capsFile);
    second.presence->setPresence(Presence::Show::Online);
    QVERIFY(second.connectTo(m_server, u"alice"_s, u"cache2"_s));
    QTRY_VERIFY_WITH_TIMEOUT(second.caps->features(bobCaps).has_value(), Timeout);
    QCOMPARE(second.caps->discoQueryCount(), 0); // from the SQLite cache: no disco#info sent
    QVERIFY(second.caps->hasFeature(bobCaps, ns::Ping.toString()));
    QVERIFY(second.logout());
}

void tst_PresenceSession::refreshSaysOnlyWhatTheServerDidNotBroadcast()
{
    Account *bob = account();
    auto *log = new PresenceLog(m_alice);
    bob->client.addExtension(log);
    bob->presence->setPresence(Presence::Show::Online);
    QVERIFY(bob->connectTo(m_server, u"bob"_s, u"watching"_s));

    // Alice signs in before she knows her avatar (XEP-0153 §4.1: an empty update). Prosody's vcard_legacy
    // completes it with what it knows, <photo/> for no avatar, before broadcasting.
    Account *alice = account();
    auto update = std::make_shared<XmlElement>(avatarUpdate(std::nullopt));
    alice->presence->addOwnPayload([update] { return *update; });
    alice->presence->setPresence(Presence::Show::Online);
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"refresh"_s));
    const Jid aliceRefresh = alice->client.jid();

    // Her vCard says: no avatar. The refresh comes before the server reflected the first broadcast: it
    // waits for it, and then has nothing to add.
    *update = avatarUpdate(QString());
    alice->presence->refreshOwnPresence();
    QTRY_VERIFY_WITH_TIMEOUT(!alice->presence->resources(m_alice).isEmpty(), Timeout); // the reflection
    QCOMPARE(alice->presence->resources(m_alice).first().from, aliceRefresh);
    // Whatever the refresh sent would reach bob before this.
    QVERIFY(sent(alice->presence->setPresence(Presence::Show::Away)));
    QTRY_COMPARE_WITH_TIMEOUT(log->presences.size(), 2, Timeout);
    QCOMPARE(log->presences.at(1).childText(u"show", ns::Client), u"away"_s);

    // A hash the server did not broadcast is news: sent (after the reflection of "away").
    const QString hash = u"3b1f2a9c0d4e5f60718293a4b5c6d7e8f9012345"_s;
    *update = avatarUpdate(hash);
    alice->presence->refreshOwnPresence();
    QTRY_COMPARE_WITH_TIMEOUT(log->presences.size(), 3, Timeout);
    const XmlElement *x = log->presences.at(2).firstChild(u"x", ns::VCardUpdate);
    QVERIFY(x);
    QCOMPARE(x->childText(u"photo", ns::VCardUpdate), hash);
    QCOMPARE(log->presences.at(2).childText(u"show", ns::Client), u"away"_s);
}

void tst_PresenceSession::presenceErrorIsRecorded()
{
    Account *alice = account();
    alice->presence->setPresence(Presence::Show::Online);
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"laptop"_s));
    QSignalSpy errors(alice->presence, &PresenceManager::presenceErrorReceived);
    // A domain that does not exist: the server cannot route the directed presence and bounces it with
    // an error (RFC 6120 §10.4.3, remote-server-not-found).
    const Jid nowhere = Jid::fromString(u"someone@no-such-domain.invalid");
    QVERIFY(sent(alice->presence->sendDirectedPresence(nowhere, Presence::Show::Online)));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), Timeout);
    QCOMPARE(errors.first().first().value<Jid>().bare(), nowhere);
    const auto error = alice->presence->lastError(nowhere);
    QVERIFY(error);
    QVERIFY2(!error->condition.isEmpty(), qPrintable(error->condition));
    QCOMPARE(alice->presence->aggregate(nowhere).type, Presence::Type::Error);
}

void tst_PresenceSession::lastActivityOfTheServerIsItsUptime()
{
    Account *alice = account();
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"laptop"_s));
    // XEP-0012 §5: asked of a server, jabber:iq:last is its uptime (Prosody's mod_uptime).
    auto server = alice->presence->lastActivity(Jid::fromString(m_server.domain()));
    QVERIFY(waitFor(server));
    const PresenceManager::LastActivityResult result = server.result();
    const auto *uptime = std::get_if<LastActivity>(&result);
    QVERIFY(uptime);
    QVERIFY(uptime->seconds >= 0);
    // Our own client does not answer it (XEP-0012 lets a client decline): an error, not a hang.
    auto self = alice->presence->lastActivity(alice->client.jid());
    QVERIFY(waitFor(self));
    QVERIFY(std::holds_alternative<XmppError>(self.result()));
}

void tst_PresenceSession::cliPresenceSendsAndPrintsPresences()
{
    Account *alice = account();
    alice->presence->setPresence(Presence::Show::Chat, u"hello from alice"_s, 3);
    QVERIFY(alice->connectTo(m_server, u"alice"_s, u"laptop"_s));

    CliRunner cli(m_server);
    QProcess process;
    process.start(QStringLiteral(CONFAB_CLI_PATH),
        cli.connectionArgs(u"bob"_s, u"cli"_s)
            << u"--json"_s << u"--timeout"_s << u"20"_s << u"presence"_s << u"away"_s << u"out for lunch"_s);
    QString out;
    const auto readOut = [&process, &out] {
        out += QString::fromUtf8(process.readAllStandardOutput());
        return out;
    };
    // Alice sees the CLI's presence...
    const Jid bobCli = m_bob.withResource(u"cli");
    QTRY_COMPARE_WITH_TIMEOUT(alice->presence->resources(m_bob).size(), 1, Timeout);
    const Presence seen = alice->presence->resources(m_bob).first();
    QCOMPARE(seen.from, bobCli);
    QCOMPARE(seen.show, Presence::Show::Away);
    QCOMPARE(seen.status, u"out for lunch"_s);
    // ... and the CLI prints alice's, one JSON object per line.
    QTRY_VERIFY_WITH_TIMEOUT(readOut().contains(u"hello from alice"_s), Timeout);
    QJsonObject line;
    for (const QString &text : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        if (o.value(u"resource"_s).toString() == u"laptop") {
            line = o;
        }
    }
    QCOMPARE(line.value(u"jid"_s).toString(), m_alice.toString());
    QCOMPARE(line.value(u"show"_s).toString(), u"chat"_s);
    QCOMPARE(line.value(u"status"_s).toString(), u"hello from alice"_s);
    QCOMPARE(line.value(u"priority"_s).toInt(), 3);

    // Alice changes: one more line.
    QVERIFY(sent(alice->presence->setPresence(Presence::Show::DoNotDisturb, u"now busy"_s, 3)));
    QTRY_VERIFY_WITH_TIMEOUT(readOut().contains(u"now busy"_s), Timeout);
    QVERIFY(readOut().contains(u"\"show\":\"dnd\""_s));
    // Alice leaves: the CLI prints her resource as offline.
    QVERIFY(alice->logout());
    QTRY_VERIFY_WITH_TIMEOUT(readOut().contains(u"\"show\":\"offline\""_s), Timeout);

    // The timeout is the command's normal end: a clean logout and exit code 0.
    QVERIFY(process.waitForFinished(40000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    // `presence offline` ends at once with 0.
    const CliResult offline = CliRunner::run(cli.connectionArgs(u"bob"_s, u"cli2"_s) << u"presence"_s << u"offline"_s);
    QCOMPARE(offline.exitCode, 0);
}

void tst_PresenceSession::cliPresenceRefusesAnUnknownShow()
{
    CliRunner cli(m_server);
    CliResult r = CliRunner::run(cli.connectionArgs(u"bob"_s) << u"presence"_s << u"sleepy"_s);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"SHOW must be one of"_s), qPrintable(r.err));
    r = CliRunner::run(cli.connectionArgs(u"bob"_s) << u"presence"_s << u"away"_s << u"--priority"_s << u"200"_s);
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_PresenceSession)
#include "tst_PresenceSession.moc"
