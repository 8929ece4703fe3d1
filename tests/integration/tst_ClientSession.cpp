// SPDX-License-Identifier: Apache-2.0
// libcore's Client against a real Prosody, with a TcpProxy in between to break the network on cue:
// XEP-0198 resumption, a refused resumption, keepalive on a silent link, IQ sender checks, and the
// answers every client owes (disco#info, version, ping, service-unavailable).
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "client/ClientExtension.h"
#include "stanza/Message.h"
#include "stanza/Stanza.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "testlib/TcpProxy.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/version/VersionResponder.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

constexpr QStringView TestNs = u"urn:confab:test:slow";

/// Holds IQs in a test namespace without answering, so the test decides when (and who) answers.
class SilentResponder : public ClientExtension
{
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;
    bool handleStanza(const XmlElement &stanza) override
    {
        if (!stanza::isIq(stanza) || !stanza.firstChildInNamespace(TestNs)) {
            return false;
        }
        held.append(stanza);
        return true;
    }
    QList<XmlElement> held;
};

/// One account's Client with what it receives recorded.
struct Account
{
    Client client;
    QStringList bodies;
    QList<ConnectionError> losses;

    Account()
    {
        client.addExtension(new DiscoInfoResponder(u"Confab"_s));
        client.addExtension(new VersionResponder(u"Confab"_s, u"9.9"_s));
        client.addExtension(new PingManager);
        QObject::connect(&client, &Client::messageReceived, &client, [this](const XmlElement &m) {
            if (auto message = Message::fromXml(m); message && !message->body.isEmpty()) {
                bodies.append(message->body);
            }
        });
        QObject::connect(&client, &Client::connectionLost, &client,
            [this](const ConnectionError &error, std::chrono::milliseconds) { losses.append(error); });
        QObject::connect(&client, &Client::connected, &client, [this](bool) {
            // RFC 6121 §4.2: available, so stored offline messages come too.
            client.send(XmlElement(u"presence"_s, ns::Client.toString()));
        });
    }
};

XmlElement chat(const Jid &to, const QString &body)
{
    Message m;
    m.to = to;
    m.type = Message::Type::Chat;
    m.id = generateStanzaId();
    m.body = body;
    return m.toXml();
}

} // namespace

class tst_ClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sessionResumesAfterSocketCutWithNothingLostOrDuplicated();
    void silentLinkIsDetectedByKeepaliveAndResumed();
    void refusedResumptionStartsNewSessionAndResendsUnackedMessages();
    void answersDiscoVersionAndPingAndRefusesUnknownRequests();
    void iqResultFromWrongSenderIsIgnored();
    void serverShutdownIsReportedClearly();

private:
    bool connectBoth();

    ProsodyFixture m_server { ProsodyFixture::Options { .accounts = { u"alice"_s, u"bob"_s, u"mallory"_s } } };
    std::unique_ptr<TcpProxy> m_proxy;
    std::unique_ptr<Account> m_alice; // through the proxy
    std::unique_ptr<Account> m_bob; // direct
};

void tst_ClientSession::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_ClientSession::init()
{
    m_proxy = std::make_unique<TcpProxy>(m_server.host(), m_server.c2sPort());
    QVERIFY(m_proxy->listen());
    m_alice = std::make_unique<Account>();
    m_bob = std::make_unique<Account>();
}

void tst_ClientSession::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
    m_alice.reset();
    m_bob.reset();
    m_proxy.reset();
}

bool tst_ClientSession::connectBoth()
{
    m_alice->client.connectToServer(settingsFor(m_server, u"alice"_s, u"laptop"_s, m_proxy->port()));
    m_bob->client.connectToServer(settingsFor(m_server, u"bob"_s, u"desk"_s, m_server.c2sPort()));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000
        && !(m_alice->client.isConnected() && m_bob->client.isConnected() && m_alice->client.stream()->canResume())) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return m_alice->client.isConnected() && m_bob->client.isConnected() && m_alice->client.stream()->canResume();
}

void tst_ClientSession::sessionResumesAfterSocketCutWithNothingLostOrDuplicated()
{
    QVERIFY(connectBoth());
    const Jid alice = m_alice->client.jid();
    const Jid bob = m_bob->client.jid();
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(waitFor(m_bob->client.send(chat(alice, u"m%1"_s.arg(i)))));
    }
    QTRY_COMPARE(m_alice->bodies.size(), 3);

    // The link goes silent: what alice sends and what the server sends her is held in the proxy...
    m_proxy->setStalled(true);
    QFuture<SendResult> fromAlice = m_alice->client.send(chat(bob, u"a1 你好"_s));
    for (int i = 4; i <= 6; ++i) {
        QVERIFY(waitFor(m_bob->client.send(chat(alice, u"m%1"_s.arg(i)))));
    }
    QTRY_VERIFY(m_proxy->bytesHeld() > 0);
    // ... and then dies, taking those bytes with it.
    QSignalSpy resumed(&m_alice->client, &Client::connected);
    m_proxy->cutAll();
    m_proxy->setStalled(false);

    QVERIFY(resumed.wait(20000));
    QCOMPARE(resumed.first().first().toBool(), true); // resumed, not a new session
    QCOMPARE(m_alice->losses.size(), 1);
    QCOMPARE(m_alice->losses.first().kind, ConnectionError::Kind::ConnectionLost);
    QVERIFY(waitFor(fromAlice));
    QVERIFY(std::holds_alternative<std::monostate>(fromAlice.result()));

    QTRY_COMPARE(m_alice->bodies.size(), 6);
    QTRY_COMPARE(m_bob->bodies.size(), 1);
    // A last exchange proves nothing more is on its way.
    QVERIFY(waitFor(m_bob->client.send(chat(alice, u"m7"_s))));
    QTRY_COMPARE(m_alice->bodies.size(), 7);
    QCOMPARE(m_alice->bodies, (QStringList { u"m1"_s, u"m2"_s, u"m3"_s, u"m4"_s, u"m5"_s, u"m6"_s, u"m7"_s }));
    QCOMPARE(m_bob->bodies, QStringList { u"a1 你好"_s });
    QCOMPARE(m_alice->client.jid(), alice);
}

void tst_ClientSession::silentLinkIsDetectedByKeepaliveAndResumed()
{
    QVERIFY(connectBoth());
    m_alice->client.setKeepAliveInterval(std::chrono::milliseconds(1000));
    QSignalSpy lost(&m_alice->client, &Client::connectionLost);
    QSignalSpy connected(&m_alice->client, &Client::connected);
    m_proxy->setStalled(true); // no RST, no FIN: only a ping can tell
    QVERIFY(lost.wait(10000));
    m_proxy->setStalled(false);
    QVERIFY(connected.wait(20000));
    QCOMPARE(connected.first().first().toBool(), true);
    QVERIFY(waitFor(m_bob->client.send(chat(m_alice->client.jid(), u"still here"_s))));
    QTRY_COMPARE(m_alice->bodies, QStringList { u"still here"_s });
}

void tst_ClientSession::refusedResumptionStartsNewSessionAndResendsUnackedMessages()
{
    QVERIFY(connectBoth());
    const Jid bob = m_bob->client.jid();
    m_proxy->setStalled(true);
    QFuture<SendResult> pending = m_alice->client.send(chat(bob.bare(), u"sent during the outage"_s));
    QTRY_VERIFY(m_proxy->bytesHeld() > 0);
    m_proxy->cutAll();
    m_proxy->setStalled(false);
    // The server restarts and forgets every session: resumption must fail, a new session begins.
    m_server.kill();
    QVERIFY(!m_server.restart());

    QSignalSpy aliceConnected(&m_alice->client, &Client::connected);
    QVERIFY(aliceConnected.wait(30000));
    QCOMPARE(aliceConnected.first().first().toBool(), false);
    QVERIFY(waitFor(pending, 30000));
    QVERIFY(std::holds_alternative<std::monostate>(pending.result()));
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->client.isConnected(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->bodies, QStringList { u"sent during the outage"_s }, 20000);
    // Exactly once: one more round trip, and still one copy.
    QVERIFY(waitFor(m_alice->client.send(chat(bob, u"after"_s))));
    QTRY_COMPARE(m_bob->bodies.size(), 2);
    QCOMPARE(m_bob->bodies.count(u"sent during the outage"_s), 1);
}

void tst_ClientSession::answersDiscoVersionAndPingAndRefusesUnknownRequests()
{
    QVERIFY(connectBoth());
    const Jid alice = m_alice->client.jid();

    auto disco = m_bob->client.sendIq(
        stanza::makeIq(stanza::IqType::Get, {}, alice, XmlElement(u"query"_s, ns::DiscoInfo.toString())));
    QVERIFY(waitFor(disco));
    const IqResult discoResult = disco.result();
    const auto *info = std::get_if<XmlElement>(&discoResult);
    QVERIFY(info);
    const XmlElement *query = info->firstChild(u"query", ns::DiscoInfo);
    QVERIFY(query);
    const XmlElement *identity = query->firstChild(u"identity", ns::DiscoInfo);
    QVERIFY(identity);
    QCOMPARE(identity->attribute(u"category"), u"client"_s);
    QCOMPARE(identity->attribute(u"type"), u"pc"_s);
    QStringList features;
    for (const XmlElement &f : query->children()) {
        if (f.name() == u"feature") {
            features.append(f.attribute(u"var"));
        }
    }
    for (QStringView expected : { ns::DiscoInfo, ns::Ping, ns::Version }) {
        QVERIFY2(features.contains(expected.toString()), qPrintable(features.join(u' ')));
    }

    auto version = m_bob->client.sendIq(
        stanza::makeIq(stanza::IqType::Get, {}, alice, XmlElement(u"query"_s, ns::Version.toString())));
    QVERIFY(waitFor(version));
    QCOMPARE(
        std::get<XmlElement>(version.result()).firstChild(u"query", ns::Version)->childText(u"version", ns::Version),
        u"9.9"_s);

    auto ping = m_bob->client.findExtension<PingManager>()->ping(alice);
    QVERIFY(waitFor(ping));
    QVERIFY(std::holds_alternative<std::chrono::microseconds>(ping.result()));

    auto unknown = m_bob->client.sendIq(
        stanza::makeIq(stanza::IqType::Get, {}, alice, XmlElement(u"query"_s, u"urn:example:unknown"_s)));
    QVERIFY(waitFor(unknown));
    const IqResult unknownResult = unknown.result();
    const auto *error = std::get_if<XmppError>(&unknownResult);
    QVERIFY(error);
    QCOMPARE(std::get<StanzaError>(*error).condition, u"service-unavailable"_s);
}

void tst_ClientSession::iqResultFromWrongSenderIsIgnored()
{
    QVERIFY(connectBoth());
    auto *silent = new SilentResponder;
    m_bob->client.addExtension(silent);
    Account mallory;
    mallory.client.connectToServer(settingsFor(m_server, u"mallory"_s, u"evil"_s, m_server.c2sPort()));
    QTRY_VERIFY(mallory.client.isConnected());

    const QString id = u"guessable-id-1"_s;
    auto request = m_alice->client.sendIq(
        stanza::makeIq(stanza::IqType::Get, id, m_bob->client.jid(), XmlElement(u"q"_s, TestNs.toString())));
    QTRY_COMPARE(silent->held.size(), 1);

    // Mallory forges bob's answer, with the right id, from her own address and with bob's in 'from'
    // (the server stamps her real address on it, RFC 6120 §8.1.2.1).
    XmlElement forged
        = stanza::makeIq(stanza::IqType::Result, id, m_alice->client.jid(), XmlElement(u"q"_s, TestNs.toString()));
    forged.firstChild(u"q")->setText(u"forged"_s);
    mallory.client.stream()->send(forged);
    XmlElement spoofed = forged;
    spoofed.setAttribute(u"from"_s, m_bob->client.jid().toString());
    mallory.client.stream()->send(spoofed);
    QVERIFY(waitFor(mallory.client.findExtension<PingManager>()->ping(m_alice->client.jid())));
    QVERIFY(!request.isFinished());

    // Bob's real answer is taken.
    XmlElement answer = stanza::makeIqResult(silent->held.first(), XmlElement(u"q"_s, TestNs.toString()));
    answer.firstChild(u"q")->setText(u"genuine"_s);
    m_bob->client.stream()->send(answer);
    QVERIFY(waitFor(request));
    QCOMPARE(std::get<XmlElement>(request.result()).childText(u"q", TestNs), u"genuine"_s);
}

void tst_ClientSession::serverShutdownIsReportedClearly()
{
    // Without stream management Prosody says why it closes: <system-shutdown/>.
    ConnectionSettings plain = settingsFor(m_server, u"bob"_s, u"nosm"_s, m_server.c2sPort());
    plain.streamManagement = false;
    m_bob->client.connectToServer(plain);
    // A resumable session is closed without a word (so it can learn h after the restart, mod_smacks).
    m_alice->client.connectToServer(settingsFor(m_server, u"alice"_s, u"laptop"_s, m_server.c2sPort()));
    QTRY_VERIFY(m_bob->client.isConnected() && m_alice->client.isConnected() && m_alice->client.stream()->canResume());

    m_server.stop();
    QTRY_VERIFY(!m_bob->losses.isEmpty() && m_alice->losses.size() >= 2);
    const ConnectionError &bobError = m_bob->losses.first();
    QVERIFY2(bobError.kind == ConnectionError::Kind::StreamError, qPrintable(bobError.message));
    QCOMPARE(bobError.condition, u"system-shutdown"_s);
    QVERIFY2(bobError.message.startsWith(u"The server is shutting down."_s), qPrintable(bobError.message));
    QVERIFY(bobError.isTransient()); // so the client tries again later

    QCOMPARE(m_alice->losses.at(0).kind, ConnectionError::Kind::ConnectionLost);
    // The retry finds nobody listening, and says so.
    QCOMPARE(m_alice->losses.at(1).kind, ConnectionError::Kind::ConnectionFailed);
    QVERIFY2(m_alice->losses.at(1).message.contains(u"refused"_s), qPrintable(m_alice->losses.at(1).message));
    QCOMPARE(m_alice->client.state(), Client::State::Reconnecting);
    m_bob->client.disconnectFromServer();
    m_alice->client.disconnectFromServer();
    QCOMPARE(m_alice->client.state(), Client::State::Disconnected);
}

QTEST_GUILESS_MAIN(tst_ClientSession)
#include "tst_ClientSession.moc"
