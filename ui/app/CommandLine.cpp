// SPDX-License-Identifier: Apache-2.0
#include "app/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace confab::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("confab::ui::CommandLine", text);
}

} // namespace

std::variant<CommandLine, CommandLine::Exit> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Confab, a desktop XMPP messenger."));
    const QCommandLineOption jid(u"jid"_s, tr("Sign in as JID (user@domain or user@domain/resource)."), u"JID"_s);
    const QCommandLineOption passwordFile(u"password-file"_s,
        tr("Read the password from the first line of FILE (else the environment variable CONFAB_PASSWORD)."),
        u"FILE"_s);
    const QCommandLineOption host(u"host"_s, tr("Connect to HOST instead of looking up the domain."), u"HOST"_s);
    const QCommandLineOption port(u"port"_s, tr("Port on HOST."), u"N"_s);
    const QCommandLineOption tls(u"tls"_s,
        tr("starttls (default), direct, or insecure-plaintext (loopback addresses only)."), u"MODE"_s, u"starttls"_s);
    const QCommandLineOption caFile(u"ca-file"_s, tr("Also trust the CA certificates in FILE (PEM)."), u"FILE"_s);
    const QCommandLineOption pin(
        u"pin"_s, tr("Accept the server certificate with this SHA-256 fingerprint."), u"SHA256"_s);
    const QCommandLineOption profile(u"profile"_s, tr("Keep settings, history and caches in DIR."), u"DIR"_s);
    const QCommandLineOption lang(u"lang"_s, tr("Language: en, zh_CN or zh_TW (default: the system's)."), u"LANG"_s);
    parser.addOptions({ jid, passwordFile, host, port, tls, caFile, pin, profile, lang });
    parser.addPositionalArgument(
        u"uri"_s, tr("An xmpp: address to open, such as xmpp:user@example.com?message."), u"[uri]"_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    if (!parser.parse(arguments)) {
        return Exit { 2, parser.errorText() + u'\n' };
    }
    if (parser.isSet(help)) {
        return Exit { 0, parser.helpText() };
    }
    if (parser.isSet(version)) {
        return Exit { 0, u"confab "_s + QCoreApplication::applicationVersion() + u'\n' };
    }
    const auto usage = [](const QString &message) { return Exit { 2, message + u'\n' }; };

    CommandLine result;
    result.profileDirectory = parser.value(profile);
    result.language = parser.value(lang);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        return usage(tr("Give at most one xmpp: address."));
    }
    if (!positional.isEmpty()) {
        result.uri = positional.first();
    }
    if (!parser.isSet(jid)) {
        for (const QCommandLineOption &option : { passwordFile, host, port, caFile, pin }) {
            if (parser.isSet(option)) {
                return usage(tr("--%1 needs --jid.").arg(option.names().first()));
            }
        }
        return result;
    }

    ConnectionSettings settings;
    settings.jid = Jid::fromString(parser.value(jid));
    if (!settings.jid.isValid() || settings.jid.local().isEmpty()) {
        return usage(tr("Not a valid JID: %1").arg(parser.value(jid)));
    }
    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            return usage(tr("Cannot read the password file %1: %2").arg(file.fileName(), file.errorString()));
        }
        settings.password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
    } else {
        settings.password = qEnvironmentVariable("CONFAB_PASSWORD");
    }
    if (settings.password.isEmpty()) {
        return usage(tr("No password: use --password-file FILE or set CONFAB_PASSWORD."));
    }
    settings.host = parser.value(host);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535) {
            return usage(tr("Not a valid port: %1").arg(parser.value(port)));
        }
        settings.port = quint16(value);
    }
    const QString mode = parser.value(tls);
    if (mode == u"starttls") {
        settings.tlsMode = TlsMode::StartTls;
    } else if (mode == u"direct") {
        settings.tlsMode = TlsMode::DirectTls;
    } else if (mode == u"insecure-plaintext") {
        settings.tlsMode = TlsMode::InsecurePlaintext;
    } else {
        return usage(tr("Not a TLS mode: %1 (starttls, direct or insecure-plaintext)").arg(mode));
    }
    settings.caFile = parser.value(caFile);
    if (parser.isSet(pin)) {
        settings.pinnedSha256 = ConnectionSettings::parseFingerprint(parser.value(pin));
        if (settings.pinnedSha256.isEmpty()) {
            return usage(tr("Not a SHA-256 fingerprint: %1").arg(parser.value(pin)));
        }
    }
    result.signIn = settings;
    return result;
}

} // namespace confab::ui
