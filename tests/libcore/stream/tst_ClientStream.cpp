// SPDX-License-Identifier: Apache-2.0
// ClientStream against a scripted fake server on 127.0.0.1, for what a real server will not do: a STARTTLS
// stripped by a man in the middle, PLAIN without TLS, a forged SCRAM signature, SASL failures, see-other-host,
// stream errors, restricted XML, a bind to someone else's JID, impossible XEP-0198 acks, a silent server,
// and the resending of unacknowledged messages after reconnecting. Each refusal is a typed ConnectionError,
// and no credentials go out where they must not.
#include "base/Namespaces.h"
#include "stream/ClientStream.h"
#include "testlib/ScriptedServer.h"
#include "xml/XmlStreamParser.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace confab;
using confab::test::ScriptedServer;
using Kind = ConnectionError::Kind;

namespace {

const QString Password = u"Ju1iet-is-the-sun!"_s;
const QString Account = u"romeo@example.net/orchard"_s;

const QByteArray ServerHeaderNoDecl
    = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
      "id='s1' from='example.net' version='1.0' xml:lang='en'>"_ba;
const QByteArray ServerHeader = "<?xml version='1.0'?>"_ba + ServerHeaderNoDecl;
const QByteArray StartTlsFeature = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"_ba;
const QByteArray BindFeature = "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"_ba;
const QByteArray SmFeature = "<sm xmlns='urn:xmpp:sm:3'/>"_ba;
const QByteArray AckRequest = "<r xmlns='urn:xmpp:sm:3'/>"_ba;

QByteArray features(const QByteArray &inner)
{
    return "<stream:features>"_ba + inner + "</stream:features>"_ba;
}

QByteArray mechanisms(const QList<QByteArray> &names)
{
    QByteArray out = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"_ba;
    for (const QByteArray &name : names) {
        out += "<mechanism>"_ba + name + "</mechanism>"_ba;
    }
    return out + "</mechanisms>"_ba;
}

QByteArray sasl(const QByteArray &name, const QByteArray &payload)
{
    return '<' + name + " xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"_ba + payload.toBase64() + "</"_ba + name + '>';
}

QByteArray streamError(const QByteArray &condition, const QByteArray &text = {})
{
    QByteArray out = "<stream:error><"_ba + condition;
    if (condition == "see-other-host") {
        out += " xmlns='urn:ietf:params:xml:ns:xmpp-streams'>"_ba + text + "</see-other-host>"_ba;
    } else {
        out += " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"_ba;
        if (!text.isEmpty()) {
            out += "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>"_ba + text + "</text>"_ba;
        }
    }
    return out + "</stream:error>"_ba;
}

// The character data of the last <name ...>...</name> the client sent.
QByteArray lastText(const QByteArray &received, const QString &name)
{
    const QRegularExpression re(u"<%1\\b[^>]*>([^<]*)</%1>"_s.arg(name));
    QByteArray text;
    for (auto it = re.globalMatch(QString::fromUtf8(received)); it.hasNext();) {
        text = it.next().captured(1).toUtf8();
    }
    return text;
}

// The id of the last <iq/> the client sent.
QByteArray lastIqId(const QByteArray &received)
{
    const QRegularExpression re(u"<iq\\b[^>]*\\bid='([^']*)'"_s);
    QByteArray id;
    for (auto it = re.globalMatch(QString::fromUtf8(received)); it.hasNext();) {
        id = it.next().captured(1).toUtf8();
    }
    return id;
}

QByteArray bindResult(const QByteArray &received, const QByteArray &jid)
{
    return "<iq type='result' id='"_ba + lastIqId(received)
        + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>"_ba + jid + "</jid></bind></iq>"_ba;
}

/// The server side of SCRAM-SHA-1 (RFC 5802 §3), computed by hand, with ways to cheat.
class FakeScramServer
{
public:
    enum class Cheat {
        None,
        WrongSignature, ///< v= with a signature made without the password
        NoSignature, ///< <success/> with no additional data
        ServerError, ///< e=invalid-proof in <success/>
        SignatureAsChallenge, ///< a wrong server-final sent as <challenge/> (RFC 6120 §6.4.6 allows it)
        SuccessAtOnce, ///< <success/> right after <auth/>, no SCRAM at all
        NonceNotExtended, ///< server-first without the client's nonce
        MandatoryExtension, ///< server-first with m= (RFC 5802 §5.1: the client must fail)
    };

    explicit FakeScramServer(Cheat cheat = Cheat::None)
        : m_cheat(cheat)
    { }

    QByteArray replyToAuth(const QByteArray &received)
    {
        if (m_cheat == Cheat::SuccessAtOnce) {
            return "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_ba;
        }
        const QByteArray clientFirst = QByteArray::fromBase64(lastText(received, u"auth"_s));
        // "n,,n=user,r=nonce": the bare message follows the GS2 header's two commas.
        m_clientFirstBare = clientFirst.mid(clientFirst.indexOf(',', clientFirst.indexOf(',') + 1) + 1);
        const QByteArray clientNonce = m_clientFirstBare.mid(m_clientFirstBare.indexOf("r=") + 2);
        const QByteArray nonce = m_cheat == Cheat::NonceNotExtended ? "0123456789abcdef"_ba : clientNonce + "s3rv3r"_ba;
        m_serverFirst = (m_cheat == Cheat::MandatoryExtension ? "m=ext,"_ba : QByteArray()) + "r="_ba + nonce + ",s="_ba
            + Salt.toBase64() + ",i="_ba + QByteArray::number(Iterations);
        return sasl("challenge"_ba, m_serverFirst);
    }

    QByteArray replyToResponse(const QByteArray &received)
    {
        const QByteArray clientFinal = QByteArray::fromBase64(lastText(received, u"response"_s));
        const QByteArray withoutProof = clientFinal.left(clientFinal.indexOf(",p="));
        const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
        const QByteArray salted
            = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha1, Password.toUtf8(), Salt, Iterations, 20);
        const QByteArray serverKey
            = QMessageAuthenticationCode::hash("Server Key"_ba, salted, QCryptographicHash::Sha1);
        QByteArray signature = QMessageAuthenticationCode::hash(authMessage, serverKey, QCryptographicHash::Sha1);
        switch (m_cheat) {
        case Cheat::WrongSignature:
            signature = QMessageAuthenticationCode::hash(authMessage, "not the key"_ba, QCryptographicHash::Sha1);
            break;
        case Cheat::NoSignature:
            return "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_ba;
        case Cheat::ServerError:
            return sasl("success"_ba, "e=invalid-proof"_ba);
        case Cheat::SignatureAsChallenge:
            return sasl("challenge"_ba, "v="_ba + QByteArray(20, 'x').toBase64());
        default:
            break;
        }
        return sasl("success"_ba, "v="_ba + signature.toBase64());
    }

private:
    static inline const QByteArray Salt = "NaCl-for-romeo"_ba;
    static constexpr int Iterations = 4096;

    Cheat m_cheat;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
};

// Scripts SCRAM-SHA-1 authentication and the restarted stream's features.
void scriptAuthentication(ScriptedServer &server, const QByteArray &featuresAfterAuth,
    FakeScramServer::Cheat cheat = FakeScramServer::Cheat::None)
{
    auto scram = std::make_shared<FakeScramServer>(cheat);
    server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba })))
        .on("</auth>"_ba, [scram](const QByteArray &received) -> QByteArray { return scram->replyToAuth(received); })
        .on("</response>"_ba,
            [scram](const QByteArray &received) -> QByteArray { return scram->replyToResponse(received); })
        .on("<stream:stream"_ba, ServerHeader + features(featuresAfterAuth));
}

// Scripts a whole login: authentication, bind and, with `withSm`, XEP-0198 enabled and resumable.
void scriptLogin(ScriptedServer &server, bool withSm)
{
    scriptAuthentication(server, BindFeature + (withSm ? SmFeature : QByteArray()));
    if (withSm) {
        server.on("<enable"_ba, [](const QByteArray &received) -> QByteArray {
            return bindResult(received, Account.toUtf8())
                + "<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true'/>"_ba;
        });
    } else {
        server.on("</iq>"_ba,
            [](const QByteArray &received) -> QByteArray { return bindResult(received, Account.toUtf8()); });
    }
}

ConnectionSettings settingsFor(quint16 port, TlsMode mode = TlsMode::InsecurePlaintext)
{
    ConnectionSettings settings;
    settings.jid = Jid::fromString(Account);
    settings.password = Password;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.tlsMode = mode;
    return settings;
}

// The top-level elements the client sent, parsed as a server would; each stream restart is a new stream.
QList<XmlElement> clientElements(const QByteArray &bytes)
{
    QList<XmlElement> elements;
    qsizetype start = bytes.indexOf("<?xml");
    while (start >= 0) {
        const qsizetype next = bytes.indexOf("<?xml", start + 1);
        XmlStreamParser parser({
            [](const XmlElement &) {},
            [&elements](XmlElement &&element) { elements.append(std::move(element)); },
            [] {},
            [](XmlStreamParser::Error, const QString &detail) {
                qWarning("the client sent XML we cannot parse: %s", qPrintable(detail));
            },
        });
        parser.feed(QByteArrayView(bytes).sliced(start, (next < 0 ? bytes.size() : next) - start));
        start = next;
    }
    return elements;
}

QList<XmlElement> elementsNamed(const QByteArray &bytes, QStringView name, QStringView namespaceUri)
{
    QList<XmlElement> found;
    for (const XmlElement &e : clientElements(bytes)) {
        if (e.is(name, namespaceUri)) {
            found.append(e);
        }
    }
    return found;
}

// Why the bytes the client sent are not free of credentials, or an empty string when they are.
QString credentialLeak(const QByteArray &bytes)
{
    if (bytes.contains("<auth")) {
        return u"the client sent <auth/>"_s;
    }
    if (bytes.contains(Password.toUtf8())) {
        return u"the password is on the wire"_s;
    }
    if (!elementsNamed(bytes, u"auth", ns::Sasl).isEmpty() || !elementsNamed(bytes, u"response", ns::Sasl).isEmpty()) {
        return u"the client sent SASL data"_s;
    }
    return {};
}

QString describe(const ConnectionError &error)
{
    return u"kind %1, condition '%2': %3"_s.arg(int(error.kind)).arg(error.condition, error.message);
}

ConnectionError firstError(const QSignalSpy &spy)
{
    return spy.at(0).at(0).value<ConnectionError>();
}

XmlElement chat(const QString &body)
{
    XmlElement message(u"message"_s, ns::Client.toString());
    message.setAttribute(u"to"_s, u"juliet@example.net"_s);
    message.setAttribute(u"type"_s, u"chat"_s);
    message.appendTextChild(u"body"_s, body, ns::Client.toString());
    return message;
}

QStringList bodiesSent(const QByteArray &bytes)
{
    QStringList bodies;
    for (const XmlElement &m : elementsNamed(bytes, u"message", ns::Client)) {
        bodies.append(m.childText(u"body", ns::Client));
    }
    return bodies;
}

} // namespace

#define VERIFY_KIND(error, expected) QVERIFY2((error).kind == (expected), qPrintable(describe(error)))

class tst_ClientStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void refusesToSignInWhenStartTlsIsStripped_data();
    void refusesToSignInWhenStartTlsIsStripped();
    void starttlsFailureDoesNotFallBackToPlaintext();
    void refusesPlainWithoutTls();
    void choosesScramOverPlainWithoutTls_data();
    void choosesScramOverPlainWithoutTls();
    void bindsAfterGenuineScramSignature();
    void refusesServerThatCannotProveItKnowsThePassword_data();
    void refusesServerThatCannotProveItKnowsThePassword();
    void saslFailureIsReportedPromptly_data();
    void saslFailureIsReportedPromptly();
    void followsSeeOtherHostToTheSecondServer();
    void streamErrorIsTypedAndTransienceKnown_data();
    void streamErrorIsTypedAndTransienceKnown();
    void restrictedXmlIsRefusedWithStreamError_data();
    void restrictedXmlIsRefusedWithStreamError();
    void refusesBindToAnotherAddress_data();
    void refusesBindToAnotherAddress();
    void ackBeyondWhatWasSentClosesTheStream();
    void answersAckRequestWithInboundCount();
    void negotiationTimesOutOnSilentServer();
    void unackedMessagesAreResentInOrderAfterReconnect_data();
    void unackedMessagesAreResentInOrderAfterReconnect();
};

void tst_ClientStream::init()
{
    qRegisterMetaType<ConnectionError>();
}

void tst_ClientStream::refusesToSignInWhenStartTlsIsStripped_data()
{
    QTest::addColumn<QByteArray>("offered");

    QTest::newRow("mechanisms, no starttls") << features(mechanisms({ "PLAIN"_ba, "SCRAM-SHA-1"_ba }));
    QTest::newRow("no features at all") << features({});
    QTest::newRow("starttls in another namespace")
        << features("<starttls xmlns='urn:example:not-tls'/>"_ba + mechanisms({ "PLAIN"_ba }));
}

void tst_ClientStream::refusesToSignInWhenStartTlsIsStripped()
{
    QFETCH(QByteArray, offered);

    ScriptedServer server;
    QVERIFY(server.listen());
    server.on("<stream:stream"_ba, ServerHeader + offered);

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port(), TlsMode::StartTls)); // the default: TLS required

    QTRY_COMPARE(disconnected.count(), 1);
    VERIFY_KIND(firstError(disconnected), Kind::TlsUnavailable);
    QCOMPARE(stream.state(), ClientStream::State::Disconnected);
    QTRY_VERIFY(!server.isClientConnected());
    const QString leak = credentialLeak(server.received());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void tst_ClientStream::starttlsFailureDoesNotFallBackToPlaintext()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.on("<stream:stream"_ba, ServerHeader + features(StartTlsFeature + mechanisms({ "PLAIN"_ba })))
        .on("<starttls"_ba, "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>"_ba);

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port(), TlsMode::StartTls));

    QTRY_COMPARE(disconnected.count(), 1);
    VERIFY_KIND(firstError(disconnected), Kind::TlsFailed);
    QCOMPARE(elementsNamed(server.received(), u"starttls", ns::Tls).size(), qsizetype(1));
    QTRY_VERIFY(!server.isClientConnected());
    const QString leak = credentialLeak(server.received());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void tst_ClientStream::refusesPlainWithoutTls()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "PLAIN"_ba })));

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port()));

    QTRY_COMPARE(disconnected.count(), 1);
    VERIFY_KIND(firstError(disconnected), Kind::NoSuitableMechanism);
    const QString leak = credentialLeak(server.received());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void tst_ClientStream::choosesScramOverPlainWithoutTls_data()
{
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<QString>("chosen");

    QTest::newRow("PLAIN and SCRAM-SHA-1") << QList<QByteArray> { "PLAIN"_ba, "SCRAM-SHA-1"_ba } << u"SCRAM-SHA-1"_s;
    QTest::newRow("SCRAM-SHA-1 first") << QList<QByteArray> { "SCRAM-SHA-1"_ba, "PLAIN"_ba } << u"SCRAM-SHA-1"_s;
    QTest::newRow("strongest SCRAM") << QList<QByteArray> { "PLAIN"_ba, "SCRAM-SHA-1"_ba, "SCRAM-SHA-256"_ba }
                                     << u"SCRAM-SHA-256"_s;
    // -PLUS needs a TLS channel to bind to.
    QTest::newRow("no -PLUS without TLS")
        << QList<QByteArray> { "SCRAM-SHA-1-PLUS"_ba, "SCRAM-SHA-1"_ba, "PLAIN"_ba } << u"SCRAM-SHA-1"_s;
}

void tst_ClientStream::choosesScramOverPlainWithoutTls()
{
    QFETCH(QList<QByteArray>, offered);
    QFETCH(QString, chosen);

    ScriptedServer server;
    QVERIFY(server.listen());
    server.on("<stream:stream"_ba, ServerHeader + features(mechanisms(offered)));

    ClientStream stream;
    stream.connectToServer(settingsFor(server.port()));

    QTRY_VERIFY(server.received().contains("</auth>"));
    const QList<XmlElement> auths = elementsNamed(server.received(), u"auth", ns::Sasl);
    QCOMPARE(auths.size(), qsizetype(1));
    QCOMPARE(auths[0].attribute(u"mechanism"), chosen);
    QCOMPARE(stream.saslMechanism(), chosen);
    QVERIFY(!server.received().contains(Password.toUtf8()));
    // SCRAM's first message names the user and nothing more.
    QVERIFY(QByteArray::fromBase64(auths[0].text().toLatin1()).startsWith("n,,n=romeo,r="));
    // Without TLS the stream header does not name the user either (RFC 6120 §4.7.1).
    const QByteArray received = server.received();
    const qsizetype open = received.indexOf("<stream:stream");
    QVERIFY(open >= 0);
    const QByteArray header = received.mid(open, received.indexOf('>', open) + 1 - open);
    QVERIFY2(!header.contains("from="), header.constData());
}

void tst_ClientStream::bindsAfterGenuineScramSignature()
{
    // The control for the forgeries below: the same fake server, honest, gets a bound session.
    ScriptedServer server;
    QVERIFY(server.listen());
    scriptLogin(server, false);

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port()));

    QTRY_COMPARE(established.count(), 1);
    QCOMPARE(disconnected.count(), 0);
    QCOMPARE(stream.state(), ClientStream::State::Established);
    QCOMPARE(stream.boundJid(), Jid::fromString(Account));
    QCOMPARE(stream.saslMechanism(), u"SCRAM-SHA-1"_s);
    QVERIFY(!stream.isStreamManagementActive());
    QVERIFY(!server.received().contains(Password.toUtf8()));
}

void tst_ClientStream::refusesServerThatCannotProveItKnowsThePassword_data()
{
    QTest::addColumn<FakeScramServer::Cheat>("cheat");
    QTest::addColumn<Kind>("kind");

    using Cheat = FakeScramServer::Cheat;
    QTest::newRow("wrong v=") << Cheat::WrongSignature << Kind::AuthenticationFailed;
    QTest::newRow("no v=") << Cheat::NoSignature << Kind::AuthenticationFailed;
    QTest::newRow("e= in success") << Cheat::ServerError << Kind::AuthenticationFailed;
    QTest::newRow("wrong v= as challenge") << Cheat::SignatureAsChallenge << Kind::AuthenticationFailed;
    QTest::newRow("nonce not extended") << Cheat::NonceNotExtended << Kind::AuthenticationFailed;
    QTest::newRow("mandatory extension") << Cheat::MandatoryExtension << Kind::AuthenticationFailed;
    QTest::newRow("success without SCRAM") << Cheat::SuccessAtOnce << Kind::ProtocolError;
}

void tst_ClientStream::refusesServerThatCannotProveItKnowsThePassword()
{
    QFETCH(FakeScramServer::Cheat, cheat);
    QFETCH(Kind, kind);

    ScriptedServer server;
    QVERIFY(server.listen());
    scriptAuthentication(server, BindFeature, cheat);

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port()));

    QTRY_COMPARE(disconnected.count(), 1);
    VERIFY_KIND(firstError(disconnected), kind);
    QCOMPARE(established.count(), 0);
    QTRY_VERIFY(!server.isClientConnected());
    // No restarted stream, no bind: the impostor learns nothing about the session.
    QCOMPARE(server.received().count("<stream:stream"), qsizetype(1));
    QVERIFY(!server.received().contains("<iq"));
}

void tst_ClientStream::saslFailureIsReportedPromptly_data()
{
    QTest::addColumn<QByteArray>("failure");
    QTest::addColumn<QString>("condition");

    QTest::newRow("not-authorized")
        << "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>"_ba << u"not-authorized"_s;
    QTest::newRow("not-authorized with text")
        << "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/><text xml:lang='en'>Wrong "
           "password</text>"
           "</failure>"_ba
        << u"not-authorized"_s;
    QTest::newRow("account-disabled")
        << "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><account-disabled/></failure>"_ba
        << u"account-disabled"_s;
}

void tst_ClientStream::saslFailureIsReportedPromptly()
{
    QFETCH(QByteArray, failure);
    QFETCH(QString, condition);

    ScriptedServer server;
    QVERIFY(server.listen());
    server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba }))).on("</auth>"_ba, failure);

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    ConnectionSettings settings = settingsFor(server.port());
    settings.negotiationTimeout = std::chrono::minutes(5); // the failure, not a timeout, must end it
    stream.connectToServer(settings);

    QTRY_COMPARE(disconnected.count(), 1);
    const ConnectionError error = firstError(disconnected);
    VERIFY_KIND(error, Kind::AuthenticationFailed);
    QCOMPARE(error.condition, condition);
    QVERIFY(!error.isTransient());
    QTRY_VERIFY(!server.isClientConnected());
}

void tst_ClientStream::followsSeeOtherHostToTheSecondServer()
{
    ScriptedServer second;
    QVERIFY(second.listen());
    scriptLogin(second, false);

    ScriptedServer first;
    QVERIFY(first.listen());
    first.on("<stream:stream"_ba,
        ServerHeader + streamError("see-other-host"_ba, "127.0.0.1:"_ba + QByteArray::number(second.port())));

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(first.port()));

    QTRY_COMPARE(established.count(), 1);
    QCOMPARE(disconnected.count(), 0);
    QCOMPARE(first.connectionCount(), 1);
    QCOMPARE(second.connectionCount(), 1);
    QCOMPARE(stream.boundJid(), Jid::fromString(Account));
    QVERIFY(second.isScriptDone());
    const QString leak = credentialLeak(first.received());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void tst_ClientStream::streamErrorIsTypedAndTransienceKnown_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<bool>("transient");

    QTest::newRow("system-shutdown") << "system-shutdown"_ba << true;
    QTest::newRow("conflict") << "conflict"_ba << false;
    QTest::newRow("reset") << "reset"_ba << true;
    QTest::newRow("host-unknown") << "host-unknown"_ba << false;
    QTest::newRow("policy-violation") << "policy-violation"_ba << false;
}

void tst_ClientStream::streamErrorIsTypedAndTransienceKnown()
{
    QFETCH(QByteArray, condition);
    QFETCH(bool, transient);

    ScriptedServer server;
    QVERIFY(server.listen());
    // RFC 6120 §4.9.1.1: the error, the closing tag, then the TCP close.
    server.on("<stream:stream"_ba, ServerHeader + streamError(condition, "Bye now"_ba) + "</stream:stream>"_ba)
        .thenClose();

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port()));

    QTRY_COMPARE(disconnected.count(), 1);
    const ConnectionError error = firstError(disconnected);
    VERIFY_KIND(error, Kind::StreamError);
    QCOMPARE(error.condition, QString::fromLatin1(condition));
    QCOMPARE(error.isTransient(), transient);
    QVERIFY2(error.message.contains(u"Bye now"), qPrintable(error.message));
}

void tst_ClientStream::restrictedXmlIsRefusedWithStreamError_data()
{
    QTest::addColumn<QByteArray>("serverBytes");

    QTest::newRow("comment after the header") << ServerHeader + "<!-- hello -->"_ba;
    QTest::newRow("comment inside features") << ServerHeader + "<stream:features><!-- x --></stream:features>"_ba;
    QTest::newRow("DOCTYPE") << "<?xml version='1.0'?><!DOCTYPE stream:stream>"_ba + ServerHeaderNoDecl;
    QTest::newRow("DOCTYPE with an entity")
        << "<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY boom 'boom'>]>"_ba + ServerHeaderNoDecl;
    QTest::newRow("processing instruction") << ServerHeader + "<?evil data?>"_ba;
}

void tst_ClientStream::restrictedXmlIsRefusedWithStreamError()
{
    QFETCH(QByteArray, serverBytes);

    ScriptedServer server;
    QVERIFY(server.listen());
    server.on("<stream:stream"_ba, serverBytes);

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port()));

    QTRY_COMPARE(disconnected.count(), 1);
    const ConnectionError error = firstError(disconnected);
    VERIFY_KIND(error, Kind::ProtocolError);
    QCOMPARE(error.condition, u"restricted-xml"_s);
    // RFC 6120 §4.9.1.1, §11.1: the client says why before it closes.
    QTRY_VERIFY(!server.isClientConnected());
    const QList<XmlElement> errors = elementsNamed(server.received(), u"error", ns::Stream);
    QVERIFY2(errors.size() == 1, server.received().constData());
    QVERIFY(errors[0].firstChild(u"restricted-xml", ns::Streams));
    QVERIFY(server.received().endsWith("</stream:stream>"));
}

void tst_ClientStream::refusesBindToAnotherAddress_data()
{
    QTest::addColumn<QByteArray>("boundJid");

    QTest::newRow("another account") << "mallory@example.net/orchard"_ba;
    QTest::newRow("another domain") << "romeo@evil.example/orchard"_ba;
    QTest::newRow("the domain itself") << "example.net/orchard"_ba;
    QTest::newRow("bare JID") << "romeo@example.net"_ba;
    QTest::newRow("not a JID") << "romeo@@example.net/orchard"_ba;
    QTest::newRow("empty") << QByteArray();
}

void tst_ClientStream::refusesBindToAnotherAddress()
{
    QFETCH(QByteArray, boundJid);

    ScriptedServer server;
    QVERIFY(server.listen());
    scriptAuthentication(server, BindFeature);
    server.on(
        "</iq>"_ba, [boundJid](const QByteArray &received) -> QByteArray { return bindResult(received, boundJid); });

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(server.port()));

    QTRY_COMPARE(disconnected.count(), 1);
    VERIFY_KIND(firstError(disconnected), Kind::ProtocolError);
    QCOMPARE(established.count(), 0);
    QVERIFY(stream.boundJid().isNull());
    QCOMPARE(stream.state(), ClientStream::State::Disconnected);
}

void tst_ClientStream::ackBeyondWhatWasSentClosesTheStream()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    scriptLogin(server, true);
    // One stanza sent, five acknowledged (XEP-0198 §4: the stream must be closed).
    server.on(AckRequest, "<a xmlns='urn:xmpp:sm:3' h='5'/>"_ba);

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    QSignalSpy acked(&stream, &ClientStream::stanzaAcked);
    stream.connectToServer(settingsFor(server.port()));
    QTRY_COMPARE(established.count(), 1);
    QVERIFY(stream.isStreamManagementActive());
    QVERIFY(stream.canResume());

    stream.send(chat(u"one"_s));
    QTRY_COMPARE(disconnected.count(), 1);
    const ConnectionError error = firstError(disconnected);
    VERIFY_KIND(error, Kind::ProtocolError);
    QCOMPARE(error.condition, u"undefined-condition"_s);
    QCOMPARE(acked.count(), 0);
    QTRY_VERIFY(!server.isClientConnected());
    const QList<XmlElement> errors = elementsNamed(server.received(), u"error", ns::Stream);
    QVERIFY2(errors.size() == 1, server.received().constData());
    QVERIFY(errors[0].firstChild(u"undefined-condition", ns::Streams));
}

void tst_ClientStream::answersAckRequestWithInboundCount()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    scriptLogin(server, true);
    const QByteArray incoming = "<message from='juliet@example.net/balcony' type='chat'><body>hi</body></message>"_ba;
    server.on(AckRequest, incoming + incoming + "<a xmlns='urn:xmpp:sm:3' h='1'/><r xmlns='urn:xmpp:sm:3'/>"_ba);

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy received(&stream, &ClientStream::stanzaReceived);
    QSignalSpy acked(&stream, &ClientStream::stanzaAcked);
    stream.connectToServer(settingsFor(server.port()));
    QTRY_COMPARE(established.count(), 1);

    const quint64 handle = stream.send(chat(u"one"_s));
    QTRY_COMPARE(acked.count(), 1);
    QCOMPARE(acked.at(0).at(0).value<quint64>(), handle);
    QCOMPARE(received.count(), 2);
    QTRY_COMPARE(elementsNamed(server.received(), u"a", ns::StreamManagement).size(), qsizetype(1));
    QCOMPARE(elementsNamed(server.received(), u"a", ns::StreamManagement).at(0).attribute(u"h"), u"2"_s);
    QCOMPARE(stream.state(), ClientStream::State::Established);
}

void tst_ClientStream::negotiationTimesOutOnSilentServer()
{
    ScriptedServer server; // accepts and says nothing
    QVERIFY(server.listen());

    ClientStream stream;
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    ConnectionSettings settings = settingsFor(server.port());
    settings.negotiationTimeout = std::chrono::milliseconds(300);
    stream.connectToServer(settings);

    QTRY_COMPARE(disconnected.count(), 1);
    const ConnectionError error = firstError(disconnected);
    VERIFY_KIND(error, Kind::Timeout);
    QVERIFY(error.isTransient());
    QCOMPARE(server.connectionCount(), 1);
    QTRY_VERIFY(!server.isClientConnected());
    const QString leak = credentialLeak(server.received());
    QVERIFY2(leak.isEmpty(), qPrintable(leak));
}

void tst_ClientStream::unackedMessagesAreResentInOrderAfterReconnect_data()
{
    QTest::addColumn<QByteArray>("secondServer");
    QTest::addColumn<QStringList>("resent");

    // XEP-0198 §5: <resumed h='1'/> says the first arrived; the other two go again, in order.
    QTest::newRow("resumed") << "<resumed xmlns='urn:xmpp:sm:3' previd='sm-1' h='1'/>"_ba
                             << QStringList { u"two"_s, u"three"_s };
    // A refused resumption: a new session, which must deliver all three, in order (DESIGN.md).
    QTest::newRow("resumption refused")
        << "<failed xmlns='urn:xmpp:sm:3'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>"_ba
        << QStringList { u"one"_s, u"two"_s, u"three"_s };
    // The new server has no stream management at all.
    QTest::newRow("no stream management") << QByteArray() << QStringList { u"one"_s, u"two"_s, u"three"_s };
}

void tst_ClientStream::unackedMessagesAreResentInOrderAfterReconnect()
{
    QFETCH(QByteArray, secondServer);
    QFETCH(QStringList, resent);

    ScriptedServer first;
    QVERIFY(first.listen());
    scriptLogin(first, true);
    // The three messages arrive, none is acknowledged, and the connection drops.
    first.on(AckRequest, QByteArray()).thenClose();

    ClientStream stream;
    QSignalSpy established(&stream, &ClientStream::established);
    QSignalSpy disconnected(&stream, &ClientStream::disconnected);
    stream.connectToServer(settingsFor(first.port()));
    QTRY_COMPARE(established.count(), 1);
    stream.send(chat(u"one"_s));
    stream.send(chat(u"two"_s));
    stream.send(chat(u"three"_s));
    QTRY_COMPARE(disconnected.count(), 1);
    VERIFY_KIND(firstError(disconnected), Kind::ConnectionLost);
    QCOMPARE(bodiesSent(first.received()), (QStringList { u"one"_s, u"two"_s, u"three"_s }));
    QVERIFY(stream.canResume());

    ScriptedServer second;
    QVERIFY(second.listen());
    if (secondServer.isEmpty()) {
        scriptLogin(second, false);
    } else {
        scriptAuthentication(second, BindFeature + SmFeature);
        second.on("<resume"_ba, secondServer);
        if (secondServer.startsWith("<failed")) {
            second.on("<enable"_ba, [](const QByteArray &received) -> QByteArray {
                return bindResult(received, Account.toUtf8())
                    + "<enabled xmlns='urn:xmpp:sm:3' id='sm-2' resume='true'/>"_ba;
            });
        }
    }
    stream.connectToServer(settingsFor(second.port()));
    QTRY_COMPARE(established.count(), 2);
    QTRY_COMPARE(bodiesSent(second.received()).size(), resent.size());
    QCOMPARE(bodiesSent(second.received()), resent);
    QCOMPARE(disconnected.count(), 1);
}

QTEST_GUILESS_MAIN(tst_ClientStream)
#include "tst_ClientStream.moc"
