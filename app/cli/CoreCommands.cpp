// SPDX-License-Identifier: Apache-2.0
// login, send, listen, register, ping: the commands of the foundation (README.md, confab-cli).
#include "CliCommand.h"
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Message.h"
#include "storage/MessageStore.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/mam/MamManager.h"
#include "xmpp/ping/PingManager.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("confab-cli", text);
}

QString requireJid(const QStringList &args, qsizetype index)
{
    if (index < args.size() && Jid::fromString(args.at(index)).isNull()) {
        return tr("not a valid address: %1").arg(args.at(index));
    }
    return {};
}

void printSignedIn(CliSession &session)
{
    Client &client = session.client();
    session.printResult(client.jid().toString(),
        { { u"jid"_s, client.jid().toString() }, { u"mechanism"_s, client.stream()->saslMechanism() } });
}

void writeStderrLine(const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

/// Opens the account's history (messages.sqlite in the data directory) and plugs a ChatManager into the
/// already established session; `then` runs once both are ready, with nullptr when the history cannot be opened.
void withChats(CliSession &session, std::function<void(ChatManager *chats, MessageStore *store)> then)
{
    Client &client = session.client();
    auto *store = new MessageStore(session.dataDirectory() + u"/messages.sqlite"_s, &client);
    store->open().then(&client, [&session, &client, store, then = std::move(then)](const QString &error) {
        if (!error.isEmpty()) {
            session.printError(tr("Cannot open the message history: %1").arg(error));
            session.finish(CliSession::Failure);
            return;
        }
        auto *chats = new ChatManager(store);
        client.addExtension(chats);
        // The session was established before the manager existed: enable carbons and flush the outbox now.
        chats->sessionEstablished(false);
        then(chats, store);
    });
}

void send(CliSession &session)
{
    const Jid to = Jid::fromString(session.args().at(0));
    const QString body = session.args().at(1);
    const bool waitReceipt = session.isSet(u"wait-receipt"_s);
    withChats(session, [&session, to, body, waitReceipt](ChatManager *chats, MessageStore *store) {
        auto originId = std::make_shared<QString>();
        // Once the result is out, later news of the same message is not: a receipt can overtake the
        // server's XEP-0198 ack, and the logout that follows must not report that ack as a failure.
        auto settled = std::make_shared<bool>(false);
        const QString toText = to.toString();
        auto done = [&session, originId, settled, toText](bool delivered) {
            if (std::exchange(*settled, true)) {
                return;
            }
            QJsonObject json { { u"sent"_s, *originId }, { u"to"_s, toText } };
            if (delivered) {
                json.insert(u"delivered"_s, true);
            }
            session.printResult(delivered ? tr("Delivered %1 to %2.").arg(*originId, toText)
                                          : tr("Sent %1 to %2.").arg(*originId, toText),
                json);
            session.finish(CliSession::Ok);
        };
        QObject::connect(chats, &ChatManager::messageAcknowledged, chats,
            [&session, originId, settled, toText, waitReceipt, done](const QString &id, bool ok, const QString &error) {
                if (id != *originId || *settled) {
                    return;
                }
                if (!ok) {
                    *settled = true;
                    session.printError(tr("The message was not confirmed by the server: %1").arg(error));
                    session.finish(CliSession::NetworkFailure);
                    return;
                }
                if (!waitReceipt) {
                    done(false);
                    return;
                }
                writeStderrLine(
                    tr("Sent %1 to %2; waiting for a delivery receipt (XEP-0184) until --timeout.").arg(id, toText));
            });
        if (waitReceipt) {
            // XEP-0184: Delivered is set only for a receipt from the contact the message went to.
            QObject::connect(store, &MessageStore::messageUpdated, chats, [originId, done](const StoredMessage &m) {
                if (m.originId == *originId
                    && (m.state == StoredMessage::State::Delivered || m.state == StoredMessage::State::Displayed)) {
                    done(true);
                }
            });
        }
        QFuture<StoredMessage> sent = chats->send(to, body);
        // The id is known before the server can acknowledge: send() resolves when the message is written.
        sent.then(chats, [originId](const StoredMessage &stored) { *originId = stored.originId; });
    });
}

void listen(CliSession &session)
{
    Client &client = session.client();
    const int count = session.isSet(u"count"_s) ? session.value(u"count"_s).toInt() : -1;
    session.setTimeoutIsNormalEnd(count < 0);
    withChats(session, [&session, &client, count](ChatManager *chats, MessageStore *store) {
        // XEP-0313: what arrived while no client of ours was online (or while a killed listener was storing
        // it) is fetched from the archive into the history. Archived messages are stored, not printed (only
        // Live ones are, below), so the output stays one line per message that arrived while listening; the
        // end of the catch-up is reported on stderr.
        auto *archive = new MamManager(chats, store);
        client.addExtension(archive);
        QObject::connect(archive, &MamManager::catchUpFinished, archive, [](int stored, bool complete) {
            writeStderrLine(
                u"archive catch-up: %1 new message(s)%2"_s.arg(stored).arg(complete ? QString() : u" (incomplete)"_s));
        });
        archive->catchUp();
        auto received = std::make_shared<int>(0);
        QObject::connect(chats, &ChatManager::messageReceived, chats,
            [&session, count, received](
                const StoredMessage &stored, const XmlElement &element, ChatManager::Origin origin, bool) {
                // Printed even when the history had it: another process of this account (a second
                // resource's listener, sharing messages.sqlite) may have stored its carbon first.
                if (origin != ChatManager::Origin::Live) {
                    return; // copies of our other resources' traffic are stored, not printed
                }
                const std::optional<Message> message = Message::fromXml(element);
                if (!message) {
                    return;
                }
                const QString timestamp = stored.timestamp.toString(Qt::ISODateWithMs);
                const QString from = message->from.toString();
                session.printResult(u"%1 %2: %3"_s.arg(timestamp, from, message->body),
                    { { u"from"_s, from }, { u"to"_s, message->to.toString() }, { u"id"_s, message->id },
                        { u"type"_s, Message::typeName(message->type) }, { u"body"_s, message->body },
                        { u"timestamp"_s, timestamp } });
                if (count > 0 && ++*received >= count) {
                    session.finish(CliSession::Ok);
                }
            });
        // RFC 6121 §4.2: initial presence, so messages to our bare JID (and offline ones) reach us.
        client.send(XmlElement(u"presence"_s, ns::Client.toString())).then(&client, [&client](const SendResult &) {
            writeStderrLine(u"listening as "_s + client.jid().toString());
        });
    });
}

void ping(CliSession &session)
{
    const Jid target = session.args().isEmpty() ? Jid() : Jid::fromString(session.args().first());
    session.client().findExtension<PingManager>()->ping(target).then(
        &session.client(), [&session](const PingManager::PingResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                session.printError(tr("Ping failed: %1").arg(describeError(*error)));
                session.finish(CliSession::Failure);
                return;
            }
            const double ms = double(std::get<std::chrono::microseconds>(result).count()) / 1000.0;
            session.printResult(QString::number(ms, 'f', 1), { { u"ping_ms"_s, ms } });
            session.finish(CliSession::Ok);
        });
}

} // namespace

QList<CliCommand> coreCliCommands()
{
    QList<CliCommand> commands;

    CliCommand login;
    login.name = u"login"_s;
    login.synopsis = u"login"_s;
    login.description = u"connect, authenticate, bind, print the full JID, log out"_s;
    login.run = [](CliSession &session) {
        printSignedIn(session);
        session.finish(CliSession::Ok);
    };
    commands.append(login);

    CliCommand sendCommand;
    sendCommand.name = u"send"_s;
    sendCommand.synopsis = u"send TO TEXT [--wait-receipt]"_s;
    sendCommand.description = u"send a chat message; exit 0 once the server has acknowledged it (XEP-0198), "
                              u"or with --wait-receipt once the recipient confirmed it (XEP-0184)"_s;
    sendCommand.minArgs = sendCommand.maxArgs = 2;
    sendCommand.options = { QCommandLineOption(u"wait-receipt"_s) };
    sendCommand.validate = [](const QCommandLineParser &, const QStringList &args) { return requireJid(args, 0); };
    sendCommand.run = send;
    commands.append(sendCommand);

    CliCommand listenCommand;
    listenCommand.name = u"listen"_s;
    listenCommand.synopsis = u"listen [--count N]"_s;
    listenCommand.description
        = u"print each incoming message (from, to, id, type, body, timestamp) until N arrived or timeout"_s;
    listenCommand.options = { QCommandLineOption(u"count"_s, {}, u"N"_s) };
    listenCommand.validate = [](const QCommandLineParser &parser, const QStringList &) {
        bool ok = true;
        if (parser.isSet(u"count"_s) && (parser.value(u"count"_s).toInt(&ok) <= 0 || !ok)) {
            return tr("invalid --count: %1").arg(parser.value(u"count"_s));
        }
        return QString();
    };
    listenCommand.run = listen;
    commands.append(listenCommand);

    CliCommand registerCommand;
    registerCommand.name = u"register"_s;
    registerCommand.synopsis = u"register"_s;
    registerCommand.description = u"create the account (XEP-0077) with --jid and the password"_s;
    registerCommand.registerAccount = true;
    registerCommand.run = [](CliSession &session) {
        const QString bare = session.client().jid().bare().toString();
        session.printResult(tr("Created the account %1.").arg(bare),
            { { u"registered"_s, bare }, { u"jid"_s, session.client().jid().toString() } });
        session.finish(CliSession::Ok);
    };
    commands.append(registerCommand);

    CliCommand pingCommand;
    pingCommand.name = u"ping"_s;
    pingCommand.synopsis = u"ping [JID]"_s;
    pingCommand.description = u"XEP-0199 round trip; prints milliseconds"_s;
    pingCommand.maxArgs = 1;
    pingCommand.validate = [](const QCommandLineParser &, const QStringList &args) { return requireJid(args, 0); };
    pingCommand.run = ping;
    commands.append(pingCommand);

    return commands;
}

} // namespace confab
