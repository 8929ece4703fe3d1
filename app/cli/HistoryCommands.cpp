// SPDX-License-Identifier: Apache-2.0
// history: the local message history (MessageStore), read without the network.
#include "CliCommand.h"
#include "client/Client.h"
#include "storage/MessageStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr int DefaultLimit = 50;

QString stateName(StoredMessage::State state)
{
    switch (state) {
    case StoredMessage::State::Pending:
        return u"pending"_s;
    case StoredMessage::State::Sent:
        return u"sent"_s;
    case StoredMessage::State::Delivered:
        return u"delivered"_s;
    case StoredMessage::State::Displayed:
        return u"displayed"_s;
    case StoredMessage::State::Failed:
        return u"failed"_s;
    case StoredMessage::State::Received:
        return u"received"_s;
    }
    return {};
}

void printMessages(CliSession &session, QList<StoredMessage> messages)
{
    std::sort(messages.begin(), messages.end(),
        [](const StoredMessage &a, const StoredMessage &b) { return a.id < b.id; }); // oldest first
    for (const StoredMessage &message : messages) {
        const QString timestamp = message.timestamp.toString(Qt::ISODateWithMs);
        const QString from = message.sender.toString();
        session.printResult(u"%1 %2: %3"_s.arg(timestamp, from, message.body),
            { { u"id"_s, message.id }, { u"from"_s, from }, { u"body"_s, message.body }, { u"timestamp"_s, timestamp },
                { u"state"_s, stateName(message.state) } });
    }
    session.finish(CliSession::Ok);
}

void history(CliSession &session)
{
    const Jid conversation = Jid::fromString(session.args().at(0)).bare();
    const int limit = session.isSet(u"limit"_s) ? session.value(u"limit"_s).toInt() : DefaultLimit;
    const bool searching = session.isSet(u"search"_s);
    const QString text = session.value(u"search"_s);
    // Owned by the client, which outlives the session's callbacks.
    auto *store = new MessageStore(session.dataDirectory() + u"/messages.sqlite"_s, &session.client());
    store->open().then(store, [&session, store, conversation, limit, searching, text](const QString &error) {
        if (!error.isEmpty()) {
            session.printError(cliTr("Cannot open the history: %1").arg(error));
            session.finish(CliSession::Failure);
            return;
        }
        QFuture<QList<StoredMessage>> messages
            = searching ? store->search(text, conversation, limit) : store->page(conversation, 0, limit);
        messages.then(store, [&session](const QList<StoredMessage> &found) { printMessages(session, found); });
    });
}

} // namespace

QList<CliCommand> historyCliCommands()
{
    CliCommand command;
    command.name = u"history"_s;
    command.synopsis = u"history JID [--search TEXT] [--limit N]"_s;
    command.description = u"print the stored messages with JID (id, from, body, timestamp, state), oldest first"_s;
    command.minArgs = command.maxArgs = 1;
    command.options = { QCommandLineOption(u"search"_s, {}, u"TEXT"_s), QCommandLineOption(u"limit"_s, {}, u"N"_s) };
    command.validate = [](const QCommandLineParser &parser, const QStringList &args) {
        if (args.isEmpty() || Jid::fromString(args.at(0)).isNull()) {
            return cliTr("not a valid address: %1").arg(args.value(0));
        }
        bool ok = true;
        if (parser.isSet(u"limit"_s) && (parser.value(u"limit"_s).toInt(&ok) <= 0 || !ok)) {
            return cliTr("invalid --limit: %1").arg(parser.value(u"limit"_s));
        }
        if (parser.isSet(u"search"_s) && parser.value(u"search"_s).trimmed().isEmpty()) {
            return cliTr("--search needs a text");
        }
        return QString();
    };
    command.run = history;
    return { command };
}

} // namespace confab
