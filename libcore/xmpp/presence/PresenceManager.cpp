// SPDX-License-Identifier: Apache-2.0
#include "xmpp/presence/PresenceManager.h"

#include "base/Ids.h"
#include "base/Namespaces.h"
#include "stanza/Stanza.h"
#include "xmpp/caps/CapsManager.h"
#include "xmpp/presence/PresenceLogging.h"

#include <QPromise>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr QStringView LastNs = u"jabber:iq:last"; // XEP-0012

QFuture<SendResult> notConnected()
{
    QPromise<SendResult> promise;
    promise.start();
    promise.addResult(XmppError(NetworkError { u"not connected"_s }));
    promise.finish();
    return promise.future();
}

bool isSubscriptionType(QStringView type)
{
    return type == u"subscribe" || type == u"subscribed" || type == u"unsubscribe" || type == u"unsubscribed";
}

/// How long a refresh waits for the server to reflect our broadcast (RFC 6121 §4.2.2 says it must; a server
/// busy with a roster of thousands can take seconds).
constexpr int ReflectionTimeoutMs = 30'000;

/// The same element, whatever the order of attributes (servers reorder them) and whitespace-only text.
bool equivalent(const XmlElement &a, const XmlElement &b)
{
    if (!a.is(b.name(), b.namespaceUri()) || a.text().trimmed() != b.text().trimmed()
        || a.attributes().size() != b.attributes().size() || a.children().size() != b.children().size()) {
        return false;
    }
    for (const XmlElement::Attribute &attribute : a.attributes()) {
        if (!b.attributes().contains(attribute)) {
            return false;
        }
    }
    for (qsizetype i = 0; i < a.children().size(); ++i) {
        if (!equivalent(a.children().at(i), b.children().at(i))) {
            return false;
        }
    }
    return true;
}

/// Whether `reflected` (what the server broadcast for us) already carries every child of `ours`.
bool advertisesTheSame(const XmlElement &ours, const XmlElement &reflected)
{
    if (ours.attribute(u"type") != reflected.attribute(u"type")) {
        return false;
    }
    for (const XmlElement &child : ours.children()) {
        const XmlElement *theirs = reflected.firstChild(child.name(), child.namespaceUri());
        if (!theirs || !equivalent(child, *theirs)) {
            return false;
        }
    }
    // Something the server shows that we no longer send (a status we cleared) is a change too.
    for (const XmlElement &child : reflected.children()) {
        if (child.namespaceUri() == ours.namespaceUri() && !ours.firstChild(child.name(), child.namespaceUri())) {
            return false;
        }
    }
    return true;
}

} // namespace

PresenceManager::PresenceManager(QObject *parent)
    : ClientExtension(parent)
    , m_flushTimer(new QTimer(this))
    , m_reflectionTimeout(new QTimer(this))
{
    m_own.type = Presence::Type::Unavailable;
    m_own.show = Presence::Show::Offline;
    // A zero timer fires once the event loop has handled what is already queued: every presence read
    // in this turn lands in one batch (the Psi lesson, STYLE.md).
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &PresenceManager::flush);
    m_reflectionTimeout->setSingleShot(true);
    m_reflectionTimeout->setInterval(ReflectionTimeoutMs);
    connect(m_reflectionTimeout, &QTimer::timeout, this, [this] {
        m_awaitingReflection = false;
        sendPendingRefresh();
    });
}

PresenceManager::~PresenceManager() = default;

CapsManager *PresenceManager::caps()
{
    if (!m_caps && client()) {
        m_caps = client()->findExtension<CapsManager>();
        if (m_caps) {
            connect(m_caps, &CapsManager::featuresKnown, this, &PresenceManager::handleFeaturesKnown);
        }
    }
    return m_caps;
}

bool PresenceManager::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isPresence(stanza)) {
        return false;
    }
    if (isSubscriptionType(stanza.attribute(u"type"))) {
        return false; // RFC 6121 §3: the SubscriptionManager's
    }
    const QString lang = client() ? client()->settings().lang : QString();
    std::optional<Presence> presence = Presence::fromXml(stanza, lang);
    if (!presence || presence->from.isNull()) {
        // A probe (servers send those to servers, RFC 6121 §4.3), an unknown type or a bad address.
        qCDebug(lcPresence) << "dropping presence of type" << stanza.attribute(u"type") << "from"
                            << stanza.attribute(u"from");
        return true;
    }
    presence->received = QDateTime::currentDateTimeUtc();
    if (client() && presence->from == client()->jid()) {
        handleOwnReflection(stanza);
    }
    const Jid from = presence->from;
    const Jid bare = from.bare();
    Contact &contact = m_contacts[bare];

    switch (presence->type) {
    case Presence::Type::Error: {
        const StanzaError error
            = presence->error.value_or(StanzaError { StanzaError::Type::Cancel, u"undefined-condition"_s, {} });
        qCInfo(lcPresence) << "presence error from" << from.toString() << error.condition;
        contact.error = error;
        markChanged(bare);
        Q_EMIT presenceErrorReceived(from, error);
        return true;
    }
    case Presence::Type::Unavailable:
        if (from.isFull()) {
            removeResource(contact, from);
        } else {
            // From the bare JID: the account as a whole is offline.
            for (const Presence &resource : std::as_const(contact.resources)) {
                if (CapsManager *c = caps()) {
                    c->forgetResource(resource.from);
                }
            }
            contact.resources.clear();
        }
        contact.lastUnavailable = *presence;
        markChanged(bare);
        return true;
    case Presence::Type::Available:
        break;
    }

    contact.error.reset();
    contact.lastUnavailable.reset();
    for (qsizetype i = 0; i < contact.resources.size(); ++i) {
        if (contact.resources.at(i).from == from) {
            contact.resources.removeAt(i);
            break;
        }
    }
    contact.resources.append(*presence);
    markChanged(bare);
    if (CapsManager *c = caps()) {
        if (presence->caps) {
            c->handleCaps(from, *presence->caps); // may resolve at once (featuresKnown) or later
        } else {
            c->forgetResource(from);
        }
        // handleCaps may have emitted into handleFeaturesKnown, which can rehash m_contacts.
        Contact &current = m_contacts[bare];
        if (!current.resources.isEmpty() && current.resources.last().from == from) {
            current.resources.last().features = c->features(from);
        }
    }
    return true;
}

void PresenceManager::removeResource(Contact &contact, const Jid &fullJid)
{
    for (qsizetype i = 0; i < contact.resources.size(); ++i) {
        if (contact.resources.at(i).from == fullJid) {
            contact.resources.removeAt(i);
            break;
        }
    }
    if (CapsManager *c = caps()) {
        c->forgetResource(fullJid);
    }
}

void PresenceManager::handleFeaturesKnown(const Jid &fullJid)
{
    const auto contact = m_contacts.find(fullJid.bare());
    if (contact == m_contacts.end()) {
        return;
    }
    for (Presence &resource : contact->resources) {
        if (resource.from == fullJid) {
            resource.features = m_caps->features(fullJid);
            markChanged(fullJid.bare());
            return;
        }
    }
}

void PresenceManager::markChanged(const Jid &bareJid)
{
    if (!m_changedSet.contains(bareJid)) {
        m_changedSet.insert(bareJid);
        m_changed.append(bareJid);
    }
    if (!m_flushTimer->isActive()) {
        m_flushTimer->start();
    }
}

void PresenceManager::flush()
{
    if (m_changed.isEmpty()) {
        return;
    }
    m_changedSet.clear();
    Q_EMIT presencesChanged(std::exchange(m_changed, {}));
}

void PresenceManager::forgetAll()
{
    for (auto it = m_contacts.cbegin(); it != m_contacts.cend(); ++it) {
        markChanged(it.key());
    }
    m_contacts.clear();
    if (CapsManager *c = caps()) {
        c->forgetAllResources();
    }
}

void PresenceManager::sessionEstablished(bool resumed)
{
    if (!m_watchingClient) {
        m_watchingClient = true;
        // A final disconnect may follow a loss that looked resumable (no reconnection after all).
        connect(client(), &Client::disconnected, this, &PresenceManager::handleDisconnected);
    }
    if (resumed) {
        return; // XEP-0198: the server kept our presence and queued what contacts sent meanwhile
    }
    // A new session: the server knows nothing of our presence, and will send contacts' presences again
    // (probes, RFC 6121 §4.2.2) once we send ours.
    forgetAll();
    m_reflected.reset();
    m_awaitingReflection = false;
    m_refreshPending = false;
    m_reflectionTimeout->stop();
    if (m_ownSet && m_own.isAvailable()) {
        sendOwn();
    }
}

void PresenceManager::sessionLost()
{
    // If the session can be resumed, what we know stays true (the server queues the changes for us);
    // otherwise every contact is unknown until the next session tells us again.
    if (!client()->stream()->canResume()) {
        forgetAll();
    }
}

void PresenceManager::handleDisconnected()
{
    forgetAll();
}

Presence PresenceManager::outgoing(const Jid &to, Presence::Show show, const QString &status) const
{
    Presence presence;
    presence.to = to;
    presence.type = show == Presence::Show::Offline ? Presence::Type::Unavailable : Presence::Type::Available;
    presence.show = show;
    presence.status = status;
    if (presence.isAvailable()) {
        presence.idleSince = m_own.idleSince;
        // XEP-0115 §4: caps in every available presence we send.
        if (const CapsManager *c = client() ? client()->findExtension<CapsManager>() : nullptr) {
            presence.caps = c->ownCaps();
        }
    }
    return presence;
}

XmlElement PresenceManager::ownElement() const
{
    Presence presence = outgoing({}, m_own.show, m_own.status);
    presence.priority = m_own.priority;
    XmlElement element = presence.toXml();
    if (presence.isAvailable()) {
        for (const auto &provider : std::as_const(m_ownPayloads)) {
            if (XmlElement payload = provider(); !payload.isNull()) {
                element.appendChild(std::move(payload));
            }
        }
    }
    return element;
}

QFuture<SendResult> PresenceManager::sendOwn()
{
    const XmlElement element = ownElement();
    // What we send now includes every payload: a waiting refresh has nothing left to say.
    m_refreshPending = false;
    m_awaitingReflection = m_own.isAvailable();
    if (m_awaitingReflection) {
        m_reflectionTimeout->start();
    } else {
        m_reflectionTimeout->stop();
    }
    return client()->send(element);
}

void PresenceManager::handleOwnReflection(const XmlElement &stanza)
{
    // RFC 6121 §4.2.2: the server sends our broadcast to all our resources, this one included, after any
    // changes it makes (Prosody's vcard_legacy adds the XEP-0153 photo hash it knows).
    m_reflected = stanza;
    if (m_awaitingReflection) {
        m_awaitingReflection = false;
        m_reflectionTimeout->stop();
        sendPendingRefresh();
    }
}

void PresenceManager::sendPendingRefresh()
{
    if (!std::exchange(m_refreshPending, false)) {
        return;
    }
    if (!(m_ownSet && m_own.isAvailable() && client() && client()->isConnected())) {
        return;
    }
    if (m_reflected && advertisesTheSame(ownElement(), *m_reflected)) {
        qCDebug(lcPresence) << "not sending our presence again: the server already broadcast the same";
        return;
    }
    sendOwn();
}

void PresenceManager::addOwnPayload(std::function<XmlElement()> provider)
{
    m_ownPayloads.append(std::move(provider));
}

void PresenceManager::refreshOwnPresence()
{
    if (m_ownSet && m_own.isAvailable() && client() && client()->isConnected()) {
        m_refreshPending = true;
        if (!m_awaitingReflection) {
            sendPendingRefresh();
        }
    }
}

QFuture<SendResult> PresenceManager::setPresence(Presence::Show show, const QString &status, int priority)
{
    m_ownSet = true;
    m_own.type = show == Presence::Show::Offline ? Presence::Type::Unavailable : Presence::Type::Available;
    m_own.show = show;
    m_own.status = status;
    m_own.priority = Presence::clampPriority(priority);
    if (!client() || !client()->isConnected()) {
        return notConnected();
    }
    QFuture<SendResult> sent = sendOwn();
    if (!m_own.isAvailable()) {
        // RFC 6121 §4.5.2: unavailable, we receive no more presence; what we know goes stale.
        forgetAll();
    }
    return sent;
}

void PresenceManager::setIdleSince(const QDateTime &since)
{
    m_own.idleSince = since.isValid() ? since.toUTC() : QDateTime();
    if (m_ownSet && m_own.isAvailable() && client() && client()->isConnected()) {
        sendOwn();
    }
}

QFuture<SendResult> PresenceManager::sendDirectedPresence(const Jid &to, Presence::Show show, const QString &status)
{
    if (!client() || !client()->isConnected() || to.isNull()) {
        return notConnected();
    }
    return client()->send(outgoing(to, show, status).toXml());
}

Presence PresenceManager::aggregate(const Jid &bareJid) const
{
    const auto contact = m_contacts.constFind(bareJid.bare());
    if (contact != m_contacts.cend()) {
        if (const Presence *best = Presence::pickAggregate(contact->resources)) {
            return *best;
        }
        if (contact->error) {
            Presence error;
            error.from = bareJid.bare();
            error.type = Presence::Type::Error;
            error.show = Presence::Show::Offline;
            error.error = contact->error;
            return error;
        }
        if (contact->lastUnavailable) {
            return *contact->lastUnavailable;
        }
    }
    Presence offline;
    offline.from = bareJid.bare();
    offline.type = Presence::Type::Unavailable;
    offline.show = Presence::Show::Offline;
    return offline;
}

QList<Presence> PresenceManager::resources(const Jid &bareJid) const
{
    return m_contacts.value(bareJid.bare()).resources;
}

QList<Jid> PresenceManager::contacts() const
{
    return m_contacts.keys();
}

std::optional<StanzaError> PresenceManager::lastError(const Jid &bareJid) const
{
    return m_contacts.value(bareJid.bare()).error;
}

QFuture<PresenceManager::LastActivityResult> PresenceManager::lastActivity(const Jid &jid)
{
    const XmlElement iq
        = stanza::makeIq(stanza::IqType::Get, generateStanzaId(), jid, XmlElement(u"query"_s, LastNs.toString()));
    return client()->sendIq(iq).then(this, [](const IqResult &result) -> LastActivityResult {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            return *error;
        }
        const XmlElement *query = std::get<XmlElement>(result).firstChild(u"query", LastNs);
        if (const auto last = query ? LastActivity::fromXml(*query) : std::nullopt) {
            return *last;
        }
        return XmppError(ProtocolError { u"not a XEP-0012 answer"_s });
    });
}

} // namespace confab
