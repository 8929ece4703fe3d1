// SPDX-License-Identifier: Apache-2.0
// confab-demo-bot: a contact for the demo server of ./run. It accepts every subscription request, shows
// "typing" for a moment, and answers each message; a real AccountSession, so it also shows what libcore
// does for a headless client. Usage: confab-demo-bot JID PASSWORD_FILE HOST PORT CA_FILE DATA_DIR
#include "client/Client.h"
#include "session/AccountSession.h"
#include "storage/StoredMessage.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/SubscriptionManager.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

QString answerTo(const QString &body)
{
    const QString text = body.trimmed();
    if (text.contains(u"你好") || text.contains(u"您好")) {
        return u"你好！我是 Confab 的演示机器人。写点什么，我会回答。"_s;
    }
    if (text.compare(u"help"_s, Qt::CaseInsensitive) == 0) {
        return u"I repeat what you write, after showing that I am typing. Try Chinese, emoji, or a link."_s;
    }
    return u"You said: “%1”"_s.arg(text);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"confab-demo-bot"_s);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 7) {
        std::fputs("usage: confab-demo-bot JID PASSWORD_FILE HOST PORT CA_FILE DATA_DIR\n", stderr);
        return 2;
    }
    QFile passwordFile(args.at(2));
    if (!passwordFile.open(QIODevice::ReadOnly)) {
        std::fputs("cannot read the password file\n", stderr);
        return 1;
    }
    ConnectionSettings settings;
    settings.jid = Jid::fromString(args.at(1));
    settings.password = QString::fromUtf8(passwordFile.readLine()).trimmed();
    settings.host = args.at(3);
    settings.port = quint16(args.at(4).toUInt());
    settings.caFile = args.at(5);

    AccountSession session(args.at(6));
    SubscriptionManager *subscriptions = session.subscriptions();
    QObject::connect(
        subscriptions, &SubscriptionManager::subscriptionRequested, &session, [subscriptions](const Jid &jid) {
            subscriptions->approve(jid);
            subscriptions->request(jid);
        });
    ChatManager *chats = session.chats();
    QObject::connect(chats, &ChatManager::messageReceived, &session,
        [chats](const StoredMessage &message, const XmlElement &, ChatManager::Origin origin, bool) {
            if (origin != ChatManager::Origin::Live || message.direction != StoredMessage::Direction::Incoming
                || message.body.isEmpty()) {
                return;
            }
            const Jid contact = message.conversation;
            chats->setChatState(contact, ChatManager::ChatState::Composing);
            // A human-looking pause: long enough to see "typing", short enough not to bore.
            QTimer::singleShot(900 + qMin(qsizetype(1500), message.body.size() * 20), chats,
                [chats, contact, reply = answerTo(message.body)] { chats->send(contact, reply); });
        });
    QObject::connect(&session.client(), &Client::disconnected, &app, [](const ConnectionError &error) {
        std::fprintf(stderr, "demo bot: %s\n", qUtf8Printable(error.message));
        QCoreApplication::exit(error.isError() ? 1 : 0);
    });
    QObject::connect(&session.client(), &Client::connected, &app, [&session](bool) {
        std::fprintf(stderr, "demo bot online as %s\n", qUtf8Printable(session.client().jid().toString()));
    });
    session.presence()->setPresence(Presence::Show::Chat, u"I answer everything (demo bot)"_s);
    session.open().then(&session, [&session, settings](const QString &error) {
        if (!error.isEmpty()) {
            std::fprintf(stderr, "demo bot: %s\n", qUtf8Printable(error));
            QCoreApplication::exit(1);
            return;
        }
        session.signIn(settings);
    });
    return app.exec();
}
