// SPDX-License-Identifier: Apache-2.0
#include "ProsodyFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace confab::test {

namespace {

constexpr int ReadyTimeoutMs = 20'000;
constexpr int PollIntervalMs = 20;
constexpr int ScriptTimeoutMs = 60'000;
constexpr int StopTimeoutMs = 10'000;
// Ports are picked free but may be taken by a parallel test before Prosody binds them: try again then.
constexpr int StartAttempts = 3;

const QString PortInUseMarker = u"Failed to open server port"_s;

std::optional<std::vector<quint16>> pickFreePorts(int count)
{
    // All listeners stay open until every port is picked, so the same port is not handed out twice.
    std::vector<std::unique_ptr<QTcpServer>> servers;
    std::vector<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0)) {
            return std::nullopt;
        }
        ports.push_back(server->serverPort());
        servers.push_back(std::move(server));
    }
    return ports;
}

QString readFileFrom(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    if (offset > 0 && !file.seek(qMin(offset, file.size()))) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// Does the port answer an XMPP stream header with one from `domain`? Blocking, bounded by `deadline`.
bool streamAnswers(quint16 port, const QString &domain, QDeadlineTimer deadline)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(qMax(1, int(deadline.remainingTime())))) {
        return false;
    }
    socket.write("<?xml version='1.0'?><stream:stream to='" + domain.toUtf8()
        + "' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    const QByteArray fromSingle = "from='" + domain.toUtf8() + '\'';
    const QByteArray fromDouble = "from=\"" + domain.toUtf8() + '"';
    QByteArray reply;
    while (!reply.contains(fromSingle) && !reply.contains(fromDouble) && reply.size() < 64 * 1024) {
        if (deadline.hasExpired() || !socket.waitForReadyRead(qMax(1, int(deadline.remainingTime())))) {
            return false;
        }
        reply += socket.readAll();
    }
    // Close the probe's stream and wait for the server to close it too, so no half-open session is left
    // over (one still in flight when Prosody gets SIGTERM holds up its exit by about a second).
    socket.write("</stream:stream>");
    if (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForDisconnected(qMax(1, int(deadline.remainingTime())));
    }
    socket.abort();
    return reply.contains("<stream:stream") && (reply.contains(fromSingle) || reply.contains(fromDouble));
}

} // namespace

ProsodyFixture::ProsodyFixture()
    : ProsodyFixture(Options {})
{ }

ProsodyFixture::ProsodyFixture(Options options)
    : m_options(std::move(options))
{ }

ProsodyFixture::~ProsodyFixture()
{
    stop();
    if (!m_dir) {
        return;
    }
    const QByteArray keep = qgetenv("CONFAB_KEEP_FIXTURE");
    if (!keep.isEmpty() && (keep == "always" || m_failed || QTest::currentTestFailed())) {
        m_dir->setAutoRemove(false);
        qInfo("ProsodyFixture: kept %s", qPrintable(m_dir->path()));
    }
}

std::optional<QString> ProsodyFixture::start()
{
    if (m_process) {
        return u"the fixture is already started"_s;
    }
    if (QStandardPaths::findExecutable(u"prosody"_s).isEmpty()) {
        m_failed = true;
        return u"prosody is not installed (scripts/bootstrap.sh installs it)"_s;
    }
    QString error;
    for (int attempt = 1; attempt <= StartAttempts; ++attempt) {
        std::optional<QString> failure = createServer();
        if (!failure) {
            failure = launch();
        }
        if (!failure) {
            failure = waitUntilReady();
        }
        if (!failure) {
            return std::nullopt;
        }
        error = *failure;
        const bool portTaken = currentLog().contains(PortInUseMarker);
        stop();
        if (!portTaken) {
            break;
        }
        if (attempt < StartAttempts) {
            // A fresh directory and fresh ports; the old directory goes unless the test keeps failures.
            m_dir.reset();
        }
    }
    m_failed = true;
    return error;
}

std::optional<QString> ProsodyFixture::restart()
{
    if (!m_dir) {
        return u"restart() needs a fixture that was started before"_s;
    }
    stop();
    std::optional<QString> failure = launch();
    if (!failure) {
        failure = waitUntilReady();
    }
    if (failure) {
        m_failed = true;
        stop();
    }
    return failure;
}

std::optional<QString> ProsodyFixture::createServer()
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/confab-prosody-XXXXXX"_s);
    if (!m_dir->isValid()) {
        return u"cannot create a temporary directory: "_s + m_dir->errorString();
    }
    const std::optional<std::vector<quint16>> ports = pickFreePorts(3);
    if (!ports) {
        return u"cannot find free ports on 127.0.0.1"_s;
    }
    m_c2sPort = (*ports)[0];
    m_directTlsPort = m_options.directTls ? (*ports)[1] : 0;
    m_httpPort = (*ports)[2];

    QStringList arguments = { u"create"_s, m_dir->path(), u"--port"_s, QString::number(m_c2sPort), u"--http-port"_s,
        QString::number(m_httpPort) };
    if (m_options.directTls) {
        arguments << u"--direct-tls-port"_s << QString::number(m_directTlsPort);
    }
    if (m_options.plaintext) {
        arguments << u"--plaintext"_s;
    }
    if (m_options.untrustedCa) {
        arguments << u"--untrusted-ca"_s;
    }
    if (!m_options.mam) {
        arguments << u"--no-mam"_s;
    }
    const QString logLevel = qEnvironmentVariable("CONFAB_FIXTURE_LOG_LEVEL");
    if (!logLevel.isEmpty()) {
        arguments << u"--log-level"_s << logLevel;
    }
    for (const QString &user : std::as_const(m_options.accounts)) {
        arguments << u"--account"_s << user + u':' + password(user);
    }
    return runScript(arguments);
}

std::optional<QString> ProsodyFixture::launch()
{
    const QString dir = m_dir->path();
    const QString console = dir + u"/console.log"_s;
    m_logOffset = QFileInfo(dir + u"/prosody.log"_s).size();

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStandardPaths::findExecutable(u"prosody"_s));
    m_process->setArguments({ u"--config"_s, dir + u"/prosody.cfg.lua"_s, u"-F"_s });
    m_process->setWorkingDirectory(dir);
    // Files, not pipes: nobody may be reading while the test blocks, and a full pipe would stall the server.
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(console, QIODevice::Append);
    m_process->setStandardErrorFile(console, QIODevice::Append);
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        // The server must not outlive the test, even when the test crashes or is killed: the kernel sends
        // SIGTERM when the thread that started it dies. If the parent died before prctl, give up now.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) {
            ::_exit(127);
        }
    });
    m_process->start();
    if (!m_process->waitForStarted(ScriptTimeoutMs)) {
        return u"cannot start prosody: "_s + m_process->errorString();
    }
    return std::nullopt;
}

std::optional<QString> ProsodyFixture::waitUntilReady()
{
    QStringList markers = { u"Activated service 'c2s' on [127.0.0.1]:"_s + QString::number(m_c2sPort),
        u"Activated service 'http' on [127.0.0.1]:"_s + QString::number(m_httpPort) };
    if (m_directTlsPort != 0) {
        markers << u"Activated service 'c2s_direct_tls' on [127.0.0.1]:"_s + QString::number(m_directTlsPort);
    }
    const QDeadlineTimer deadline(ReadyTimeoutMs);
    for (;;) {
        const QString log = currentLog();
        if (log.contains(PortInUseMarker)) {
            return u"prosody could not open its ports:\n"_s + logText();
        }
        const bool activated
            = std::all_of(markers.cbegin(), markers.cend(), [&log](const QString &m) { return log.contains(m); });
        if (activated
            && streamAnswers(m_c2sPort, domain(), QDeadlineTimer(qMin(2'000, int(deadline.remainingTime()))))) {
            return std::nullopt;
        }
        if (deadline.hasExpired()) {
            return u"prosody did not become ready within %1 ms:\n"_s.arg(ReadyTimeoutMs) + logText();
        }
        // The poll interval doubles as the check that the server is still alive.
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(PollIntervalMs)) {
            return u"prosody exited (code %1) before it became ready:\n"_s.arg(m_process->exitCode()) + logText();
        }
    }
}

void ProsodyFixture::stop()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(StopTimeoutMs)) {
            qWarning("ProsodyFixture: prosody ignored SIGTERM for %d ms; killing it", StopTimeoutMs);
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
        }
    }
    m_process.reset();
}

void ProsodyFixture::kill()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(StopTimeoutMs);
    }
    m_process.reset();
}

bool ProsodyFixture::isRunning() const
{
    // waitForFinished(0) notices a death the event loop has not reported yet.
    return m_process && m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(0);
}

qint64 ProsodyFixture::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QString ProsodyFixture::domain() const
{
    return u"example.test"_s;
}

QString ProsodyFixture::host() const
{
    return u"127.0.0.1"_s;
}

QString ProsodyFixture::caFile() const
{
    return m_dir ? m_dir->filePath(u"ca.pem"_s) : QString();
}

QString ProsodyFixture::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

QString ProsodyFixture::password(const QString &user) const
{
    return m_passwords.value(user, u"pw-"_s + user + u"-Zz9"_s);
}

QString ProsodyFixture::jid(const QString &user) const
{
    return user + u'@' + domain();
}

std::optional<QString> ProsodyFixture::registerAccount(const QString &user, const QString &password)
{
    if (!m_dir) {
        return u"registerAccount() needs a started fixture"_s;
    }
    std::optional<QString> error = runScript({ u"register"_s, m_dir->path(), user, password });
    if (!error) {
        m_passwords.insert(user, password);
    }
    return error;
}

QString ProsodyFixture::logText() const
{
    if (!m_dir) {
        return {};
    }
    QString text = readFileFrom(m_dir->filePath(u"prosody.log"_s), 0);
    const QString console = readFileFrom(m_dir->filePath(u"console.log"_s), 0);
    if (!console.trimmed().isEmpty()) {
        text += u"---- prosody console output ----\n"_s + console;
    }
    return text;
}

QString ProsodyFixture::currentLog() const
{
    return m_dir ? readFileFrom(m_dir->filePath(u"prosody.log"_s), m_logOffset) : QString();
}

std::optional<QString> ProsodyFixture::runScript(const QStringList &arguments) const
{
    QProcess script;
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.setStandardInputFile(QProcess::nullDevice());
    // Through bash, so a checkout that lost the executable bit still works.
    script.start(u"bash"_s, QStringList { QStringLiteral(CONFAB_FIXTURE_SCRIPT) } + arguments);
    if (!script.waitForFinished(ScriptTimeoutMs)) {
        script.kill();
        script.waitForFinished();
        return u"prosody-fixture %1 did not finish: %2"_s.arg(arguments.value(0), script.errorString());
    }
    if (script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
        return u"prosody-fixture %1 failed (exit %2): %3"_s.arg(arguments.value(0))
            .arg(script.exitCode())
            .arg(QString::fromUtf8(script.readAll()));
    }
    return std::nullopt;
}

} // namespace confab::test
