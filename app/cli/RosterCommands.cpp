// SPDX-License-Identifier: Apache-2.0
// roster, add, remove, subscribe, approve, deny: the contact list and presence subscriptions (RFC 6121).
#include "CliCommand.h"
#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/RosterStore.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QString requireBareJid(const QStringList &args)
{
    if (!args.isEmpty() && !Jid::fromString(args.first()).isBare()) {
        return cliTr("not a valid bare address (user@domain): %1").arg(args.first());
    }
    return {};
}

Jid target(CliSession &session)
{
    return Jid::fromString(session.args().first());
}

void addRosterExtensions(Client &client)
{
    auto *roster = new RosterManager;
    // The store lives under the session's data directory, known only once the command runs.
    roster->setAutoFetch(false);
    client.addExtension(roster);
    client.addExtension(new SubscriptionManager);
}

/// Opens the account's roster cache and hands it to both managers; it lives as long as the client.
/// Resolves once the pending subscription requests are loaded.
QFuture<bool> attachStore(CliSession &session)
{
    Client &client = session.client();
    auto *store = new RosterStore(session.dataDirectory() + u"/roster.sqlite"_s, &client);
    store->open().then(&client, [&session](const QString &error) {
        if (!error.isEmpty()) {
            session.printError(cliTr("Cannot open the roster cache: %1").arg(error));
        }
    });
    client.findExtension<RosterManager>()->setStore(store);
    return client.findExtension<SubscriptionManager>()->setStore(store);
}

QString presenceWord(Client &client, const Jid &jid)
{
    // Only `roster --watch` goes online, so only there is any presence known.
    const PresenceManager *presence = client.findExtension<PresenceManager>();
    if (!presence) {
        return u"unavailable"_s;
    }
    const Presence aggregate = presence->aggregate(jid);
    if (!aggregate.isAvailable()) {
        return u"unavailable"_s;
    }
    const QString show = Presence::showName(aggregate.show);
    return show.isEmpty() ? u"online"_s : show;
}

QJsonObject itemJson(Client &client, const RosterItem &item)
{
    return { { u"jid"_s, item.jid.toString() }, { u"name"_s, item.name },
        { u"groups"_s, QJsonArray::fromStringList(item.groups) },
        { u"subscription"_s, RosterItem::subscriptionName(item.subscription) }, { u"ask"_s, item.ask },
        { u"approved"_s, item.approved }, { u"presence"_s, presenceWord(client, item.jid) } };
}

QString itemLine(Client &client, const RosterItem &item)
{
    QString line = item.jid.toString();
    if (!item.name.isEmpty()) {
        line += u" \""_s + item.name + u'"';
    }
    if (!item.groups.isEmpty()) {
        line += u" ["_s + item.groups.join(u", "_s) + u']';
    }
    line += u" subscription="_s + RosterItem::subscriptionName(item.subscription);
    if (item.ask) {
        line += u" (request pending)"_s;
    }
    return line + u' ' + presenceWord(client, item.jid);
}

void printItem(CliSession &session, const RosterItem &item, const QString &event = {})
{
    QJsonObject json = itemJson(session.client(), item);
    QString text = itemLine(session.client(), item);
    if (!event.isEmpty()) {
        json.insert(u"event"_s, event);
        text = event + u": "_s + text;
    }
    session.printResult(text, json);
}

void printEvent(CliSession &session, const QString &event, const Jid &jid, const QString &status = {})
{
    QJsonObject json { { u"event"_s, event }, { u"jid"_s, jid.toString() } };
    QString text = event + u": "_s + jid.toString();
    if (!status.isEmpty()) {
        json.insert(u"status"_s, status);
        text += u" \""_s + status + u'"';
    }
    session.printResult(text, json);
}

/// Ends the command with the outcome of a request to the server.
void finishWith(CliSession &session, const std::variant<std::monostate, XmppError> &result, const QString &done,
    const QJsonObject &json)
{
    if (const auto *error = std::get_if<XmppError>(&result)) {
        session.printError(describeError(*error));
        session.finish(std::holds_alternative<NetworkError>(*error) ? CliSession::NetworkFailure : CliSession::Failure);
        return;
    }
    session.printResult(done, json);
    session.finish(CliSession::Ok);
}

void watch(CliSession &session)
{
    Client &client = session.client();
    auto *roster = client.findExtension<RosterManager>();
    auto *subscriptions = client.findExtension<SubscriptionManager>();
    session.setTimeoutIsNormalEnd(true);
    QObject::connect(roster, &RosterManager::itemsChanged, &client, [&session](const QList<RosterItem> &items) {
        for (const RosterItem &item : items) {
            printItem(session, item, u"changed"_s);
        }
    });
    QObject::connect(roster, &RosterManager::itemsRemoved, &client, [&session](const QList<Jid> &jids) {
        for (const Jid &jid : jids) {
            printEvent(session, u"removed"_s, jid);
        }
    });
    QObject::connect(subscriptions, &SubscriptionManager::subscriptionRequested, &client,
        [&session](
            const Jid &jid, const QString &status) { printEvent(session, u"subscription-request"_s, jid, status); });
    QObject::connect(subscriptions, &SubscriptionManager::subscriptionApproved, &client,
        [&session](const Jid &jid) { printEvent(session, u"subscription-approved"_s, jid); });
    QObject::connect(subscriptions, &SubscriptionManager::subscriptionRevoked, &client,
        [&session](const Jid &jid) { printEvent(session, u"subscription-revoked"_s, jid); });
    QObject::connect(subscriptions, &SubscriptionManager::contactUnsubscribed, &client,
        [&session](const Jid &jid) { printEvent(session, u"unsubscribed"_s, jid); });
    if (auto *presence = client.findExtension<PresenceManager>()) {
        QObject::connect(
            presence, &PresenceManager::presencesChanged, &client, [&session, roster](const QList<Jid> &jids) {
                for (const Jid &jid : jids) {
                    if (const std::optional<RosterItem> item = roster->item(jid)) {
                        printItem(session, *item, u"presence"_s);
                    }
                }
            });
        // RFC 6121 §3.1.3, §4.2: subscription requests and contacts' presence reach available resources only.
        presence->setPresence(Presence::Show::Online);
    }
    // Stated on stderr, like `listen`, so a script knows from when on changes are reported.
    const QByteArray line = "watching the roster of " + client.jid().bare().toString().toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void listRoster(CliSession &session)
{
    attachStore(session);
    Client &client = session.client();
    client.findExtension<RosterManager>()->fetch().then(&client, [&session](const RosterManager::Result &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            session.printError(cliTr("Could not fetch the roster: %1").arg(describeError(*error)));
            session.finish(CliSession::Failure);
            return;
        }
        for (const RosterItem &item : session.client().findExtension<RosterManager>()->items()) {
            printItem(session, item);
        }
        if (session.isSet(u"watch"_s)) {
            watch(session);
        } else {
            session.finish(CliSession::Ok);
        }
    });
}

void add(CliSession &session)
{
    const Jid jid = target(session);
    const QString name = session.value(u"name"_s);
    const QStringList groups = session.values(u"group"_s);
    session.client()
        .findExtension<RosterManager>()
        ->addOrUpdate(jid, name, groups)
        .then(&session.client(), [&session, jid, name, groups](const RosterManager::Result &result) {
            finishWith(session, result, cliTr("Added %1.").arg(jid.toString()),
                { { u"added"_s, jid.toString() }, { u"name"_s, name },
                    { u"groups"_s, QJsonArray::fromStringList(groups) } });
        });
}

void remove(CliSession &session)
{
    const Jid jid = target(session);
    session.client().findExtension<RosterManager>()->remove(jid).then(
        &session.client(), [&session, jid](const RosterManager::Result &result) {
            finishWith(session, result, cliTr("Removed %1.").arg(jid.toString()), { { u"removed"_s, jid.toString() } });
        });
}

void subscribe(CliSession &session)
{
    const Jid jid = target(session);
    session.client().findExtension<SubscriptionManager>()->request(jid).then(
        &session.client(), [&session, jid](const SubscriptionManager::Result &result) {
            finishWith(session, result, cliTr("Asked %1 to see their presence.").arg(jid.toString()),
                { { u"subscribe"_s, jid.toString() } });
        });
}

void answer(CliSession &session, bool approve)
{
    const Jid jid = target(session);
    Client &client = session.client();
    auto *subscriptions = client.findExtension<SubscriptionManager>();
    auto send = [&session, subscriptions, jid, approve] {
        QFuture<SubscriptionManager::Result> sent = approve ? subscriptions->approve(jid) : subscriptions->deny(jid);
        sent.then(&session.client(), [&session, jid, approve](const SubscriptionManager::Result &result) {
            const QString key = approve ? u"approved"_s : u"denied"_s;
            finishWith(session, result,
                approve ? cliTr("%1 may now see your presence.").arg(jid.toString())
                        : cliTr("Refused %1's request.").arg(jid.toString()),
                { { key, jid.toString() } });
        });
    };
    // A request this data directory has not seen yet is redelivered by the server once we are available
    // (RFC 6121 §3.1.3); a ping behind our presence comes back after it.
    attachStore(session).then(&client, [&client, subscriptions, jid, approve, send](bool) {
        if (!approve || subscriptions->hasPendingRequest(jid) || subscriptions->isPreApprovalSupported()) {
            send();
            return;
        }
        client.send(XmlElement(u"presence"_s, ns::Client.toString()));
        const XmlElement ping
            = stanza::makeIq(stanza::IqType::Get, generateStanzaId(), {}, XmlElement(u"ping"_s, ns::Ping.toString()));
        client.sendIq(ping).then(&client, [send](const IqResult &) { send(); });
    });
}

} // namespace

QList<CliCommand> rosterCliCommands()
{
    QList<CliCommand> commands;

    CliCommand rosterCommand;
    rosterCommand.name = u"roster"_s;
    rosterCommand.synopsis = u"roster [--watch]"_s;
    rosterCommand.description
        = u"list contacts (jid, name, groups, subscription, presence); --watch: then each change until timeout"_s;
    rosterCommand.options = { QCommandLineOption(u"watch"_s) };
    rosterCommand.setup = [](Client &client) {
        addRosterExtensions(client);
        client.addExtension(new PresenceManager);
    };
    rosterCommand.run = listRoster;
    commands.append(rosterCommand);

    CliCommand addCommand;
    addCommand.name = u"add"_s;
    addCommand.synopsis = u"add JID [--name N] [--group G]..."_s;
    addCommand.description = u"add a contact, or set its name and groups (--group repeatable)"_s;
    addCommand.minArgs = addCommand.maxArgs = 1;
    addCommand.options = { QCommandLineOption(u"name"_s, {}, u"N"_s), QCommandLineOption(u"group"_s, {}, u"G"_s) };
    addCommand.validate = [](const QCommandLineParser &parser, const QStringList &args) {
        for (const QString &group : parser.values(u"group"_s)) {
            if (group.isEmpty()) {
                return cliTr("a group name cannot be empty");
            }
        }
        return requireBareJid(args);
    };
    addCommand.setup = addRosterExtensions;
    addCommand.run = add;
    commands.append(addCommand);

    CliCommand removeCommand;
    removeCommand.name = u"remove"_s;
    removeCommand.synopsis = u"remove JID"_s;
    removeCommand.description = u"remove a contact (and the subscriptions both ways)"_s;
    removeCommand.minArgs = removeCommand.maxArgs = 1;
    removeCommand.validate = [](const QCommandLineParser &, const QStringList &args) { return requireBareJid(args); };
    removeCommand.setup = addRosterExtensions;
    removeCommand.run = remove;
    commands.append(removeCommand);

    CliCommand subscribeCommand;
    subscribeCommand.name = u"subscribe"_s;
    subscribeCommand.synopsis = u"subscribe JID"_s;
    subscribeCommand.description = u"ask to see a contact's presence"_s;
    subscribeCommand.minArgs = subscribeCommand.maxArgs = 1;
    subscribeCommand.validate = removeCommand.validate;
    subscribeCommand.setup = addRosterExtensions;
    subscribeCommand.run = subscribe;
    commands.append(subscribeCommand);

    CliCommand approveCommand;
    approveCommand.name = u"approve"_s;
    approveCommand.synopsis = u"approve JID"_s;
    approveCommand.description = u"let a contact who asked see your presence (or pre-approve, if the server can)"_s;
    approveCommand.minArgs = approveCommand.maxArgs = 1;
    approveCommand.validate = removeCommand.validate;
    approveCommand.setup = addRosterExtensions;
    approveCommand.run = [](CliSession &session) { answer(session, true); };
    commands.append(approveCommand);

    CliCommand denyCommand;
    denyCommand.name = u"deny"_s;
    denyCommand.synopsis = u"deny JID"_s;
    denyCommand.description = u"refuse a contact's request to see your presence"_s;
    denyCommand.minArgs = denyCommand.maxArgs = 1;
    denyCommand.validate = removeCommand.validate;
    denyCommand.setup = addRosterExtensions;
    denyCommand.run = [](CliSession &session) { answer(session, false); };
    commands.append(denyCommand);

    return commands;
}

} // namespace confab
