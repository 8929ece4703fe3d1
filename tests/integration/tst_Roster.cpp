// SPDX-License-Identifier: Apache-2.0
// The roster and presence subscriptions (RFC 6121 §2, §3) against a real Prosody: every subscription step
// in both directions, a request answered after a restart, groups and renames, a forged roster push,
// roster versioning with the SQLite cache, and the confab-cli commands end to end.
#include "CliRunner.h"
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/RosterStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/RosterNamespaces.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

using Subscription = RosterItem::Subscription;

template <typename T> bool succeeded(const QFuture<std::variant<std::monostate, T>> &future)
{
    return waitFor(future) && std::holds_alternative<std::monostate>(future.result());
}

/// One account's Client with the roster extensions and a cache file of its own.
struct Account
{
    std::unique_ptr<RosterStore> store; // declared first: destroyed after the client that uses it
    Client client;
    RosterManager *roster = new RosterManager;
    SubscriptionManager *subscriptions = new SubscriptionManager;
    QList<std::pair<QString, Jid>> events; // what SubscriptionManager reported, in order
    QList<bool> fetches; // rosterReceived's fromCache, one per fetch

    explicit Account(const QString &storePath)
        : store(std::make_unique<RosterStore>(storePath))
    {
        store->open();
        roster->setStore(store.get());
        subscriptions->setStore(store.get());
        client.addExtension(roster);
        client.addExtension(subscriptions);
        client.addExtension(new PingManager);
        QObject::connect(subscriptions, &SubscriptionManager::subscriptionRequested, &client,
            [this](const Jid &jid, const QString &) {
                events.append({ u"requested"_s, jid });
            });
        QObject::connect(subscriptions, &SubscriptionManager::subscriptionApproved, &client, [this](const Jid &jid) {
            events.append({ u"approved"_s, jid });
        });
        QObject::connect(subscriptions, &SubscriptionManager::subscriptionRevoked, &client, [this](const Jid &jid) {
            events.append({ u"revoked"_s, jid });
        });
        QObject::connect(subscriptions, &SubscriptionManager::contactUnsubscribed, &client, [this](const Jid &jid) {
            events.append({ u"unsubscribed"_s, jid });
        });
        QObject::connect(roster, &RosterManager::rosterReceived, &client,
            [this](const QList<RosterItem> &, bool fromCache) { fetches.append(fromCache); });
    }

    bool hasEvent(const QString &kind, const Jid &jid) const { return events.contains({ kind, jid.bare() }); }

    Subscription subscriptionTo(const Jid &contact) const
    {
        const auto item = roster->item(contact);
        return item ? item->subscription : Subscription::Remove; // Remove: not in the roster
    }
    bool asks(const Jid &contact) const
    {
        const auto item = roster->item(contact);
        return item && item->ask;
    }
};

/// A contact's groups, sorted: Prosody keeps them as a set, so their order is its own.
QStringList groupsOf(const Account &account, const Jid &contact)
{
    const auto item = account.roster->item(contact);
    QStringList groups = item ? item->groups : QStringList();
    groups.sort();
    return groups;
}

} // namespace

class tst_Roster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void subscriptionsThroughEveryStepInBothDirections();
    void requestIsAnsweredAfterRestartOfTheRequestedClient();
    void groupsRenamesMovesAndRemoval();
    void rosterPushFromAnotherUserIsIgnored();
    void secondLoginWithUnchangedRosterUsesTheCache();
    void cliCommandsEndToEnd();

private:
    std::unique_ptr<Account> login(const QString &user, const QString &resource);
    bool logout(Account &account);
    QString storePath(const QString &user) const { return m_dir.filePath(user + u"/roster.sqlite"_s); }
    Jid bare(const QString &user) const { return Jid::fromString(m_server.jid(user)); }

    ProsodyFixture m_server { ProsodyFixture::Options {
        .accounts = { u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"frank"_s, u"gina"_s, u"hank"_s,
            u"mallory"_s } } };
    QTemporaryDir m_dir;
};

void tst_Roster::initTestCase()
{
    qRegisterMetaType<QList<RosterItem>>();
    qRegisterMetaType<QList<Jid>>();
    QVERIFY(m_dir.isValid());
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_Roster::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

std::unique_ptr<Account> tst_Roster::login(const QString &user, const QString &resource)
{
    auto account = std::make_unique<Account>(storePath(user));
    ConnectionSettings settings;
    settings.jid = Jid::fromString(QString(m_server.jid(user) + u'/' + resource));
    settings.password = m_server.password(user);
    settings.host = m_server.host();
    settings.port = m_server.c2sPort();
    settings.caFile = m_server.caFile();
    account->client.connectToServer(settings);
    QElapsedTimer timer;
    timer.start();
    // RFC 6121 §2.2 then §4.2: the roster first, then initial presence, which makes the server deliver
    // subscription requests waiting for us.
    while (timer.elapsed() < 20000 && !account->roster->hasRoster()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!account->roster->hasRoster()) {
        return nullptr;
    }
    if (!waitFor(account->client.send(XmlElement(u"presence"_s, ns::Client.toString())))) {
        return nullptr;
    }
    return account;
}

bool tst_Roster::logout(Account &account)
{
    QSignalSpy disconnected(&account.client, &Client::disconnected);
    account.client.disconnectFromServer();
    return !disconnected.isEmpty() || disconnected.wait(10000);
}

void tst_Roster::subscriptionsThroughEveryStepInBothDirections()
{
    auto alice = login(u"alice"_s, u"laptop"_s);
    auto bob = login(u"bob"_s, u"desk"_s);
    QVERIFY(alice && bob);
    const Jid aliceJid = bare(u"alice"_s);
    const Jid bobJid = bare(u"bob"_s);

    // alice asks; the server puts bob in her roster with ask='subscribe' (RFC 6121 §3.1.2).
    QVERIFY(succeeded(alice->subscriptions->request(bobJid, u"It's Alice"_s)));
    QTRY_VERIFY(bob->hasEvent(u"requested"_s, aliceJid));
    QCOMPARE(bob->subscriptions->pendingRequests().first().status, u"It's Alice"_s);
    QTRY_VERIFY(alice->asks(bobJid));
    QCOMPARE(alice->subscriptionTo(bobJid), Subscription::None);

    // bob denies: alice hears it and her request is no longer pending.
    QVERIFY(succeeded(bob->subscriptions->deny(aliceJid)));
    QVERIFY(!bob->subscriptions->hasPendingRequest(aliceJid));
    QTRY_VERIFY(alice->hasEvent(u"revoked"_s, bobJid));
    QTRY_VERIFY(!alice->asks(bobJid));
    QCOMPARE(alice->subscriptionTo(bobJid), Subscription::None);

    // alice asks again; bob approves: she sees him ('to'), he is seen by her ('from').
    alice->events.clear();
    bob->events.clear();
    QVERIFY(succeeded(alice->subscriptions->request(bobJid)));
    QTRY_VERIFY(bob->hasEvent(u"requested"_s, aliceJid));
    QVERIFY(succeeded(bob->subscriptions->approve(aliceJid)));
    QTRY_VERIFY(alice->hasEvent(u"approved"_s, bobJid));
    QTRY_COMPARE(alice->subscriptionTo(bobJid), Subscription::To);
    QVERIFY(!alice->asks(bobJid));
    QTRY_COMPARE(bob->subscriptionTo(aliceJid), Subscription::From);
    QVERIFY(bob->subscriptions->pendingRequests().isEmpty());

    // The other direction: bob asks, alice approves: both.
    QVERIFY(succeeded(bob->subscriptions->request(aliceJid)));
    QTRY_VERIFY(alice->hasEvent(u"requested"_s, bobJid));
    QVERIFY(succeeded(alice->subscriptions->approve(bobJid)));
    QTRY_VERIFY(bob->hasEvent(u"approved"_s, aliceJid));
    QTRY_COMPARE(alice->subscriptionTo(bobJid), Subscription::Both);
    QTRY_COMPARE(bob->subscriptionTo(aliceJid), Subscription::Both);

    // alice unsubscribes from bob's presence (RFC 6121 §3.3): she keeps 'from', he keeps 'to'.
    QVERIFY(succeeded(alice->subscriptions->unsubscribe(bobJid)));
    QTRY_VERIFY(bob->hasEvent(u"unsubscribed"_s, aliceJid));
    QTRY_COMPARE(alice->subscriptionTo(bobJid), Subscription::From);
    QTRY_COMPARE(bob->subscriptionTo(aliceJid), Subscription::To);

    // alice cancels bob's subscription to her (RFC 6121 §3.2): nothing is left either way.
    QVERIFY(succeeded(alice->subscriptions->cancel(bobJid)));
    QTRY_VERIFY(bob->hasEvent(u"revoked"_s, aliceJid));
    QTRY_COMPARE(alice->subscriptionTo(bobJid), Subscription::None);
    QTRY_COMPARE(bob->subscriptionTo(aliceJid), Subscription::None);

    // And the caches followed the pushes.
    QTRY_COMPARE(alice->store->load().result().items, alice->roster->items());
}

void tst_Roster::requestIsAnsweredAfterRestartOfTheRequestedClient()
{
    auto carol = login(u"carol"_s, u"phone"_s);
    auto dave = login(u"dave"_s, u"desk"_s);
    QVERIFY(carol && dave);
    const Jid carolJid = bare(u"carol"_s);
    const Jid daveJid = bare(u"dave"_s);

    QVERIFY(succeeded(carol->subscriptions->request(daveJid, u"remember me"_s)));
    QTRY_VERIFY(dave->hasEvent(u"requested"_s, carolJid)); // signalled after the store committed it
    QVERIFY(logout(*dave));
    dave.reset();

    // A new client on the same data: the request is there before the server says anything.
    {
        Account offline(storePath(u"dave"_s));
        QTRY_COMPARE(offline.subscriptions->pendingRequests().size(), 1);
        QCOMPARE(offline.subscriptions->pendingRequests().first().jid, carolJid);
        QCOMPARE(offline.subscriptions->pendingRequests().first().status, u"remember me"_s);
    }
    dave = login(u"dave"_s, u"desk"_s);
    QVERIFY(dave);
    QTRY_VERIFY(dave->subscriptions->hasPendingRequest(carolJid));
    QVERIFY(succeeded(dave->subscriptions->approve(carolJid)));
    QVERIFY(dave->subscriptions->pendingRequests().isEmpty());
    QTRY_VERIFY(carol->hasEvent(u"approved"_s, daveJid));
    QTRY_COMPARE(carol->subscriptionTo(daveJid), Subscription::To);
    QTRY_COMPARE(dave->subscriptionTo(carolJid), Subscription::From);
    QTRY_VERIFY(dave->store->loadRequests().result().isEmpty());
}

void tst_Roster::groupsRenamesMovesAndRemoval()
{
    auto erin = login(u"erin"_s, u"laptop"_s);
    QVERIFY(erin);
    const Jid frank = bare(u"frank"_s);
    QSignalSpy changed(erin->roster, &RosterManager::itemsChanged);
    QSignalSpy removed(erin->roster, &RosterManager::itemsRemoved);

    QVERIFY(succeeded(erin->roster->addOrUpdate(frank, u"Frank"_s, { u"Friends"_s, u"工作"_s })));
    QTRY_VERIFY(erin->roster->item(frank));
    QCOMPARE(erin->roster->item(frank)->name, u"Frank"_s);
    QCOMPARE(groupsOf(*erin, frank), (QStringList { u"Friends"_s, u"工作"_s }));
    QCOMPARE(erin->roster->item(frank)->subscription, Subscription::None);
    QTRY_VERIFY(!changed.isEmpty());

    // Moved out of one group into another.
    QVERIFY(succeeded(erin->roster->addOrUpdate(frank, u"Frank"_s, { u"工作"_s, u"Family"_s })));
    QTRY_COMPARE(groupsOf(*erin, frank), (QStringList { u"Family"_s, u"工作"_s }));
    // Renamed, groups kept.
    QVERIFY(succeeded(erin->roster->addOrUpdate(frank, u"Frankie"_s, erin->roster->item(frank)->groups)));
    QTRY_COMPARE(erin->roster->item(frank)->name, u"Frankie"_s);
    QCOMPARE(groupsOf(*erin, frank), (QStringList { u"Family"_s, u"工作"_s }));
    // Into no group at all.
    QVERIFY(succeeded(erin->roster->addOrUpdate(frank, u"Frankie"_s, {})));
    QTRY_VERIFY(erin->roster->item(frank)->groups.isEmpty());

    // The cache has what the pushes said (the signal comes after the commit).
    QTRY_COMPARE(erin->store->load().result().items, erin->roster->items());
    QCOMPARE(erin->store->load().result().version, erin->roster->version());

    QVERIFY(succeeded(erin->roster->remove(frank)));
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<QList<Jid>>(), QList<Jid> { frank });
    QVERIFY(!erin->roster->item(frank));
    QVERIFY(erin->store->load().result().items.isEmpty());

    // Removing a contact that is not there is the server's item-not-found (RFC 6121 §2.5.3).
    const auto missing = erin->roster->remove(frank);
    QVERIFY(waitFor(missing));
    const RosterManager::Result missingResult = missing.result();
    const auto *error = std::get_if<XmppError>(&missingResult);
    QVERIFY(error);
    QCOMPARE(std::get<StanzaError>(*error).condition, u"item-not-found"_s);
}

void tst_Roster::rosterPushFromAnotherUserIsIgnored()
{
    auto alice = login(u"alice"_s, u"tablet"_s);
    auto mallory = login(u"mallory"_s, u"evil"_s);
    QVERIFY(alice && mallory);
    const QList<RosterItem> before = alice->roster->items();
    const QString versionBefore = alice->roster->version();
    QSignalSpy changed(alice->roster, &RosterManager::itemsChanged);

    // Mallory pushes herself into alice's roster as a trusted contact; Prosody passes it through.
    RosterItem forged;
    forged.jid = bare(u"mallory"_s);
    forged.name = u"Your bank"_s;
    forged.groups = { u"Trusted"_s };
    forged.subscription = Subscription::Both;
    XmlElement query(u"query"_s, ns::roster::Query.toString());
    query.setAttribute(u"ver"_s, u"forged-ver"_s);
    query.appendChild(forged.toXml());
    mallory->client.setIqTimeout(std::chrono::seconds(3));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ignoring a roster push from.*mallory@"_s));
    const QFuture<IqResult> push = mallory->client.sendIq(
        stanza::makeIq(stanza::IqType::Set, generateStanzaId(), alice->client.jid(), std::move(query)));
    QVERIFY(waitFor(push, 10000));
    // Not answered at all: neither a result nor an error tells mallory anything.
    const IqResult result = push.result();
    const auto *error = std::get_if<XmppError>(&result);
    QVERIFY(error);
    QVERIFY(std::holds_alternative<TimeoutError>(*error));

    QCOMPARE(alice->roster->items(), before);
    QVERIFY(!alice->roster->item(bare(u"mallory"_s)));
    QCOMPARE(alice->roster->version(), versionBefore);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(alice->store->load().result().items, before);
}

void tst_Roster::secondLoginWithUnchangedRosterUsesTheCache()
{
    auto gina = login(u"gina"_s, u"one"_s);
    QVERIFY(gina);
    QVERIFY2(gina->roster->isVersioningSupported(), "Prosody advertises urn:xmpp:features:rosterver");
    for (const QString &user : { u"alice"_s, u"bob"_s, u"hank"_s }) {
        QVERIFY(succeeded(gina->roster->addOrUpdate(bare(user), user.toUpper(), { u"G1"_s, u"G2"_s })));
    }
    QTRY_COMPARE(gina->roster->items().size(), 3);
    QTRY_COMPARE(gina->store->load().result().items.size(), 3);
    const QList<RosterItem> items = gina->roster->items();
    const QString version = gina->roster->version();
    QVERIFY(!version.isEmpty());
    QVERIFY(logout(*gina));
    gina.reset();

    // RFC 6121 §2.6.3: the cached version is current, so the server sends an empty result: no item comes
    // over the wire, and the cache gives the whole roster.
    gina = login(u"gina"_s, u"two"_s);
    QVERIFY(gina);
    QCOMPARE(gina->fetches, QList<bool> { true });
    QCOMPARE(gina->roster->items(), items);
    QCOMPARE(gina->roster->version(), version);

    // A change while away: the next login gets it (as a full roster or as pushes, the server's choice).
    auto other = login(u"gina"_s, u"three"_s);
    QVERIFY(other);
    QVERIFY(logout(*gina));
    gina.reset();
    QVERIFY(succeeded(other->roster->remove(bare(u"hank"_s))));
    QTRY_COMPARE(other->roster->items().size(), 2);
    gina = login(u"gina"_s, u"two"_s);
    QVERIFY(gina);
    QTRY_COMPARE(gina->roster->items().size(), 2);
    QVERIFY(!gina->roster->item(bare(u"hank"_s)));
    QTRY_COMPARE(gina->store->load().result().items.size(), 2);
}

void tst_Roster::cliCommandsEndToEnd()
{
    QTemporaryDir dataDir;
    qputenv("CONFAB_DATA_DIR", dataDir.path().toUtf8());
    CliRunner cli(m_server);
    const QString hank = m_server.jid(u"hank"_s);
    const QString frank = m_server.jid(u"frank"_s);

    // roster --watch reports what another process changes.
    auto watcher = std::make_unique<QProcess>();
    watcher->start(QStringLiteral(CONFAB_CLI_PATH),
        cli.connectionArgs(u"hank"_s, u"watch"_s)
            << u"--json"_s << u"--timeout"_s << u"15"_s << u"roster"_s << u"--watch"_s);
    QString watchErr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (watchErr += QString::fromUtf8(watcher->readAllStandardError())).contains(u"watching the roster"_s), 20000);

    CliResult r = CliRunner::run(cli.connectionArgs(u"hank"_s)
        << u"--json"_s << u"add"_s << frank << u"--name"_s << u"Frank F."_s << u"--group"_s << u"Friends"_s
        << u"--group"_s << u"Work"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.jsonLines().first().value(u"added"_s).toString(), frank);

    r = CliRunner::run(cli.connectionArgs(u"hank"_s) << u"--json"_s << u"roster"_s);
    QCOMPARE(r.exitCode, 0);
    QJsonObject line;
    for (const QJsonObject &object : r.jsonLines()) {
        if (object.value(u"jid"_s).toString() == frank) {
            line = object;
        }
    }
    QVERIFY2(!line.isEmpty(), qPrintable(r.out));
    QCOMPARE(line.value(u"name"_s).toString(), u"Frank F."_s);
    QStringList groups;
    for (const QJsonValue &group : line.value(u"groups"_s).toArray()) {
        groups.append(group.toString());
    }
    groups.sort();
    QCOMPARE(groups, (QStringList { u"Friends"_s, u"Work"_s }));
    QCOMPARE(line.value(u"subscription"_s).toString(), u"none"_s);
    QCOMPARE(line.value(u"presence"_s).toString(), u"unavailable"_s);
    QVERIFY(QFile::exists(dataDir.filePath(hank + u"/roster.sqlite"_s)));

    // Readable without --json: one line per contact.
    r = CliRunner::run(cli.connectionArgs(u"hank"_s) << u"roster"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(frank + u" \"Frank F.\" ["_s) && r.out.contains(u"subscription=none unavailable"_s),
        qPrintable(r.out));

    // Subscriptions through the CLI: hank asks frank, frank (who never ran the CLI) approves.
    QCOMPARE(CliRunner::run(cli.connectionArgs(u"hank"_s) << u"subscribe"_s << frank).exitCode, 0);
    r = CliRunner::run(cli.connectionArgs(u"frank"_s) << u"--json"_s << u"approve"_s << hank);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.jsonLines().last().value(u"approved"_s).toString(), hank);
    r = CliRunner::run(cli.connectionArgs(u"hank"_s) << u"--json"_s << u"roster"_s);
    QVERIFY2(r.out.contains(u"\"subscription\":\"to\""_s), qPrintable(r.out));

    // frank asks back and hank denies.
    QCOMPARE(CliRunner::run(cli.connectionArgs(u"frank"_s) << u"subscribe"_s << hank).exitCode, 0);
    QCOMPARE(CliRunner::run(cli.connectionArgs(u"hank"_s) << u"deny"_s << frank).exitCode, 0);
    r = CliRunner::run(cli.connectionArgs(u"frank"_s) << u"--json"_s << u"roster"_s);
    QVERIFY2(r.out.contains(u"\"jid\":\""_s + hank + u"\""_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"\"subscription\":\"from\""_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"\"ask\":false"_s), qPrintable(r.out));

    // Approving someone who has not asked is a pre-approval (RFC 6121 §3.4); Prosody advertises it, so
    // the command goes through. (Prosody 0.12 keeps approved='true' to itself, and does not complete the
    // later request on its own, so there is nothing more to check from the client's side.)
    const QString gina = m_server.jid(u"gina"_s);
    r = CliRunner::run(cli.connectionArgs(u"frank"_s) << u"--json"_s << u"approve"_s << gina);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.jsonLines().last().value(u"approved"_s).toString(), gina);

    QCOMPARE(CliRunner::run(cli.connectionArgs(u"hank"_s) << u"remove"_s << frank).exitCode, 0);
    r = CliRunner::run(cli.connectionArgs(u"hank"_s) << u"--json"_s << u"roster"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains(frank), qPrintable(r.out));

    // The watcher saw the add, and the removal, and ends normally at its timeout.
    QVERIFY(watcher->waitForFinished(30000));
    QCOMPARE(watcher->exitCode(), 0);
    const QString watched = QString::fromUtf8(watcher->readAllStandardOutput());
    QVERIFY2(watched.contains(u"\"event\":\"changed\""_s) && watched.contains(u"\"Frank F.\""_s), qPrintable(watched));
    QVERIFY2(watched.contains(u"\"event\":\"removed\""_s), qPrintable(watched));

    QCOMPARE(CliRunner::run(cli.connectionArgs(u"hank"_s) << u"add"_s << u"not a jid"_s).exitCode, 2);
    qunsetenv("CONFAB_DATA_DIR");
}

QTEST_GUILESS_MAIN(tst_Roster)
#include "tst_Roster.moc"
