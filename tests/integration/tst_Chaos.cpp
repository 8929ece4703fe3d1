// SPDX-License-Identifier: Apache-2.0
// Issue 7, the chaos proxy: alice and bob (two AccountSessions, each with its own history) talk through one
// TcpProxy to the real Prosody while the proxy cuts every connection at random moments — between messages, in
// the middle of a burst, while bytes are in flight. Afterwards each history holds every message the other side
// sent exactly once (XEP-0198 resends with the same origin-id, the outbox covers what a new session must resend,
// MAM fills gaps, storage dedupes) and each side's own messages once, none failed. A silent stall is noticed by
// the keepalive ping within the configured interval and the session recovers.
//
// CONFAB_CHAOS_MESSAGES (per direction, default 150) and CONFAB_CHAOS_CUTS (default 8) set the counts; the
// full run (10,000 messages, 100 cuts) is tests/bench/bench_chaos.cpp's job.
#include "client/Client.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/SessionTestSupport.h"
#include "testlib/TcpProxy.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

/// Body -> how many rows hold it, for one direction of one conversation of a history.
QHash<QString, int> bodies(MessageStore *store, const Jid &conversation, bool outgoing, int *failed = nullptr)
{
    QHash<QString, int> counts;
    for (const StoredMessage &m : await(store->page(conversation, 0, 1'000'000))) {
        if (m.isOutgoing() != outgoing) {
            continue;
        }
        ++counts[m.body];
        if (failed && m.state == StoredMessage::State::Failed) {
            ++*failed;
        }
    }
    return counts;
}

} // namespace

class tst_Chaos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void randomCutsLoseAndDuplicateNothing();
    void silentStallIsDetectedByPingAndRecovered();

private:
    bool signInBoth();

    ProsodyFixture m_server { ProsodyFixture::Options { .mam = true, .accounts = { u"alice"_s, u"bob"_s } } };
    std::unique_ptr<TcpProxy> m_proxy;
    QTemporaryDir m_aliceDir;
    QTemporaryDir m_bobDir;
    std::unique_ptr<AccountSession> m_alice;
    std::unique_ptr<AccountSession> m_bob;
};

void tst_Chaos::initTestCase()
{
    // Every cut logs a few lines per account; keep the output to the figures and failures.
    QLoggingCategory::setFilterRules(u"confab.*.info=false"_s);
    const auto error = m_server.start();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
}

void tst_Chaos::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "server log:\n" << m_server.logText().right(4000);
    }
    m_alice.reset();
    m_bob.reset();
    m_proxy.reset();
}

bool tst_Chaos::signInBoth()
{
    m_proxy = std::make_unique<TcpProxy>(m_server.host(), m_server.c2sPort());
    if (!m_proxy->listen()) {
        return false;
    }
    m_alice = std::make_unique<AccountSession>(m_aliceDir.path());
    m_bob = std::make_unique<AccountSession>(m_bobDir.path());
    if (!await(m_alice->open()).isEmpty() || !await(m_bob->open()).isEmpty()) {
        return false;
    }
    m_alice->signIn(settingsFor(m_server, u"alice"_s, u"chaos"_s, m_proxy->port()));
    m_bob->signIn(settingsFor(m_server, u"bob"_s, u"chaos"_s, m_proxy->port()));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && !(m_alice->client().isConnected() && m_bob->client().isConnected())) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!m_alice->client().isConnected() || !m_bob->client().isConnected()) {
        return false;
    }
    // RFC 6121 §4.2: initial presence, so messages to the bare JID reach the session (and not offline storage).
    await(m_alice->presence()->setPresence(Presence::Show::Online));
    await(m_bob->presence()->setPresence(Presence::Show::Online));
    return true;
}

void tst_Chaos::randomCutsLoseAndDuplicateNothing()
{
    const int perDirection = envInt("CONFAB_CHAOS_MESSAGES", 150);
    const int cuts = envInt("CONFAB_CHAOS_CUTS", 8);
    QVERIFY(signInBoth());
    const Jid alice = m_alice->client().jid().bare();
    const Jid bob = m_bob->client().jid().bare();

    // The cuts fall at random message numbers (and so at random protocol moments: mid-burst, mid-ack).
    QList<int> cutAt;
    for (int i = 0; i < cuts; ++i) {
        // Message numbers 1..perDirection-1: the loop below runs i = 0..perDirection-1, so every cut happens.
        cutAt.append(1 + int(QRandomGenerator::global()->bounded(perDirection - 1)));
    }
    std::sort(cutAt.begin(), cutAt.end());
    int cutsDone = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < perDirection; ++i) {
        // Both send; the futures resolve once the message is in the sender's history (Pending).
        QVERIFY(waitFor(m_alice->chats()->send(bob, u"a→b %1"_s.arg(i))));
        QVERIFY(waitFor(m_bob->chats()->send(alice, u"b→a %1"_s.arg(i))));
        while (cutsDone < cutAt.size() && cutAt[cutsDone] == i) {
            m_proxy->cutAll();
            ++cutsDone;
        }
        if (i % 10 == 9) {
            // Let the event loop run (reconnects, acks) without waiting for anything in particular.
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
    }
    // Everything arrives, once: poll the histories until both are complete (bounded).
    MessageStore *aliceDb = m_alice->messages();
    MessageStore *bobDb = m_bob->messages();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 60000
        && (bodies(bobDb, alice, false).size() < perDirection || bodies(aliceDb, bob, false).size() < perDirection)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    }
    // A last round trip after the dust settled: nothing more is on its way.
    if (waitFor(m_alice->chats()->send(bob, u"last"_s))) {
        QElapsedTimer last;
        last.start();
        while (last.elapsed() < 20000 && !bodies(bobDb, alice, false).contains(u"last"_s)) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        }
    }

    int lost = 0;
    int duplicated = 0;
    int failed = 0;
    for (const auto &[path, prefix, outgoing] :
        { std::tuple { bobDb, u"a→b "_s, false }, std::tuple { aliceDb, u"b→a "_s, false },
            std::tuple { aliceDb, u"a→b "_s, true }, std::tuple { bobDb, u"b→a "_s, true } }) {
        const QHash<QString, int> counts = bodies(path, path == aliceDb ? bob : alice, outgoing, &failed);
        for (int i = 0; i < perDirection; ++i) {
            const int n = counts.value(prefix + QString::number(i));
            lost += n == 0 ? 1 : 0;
            duplicated += n > 1 ? n - 1 : 0;
        }
    }
    qInfo("chaos: %d messages exchanged (%d each way), %d cuts survived, %d lost, %d duplicated, %d failed, %lld ms",
        2 * perDirection, perDirection, cutsDone, lost, duplicated, failed, timer.elapsed());
    QCOMPARE(cutsDone, cuts);
    QVERIFY2(bodies(bobDb, alice, false).contains(u"last"_s), "the last message after the cuts did not arrive");
    QCOMPARE(lost, 0);
    QCOMPARE(duplicated, 0);
    QCOMPARE(failed, 0);
}

void tst_Chaos::silentStallIsDetectedByPingAndRecovered()
{
    QVERIFY(signInBoth());
    constexpr auto Interval = std::chrono::milliseconds(1000);
    m_alice->client().setKeepAliveInterval(Interval);
    QSignalSpy lost(&m_alice->client(), &Client::connectionLost);
    QSignalSpy connected(&m_alice->client(), &Client::connected);
    QElapsedTimer timer;
    timer.start();
    m_proxy->setStalled(true); // no RST, no FIN: only a ping can tell
    QVERIFY(lost.wait(10000));
    const qint64 detectedAfter = timer.elapsed();
    // Idle interval plus half of it for the answer, with room for a loaded machine.
    QVERIFY2(detectedAfter <= 3 * Interval.count(), qPrintable(u"noticed after %1 ms"_s.arg(detectedAfter)));
    m_proxy->setStalled(false);
    QVERIFY(connected.wait(20000));
    const Jid alice = m_alice->client().jid().bare();
    QVERIFY(waitFor(m_bob->chats()->send(alice, u"after the stall"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(
        bodies(m_alice->messages(), m_bob->client().jid().bare(), false).contains(u"after the stall"_s), 20000);
    qInfo("stall noticed after %lld ms (keepalive interval %lld ms)", detectedAfter, qint64(Interval.count()));
}

QTEST_GUILESS_MAIN(tst_Chaos)
#include "tst_Chaos.moc"
