// SPDX-License-Identifier: Apache-2.0
// Issue 7, secrets: after a whole session — login, send, listen (which stores history) — with every confab
// logging category at debug level written to a log file, neither the password nor any SASL payload is found in
// the data directory, the configuration/cache directories or the logs. The server runs without TLS and the
// client uses insecure-plaintext on loopback, so a recording TcpProxy in between learns the exact SASL payloads
// (auth, challenge, response, success) that were exchanged; the client still picks SCRAM, so the proof and the
// server signature — enough for an offline dictionary attack on the password — are among what must not leak.
#include "testlib/ProsodyFixture.h"
#include "testlib/TcpProxy.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace confab::test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The base64 text of every <name xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>…</name> in `wire`.
QList<QByteArray> saslPayloads(const QByteArray &wire, const QString &name)
{
    QList<QByteArray> payloads;
    const QRegularExpression re(u"<%1\\b[^>]*xmpp-sasl[^>]*>([^<]+)</%1>"_s.arg(name));
    for (auto it = re.globalMatch(QString::fromLatin1(wire)); it.hasNext();) {
        payloads.append(it.next().captured(1).toLatin1());
    }
    return payloads;
}

/// The value of `key=` in a decoded SCRAM message.
QByteArray scramAttribute(const QByteArray &message, const QByteArray &key)
{
    for (const QByteArray &part : message.split(',')) {
        if (part.startsWith(QByteArray(key + '='))) {
            return part.mid(key.size() + 1);
        }
    }
    return {};
}

} // namespace

class tst_Secrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sessionLeavesNoPasswordOrSaslPayloadOnDisk();

private:
    /// Runs confab-cli as `user` through the proxy; stderr (the log) appends to the log file.
    QProcess *startCli(const QString &user, const QStringList &command);

    ProsodyFixture m_server { ProsodyFixture::Options { .plaintext = true, .accounts = { u"alice"_s, u"bob"_s } } };
    std::unique_ptr<TcpProxy> m_proxy;
    QTemporaryDir m_home; // HOME, XDG config/cache/data and CONFAB_DATA_DIR all live here
    QTemporaryDir m_secrets; // the password files: outside what is searched
    QStringList m_logs;
};

void tst_Secrets::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    m_proxy = std::make_unique<TcpProxy>(m_server.host(), m_server.c2sPort());
    QVERIFY(m_proxy->listen());
    m_proxy->setRecording(true);
    QVERIFY(m_home.isValid());
    QVERIFY(m_secrets.isValid());
}

QProcess *tst_Secrets::startCli(const QString &user, const QStringList &command)
{
    const QString passwordFile = m_secrets.filePath(user + u".pw"_s);
    QFile file(passwordFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(m_server.password(user).toUtf8() + '\n');
    }
    file.close();
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"share"_s));
    env.insert(u"CONFAB_DATA_DIR"_s, m_home.filePath(u"data"_s));
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    process->setProcessEnvironment(env);
    const QString log = m_home.filePath(u"logs/%1-%2.log"_s.arg(user).arg(m_logs.size()));
    QDir().mkpath(QFileInfo(log).absolutePath());
    m_logs.append(log);
    process->setStandardErrorFile(log);
    process->setStandardOutputFile(log + u".out"_s);
    process->start(QStringLiteral(CONFAB_CLI_PATH),
        QStringList { u"--jid"_s, m_server.jid(user), u"--password-file"_s, passwordFile, u"--host"_s, m_server.host(),
            u"--port"_s, QString::number(m_proxy->port()), u"--tls"_s, u"insecure-plaintext"_s }
            + command);
    return process;
}

void tst_Secrets::sessionLeavesNoPasswordOrSaslPayloadOnDisk()
{
    // The proxy runs in this event loop: wait for the processes with QTRY, never with waitForFinished.
    QProcess *login = startCli(u"alice"_s, { u"login"_s });
    QTRY_COMPARE_WITH_TIMEOUT(login->state(), QProcess::NotRunning, 30000);
    QVERIFY2(login->exitCode() == 0, readAll(m_logs.last()).right(3000).constData());

    QProcess *listener = startCli(u"bob"_s, { u"listen"_s, u"--count"_s, u"1"_s });
    QTRY_VERIFY_WITH_TIMEOUT(readAll(m_logs.last()).contains("listening as"), 30000);
    QProcess *send = startCli(u"alice"_s, { u"send"_s, m_server.jid(u"bob"_s), u"nothing secret here"_s });
    QTRY_COMPARE_WITH_TIMEOUT(send->state(), QProcess::NotRunning, 30000);
    QVERIFY2(send->exitCode() == 0, readAll(m_logs.last()).right(3000).constData());
    QTRY_COMPARE_WITH_TIMEOUT(listener->state(), QProcess::NotRunning, 30000);
    QVERIFY2(listener->exitCode() == 0, readAll(m_logs.at(1)).right(3000).constData());

    // What was on the wire: three SCRAM exchanges.
    const QByteArray toServer = m_proxy->recordedToServer();
    const QByteArray toClient = m_proxy->recordedToClient();
    QList<QByteArray> payloads = saslPayloads(toServer, u"auth"_s) + saslPayloads(toServer, u"response"_s)
        + saslPayloads(toClient, u"challenge"_s) + saslPayloads(toClient, u"success"_s);
    QVERIFY2(toServer.contains("SCRAM-SHA-1"), toServer.left(2000).constData());
    QList<QByteArray> needles;
    for (const QByteArray &payload : std::as_const(payloads)) {
        needles.append(payload);
        const QByteArray decoded = QByteArray::fromBase64(payload);
        for (const QByteArray &key : { "p"_ba, "v"_ba }) { // the client proof, the server signature
            if (const QByteArray value = scramAttribute(decoded, key); !value.isEmpty()) {
                needles.append(value);
                needles.append(QByteArray::fromBase64(value).toHex());
            }
        }
    }
    QCOMPARE(payloads.size(), 12); // auth, challenge, response, success for each of the three sessions
    QCOMPARE(needles.size(), 12 + 6 * 2); // and 3 proofs and 3 server signatures, in base64 and in hex
    for (const QString &user : { u"alice"_s, u"bob"_s }) {
        const QByteArray password = m_server.password(user).toUtf8();
        needles.append(password);
        needles.append(password.toBase64());
        needles.append(QByteArray(reinterpret_cast<const char *>(QString::fromUtf8(password).utf16()),
            password.size() * 2)); // UTF-16, as a QString dump would hold it
    }

    // The session did leave things behind: the history and debug logs with the XML that was exchanged.
    QStringList files;
    for (QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        files.append(it.next());
    }
    QVERIFY2(std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return f.endsWith(u"messages.sqlite"); }),
        qPrintable(files.join(u'\n')));
    QByteArray logs;
    for (const QString &log : std::as_const(m_logs)) {
        logs += readAll(log);
    }
    QVERIFY2(logs.contains("nothing secret here"), "the debug log does not show the stanzas: logging was not on");
    QVERIFY2(
        logs.contains("<challenge") || logs.contains("<success") || logs.contains("urn:ietf:params:xml:ns:xmpp-sasl"),
        "the debug log shows no SASL negotiation at all");

    int found = 0;
    for (const QString &path : std::as_const(files)) {
        const QByteArray content = readAll(path);
        for (const QByteArray &needle : std::as_const(needles)) {
            if (content.contains(needle)) {
                qWarning("%s contains %s", qPrintable(path), needle.constData());
                ++found;
            }
        }
    }
    qInfo("searched %lld files (%lld bytes of logs) for %lld secrets", qsizetype(files.size()), logs.size(),
        needles.size());
    QCOMPARE(found, 0);
}

QTEST_GUILESS_MAIN(tst_Secrets)
#include "tst_Secrets.moc"
