// SPDX-License-Identifier: Apache-2.0
// Issue 7, the TLS half of the hostile-server harness: a ScriptedServer that speaks STARTTLS or Direct TLS with
// a certificate chosen per case (made by openssl at test time, under a test CA the client is told to trust),
// lies about STARTTLS and SASL, and redirects. Each case asserts what the user gets (the error's kind and the
// reason in its message), what went over the wire (in particular: nothing after a failed handshake, no
// credentials in the clear), and that nothing reached the application.
#include "HostileSupport.h"
#include "testlib/TestCertificates.h"

#include <QSignalSpy>
#include <QSslCipher>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test::hostile;
using confab::test::ScriptedServer;
using confab::test::TestCertificates;
using Kind = ConnectionError::Kind;

namespace {

const QByteArray StartTlsFeature = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"_ba;
const QByteArray Proceed = "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"_ba;

/// The names of the top-level elements the client sent in `bytes`.
QStringList elementNames(const QByteArray &bytes)
{
    QStringList names;
    for (const XmlElement &e : clientElements(bytes)) {
        names.append(e.name());
    }
    return names;
}

/// STARTTLS offered and accepted: `<proceed/>` (plus `afterProceed`, in the same write), then the handshake.
void scriptStartTls(ScriptedServer &server, const QByteArray &afterProceed = {})
{
    server.on("<stream:stream"_ba, ServerHeader + features(StartTlsFeature))
        .on("<starttls"_ba, Proceed + afterProceed)
        .thenStartTls();
}

} // namespace

class tst_HostileTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Certificates (RFC 6125, RFC 7590), STARTTLS and Direct TLS
    void validCertificateSignsIn_data();
    void validCertificateSignsIn();
    void badCertificateIsRefusedBeforeAnythingIsSent_data();
    void badCertificateIsRefusedBeforeAnythingIsSent();
    void serverLimitedToTls11IsRefused_data();
    void serverLimitedToTls11IsRefused();

    // STARTTLS stripping (RFC 6120 §5.3.1, §5.4.3.3)
    void featuresWithoutStartTlsAreRefusedBeforeAuth();
    void bytesInjectedAfterProceedAreDiscarded();

    // SASL
    void onlyPlainOverTlsIsUsed();
    void onlyPlainWithoutTlsIsRefused();
    void plusWithoutAChannelBindingWeShareIsNotChosen_data();
    void plusWithoutAChannelBindingWeShareIsNotChosen();
    void scramNonceNotExtendingOursIsRefused();
    void wrongServerSignatureIsRefused();

    // Redirects
    void seeOtherHostIsVerifiedAgainstOurDomain_data();
    void seeOtherHostIsVerifiedAgainstOurDomain();
    void smEnabledLocationIsNotFollowed();

private:
    ConnectionSettings tlsSettings(quint16 port, TlsMode mode) const
    {
        ConnectionSettings settings = settingsFor(port);
        settings.tlsMode = mode;
        settings.caFile = m_pki.caFile();
        return settings;
    }

    /// Scripts `s.server` for `mode` (Direct TLS, or STARTTLS first) and a login behind it, then connects.
    void signInOverTls(Session &s, TlsMode mode) const
    {
        if (mode == TlsMode::DirectTls) {
            s.server.setDirectTls(true);
        } else {
            scriptStartTls(s.server);
        }
        scriptLogin(s.server, false);
        s.stream.connectToServer(tlsSettings(s.server.port(), mode));
    }

    TestCertificates m_pki;
};

void tst_HostileTls::initTestCase()
{
    qRegisterMetaType<ConnectionError>();
    qRegisterMetaType<XmlElement>();
    QVERIFY(QSslSocket::supportsSsl());
    const auto check = [](std::optional<QString> error) { return error.value_or(QString()); };
    QCOMPARE(check(m_pki.createCa()), QString());
    QCOMPARE(check(m_pki.createLeaf(u"valid"_s, { u"DNS:example.net"_s })), QString());
    QCOMPARE(check(m_pki.createLeaf(u"expired"_s, { u"DNS:example.net"_s }, { .days = -1 })), QString());
    QCOMPARE(check(m_pki.createLeaf(u"selfsigned"_s, { u"DNS:example.net"_s }, { .selfSigned = true })), QString());
    QCOMPARE(check(m_pki.createLeaf(u"otherdomain"_s, { u"DNS:example.org"_s })), QString());
    // Valid for the host we connect to (what an SRV record would name, and the address itself), not for the
    // XMPP domain: RFC 7590 §3.2 and RFC 6125 §6 make the domain the reference identity, not the SRV target.
    QCOMPARE(check(m_pki.createLeaf(
                 u"srvtarget"_s, { u"DNS:xmpp.hosting.example"_s, u"DNS:localhost"_s, u"IP:127.0.0.1"_s })),
        QString());
    QVERIFY(!m_pki.leaf(u"valid"_s).key.isNull());
    QVERIFY(m_pki.leaf(u"expired"_s).certificate.expiryDate() < QDateTime::currentDateTimeUtc());
}

// --- Certificates -----------------------------------------------------------------------------------------------

void tst_HostileTls::validCertificateSignsIn_data()
{
    QTest::addColumn<TlsMode>("mode");
    QTest::newRow("STARTTLS") << TlsMode::StartTls;
    QTest::newRow("Direct TLS") << TlsMode::DirectTls;
}

void tst_HostileTls::validCertificateSignsIn()
{
    // The control for the cases below: the same harness with a good certificate gets all the way in.
    QFETCH(TlsMode, mode);
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    signInOverTls(s, mode);
    QTRY_COMPARE(s.established.count(), 1);
    QVERIFY(s.stream.isEncrypted());
    QVERIFY(s.server.isEncrypted());
    QCOMPARE(s.stream.saslMechanism(), u"SCRAM-SHA-1"_s);
    // Before TLS only the stream header and <starttls/> went out in the clear; the credentials went under TLS.
    QCOMPARE(elementNames(s.server.receivedBeforeTls()),
        mode == TlsMode::DirectTls ? QStringList() : QStringList { u"starttls"_s });
    QVERIFY(s.server.received().contains("<auth"));
}

void tst_HostileTls::badCertificateIsRefusedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QString>("leaf");
    QTest::addColumn<TlsMode>("mode");
    QTest::addColumn<QString>("reason");
    const struct
    {
        const char *name;
        QString leaf;
        QString reason;
    } cases[] = {
        { "expired", u"expired"_s, u"The certificate has expired"_s },
        { "self-signed", u"selfsigned"_s, u"self-signed"_s },
        { "another domain", u"otherdomain"_s, u"host name did not match"_s },
        { "SRV target only", u"srvtarget"_s, u"host name did not match"_s },
    };
    for (const auto &c : cases) {
        QTest::addRow("%s, STARTTLS", c.name) << c.leaf << TlsMode::StartTls << c.reason;
        QTest::addRow("%s, Direct TLS", c.name) << c.leaf << TlsMode::DirectTls << c.reason;
    }
}

void tst_HostileTls::badCertificateIsRefusedBeforeAnythingIsSent()
{
    QFETCH(QString, leaf);
    QFETCH(TlsMode, mode);
    QFETCH(QString, reason);
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(leaf));
    signInOverTls(s, mode);

    QTRY_COMPARE(s.disconnected.count(), 1);
    const ConnectionError error = s.error();
    QVERIFY2(error.kind == Kind::CertificateRefused, qPrintable(describe(error)));
    QVERIFY2(error.message.contains(reason, Qt::CaseInsensitive), qPrintable(error.message));
    // What the user may pin after seeing it: exactly the certificate the server presented.
    QCOMPARE(error.certificateSha256, m_pki.leaf(leaf).certificate.digest(QCryptographicHash::Sha256));
    QCOMPARE(s.established.count(), 0);
    QCOMPARE(s.stanzas.count(), 0);
    // On the wire: the header and <starttls/> in the clear (nothing at all for Direct TLS), and no byte of
    // application data over TLS: the handshake never completed, so no stream, no <auth/>, no password.
    QTRY_VERIFY(!s.server.isClientConnected());
    QVERIFY(!s.server.isEncrypted());
    QCOMPARE(
        elementNames(s.server.received()), mode == TlsMode::DirectTls ? QStringList() : QStringList { u"starttls"_s });
    QCOMPARE(s.server.received(), s.server.receivedBeforeTls());
    QVERIFY(!s.server.received().contains("<auth"));
    QVERIFY(!s.server.received().contains(Password.toUtf8()));
}

void tst_HostileTls::serverLimitedToTls11IsRefused_data()
{
    validCertificateSignsIn_data();
}

void tst_HostileTls::serverLimitedToTls11IsRefused()
{
    // We ask for TLS 1.2 or later (RFC 7525 §3.1.1); Debian's OpenSSL 3 will not even offer 1.0/1.1 at its
    // default security level. Either way: no session, a TLS error the user can read, nothing sent.
    QFETCH(TlsMode, mode);
    Session s;
    QVERIFY(s.server.listen());
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s, QSsl::TlsV1_1));
    QT_WARNING_POP
    signInOverTls(s, mode);

    QTRY_COMPARE(s.disconnected.count(), 1);
    const ConnectionError error = s.error();
    QVERIFY2(error.kind == Kind::TlsFailed, qPrintable(describe(error)));
    QVERIFY2(error.message.startsWith(u"A secure connection could not be made"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"protocol"_s, Qt::CaseInsensitive), qPrintable(error.message));
    QCOMPARE(s.established.count(), 0);
    QTRY_VERIFY(!s.server.isClientConnected());
    QVERIFY(!s.server.isEncrypted());
    QCOMPARE(s.server.received(), s.server.receivedBeforeTls());
    QVERIFY(!s.server.received().contains("<auth"));
}

// --- STARTTLS stripping -----------------------------------------------------------------------------------------

void tst_HostileTls::featuresWithoutStartTlsAreRefusedBeforeAuth()
{
    // A man in the middle removed <starttls/> and offers PLAIN: with TLS required (the default) the client
    // stops at the features. Only TlsMode::InsecurePlaintext (loopback only) would go on, and never with PLAIN
    // (onlyPlainWithoutTlsIsRefused).
    Session s;
    QVERIFY(s.server.listen());
    s.server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "PLAIN"_ba, "SCRAM-SHA-1"_ba })));
    s.stream.connectToServer(tlsSettings(s.server.port(), TlsMode::StartTls));
    QTRY_COMPARE(s.disconnected.count(), 1);
    QVERIFY2(s.error().kind == Kind::TlsUnavailable, qPrintable(describe(s.error())));
    QVERIFY2(s.error().message.contains(u"does not offer an encrypted connection"_s), qPrintable(s.error().message));
    QTRY_VERIFY(!s.server.isClientConnected());
    QCOMPARE(elementNames(s.server.received()), QStringList());
    QVERIFY(!s.server.received().contains("<auth"));
    // The stream header over a connection not yet encrypted does not name the user (RFC 6120 §4.7.1).
    QVERIFY(!s.server.received().contains("romeo"));
}

void tst_HostileTls::bytesInjectedAfterProceedAreDiscarded()
{
    // RFC 6120 §5.4.3.3: after <proceed/> the next byte must be TLS. An attacker appends plaintext to the same
    // TCP segment — features offering only PLAIN and a message — hoping the client parses it as part of the
    // stream or feeds it to TLS. The client must drop it: the handshake succeeds, the real (encrypted) features
    // are the ones used, and the injected message never reaches the application.
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    const QByteArray injected = features(mechanisms({ "PLAIN"_ba }))
        + "<message from='juliet@example.net/balcony' type='chat'><body>INJECTED</body></message>"_ba;
    scriptStartTls(s.server, injected);
    scriptLogin(s.server, false);
    s.stream.connectToServer(tlsSettings(s.server.port(), TlsMode::StartTls));
    QTRY_COMPARE(s.established.count(), 1);
    QVERIFY(s.server.isEncrypted());
    QCOMPARE(s.stream.saslMechanism(), u"SCRAM-SHA-1"_s);
    QCOMPARE(elementNames(s.server.receivedBeforeTls()), QStringList { u"starttls"_s });
    QVERIFY(!s.server.received().contains("mechanism='PLAIN'"));
    // A genuine message after sign-in arrives; the injected one never did.
    s.server.send("<message from='juliet@example.net/balcony' type='chat'><body>genuine</body></message>"_ba);
    QTRY_COMPARE(s.stanzas.count(), 1);
    QCOMPARE(s.stanzas.at(0).at(0).value<XmlElement>().childText(u"body", ns::Client), u"genuine"_s);
    QCOMPARE(s.disconnected.count(), 0);
}

// --- SASL -------------------------------------------------------------------------------------------------------

void tst_HostileTls::onlyPlainOverTlsIsUsed()
{
    // RFC 6120 §6.3.8 and DESIGN.md: PLAIN is fine under a verified TLS.
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    scriptStartTls(s.server);
    s.server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "PLAIN"_ba })))
        .on("</auth>"_ba, saslElement("success"_ba, {}))
        .on("<stream:stream"_ba, ServerHeader + features(BindFeature))
        .on("</iq>"_ba, [](const QByteArray &received) -> QByteArray {
            return "<iq type='result' id='"_ba + lastIqId(received)
                + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>"_ba + Account.toUtf8()
                + "</jid></bind></iq>"_ba;
        });
    s.stream.connectToServer(tlsSettings(s.server.port(), TlsMode::StartTls));
    QTRY_COMPARE(s.established.count(), 1);
    QCOMPARE(s.stream.saslMechanism(), u"PLAIN"_s);
    // The password went out, but only over TLS.
    const QByteArray plain = "\0romeo\0"_ba + Password.toUtf8();
    QVERIFY(!s.server.receivedBeforeTls().contains("<auth"));
    QCOMPARE(QByteArray::fromBase64(lastText(s.server.received(), u"auth"_s)), plain);
}

void tst_HostileTls::onlyPlainWithoutTlsIsRefused()
{
    // Even where the user allowed an unencrypted connection (loopback only), PLAIN is never sent in the clear.
    Session s;
    QVERIFY(s.server.listen());
    s.server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "PLAIN"_ba })));
    s.stream.connectToServer(settingsFor(s.server.port()));
    QTRY_COMPARE(s.disconnected.count(), 1);
    QVERIFY2(s.error().kind == Kind::NoSuitableMechanism, qPrintable(describe(s.error())));
    QCOMPARE(s.error().message, u"The server would only accept the password unencrypted, so Confab did not send it."_s);
    QTRY_VERIFY(!s.server.isClientConnected());
    QCOMPARE(elementNames(s.server.received()), QStringList());
    QVERIFY(!s.server.received().contains(Password.toUtf8()));
}

void tst_HostileTls::plusWithoutAChannelBindingWeShareIsNotChosen_data()
{
    QTest::addColumn<QByteArray>("extraFeatures");
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<QString>("chosen"); // empty: refused
    const QByteArray unusable = "<sasl-channel-binding xmlns='urn:xmpp:sasl-cb:0'><channel-binding type='tls-unique'/>"
                                "<channel-binding type='tls-exporter'/></sasl-channel-binding>"_ba;
    QTest::newRow("PLUS and plain, no XEP-0440 list")
        << QByteArray() << QList<QByteArray> { "SCRAM-SHA-1-PLUS"_ba, "SCRAM-SHA-1"_ba } << u"SCRAM-SHA-1"_s;
    QTest::newRow("PLUS and plain, only types Qt cannot compute")
        << unusable << QList<QByteArray> { "SCRAM-SHA-1-PLUS"_ba, "SCRAM-SHA-1"_ba } << u"SCRAM-SHA-1"_s;
    QTest::newRow("only PLUS, no XEP-0440 list")
        << QByteArray() << QList<QByteArray> { "SCRAM-SHA-1-PLUS"_ba } << QString();
    QTest::newRow("only PLUS, only types Qt cannot compute")
        << unusable << QList<QByteArray> { "SCRAM-SHA-1-PLUS"_ba } << QString();
}

void tst_HostileTls::plusWithoutAChannelBindingWeShareIsNotChosen()
{
    // Without a channel-binding type both sides support (XEP-0440), a -PLUS mechanism cannot be completed: the
    // client takes the plain SCRAM with GS2 flag 'n' (XEP-0440 §4: 'y' would make a server that does support
    // binding suspect a downgrade), or, with nothing else offered, refuses before sending anything.
    QFETCH(QByteArray, extraFeatures);
    QFETCH(QList<QByteArray>, offered);
    QFETCH(QString, chosen);
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    scriptStartTls(s.server);
    auto scram = std::make_shared<ScramServer>();
    s.server.on("<stream:stream"_ba, ServerHeader + features(extraFeatures + mechanisms(offered)))
        .on("</auth>"_ba, [scram](const QByteArray &received) -> QByteArray { return scram->replyToAuth(received); })
        .on("</response>"_ba,
            [scram](const QByteArray &received) -> QByteArray { return scram->replyToResponse(received); })
        .on("<stream:stream"_ba, ServerHeader + features(BindFeature))
        .on("</iq>"_ba, [](const QByteArray &received) -> QByteArray {
            return "<iq type='result' id='"_ba + lastIqId(received)
                + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>"_ba + Account.toUtf8()
                + "</jid></bind></iq>"_ba;
        });
    s.stream.connectToServer(tlsSettings(s.server.port(), TlsMode::StartTls));
    if (chosen.isEmpty()) {
        QTRY_COMPARE(s.disconnected.count(), 1);
        QVERIFY2(s.error().kind == Kind::NoSuitableMechanism, qPrintable(describe(s.error())));
        QVERIFY2(s.error().message.contains(u"SCRAM-SHA-1-PLUS"_s), qPrintable(s.error().message));
        QVERIFY(!s.server.received().contains("<auth"));
        return;
    }
    QTRY_COMPARE(s.established.count(), 1);
    QCOMPARE(s.stream.saslMechanism(), chosen);
    QVERIFY(s.server.received().contains(QByteArray("mechanism='"_ba + chosen.toLatin1() + "'"_ba)));
    QVERIFY(QByteArray::fromBase64(lastText(s.server.received(), u"auth"_s)).startsWith("n,,"));
}

void tst_HostileTls::scramNonceNotExtendingOursIsRefused()
{
    // RFC 5802 §5.1: the server's nonce starts with ours; one that does not is a replay or a relay.
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    scriptStartTls(s.server);
    auto scram = std::make_shared<ScramServer>([](const QByteArray &) -> QByteArray {
        return "r=someone-elses-nonce-abcdef,s=c2FsdA==,i=4096"_ba.toBase64();
    });
    s.server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba })))
        .on("</auth>"_ba, [scram](const QByteArray &received) -> QByteArray { return scram->replyToAuth(received); });
    s.stream.connectToServer(tlsSettings(s.server.port(), TlsMode::StartTls));
    QTRY_COMPARE(s.disconnected.count(), 1);
    QVERIFY2(s.error().kind == Kind::AuthenticationFailed, qPrintable(describe(s.error())));
    QVERIFY2(s.error().message.contains(u"nonce"_s, Qt::CaseInsensitive), qPrintable(s.error().message));
    QCOMPARE(s.established.count(), 0);
    QVERIFY(!s.server.received().contains("<response"));
}

void tst_HostileTls::wrongServerSignatureIsRefused()
{
    // RFC 5802 §3: a server that cannot compute ServerSignature does not know the password (an impostor that
    // only relayed or guessed). <success/> with a wrong v= must not open a session.
    Session s;
    QVERIFY(s.server.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    scriptStartTls(s.server);
    auto scram = std::make_shared<ScramServer>();
    s.server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba })))
        .on("</auth>"_ba, [scram](const QByteArray &received) -> QByteArray { return scram->replyToAuth(received); })
        .on("</response>"_ba,
            [scram](const QByteArray &received) -> QByteArray {
                // The genuine reply, with one bit of the signature flipped.
                const QByteArray genuine
                    = QByteArray::fromBase64(lastText(scram->replyToResponse(received), u"success"_s));
                QByteArray signature = QByteArray::fromBase64(genuine.mid(2));
                signature[0] = char(signature[0] ^ 1);
                return saslElement("success"_ba, QByteArray("v="_ba + signature.toBase64()).toBase64());
            })
        .on("<stream:stream"_ba, ServerHeader + features(BindFeature));
    s.stream.connectToServer(tlsSettings(s.server.port(), TlsMode::StartTls));
    QTRY_COMPARE(s.disconnected.count(), 1);
    QVERIFY2(s.error().kind == Kind::AuthenticationFailed, qPrintable(describe(s.error())));
    QVERIFY2(s.error().message.startsWith(u"The server could not prove it knows the password"_s),
        qPrintable(s.error().message));
    QCOMPARE(s.established.count(), 0);
    QTRY_VERIFY(!s.server.isClientConnected());
    // Nothing after the proof: no restarted stream, no bind.
    const QByteArray afterResponse = s.server.received().mid(s.server.received().indexOf("</response>"));
    QVERIFY2(!afterResponse.contains("<stream:stream") && !afterResponse.contains("<iq"), afterResponse.constData());
}

// --- Redirects --------------------------------------------------------------------------------------------------

void tst_HostileTls::seeOtherHostIsVerifiedAgainstOurDomain_data()
{
    QTest::addColumn<QString>("leaf");
    QTest::addColumn<bool>("followed");
    QTest::newRow("to a host with a certificate for our domain") << u"valid"_s << true;
    QTest::newRow("to a host with a certificate for another domain") << u"otherdomain"_s << false;
    QTest::newRow("to a host with a certificate for itself only") << u"srvtarget"_s << false;
}

void tst_HostileTls::seeOtherHostIsVerifiedAgainstOurDomain()
{
    // RFC 6120 §4.9.3.19: the client connects where it is sent, but with the same policies, the same 'to' and
    // the same reference identity (our domain) as the first attempt. A redirect before TLS (which anyone on the
    // path can inject) thus leads only to a server that can prove it is example.net.
    QFETCH(QString, leaf);
    QFETCH(bool, followed);
    Session s;
    ScriptedServer &first = s.server;
    ScriptedServer second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    first.on("<stream:stream"_ba,
        ServerHeader + "<stream:error><see-other-host xmlns='urn:ietf:params:xml:ns:xmpp-streams'>localhost:"_ba
            + QByteArray::number(second.port()) + "</see-other-host></stream:error></stream:stream>"_ba);
    second.setTls(m_pki.serverConfiguration(leaf));
    scriptStartTls(second);
    scriptLogin(second, false);
    s.stream.connectToServer(tlsSettings(first.port(), TlsMode::StartTls));

    if (followed) {
        QTRY_COMPARE(s.established.count(), 1);
        QVERIFY(second.isEncrypted());
        QCOMPARE(first.connectionCount(), 1);
        QVERIFY(!first.received().contains("<starttls"));
        QCOMPARE(s.disconnected.count(), 0);
    } else {
        QTRY_COMPARE(s.disconnected.count(), 1);
        QVERIFY2(s.error().kind == Kind::CertificateRefused, qPrintable(describe(s.error())));
        QVERIFY2(s.error().message.contains(u"host name did not match"_s), qPrintable(s.error().message));
        QCOMPARE(s.established.count(), 0);
        QVERIFY(!second.isEncrypted());
        QCOMPARE(second.received(), second.receivedBeforeTls());
        QVERIFY(!second.received().contains("<auth"));
    }
    QCOMPARE(second.connectionCount(), 1);
    // The redirected stream still asks for our domain.
    QVERIFY2(second.receivedBeforeTls().contains("to='example.net'"), second.receivedBeforeTls().constData());
}

void tst_HostileTls::smEnabledLocationIsNotFollowed()
{
    // XEP-0198 §5: 'location' is where the server would like resumption to go. Confab ignores it: resumption
    // goes back to the host the user configured (or DNS named), so a forged <enabled/> cannot send the
    // resumption — and its previd, and the session's unacked stanzas — elsewhere.
    Session s;
    ScriptedServer elsewhere;
    QVERIFY(s.server.listen());
    QVERIFY(elsewhere.listen());
    s.server.setTls(m_pki.serverConfiguration(u"valid"_s));
    elsewhere.setTls(m_pki.serverConfiguration(u"valid"_s));
    scriptStartTls(elsewhere);
    scriptStartTls(s.server);
    auto scram = std::make_shared<ScramServer>();
    const QByteArray location = "127.0.0.1:"_ba + QByteArray::number(elsewhere.port());
    s.server.on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba })))
        .on("</auth>"_ba, [scram](const QByteArray &received) -> QByteArray { return scram->replyToAuth(received); })
        .on("</response>"_ba,
            [scram](const QByteArray &received) -> QByteArray { return scram->replyToResponse(received); })
        .on("<stream:stream"_ba, ServerHeader + features(BindFeature + SmFeature))
        .on("<enable"_ba, [location](const QByteArray &received) -> QByteArray {
            return "<iq type='result' id='"_ba + lastIqId(received)
                + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>"_ba + Account.toUtf8()
                + "</jid></bind></iq><enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true' location='"_ba + location
                + "'/>"_ba;
        });
    const ConnectionSettings settings = tlsSettings(s.server.port(), TlsMode::StartTls);
    s.stream.connectToServer(settings);
    QTRY_COMPARE(s.established.count(), 1);
    QTRY_VERIFY(s.stream.canResume());

    // The network drops; the client reconnects (as Client would) and asks to resume.
    s.stream.abort();
    QCOMPARE(s.disconnected.count(), 1);
    QVERIFY(s.stream.canResume());
    s.server.on("<stream:stream"_ba, ServerHeader + features(StartTlsFeature))
        .on("<starttls"_ba, Proceed)
        .thenStartTls()
        .on("<stream:stream"_ba, ServerHeader + features(mechanisms({ "SCRAM-SHA-1"_ba })));
    s.stream.connectToServer(settings);
    QTRY_COMPARE(s.server.connectionCount(), 2);
    QTRY_VERIFY(s.server.received().count("<auth") == 2);
    QCOMPARE(elsewhere.connectionCount(), 0);
}

QTEST_GUILESS_MAIN(tst_HostileTls)
#include "tst_HostileTls.moc"
