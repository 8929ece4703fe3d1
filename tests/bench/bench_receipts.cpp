// SPDX-License-Identifier: Apache-2.0
// Receipts under a burst (issue: chat throughput): 5,000 incoming chat messages, each with a XEP-0184
// <request/>, sent through a real Prosody as fast as the sender can. Measured for the receiver:
// - its CPU seconds (user + sys of all its threads) from "signed in and settled" to "done": target < 0.5 s;
// - the wall time from the first send to the 5,000th <received/> back at the sender;
// both for the real client (an AccountSession: ChatManager, MessageStore, every extension, on a temporary data
// directory; done once every message is stored) and for a minimal receiver run against the same server in the
// same run (a bare confab::Client that only answers receipts), and as the ratio full / minimal (target <= 1.2
// for the wall time). Medians of 3 runs each, with Prosody's mod_mam off and on (it costs ~2 ms per message);
// every run has its own sender and receiver accounts (see senderName()).
//
// The receivers run in child processes (this binary with --receiver) so that their CPU time is theirs alone.
//   bench_receipts                      the benchmark
//   bench_receipts --receiver full|minimal HOST PORT CAFILE JID PASSWORD COUNT
//     prints "ready" once signed in and settled, then "cpu SECONDS" (CPU since ready) once it has handled
//     COUNT messages and the parent wrote "stop" on its stdin; then exits.
#include "base/Namespaces.h"
#include "client/Client.h"
#include "session/AccountSession.h"
#include "storage/MessageStore.h"
#include "testlib/ProsodyFixture.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

constexpr int Messages = 5000;
constexpr int Runs = 3;
constexpr QStringView ReceiptsNs = u"urn:xmpp:receipts";
constexpr int BurstTimeoutMs = 120'000;
constexpr int ReadyTimeoutMs = 30'000;
// After the session is up, the full client still fetches its roster, disco, carbons, vCard...: the CPU
// measurement starts after this settling time (the same for both receivers).
constexpr int SettleMs = 1000;

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

void say(const char *line)
{
    std::fputs(line, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// ---- receiver (child process) ----

int runReceiver(const QStringList &args)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (args.size() != 8) {
        std::fprintf(stderr, "usage: --receiver full|minimal HOST PORT CAFILE JID PASSWORD COUNT\n");
        return 2;
    }
    const bool full = args.at(1) == u"full"_s;
    ConnectionSettings settings;
    settings.host = args.at(2);
    settings.port = quint16(args.at(3).toUInt());
    settings.caFile = args.at(4);
    settings.jid = Jid::fromString(args.at(5));
    settings.password = args.at(6);
    const int count = args.at(7).toInt();

    int handled = 0;
    bool stopRequested = false;
    double cpuAtReady = -1;
    const auto maybeFinish = [&] {
        if (handled >= count && stopRequested) {
            std::printf("cpu %.6f\n", cpuSeconds() - cpuAtReady);
            std::fflush(stdout);
            QCoreApplication::exit(0);
        }
    };
    QSocketNotifier stdinNotifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, [&] {
        char buffer[64];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            QCoreApplication::exit(3); // the parent went away
            return;
        }
        stopRequested = true;
        maybeFinish();
    });
    const auto settled = [&] {
        QTimer::singleShot(SettleMs, [&] {
            cpuAtReady = cpuSeconds();
            say("ready");
        });
    };

    QTemporaryDir dataDir;
    std::unique_ptr<AccountSession> session;
    std::unique_ptr<Client> bare;
    Client *client = nullptr;
    if (full) {
        session = std::make_unique<AccountSession>(dataDir.path());
        client = &session->client();
        QObject::connect(session->chats(), &ChatManager::messageReceived,
            [&](const StoredMessage &, const XmlElement &, ChatManager::Origin, bool duplicate) {
                if (!duplicate) {
                    ++handled;
                    maybeFinish();
                }
            });
        QObject::connect(client, &Client::connected, [&] {
            session->presence()->setPresence(Presence::Show::Online);
            settled();
        });
    } else {
        bare = std::make_unique<Client>();
        client = bare.get();
        QObject::connect(client, &Client::messageReceived, [&](const XmlElement &message) {
            const XmlElement *request = message.firstChild(u"request", ReceiptsNs);
            const QString id = message.attribute(u"id");
            if (!request || id.isEmpty()) {
                return;
            }
            XmlElement answer(u"message"_s, ns::Client.toString());
            answer.setAttribute(u"to"_s, message.attribute(u"from"));
            XmlElement received(u"received"_s, ReceiptsNs.toString());
            received.setAttribute(u"id"_s, id);
            answer.appendChild(std::move(received));
            client->send(answer);
            ++handled;
            maybeFinish();
        });
        QObject::connect(client, &Client::connected, [&] {
            client->send(XmlElement(u"presence"_s, ns::Client.toString()));
            settled();
        });
    }
    QObject::connect(client, &Client::disconnected, [](const ConnectionError &) {
        std::fprintf(stderr, "receiver: disconnected\n");
        QCoreApplication::exit(4);
    });
    client->setAutoReconnect(false);
    if (session) {
        QFuture<QString> opened = session->open();
        while (!opened.isFinished()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        if (!opened.result().isEmpty()) {
            std::fprintf(stderr, "receiver: cannot open the stores: %s\n", qPrintable(opened.result()));
            return 5;
        }
        session->signIn(settings);
    } else {
        client->connectToServer(settings);
    }
    return QCoreApplication::exec();
}

// ---- sender and measurement (parent process) ----

// One pair of accounts per run: Prosody 0.12's internal archive store holds at most 10,000 items per user
// (storage_archive_item_limit) and, once there, mod_mam truncates the whole archive file every 100 messages
// (load, filter, rewrite: about a second each at that size). With the same two accounts for every run, the
// second run crossed 10,000 on both sides and Prosody spent minutes truncating while the receiver waited:
// that was the "mam-on stall", the server measuring itself.
QString senderName(int account)
{
    return u"sender%1"_s.arg(account);
}

QString receiverName(int account)
{
    return u"receiver%1"_s.arg(account);
}

struct Result
{
    double cpu = -1; // receiver CPU seconds
    double wallMs = -1; // first send to last receipt
};

class Bench
{
public:
    Bench(const ProsodyFixture &server, int account)
        : m_server(server)
        , m_account(account)
    { }

    std::optional<QString> connectSender()
    {
        ConnectionSettings settings = settingsFor(senderName(m_account), u"bench"_s);
        m_sender.setAutoReconnect(false);
        bool done = false;
        QObject::connect(&m_sender, &Client::connected, [&] { done = true; });
        QObject::connect(&m_sender, &Client::disconnected, [&] { done = true; });
        QObject::connect(&m_sender, &Client::messageReceived, [this](const XmlElement &m) { onMessage(m); });
        m_sender.connectToServer(settings);
        if (!waitFor([&] { return done; }, ReadyTimeoutMs) || !m_sender.isConnected()) {
            return u"the sender could not sign in"_s;
        }
        return std::nullopt;
    }

    std::optional<QString> run(bool full, int index, Result &result)
    {
        const QString resource = u"%1%2"_s.arg(full ? u"full"_s : u"min"_s).arg(index);
        const ConnectionSettings rs = settingsFor(receiverName(m_account), resource);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QByteArray out;
        QObject::connect(&child, &QProcess::readyReadStandardOutput, [&] { out += child.readAllStandardOutput(); });
        QStringList arguments { full ? u"full"_s : u"minimal"_s, rs.host, QString::number(rs.port), rs.caFile,
            rs.jid.toString(), rs.password, QString::number(Messages) };
        arguments.prepend(u"--receiver"_s);
        QString program = QCoreApplication::applicationFilePath();
        // CONFAB_BENCH_WRAP="perf record -g -o FILE" (say) runs the full receiver under a profiler.
        if (const QString wrap = qEnvironmentVariable("CONFAB_BENCH_WRAP"); full && !wrap.isEmpty()) {
            QStringList words = wrap.split(u' ', Qt::SkipEmptyParts);
            arguments.prepend(program);
            arguments = words.mid(1) + arguments;
            program = words.first();
        }
        child.start(program, arguments);
        if (!waitFor([&] { return out.contains("ready\n") || child.state() == QProcess::NotRunning; }, ReadyTimeoutMs)
            || !out.contains("ready\n")) {
            child.kill();
            child.waitForFinished();
            return u"the receiver did not become ready"_s;
        }

        m_prefix = u"%1-%2-"_s.arg(resource, QString::number(QCoreApplication::applicationPid()));
        m_receipts.clear();
        m_receipts.reserve(Messages);
        const QString to = rs.jid.toString();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < Messages; ++i) {
            XmlElement message(u"message"_s, ns::Client.toString());
            message.setAttribute(u"to"_s, to);
            message.setAttribute(u"type"_s, u"chat"_s);
            message.setAttribute(u"id"_s, m_prefix + QString::number(i));
            message.appendTextChild(u"body"_s, u"Benchmark message number %1, a line of ordinary length."_s.arg(i));
            message.appendChild(XmlElement(u"request"_s, ReceiptsNs.toString()));
            m_sender.send(message);
            if (i % 100 == 99) {
                QCoreApplication::processEvents(); // let the socket write, and receipts come in meanwhile
            }
        }
        const bool all = waitFor([&] { return m_receipts.size() >= Messages; }, BurstTimeoutMs);
        result.wallMs = double(timer.nsecsElapsed()) / 1e6;
        if (!all) {
            child.kill();
            child.waitForFinished();
            return u"only %1 of %2 receipts within %3 s"_s.arg(m_receipts.size())
                .arg(Messages)
                .arg(BurstTimeoutMs / 1000);
        }
        child.write("stop\n");
        const bool finished = waitFor([&] { return child.state() == QProcess::NotRunning; }, BurstTimeoutMs);
        out += child.readAllStandardOutput();
        if (!finished) {
            child.kill();
            child.waitForFinished();
            return u"the receiver did not finish (all messages stored?) within %1 s"_s.arg(BurstTimeoutMs / 1000);
        }
        const qsizetype at = out.indexOf("cpu ");
        if (at < 0 || child.exitCode() != 0) {
            return u"the receiver failed (exit code %1)"_s.arg(child.exitCode());
        }
        result.cpu = out.mid(at + 4).trimmed().toDouble();
        return std::nullopt;
    }

private:
    ConnectionSettings settingsFor(const QString &user, const QString &resource) const
    {
        ConnectionSettings s;
        s.jid = Jid::fromString(QString(m_server.jid(user) + u'/' + resource));
        s.password = m_server.password(user);
        s.host = m_server.host();
        s.port = m_server.c2sPort();
        s.caFile = m_server.caFile();
        return s;
    }

    void onMessage(const XmlElement &message)
    {
        const XmlElement *received = message.firstChild(u"received", ReceiptsNs);
        if (!received) {
            return;
        }
        const QString id = received->attribute(u"id");
        if (id.startsWith(m_prefix)) {
            m_receipts.insert(id);
        }
    }

    template <typename Condition> static bool waitFor(Condition condition, int timeoutMs)
    {
        // processEvents(flags, maxTime) ignores WaitForMoreEvents and would spin: a timer wakes us instead.
        QDeadlineTimer deadline(timeoutMs);
        QTimer tick;
        tick.start(50);
        while (!condition()) {
            if (deadline.hasExpired()) {
                return false;
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        return true;
    }

    const ProsodyFixture &m_server;
    int m_account;
    Client m_sender;
    QString m_prefix;
    QSet<QString> m_receipts;
};

int runBenchmark()
{
    std::printf("receipts: %d incoming chat messages with a XEP-0184 request, Prosody 0.12 on loopback (STARTTLS),\n"
                "receiver in a child process; medians of %d runs; CPU = receiver user+sys after sign-in\n\n",
        Messages, Runs);
    std::printf("%-8s %-22s %12s %14s %12s\n", "mod_mam", "receiver", "CPU s", "all receipts", "msg/s");
    const bool profiling = !qEnvironmentVariableIsEmpty("CONFAB_BENCH_WRAP");
    // CONFAB_BENCH_MAM=off or =on runs one half only.
    const QString only = qEnvironmentVariable("CONFAB_BENCH_MAM");
    QStringList accounts;
    for (int k = 0; k < 2 * Runs; ++k) {
        accounts << senderName(k) << receiverName(k);
    }
    for (const bool mam : { false, true }) {
        if ((profiling && mam && only != u"on"_s) || (only == u"on"_s && !mam) || (only == u"off"_s && mam)) {
            continue; // profiling: full receivers against a server without mod_mam (with CONFAB_BENCH_MAM=on: with it)
        }
        ProsodyFixture server(ProsodyFixture::Options { .mam = mam, .accounts = accounts });
        if (const auto error = server.start()) {
            std::fprintf(stderr, "cannot start Prosody: %s\n", qPrintable(*error));
            return 1;
        }
        QList<double> cpu[2];
        QList<double> wall[2];
        QList<double> ratio;
        for (int i = 0; i < Runs; ++i) {
            for (const bool full : { false, true }) { // alternate, so that drift affects both alike
                if (profiling && !full) {
                    continue;
                }
                Bench bench(server, 2 * i + (full ? 1 : 0));
                if (const auto error = bench.connectSender()) {
                    std::fprintf(stderr, "%s\n", qPrintable(*error));
                    return 1;
                }
                Result r;
                if (const auto error = bench.run(full, i, r)) {
                    std::fprintf(stderr, "%s receiver, mam %s, run %d: %s\n", full ? "full" : "minimal",
                        mam ? "on" : "off", i + 1, qPrintable(*error));
                    std::fprintf(stderr, "%s\n", qPrintable(server.logText().right(4000)));
                    return 1;
                }
                cpu[full].append(r.cpu);
                wall[full].append(r.wallMs);
                std::fprintf(stderr, "  mam %s run %d %-7s: cpu %.3f s, receipts after %.0f ms\n", mam ? "on " : "off",
                    i + 1, full ? "full" : "minimal", r.cpu, r.wallMs);
            }
            if (!profiling) {
                ratio.append(wall[1].last() / wall[0].last());
            }
        }
        const char *m = mam ? "on" : "off";
        for (const bool full : { false, true }) {
            const double w = median(wall[full]);
            std::printf("%-8s %-22s %12.3f %11.0f ms %12.0f\n", m,
                full ? "full (AccountSession)" : "minimal (Client only)", median(cpu[full]), w,
                Messages / (w / 1000.0));
        }
        std::printf("%-8s %-22s %12.2fx %13.2fx   (per-run wall ratios, median: %.2fx)\n\n", m, "ratio full/minimal",
            median(cpu[1]) / median(cpu[0]), median(wall[1]) / median(wall[0]), median(ratio));
    }
    std::printf("targets: full client CPU < 0.5 s; wall time ratio full/minimal <= 1.2x\n");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"confab.*.info=false\nconfab.*.debug=false"_s);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (!args.isEmpty() && args.first() == u"--receiver"_s) {
        return runReceiver(args);
    }
    return runBenchmark();
}
