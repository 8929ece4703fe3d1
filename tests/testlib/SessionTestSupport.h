// SPDX-License-Identifier: Apache-2.0
#pragma once

// Header-only helpers for integration tests that run libcore against a ProsodyFixture.
#include "stream/ConnectionSettings.h"
#include "testlib/ProsodyFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>

#include <type_traits>

namespace confab::test {

/// Runs the event loop until `future` finishes or `timeoutMs` pass; true when it finished.
template <typename T> bool waitFor(const QFuture<T> &future, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return future.isFinished();
}

/// The result of `future`, waiting for it (bounded); a future that never finishes ends the test run.
template <typename T> T await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!waitFor(future, timeoutMs)) {
        qFatal("a future did not finish in time");
    }
    return future.result();
}

/// Signs `session` (an AccountSession) out and runs the event loop until it is disconnected (at most 5 s), so that
/// the server holds no hibernating XEP-0198 session into the next test.
template <typename Session> void signOutAndWait(Session *session)
{
    using State = typename std::remove_cvref_t<decltype(session->client())>::State;
    if (!session || session->client().state() == State::Disconnected) {
        return;
    }
    session->signOut();
    QElapsedTimer timer;
    timer.start();
    while (session->client().state() != State::Disconnected && timer.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

/// Settings that sign `user` in at the fixture's server as `resource`, through `port` when given (a proxy),
/// trusting the fixture's CA.
inline ConnectionSettings settingsFor(
    const ProsodyFixture &server, const QString &user, const QString &resource, quint16 port = 0)
{
    ConnectionSettings s;
    s.jid = Jid::fromString(QString(server.jid(user) + u'/' + resource));
    s.password = server.password(user);
    s.host = server.host();
    s.port = port ? port : server.c2sPort();
    s.caFile = server.caFile();
    return s;
}

} // namespace confab::test
