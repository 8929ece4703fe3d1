// SPDX-License-Identifier: Apache-2.0
// One-to-one chats end to end against a real Prosody (carbons, smacks, offline storage): composed accounts
// (AccountSession) chat both ways, receipts come back, carbons copy to a second resource, replies follow
// the resource that wrote (XEP-0296), forgeries by a third account are ignored, offline messages are stored
// once, the outbox survives a session that died before sending, and `confab-cli send --wait-receipt`.
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "testlib/TcpProxy.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

/// One signed-in resource of an account, with its own data directory (history) unless one is given.
struct Device
{
    ~Device()
    {
        // A clean logout, so the server holds no hibernating session (XEP-0198) into the next test.
        if (signOutOnDestroy) {
            signOutAndWait(session.get());
        }
    }

    bool signOutOnDestroy = true;
    std::unique_ptr<QTemporaryDir> ownDir;
    std::unique_ptr<AccountSession> session;
    QList<std::pair<StoredMessage, ChatManager::Origin>> received;

    ChatManager *chats() const { return session->chats(); }
    MessageStore *store() const { return session->messages(); }
    Client &client() const { return session->client(); }

    QList<StoredMessage> history(const Jid &conversation) const { return await(store()->page(conversation, 0, 200)); }
    int countLive(const QString &body) const
    {
        return int(std::count_if(received.cbegin(), received.cend(),
            [&body](const auto &r) { return r.first.body == body && r.second == ChatManager::Origin::Live; }));
    }
    int countAny(const QString &body) const
    {
        return int(
            std::count_if(received.cbegin(), received.cend(), [&body](const auto &r) { return r.first.body == body; }));
    }
};

} // namespace

class tst_Chat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void chatBothWaysWithReceipts();
    void carbonsReachTheOtherResource();
    void repliesFollowTheResourceThatWrote();
    void chatStatesGoOnlyToSupportingClientsAndAreThrottled();
    void forgeriesByAThirdAccountAreIgnored();
    void offlineMessagesAreStoredOnce();
    void outboxIsSentExactlyOnceByTheNextSession();
    void displayedMarkerNamesTheNewestMessageSeen();
    void cliSendWaitsForTheReceipt();

private:
    std::unique_ptr<Device> signIn(const QString &user, const QString &resource, const QString &dataDir = {},
        quint16 port = 0, bool online = true);
    ConnectionSettings settings(const QString &user, const QString &resource, quint16 port = 0) const;
    Jid bare(const QString &user) const { return Jid::fromString(m_server.jid(user)); }
    void subscribeBothWays(Device &a, Device &b);

    ProsodyFixture m_server { ProsodyFixture::Options {
        .accounts = { u"alice"_s, u"bob"_s, u"mallory"_s, u"carol"_s, u"dave"_s } } };
};

void tst_Chat::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_Chat::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

ConnectionSettings tst_Chat::settings(const QString &user, const QString &resource, quint16 port) const
{
    return settingsFor(m_server, user, resource, port);
}

std::unique_ptr<Device> tst_Chat::signIn(
    const QString &user, const QString &resource, const QString &dataDir, quint16 port, bool online)
{
    auto device = std::make_unique<Device>();
    QString dir = dataDir;
    if (dir.isEmpty()) {
        device->ownDir = std::make_unique<QTemporaryDir>();
        dir = device->ownDir->path();
    }
    device->session = std::make_unique<AccountSession>(dir);
    if (!await(device->session->open()).isEmpty()) {
        qFatal("cannot open the stores");
    }
    Device *raw = device.get();
    connect(raw->chats(), &ChatManager::messageReceived, raw->session.get(),
        [raw](const StoredMessage &m, const XmlElement &, ChatManager::Origin origin, bool) {
            raw->received.append({ m, origin });
        });
    connect(raw->session->subscriptions(), &SubscriptionManager::subscriptionRequested, raw->session.get(),
        [raw](const Jid &jid) { raw->session->subscriptions()->approve(jid); });
    device->session->signIn(settings(user, resource, port));
    QElapsedTimer timer;
    timer.start();
    while (!(raw->client().isConnected() && raw->chats()->carbonsEnabled()) && timer.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (online) {
        // RFC 6121 §4.2: initial presence, so messages to the bare JID (and offline ones) reach us.
        await(device->session->presence()->setPresence(Presence::Show::Online));
    }
    return device;
}

void tst_Chat::subscribeBothWays(Device &a, Device &b)
{
    const Jid aJid = a.client().jid().bare();
    const Jid bJid = b.client().jid().bare();
    await(a.session->subscriptions()->request(bJid));
    await(b.session->subscriptions()->request(aJid));
    QTRY_VERIFY_WITH_TIMEOUT(!a.session->presence()->resources(bJid).isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!b.session->presence()->resources(aJid).isEmpty(), 20000);
}

void tst_Chat::chatBothWaysWithReceipts()
{
    auto alice = signIn(u"alice"_s, u"desktop"_s);
    auto bob = signIn(u"bob"_s, u"desktop"_s);
    QVERIFY(alice->client().isConnected() && bob->client().isConnected());

    const StoredMessage sent = await(alice->chats()->send(bare(u"bob"_s), u"你好, Bob"_s));
    QCOMPARE(sent.state, StoredMessage::State::Pending);
    QTRY_COMPARE_WITH_TIMEOUT(bob->countLive(u"你好, Bob"_s), 1, 20000);
    const StoredMessage atBob = bob->history(bare(u"alice"_s)).last();
    QCOMPARE(atBob.sender, alice->client().jid());
    QCOMPARE(atBob.originId, sent.originId);
    QVERIFY(!atBob.stanzaId.isEmpty()); // Prosody's mod_mam stamps it, by = bob's bare JID
    // The receipt comes back: Delivered in the sender's store.
    QTRY_COMPARE_WITH_TIMEOUT(alice->history(bare(u"bob"_s)).last().state, StoredMessage::State::Delivered, 20000);

    await(bob->chats()->send(bare(u"alice"_s), u"hi Alice"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice->countLive(u"hi Alice"_s), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(bob->history(bare(u"alice"_s)).last().state, StoredMessage::State::Delivered, 20000);
    // Both directions in one conversation on each side.
    QCOMPARE(alice->history(bare(u"bob"_s)).size(), 2);
    QCOMPARE(alice->chats()->lockedResource(bare(u"bob"_s)), u"desktop"_s);
}

void tst_Chat::carbonsReachTheOtherResource()
{
    auto desktop = signIn(u"carol"_s, u"desktop"_s);
    auto laptop = signIn(u"carol"_s, u"laptop"_s);
    auto bob = signIn(u"bob"_s, u"phone"_s);
    QVERIFY(desktop->chats()->carbonsEnabled() && laptop->chats()->carbonsEnabled());

    // XEP-0280 §6: what the desktop sends is copied to the laptop, stored there as ours.
    await(desktop->chats()->send(bare(u"bob"_s), u"sent from the desktop"_s));
    QTRY_COMPARE_WITH_TIMEOUT(laptop->countAny(u"sent from the desktop"_s), 1, 20000);
    const StoredMessage copy = laptop->history(bare(u"bob"_s)).last();
    QVERIFY(copy.isOutgoing());
    QCOMPARE(copy.sender, desktop->client().jid());
    QCOMPARE(copy.conversation, bare(u"bob"_s));

    // bob answers the desktop's full JID: the laptop gets a received carbon, stored as incoming.
    QTRY_COMPARE_WITH_TIMEOUT(bob->countLive(u"sent from the desktop"_s), 1, 20000);
    await(bob->chats()->send(bare(u"carol"_s), u"answer to the desktop"_s));
    QTRY_COMPARE_WITH_TIMEOUT(desktop->countLive(u"answer to the desktop"_s), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(laptop->countAny(u"answer to the desktop"_s), 1, 20000);
    QVERIFY(!laptop->history(bare(u"bob"_s)).last().isOutgoing());
    QCOMPARE(laptop->countLive(u"answer to the desktop"_s), 0);
}

void tst_Chat::repliesFollowTheResourceThatWrote()
{
    auto alice = signIn(u"alice"_s, u"desktop"_s);
    auto bobDesktop = signIn(u"bob"_s, u"desktop"_s);
    auto bobPhone = signIn(u"bob"_s, u"phone"_s);
    subscribeBothWays(*alice, *bobDesktop);
    QTRY_COMPARE_WITH_TIMEOUT(alice->session->presence()->resources(bare(u"bob"_s)).size(), 2, 20000);
    const Jid bob = bare(u"bob"_s);

    // The phone writes: alice's replies go to the phone only (the desktop sees a carbon at most).
    await(bobPhone->chats()->send(bare(u"alice"_s), u"from my phone"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice->countLive(u"from my phone"_s), 1, 20000);
    QCOMPARE(alice->chats()->lockedResource(bob), u"phone"_s);
    await(alice->chats()->send(bob, u"reply to the phone"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bobPhone->countLive(u"reply to the phone"_s), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(bobDesktop->countAny(u"reply to the phone"_s), 1, 20000);
    QCOMPARE(bobDesktop->countLive(u"reply to the phone"_s), 0); // a carbon, not addressed to it

    // The phone goes offline: the lock is released and the next reply goes to the bare JID.
    bobPhone->session->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(alice->chats()->lockedResource(bob), QString(), 20000);
    await(alice->chats()->send(bob, u"to whoever is there"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bobDesktop->countLive(u"to whoever is there"_s), 1, 20000);
    QCOMPARE(bobPhone->countAny(u"to whoever is there"_s), 0);
}

void tst_Chat::chatStatesGoOnlyToSupportingClientsAndAreThrottled()
{
    auto alice = signIn(u"alice"_s, u"desktop"_s);
    auto bob = signIn(u"bob"_s, u"desktop"_s);
    subscribeBothWays(*alice, *bob);
    const Jid bobJid = bare(u"bob"_s);
    // bob's caps (Confab announces XEP-0085) are resolved through disco#info.
    QTRY_VERIFY_WITH_TIMEOUT(alice->chats()->chatStatesSupported(bobJid), 20000);
    QSignalSpy states(bob->chats(), &ChatManager::chatStateChanged);

    alice->chats()->setChatState(bobJid, ChatManager::ChatState::Composing);
    alice->chats()->setChatState(bobJid, ChatManager::ChatState::Composing); // never the same state twice
    alice->chats()->setChatState(bobJid, ChatManager::ChatState::Paused);
    alice->chats()->setChatState(bobJid, ChatManager::ChatState::Composing); // within 5 s of the last one
    alice->chats()->setChatState(bobJid, ChatManager::ChatState::Inactive);
    await(alice->chats()->send(bobJid, u"states fence"_s)); // carries <active/>
    QTRY_COMPARE_WITH_TIMEOUT(bob->countLive(u"states fence"_s), 1, 20000);
    QList<ChatManager::ChatState> seen;
    for (const QList<QVariant> &args : std::as_const(states)) {
        QCOMPARE(args.at(0).value<Jid>(), alice->client().jid());
        seen.append(args.at(1).value<ChatManager::ChatState>());
    }
    const QList<ChatManager::ChatState> expected { ChatManager::ChatState::Composing, ChatManager::ChatState::Paused,
        ChatManager::ChatState::Inactive, ChatManager::ChatState::Active };
    QCOMPARE(seen, expected);
}

void tst_Chat::forgeriesByAThirdAccountAreIgnored()
{
    auto alice = signIn(u"alice"_s, u"desktop"_s);
    auto bob = signIn(u"bob"_s, u"desktop"_s);
    auto mallory = signIn(u"mallory"_s, u"evil"_s);
    const Jid aliceFull = alice->client().jid();

    await(bob->chats()->send(bare(u"alice"_s), u"the real words"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice->countLive(u"the real words"_s), 1, 20000);
    const StoredMessage original = alice->history(bare(u"bob"_s)).last();
    const int before = int(await(alice->store()->count()));

    // mallory writes both by hand: a "sent carbon" claiming alice said something, and a "correction".
    XmlElement carbon = XmlElement(u"message"_s, ns::Client.toString());
    carbon.setAttribute(u"to"_s, aliceFull.toString());
    carbon.setAttribute(u"type"_s, u"chat"_s);
    XmlElement sent(u"sent"_s, u"urn:xmpp:carbons:2"_s);
    XmlElement forwarded(u"forwarded"_s, u"urn:xmpp:forward:0"_s);
    XmlElement inner(u"message"_s, ns::Client.toString());
    inner.setAttribute(u"from"_s, aliceFull.bare().withResource(u"laptop").toString());
    inner.setAttribute(u"to"_s, bare(u"bob"_s).toString());
    inner.setAttribute(u"type"_s, u"chat"_s);
    inner.setAttribute(u"id"_s, u"forged1"_s);
    inner.appendTextChild(u"body"_s, u"forged by mallory"_s, ns::Client.toString());
    forwarded.appendChild(inner);
    sent.appendChild(forwarded);
    carbon.appendChild(sent);
    QVERIFY(std::holds_alternative<std::monostate>(await(mallory->client().send(carbon))));

    XmlElement correction(u"message"_s, ns::Client.toString());
    correction.setAttribute(u"to"_s, aliceFull.toString());
    correction.setAttribute(u"type"_s, u"chat"_s);
    correction.setAttribute(u"id"_s, generateStanzaId());
    correction.appendTextChild(u"body"_s, u"rewritten by mallory"_s, ns::Client.toString());
    XmlElement replace(u"replace"_s, u"urn:xmpp:message-correct:0"_s);
    replace.setAttribute(u"id"_s, original.originId);
    correction.appendChild(replace);
    QVERIFY(std::holds_alternative<std::monostate>(await(mallory->client().send(correction))));

    // A plain message from mallory after both: once it is stored, the forgeries were seen and dropped.
    await(mallory->chats()->send(bare(u"alice"_s), u"fence"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice->countLive(u"fence"_s), 1, 20000);
    QCOMPARE(alice->countAny(u"forged by mallory"_s), 0);
    QCOMPARE(alice->countAny(u"rewritten by mallory"_s), 0);
    QCOMPARE(int(await(alice->store()->count())), before + 1);
    const StoredMessage after = alice->history(bare(u"bob"_s)).last();
    QCOMPARE(after.body, u"the real words"_s);
    QVERIFY(!after.edited);
}

void tst_Chat::offlineMessagesAreStoredOnce()
{
    auto bob = signIn(u"bob"_s, u"desktop"_s);
    await(bob->chats()->send(bare(u"dave"_s), u"while you were out"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bob->history(bare(u"dave"_s)).last().state, StoredMessage::State::Sent, 20000);

    auto dave = signIn(u"dave"_s, u"desktop"_s);
    // It comes as an offline message or through the archive catch-up (Prosody 0.12 stops sending offline
    // messages to a session that queried its archive): either way it is stored once.
    QTRY_COMPARE_WITH_TIMEOUT(dave->countAny(u"while you were out"_s), 1, 20000);
    // The receipt request is answered on arrival.
    QTRY_COMPARE_WITH_TIMEOUT(bob->history(bare(u"dave"_s)).last().state, StoredMessage::State::Delivered, 20000);
    const QList<StoredMessage> history = dave->history(bare(u"bob"_s));
    QCOMPARE(history.size(), 1);
    QVERIFY(history.first().timestamp.isValid());
}

void tst_Chat::outboxIsSentExactlyOnceByTheNextSession()
{
    auto bob = signIn(u"bob"_s, u"desktop"_s);
    QTemporaryDir aliceDir;
    TcpProxy proxy(m_server.host(), m_server.c2sPort());
    QVERIFY(proxy.listen());
    auto alice = signIn(u"alice"_s, u"outbox"_s, aliceDir.path(), proxy.port());
    QVERIFY(alice->client().isConnected());

    // The link goes silent: the message is stored Pending and written, but never reaches the server.
    proxy.setStalled(true);
    const StoredMessage pending = await(alice->chats()->send(bare(u"bob"_s), u"survives a crash"_s));
    QCOMPARE(pending.state, StoredMessage::State::Pending);
    QTRY_VERIFY(proxy.bytesHeld() > 0);
    alice->signOutOnDestroy = false;
    alice.reset(); // the process dies with the message unsent
    proxy.cutAll(); // what the proxy held is lost with it

    // A new session on the same data directory sends it, once, with the same id.
    auto again = signIn(u"alice"_s, u"outbox"_s, aliceDir.path());
    QTRY_COMPARE_WITH_TIMEOUT(bob->countLive(u"survives a crash"_s), 1, 20000);
    // That message (found by its id: the archive catch-up may bring earlier traffic of this account too).
    const auto stateOfPending = [this, &again, &pending] {
        for (const StoredMessage &message : again->history(bare(u"bob"_s))) {
            if (message.originId == pending.originId) {
                return message.state;
            }
        }
        return StoredMessage::State::Failed;
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOfPending(), StoredMessage::State::Delivered, 20000);
    QCOMPARE(bob->history(bare(u"alice"_s)).last().originId, pending.originId);
    QVERIFY(await(again->store()->pending()).isEmpty());

    // A fence from alice: nothing else of the outbox followed it.
    await(again->chats()->send(bare(u"bob"_s), u"after the outbox"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bob->countLive(u"after the outbox"_s), 1, 20000);
    QCOMPARE(bob->countAny(u"survives a crash"_s), 1);
}

void tst_Chat::displayedMarkerNamesTheNewestMessageSeen()
{
    auto alice = signIn(u"alice"_s, u"markers"_s);
    auto bob = signIn(u"bob"_s, u"markers"_s);
    const Jid bobJid = bob->client().jid();
    QList<StoredMessage> sent;
    for (const QString &body : { u"marker one"_s, u"marker two"_s, u"marker three"_s }) {
        sent.append(await(alice->chats()->send(bobJid, body)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(bob->countLive(u"marker three"_s), 1, 20000);
    const auto rowAtBob = [&](const StoredMessage &message) {
        for (const StoredMessage &m : bob->history(bare(u"alice"_s))) {
            if (m.originId == message.originId) {
                return m.id;
            }
        }
        return qint64(0);
    };
    const auto stateAtAlice = [&](const StoredMessage &message) {
        for (const StoredMessage &m : alice->history(bare(u"bob"_s))) {
            if (m.originId == message.originId) {
                return m.state;
            }
        }
        return StoredMessage::State::Failed;
    };
    for (const StoredMessage &message : std::as_const(sent)) {
        QTRY_COMPARE_WITH_TIMEOUT(stateAtAlice(message), StoredMessage::State::Delivered, 20000);
    }

    // bob's view showed the conversation up to the second message only: XEP-0333 §3.2, the marker names that
    // one, not the newest that asked for markers.
    bob->chats()->markDisplayed(bare(u"alice"_s), rowAtBob(sent.at(1)));
    QTRY_COMPARE_WITH_TIMEOUT(stateAtAlice(sent.at(1)), StoredMessage::State::Displayed, 20000);
    // A fence from bob: the marker came before it, and said nothing of the third message.
    await(bob->chats()->send(alice->client().jid(), u"marker fence"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice->countLive(u"marker fence"_s), 1, 20000);
    QCOMPARE(stateAtAlice(sent.at(2)), StoredMessage::State::Delivered);

    // Seeing the rest marks the third.
    bob->chats()->markDisplayed(bare(u"alice"_s), rowAtBob(sent.at(2)));
    QTRY_COMPARE_WITH_TIMEOUT(stateAtAlice(sent.at(2)), StoredMessage::State::Displayed, 20000);
}

void tst_Chat::cliSendWaitsForTheReceipt()
{
    auto bob = signIn(u"bob"_s, u"desktop"_s);
    QTemporaryDir cliData;
    QTemporaryFile password;
    QVERIFY(password.open());
    password.write(m_server.password(u"alice"_s).toUtf8() + "\n");
    password.flush();
    auto run = [&](const QStringList &extra) {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CONFAB_DATA_DIR"_s, cliData.path());
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(CONFAB_CLI_PATH),
            QStringList { u"--jid"_s, m_server.jid(u"alice"_s) + u"/cli"_s, u"--password-file"_s, password.fileName(),
                u"--host"_s, m_server.host(), u"--port"_s, QString::number(m_server.c2sPort()), u"--ca-file"_s,
                m_server.caFile(), u"--json"_s }
                + extra);
        return process;
    };

    // bob is online and answers receipts: exit 0 with "delivered".
    auto ok = run(
        { u"--timeout"_s, u"30"_s, u"send"_s, bare(u"bob"_s).toString(), u"with receipt"_s, u"--wait-receipt"_s });
    QTRY_VERIFY_WITH_TIMEOUT(ok->state() == QProcess::NotRunning, 40000);
    const QString out = QString::fromUtf8(ok->readAllStandardOutput());
    QVERIFY2(ok->exitCode() == 0, qPrintable(out + QString::fromUtf8(ok->readAllStandardError())));
    const QJsonObject json = QJsonDocument::fromJson(out.split(u'\n', Qt::SkipEmptyParts).last().toUtf8()).object();
    QVERIFY(json.value(u"delivered"_s).toBool());
    QCOMPARE(bob->countLive(u"with receipt"_s), 1);
    // The CLI's history has it as Delivered.
    MessageStore cliHistory(cliData.path() + u'/' + m_server.jid(u"alice"_s) + u"/messages.sqlite"_s);
    QCOMPARE(await(cliHistory.open()), QString());
    QCOMPARE(await(cliHistory.page(bare(u"bob"_s), 0, 10)).last().state, StoredMessage::State::Delivered);

    // mallory is offline: the server takes the message, no receipt comes: exit 1 at the timeout.
    auto late = run(
        { u"--timeout"_s, u"4"_s, u"send"_s, bare(u"mallory"_s).toString(), u"nobody home"_s, u"--wait-receipt"_s });
    QTRY_VERIFY_WITH_TIMEOUT(late->state() == QProcess::NotRunning, 30000);
    const QString err = QString::fromUtf8(late->readAllStandardError());
    QCOMPARE(late->exitCode(), 1);
    QVERIFY2(err.contains(u"delivery receipt"_s), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_Chat)
#include "tst_Chat.moc"
