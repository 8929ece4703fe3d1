// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"

#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Message.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/version/VersionResponder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

const char *const UsageText = R"(confab-cli [options] <command> [args]
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
  login                  connect, authenticate, bind, print the full JID, log out
  send TO TEXT           send a chat message; exit 0 once the server has acknowledged it (XEP-0198)
  listen [--count N]     print each incoming message (from, to, id, type, body, timestamp) until N arrived or timeout
  register               create the account (XEP-0077) with --jid and the password
  ping [JID]             XEP-0199 round trip; prints milliseconds
exit codes: 0 ok, 1 other failure, 2 usage, 3 authentication failed, 4 TLS/certificate refused, 5 network/DNS failure
)";

void writeLine(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

CliApplication::CliApplication(QObject *parent)
    : QObject(parent)
{ }

std::optional<int> CliApplication::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption jid(u"jid"_s, {}, u"JID"_s);
    const QCommandLineOption passwordFile(u"password-file"_s, {}, u"FILE"_s);
    const QCommandLineOption host(u"host"_s, {}, u"HOST"_s);
    const QCommandLineOption port(u"port"_s, {}, u"N"_s);
    const QCommandLineOption tls(u"tls"_s, {}, u"MODE"_s, u"starttls"_s);
    const QCommandLineOption caFile(u"ca-file"_s, {}, u"FILE"_s);
    const QCommandLineOption pin(u"pin"_s, {}, u"SHA256"_s);
    const QCommandLineOption json(u"json"_s);
    const QCommandLineOption timeout(u"timeout"_s, {}, u"SECONDS"_s, u"30"_s);
    const QCommandLineOption count(u"count"_s, {}, u"N"_s);
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption help(QStringList { u"help"_s, u"h"_s });
    parser.addOptions({ jid, passwordFile, host, port, tls, caFile, pin, json, timeout, count, version, help });

    auto usage = [](const QString &problem) {
        writeLine(stderr, u"confab-cli: "_s + problem);
        std::fputs(UsageText, stderr);
        return int(Usage);
    };
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(help)) {
        std::fputs(UsageText, stdout);
        return int(Ok);
    }
    if (parser.isSet(version)) {
        writeLine(stdout, u"confab-cli "_s + QCoreApplication::applicationVersion());
        return int(Ok);
    }
    m_json = parser.isSet(json);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return usage(tr("no command given"));
    }
    m_command = positional.first();
    m_args = positional.mid(1);
    const QHash<QString, std::pair<int, int>> arity = { { u"login"_s, { 0, 0 } }, { u"send"_s, { 2, 2 } },
        { u"listen"_s, { 0, 0 } }, { u"register"_s, { 0, 0 } }, { u"ping"_s, { 0, 1 } } };
    const auto expected = arity.constFind(m_command);
    if (expected == arity.constEnd()) {
        return usage(tr("unknown command: %1").arg(m_command));
    }
    if (m_args.size() < expected->first || m_args.size() > expected->second) {
        return usage(tr("wrong number of arguments for %1").arg(m_command));
    }
    if (parser.isSet(count) && m_command != u"listen") {
        return usage(tr("--count belongs to listen"));
    }
    if (!parser.isSet(jid)) {
        return usage(tr("--jid is required"));
    }
    const auto parsedJid = Jid::parse(parser.value(jid));
    if (const auto *error = std::get_if<JidError>(&parsedJid)) {
        return usage(tr("invalid --jid: %1").arg(error->message));
    }
    m_settings.jid = std::get<Jid>(parsedJid);
    if (m_settings.jid.local().isEmpty()) {
        return usage(tr("--jid needs a user name (user@domain)"));
    }
    if (m_command == u"send" && Jid::fromString(m_args.first()).isNull()) {
        return usage(tr("not a valid address: %1").arg(m_args.first()));
    }
    if (m_command == u"ping" && !m_args.isEmpty() && Jid::fromString(m_args.first()).isNull()) {
        return usage(tr("not a valid address: %1").arg(m_args.first()));
    }

    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
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

    m_settings.host = parser.value(host);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535) {
            return usage(tr("invalid --port: %1").arg(parser.value(port)));
        }
        m_settings.port = quint16(value);
        if (m_settings.host.isEmpty()) {
            m_settings.host = m_settings.jid.domainAce();
        }
    }
    const QString mode = parser.value(tls);
    if (mode == u"starttls") {
        m_settings.tlsMode = TlsMode::StartTls;
    } else if (mode == u"direct") {
        m_settings.tlsMode = TlsMode::DirectTls;
    } else if (mode == u"insecure-plaintext") {
        m_settings.tlsMode = TlsMode::InsecurePlaintext;
    } else {
        return usage(tr("invalid --tls mode: %1").arg(mode));
    }
    m_settings.caFile = parser.value(caFile);
    if (!m_settings.caFile.isEmpty() && !QFile::exists(m_settings.caFile)) {
        return usage(tr("no such CA file: %1").arg(m_settings.caFile));
    }
    if (parser.isSet(pin)) {
        m_settings.pinnedSha256 = ConnectionSettings::parseFingerprint(parser.value(pin));
        if (m_settings.pinnedSha256.isEmpty()) {
            return usage(tr("invalid --pin: expected 64 hex digits (colons optional)"));
        }
    }
    bool ok = false;
    m_timeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok || m_timeoutSeconds <= 0) {
        return usage(tr("invalid --timeout: %1").arg(parser.value(timeout)));
    }
    if (parser.isSet(count)) {
        m_listenCount = parser.value(count).toInt(&ok);
        if (!ok || m_listenCount <= 0) {
            return usage(tr("invalid --count: %1").arg(parser.value(count)));
        }
    }
    m_settings.registerAccount = m_command == u"register";
    m_settings.negotiationTimeout = std::chrono::seconds(m_timeoutSeconds);
    return std::nullopt;
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
    m_client->addExtension(new DiscoInfoResponder(u"Confab"_s));
    m_client->addExtension(new VersionResponder(u"Confab"_s, QCoreApplication::applicationVersion()));
    m_client->addExtension(new PingManager);
    m_client->setIqTimeout(std::chrono::seconds(m_timeoutSeconds));
    connect(m_client, &Client::connected, this, [this](bool resumed) {
        if (!resumed) {
            handleConnected();
        }
    });
    connect(m_client, &Client::disconnected, this, &CliApplication::handleDisconnected);
    connect(m_client, &Client::messageReceived, this, &CliApplication::handleMessage);

    QTimer::singleShot(std::chrono::seconds(m_timeoutSeconds), this, [this] {
        if (m_finishing) {
            return;
        }
        if (!m_client->isConnected() && m_client->jid().isNull()) {
            printError(tr("Could not sign in within %1 seconds.").arg(m_timeoutSeconds));
            finish(NetworkFailure);
            return;
        }
        if (m_command == u"listen" && m_listenCount < 0) {
            logoutAndExit(Ok); // listening until the timeout is the normal end
            return;
        }
        printError(m_command == u"listen" ? tr("Timed out after %1 of %2 messages.").arg(m_received).arg(m_listenCount)
                                          : tr("Timed out after %1 seconds.").arg(m_timeoutSeconds));
        logoutAndExit(Failure);
    });
    m_client->connectToServer(m_settings);
}

void CliApplication::handleConnected()
{
    if (m_command == u"login") {
        printResult(m_client->jid().toString(),
            { { u"jid"_s, m_client->jid().toString() }, { u"mechanism"_s, m_client->stream()->saslMechanism() } });
        logoutAndExit(Ok);
    } else if (m_command == u"register") {
        printResult(tr("Created the account %1.").arg(m_settings.jid.bareString()),
            { { u"registered"_s, m_settings.jid.bareString() }, { u"jid"_s, m_client->jid().toString() } });
        logoutAndExit(Ok);
    } else {
        runCommand();
    }
}

void CliApplication::runCommand()
{
    if (m_command == u"send") {
        Message message;
        message.to = Jid::fromString(m_args.at(0));
        message.type = Message::Type::Chat;
        message.id = generateStanzaId();
        message.body = m_args.at(1);
        const QString id = message.id;
        m_client->send(message.toXml()).then(this, [this, id, to = message.to](const SendResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                printError(tr("The message was not confirmed by the server: %1").arg(describeError(*error)));
                logoutAndExit(NetworkFailure);
                return;
            }
            printResult(tr("Sent %1 to %2.").arg(id, to.toString()), { { u"sent"_s, id }, { u"to"_s, to.toString() } });
            logoutAndExit(Ok);
        });
    } else if (m_command == u"listen") {
        // RFC 6121 §4.2: initial presence, so messages to our bare JID (and offline ones) reach us.
        m_client->send(XmlElement(u"presence"_s, ns::Client.toString())).then(this, [this](const SendResult &) {
            writeLine(stderr, u"listening as "_s + m_client->jid().toString());
        });
    } else if (m_command == u"ping") {
        const Jid target = m_args.isEmpty() ? Jid() : Jid::fromString(m_args.first());
        m_client->findExtension<PingManager>()->ping(target).then(this, [this](const PingManager::PingResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                printError(tr("Ping failed: %1").arg(describeError(*error)));
                logoutAndExit(Failure);
                return;
            }
            const double ms = double(std::get<std::chrono::microseconds>(result).count()) / 1000.0;
            printResult(QString::number(ms, 'f', 1), { { u"ping_ms"_s, ms } });
            logoutAndExit(Ok);
        });
    }
}

void CliApplication::handleMessage(const XmlElement &element)
{
    if (m_command != u"listen" || m_finishing) {
        return;
    }
    const std::optional<Message> message = Message::fromXml(element);
    if (!message || (message->body.isEmpty() && message->type != Message::Type::Error)) {
        return; // chat states, receipts and the like are not messages to print
    }
    const QDateTime stamp = message->stamp.isValid() ? message->stamp : QDateTime::currentDateTimeUtc();
    const QString timestamp = stamp.toString(Qt::ISODateWithMs);
    const QString from = message->from.toString();
    printResult(u"%1 %2: %3"_s.arg(timestamp, from, message->body),
        { { u"from"_s, from }, { u"to"_s, message->to.toString() }, { u"id"_s, message->id },
            { u"type"_s, Message::typeName(message->type) }, { u"body"_s, message->body },
            { u"timestamp"_s, timestamp } });
    ++m_received;
    if (m_listenCount > 0 && m_received >= m_listenCount) {
        logoutAndExit(Ok);
    }
}

void CliApplication::handleDisconnected(const ConnectionError &error)
{
    if (m_finishing) {
        finish(m_exitCode);
        return;
    }
    if (!error.isError()) {
        finish(Failure);
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
            + tr("Certificate of \"%1\", SHA-256 fingerprint %2. If you know this is your server's "
                 "certificate, connect again with --pin %2")
                  .arg(error.certificateSubject, fingerprint);
        json.insert(u"fingerprint"_s, fingerprint);
    }
    printError(text, json);
    finish(exitCodeFor(error));
}

void CliApplication::logoutAndExit(int code)
{
    if (m_finishing) {
        return;
    }
    m_finishing = true;
    m_exitCode = code;
    if (m_client->state() == Client::State::Disconnected) {
        finish(code);
        return;
    }
    m_client->disconnectFromServer();
}

void CliApplication::finish(int code)
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
