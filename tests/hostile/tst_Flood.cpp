// SPDX-License-Identifier: Apache-2.0
// Issue 7, Flood: a whole AccountSession (every manager, the stores, the roster model) signed in to a scripted
// server that sends 100,000 presences and then 10,000 messages in one burst. The event loop must keep turning
// (a 10 ms heartbeat timer records the longest gap between its ticks: at most 100 ms of the loop thread's CPU
// time; the wall-clock gap is printed too) and memory must stay
// bounded (peak RSS growth during the burst), and every message must still arrive.
//
// The server runs in this process too: its side costs (writing the burst to the socket) are part of what the
// heartbeat sees, so the measured stall is an upper bound for the client's own. The memory baseline is taken
// after the whole burst sits in the server's socket buffer, so that buffer is not counted as the client's.
#include "HostileSupport.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test::hostile;
using confab::test::ScriptedServer;

namespace {

constexpr int Presences = 100000;
constexpr int Contacts = 5000;
constexpr int Messages = 10000;
constexpr qint64 MaxStallMs = 100;
constexpr qint64 MaxGrowthKiB = 128 * 1024; // the burst itself is 16 MB

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return future.result();
}

/// A field of /proc/self/status in KiB (VmRSS, VmHWM).
qint64 statusKiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':'))) {
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

/// Resets VmHWM to the current RSS (Linux, proc(5) clear_refs "5").
bool resetPeakRss()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

/// This thread's CPU time in milliseconds.
qint64 threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

/// Records the longest gap between the ticks of a 10 ms timer: in wall-clock time, and in the CPU time this
/// (the event loop's) thread spent in between. The CPU figure is the work one turn of the loop did; the wall
/// figure adds whatever the machine's other load took from us (./test runs tests in parallel on two cores).
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestWall = std::max(m_longestWall, m_clock.restart());
            const qint64 cpu = threadCpuMs();
            m_longestCpu = std::max(m_longestCpu, cpu - m_lastCpu);
            m_lastCpu = cpu;
            ++m_ticks;
        });
    }
    void start()
    {
        m_longestWall = 0;
        m_longestCpu = 0;
        m_ticks = 0;
        m_lastCpu = threadCpuMs();
        m_clock.start();
        m_timer.start();
    }
    qint64 longestWallGapMs() const { return m_longestWall; }
    qint64 longestCpuGapMs() const { return m_longestCpu; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longestWall = 0;
    qint64 m_longestCpu = 0;
    qint64 m_lastCpu = 0;
    int m_ticks = 0;
};

} // namespace

class tst_Flood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void presenceAndMessageBurstKeepsTheEventLoopTurning();
};

void tst_Flood::initTestCase()
{
    qRegisterMetaType<ConnectionError>();
    qRegisterMetaType<XmlElement>();
    qRegisterMetaType<StoredMessage>();
    qRegisterMetaType<ChatManager::Origin>();
    QLoggingCategory::setFilterRules(u"confab.*.debug=false\nconfab.*.info=false"_s);
}

void tst_Flood::presenceAndMessageBurstKeepsTheEventLoopTurning()
{
    QTemporaryDir dir;
    ScriptedServer server;
    QVERIFY(server.listen());
    scriptLogin(server, false);
    AccountSession session(dir.path());
    QCOMPARE(await(session.open()), QString());
    QSignalSpy received(session.chats(), &ChatManager::messageReceived);
    QSignalSpy lost(&session.client(), &Client::connectionLost);
    session.signIn(settingsFor(server.port()));
    QTRY_VERIFY(session.client().isConnected());
    QTRY_VERIFY(server.receivedOnConnection().contains("urn:xmpp:mam:2"));

    {
        QByteArray burst;
        burst.reserve(Presences * 220 + Messages * 200);
        for (int n = 0; n < Presences; ++n) {
            const QByteArray contact = "c"_ba + QByteArray::number(n % Contacts) + "@example.net/r"_ba
                + QByteArray::number(n / Contacts % 4);
            burst += "<presence from='"_ba + contact + "' to='romeo@example.net/orchard'><show>"_ba
                + (n % 3 ? "away"_ba : "dnd"_ba) + "</show><status>status "_ba + QByteArray::number(n)
                + "</status><priority>1</priority></presence>"_ba;
        }
        for (int n = 0; n < Messages; ++n) {
            burst += "<message from='juliet@example.net/balcony' to='romeo@example.net/orchard' type='chat' id='f"_ba
                + QByteArray::number(n) + "'><body>flood "_ba + QByteArray::number(n) + "</body></message>"_ba;
        }
        qInfo("burst: %lld bytes", qlonglong(burst.size()));
        server.send(burst);
    }
    QVERIFY(resetPeakRss());
    const qint64 baseline = statusKiB("VmRSS");
    QVERIFY(baseline > 0);

    Heartbeat heartbeat;
    QElapsedTimer wall;
    wall.start();
    heartbeat.start();
    const auto lastArrived = [&received] {
        return !received.isEmpty()
            && received.constLast().at(0).value<StoredMessage>().body == u"flood %1"_s.arg(Messages - 1);
    };
    QTRY_VERIFY_WITH_TIMEOUT(lastArrived(), 300000);
    const qint64 elapsed = wall.elapsed();
    const qint64 stall = heartbeat.longestCpuGapMs();
    const qint64 growth = statusKiB("VmHWM") - baseline;
    qInfo("handled in %lld ms; longest event-loop stall %lld ms of CPU, %lld ms wall-clock (%d heartbeats); peak "
          "RSS growth %lld KiB",
        qlonglong(elapsed), qlonglong(stall), qlonglong(heartbeat.longestWallGapMs()), heartbeat.ticks(),
        qlonglong(growth));

    QCOMPARE(lost.count(), 0);
    QCOMPARE(received.count(), Messages);
    QVERIFY(session.presence()->aggregate(Jid::fromString(u"c42@example.net"_s)).isAvailable());
    QVERIFY2(growth < MaxGrowthKiB, qPrintable(u"peak RSS grew by %1 KiB"_s.arg(growth)));
    QVERIFY2(stall <= MaxStallMs, qPrintable(u"the event loop stalled for %1 ms"_s.arg(stall)));
}

QTEST_GUILESS_MAIN(tst_Flood)
#include "tst_Flood.moc"
