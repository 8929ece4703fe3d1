// SPDX-License-Identifier: Apache-2.0
// TLS policy of confab-cli against real Prosody servers: verified by default, pinning, Direct TLS, and
// no silent fall back to plaintext.
#include "CliRunner.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab::test;

class tst_CliTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untrustedCertificateFailsWithExitCode4AndItsFingerprint();
    void wrongPinIsStillRefused();
    void systemStoreAloneRefusesTheTestCa();
    void directTlsLogsIn();
    void serverWithoutTlsIsRefusedByDefault();
    void insecurePlaintextOnLoopbackNeverUsesPlain();

private:
    static QString fingerprintFrom(const CliResult &r)
    {
        for (const QJsonObject &line : r.jsonLines()) {
            if (line.contains(u"fingerprint"_s)) {
                return line.value(u"fingerprint"_s).toString();
            }
        }
        return {};
    }
};

void tst_CliTls::untrustedCertificateFailsWithExitCode4AndItsFingerprint()
{
    ProsodyFixture server(ProsodyFixture::Options { .untrustedCa = true });
    const auto error = server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    CliRunner cli(server);
    const CliResult r = CliRunner::run(cli.connectionArgs(u"alice"_s) << u"--json"_s << u"login"_s);
    QCOMPARE(r.exitCode, 4);
    const QString fingerprint = fingerprintFrom(r);
    QVERIFY2(QRegularExpression(u"^([0-9A-F]{2}:){31}[0-9A-F]{2}$"_s).match(fingerprint).hasMatch(), qPrintable(r.out));
    QVERIFY2(r.err.contains(fingerprint) && r.err.contains(u"--pin"_s), qPrintable(r.err));
    // The fingerprint is the server's real certificate, as openssl sees it.
    QProcess openssl;
    openssl.start(u"openssl"_s,
        { u"x509"_s, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s, u"-in"_s,
            server.directory() + u"/tls/server.crt"_s });
    QVERIFY(openssl.waitForFinished());
    QVERIFY2(QString::fromLatin1(openssl.readAllStandardOutput()).contains(fingerprint),
        "fingerprint differs from openssl's");

    // Pinning it lets the same user in; the CA file is not needed for that.
    QStringList args = cli.connectionArgs(u"alice"_s);
    args << u"--pin"_s << QString(fingerprint).remove(u':').toLower() << u"login"_s;
    const CliResult pinned = CliRunner::run(args);
    QCOMPARE(pinned.exitCode, 0);
    QCOMPARE(pinned.out.trimmed().section(u'/', 0, 0), u"alice@example.test"_s);
}

void tst_CliTls::wrongPinIsStillRefused()
{
    ProsodyFixture server(ProsodyFixture::Options { .untrustedCa = true });
    QVERIFY(!server.start());
    CliRunner cli(server);
    const CliResult r = CliRunner::run(cli.connectionArgs(u"alice"_s) << u"--pin"_s << QString(64, u'a') << u"login"_s);
    QCOMPARE(r.exitCode, 4);
}

void tst_CliTls::systemStoreAloneRefusesTheTestCa()
{
    ProsodyFixture server;
    QVERIFY(!server.start());
    CliRunner cli(server);
    QStringList args = cli.connectionArgs(u"alice"_s);
    const qsizetype ca = args.indexOf(u"--ca-file"_s);
    args.remove(ca, 2);
    QCOMPARE(CliRunner::run(args << u"login"_s).exitCode, 4);
    // The same server with its CA trusted: fine.
    QCOMPARE(CliRunner::run(cli.connectionArgs(u"alice"_s) << u"login"_s).exitCode, 0);
}

void tst_CliTls::directTlsLogsIn()
{
    ProsodyFixture server(ProsodyFixture::Options { .directTls = true });
    const auto error = server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    CliRunner cli(server);
    QStringList args = cli.connectionArgs(u"bob"_s, u"direct"_s);
    args[args.indexOf(u"--port"_s) + 1] = QString::number(server.directTlsPort());
    const CliResult r = CliRunner::run(args << u"--tls"_s << u"direct"_s << u"login"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), u"bob@example.test/direct"_s);
}

void tst_CliTls::serverWithoutTlsIsRefusedByDefault()
{
    ProsodyFixture server(ProsodyFixture::Options { .plaintext = true });
    const auto error = server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    CliRunner cli(server);
    const CliResult r = CliRunner::run(cli.connectionArgs(u"alice"_s) << u"login"_s);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(u"does not offer an encrypted connection"_s), qPrintable(r.err));
    // Nothing secret went over the wire: the server never saw an authentication attempt.
    QVERIFY2(!server.logText().contains(u"Authenticated as"_s), "credentials must not be sent without TLS");
}

void tst_CliTls::insecurePlaintextOnLoopbackNeverUsesPlain()
{
    ProsodyFixture server(ProsodyFixture::Options { .plaintext = true });
    QVERIFY(!server.start());
    CliRunner cli(server);
    const CliResult r = CliRunner::run(
        cli.connectionArgs(u"alice"_s) << u"--tls"_s << u"insecure-plaintext"_s << u"--json"_s << u"login"_s);
    QCOMPARE(r.exitCode, 0);
    // The server offers PLAIN without TLS (allow_unencrypted_plain_auth); we must pick SCRAM.
    QCOMPARE(r.jsonLines().first().value(u"mechanism"_s).toString(), u"SCRAM-SHA-1"_s);
}

QTEST_GUILESS_MAIN(tst_CliTls)
#include "tst_CliTls.moc"
