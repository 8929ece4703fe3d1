// SPDX-License-Identifier: Apache-2.0
// Login latency: the time from connectToServer() to a bound session, through a loopback proxy that delays
// each direction by 50 ms (a 100 ms round trip), against a real Prosody. Printed as the median of several
// logins and as that time divided by the round trip: the number of round trips the login costs.
// The same logins without delay are the baseline (CPU, TLS and server work), measured in the same run.
#include "client/Client.h"
#include "testlib/ProsodyFixture.h"
#include "testlib/TcpProxy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

constexpr int Runs = 7;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

/// Milliseconds from connect to bound session, or a negative value when the login failed.
double timeLogin(const ProsodyFixture &server, quint16 port, TlsMode mode)
{
    Client client;
    ConnectionSettings settings;
    settings.jid = Jid::fromString(u"alice@example.test/bench"_s);
    settings.password = server.password(u"alice"_s);
    settings.host = server.host();
    settings.port = port;
    settings.caFile = server.caFile();
    settings.tlsMode = mode;
    bool done = false;
    bool ok = false;
    QObject::connect(&client, &Client::connected, [&] { done = ok = true; });
    QObject::connect(&client, &Client::disconnected, [&] { done = true; });
    QElapsedTimer timer;
    timer.start();
    client.connectToServer(settings);
    while (!done) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    client.disconnectFromServer();
    while (client.state() != Client::State::Disconnected) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return ok ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"confab.*.info=false"_s);
    ProsodyFixture server(ProsodyFixture::Options { .directTls = true });
    if (const auto error = server.start()) {
        std::fprintf(stderr, "cannot start Prosody: %s\n", qPrintable(*error));
        return 1;
    }
    const std::chrono::milliseconds oneWay(50);
    const double rtt = 2.0 * double(oneWay.count());

    struct Case
    {
        const char *name;
        TlsMode mode;
        quint16 port;
    };
    const Case cases[] = { { "STARTTLS  ", TlsMode::StartTls, server.c2sPort() },
        { "Direct TLS", TlsMode::DirectTls, server.directTlsPort() } };
    std::printf("login to a bound session, median of %d, Prosody 0.12 on loopback, SCRAM-SHA-1, TLS 1.3\n", Runs);
    for (const Case &c : cases) {
        TcpProxy plain(server.host(), c.port);
        TcpProxy delayed(server.host(), c.port);
        if (!plain.listen() || !delayed.listen()) {
            return 1;
        }
        delayed.setDelay(oneWay);
        QList<double> base;
        QList<double> slow;
        for (int i = 0; i < Runs; ++i) {
            base.append(timeLogin(server, plain.port(), c.mode));
            slow.append(timeLogin(server, delayed.port(), c.mode));
            if (base.last() < 0 || slow.last() < 0) {
                std::fprintf(stderr, "login failed\n");
                return 1;
            }
        }
        const double b = median(base);
        const double s = median(slow);
        std::printf(
            "%s  no delay: %7.1f ms   100 ms RTT: %7.1f ms   = %.2f round trips (%.2f after the no-delay time)\n",
            c.name, b, s, s / rtt, (s - b) / rtt);
    }
    return 0;
}
