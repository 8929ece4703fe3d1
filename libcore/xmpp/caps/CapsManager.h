// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "client/ClientExtension.h"
#include "client/IqTracker.h"
#include "xmpp/caps/CapsInfo.h"
#include "xmpp/caps/EntityCaps.h"

#include <QFuture>
#include <QHash>
#include <QPointer>

#include <optional>

namespace confab {

class CapsStore;

/// XEP-0115 Entity Capabilities. For us: the <c/> element PresenceManager puts in our presence, with the
/// ver computed from our own disco#info answer (DiscoInfoResponder), which also answers queries for our
/// node#ver. For contacts: PresenceManager hands over each resource's <c/>; a ver seen before is taken
/// from memory or from the CapsStore, otherwise the resource is asked (disco#info to node#ver), the
/// answer verified (§5.4) and only then cached. Concurrent lookups of one ver share one query.
class CapsManager : public ClientExtension
{
    Q_OBJECT
public:
    /// The node we announce (§4: a URI identifying the software).
    static constexpr QStringView OwnNode = u"https://confab.im";

    /// `store` is optional (no persistent cache without it) and must outlive this manager.
    explicit CapsManager(CapsStore *store = nullptr, QObject *parent = nullptr);
    ~CapsManager() override;

    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;

    /// Our own capabilities: the answer DiscoInfoResponder gives to a disco#info query.
    CapsInfo ownInfo() const;
    /// The <c/> for our presence (sha-1, §5.1).
    EntityCaps ownCaps() const;
    /// True for "https://confab.im#<our current ver>": DiscoInfoResponder answers that node (§6.2).
    bool isOwnNode(const QString &node) const;

    /// A resource announced `caps` in its presence: resolve its features (now, or later with
    /// featuresKnown()). Called by PresenceManager.
    void handleCaps(const Jid &fullJid, const EntityCaps &caps);
    /// The resource went offline (or announced no caps): forget what it supports.
    void forgetResource(const Jid &fullJid);
    /// Forget every resource (the session is gone); cached vers stay.
    void forgetAllResources();

    /// The features of a resource, or nullopt while unknown.
    std::optional<QStringList> features(const Jid &fullJid) const;
    bool hasFeature(const Jid &fullJid, const QString &feature) const;
    /// Identities and forms too (e.g. the client's name), or nullopt while unknown.
    std::optional<CapsInfo> info(const Jid &fullJid) const;

    /// How many disco#info queries this manager has sent to resolve caps (a cache hit sends none).
    int discoQueryCount() const { return m_discoQueries; }

Q_SIGNALS:
    /// features(fullJid) is now known (or changed).
    void featuresKnown(const confab::Jid &fullJid);

protected:
    /// Asks `to` for disco#info of `node`; the network by default (tests replace it).
    virtual QFuture<IqResult> requestInfo(const Jid &to, const QString &node);

private:
    struct Resource
    {
        EntityCaps caps;
        std::optional<CapsInfo> info;
    };
    struct Lookup
    {
        EntityCaps caps;
        QList<Jid> waiting; ///< resources announcing this ver, asked in turn until one answers validly
    };

    static QString cacheKey(const QString &hash, const QString &ver) { return hash + u' ' + ver; }
    void startLookup(const QString &key);
    void queryNext(const QString &key);
    void handleAnswer(const QString &key, const Jid &asked, const IqResult &result);
    void resolve(const Jid &fullJid, const EntityCaps &caps, const CapsInfo &info);
    void resolveAll(const EntityCaps &caps, const CapsInfo &info);

    QPointer<CapsStore> m_store;
    QHash<Jid, Resource> m_resources;
    QHash<QString, CapsInfo> m_verified; ///< hash+ver -> verified info, in memory
    QHash<QString, Lookup> m_lookups; ///< hash+ver -> lookup under way
    quint64 m_generation = 0; ///< bumped on session loss: answers to older lookups are ignored
    int m_discoQueries = 0;
};

} // namespace confab
