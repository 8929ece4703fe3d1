// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/ClientExtension.h"
#include "xmpp/roster/RosterItem.h"

#include <QFuture>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>
#include <variant>

template <typename T> class QPromise;

namespace confab {

class RosterStore;

/// The user's roster (RFC 6121 §2): fetched at the start of each new session, versioned against a local
/// cache where the server supports it (§2.6), kept current by roster pushes (§2.1.6), which are accepted
/// only from the account itself. Changes are made through the server (addOrUpdate(), remove()) and come
/// back as pushes; signals report them in batches.
class RosterManager : public ClientExtension
{
    Q_OBJECT
public:
    /// Done (std::monostate), or why not.
    using Result = std::variant<std::monostate, XmppError>;

    explicit RosterManager(QObject *parent = nullptr);
    ~RosterManager() override;

    /// Sender checks come first (STYLE.md): a forged push must not reach anyone else.
    int priority() const override { return 100; }
    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;

    /// The cache to load from and write to (not owned; opened by the caller). Without one the roster is
    /// cached in memory for the life of this object only.
    void setStore(RosterStore *store);
    RosterStore *store() const { return m_store; }
    /// Whether a new session fetches the roster by itself (default). The CLI turns this off so that it
    /// can attach the store first, then calls fetch().
    void setAutoFetch(bool enabled) { m_autoFetch = enabled; }

    /// Loads the cache (once) and requests the roster, with the cached version when the server
    /// advertises roster versioning. Resolves once rosterReceived() has been emitted, or with the error.
    QFuture<Result> fetch();

    /// Adds the contact, or replaces its name and groups (a rename, a move, several groups at once):
    /// a roster set (RFC 6121 §2.3). The change itself arrives as a push.
    QFuture<Result> addOrUpdate(const Jid &jid, const QString &name, const QStringList &groups);
    /// Removes the contact (RFC 6121 §2.5); the server also cancels the subscriptions both ways.
    QFuture<Result> remove(const Jid &jid);

    /// Every item, ordered by JID.
    QList<RosterItem> items() const;
    std::optional<RosterItem> item(const Jid &jid) const;
    /// The roster version of the items held (RFC 6121 §2.6); null when the server gave none.
    const QString &version() const { return m_version; }
    /// Whether a roster has been received from the server (or confirmed current) in this object's life.
    bool hasRoster() const { return m_hasRoster; }
    /// Whether the server advertised <ver xmlns='urn:xmpp:features:rosterver'/> (RFC 6121 §2.6.1).
    bool isVersioningSupported() const;

    /// RFC 6121 §2.1.6: a roster push is genuine only without 'from' or from the account's own bare JID
    /// (`ownJid` may be full or bare). Anything else is somebody else's forgery.
    static bool isValidPushSender(const XmlElement &iq, const Jid &ownJid);

Q_SIGNALS:
    /// The cached roster, loaded from the store before the server answered (shown offline at once).
    void cacheLoaded(const QList<confab::RosterItem> &items);
    /// The full roster after a fetch, once per fetch. `fromCache` when the server answered with an empty
    /// result because our cached version is current (RFC 6121 §2.6.3), so no item came over the wire.
    void rosterReceived(const QList<confab::RosterItem> &items, bool fromCache);
    /// Items added or changed by pushes, coalesced per event-loop turn.
    void itemsChanged(const QList<confab::RosterItem> &items);
    /// Items removed by pushes, coalesced per event-loop turn.
    void itemsRemoved(const QList<confab::Jid> &jids);

private:
    void loadCacheThenRequest(std::shared_ptr<QPromise<Result>> promise);
    void requestRoster(std::shared_ptr<QPromise<Result>> promise);
    void handleRosterResult(const XmlElement &iq, bool sentCachedVersion, std::shared_ptr<QPromise<Result>> promise);
    void applyPush(const RosterItem &item, const QString &version);
    void flushChanges();
    QFuture<Result> sendSet(const RosterItem &item);

    RosterStore *m_store = nullptr;
    QHash<Jid, RosterItem> m_items;
    QString m_version;
    // Push changes not yet written and signalled: the net change per JID (nullopt: removed), in order.
    QList<Jid> m_pendingOrder;
    QHash<Jid, std::optional<RosterItem>> m_pending;
    QString m_pendingVersion;
    bool m_flushScheduled = false;
    bool m_cacheLoaded = false;
    bool m_hasRoster = false;
    bool m_autoFetch = true;
    quint64 m_fetchGeneration = 0;
};

} // namespace confab
