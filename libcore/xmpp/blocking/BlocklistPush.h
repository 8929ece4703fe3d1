// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QList>

#include <optional>

namespace confab {

class XmlElement;

/// A blocklist push (XEP-0191 §3.3, §3.4): the server telling each of our resources that a JID was
/// blocked or unblocked, or that the whole list was cleared.
struct BlocklistPush
{
    enum class Action { Block, Unblock };

    Action action = Action::Block;
    /// The JIDs concerned; an unblock push without items means "everything" (XEP-0191 §3.4).
    QList<Jid> jids;

    bool unblocksAll() const { return action == Action::Unblock && jids.isEmpty(); }

    /// Whether `iq` is a blocklist push at all (an <iq type='set'/> with <block/> or <unblock/>), whoever
    /// sent it.
    static bool isPush(const XmlElement &iq);
    /// The push in `iq` when it is one AND comes from our own account: without 'from', or from our bare
    /// JID (as roster pushes must, RFC 6121 §2.1.6). Anything else is nullopt: a push from anyone else
    /// would let a stranger edit what we block. Items whose 'jid' is not a JID are skipped; a block push
    /// without any valid item is refused.
    static std::optional<BlocklistPush> fromIq(const XmlElement &iq, const Jid &ownJid);
};

} // namespace confab
