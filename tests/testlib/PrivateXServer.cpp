// SPDX-License-Identifier: Apache-2.0
#include "testlib/PrivateXServer.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace confab::test {

PrivateXServer::~PrivateXServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

std::optional<QString> PrivateXServer::start()
{
    const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (xvfb.isEmpty()) {
        return u"Xvfb is not installed"_s;
    }
    const pid_t parent = ::getpid();
    m_process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
    });
    m_process.setProgram(xvfb);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    for (int n = 100 + int(parent % 300); n < 1000; ++n) {
        const QString socket = u"/tmp/.X11-unix/X%1"_s.arg(n);
        if (QFileInfo::exists(u"/tmp/.X%1-lock"_s.arg(n)) || QFileInfo::exists(socket)) {
            continue;
        }
        const QString display = u":%1"_s.arg(n);
        m_process.setArguments({ display, u"-screen"_s, u"0"_s, u"1280x800x24"_s, u"-nolisten"_s, u"tcp"_s });
        m_process.start();
        if (!m_process.waitForStarted(5000)) {
            return u"cannot start Xvfb: "_s + m_process.errorString();
        }
        // Up when its socket exists; a server that exits meanwhile lost a race for this display.
        const QDeadlineTimer deadline(10'000);
        while (!QFileInfo::exists(socket) && !deadline.hasExpired() && !m_process.waitForFinished(20)) { }
        if (m_process.state() != QProcess::NotRunning && QFileInfo::exists(socket)) {
            m_display = display;
            return std::nullopt;
        }
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    return u"Xvfb did not come up"_s;
}

} // namespace confab::test
