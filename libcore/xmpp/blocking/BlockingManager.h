// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/ClientExtension.h"

#include <QFuture>
#include <QList>
#include <QSet>

#include <variant>

namespace confab {

struct BlocklistPush;

/// XEP-0191 Blocking Command: our blocklist as the server keeps it. The list is fetched at each new
/// session (which also asks the server to push changes to us, §3.2) and kept current from the server's
/// pushes, which are accepted only from our own account.
class BlockingManager : public ClientExtension
{
    Q_OBJECT
public:
    using Result = std::variant<std::monostate, XmppError>;
    using BlocklistResult = std::variant<QList<Jid>, XmppError>;

    using ClientExtension::ClientExtension;

    /// Above the ordinary extensions: a push from a stranger is answered and dropped here.
    int priority() const override { return 50; }
    bool handleStanza(const XmlElement &stanza) override;
    void sessionEstablished(bool resumed) override;
    void sessionLost() override;

    /// Asks the server for the list (done automatically at each new session).
    QFuture<BlocklistResult> fetchBlocklist();
    /// Blocks `jid` (a bare JID blocks all its resources, a domain the whole domain; XEP-0191 §3.3).
    /// Resolves once the server confirmed.
    QFuture<Result> block(const Jid &jid);
    QFuture<Result> block(const QList<Jid> &jids);
    QFuture<Result> unblock(const Jid &jid);
    QFuture<Result> unblock(const QList<Jid> &jids);
    /// Empties the list (XEP-0191 §3.4: an <unblock/> without items).
    QFuture<Result> unblockAll();

    /// Whether stanzas from `jid` are blocked: it, its bare JID, its domain or its domain/resource is on
    /// the list (the XEP-0016 matching order XEP-0191 §2 refers to).
    bool isBlocked(const Jid &jid) const;
    /// The list as last known, in no particular order.
    QList<Jid> blockedJids() const { return m_blocked.values(); }
    /// Whether the list has been fetched in this session (before that it is empty, not "nobody").
    bool isLoaded() const { return m_loaded; }

    /// Applies a push that has passed BlocklistPush::fromIq's sender check.
    void applyPush(const BlocklistPush &push);

Q_SIGNALS:
    /// The list changed (fetched, pushed, or confirmed after block()/unblock()).
    void blocklistChanged();

private:
    QFuture<Result> sendCommand(const QString &element, const QList<Jid> &jids);
    void replaceAll(const QList<Jid> &jids);

    QSet<Jid> m_blocked;
    bool m_loaded = false;
};

} // namespace confab
