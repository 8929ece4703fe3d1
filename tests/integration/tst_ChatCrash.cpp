// SPDX-License-Identifier: Apache-2.0
// Nothing is lost when the client dies (issue 4): a `confab-cli listen` process storing a 1,000-message burst
// is killed with SIGKILL in the middle of it, the rest of the burst goes on while it is dead, and a new
// `listen` on the same data directory catches up (XEP-0313 archive, XEP-0160 offline, whatever the server still
// routes live); then the history holds every one of the 1,000 messages, each exactly once.
#include "base/Namespaces.h"
#include "client/Client.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

constexpr int BurstSize = 1000;
constexpr int Chunk = 50;
/// The listener is killed once it has stored (and printed) this many: well inside the burst.
constexpr int KillAfter = 150;

} // namespace

class tst_ChatCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void sigkillDuringABurstLosesNothing();

private:
    std::unique_ptr<QProcess> startListener(int *printed, QString *errText);

    ProsodyFixture m_server { ProsodyFixture::Options { .mam = true, .accounts = { u"alice"_s, u"bob"_s } } };
    QTemporaryDir m_dataDir;
    QTemporaryFile m_password;
};

void tst_ChatCrash::initTestCase()
{
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QVERIFY(m_dataDir.isValid());
    QVERIFY(m_password.open());
    m_password.write(m_server.password(u"bob"_s).toUtf8() + "\n");
    m_password.flush();
}

void tst_ChatCrash::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(6000);
    }
}

/// `confab-cli listen` as bob (always the same resource and data directory), counting the messages it printed
/// (it prints a live message once it is stored) and collecting its stderr. Returns once it says it is listening.
std::unique_ptr<QProcess> tst_ChatCrash::startListener(int *printed, QString *errText)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CONFAB_DATA_DIR"_s, m_dataDir.path());
    process->setProcessEnvironment(env);
    QProcess *raw = process.get();
    connect(raw, &QProcess::readyReadStandardOutput, raw,
        [raw, printed] { *printed += int(raw->readAllStandardOutput().count('\n')); });
    connect(raw, &QProcess::readyReadStandardError, raw,
        [raw, errText] { *errText += QString::fromUtf8(raw->readAllStandardError()); });
    process->start(QStringLiteral(CONFAB_CLI_PATH),
        { u"--jid"_s, m_server.jid(u"bob"_s) + u"/listener"_s, u"--password-file"_s, m_password.fileName(), u"--host"_s,
            m_server.host(), u"--port"_s, QString::number(m_server.c2sPort()), u"--ca-file"_s, m_server.caFile(),
            u"--json"_s, u"--timeout"_s, u"300"_s, u"listen"_s });
    if (!QTest::qWaitFor(
            [&] { return errText->contains(u"listening as"_s) || raw->state() == QProcess::NotRunning; }, 30000)
        || !errText->contains(u"listening as"_s)) {
        qWarning().noquote() << "listener:" << *errText;
        process->kill();
        process->waitForFinished();
        return nullptr;
    }
    return process;
}

void tst_ChatCrash::sigkillDuringABurstLosesNothing()
{
    int printed = 0;
    QString errText;
    std::unique_ptr<QProcess> listener = startListener(&printed, &errText);
    QVERIFY(listener);

    Client alice;
    alice.setAutoReconnect(false);
    alice.connectToServer(settingsFor(m_server, u"alice"_s, u"burst"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.isConnected(), 20000);

    // The burst, in chunks paced by the listener's progress (not by the clock) so that the kill lands in the
    // middle of it: some messages stored, some on the wire or in the listener's buffers, most still unsent.
    const Jid bob = Jid::fromString(m_server.jid(u"bob"_s));
    QList<QFuture<SendResult>> acks;
    int printedAtKill = -1;
    for (int i = 0; i < BurstSize; ++i) {
        XmlElement message(u"message"_s, ns::Client.toString());
        message.setAttribute(u"to"_s, bob.toString());
        message.setAttribute(u"type"_s, u"chat"_s);
        message.setAttribute(u"id"_s, u"burst-%1"_s.arg(i));
        message.appendTextChild(u"body"_s, u"burst message %1"_s.arg(i), ns::Client.toString());
        message.appendChild(XmlElement(u"request"_s, u"urn:xmpp:receipts"_s));
        acks.append(alice.send(message));
        if ((i + 1) % Chunk != 0 || printedAtKill >= 0) {
            continue;
        }
        const int sent = i + 1;
        QVERIFY2(QTest::qWaitFor([&] { return printed >= std::min(sent - 2 * Chunk, KillAfter); }, 30000),
            qPrintable(u"the listener printed only %1 of %2"_s.arg(printed).arg(sent)));
        if (printed >= KillAfter) {
            printedAtKill = printed;
            ::kill(pid_t(listener->processId()), SIGKILL);
            QVERIFY(listener->waitForFinished(10000));
            QCOMPARE(listener->exitStatus(), QProcess::CrashExit);
        }
    }
    QVERIFY2(printedAtKill >= KillAfter && printedAtKill < BurstSize / 2,
        qPrintable(u"killed after %1 messages"_s.arg(printedAtKill)));
    // The server took all of them (XEP-0198 acks): they are in bob's archive, queued for the dead session, or
    // offline.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(acks.cbegin(), acks.cend(), [](const auto &f) { return f.isFinished(); }), 60000);
    for (const QFuture<SendResult> &ack : std::as_const(acks)) {
        QVERIFY(!std::holds_alternative<XmppError>(ack.result()));
    }

    // A new listener on the same history catches up.
    int printedAfter = 0;
    errText.clear();
    listener = startListener(&printedAfter, &errText);
    QVERIFY(listener);
    MessageStore history(m_dataDir.path() + u'/' + bob.bareString() + u"/messages.sqlite"_s);
    QCOMPARE(await(history.open()), QString());
    const Jid conversation = Jid::fromString(m_server.jid(u"alice"_s));
    QTRY_VERIFY_WITH_TIMEOUT(errText.contains(u"archive catch-up:"_s), 90000);
    QTRY_COMPARE_WITH_TIMEOUT(await(history.count(conversation)), qint64(BurstSize), 90000);
    listener->kill();
    listener->waitForFinished();
    qInfo().noquote() << "killed after" << printedAtKill << "stored messages; the new listener printed" << printedAfter
                      << "live and said:" << errText.trimmed();

    // Exactly once each, and nothing else.
    const QList<StoredMessage> stored = await(history.page(conversation, 0, 2 * BurstSize));
    QCOMPARE(stored.size(), BurstSize);
    QSet<QString> bodies;
    for (const StoredMessage &message : stored) {
        QVERIFY(message.body.startsWith(u"burst message "_s));
        QCOMPARE(message.direction, StoredMessage::Direction::Incoming);
        bodies.insert(message.body);
    }
    QCOMPARE(bodies.size(), BurstSize);
    QCOMPARE(await(history.count()), qint64(BurstSize));
}

QTEST_GUILESS_MAIN(tst_ChatCrash)
#include "tst_ChatCrash.moc"
