// SPDX-License-Identifier: Apache-2.0
// Throughput of XmlStreamParser against QXmlStreamReader merely tokenising the same bytes.
//
// One stream of about 100 MB (--mb N) of realistic client traffic is built in memory: chat messages in
// English, Chinese and emoji, offline messages with XEP-0203 delays, XEP-0184 receipts, presence with
// status and XEP-0115 caps, a few IQs. Both contenders read it in 16 KiB chunks, as from a socket:
//   (a) QXmlStreamReader with namespace processing, a readNext() loop, no tree;
//   (b) XmlStreamParser building an XmlElement per stanza and handing it to a minimal dispatch.
// Each runs 5 times, alternating; the median is reported. The target is (b)/(a) >= 0.5.
// --only a|b runs one side alone, for valgrind --tool=callgrind or perf.
#include "xml/XmlStreamParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using confab::XmlElement;
using confab::XmlStreamParser;

namespace {

constexpr qsizetype ChunkSize = 16 * 1024;
constexpr int Runs = 5;

struct Corpus
{
    QByteArray bytes;
    qint64 stanzas = 0;
};

Corpus generate(qint64 targetBytes)
{
    QRandomGenerator random(20240301);
    const QList<QByteArray> contacts = {
        "romeo@example.net/orchard",
        "li.lei@example.cn/phone",
        "han.meimei@example.cn/desktop",
        "mercutio@example.org/tavern",
        "nurse@example.net/kitchen",
        "benvolio@example.net/laptop",
    };
    const QList<QByteArray> bodies = {
        "Are you coming to the party tonight?",
        "I'll be there in ten minutes, save me a seat.",
        "Did you see the new release notes? The roster sync is much faster now &amp; uses less data.",
        "你好！今天晚上有空吗？我们一起去吃饭吧。",
        "好的，没问题，我七点到。",
        "这个问题我们明天开会再讨论，好吗？",
        "Ok 👍 see you at 7 🍕🎉",
        "Meeting moved to room 4 — bring the slides (v2, not v1) &lt;3",
        "今晚的月色真美 🌙",
        "Can you send me the file again? The link said: &quot;expired&quot;.",
    };
    const QList<QByteArray> statuses = { "In a meeting", "在开会", "Working from home 🏠", "Back at 3pm", "忙碌中" };
    const QList<QByteArray> shows = { "away", "dnd", "xa", "chat" };

    Corpus corpus;
    QByteArray &out = corpus.bytes;
    out.reserve(targetBytes + 4096);
    out += "<?xml version='1.0'?><stream:stream from='im.example.org' id='bench' to='juliet@im.example.org' "
           "version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    const QByteArray me = "juliet@im.example.org/balcony";
    qint64 n = 0;
    while (out.size() < targetBytes) {
        const QByteArray from = contacts.at(random.bounded(int(contacts.size())));
        const QByteArray id = QByteArray::number(random.generate64(), 36);
        const int kind = random.bounded(100);
        if (kind < 45) {
            out += "<message from='" + from + "' to='" + me + "' type='chat' id='" + id + "' xml:lang='en'><body>"
                + bodies.at(random.bounded(int(bodies.size())))
                + "</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
                  "<request xmlns='urn:xmpp:receipts'/><origin-id xmlns='urn:xmpp:sid:0' id='"
                + id + "'/></message>";
        } else if (kind < 55) {
            out += "<message from='" + from + "' to='" + me + "' type='chat' id='" + id + "'><body>"
                + bodies.at(random.bounded(int(bodies.size())))
                + "</body><delay xmlns='urn:xmpp:delay' from='im.example.org' stamp='2024-03-0"
                + QByteArray::number(1 + random.bounded(9)) + "T1" + QByteArray::number(random.bounded(10)) + ":15:0"
                + QByteArray::number(random.bounded(10)) + "Z'>Offline storage</delay></message>";
        } else if (kind < 70) {
            out += "<message from='" + from + "' to='" + me + "' id='" + id
                + "'><received xmlns='urn:xmpp:receipts' id='" + QByteArray::number(random.generate64(), 36)
                + "'/></message>";
        } else if (kind < 97) {
            out += "<presence from='" + from + "' to='" + me + "'>";
            if (random.bounded(3) != 0) {
                out += "<show>" + shows.at(random.bounded(int(shows.size()))) + "</show>";
            }
            out += "<status>" + statuses.at(random.bounded(int(statuses.size()))) + "</status><priority>"
                + QByteArray::number(random.bounded(10))
                + "</priority><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' "
                  "node='https://conversations.im' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>"
                  "<x xmlns='vcard-temp:x:update'><photo>"
                + QByteArray::number(random.generate64(), 16) + "</photo></x></presence>";
        } else {
            out += "<iq from='im.example.org' to='" + me + "' id='" + id
                + "' type='get'><ping xmlns='urn:xmpp:ping'/></iq>";
        }
        ++n;
        if (random.bounded(50) == 0) {
            out += ' '; // a whitespace keepalive now and then
        }
    }
    out += "</stream:stream>";
    corpus.stanzas = n;
    return corpus;
}

// (a) Tokenising only: what any QXmlStreamReader-based client pays at least.
qint64 runReader(const QByteArray &bytes)
{
    QXmlStreamReader reader;
    reader.setNamespaceProcessing(true);
    qint64 tokens = 0;
    for (qsizetype at = 0; at < bytes.size(); at += ChunkSize) {
        reader.addData(bytes.mid(at, ChunkSize));
        while (reader.readNext() != QXmlStreamReader::Invalid) {
            ++tokens;
        }
        if (reader.error() != QXmlStreamReader::PrematureEndOfDocumentError
            && reader.error() != QXmlStreamReader::NoError) {
            std::fprintf(stderr, "reader error: %s\n", qPrintable(reader.errorString()));
            std::exit(1);
        }
    }
    return tokens;
}

struct Counts
{
    qint64 messages = 0;
    qint64 presences = 0;
    qint64 iqs = 0;
    qint64 other = 0;
    qint64 total() const { return messages + presences + iqs + other; }
};

// (b) Our parser with a dispatch as small as the real router's first step: name and namespace.
Counts runParser(const QByteArray &bytes)
{
    Counts counts;
    const auto dispatch = [&counts](XmlElement &&e) {
        if (e.namespaceUri() == u"jabber:client") {
            switch (e.name().size()) {
            case 7:
                if (e.name() == u"message") {
                    ++counts.messages;
                    return;
                }
                break;
            case 8:
                if (e.name() == u"presence") {
                    ++counts.presences;
                    return;
                }
                break;
            case 2:
                if (e.name() == u"iq") {
                    ++counts.iqs;
                    return;
                }
                break;
            default:
                break;
            }
        }
        ++counts.other;
    };
    XmlStreamParser parser({ [](const XmlElement &) {}, dispatch, [] {},
        [](XmlStreamParser::Error, const QString &detail) {
            std::fprintf(stderr, "parser error: %s\n", qPrintable(detail));
            std::exit(1);
        } });
    for (qsizetype at = 0; at < bytes.size(); at += ChunkSize) {
        parser.feed(QByteArrayView(bytes).sliced(at, std::min(ChunkSize, bytes.size() - at)));
    }
    return counts;
}

struct Timing
{
    double wallSeconds = 0; // QElapsedTimer
    double cpuSeconds = 0; // this thread's CPU time: steadier on a machine shared with other work
};

double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

template <typename F> Timing timeOnce(F &&run)
{
    const double cpuStart = threadCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    run();
    return { double(timer.nsecsElapsed()) / 1e9, threadCpuSeconds() - cpuStart };
}

Timing median(std::vector<Timing> timings)
{
    Timing m;
    std::sort(
        timings.begin(), timings.end(), [](const Timing &l, const Timing &r) { return l.wallSeconds < r.wallSeconds; });
    m.wallSeconds = timings[timings.size() / 2].wallSeconds;
    std::sort(
        timings.begin(), timings.end(), [](const Timing &l, const Timing &r) { return l.cpuSeconds < r.cpuSeconds; });
    m.cpuSeconds = timings[timings.size() / 2].cpuSeconds;
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 megabytes = 100;
    QString only; // "a" or "b": run one side only, for a profiler
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        bool ok = false;
        if (args.at(i) == u"--mb" && i + 1 < args.size()) {
            megabytes = args.at(++i).toLongLong(&ok);
            ok = ok && megabytes > 0;
        } else if (args.at(i) == u"--only" && i + 1 < args.size()) {
            only = args.at(++i);
            ok = only == u"a" || only == u"b";
        }
        if (!ok) {
            std::fprintf(stderr, "usage: bench_parser [--mb N] [--only a|b]\n");
            return 2;
        }
    }

    const Corpus corpus = generate(megabytes * 1000 * 1000);
    const double mb = double(corpus.bytes.size()) / 1e6;
    std::printf("input: %.1f MB, %lld stanzas, %lld-byte chunks, median of %d runs\n", mb, qint64(corpus.stanzas),
        qint64(ChunkSize), Runs);

    // (a) and (b) alternate, so that load from elsewhere on the machine falls on both alike.
    qint64 tokens = 0;
    Counts counts;
    std::vector<Timing> readerTimes;
    std::vector<Timing> parserTimes;
    for (int i = 0; i < Runs; ++i) {
        if (only != u"b") {
            readerTimes.push_back(timeOnce([&] { tokens = runReader(corpus.bytes); }));
        }
        if (only != u"a") {
            parserTimes.push_back(timeOnce([&] { counts = runParser(corpus.bytes); }));
        }
    }
    if (only != u"a" && counts.total() != corpus.stanzas) {
        std::fprintf(stderr, "parser delivered %lld stanzas, expected %lld\n", counts.total(), qint64(corpus.stanzas));
        return 1;
    }
    if (!only.isEmpty()) {
        return 0; // a profiling run of one side
    }

    const Timing reader = median(readerTimes);
    const Timing parser = median(parserTimes);
    std::printf("(a) QXmlStreamReader tokenising: %8.1f MB/s %10.0f stanzas/s (%lld tokens)\n", mb / reader.wallSeconds,
        double(corpus.stanzas) / reader.wallSeconds, tokens);
    std::printf("(b) XmlStreamParser + dispatch:  %8.1f MB/s %10.0f stanzas/s (%lld messages, %lld presences, "
                "%lld iqs)\n",
        mb / parser.wallSeconds, double(corpus.stanzas) / parser.wallSeconds, counts.messages, counts.presences,
        counts.iqs);
    const double ratio = reader.wallSeconds / parser.wallSeconds;
    std::printf("ratio (b)/(a), wall clock: %.2f (target >= 0.50) %s\n", ratio, ratio >= 0.5 ? "OK" : "BELOW TARGET");
    std::printf("ratio (b)/(a), thread CPU time: %.2f\n", reader.cpuSeconds / parser.cpuSeconds);
    return 0;
}
