// SPDX-License-Identifier: Apache-2.0
#include "xmpp/blocking/BlocklistPush.h"

#include "stanza/Stanza.h"
#include "xml/XmlElement.h"
#include "xmpp/blocking/BlockingLogging.h"
#include "xmpp/blocking/BlockingNamespace.h"

namespace confab {

namespace {

const XmlElement *pushPayload(const XmlElement &iq)
{
    if (!stanza::isIq(iq) || stanza::iqType(iq) != stanza::IqType::Set) {
        return nullptr;
    }
    if (const XmlElement *block = iq.firstChild(u"block", ns::Blocking)) {
        return block;
    }
    return iq.firstChild(u"unblock", ns::Blocking);
}

} // namespace

bool BlocklistPush::isPush(const XmlElement &iq)
{
    return pushPayload(iq) != nullptr;
}

std::optional<BlocklistPush> BlocklistPush::fromIq(const XmlElement &iq, const Jid &ownJid)
{
    const XmlElement *payload = pushPayload(iq);
    if (!payload) {
        return std::nullopt;
    }
    const QString from = iq.attribute(u"from");
    if (!from.isEmpty()) {
        const Jid sender = Jid::fromString(from);
        // XEP-0191 §3.3: pushes come from the user's account, i.e. our bare JID; a full JID (even one of
        // our own resources) or anyone else is not the server speaking for us.
        if (sender.isNull() || ownJid.isNull() || sender != ownJid.bare()) {
            qCWarning(lcBlocking) << "ignoring a blocklist push from" << from;
            return std::nullopt;
        }
    }
    BlocklistPush push;
    push.action = payload->name() == u"block" ? Action::Block : Action::Unblock;
    bool sawItem = false;
    for (const XmlElement &item : payload->children()) {
        if (!item.is(u"item", ns::Blocking)) {
            continue;
        }
        sawItem = true;
        const Jid jid = Jid::fromString(item.attribute(u"jid"));
        if (jid.isNull()) {
            qCWarning(lcBlocking) << "skipping a blocklist item that is not a JID:" << item.attribute(u"jid");
            continue;
        }
        push.jids.append(jid);
    }
    if (push.action == Action::Block && push.jids.isEmpty()) {
        // XEP-0191 §3.3: a block without items is malformed (it must not be read as "block nobody",
        // and certainly not as the unblock-all an empty <unblock/> is).
        return std::nullopt;
    }
    if (push.action == Action::Unblock && push.jids.isEmpty() && sawItem) {
        // Items were there, but none valid: not an "unblock everything".
        return std::nullopt;
    }
    return push;
}

} // namespace confab
