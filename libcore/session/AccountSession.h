// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "stream/ConnectionSettings.h"

#include <QFuture>
#include <QObject>

namespace confab {

class AvatarManager;
class BlockingManager;
class CapsManager;
class CapsStore;
class ChatManager;
class Client;
class MamManager;
class MessageStore;
class PingManager;
class PresenceManager;
class RosterManager;
class RosterModel;
class RosterStore;
class SubscriptionManager;
class VCardManager;

/// One account, composed (DESIGN.md, session/): its Client with every extension, the stores under the
/// account's data directory, and the models a window shows, wired together. The desktop app makes one per
/// account; nothing here is a singleton.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    /// `dataDirectory` holds this account's caches and history (roster.sqlite, caps.sqlite, messages.sqlite,
    /// avatars/).
    explicit AccountSession(const QString &dataDirectory, QObject *parent = nullptr);
    ~AccountSession() override;

    /// Opens the stores; resolves to an empty string or the first error. Call before signIn().
    QFuture<QString> open();
    void signIn(const ConnectionSettings &settings);
    void signOut();

    Client &client() const { return *m_client; }
    RosterManager *roster() const { return m_roster; }
    SubscriptionManager *subscriptions() const { return m_subscriptions; }
    PresenceManager *presence() const { return m_presence; }
    CapsManager *caps() const { return m_caps; }
    VCardManager *vcards() const { return m_vcards; }
    AvatarManager *avatars() const { return m_avatars; }
    BlockingManager *blocking() const { return m_blocking; }
    PingManager *ping() const { return m_ping; }
    /// One-to-one chats (RFC 6121 §5) and their history.
    ChatManager *chats() const { return m_chats; }
    /// XEP-0313: catches up on our archive at every new session.
    MamManager *archive() const { return m_mam; }
    MessageStore *messages() const { return m_messageStore; }
    RosterModel *rosterModel() const { return m_rosterModel; }

private:
    Client *m_client;
    RosterStore *m_rosterStore;
    CapsStore *m_capsStore;
    MessageStore *m_messageStore;
    RosterManager *m_roster;
    SubscriptionManager *m_subscriptions;
    PresenceManager *m_presence;
    CapsManager *m_caps;
    VCardManager *m_vcards;
    AvatarManager *m_avatars;
    BlockingManager *m_blocking;
    PingManager *m_ping;
    ChatManager *m_chats;
    MamManager *m_mam;
    RosterModel *m_rosterModel;
};

} // namespace confab
