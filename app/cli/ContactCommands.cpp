// SPDX-License-Identifier: Apache-2.0
// vcard, block, unblock, blocklist: contact information and the XEP-0191 blocklist (README.md, confab-cli).
#include "CliCommand.h"
#include "client/Client.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/vcard/VCardManager.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

void printVCard(CliSession &session, const Jid &jid, const VCard &card)
{
    QStringList lines;
    QJsonObject json { { u"jid"_s, jid.toString() } };
    const auto add = [&](const QString &label, const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            lines.append(label + u": "_s + value);
            json.insert(key, value);
        }
    };
    add(cliTr("Full name"), u"full_name"_s, card.fullName);
    add(cliTr("Nickname"), u"nickname"_s, card.nickname);
    add(cliTr("Given name"), u"given_name"_s, card.givenName);
    add(cliTr("Family name"), u"family_name"_s, card.familyName);
    for (const QString &email : card.emails) {
        lines.append(cliTr("Email") + u": "_s + email);
    }
    if (!card.emails.isEmpty()) {
        json.insert(u"emails"_s, QJsonArray::fromStringList(card.emails));
    }
    for (const QString &phone : card.phones) {
        lines.append(cliTr("Phone") + u": "_s + phone);
    }
    if (!card.phones.isEmpty()) {
        json.insert(u"phones"_s, QJsonArray::fromStringList(card.phones));
    }
    add(cliTr("Organisation"), u"organisation"_s, card.organisation);
    add(cliTr("Title"), u"title"_s, card.title);
    add(cliTr("URL"), u"url"_s, card.url);
    add(cliTr("Birthday"), u"birthday"_s, card.birthday.isValid() ? card.birthday.toString(Qt::ISODate) : QString());
    add(cliTr("Note"), u"note"_s, card.note);
    if (!card.photo.isEmpty()) {
        lines.append(cliTr("Photo: %1, %2 bytes, SHA-1 %3")
                         .arg(card.photoType.isEmpty() ? cliTr("unknown type") : card.photoType)
                         .arg(card.photo.size())
                         .arg(card.photoHash()));
        json.insert(u"photo_type"_s, card.photoType);
        json.insert(u"photo_bytes"_s, card.photo.size());
        json.insert(u"photo_sha1"_s, card.photoHash());
    }
    if (lines.isEmpty()) {
        lines.append(cliTr("%1 has an empty vCard.").arg(jid.toString()));
    }
    session.printResult(lines.join(u'\n'), json);
}

void vcard(CliSession &session)
{
    Client &client = session.client();
    const Jid jid = session.args().isEmpty() ? client.jid().bare() : Jid::fromString(session.args().first()).bare();
    client.findExtension<VCardManager>()->fetch(jid).then(
        &client, [&session, jid](const VCardManager::FetchResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                QJsonObject json { { u"jid"_s, jid.toString() } };
                if (const auto *stanzaError = std::get_if<StanzaError>(error)) {
                    json.insert(u"condition"_s, stanzaError->condition);
                }
                session.printError(
                    cliTr("Could not fetch the vCard of %1: %2").arg(jid.toString(), describeError(*error)), json);
                session.finish(CliSession::Failure);
                return;
            }
            printVCard(session, jid, std::get<VCard>(result));
            session.finish(CliSession::Ok);
        });
}

void changeBlocklist(CliSession &session, bool block)
{
    Client &client = session.client();
    const Jid jid = Jid::fromString(session.args().first());
    auto *manager = client.findExtension<BlockingManager>();
    QFuture<BlockingManager::Result> future = block ? manager->block(jid) : manager->unblock(jid);
    future.then(&client, [&session, jid, block](const BlockingManager::Result &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            QJsonObject json { { u"jid"_s, jid.toString() } };
            if (const auto *stanzaError = std::get_if<StanzaError>(error)) {
                json.insert(u"condition"_s, stanzaError->condition);
            }
            session.printError((block ? cliTr("Could not block %1: %2") : cliTr("Could not unblock %1: %2"))
                                   .arg(jid.toString(), describeError(*error)),
                json);
            session.finish(CliSession::Failure);
            return;
        }
        session.printResult((block ? cliTr("Blocked %1.") : cliTr("Unblocked %1.")).arg(jid.toString()),
            { { block ? u"blocked"_s : u"unblocked"_s, jid.toString() } });
        session.finish(CliSession::Ok);
    });
}

void blocklist(CliSession &session)
{
    Client &client = session.client();
    client.findExtension<BlockingManager>()->fetchBlocklist().then(
        &client, [&session](const BlockingManager::BlocklistResult &result) {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                session.printError(cliTr("Could not fetch the blocklist: %1").arg(describeError(*error)));
                session.finish(CliSession::Failure);
                return;
            }
            QStringList jids;
            for (const Jid &jid : std::get<QList<Jid>>(result)) {
                jids.append(jid.toString());
            }
            std::sort(jids.begin(), jids.end());
            session.printResult(jids.isEmpty() ? cliTr("Nobody is blocked.") : jids.join(u'\n'),
                { { u"blocked"_s, QJsonArray::fromStringList(jids) } });
            session.finish(CliSession::Ok);
        });
}

} // namespace

QList<CliCommand> contactCliCommands()
{
    QList<CliCommand> commands;
    const auto validateJid
        = [](const QCommandLineParser &, const QStringList &args) { return invalidJidArgument(args, 0); };

    CliCommand vcardCommand;
    vcardCommand.name = u"vcard"_s;
    vcardCommand.synopsis = u"vcard [JID]"_s;
    vcardCommand.description = u"print the vCard (XEP-0054) of JID, or ours"_s;
    vcardCommand.maxArgs = 1;
    vcardCommand.validate = validateJid;
    vcardCommand.setup = [](Client &client) { client.addExtension(new VCardManager); };
    vcardCommand.run = vcard;
    commands.append(vcardCommand);

    CliCommand blockCommand;
    blockCommand.name = u"block"_s;
    blockCommand.synopsis = u"block JID"_s;
    blockCommand.description = u"block JID (XEP-0191); exit 0 once the server confirmed"_s;
    blockCommand.minArgs = blockCommand.maxArgs = 1;
    blockCommand.validate = validateJid;
    blockCommand.setup = [](Client &client) { client.addExtension(new BlockingManager); };
    blockCommand.run = [](CliSession &session) { changeBlocklist(session, true); };
    commands.append(blockCommand);

    CliCommand unblockCommand = blockCommand;
    unblockCommand.name = u"unblock"_s;
    unblockCommand.synopsis = u"unblock JID"_s;
    unblockCommand.description = u"unblock JID (XEP-0191); exit 0 once the server confirmed"_s;
    unblockCommand.run = [](CliSession &session) { changeBlocklist(session, false); };
    commands.append(unblockCommand);

    CliCommand blocklistCommand;
    blocklistCommand.name = u"blocklist"_s;
    blocklistCommand.synopsis = u"blocklist"_s;
    blocklistCommand.description = u"print the blocked JIDs (XEP-0191)"_s;
    blocklistCommand.setup = [](Client &client) { client.addExtension(new BlockingManager); };
    blocklistCommand.run = blocklist;
    commands.append(blocklistCommand);

    return commands;
}

} // namespace confab
