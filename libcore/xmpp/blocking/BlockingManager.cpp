// SPDX-License-Identifier: Apache-2.0
#include "xmpp/blocking/BlockingManager.h"

#include "base/Ids.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "xmpp/blocking/BlockingLogging.h"
#include "xmpp/blocking/BlockingNamespace.h"
#include "xmpp/blocking/BlocklistPush.h"

#include <QPromise>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QFuture<BlockingManager::Result> failed(const QString &why)
{
    QPromise<BlockingManager::Result> promise;
    promise.start();
    promise.addResult(XmppError(ProtocolError { why }));
    promise.finish();
    return promise.future();
}

} // namespace

bool BlockingManager::handleStanza(const XmlElement &stanza)
{
    if (!BlocklistPush::isPush(stanza)) {
        return false;
    }
    const std::optional<BlocklistPush> push = BlocklistPush::fromIq(stanza, client()->jid());
    if (!push) {
        // RFC 6120 §8.2.3 wants an answer to every set; a forged push learns no more than that we do not
        // serve this namespace to it.
        client()->stream()->send(
            stanza::makeErrorReply(stanza, StanzaError { StanzaError::Type::Cancel, u"service-unavailable"_s, {} }));
        return true;
    }
    applyPush(*push);
    // XEP-0191 §3.3: acknowledge the push.
    client()->stream()->send(stanza::makeIqResult(stanza));
    return true;
}

void BlockingManager::applyPush(const BlocklistPush &push)
{
    const QSet<Jid> before = m_blocked;
    if (push.unblocksAll()) {
        m_blocked.clear();
    } else {
        for (const Jid &jid : push.jids) {
            if (push.action == BlocklistPush::Action::Block) {
                m_blocked.insert(jid);
            } else {
                m_blocked.remove(jid);
            }
        }
    }
    if (m_blocked != before) {
        Q_EMIT blocklistChanged();
    }
}

void BlockingManager::sessionEstablished(bool resumed)
{
    if (resumed && m_loaded) {
        return; // XEP-0198 resumption lost no push
    }
    fetchBlocklist();
}

void BlockingManager::sessionLost()
{
    // Pushes may be missed until the next fetch; keep what we know (better than showing nobody blocked).
}

void BlockingManager::replaceAll(const QList<Jid> &jids)
{
    const QSet<Jid> fetched(jids.cbegin(), jids.cend());
    const bool changed = !m_loaded || fetched != m_blocked;
    m_blocked = fetched;
    m_loaded = true;
    if (changed) {
        Q_EMIT blocklistChanged();
    }
}

QFuture<BlockingManager::BlocklistResult> BlockingManager::fetchBlocklist()
{
    // XEP-0191 §3.2: fetching the list is also what makes the server push changes to this resource.
    const XmlElement iq = stanza::makeIq(
        stanza::IqType::Get, generateStanzaId(), {}, XmlElement(u"blocklist"_s, ns::Blocking.toString()));
    return client()->sendIq(iq).then(this, [this](const IqResult &result) -> BlocklistResult {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            qCInfo(lcBlocking) << "blocklist fetch failed:" << describeError(*error);
            return *error;
        }
        const XmlElement *list = std::get<XmlElement>(result).firstChild(u"blocklist", ns::Blocking);
        if (!list) {
            return XmppError(ProtocolError { u"blocklist result without <blocklist/>"_s });
        }
        QList<Jid> jids;
        for (const XmlElement &item : list->children()) {
            if (item.is(u"item", ns::Blocking)) {
                if (const Jid jid = Jid::fromString(item.attribute(u"jid")); !jid.isNull()) {
                    jids.append(jid);
                }
            }
        }
        replaceAll(jids);
        return jids;
    });
}

QFuture<BlockingManager::Result> BlockingManager::sendCommand(const QString &element, const QList<Jid> &jids)
{
    XmlElement payload(element, ns::Blocking.toString());
    for (const Jid &jid : jids) {
        XmlElement item(u"item"_s, ns::Blocking.toString());
        item.setAttribute(u"jid"_s, jid.toString());
        payload.appendChild(std::move(item));
    }
    const XmlElement iq = stanza::makeIq(stanza::IqType::Set, generateStanzaId(), {}, std::move(payload));
    const BlocklistPush::Action action
        = element == u"block" ? BlocklistPush::Action::Block : BlocklistPush::Action::Unblock;
    return client()->sendIq(iq).then(this, [this, action, jids](const IqResult &result) -> Result {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            return *error;
        }
        // The server pushes the change too (XEP-0191 §3.3), but only to resources that fetched the list;
        // apply the confirmed change here so the list is right either way (applying twice is harmless).
        applyPush(BlocklistPush { action, jids });
        return std::monostate {};
    });
}

QFuture<BlockingManager::Result> BlockingManager::block(const Jid &jid)
{
    return block(QList<Jid> { jid });
}

QFuture<BlockingManager::Result> BlockingManager::block(const QList<Jid> &jids)
{
    // XEP-0191 §3.3: a <block/> needs at least one item; an empty one would be a bad-request.
    if (jids.isEmpty()) {
        return failed(u"nothing to block"_s);
    }
    return sendCommand(u"block"_s, jids);
}

QFuture<BlockingManager::Result> BlockingManager::unblock(const Jid &jid)
{
    return unblock(QList<Jid> { jid });
}

QFuture<BlockingManager::Result> BlockingManager::unblock(const QList<Jid> &jids)
{
    // Never let an empty list through: an <unblock/> without items unblocks everyone (XEP-0191 §3.4).
    if (jids.isEmpty()) {
        return failed(u"nothing to unblock"_s);
    }
    return sendCommand(u"unblock"_s, jids);
}

QFuture<BlockingManager::Result> BlockingManager::unblockAll()
{
    return sendCommand(u"unblock"_s, {});
}

bool BlockingManager::isBlocked(const Jid &jid) const
{
    if (jid.isNull()) {
        return false;
    }
    // XEP-0191 §2 refers to XEP-0016 §2.1's order: full JID, bare JID, domain/resource, domain.
    return m_blocked.contains(jid) || m_blocked.contains(jid.bare())
        || m_blocked.contains(Jid::fromParts({}, jid.domain(), jid.resource()))
        || m_blocked.contains(Jid::fromParts({}, jid.domain()));
}

} // namespace confab
