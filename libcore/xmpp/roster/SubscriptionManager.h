// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/ClientExtension.h"
#include "xmpp/roster/SubscriptionRequest.h"

#include <QFuture>
#include <QHash>
#include <QList>

#include <variant>

namespace confab {

class RosterStore;
struct RosterItem;

/// Presence subscriptions (RFC 6121 §3): sends our requests and answers, and takes in the presence
/// stanzas of type subscribe, subscribed, unsubscribe and unsubscribed. Incoming requests are kept (in
/// the RosterStore when one is set) until the user answers them, across restarts.
///
/// The server, not the client, answers requests from contacts that already have a subscription
/// (RFC 6121 §3.1.3); the client only shows what reaches it.
class SubscriptionManager : public ClientExtension
{
    Q_OBJECT
public:
    /// Handed to the server (std::monostate), or why not.
    using Result = std::variant<std::monostate, XmppError>;

    explicit SubscriptionManager(QObject *parent = nullptr);
    ~SubscriptionManager() override;

    /// Ahead of presence handling, so that subscription stanzas are checked here first.
    int priority() const override { return 100; }
    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;

    /// Where pending requests are kept (not owned; opened by the caller); loads them now.
    /// Resolves when they are loaded (pendingRequestsChanged() is emitted too).
    QFuture<bool> setStore(RosterStore *store);

    /// Requests that have not been answered, oldest first.
    QList<SubscriptionRequest> pendingRequests() const;
    bool hasPendingRequest(const Jid &jid) const { return m_requests.contains(jid.bare()); }
    /// Whether the server advertised <sub xmlns='urn:xmpp:features:pre-approval'/> (RFC 6121 §3.4.1).
    bool isPreApprovalSupported() const;

    /// Asks to see the contact's presence: <presence type='subscribe'/> (RFC 6121 §3.1.1). The server
    /// adds the contact to the roster with ask='subscribe' if needed.
    QFuture<Result> request(const Jid &jid, const QString &status = {});
    /// Lets the contact see our presence: <presence type='subscribed'/> (RFC 6121 §3.1.4) in answer to
    /// their request or, without one, as a pre-approval (§3.4), which needs the server's support:
    /// otherwise the result is a StanzaError feature-not-implemented and nothing is sent.
    QFuture<Result> approve(const Jid &jid);
    /// Refuses the contact's request: <presence type='unsubscribed'/> (RFC 6121 §3.2.1).
    QFuture<Result> deny(const Jid &jid);
    /// Revokes the contact's existing subscription to our presence (RFC 6121 §3.2.1), or a pre-approval.
    QFuture<Result> cancel(const Jid &jid);
    /// Stops our subscription to the contact's presence: <presence type='unsubscribe'/> (RFC 6121 §3.3.1).
    QFuture<Result> unsubscribe(const Jid &jid);

    /// The contact a subscription stanza comes from, or a null Jid when its 'from' is missing, malformed,
    /// not a bare JID (RFC 6121 §3.1.2: the server stamps the bare JID), or our own account.
    static Jid validSender(const XmlElement &presence, const Jid &ownJid);

Q_SIGNALS:
    /// A contact asks to see our presence (RFC 6121 §3.1.3); emitted once the request is stored, and only
    /// for a request that was not already pending (the server redelivers them at each login).
    void subscriptionRequested(const confab::Jid &jid, const QString &status);
    /// The contact approved our request: we now see their presence (RFC 6121 §3.1.5).
    void subscriptionApproved(const confab::Jid &jid);
    /// The contact refused our request or revoked our subscription to them (RFC 6121 §3.2.3).
    void subscriptionRevoked(const confab::Jid &jid);
    /// The contact stopped their subscription to our presence, or withdrew their request (RFC 6121 §3.3.3).
    void contactUnsubscribed(const confab::Jid &jid);
    /// pendingRequests() changed (loaded, added, answered).
    void pendingRequestsChanged();

private:
    QFuture<Result> sendPresence(const Jid &to, const QString &type, const QString &status = {});
    void addRequest(const SubscriptionRequest &request);
    void forgetRequest(const Jid &jid);
    void handleRosterItems(const QList<RosterItem> &items);
    void connectRoster();

    RosterStore *m_store = nullptr;
    QHash<Jid, SubscriptionRequest> m_requests;
    bool m_rosterConnected = false;
};

} // namespace confab
