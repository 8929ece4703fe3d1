// SPDX-License-Identifier: Apache-2.0
// ChatManager without a server: canned stanzas fed to handleStanza() as the Client's router would, into an
// in-memory MessageStore. Who may send carbons (XEP-0280 §11), stanza-ids (XEP-0359 §5), receipts
// (XEP-0184), markers (XEP-0333) and corrections (XEP-0308); what is not a message; reply routing
// (RFC 6121 §5.1, XEP-0296).
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/MessageStore.h"
#include "xml/XmlStreamParser.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

const Jid Own = Jid::fromString(u"juliet@example.com/balcony");
const Jid Romeo = Jid::fromString(u"romeo@montague.lit");

/// One canned stanza as if it came over a jabber:client stream.
XmlElement parse(const QString &xml)
{
    XmlElement result;
    XmlStreamParser parser(XmlStreamParser::Callbacks {
        .streamOpened = [](const XmlElement &) {},
        .elementReceived = [&result](XmlElement &&element) { result = std::move(element); },
        .streamClosed = [] {},
        .errorOccurred = [](XmlStreamParser::Error, const QString &detail) { qWarning() << detail; },
    });
    parser.feed(
        QByteArrayView("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"));
    parser.feed(xml.toUtf8());
    return result;
}

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

QString carbon(const QString &outerFrom, const QString &kind, const QString &inner)
{
    return u"<message from='"_s + outerFrom + u"' to='juliet@example.com/balcony' type='chat'><"_s + kind
        + u" xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"_s
        + QString(inner).replace(u"<message "_s, u"<message xmlns='jabber:client' "_s) + u"</forwarded></"_s + kind
        + u"></message>"_s;
}

/// Answers every caps query at once with the same disco#info.
class CannedCaps : public CapsManager
{
public:
    CapsInfo answer;

protected:
    QFuture<IqResult> requestInfo(const Jid &to, const QString &node) override
    {
        XmlElement iq = stanza::makeIq(stanza::IqType::Result, u"q"_s, {}, answer.toXml(node));
        iq.setAttribute(u"from"_s, to.toString());
        return QtFuture::makeReadyFuture(IqResult(iq));
    }
};

} // namespace

class tst_ChatManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void storesIncomingChatWithLangThreadAndSender();
    void storesCarbonsFromOwnBareJid();
    void dropsForgedCarbons_data();
    void dropsForgedCarbons();
    void ignoresStanzaIdAddedBySomeoneElse();
    void receiptMarksDeliveredOnlyFromTheContact();
    void displayedMarkerOnlyFromTheContact();
    void correctionOnlyFromTheOriginalSender();
    void bodylessMessagesAreNotStored();
    void errorBounceFailsOnlyFromTheContact();
    void leavesGroupchatAndOtherPayloadsAlone();
    void sendStoresPendingWhenNotConnected();
    void routingLocksToWritingResourceAndUnlocksOnPresence();
    void correctLastEditsOurNewestMessage();
    void markDisplayedMarksIncomingAsRead();
    void chatStatesNeedAdvertisedSupport();

private:
    /// Lets the store's worker and every continuation chain run to their end.
    void settle();
    QList<StoredMessage> history(const Jid &conversation = Romeo) { return await(m_store->page(conversation, 0, 100)); }

    Client *m_client = nullptr;
    MessageStore *m_store = nullptr;
    ChatManager *m_chats = nullptr;
};

void tst_ChatManager::init()
{
    m_client = new Client(this);
    m_store = new MessageStore(u":memory:"_s, this);
    QCOMPARE(await(m_store->open()), QString());
    m_chats = new ChatManager(m_store);
    m_client->addExtension(m_chats);
    m_chats->setOwnJid(Own);
}

void tst_ChatManager::cleanup()
{
    delete m_client;
    delete m_store;
}

void tst_ChatManager::settle()
{
    for (int i = 0; i < 4; ++i) {
        await(m_store->count());
    }
}

void tst_ChatManager::storesIncomingChatWithLangThreadAndSender()
{
    QSignalSpy received(m_chats, &ChatManager::messageReceived);
    QVERIFY(
        m_chats->handleStanza(parse(u"<message from='romeo@montague.lit/orchard' to='juliet@example.com' "
                                    u"type='chat' id='m1'><body xml:lang='en'>Art thou not Romeo?</body>"
                                    u"<thread>t1</thread><origin-id xmlns='urn:xmpp:sid:0' id='o1'/></message>"_s)));
    QTRY_COMPARE(received.size(), 1);
    const QList<StoredMessage> messages = history();
    QCOMPARE(messages.size(), 1);
    const StoredMessage &m = messages.first();
    QCOMPARE(m.sender, Jid::fromString(u"romeo@montague.lit/orchard"));
    QCOMPARE(m.conversation, Romeo);
    QVERIFY(!m.isOutgoing());
    QCOMPARE(m.body, u"Art thou not Romeo?"_s);
    QCOMPARE(m.lang, u"en"_s);
    QCOMPARE(m.thread, u"t1"_s);
    QCOMPARE(m.messageId, u"m1"_s);
    QCOMPARE(m.originId, u"o1"_s);
    QCOMPARE(m.state, StoredMessage::State::Received);

    // The same message again (same origin-id from the same sender) is not stored twice, only reported as such.
    m_chats->handleStanza(parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='m1'><body>Art thou "
                                u"not Romeo?</body><origin-id xmlns='urn:xmpp:sid:0' id='o1'/></message>"_s));
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(history().size(), 1);
    QCOMPARE(received.at(0).at(3).toBool(), false);
    QCOMPARE(received.at(1).at(3).toBool(), true);
    QCOMPARE(received.at(1).at(0).value<StoredMessage>().id, m.id);
}

void tst_ChatManager::storesCarbonsFromOwnBareJid()
{
    m_chats->handleStanza(parse(carbon(u"juliet@example.com"_s, u"received"_s,
        u"<message from='romeo@montague.lit/orchard' to='juliet@example.com/chamber' type='chat' id='r1'>"
        u"<body>to your other device</body></message>"_s)));
    m_chats->handleStanza(parse(carbon(u"juliet@example.com"_s, u"sent"_s,
        u"<message from='juliet@example.com/chamber' to='romeo@montague.lit/orchard' type='chat' id='s1'>"
        u"<body>from my other device</body></message>"_s)));
    QTRY_COMPARE(history().size(), 2);
    const QList<StoredMessage> messages = history();
    QVERIFY(!messages.at(0).isOutgoing());
    QCOMPARE(messages.at(0).sender, Jid::fromString(u"romeo@montague.lit/orchard"));
    QVERIFY(messages.at(1).isOutgoing());
    QCOMPARE(messages.at(1).sender, Jid::fromString(u"juliet@example.com/chamber"));
    QCOMPARE(messages.at(1).conversation, Romeo);
    QCOMPARE(messages.at(1).body, u"from my other device"_s);
}

void tst_ChatManager::dropsForgedCarbons_data()
{
    QTest::addColumn<QString>("outerFrom");
    QTest::addColumn<QString>("kind");
    // CVE-2017-5589: anyone but our own bare JID.
    QTest::newRow("contact-sent") << u"romeo@montague.lit/orchard"_s << u"sent"_s;
    QTest::newRow("contact-bare-received") << u"romeo@montague.lit"_s << u"received"_s;
    QTest::newRow("own-full-jid") << u"juliet@example.com/balcony"_s << u"sent"_s;
    QTest::newRow("own-other-resource") << u"juliet@example.com/chamber"_s << u"received"_s;
    QTest::newRow("own-server") << u"example.com"_s << u"sent"_s;
    QTest::newRow("other-server") << u"montague.lit"_s << u"received"_s;
}

void tst_ChatManager::dropsForgedCarbons()
{
    QFETCH(QString, outerFrom);
    QFETCH(QString, kind);
    QSignalSpy received(m_chats, &ChatManager::messageReceived);
    QVERIFY(m_chats->handleStanza(parse(carbon(outerFrom, kind,
        u"<message from='juliet@example.com/chamber' to='romeo@montague.lit' type='chat' id='f1'>"
        u"<body>I never said this</body></message>"_s))));
    // Also a carbon without 'from' at all.
    const QString noFrom
        = carbon(u"x"_s, kind, u"<message to='juliet@example.com' type='chat'><body>x</body></message>"_s)
              .replace(u"from='x' "_s, QString());
    QVERIFY(m_chats->handleStanza(parse(noFrom)));
    settle();
    QCOMPARE(await(m_store->count()), 0);
    QCOMPARE(received.size(), 0);
}

void tst_ChatManager::ignoresStanzaIdAddedBySomeoneElse()
{
    m_chats->handleStanza(
        parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='a'><body>one</body>"
              u"<stanza-id xmlns='urn:xmpp:sid:0' by='romeo@montague.lit' id='made-up'/></message>"_s));
    m_chats->handleStanza(parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='b'><body>two</body>"
                                u"<stanza-id xmlns='urn:xmpp:sid:0' by='romeo@montague.lit' id='made-up-2'/>"
                                u"<stanza-id xmlns='urn:xmpp:sid:0' by='juliet@example.com' id='ours'/></message>"_s));
    QTRY_COMPARE(history().size(), 2);
    const QList<StoredMessage> messages = history();
    QCOMPARE(messages.at(0).stanzaId, QString());
    QCOMPARE(messages.at(1).stanzaId, u"ours"_s);
}

void tst_ChatManager::receiptMarksDeliveredOnlyFromTheContact()
{
    const StoredMessage sent = await(m_chats->send(Romeo, u"hello"_s));
    QCOMPARE(sent.state, StoredMessage::State::Pending);
    QCOMPARE(sent.originId, sent.messageId);
    const QString receipt
        = u"<message from='%1' id='rc'><received xmlns='urn:xmpp:receipts' id='"_s + sent.originId + u"'/></message>"_s;
    // mallory knows the id (say, guessed or leaked): her receipt changes nothing, nor does our own.
    m_chats->handleStanza(parse(receipt.arg(u"mallory@evil.example/x"_s)));
    m_chats->handleStanza(parse(receipt.arg(u"juliet@example.com/chamber"_s)));
    settle();
    QCOMPARE(history().first().state, StoredMessage::State::Pending);
    m_chats->handleStanza(parse(receipt.arg(u"romeo@montague.lit/orchard"_s)));
    QTRY_COMPARE(history().first().state, StoredMessage::State::Delivered);
}

void tst_ChatManager::displayedMarkerOnlyFromTheContact()
{
    const StoredMessage sent = await(m_chats->send(Romeo, u"look"_s));
    const QString marker = u"<message from='%1' type='chat' id='dm'><displayed xmlns='urn:xmpp:chat-markers:0' id='"_s
        + sent.originId + u"'/></message>"_s;
    m_chats->handleStanza(parse(marker.arg(u"mallory@evil.example/x"_s)));
    settle();
    QCOMPARE(history().first().state, StoredMessage::State::Pending);
    m_chats->handleStanza(parse(marker.arg(u"romeo@montague.lit/phone"_s)));
    QTRY_COMPARE(history().first().state, StoredMessage::State::Displayed);
}

void tst_ChatManager::correctionOnlyFromTheOriginalSender()
{
    m_chats->handleStanza(parse(
        u"<message from='romeo@montague.lit/orchard' type='chat' id='orig'><body>I love thee</body></message>"_s));
    QTRY_COMPARE(history().size(), 1);
    QSignalSpy received(m_chats, &ChatManager::messageReceived);
    // mallory "corrects" romeo's message in romeo's conversation: she is not its sender.
    m_chats->handleStanza(parse(u"<message from='mallory@evil.example/x' type='chat' id='c1'><body>I hate thee</body>"
                                u"<replace xmlns='urn:xmpp:message-correct:0' id='orig'/></message>"_s));
    // Her own conversation has no such message either.
    settle();
    QCOMPARE(history().first().body, u"I love thee"_s);
    QCOMPARE(await(m_store->count()), 1);
    // romeo, from another resource, may.
    m_chats->handleStanza(parse(u"<message from='romeo@montague.lit/phone' type='chat' id='c2'><body>I love thee "
                                u"dearly</body><replace xmlns='urn:xmpp:message-correct:0' id='orig'/></message>"_s));
    QTRY_COMPARE(history().first().body, u"I love thee dearly"_s);
    QVERIFY(history().first().edited);
    QCOMPARE(history().first().originalBody, u"I love thee"_s);
    QCOMPARE(await(m_store->count()), 1); // never a new message
    QCOMPARE(received.size(), 0);
}

void tst_ChatManager::bodylessMessagesAreNotStored()
{
    QSignalSpy states(m_chats, &ChatManager::chatStateChanged);
    const QString from = u"<message from='romeo@montague.lit/orchard' type='chat' id='%1'>%2</message>"_s;
    m_chats->handleStanza(parse(from.arg(u"s1"_s, u"<composing xmlns='http://jabber.org/protocol/chatstates'/>"_s)));
    m_chats->handleStanza(parse(from.arg(u"s2"_s, u"<request xmlns='urn:xmpp:receipts'/>"_s)));
    m_chats->handleStanza(parse(from.arg(u"s3"_s, u"<markable xmlns='urn:xmpp:chat-markers:0'/>"_s)));
    m_chats->handleStanza(parse(from.arg(u"s4"_s, u"<received xmlns='urn:xmpp:receipts' id='nothing'/>"_s)));
    settle();
    QCOMPARE(await(m_store->count()), 0);
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.first().at(0).value<Jid>(), Jid::fromString(u"romeo@montague.lit/orchard"));
    QCOMPARE(states.first().at(1).value<ChatManager::ChatState>(), ChatManager::ChatState::Composing);
}

void tst_ChatManager::errorBounceFailsOnlyFromTheContact()
{
    const StoredMessage sent = await(m_chats->send(Romeo, u"anyone there?"_s));
    const QString bounce = u"<message from='%1' type='error' id='"_s + sent.originId
        + u"'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
          u"</message>"_s;
    m_chats->handleStanza(parse(bounce.arg(u"mallory@evil.example"_s)));
    settle();
    QCOMPARE(history().first().state, StoredMessage::State::Pending);
    m_chats->handleStanza(parse(bounce.arg(u"romeo@montague.lit"_s)));
    QTRY_COMPARE(history().first().state, StoredMessage::State::Failed);
    QVERIFY(!history().first().error.isEmpty());
    QCOMPARE(await(m_store->count()), 1);
}

void tst_ChatManager::leavesGroupchatAndOtherPayloadsAlone()
{
    QVERIFY(!m_chats->handleStanza(
        parse(u"<message from='room@muc.example/nick' type='groupchat' id='g'><body>hi all</body></message>"_s)));
    QVERIFY(!m_chats->handleStanza(parse(u"<message from='romeo@montague.lit' type='headline'><event "
                                         u"xmlns='http://jabber.org/protocol/pubsub#event'/></message>"_s)));
    QVERIFY(!m_chats->handleStanza(parse(u"<presence from='romeo@montague.lit/orchard'/>"_s)));
}

void tst_ChatManager::sendStoresPendingWhenNotConnected()
{
    QSignalSpy acked(m_chats, &ChatManager::messageAcknowledged);
    const StoredMessage sent = await(m_chats->send(Romeo.withResource(u"orchard"), u"are you there?"_s));
    QVERIFY(sent.id > 0);
    QCOMPARE(sent.conversation, Romeo);
    QCOMPARE(sent.sender, Own);
    QTRY_COMPARE(acked.size(), 1);
    QCOMPARE(acked.first().at(1).toBool(), false);
    QVERIFY(!m_chats->isInFlight(sent.originId));
    const QList<StoredMessage> outbox = await(m_store->pending());
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().originId, sent.originId);
}

void tst_ChatManager::routingLocksToWritingResourceAndUnlocksOnPresence()
{
    auto *presence = new PresenceManager;
    m_client->addExtension(presence);
    QSignalSpy changed(presence, &PresenceManager::presencesChanged);
    presence->handleStanza(parse(u"<presence from='romeo@montague.lit/orchard'/>"_s));
    presence->handleStanza(parse(u"<presence from='romeo@montague.lit/phone'/>"_s));
    QVERIFY(changed.wait());
    changed.clear();

    QCOMPARE(m_chats->lockedResource(Romeo), QString()); // a new conversation goes to the bare JID
    m_chats->handleStanza(
        parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='1'><body>here</body></message>"_s));
    QCOMPARE(m_chats->lockedResource(Romeo), u"orchard"_s);
    // A body-less state does not move the lock; a message from another resource does.
    m_chats->handleStanza(parse(u"<message from='romeo@montague.lit/phone' type='chat' id='2'><composing "
                                u"xmlns='http://jabber.org/protocol/chatstates'/></message>"_s));
    QCOMPARE(m_chats->lockedResource(Romeo), u"orchard"_s);
    m_chats->handleStanza(
        parse(u"<message from='romeo@montague.lit/phone' type='chat' id='3'><body>now here</body></message>"_s));
    QCOMPARE(m_chats->lockedResource(Romeo), u"phone"_s);

    // Another resource's presence leaves the lock alone; the locked one's change releases it.
    presence->handleStanza(parse(u"<presence from='romeo@montague.lit/orchard'><show>away</show></presence>"_s));
    QVERIFY(changed.wait());
    QCOMPARE(m_chats->lockedResource(Romeo), u"phone"_s);
    presence->handleStanza(parse(u"<presence from='romeo@montague.lit/phone' type='unavailable'/>"_s));
    QVERIFY(changed.wait());
    QCOMPARE(m_chats->lockedResource(Romeo), QString());

    // The user's pick wins over the automatic lock, until cleared.
    m_chats->setPreferredResource(Romeo, u"desk"_s);
    m_chats->handleStanza(
        parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='4'><body>back</body></message>"_s));
    QCOMPARE(m_chats->lockedResource(Romeo), u"desk"_s);
    m_chats->setPreferredResource(Romeo, QString());
    QCOMPARE(m_chats->lockedResource(Romeo), u"orchard"_s);
}

void tst_ChatManager::correctLastEditsOurNewestMessage()
{
    QVERIFY(!await(m_chats->correctLast(Romeo, u"nothing to correct"_s)));
    await(m_chats->send(Romeo, u"first"_s));
    await(m_chats->send(Romeo, u"secnod"_s));
    QVERIFY(await(m_chats->correctLast(Romeo, u"second"_s)));
    const QList<StoredMessage> messages = history();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).body, u"first"_s);
    QCOMPARE(messages.at(1).body, u"second"_s);
    QVERIFY(messages.at(1).edited);
    QCOMPARE(messages.at(1).originalBody, u"secnod"_s);
}

void tst_ChatManager::markDisplayedMarksIncomingAsRead()
{
    m_chats->handleStanza(parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='mk'><body>read me</body>"
                                u"<markable xmlns='urn:xmpp:chat-markers:0'/></message>"_s));
    QTRY_COMPARE(history().size(), 1);
    const StoredMessage incoming = history().first();
    QCOMPARE(incoming.state, StoredMessage::State::Received);
    m_chats->markDisplayed(Romeo, incoming.id);
    QTRY_COMPARE(history().first().state, StoredMessage::State::Displayed);
}

void tst_ChatManager::chatStatesNeedAdvertisedSupport()
{
    auto *caps = new CannedCaps;
    auto *presence = new PresenceManager;
    m_client->addExtension(caps);
    m_client->addExtension(presence);
    QSignalSpy changed(presence, &PresenceManager::presencesChanged);
    presence->handleStanza(parse(u"<presence from='romeo@montague.lit/orchard'/>"_s));
    QVERIFY(changed.wait());
    // Nothing known about romeo's client (XEP-0085 §5.1): no states.
    QVERIFY(!m_chats->chatStatesSupported(Romeo));

    caps->answer.features = { u"http://jabber.org/protocol/chatstates"_s, u"urn:xmpp:receipts"_s };
    const QString ver = caps->answer.computeVer(QCryptographicHash::Sha1);
    // XEP-0115: the phone announces caps in its presence; PresenceManager hands them to CapsManager.
    presence->handleStanza(
        parse(u"<presence from='romeo@montague.lit/phone'><c xmlns='http://jabber.org/protocol/caps' "
              u"hash='sha-1' node='https://x' ver='"_s
            + ver + u"'/></presence>"_s));
    QTRY_VERIFY(
        caps->hasFeature(Jid::fromString(u"romeo@montague.lit/phone"), u"http://jabber.org/protocol/chatstates"_s));
    QTRY_COMPARE(presence->resources(Romeo).size(), 2);
    // The bare JID: some resource supports them.
    QVERIFY(m_chats->chatStatesSupported(Romeo));
    // Locked to the resource without support: none.
    m_chats->handleStanza(
        parse(u"<message from='romeo@montague.lit/orchard' type='chat' id='1'><body>hi</body></message>"_s));
    QCOMPARE(m_chats->lockedResource(Romeo), u"orchard"_s);
    QVERIFY(!m_chats->chatStatesSupported(Romeo));
    m_chats->setPreferredResource(Romeo, u"phone"_s);
    QVERIFY(m_chats->chatStatesSupported(Romeo));
    // The user's privacy setting wins.
    m_chats->setSendChatStates(false);
    QVERIFY(!m_chats->chatStatesSupported(Romeo));
}

QTEST_GUILESS_MAIN(tst_ChatManager)
#include "tst_ChatManager.moc"
