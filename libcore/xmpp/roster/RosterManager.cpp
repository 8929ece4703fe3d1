// SPDX-License-Identifier: Apache-2.0
#include "xmpp/roster/RosterManager.h"

#include "base/Ids.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/RosterStore.h"
#include "xmpp/roster/RosterLogging.h"
#include "xmpp/roster/RosterNamespaces.h"

#include <QPromise>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QFuture<RosterManager::Result> readyResult(RosterManager::Result result)
{
    QPromise<RosterManager::Result> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

void resolve(const std::shared_ptr<QPromise<RosterManager::Result>> &promise, RosterManager::Result result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

QList<RosterItem> sortedByJid(QList<RosterItem> items)
{
    std::sort(items.begin(), items.end(),
        [](const RosterItem &a, const RosterItem &b) { return a.jid.toString() < b.jid.toString(); });
    return items;
}

} // namespace

RosterManager::RosterManager(QObject *parent)
    : ClientExtension(parent)
{ }

RosterManager::~RosterManager() = default;

void RosterManager::setStore(RosterStore *store)
{
    m_store = store;
    m_cacheLoaded = false;
}

bool RosterManager::isVersioningSupported() const
{
    return client() && client()->stream()->features().firstChild(u"ver", ns::roster::VersioningFeature);
}

bool RosterManager::isValidPushSender(const XmlElement &iq, const Jid &ownJid)
{
    if (!iq.hasAttribute(u"from")) {
        return true; // from the server on the account's behalf
    }
    const Jid from = Jid::fromString(iq.attribute(u"from"));
    return from.isBare() && !ownJid.isNull() && from == ownJid.bare();
}

QList<RosterItem> RosterManager::items() const
{
    return sortedByJid(m_items.values());
}

std::optional<RosterItem> RosterManager::item(const Jid &jid) const
{
    const auto it = m_items.constFind(jid.bare());
    if (it == m_items.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

void RosterManager::sessionEstablished(bool resumed)
{
    // A resumed session (XEP-0198) lost no push; a new one must fetch (RFC 6121 §2.2: pushes only reach
    // resources that requested the roster).
    if (!resumed && m_autoFetch) {
        fetch();
    }
}

QFuture<RosterManager::Result> RosterManager::fetch()
{
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    QFuture<Result> future = promise->future();
    if (m_store && !m_cacheLoaded) {
        loadCacheThenRequest(promise);
    } else {
        requestRoster(promise);
    }
    return future;
}

void RosterManager::loadCacheThenRequest(std::shared_ptr<QPromise<Result>> promise)
{
    m_store->load().then(this, [this, promise](const RosterStore::Roster &cached) {
        m_cacheLoaded = true;
        // What the server already told this object is newer than any cache.
        if (!m_hasRoster && !cached.items.isEmpty()) {
            m_items.clear();
            for (const RosterItem &item : cached.items) {
                m_items.insert(item.jid, item);
            }
            m_version = cached.version;
            qCDebug(lcRoster) << "loaded" << cached.items.size() << "cached items, version" << cached.version;
            Q_EMIT cacheLoaded(items());
        } else if (!m_hasRoster) {
            m_version = cached.version;
        }
        requestRoster(promise);
    });
}

void RosterManager::requestRoster(std::shared_ptr<QPromise<Result>> promise)
{
    if (!client() || !client()->isConnected()) {
        resolve(promise, XmppError(NetworkError { u"not connected"_s }));
        return;
    }
    XmlElement query(u"query"_s, ns::roster::Query.toString());
    bool sentCachedVersion = false;
    if (isVersioningSupported()) {
        // RFC 6121 §2.6.2: our cached version, or "" when we have no cache but want versioning.
        query.setAttribute(u"ver"_s, m_version.isNull() ? u""_s : m_version);
        sentCachedVersion = !m_version.isEmpty();
    }
    const XmlElement iq = stanza::makeIq(stanza::IqType::Get, generateStanzaId(), {}, std::move(query));
    client()->sendIq(iq).then(this, [this, sentCachedVersion, promise](const IqResult &result) {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            qCWarning(lcRoster) << "roster request failed:" << describeError(*error);
            resolve(promise, *error);
            return;
        }
        handleRosterResult(std::get<XmlElement>(result), sentCachedVersion, promise);
    });
}

void RosterManager::handleRosterResult(
    const XmlElement &iq, bool sentCachedVersion, std::shared_ptr<QPromise<Result>> promise)
{
    const XmlElement *query = iq.firstChild(u"query", ns::roster::Query);
    if (!query && sentCachedVersion) {
        // RFC 6121 §2.6.3: an empty result means our cached version is current; any changes follow as pushes.
        m_hasRoster = true;
        qCDebug(lcRoster) << "cached roster version" << m_version << "is current";
        Q_EMIT rosterReceived(items(), true);
        resolve(promise, std::monostate {});
        return;
    }
    QList<RosterItem> received;
    if (query) {
        for (const XmlElement &child : query->children()) {
            if (!child.is(u"item", ns::roster::Query)) {
                continue;
            }
            std::optional<RosterItem> item = RosterItem::fromXml(child);
            if (!item || item->isRemoval()) {
                qCWarning(lcRoster) << "skipping an invalid roster item:" << child.attribute(u"jid");
                continue;
            }
            received.append(std::move(*item));
        }
    }
    // The full roster supersedes whatever pushes are still waiting to be written.
    m_pendingOrder.clear();
    m_pending.clear();
    m_pendingVersion.clear();
    m_items.clear();
    for (const RosterItem &item : std::as_const(received)) {
        m_items.insert(item.jid, item);
    }
    // Without 'ver' the server does not version this roster (RFC 6121 §2.6.3): forget any old version.
    m_version = query ? query->attribute(u"ver") : QString();
    m_hasRoster = true;
    const QList<RosterItem> all = items();
    qCDebug(lcRoster) << "received" << all.size() << "roster items, version" << m_version;
    if (!m_store) {
        Q_EMIT rosterReceived(all, false);
        resolve(promise, std::monostate {});
        return;
    }
    // DESIGN.md: the store commits, then the signal.
    m_store->replaceAll(all, m_version).then(this, [this, all, promise](bool) {
        Q_EMIT rosterReceived(all, false);
        resolve(promise, std::monostate {});
    });
}

bool RosterManager::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isIq(stanza) || stanza::iqType(stanza) != stanza::IqType::Set) {
        return false;
    }
    const XmlElement *query = stanza.firstChild(u"query", ns::roster::Query);
    if (!query) {
        return false;
    }
    if (!isValidPushSender(stanza, client()->jid())) {
        // RFC 6121 §2.1.6: ignore it, and do not answer either: an answer would tell the forger we are here.
        qCWarning(lcRoster) << "ignoring a roster push from" << stanza.attribute(u"from");
        return true;
    }
    // RFC 6121 §2.1.6: exactly one item per push.
    const XmlElement *itemElement = nullptr;
    int count = 0;
    for (const XmlElement &child : query->children()) {
        if (child.is(u"item", ns::roster::Query)) {
            itemElement = &child;
            ++count;
        }
    }
    const std::optional<RosterItem> item = count == 1 ? RosterItem::fromXml(*itemElement) : std::optional<RosterItem>();
    if (!item) {
        qCWarning(lcRoster) << "refusing a malformed roster push with" << count << "items";
        client()->stream()->send(
            stanza::makeErrorReply(stanza, StanzaError { StanzaError::Type::Modify, u"bad-request"_s, {} }));
        return true;
    }
    applyPush(*item, query->attribute(u"ver"));
    client()->stream()->send(stanza::makeIqResult(stanza));
    return true;
}

void RosterManager::applyPush(const RosterItem &item, const QString &version)
{
    if (item.isRemoval()) {
        m_items.remove(item.jid);
        m_pending.insert(item.jid, std::nullopt);
    } else {
        m_items.insert(item.jid, item);
        m_pending.insert(item.jid, item);
    }
    m_pendingOrder.removeOne(item.jid);
    m_pendingOrder.append(item.jid);
    // RFC 6121 §2.6.3: each push carries the version that includes it.
    if (!version.isNull()) {
        m_version = version;
        m_pendingVersion = version;
    }
    if (!m_flushScheduled) {
        // A burst of pushes (e.g. after a versioned fetch) becomes one write and one signal per kind.
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &RosterManager::flushChanges, Qt::QueuedConnection);
    }
}

void RosterManager::flushChanges()
{
    m_flushScheduled = false;
    QList<RosterItem> changed;
    QList<Jid> removed;
    for (const Jid &jid : std::as_const(m_pendingOrder)) {
        if (const std::optional<RosterItem> &item = m_pending.value(jid)) {
            changed.append(*item);
        } else {
            removed.append(jid);
        }
    }
    const QString version = std::exchange(m_pendingVersion, QString());
    m_pendingOrder.clear();
    m_pending.clear();
    if (changed.isEmpty() && removed.isEmpty()) {
        return;
    }
    auto emitChanges = [this, changed, removed] {
        if (!changed.isEmpty()) {
            Q_EMIT itemsChanged(changed);
        }
        if (!removed.isEmpty()) {
            Q_EMIT itemsRemoved(removed);
        }
    };
    if (!m_store) {
        emitChanges();
        return;
    }
    m_store->applyChanges(changed, removed, version).then(this, [emitChanges](bool) { emitChanges(); });
}

QFuture<RosterManager::Result> RosterManager::sendSet(const RosterItem &item)
{
    if (!item.jid.isBare()) {
        return readyResult(XmppError(StanzaError { StanzaError::Type::Modify, u"jid-malformed"_s, {} }));
    }
    if (!client()) {
        return readyResult(XmppError(NetworkError { u"not connected"_s }));
    }
    XmlElement query(u"query"_s, ns::roster::Query.toString());
    query.appendChild(item.toSetXml());
    return client()
        ->sendIq(stanza::makeIq(stanza::IqType::Set, generateStanzaId(), {}, std::move(query)))
        .then(this, [](const IqResult &result) -> Result {
            if (const auto *error = std::get_if<XmppError>(&result)) {
                return *error;
            }
            return std::monostate {};
        });
}

QFuture<RosterManager::Result> RosterManager::addOrUpdate(
    const Jid &jid, const QString &name, const QStringList &groups)
{
    RosterItem item;
    item.jid = jid;
    item.name = name;
    // RFC 6121 §2.3.3: duplicate or empty group names make the server refuse the whole set.
    for (const QString &group : groups) {
        if (!group.isEmpty() && !item.groups.contains(group)) {
            item.groups.append(group);
        }
    }
    return sendSet(item);
}

QFuture<RosterManager::Result> RosterManager::remove(const Jid &jid)
{
    RosterItem item;
    item.jid = jid;
    item.subscription = RosterItem::Subscription::Remove;
    return sendSet(item);
}

} // namespace confab
