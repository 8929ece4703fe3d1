// SPDX-License-Identifier: Apache-2.0
#include "session/AccountSession.h"

#include "client/Client.h"
#include "models/RosterModel.h"
#include "storage/CapsStore.h"
#include "storage/MessageStore.h"
#include "storage/RosterStore.h"
#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/chat/ChatManager.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/mam/MamManager.h"
#include "xmpp/ping/PingManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/SubscriptionManager.h"
#include "xmpp/vcard/VCardManager.h"
#include "xmpp/version/VersionResponder.h"

#include <QCoreApplication>
#include <QPromise>

using namespace Qt::StringLiterals;

namespace confab {

AccountSession::AccountSession(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_client(new Client(this))
    , m_rosterStore(new RosterStore(dataDirectory + u"/roster.sqlite"_s, this))
    , m_capsStore(new CapsStore(dataDirectory + u"/caps.sqlite"_s, this))
    , m_messageStore(new MessageStore(dataDirectory + u"/messages.sqlite"_s, this))
    , m_roster(new RosterManager)
    , m_subscriptions(new SubscriptionManager)
    , m_presence(new PresenceManager)
    , m_caps(new CapsManager(m_capsStore))
    , m_vcards(new VCardManager)
    , m_avatars(new AvatarManager(dataDirectory + u"/avatars"_s))
    , m_blocking(new BlockingManager)
    , m_ping(new PingManager)
    , m_chats(new ChatManager(m_messageStore))
    , m_mam(new MamManager(m_chats, m_messageStore))
    , m_rosterModel(new RosterModel(this))
{
    m_client->addExtension(new DiscoInfoResponder(u"Confab"_s));
    m_client->addExtension(new VersionResponder(u"Confab"_s, QCoreApplication::applicationVersion()));
    for (ClientExtension *extension : std::initializer_list<ClientExtension *> {
             m_roster, m_subscriptions, m_presence, m_caps, m_vcards, m_avatars, m_blocking, m_ping, m_chats, m_mam }) {
        m_client->addExtension(extension);
    }
    m_roster->setStore(m_rosterStore);

    // XEP-0153: our avatar's hash rides on every presence we send, and a new avatar sends presence again.
    m_presence->addOwnPayload([avatars = m_avatars] { return avatars->ownPresenceUpdate(); });
    connect(m_avatars, &AvatarManager::ownPresenceUpdateChanged, m_presence, &PresenceManager::refreshOwnPresence);

    m_rosterModel->connectTo(m_roster, m_presence, m_blocking, m_avatars);
    // A contact's new avatar hash arrives in their presence; AvatarManager fetches it on its own.
}

AccountSession::~AccountSession() = default;

QFuture<QString> AccountSession::open()
{
    auto promise = std::make_shared<QPromise<QString>>();
    promise->start();
    QFuture<QString> result = promise->future();
    m_rosterStore->open().then(this, [this, promise](const QString &rosterError) {
        if (!rosterError.isEmpty()) {
            promise->addResult(rosterError);
            promise->finish();
            return;
        }
        m_subscriptions->setStore(m_rosterStore);
        m_capsStore->open().then(this, [this, promise](const QString &capsError) {
            if (!capsError.isEmpty()) {
                promise->addResult(capsError);
                promise->finish();
                return;
            }
            m_messageStore->open().then(this, [promise](const QString &messagesError) {
                promise->addResult(messagesError);
                promise->finish();
            });
        });
    });
    return result;
}

void AccountSession::signIn(const ConnectionSettings &settings)
{
    m_client->connectToServer(settings);
}

void AccountSession::signOut()
{
    m_client->disconnectFromServer();
}

} // namespace confab
