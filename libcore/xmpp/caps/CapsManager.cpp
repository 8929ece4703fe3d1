// SPDX-License-Identifier: Apache-2.0
#include "xmpp/caps/CapsManager.h"

#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "storage/CapsStore.h"
#include "xmpp/disco/DiscoInfoResponder.h"
#include "xmpp/presence/PresenceLogging.h"

using namespace Qt::StringLiterals;

namespace confab {

namespace {

// §5.4: a ver (with its hash) names the capabilities, whatever the node.
bool sameVer(const EntityCaps &a, const EntityCaps &b)
{
    return a.hash == b.hash && a.ver == b.ver;
}

} // namespace

CapsManager::CapsManager(CapsStore *store, QObject *parent)
    : ClientExtension(parent)
    , m_store(store)
{ }

CapsManager::~CapsManager() = default;

QStringList CapsManager::discoFeatures() const
{
    // XEP-0115 §6.3: an entity that supports caps advertises it.
    return { ns::Caps.toString() };
}

bool CapsManager::handleStanza(const XmlElement &)
{
    // Caps arrive inside presence, which PresenceManager parses and hands over; our node#ver queries are
    // answered by DiscoInfoResponder.
    return false;
}

CapsInfo CapsManager::ownInfo() const
{
    if (client()) {
        if (const auto *disco = client()->findExtension<DiscoInfoResponder>()) {
            if (auto info = CapsInfo::fromXml(disco->infoQuery())) {
                return *info;
            }
        }
    }
    CapsInfo info;
    info.identities.append({ u"client"_s, u"pc"_s, {}, u"Confab"_s });
    info.features = discoFeatures();
    return info;
}

EntityCaps CapsManager::ownCaps() const
{
    return { OwnNode.toString(), ownInfo().computeVer(QCryptographicHash::Sha1), u"sha-1"_s };
}

bool CapsManager::isOwnNode(const QString &node) const
{
    return node == ownCaps().nodeVer();
}

void CapsManager::handleCaps(const Jid &fullJid, const EntityCaps &caps)
{
    if (client() && fullJid == client()->jid()) {
        // Our own presence, reflected by the server (RFC 6121 §4.2.2): nothing to ask.
        m_resources.insert(fullJid, { caps, ownInfo() });
        Q_EMIT featuresKnown(fullJid);
        return;
    }
    const auto existing = m_resources.constFind(fullJid);
    if (existing != m_resources.cend() && existing->caps == caps) {
        return; // the same caps again (every presence carries them, §4): nothing new
    }
    m_resources.insert(fullJid, { caps, std::nullopt });

    QString key;
    if (CapsInfo::hashAlgorithm(caps.hash)) {
        key = cacheKey(caps.hash, caps.ver);
        if (const auto verified = m_verified.constFind(key); verified != m_verified.cend()) {
            resolve(fullJid, caps, *verified);
            return;
        }
    } else {
        // Legacy caps (§8.3) or a hash we do not support: the answer cannot be verified, so it is asked
        // and used per resource, never shared or cached.
        key = u"unverifiable "_s + fullJid.toString() + u' ' + caps.nodeVer();
    }
    if (auto lookup = m_lookups.find(key); lookup != m_lookups.end()) {
        // §5.4: one query per ver, not one per resource announcing it.
        if (!lookup->waiting.contains(fullJid)) {
            lookup->waiting.append(fullJid);
        }
        return;
    }
    m_lookups.insert(key, { caps, { fullJid } });
    startLookup(key);
}

void CapsManager::startLookup(const QString &key)
{
    const EntityCaps caps = m_lookups.value(key).caps;
    const auto algorithm = CapsInfo::hashAlgorithm(caps.hash);
    if (!algorithm || !m_store) {
        queryNext(key);
        return;
    }
    const quint64 generation = m_generation;
    m_store->find(caps.hash, caps.ver)
        .then(this, [this, key, caps, algorithm, generation](const std::optional<QByteArray> &document) {
            if (generation != m_generation || !m_lookups.contains(key)) {
                return;
            }
            if (document) {
                // Verified before it was stored; checked again so a damaged file cannot lie to us.
                const auto info = CapsInfo::fromJson(*document);
                if (info && info->computeVer(*algorithm) == caps.ver) {
                    qCDebug(lcCaps) << "cache hit for" << caps.ver;
                    m_verified.insert(key, *info);
                    m_lookups.remove(key);
                    resolveAll(caps, *info);
                    return;
                }
                qCWarning(lcCaps) << "cached entry for" << caps.ver << "does not verify; asking again";
            }
            queryNext(key);
        });
}

void CapsManager::queryNext(const QString &key)
{
    const auto lookup = m_lookups.find(key);
    if (lookup == m_lookups.end()) {
        return;
    }
    // Ask the next resource that still announces this ver.
    Jid asked;
    while (!lookup->waiting.isEmpty() && asked.isNull()) {
        const Jid candidate = lookup->waiting.takeFirst();
        const auto resource = m_resources.constFind(candidate);
        if (resource != m_resources.cend() && sameVer(resource->caps, lookup->caps)) {
            asked = candidate;
        }
    }
    if (asked.isNull()) {
        m_lookups.erase(lookup);
        return;
    }
    ++m_discoQueries;
    const quint64 generation = m_generation;
    requestInfo(asked, lookup->caps.nodeVer()).then(this, [this, key, asked, generation](const IqResult &result) {
        if (generation == m_generation) {
            handleAnswer(key, asked, result);
        }
    });
}

QFuture<IqResult> CapsManager::requestInfo(const Jid &to, const QString &node)
{
    XmlElement query(u"query"_s, ns::DiscoInfo.toString());
    query.setAttribute(u"node"_s, node);
    return client()->sendIq(stanza::makeIq(stanza::IqType::Get, generateStanzaId(), to, std::move(query)));
}

void CapsManager::handleAnswer(const QString &key, const Jid &asked, const IqResult &result)
{
    const auto lookup = m_lookups.constFind(key);
    if (lookup == m_lookups.cend()) {
        return;
    }
    const EntityCaps caps = lookup->caps;
    const XmlElement *query = nullptr;
    if (const auto *iq = std::get_if<XmlElement>(&result)) {
        query = iq->firstChild(u"query", ns::DiscoInfo);
    }
    const std::optional<CapsInfo> info = query ? CapsInfo::fromXml(*query) : std::nullopt;
    if (!info) {
        qCInfo(lcCaps) << "no disco#info from" << asked.toString() << "for" << caps.nodeVer();
        queryNext(key);
        return;
    }
    const auto algorithm = CapsInfo::hashAlgorithm(caps.hash);
    if (algorithm && info->computeVer(*algorithm) == caps.ver) {
        // §5.4 step 3.8: valid, so it holds for every entity announcing this ver.
        m_verified.insert(key, *info);
        if (m_store) {
            m_store->insert(caps.hash, caps.ver, info->toJson());
        }
        m_lookups.remove(key);
        resolveAll(caps, *info);
        return;
    }
    if (algorithm) {
        // §5.4 step 3.9: MUST NOT cache. What the resource said is still what it says about itself.
        qCWarning(lcCaps) << asked.toString() << "announced ver" << caps.ver
                          << "but its disco#info hashes differently; not cached";
    }
    resolve(asked, caps, *info);
    queryNext(key);
}

void CapsManager::resolve(const Jid &fullJid, const EntityCaps &caps, const CapsInfo &info)
{
    const auto resource = m_resources.find(fullJid);
    if (resource == m_resources.end() || !sameVer(resource->caps, caps)) {
        return; // gone offline, or announced something else meanwhile
    }
    resource->info = info;
    Q_EMIT featuresKnown(fullJid);
}

void CapsManager::resolveAll(const EntityCaps &caps, const CapsInfo &info)
{
    // Every resource announcing this ver, including those asked before whose query failed.
    QList<Jid> unresolved;
    for (auto it = m_resources.cbegin(); it != m_resources.cend(); ++it) {
        if (sameVer(it->caps, caps) && !it->info) {
            unresolved.append(it.key());
        }
    }
    for (const Jid &jid : std::as_const(unresolved)) {
        resolve(jid, caps, info);
    }
}

void CapsManager::forgetResource(const Jid &fullJid)
{
    m_resources.remove(fullJid);
}

void CapsManager::forgetAllResources()
{
    m_resources.clear();
    m_lookups.clear();
    ++m_generation;
}

std::optional<QStringList> CapsManager::features(const Jid &fullJid) const
{
    const auto resource = m_resources.constFind(fullJid);
    if (resource == m_resources.cend() || !resource->info) {
        return std::nullopt;
    }
    return resource->info->features;
}

bool CapsManager::hasFeature(const Jid &fullJid, const QString &feature) const
{
    const auto known = features(fullJid);
    return known && known->contains(feature);
}

std::optional<CapsInfo> CapsManager::info(const Jid &fullJid) const
{
    const auto resource = m_resources.constFind(fullJid);
    return resource == m_resources.cend() ? std::nullopt : resource->info;
}

} // namespace confab
