// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"

#include "client/Client.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/version/VersionResponder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

void writeLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

CliApplication::CliApplication(QObject *parent)
    : QObject(parent)
    , m_commands(allCliCommands())
{ }

CliApplication::~CliApplication() = default;

QString CliApplication::usageText(const QList<CliCommand> &commands)
{
    QString text = uR"(confab-cli [options] <command> [args]
  --jid JID              the account; a resource part is requested at bind
  --password-file FILE   first line is the password (else env CONFAB_PASSWORD)
  --host HOST --port N   connect here instead of using DNS (the domain is still used for TLS)
  --tls MODE             starttls (default) | direct | insecure-plaintext (loopback only)
  --ca-file FILE         trust this PEM CA in addition to the system store
  --pin SHA256           accept exactly this server certificate (hex fingerprint, colons optional)
  --json                 one JSON object per line on stdout
  --timeout SECONDS      give up after this long (default 30)
  --version
commands:
)"_s;
    for (const CliCommand &command : commands) {
        if (command.synopsis.size() <= 22) {
            text += u"  "_s + command.synopsis.leftJustified(22) + u' ' + command.description + u'\n';
        } else {
            text += u"  "_s + command.synopsis + u'\n' + QString(25, u' ') + command.description + u'\n';
        }
    }
    text += u"exit codes: 0 ok, 1 other failure, 2 usage, 3 authentication failed, 4 TLS/certificate refused, "
            u"5 network/DNS failure\n"_s;
    return text;
}

std::optional<int> CliApplication::parse(const QStringList &arguments)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption jid(u"jid"_s, {}, u"JID"_s);
    const QCommandLineOption passwordFile(u"password-file"_s, {}, u"FILE"_s);
    const QCommandLineOption host(u"host"_s, {}, u"HOST"_s);
    const QCommandLineOption port(u"port"_s, {}, u"N"_s);
    const QCommandLineOption tls(u"tls"_s, {}, u"MODE"_s, u"starttls"_s);
    const QCommandLineOption caFile(u"ca-file"_s, {}, u"FILE"_s);
    const QCommandLineOption pin(u"pin"_s, {}, u"SHA256"_s);
    const QCommandLineOption json(u"json"_s);
    const QCommandLineOption timeout(u"timeout"_s, {}, u"SECONDS"_s, u"30"_s);
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption help(QStringList { u"help"_s, u"h"_s });
    m_parser.addOptions({ jid, passwordFile, host, port, tls, caFile, pin, json, timeout, version, help });
    QStringList commandOptions;
    for (const CliCommand &command : std::as_const(m_commands)) {
        for (const QCommandLineOption &option : command.options) {
            if (!commandOptions.contains(option.names().first())) {
                commandOptions.append(option.names().first());
                m_parser.addOption(option);
            }
        }
    }

    auto usage = [this](const QString &problem) {
        writeLine(stderr, u"confab-cli: "_s + problem);
        std::fputs(usageText(m_commands).toUtf8().constData(), stderr);
        return int(Usage);
    };
    if (!m_parser.parse(arguments)) {
        return usage(m_parser.errorText());
    }
    if (m_parser.isSet(help)) {
        std::fputs(usageText(m_commands).toUtf8().constData(), stdout);
        return int(Ok);
    }
    if (m_parser.isSet(version)) {
        writeLine(stdout, u"confab-cli "_s + QCoreApplication::applicationVersion());
        return int(Ok);
    }
    m_json = m_parser.isSet(json);
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        return usage(tr("no command given"));
    }
    const QString name = positional.first();
    for (const CliCommand &command : std::as_const(m_commands)) {
        if (command.name == name) {
            m_command = &command;
        }
    }
    if (!m_command) {
        return usage(tr("unknown command: %1").arg(name));
    }
    m_args = positional.mid(1);
    if (m_args.size() < m_command->minArgs || m_args.size() > m_command->maxArgs) {
        return usage(tr("wrong number of arguments for %1").arg(m_command->synopsis));
    }
    for (const QString &option : std::as_const(commandOptions)) {
        const bool own = std::any_of(m_command->options.begin(), m_command->options.end(),
            [&option](const QCommandLineOption &o) { return o.names().first() == option; });
        if (m_parser.isSet(option) && !own) {
            return usage(tr("--%1 does not belong to %2").arg(option, name));
        }
    }
    if (m_command->validate) {
        if (const QString problem = m_command->validate(m_parser, m_args); !problem.isEmpty()) {
            return usage(problem);
        }
    }

    if (!m_parser.isSet(jid)) {
        return usage(tr("--jid is required"));
    }
    const auto parsedJid = Jid::parse(m_parser.value(jid));
    if (const auto *error = std::get_if<JidError>(&parsedJid)) {
        return usage(tr("invalid --jid: %1").arg(error->message));
    }
    m_settings.jid = std::get<Jid>(parsedJid);
    if (m_settings.jid.local().isEmpty()) {
        return usage(tr("--jid needs a user name (user@domain)"));
    }

    if (m_parser.isSet(passwordFile)) {
        QFile file(m_parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            return usage(tr("cannot read the password file %1: %2").arg(file.fileName(), file.errorString()));
        }
        QByteArray line = file.readLine();
        while (line.endsWith('\n') || line.endsWith('\r')) {
            line.chop(1);
        }
        m_settings.password = QString::fromUtf8(line);
    } else {
        m_settings.password = qEnvironmentVariable("CONFAB_PASSWORD");
    }
    if (m_settings.password.isEmpty()) {
        return usage(tr("no password: use --password-file FILE or set CONFAB_PASSWORD"));
    }

    m_settings.host = m_parser.value(host);
    if (m_parser.isSet(port)) {
        bool ok = false;
        const uint value = m_parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535) {
            return usage(tr("invalid --port: %1").arg(m_parser.value(port)));
        }
        m_settings.port = quint16(value);
        if (m_settings.host.isEmpty()) {
            m_settings.host = m_settings.jid.domainAce();
        }
    }
    const QString mode = m_parser.value(tls);
    if (mode == u"starttls") {
        m_settings.tlsMode = TlsMode::StartTls;
    } else if (mode == u"direct") {
        m_settings.tlsMode = TlsMode::DirectTls;
    } else if (mode == u"insecure-plaintext") {
        m_settings.tlsMode = TlsMode::InsecurePlaintext;
    } else {
        return usage(tr("invalid --tls mode: %1").arg(mode));
    }
    m_settings.caFile = m_parser.value(caFile);
    if (!m_settings.caFile.isEmpty() && !QFile::exists(m_settings.caFile)) {
        return usage(tr("no such CA file: %1").arg(m_settings.caFile));
    }
    if (m_parser.isSet(pin)) {
        m_settings.pinnedSha256 = ConnectionSettings::parseFingerprint(m_parser.value(pin));
        if (m_settings.pinnedSha256.isEmpty()) {
            return usage(tr("invalid --pin: expected 64 hex digits (colons optional)"));
        }
    }
    bool ok = false;
    m_timeoutSeconds = m_parser.value(timeout).toInt(&ok);
    if (!ok || m_timeoutSeconds <= 0) {
        return usage(tr("invalid --timeout: %1").arg(m_parser.value(timeout)));
    }
    m_settings.registerAccount = m_command->registerAccount;
    m_settings.negotiationTimeout = std::chrono::seconds(m_timeoutSeconds);
    return std::nullopt;
}

QString CliApplication::dataDirectory() const
{
    QString base = qEnvironmentVariable("CONFAB_DATA_DIR");
    if (base.isEmpty()) {
        base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/confab-cli"_s;
    }
    return base + u'/' + m_settings.jid.bareString();
}

int CliApplication::exitCodeFor(const ConnectionError &error)
{
    using Kind = ConnectionError::Kind;
    switch (error.kind) {
    case Kind::None:
        return Ok;
    case Kind::AuthenticationFailed:
    case Kind::NoSuitableMechanism:
        return AuthFailed;
    case Kind::CertificateRefused:
    case Kind::TlsFailed:
    case Kind::TlsUnavailable:
    case Kind::PlaintextRefused:
        return TlsRefused;
    case Kind::HostNotFound:
    case Kind::ConnectionFailed:
    case Kind::ConnectionLost:
    case Kind::Timeout:
        return NetworkFailure;
    case Kind::StreamError:
        return error.isTransient() ? NetworkFailure : Failure;
    case Kind::RegistrationFailed:
    case Kind::ProtocolError:
        return Failure;
    }
    return Failure;
}

void CliApplication::start()
{
    m_client = new Client(this);
    // What every client owes its contacts (XEP-0030, XEP-0092, XEP-0199), whatever the command.
    m_client->addExtension(new DiscoInfoResponder(u"Confab"_s));
    m_client->addExtension(new VersionResponder(u"Confab"_s, QCoreApplication::applicationVersion()));
    m_client->addExtension(new PingManager);
    m_client->setIqTimeout(std::chrono::seconds(m_timeoutSeconds));
    if (m_command->setup) {
        m_command->setup(*m_client);
    }
    connect(m_client, &Client::connected, this, [this](bool resumed) {
        if (!resumed && !m_started) {
            m_started = true;
            m_command->run(*this);
        }
    });
    connect(
        m_client, &Client::connectionLost, this, [this](const ConnectionError &error, std::chrono::milliseconds retry) {
            writeLine(stderr,
                tr("confab-cli: %1 Reconnecting in %2 s.")
                    .arg(error.message)
                    .arg(double(retry.count()) / 1000.0, 0, 'f', 1));
        });
    connect(m_client, &Client::disconnected, this, &CliApplication::handleDisconnected);
    QTimer::singleShot(std::chrono::seconds(m_timeoutSeconds), this, &CliApplication::handleTimeout);
    m_client->connectToServer(m_settings);
}

void CliApplication::handleTimeout()
{
    if (m_finishing) {
        return;
    }
    if (!m_started) {
        printError(tr("Could not sign in within %1 seconds.").arg(m_timeoutSeconds));
        exitNow(NetworkFailure);
        return;
    }
    if (m_timeoutIsNormalEnd) {
        finish(m_client->isConnected() ? Ok : NetworkFailure);
        return;
    }
    printError(tr("Timed out after %1 seconds.").arg(m_timeoutSeconds));
    finish(m_client->isConnected() ? Failure : NetworkFailure);
}

void CliApplication::handleDisconnected(const ConnectionError &error)
{
    if (m_finishing) {
        exitNow(m_exitCode);
        return;
    }
    if (!error.isError()) {
        exitNow(Failure);
        return;
    }
    QJsonObject json { { u"kind"_s, int(error.kind) } };
    QString text = error.message;
    if (!error.condition.isEmpty()) {
        json.insert(u"condition"_s, error.condition);
    }
    if (error.kind == ConnectionError::Kind::CertificateRefused && !error.certificateSha256.isEmpty()) {
        const QString fingerprint = ConnectionSettings::formatFingerprint(error.certificateSha256);
        text += u'\n'
            + tr("Certificate of \"%1\", SHA-256 fingerprint %2. If you know this is your server's certificate, "
                 "connect again with --pin %2")
                  .arg(error.certificateSubject, fingerprint);
        json.insert(u"fingerprint"_s, fingerprint);
    }
    printError(text, json);
    exitNow(exitCodeFor(error));
}

void CliApplication::finish(int code)
{
    if (m_finishing) {
        return;
    }
    m_finishing = true;
    m_exitCode = code;
    if (m_client->state() == Client::State::Disconnected) {
        exitNow(code);
        return;
    }
    m_client->disconnectFromServer();
}

void CliApplication::exitNow(int code)
{
    m_finishing = true;
    m_exitCode = code;
    QCoreApplication::exit(code);
}

void CliApplication::printResult(const QString &text, const QJsonObject &json)
{
    if (m_json) {
        writeLine(stdout, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    } else {
        writeLine(stdout, text);
    }
}

void CliApplication::printError(const QString &text, QJsonObject json)
{
    writeLine(stderr, u"confab-cli: "_s + text);
    if (m_json) {
        json.insert(u"error"_s, text);
        writeLine(stdout, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    }
}

} // namespace confab
