// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/Client.h"
#include "client/ClientExtension.h"
#include "xmpp/presence/LastActivity.h"
#include "xmpp/presence/Presence.h"

#include <QFuture>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <functional>
#include <variant>

class QTimer;

namespace confab {

class CapsManager;

/// Presence (RFC 6121 §4): ours, sent with our XEP-0115 caps and re-sent at every new session, and every
/// resource of every contact, with an aggregate per contact. Subscription requests (subscribe,
/// subscribed, unsubscribe, unsubscribed) are left to the roster's SubscriptionManager.
///
/// Changes are reported in batches: presencesChanged() comes at most once per event-loop turn, however
/// many presences arrived in it (a login brings one per online contact resource at once).
class PresenceManager : public ClientExtension
{
    Q_OBJECT
public:
    using LastActivityResult = std::variant<LastActivity, XmppError>;

    explicit PresenceManager(QObject *parent = nullptr);
    ~PresenceManager() override;

    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;
    void sessionLost() override;

    /// Sets and broadcasts our presence (Offline sends unavailable). It is kept and sent again at each
    /// new session (not after a XEP-0198 resumption, where the server still has it). The future fails
    /// with a NetworkError while not connected; the presence then goes out when the session starts.
    QFuture<SendResult> setPresence(Presence::Show show, const QString &status = {}, int priority = 0);
    /// XEP-0319: we have been idle since `since` (invalid: not idle). Re-broadcasts when available.
    void setIdleSince(const QDateTime &since);
    /// Adds a payload to every available presence of ours (e.g. XEP-0153's <x xmlns='vcard-temp:x:update'/>
    /// from AvatarManager::ownPresenceUpdate()); a null element adds nothing.
    void addOwnPayload(std::function<XmlElement()> provider);
    /// Sends our presence again because a payload changed; nothing when no presence was set yet or we are
    /// offline. Until the server has reflected our last broadcast back to us (RFC 6121 §4.2.2), the refresh
    /// waits for it; then it is sent only when it says something that reflection did not (the server may
    /// have filled in the same payload, as Prosody's vcard_legacy does with XEP-0153 hashes). Every
    /// broadcast of an available presence costs the server a pass over the whole roster (and, with a
    /// caps hash it has not seen, a disco#info query per contact from mod_pep), so a sign-in with thousands
    /// of contacts must not send two.
    void refreshOwnPresence();
    /// What setPresence() set (Offline before it was called).
    const Presence &ownPresence() const { return m_own; }
    /// RFC 6121 §4.6: presence to one entity only, e.g. someone not in the roster.
    QFuture<SendResult> sendDirectedPresence(const Jid &to, Presence::Show show, const QString &status = {});

    /// The presence representing a contact (Presence::pickAggregate); when none of its resources is
    /// available, the last unavailable (or error) presence it sent, else an Offline presence.
    Presence aggregate(const Jid &bareJid) const;
    /// The contact's available resources, least recently updated first.
    QList<Presence> resources(const Jid &bareJid) const;
    /// Bare JIDs we have any presence information about.
    QList<Jid> contacts() const;
    /// The last presence error the contact (or its server) returned, cleared by its next available presence.
    std::optional<StanzaError> lastError(const Jid &bareJid) const;

    /// XEP-0012: the last activity of an account (seconds since logout), a full JID (idle seconds) or a
    /// server (uptime).
    QFuture<LastActivityResult> lastActivity(const Jid &jid);

Q_SIGNALS:
    /// The presence of these contacts changed (resources, aggregate, features or error); batched.
    void presencesChanged(const QList<confab::Jid> &bareJids);
    /// A presence of type error came back from `from` (RFC 6121 §4.7.2; recorded, see lastError()).
    void presenceErrorReceived(const confab::Jid &from, const confab::StanzaError &error);

private:
    struct Contact
    {
        QList<Presence> resources; ///< available ones, least recently updated first
        std::optional<Presence> lastUnavailable;
        std::optional<StanzaError> error;
    };

    CapsManager *caps();
    void handleFeaturesKnown(const Jid &fullJid);
    void handleDisconnected();
    void removeResource(Contact &contact, const Jid &fullJid);
    void markChanged(const Jid &bareJid);
    void flush();
    void forgetAll();
    Presence outgoing(const Jid &to, Presence::Show show, const QString &status) const;
    QFuture<SendResult> sendOwn();
    XmlElement ownElement() const;
    void handleOwnReflection(const XmlElement &stanza);
    void sendPendingRefresh();

    QHash<Jid, Contact> m_contacts;
    QList<Jid> m_changed; ///< in order of first change this turn
    QSet<Jid> m_changedSet;
    QTimer *m_flushTimer;
    Presence m_own;
    QList<std::function<XmlElement()>> m_ownPayloads;
    bool m_ownSet = false;
    std::optional<XmlElement> m_reflected; ///< our last broadcast as the server sent it back, this session
    bool m_awaitingReflection = false; ///< a broadcast of ours is not reflected yet
    bool m_refreshPending = false; ///< refreshOwnPresence() waits for that reflection
    QTimer *m_reflectionTimeout; ///< for a server that never reflects: refresh anyway
    QPointer<CapsManager> m_caps;
    bool m_watchingClient = false;
};

} // namespace confab
