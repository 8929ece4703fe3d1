// SPDX-License-Identifier: Apache-2.0
// confab-cli against a real Prosody (tests/testlib/prosody-fixture): what a user or an IT script sees.
#include "CliRunner.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab::test;

class tst_CliSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void loginPrintsTheBoundFullJid();
    void loginUsesTheStrongestScramTheServerOffers();
    void wrongPasswordFailsWithExitCode3WithinSeconds();
    void registerCreatesAnAccountThatCanLogIn();
    void registerRefusesAnExistingAccount();
    void messageTextSurvivesTheRoundTrip_data();
    void messageTextSurvivesTheRoundTrip();
    void twoResourcesEachReceiveWhatIsSentToTheirFullJid();
    void offlineMessageArrivesAtLogin();
    void pingReportsMilliseconds();
    void connectionRefusedFailsWithExitCode5();
    void unresolvableDomainFailsWithExitCode5();
    void usageErrorsExitWith2();

private:
    ProsodyFixture m_server;
    std::unique_ptr<CliRunner> m_cli;
};

void tst_CliSession::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    m_cli = std::make_unique<CliRunner>(m_server);
}

void tst_CliSession::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(4000);
    }
}

void tst_CliSession::loginPrintsTheBoundFullJid()
{
    const CliResult r = CliRunner::run(m_cli->connectionArgs(u"alice"_s, u"laptop"_s) << u"login"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), u"alice@example.test/laptop"_s);
}

void tst_CliSession::loginUsesTheStrongestScramTheServerOffers()
{
    // Prosody 0.12 offers SCRAM-SHA-1 and PLAIN over TLS (NOTES-servers.md): SCRAM must win over PLAIN.
    const CliResult r = CliRunner::run(m_cli->connectionArgs(u"bob"_s) << u"--json"_s << u"login"_s);
    QCOMPARE(r.exitCode, 0);
    const auto lines = r.jsonLines();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(u"mechanism"_s).toString(), u"SCRAM-SHA-1"_s);
    QVERIFY(lines.first().value(u"jid"_s).toString().startsWith(u"bob@example.test/"_s));
}

void tst_CliSession::wrongPasswordFailsWithExitCode3WithinSeconds()
{
    QElapsedTimer timer;
    timer.start();
    const CliResult r
        = CliRunner::run(m_cli->connectionArgs(u"alice"_s, {}, u"not-the-password"_s) << u"--json"_s << u"login"_s);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"Wrong user name or password"_s), qPrintable(r.err));
    QCOMPARE(r.jsonLines().last().value(u"condition"_s).toString(), u"not-authorized"_s);
    QVERIFY2(timer.elapsed() < 10000, "a wrong password must be reported promptly, not after a timeout");
}

void tst_CliSession::registerCreatesAnAccountThatCanLogIn()
{
    const QString password = u"Carol's new pässword 1"_s;
    CliResult r = CliRunner::run(m_cli->connectionArgs(u"carol"_s, {}, password) << u"register"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"carol@example.test"_s), qPrintable(r.out));
    r = CliRunner::run(m_cli->connectionArgs(u"carol"_s, u"desk"_s, password) << u"login"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), u"carol@example.test/desk"_s);
    r = CliRunner::run(m_cli->connectionArgs(u"carol"_s, {}, u"wrong"_s) << u"login"_s);
    QCOMPARE(r.exitCode, 3);
}

void tst_CliSession::registerRefusesAnExistingAccount()
{
    const CliResult r = CliRunner::run(m_cli->connectionArgs(u"alice"_s, {}, u"whatever-else"_s) << u"register"_s);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"already exists"_s), qPrintable(r.err));
    // ... and the existing account still has its own password.
    QCOMPARE(CliRunner::run(m_cli->connectionArgs(u"alice"_s) << u"login"_s).exitCode, 0);
}

void tst_CliSession::messageTextSurvivesTheRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("chinese") << u"你好，世界！今天天气很好。"_s;
    QTest::newRow("emoji") << u"party 🎉🦊 👩‍👩‍👧 done"_s;
    QTest::newRow("markup") << u"<b>bold</b> & \"quotes\" 'single' <&>\"'"_s;
    QTest::newRow("multiline") << u"line one\nline two\ttabbed"_s;
}

void tst_CliSession::messageTextSurvivesTheRoundTrip()
{
    QFETCH(QString, text);
    auto listener = CliRunner::startListener(m_cli->connectionArgs(u"bob"_s, u"phone"_s)
        << u"--json"_s << u"--timeout"_s << u"30"_s << u"listen"_s << u"--count"_s << u"1"_s);
    QVERIFY(listener->state() == QProcess::Running);

    const CliResult sent = CliRunner::run(
        m_cli->connectionArgs(u"alice"_s, u"laptop"_s) << u"--json"_s << u"send"_s << u"bob@example.test"_s << text);
    QCOMPARE(sent.exitCode, 0);
    const QString id = sent.jsonLines().first().value(u"sent"_s).toString();
    QVERIFY(!id.isEmpty());

    QVERIFY(listener->waitForFinished(30000));
    QCOMPARE(listener->exitCode(), 0);
    const QString out = QString::fromUtf8(listener->readAllStandardOutput());
    const QJsonObject message = QJsonDocument::fromJson(out.split(u'\n', Qt::SkipEmptyParts).first().toUtf8()).object();
    QCOMPARE(message.value(u"body"_s).toString(), text);
    QCOMPARE(message.value(u"from"_s).toString(), u"alice@example.test/laptop"_s);
    QCOMPARE(message.value(u"id"_s).toString(), id);
    QCOMPARE(message.value(u"type"_s).toString(), u"chat"_s);
    QVERIFY(!message.value(u"timestamp"_s).toString().isEmpty());
}

void tst_CliSession::twoResourcesEachReceiveWhatIsSentToTheirFullJid()
{
    auto one = CliRunner::startListener(
        m_cli->connectionArgs(u"alice"_s, u"one"_s) << u"--json"_s << u"listen"_s << u"--count"_s << u"1"_s);
    auto two = CliRunner::startListener(
        m_cli->connectionArgs(u"alice"_s, u"two"_s) << u"--json"_s << u"listen"_s << u"--count"_s << u"1"_s);
    QVERIFY(one->state() == QProcess::Running && two->state() == QProcess::Running);

    QCOMPARE(CliRunner::run(m_cli->connectionArgs(u"bob"_s) << u"send"_s << u"alice@example.test/two"_s << u"for two"_s)
                 .exitCode,
        0);
    QCOMPARE(CliRunner::run(m_cli->connectionArgs(u"bob"_s) << u"send"_s << u"alice@example.test/one"_s << u"for one"_s)
                 .exitCode,
        0);

    QVERIFY(one->waitForFinished(30000));
    QVERIFY(two->waitForFinished(30000));
    const QJsonObject atOne = QJsonDocument::fromJson(one->readAllStandardOutput().trimmed()).object();
    const QJsonObject atTwo = QJsonDocument::fromJson(two->readAllStandardOutput().trimmed()).object();
    QCOMPARE(atOne.value(u"body"_s).toString(), u"for one"_s);
    QCOMPARE(atOne.value(u"to"_s).toString(), u"alice@example.test/one"_s);
    QCOMPARE(atTwo.value(u"body"_s).toString(), u"for two"_s);
    QCOMPARE(atTwo.value(u"to"_s).toString(), u"alice@example.test/two"_s);
}

void tst_CliSession::offlineMessageArrivesAtLogin()
{
    // Nobody of dave is online: the server stores the message (XEP-0160) and delivers it with a delay stamp.
    QVERIFY(!m_server.registerAccount(u"dave"_s, m_server.password(u"dave"_s)));
    QCOMPARE(CliRunner::run(
                 m_cli->connectionArgs(u"alice"_s) << u"send"_s << u"dave@example.test"_s << u"while you were out"_s)
                 .exitCode,
        0);
    const CliResult r
        = CliRunner::run(m_cli->connectionArgs(u"dave"_s) << u"--json"_s << u"listen"_s << u"--count"_s << u"1"_s);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.jsonLines().first().value(u"body"_s).toString(), u"while you were out"_s);
}

void tst_CliSession::pingReportsMilliseconds()
{
    const CliResult r = CliRunner::run(m_cli->connectionArgs(u"alice"_s) << u"ping"_s);
    QCOMPARE(r.exitCode, 0);
    bool ok = false;
    const double ms = r.out.trimmed().toDouble(&ok);
    QVERIFY2(ok && ms >= 0, qPrintable(r.out));
}

void tst_CliSession::connectionRefusedFailsWithExitCode5()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close(); // nothing listens there now
    QStringList args = m_cli->connectionArgs(u"alice"_s);
    args[args.indexOf(u"--port"_s) + 1] = QString::number(closedPort);
    const CliResult r = CliRunner::run(args << u"login"_s);
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.err.contains(u"Could not connect"_s), qPrintable(r.err));
}

void tst_CliSession::unresolvableDomainFailsWithExitCode5()
{
    // RFC 6761: .invalid never resolves. No --host: the client must try DNS SRV, then the domain itself.
    QStringList args = m_cli->connectionArgs(u"alice"_s);
    args[args.indexOf(u"--jid"_s) + 1] = u"someone@nowhere.invalid"_s;
    args.remove(args.indexOf(u"--host"_s), 4); // --host H --port P
    const CliResult r = CliRunner::run(args << u"--timeout"_s << u"20"_s << u"login"_s, 60000);
    QVERIFY2(r.exitCode == 5, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
}

void tst_CliSession::usageErrorsExitWith2()
{
    QCOMPARE(CliRunner::run({ u"login"_s }).exitCode, 2); // no --jid
    QCOMPARE(CliRunner::run({ u"--jid"_s, u"a@b"_s, u"fly"_s }).exitCode, 2); // unknown command
    QCOMPARE(CliRunner::run({ u"--jid"_s, u"not a jid@@"_s, u"login"_s }).exitCode, 2); // invalid JID
    QCOMPARE(CliRunner::run({ u"--jid"_s, u"a@b"_s, u"--tls"_s, u"maybe"_s, u"login"_s }).exitCode, 2);
    QCOMPARE(CliRunner::run({ u"--jid"_s, u"a@b"_s, u"--pin"_s, u"12:34"_s, u"login"_s }).exitCode, 2);
    QCOMPARE(CliRunner::run({ u"--jid"_s, u"a@b"_s, u"send"_s, u"only-one-arg"_s }).exitCode, 2);
    const CliResult version = CliRunner::run({ u"--version"_s });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(u"confab-cli "_s));
}

QTEST_GUILESS_MAIN(tst_CliSession)
#include "tst_CliSession.moc"
