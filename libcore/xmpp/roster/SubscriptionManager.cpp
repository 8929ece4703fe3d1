// SPDX-License-Identifier: Apache-2.0
#include "xmpp/roster/SubscriptionManager.h"

#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/RosterStore.h"
#include "xmpp/roster/RosterLogging.h"
#include "xmpp/roster/RosterManager.h"
#include "xmpp/roster/RosterNamespaces.h"

#include <QPromise>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QFuture<SubscriptionManager::Result> readyResult(SubscriptionManager::Result result)
{
    QPromise<SubscriptionManager::Result> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

} // namespace

SubscriptionManager::SubscriptionManager(QObject *parent)
    : ClientExtension(parent)
{ }

SubscriptionManager::~SubscriptionManager() = default;

QFuture<bool> SubscriptionManager::setStore(RosterStore *store)
{
    m_store = store;
    if (!store) {
        QPromise<bool> promise;
        promise.start();
        promise.addResult(true);
        promise.finish();
        return promise.future();
    }
    return store->loadRequests().then(this, [this, store](const QList<SubscriptionRequest> &stored) {
        // Requests that arrived before the store was attached are written now.
        for (const SubscriptionRequest &request : std::as_const(m_requests)) {
            if (std::none_of(stored.begin(), stored.end(),
                    [&request](const SubscriptionRequest &s) { return s.jid == request.jid; })) {
                store->addRequest(request);
            }
        }
        for (const SubscriptionRequest &request : stored) {
            if (!m_requests.contains(request.jid)) {
                m_requests.insert(request.jid, request);
            }
        }
        Q_EMIT pendingRequestsChanged();
        return true;
    });
}

QList<SubscriptionRequest> SubscriptionManager::pendingRequests() const
{
    QList<SubscriptionRequest> requests = m_requests.values();
    std::sort(requests.begin(), requests.end(), [](const SubscriptionRequest &a, const SubscriptionRequest &b) {
        return a.received != b.received ? a.received < b.received : a.jid.toString() < b.jid.toString();
    });
    return requests;
}

bool SubscriptionManager::isPreApprovalSupported() const
{
    return client() && client()->stream()->features().firstChild(u"sub", ns::roster::PreApprovalFeature);
}

Jid SubscriptionManager::validSender(const XmlElement &presence, const Jid &ownJid)
{
    const Jid from = Jid::fromString(presence.attribute(u"from"));
    if (!from.isBare() || (!ownJid.isNull() && from == ownJid.bare())) {
        return {};
    }
    return from;
}

void SubscriptionManager::sessionEstablished(bool resumed)
{
    Q_UNUSED(resumed)
    connectRoster();
}

void SubscriptionManager::connectRoster()
{
    if (m_rosterConnected || !client()) {
        return;
    }
    if (auto *roster = client()->findExtension<RosterManager>()) {
        m_rosterConnected = true;
        connect(roster, &RosterManager::itemsChanged, this, &SubscriptionManager::handleRosterItems);
        connect(roster, &RosterManager::rosterReceived, this,
            [this](const QList<RosterItem> &items, bool) { handleRosterItems(items); });
    }
}

void SubscriptionManager::handleRosterItems(const QList<RosterItem> &items)
{
    // A request answered from another of our resources shows up as a subscription 'from' or 'both'.
    for (const RosterItem &item : items) {
        if (item.isSubscribedToUs() && m_requests.contains(item.jid)) {
            qCDebug(lcRoster) << "request from" << item.jid.toString() << "was answered elsewhere";
            forgetRequest(item.jid);
        }
    }
}

bool SubscriptionManager::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isPresence(stanza)) {
        return false;
    }
    const QString type = stanza.attribute(u"type");
    if (type != u"subscribe" && type != u"subscribed" && type != u"unsubscribe" && type != u"unsubscribed") {
        return false;
    }
    const Jid from = validSender(stanza, client() ? client()->jid() : Jid());
    if (from.isNull()) {
        // Consumed all the same: a malformed subscription stanza must not reach presence handling.
        qCWarning(lcRoster) << "ignoring a" << type << "presence from" << stanza.attribute(u"from");
        return true;
    }
    if (type == u"subscribe") {
        addRequest(
            SubscriptionRequest { from, stanza.childText(u"status", ns::Client), QDateTime::currentDateTimeUtc() });
    } else if (type == u"subscribed") {
        Q_EMIT subscriptionApproved(from);
    } else if (type == u"unsubscribed") {
        Q_EMIT subscriptionRevoked(from);
    } else {
        // RFC 6121 §3.3.3: an unsubscribe also withdraws a request still pending with us.
        if (m_requests.contains(from)) {
            forgetRequest(from);
        }
        Q_EMIT contactUnsubscribed(from);
    }
    return true;
}

void SubscriptionManager::addRequest(const SubscriptionRequest &request)
{
    const bool known = m_requests.contains(request.jid);
    if (known) {
        m_requests[request.jid].status = request.status; // redelivered: keep when it first came
    } else {
        m_requests.insert(request.jid, request);
    }
    auto notify = [this, request, known] {
        Q_EMIT pendingRequestsChanged();
        if (!known) {
            Q_EMIT subscriptionRequested(request.jid, request.status);
        }
    };
    if (!m_store) {
        notify();
        return;
    }
    // DESIGN.md: the store commits, then the signal: a request the user saw survives a crash.
    m_store->addRequest(request).then(this, [notify](bool) { notify(); });
}

void SubscriptionManager::forgetRequest(const Jid &jid)
{
    if (!m_requests.remove(jid)) {
        return;
    }
    if (m_store) {
        m_store->removeRequest(jid);
    }
    Q_EMIT pendingRequestsChanged();
}

QFuture<SubscriptionManager::Result> SubscriptionManager::sendPresence(
    const Jid &to, const QString &type, const QString &status)
{
    if (!to.isBare()) {
        return readyResult(XmppError(StanzaError { StanzaError::Type::Modify, u"jid-malformed"_s, {} }));
    }
    if (!client()) {
        return readyResult(XmppError(NetworkError { u"not connected"_s }));
    }
    // RFC 6121 §3: subscription stanzas go to the contact's bare JID.
    XmlElement presence(u"presence"_s, ns::Client.toString());
    presence.setAttribute(u"to"_s, to.toString());
    presence.setAttribute(u"type"_s, type);
    if (!status.isEmpty()) {
        presence.appendTextChild(u"status"_s, status, ns::Client.toString());
    }
    return client()->send(presence);
}

QFuture<SubscriptionManager::Result> SubscriptionManager::request(const Jid &jid, const QString &status)
{
    return sendPresence(jid, u"subscribe"_s, status);
}

QFuture<SubscriptionManager::Result> SubscriptionManager::approve(const Jid &jid)
{
    if (!hasPendingRequest(jid)) {
        const RosterManager *roster = client() ? client()->findExtension<RosterManager>() : nullptr;
        const std::optional<RosterItem> item = roster ? roster->item(jid) : std::nullopt;
        if (item && item->isSubscribedToUs()) {
            return readyResult(std::monostate {}); // nothing to approve
        }
        // RFC 6121 §3.4: a 'subscribed' before any request is a pre-approval, which a server without
        // the feature would silently ignore; say so rather than pretend.
        if (!isPreApprovalSupported()) {
            return readyResult(XmppError(StanzaError { StanzaError::Type::Cancel, u"feature-not-implemented"_s,
                u"no subscription request from this contact, and the server does not support pre-approval"_s }));
        }
    }
    QFuture<Result> sent = sendPresence(jid, u"subscribed"_s);
    if (jid.isBare()) {
        forgetRequest(jid);
    }
    return sent;
}

QFuture<SubscriptionManager::Result> SubscriptionManager::deny(const Jid &jid)
{
    QFuture<Result> sent = sendPresence(jid, u"unsubscribed"_s);
    if (jid.isBare()) {
        forgetRequest(jid);
    }
    return sent;
}

QFuture<SubscriptionManager::Result> SubscriptionManager::cancel(const Jid &jid)
{
    return deny(jid); // the same stanza (RFC 6121 §3.2.1); a pending request is answered by it too
}

QFuture<SubscriptionManager::Result> SubscriptionManager::unsubscribe(const Jid &jid)
{
    return sendPresence(jid, u"unsubscribe"_s);
}

} // namespace confab
