// SPDX-License-Identifier: Apache-2.0
// presence: set our presence and watch contacts' presence (RFC 6121 §4, XEP-0115, XEP-0319).
#include "CliCommand.h"
#include "client/Client.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/presence/PresenceManager.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

void printPresence(CliSession &session, const Presence &presence)
{
    const QString jid = presence.from.bare().toString();
    const QString resource = presence.from.resource();
    const QString show = Presence::showDisplayName(presence.show);
    QJsonObject json { { u"jid"_s, jid }, { u"resource"_s, resource }, { u"show"_s, show },
        { u"status"_s, presence.status }, { u"priority"_s, presence.priority } };
    if (presence.idleSince.isValid()) {
        json.insert(u"idle_since"_s, presence.idleSince.toString(Qt::ISODate));
    }
    QString text = presence.from.toString() + u' ' + show;
    if (presence.isAvailable()) {
        text += u" (%1)"_s.arg(presence.priority);
    }
    if (!presence.status.isEmpty()) {
        text += u": "_s + presence.status;
    }
    session.printResult(text, json);
}

void runPresence(CliSession &session)
{
    Client &client = session.client();
    auto *manager = client.findExtension<PresenceManager>();
    const Presence::Show show = *Presence::showFromName(session.args().at(0));
    const QString status = session.args().value(1);
    int priority = 0;
    if (session.isSet(u"priority"_s)) {
        priority = session.value(u"priority"_s).toInt();
    }

    if (show == Presence::Show::Offline) {
        // Unavailable ends our presence: nothing more will arrive, so there is nothing to watch.
        manager->setPresence(show, status).then(&client, [&session](const SendResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                session.printError(
                    cliTr("The presence was not confirmed by the server: %1").arg(describeError(*error)));
                session.finish(CliSession::NetworkFailure);
                return;
            }
            session.finish(CliSession::Ok);
        });
        return;
    }

    session.setTimeoutIsNormalEnd(true);
    // What was printed per full JID, so that an unchanged re-send (e.g. new caps) prints nothing.
    auto printed = std::make_shared<QHash<Jid, QString>>();
    QObject::connect(manager, &PresenceManager::presencesChanged, &client,
        [&session, manager, printed, own = client.jid()](const QList<Jid> &contacts) {
            for (const Jid &contact : contacts) {
                QSet<Jid> seen;
                for (const Presence &presence : manager->resources(contact)) {
                    seen.insert(presence.from);
                    if (presence.from == own) {
                        continue; // our own presence, reflected by the server
                    }
                    const QString key = Presence::showDisplayName(presence.show) + u'\n' + presence.status + u'\n'
                        + QString::number(presence.priority);
                    if (printed->value(presence.from) != key) {
                        printed->insert(presence.from, key);
                        printPresence(session, presence);
                    }
                }
                // Resources that went away.
                for (auto it = printed->begin(); it != printed->end();) {
                    if (it.key().bare() == contact && !seen.contains(it.key())) {
                        Presence gone;
                        gone.from = it.key();
                        gone.type = Presence::Type::Unavailable;
                        gone.show = Presence::Show::Offline;
                        // The status it left with, when it was the last one (RFC 6121 §4.5.1).
                        if (const Presence last = manager->aggregate(contact); last.from == it.key()) {
                            gone.status = last.status;
                        }
                        printPresence(session, gone);
                        it = printed->erase(it);
                    } else {
                        ++it;
                    }
                }
            }
        });
    manager->setPresence(show, status, priority).then(&client, [&session, &client](const SendResult &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            session.printError(cliTr("The presence was not confirmed by the server: %1").arg(describeError(*error)));
            session.finish(CliSession::NetworkFailure);
            return;
        }
        const QByteArray line = "present as " + client.jid().toString().toUtf8() + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    });
}

} // namespace

QList<CliCommand> presenceCliCommands()
{
    QList<CliCommand> commands;

    CliCommand presence;
    presence.name = u"presence"_s;
    presence.synopsis = u"presence SHOW [STATUS] [--priority N]"_s;
    presence.description = u"be online|chat|away|xa|dnd until timeout, printing contacts' presence; offline: "
                           u"send unavailable and exit"_s;
    presence.minArgs = 1;
    presence.maxArgs = 2;
    presence.options = { QCommandLineOption(u"priority"_s, {}, u"N"_s) };
    presence.validate = [](const QCommandLineParser &parser, const QStringList &args) {
        if (!Presence::showFromName(args.at(0))) {
            return cliTr("SHOW must be one of online, chat, away, xa, dnd, offline: %1").arg(args.at(0));
        }
        if (parser.isSet(u"priority"_s)) {
            bool ok = false;
            const int value = parser.value(u"priority"_s).toInt(&ok);
            if (!ok || value < -128 || value > 127) {
                return cliTr("invalid --priority (-128..127): %1").arg(parser.value(u"priority"_s));
            }
        }
        return QString();
    };
    presence.setup = [](Client &client) {
        client.addExtension(new CapsManager);
        client.addExtension(new PresenceManager);
    };
    presence.run = runPresence;
    commands.append(presence);

    return commands;
}

} // namespace confab
