// SPDX-License-Identifier: Apache-2.0
// The full counts of issue 7's fault tests, too slow for ./test:
// - chaos: 10,000 messages (5,000 each way) between two AccountSessions through a TcpProxy that cuts every
//   connection 100 times at random moments, then zero lost, zero duplicated, zero failed (tst_Chaos with
//   CONFAB_CHAOS_MESSAGES=5000 CONFAB_CHAOS_CUTS=100);
// - crash-safe storage: 100 SIGKILLs of a process writing messages (tst_StorageCrash, CONFAB_CRASH_KILLS=100).
// It runs the two test programs (built next to this one, in the tests directory) with those counts and prints
// their figures; the exit code is non-zero when either fails.
//   bench_chaos [MESSAGES_PER_DIRECTION [CUTS [KILLS]]]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int runTest(const QString &name, const QStringList &env, const QStringList &functions)
{
    const QString program = QCoreApplication::applicationDirPath() + u"/../"_s + name;
    if (!QFileInfo::exists(program)) {
        std::fprintf(stderr, "%s is not built (expected at %s)\n", qPrintable(name), qPrintable(program));
        return 1;
    }
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : env) {
        environment.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    }
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, functions);
    process.waitForFinished(-1);
    const QString output = QString::fromUtf8(process.readAll());
    // The figures are the test's QINFO lines; failures are printed whole.
    for (const QString &line : output.split(u'\n')) {
        if (line.startsWith(u"QINFO") || line.startsWith(u"FAIL") || line.startsWith(u"Totals")) {
            std::printf("%s\n", qPrintable(line));
        }
    }
    std::printf("%s: exit %d after %.1f s\n\n", qPrintable(name), process.exitCode(), double(timer.elapsed()) / 1000);
    std::fflush(stdout);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString messages = args.value(0, u"5000"_s);
    const QString cuts = args.value(1, u"100"_s);
    const QString kills = args.value(2, u"100"_s);
    std::printf("bench_chaos: %s messages each way with %s cuts; %s SIGKILLs during writes\n\n", qPrintable(messages),
        qPrintable(cuts), qPrintable(kills));
    int failures = 0;
    failures += runTest(u"tst_Chaos"_s, { u"CONFAB_CHAOS_MESSAGES="_s + messages, u"CONFAB_CHAOS_CUTS="_s + cuts },
        { u"randomCutsLoseAndDuplicateNothing"_s, u"silentStallIsDetectedByPingAndRecovered"_s });
    failures += runTest(u"tst_StorageCrash"_s, { u"CONFAB_CRASH_KILLS="_s + kills }, {});
    return failures == 0 ? 0 : 1;
}
