// SPDX-License-Identifier: Apache-2.0
// The test fixture's own test: the Prosody it starts answers as a test server must (TLS with the
// fixture's CA, accounts, the option variants), goes away when told, and the TCP proxy forwards and cuts.
// Raw sockets only: the XMPP engine lives in libcore, and this must not depend on it.
#include "ProsodyFixture.h"
#include "TcpProxy.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>
#include <initializer_list>
#include <memory>
#include <signal.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using confab::test::ProsodyFixture;
using confab::test::TcpProxy;

namespace {

constexpr int WaitMs = 10'000;

const QByteArray StreamHeader = "<?xml version='1.0'?><stream:stream to='example.test' version='1.0' "
                                "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
const QByteArray StartTlsFeature = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'";

// Reads until one of `markers` has arrived, running the event loop meanwhile (no blocking reads, so a
// TcpProxy in this thread keeps forwarding).
bool readUntil(QIODevice &device, QByteArray &buffer, std::initializer_list<QByteArrayView> markers)
{
    return QTest::qWaitFor(
        [&] {
            buffer += device.readAll();
            return std::any_of(
                markers.begin(), markers.end(), [&buffer](QByteArrayView marker) { return buffer.contains(marker); });
        },
        WaitMs);
}

// Just enough XMPP over a raw socket to check the server.
class RawClient
{
public:
    QSslSocket socket;
    QByteArray received; // since the last stream (re)start
    QString failure; // why the last step failed, for the test's message

    bool connectPlain(quint16 port)
    {
        QSignalSpy connected(&socket, &QAbstractSocket::connected);
        socket.connectToHost(u"127.0.0.1"_s, port);
        if (!QTest::qWaitFor([&] { return !connected.isEmpty(); }, WaitMs)) {
            failure = u"no connection to port %1: %2"_s.arg(port).arg(socket.errorString());
            return false;
        }
        return true;
    }

    void trust(const QString &caFile)
    {
        QSslConfiguration config = socket.sslConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(caFile, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket.setSslConfiguration(config);
        socket.setPeerVerifyName(u"example.test"_s);
    }

    // Waits for the handshake started by startClientEncryption() or connectToHostEncrypted().
    bool waitEncrypted(const QSignalSpy &encrypted, const QSignalSpy &failed)
    {
        const bool settled = QTest::qWaitFor([&] { return !encrypted.isEmpty() || !failed.isEmpty(); }, WaitMs);
        if (encrypted.isEmpty()) {
            QStringList errors;
            for (const QSslError &error : socket.sslHandshakeErrors()) {
                errors << error.errorString();
            }
            failure = settled ? u"TLS handshake failed: %1 [%2]"_s.arg(socket.errorString(), errors.join(u"; "_s))
                              : u"TLS handshake timed out"_s;
            return false;
        }
        return true;
    }

    // Sends a stream header and reads the stream features.
    bool openStream()
    {
        received.clear();
        socket.write(StreamHeader);
        if (!readUntil(socket, received, { "</stream:features>", "<stream:features/>" })) {
            failure = u"no stream features; got: "_s + QString::fromUtf8(received);
            return false;
        }
        return true;
    }

    bool startTls(const QString &caFile)
    {
        socket.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        received.clear();
        if (!readUntil(socket, received, { "<proceed" })) {
            failure = u"no <proceed/>; got: "_s + QString::fromUtf8(received);
            return false;
        }
        trust(caFile);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
        socket.startClientEncryption();
        return waitEncrypted(encrypted, failed);
    }

    // RFC 6120 §6 with SASL PLAIN (RFC 4616); true on <success/>, false on <failure/> or no answer.
    bool authenticate(const QString &user, const QString &password)
    {
        QByteArray credentials;
        credentials.append('\0').append(user.toUtf8()).append('\0').append(password.toUtf8());
        socket.write(
            "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials.toBase64() + "</auth>");
        received.clear();
        if (!readUntil(socket, received, { "<success", "<failure" })) {
            failure = u"no SASL outcome; got: "_s + QString::fromUtf8(received);
            return false;
        }
        failure = QString::fromUtf8(received);
        return received.contains("<success");
    }

    // Connects on the STARTTLS port, secures the stream trusting `caFile`, and reopens the stream.
    bool secureStream(quint16 port, const QString &caFile)
    {
        return connectPlain(port) && openStream() && startTls(caFile) && openStream();
    }
};

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

// A port nothing listens on: bound for a moment, then released.
quint16 closedPort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

// A loopback echo server that keeps its accepted sockets, so a test can see both ends of a connection.
class EchoServer : public QTcpServer
{
public:
    QList<QTcpSocket *> accepted;

    EchoServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                accepted << socket;
                connect(socket, &QIODevice::readyRead, socket, [socket] { socket->write(socket->readAll()); });
            }
        });
    }
};

} // namespace

#define START_FIXTURE(fixture)                                                                                         \
    do {                                                                                                               \
        const std::optional<QString> startError = (fixture).start();                                                   \
        QVERIFY2(!startError, qPrintable(startError.value_or(QString())));                                             \
    } while (false)

class tst_ProsodyFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void serverAnswersStreamHeaderAndOffersStartTls();
    void startTlsHandshakeTrustsFixtureCa();
    void accountsLogIn_data();
    void accountsLogIn();
    void registerAccountAddsLogin();
    void directTlsPortHandshakes();
    void untrustedCaFailsVerification();
    void plaintextServerOffersNoStartTls();
    void stopEndsProcessAndClosesPort();
    void killEndsProcessAndRestartKeepsAccounts();

    void proxyForwardsToServerAndCutAllDisconnectsBothSides();
    void proxyForwardsBothWaysAndCutAllClosesBothEnds();
    void proxyDelaysEachDirectionKeepingOrder();
    void proxyStallHoldsBytesUntilReleased();
    void proxyRefusesNewConnectionsOnRequest();
    void proxyClosesClientWhenTargetRefuses();

private:
    std::unique_ptr<ProsodyFixture> m_server;
};

void tst_ProsodyFixture::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    ProsodyFixture::Options options;
    options.directTls = true;
    m_server = std::make_unique<ProsodyFixture>(options);
    QElapsedTimer timer;
    timer.start();
    START_FIXTURE(*m_server);
    qInfo("Prosody fixture ready in %lld ms (c2s %u, direct TLS %u, http %u) in %s", timer.elapsed(),
        m_server->c2sPort(), m_server->directTlsPort(), m_server->httpPort(), qPrintable(m_server->directory()));
}

void tst_ProsodyFixture::cleanup()
{
    if (QTest::currentTestFailed() && m_server) {
        qInfo("---- shared Prosody log ----\n%s", qPrintable(m_server->logText()));
    }
}

void tst_ProsodyFixture::cleanupTestCase()
{
    m_server.reset();
}

void tst_ProsodyFixture::serverAnswersStreamHeaderAndOffersStartTls()
{
    QVERIFY(m_server->isRunning());
    QCOMPARE(m_server->domain(), u"example.test"_s);
    QCOMPARE(m_server->jid(u"alice"_s), u"alice@example.test"_s);
    QVERIFY(QFileInfo::exists(m_server->caFile()));

    RawClient client;
    QVERIFY2(client.connectPlain(m_server->c2sPort()), qPrintable(client.failure));
    QVERIFY2(client.openStream(), qPrintable(client.failure));
    QVERIFY2(client.received.contains("<stream:stream") && client.received.contains("from='example.test'"),
        client.received.constData());
    // c2s_require_encryption: STARTTLS is offered and mandatory.
    QVERIFY2(
        client.received.contains(QByteArray(StartTlsFeature + "><required/></starttls>")), client.received.constData());
}

void tst_ProsodyFixture::startTlsHandshakeTrustsFixtureCa()
{
    RawClient client;
    QVERIFY2(client.secureStream(m_server->c2sPort(), m_server->caFile()), qPrintable(client.failure));
    QVERIFY(client.socket.isEncrypted());
    QVERIFY(client.socket.sslHandshakeErrors().isEmpty());
    QVERIFY(
        client.socket.peerCertificate().subjectAlternativeNames().values(QSsl::DnsEntry).contains(u"example.test"_s));
    // After TLS: SASL, with Prosody 0.12's mechanisms for internal_hashed, and no more STARTTLS.
    QVERIFY2(client.received.contains("<mechanism>SCRAM-SHA-1</mechanism>"), client.received.constData());
    QVERIFY2(client.received.contains("<mechanism>PLAIN</mechanism>"), client.received.constData());
    QVERIFY(!client.received.contains(StartTlsFeature));
}

void tst_ProsodyFixture::accountsLogIn_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("rightPassword");
    QTest::addColumn<bool>("succeeds");
    QTest::newRow("alice") << u"alice"_s << true << true;
    QTest::newRow("bob") << u"bob"_s << true << true;
    QTest::newRow("alice, wrong password") << u"alice"_s << false << false;
    QTest::newRow("no such account") << u"mallory"_s << true << false;
}

void tst_ProsodyFixture::accountsLogIn()
{
    QFETCH(QString, user);
    QFETCH(bool, rightPassword);
    QFETCH(bool, succeeds);

    QCOMPARE(m_server->password(u"alice"_s), u"pw-alice-Zz9"_s);
    RawClient client;
    QVERIFY2(client.secureStream(m_server->c2sPort(), m_server->caFile()), qPrintable(client.failure));
    const QString password = rightPassword ? m_server->password(user) : u"not-the-password"_s;
    QCOMPARE(client.authenticate(user, password), succeeds);
    if (!succeeds) {
        QVERIFY2(client.received.contains("<not-authorized/>"), client.received.constData());
    }
}

void tst_ProsodyFixture::registerAccountAddsLogin()
{
    const std::optional<QString> error = m_server->registerAccount(u"carol"_s, u"carol's secret"_s);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(m_server->password(u"carol"_s), u"carol's secret"_s);

    // Registered while the server runs: it must see the account at once.
    RawClient client;
    QVERIFY2(client.secureStream(m_server->c2sPort(), m_server->caFile()), qPrintable(client.failure));
    QVERIFY2(client.authenticate(u"carol"_s, u"carol's secret"_s), qPrintable(client.failure));
}

void tst_ProsodyFixture::directTlsPortHandshakes()
{
    QVERIFY(m_server->directTlsPort() != 0);
    QVERIFY(m_server->directTlsPort() != m_server->c2sPort());

    RawClient client;
    client.trust(m_server->caFile());
    QSignalSpy encrypted(&client.socket, &QSslSocket::encrypted);
    QSignalSpy failed(&client.socket, &QAbstractSocket::errorOccurred);
    client.socket.connectToHostEncrypted(u"127.0.0.1"_s, m_server->directTlsPort(), u"example.test"_s);
    QVERIFY2(client.waitEncrypted(encrypted, failed), qPrintable(client.failure));
    QVERIFY2(client.openStream(), qPrintable(client.failure));
    QVERIFY2(client.received.contains("from='example.test'"), client.received.constData());
    QVERIFY2(!client.received.contains(StartTlsFeature), client.received.constData());
    QVERIFY2(client.authenticate(u"bob"_s, m_server->password(u"bob"_s)), qPrintable(client.failure));
}

void tst_ProsodyFixture::untrustedCaFailsVerification()
{
    ProsodyFixture::Options options;
    options.untrustedCa = true;
    ProsodyFixture fixture(options);
    START_FIXTURE(fixture);
    auto printLog = qScopeGuard([&fixture] {
        if (QTest::currentTestFailed()) {
            qInfo("---- Prosody log ----\n%s", qPrintable(fixture.logText()));
        }
    });

    RawClient client;
    QVERIFY2(client.connectPlain(fixture.c2sPort()), qPrintable(client.failure));
    QVERIFY2(client.openStream(), qPrintable(client.failure));
    QVERIFY(!client.startTls(fixture.caFile()));
    QVERIFY(!client.socket.isEncrypted());
    const QList<QSslError> errors = client.socket.sslHandshakeErrors();
    const bool chainRefused = std::any_of(errors.cbegin(), errors.cend(), [](const QSslError &error) {
        return error.error() == QSslError::UnableToGetLocalIssuerCertificate
            || error.error() == QSslError::UnableToVerifyFirstCertificate;
    });
    QVERIFY2(chainRefused, qPrintable(client.failure));
    // Only the chain is wrong, not the name: the refusal is about whom we trust.
    QVERIFY(std::none_of(errors.cbegin(), errors.cend(),
        [](const QSslError &error) { return error.error() == QSslError::HostNameMismatch; }));

    // The same server passes with its real issuer trusted.
    RawClient trusting;
    QVERIFY2(trusting.secureStream(fixture.c2sPort(), fixture.directory() + u"/untrusted-ca.pem"_s),
        qPrintable(trusting.failure));
}

void tst_ProsodyFixture::plaintextServerOffersNoStartTls()
{
    ProsodyFixture::Options options;
    options.plaintext = true;
    ProsodyFixture fixture(options);
    START_FIXTURE(fixture);
    auto printLog = qScopeGuard([&fixture] {
        if (QTest::currentTestFailed()) {
            qInfo("---- Prosody log ----\n%s", qPrintable(fixture.logText()));
        }
    });

    RawClient client;
    QVERIFY2(client.connectPlain(fixture.c2sPort()), qPrintable(client.failure));
    QVERIFY2(client.openStream(), qPrintable(client.failure));
    QVERIFY2(client.received.contains("from='example.test'"), client.received.constData());
    QVERIFY2(!client.received.contains("urn:ietf:params:xml:ns:xmpp-tls"), client.received.constData());
    // Such a server accepts PLAIN in the clear: exactly what a client must refuse to send.
    QVERIFY2(client.received.contains("<mechanism>PLAIN</mechanism>"), client.received.constData());
    QVERIFY2(client.authenticate(u"alice"_s, fixture.password(u"alice"_s)), qPrintable(client.failure));
}

void tst_ProsodyFixture::stopEndsProcessAndClosesPort()
{
    ProsodyFixture fixture;
    START_FIXTURE(fixture);
    const qint64 pid = fixture.processId();
    const quint16 port = fixture.c2sPort();
    QVERIFY(fixture.isRunning());
    QVERIFY(processExists(pid));

    fixture.stop();
    QVERIFY(!fixture.isRunning());
    QVERIFY(!processExists(pid));
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(probe.error(), QAbstractSocket::ConnectionRefusedError, WaitMs);
    fixture.stop(); // twice is harmless
}

void tst_ProsodyFixture::killEndsProcessAndRestartKeepsAccounts()
{
    ProsodyFixture fixture;
    START_FIXTURE(fixture);
    auto printLog = qScopeGuard([&fixture] {
        if (QTest::currentTestFailed()) {
            qInfo("---- Prosody log ----\n%s", qPrintable(fixture.logText()));
        }
    });
    const qint64 pid = fixture.processId();
    const quint16 port = fixture.c2sPort();

    RawClient connected;
    QVERIFY2(connected.secureStream(port, fixture.caFile()), qPrintable(connected.failure));
    QSignalSpy dropped(&connected.socket, &QAbstractSocket::disconnected);
    fixture.kill();
    QVERIFY(!fixture.isRunning());
    QVERIFY(!processExists(pid));
    QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, WaitMs);
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(probe.error(), QAbstractSocket::ConnectionRefusedError, WaitMs);

    const std::optional<QString> error = fixture.restart();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QVERIFY(fixture.isRunning());
    QCOMPARE(fixture.c2sPort(), port);
    RawClient again;
    QVERIFY2(again.secureStream(port, fixture.caFile()), qPrintable(again.failure));
    QVERIFY2(again.authenticate(u"alice"_s, fixture.password(u"alice"_s)), qPrintable(again.failure));
}

void tst_ProsodyFixture::proxyForwardsToServerAndCutAllDisconnectsBothSides()
{
    TcpProxy proxy(m_server->host(), m_server->c2sPort());
    QVERIFY(proxy.listen());
    QVERIFY(proxy.port() != 0);

    RawClient client;
    QVERIFY2(client.connectPlain(proxy.port()), qPrintable(client.failure));
    QVERIFY2(client.openStream(), qPrintable(client.failure));
    QVERIFY2(client.received.contains("from='example.test'"), client.received.constData());
    QVERIFY(client.received.contains(StartTlsFeature));
    QCOMPARE(proxy.connectionCount(), 1);
    QCOMPARE(proxy.bytesToServer(), qint64(StreamHeader.size()));
    QCOMPARE(proxy.bytesToClient(), qint64(client.received.size()));

    const qsizetype serverSawBefore = m_server->logText().count(u"Client disconnected"_s);
    QSignalSpy clientDropped(&client.socket, &QAbstractSocket::disconnected);
    QSignalSpy closed(&proxy, &TcpProxy::connectionClosed);
    proxy.cutAll();
    QCOMPARE(proxy.connectionCount(), 0);
    QCOMPARE(closed.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(clientDropped.count(), 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->logText().count(u"Client disconnected"_s) > serverSawBefore, WaitMs);
}

void tst_ProsodyFixture::proxyForwardsBothWaysAndCutAllClosesBothEnds()
{
    EchoServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    TcpProxy proxy(u"127.0.0.1"_s, echo.serverPort());
    QVERIFY(proxy.listen());
    QSignalSpy opened(&proxy, &TcpProxy::connectionOpened);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted.size(), 1, WaitMs);
    QCOMPARE(opened.count(), 1);
    client.write("ping 你好");
    QByteArray received;
    QVERIFY(readUntil(client, received, { "ping 你好" }));
    QCOMPARE(proxy.bytesToServer(), qint64(QByteArray("ping 你好").size()));
    QCOMPARE(proxy.bytesToClient(), proxy.bytesToServer());

    QSignalSpy clientDropped(&client, &QAbstractSocket::disconnected);
    QSignalSpy targetDropped(echo.accepted.first(), &QAbstractSocket::disconnected);
    proxy.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(clientDropped.count(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(targetDropped.count(), 1, WaitMs);
    QCOMPARE(proxy.connectionCount(), 0);

    // The listener survives a cut: a reconnect goes through.
    QTcpSocket again;
    again.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted.size(), 2, WaitMs);
    again.write("back");
    received.clear();
    QVERIFY(readUntil(again, received, { "back" }));
}

void tst_ProsodyFixture::proxyDelaysEachDirectionKeepingOrder()
{
    EchoServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    TcpProxy proxy(u"127.0.0.1"_s, echo.serverPort());
    QVERIFY(proxy.listen());
    constexpr auto delay = 150ms;
    proxy.setDelay(delay);
    QCOMPARE(proxy.delay(), delay);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted.size(), 1, WaitMs);

    QByteArray expected;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i) {
        const QByteArray piece = QByteArray::number(i) + ';';
        expected += piece;
        client.write(piece);
        client.flush();
        QCoreApplication::processEvents(); // lets the proxy take pieces one by one, as separate chunks
    }
    QByteArray received;
    QVERIFY(readUntil(client, received, { expected }));
    QCOMPARE(received, expected);
    // Each direction adds the delay: the echo cannot be back before twice of it (a lower bound only).
    QVERIFY2(timer.elapsed() >= 2 * delay.count(), qPrintable(QString::number(timer.elapsed())));
}

void tst_ProsodyFixture::proxyStallHoldsBytesUntilReleased()
{
    EchoServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    TcpProxy proxy(u"127.0.0.1"_s, echo.serverPort());
    QVERIFY(proxy.listen());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted.size(), 1, WaitMs);

    proxy.setStalled(true);
    QVERIFY(proxy.isStalled());
    client.write("held");
    QTRY_COMPARE_WITH_TIMEOUT(proxy.bytesHeld(), qint64(4), WaitMs);
    QCOMPARE(proxy.bytesToServer(), qint64(0));
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);

    proxy.setStalled(false);
    QByteArray received;
    QVERIFY(readUntil(client, received, { "held" }));
    QCOMPARE(proxy.bytesHeld(), qint64(0));
}

void tst_ProsodyFixture::proxyRefusesNewConnectionsOnRequest()
{
    EchoServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost, 0));
    TcpProxy proxy(u"127.0.0.1"_s, echo.serverPort());
    QVERIFY(proxy.listen());

    proxy.setRefuseNew(true);
    QTcpSocket refused;
    QSignalSpy refusedGone(&refused, &QAbstractSocket::disconnected);
    refused.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(refusedGone.count(), 1, WaitMs);
    QCOMPARE(proxy.connectionCount(), 0);
    QVERIFY(echo.accepted.isEmpty()); // a refused connection is never passed on

    proxy.setRefuseNew(false);
    QTcpSocket accepted;
    accepted.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(echo.accepted.size(), 1, WaitMs);
    QCOMPARE(proxy.connectionCount(), 1);
}

void tst_ProsodyFixture::proxyClosesClientWhenTargetRefuses()
{
    const quint16 nothing = closedPort();
    QVERIFY(nothing != 0);
    TcpProxy proxy(u"127.0.0.1"_s, nothing);
    QVERIFY(proxy.listen());
    QSignalSpy closed(&proxy, &TcpProxy::connectionClosed);

    QTcpSocket client;
    QSignalSpy dropped(&client, &QAbstractSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, WaitMs);
    QCOMPARE(proxy.connectionCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ProsodyFixture)
#include "tst_ProsodyFixture.moc"
