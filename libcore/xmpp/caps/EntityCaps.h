// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"

#include <optional>

namespace confab {

/// The XEP-0115 <c/> element a resource puts in its presence: which software (node) and which set of
/// capabilities (ver, a hash of its disco#info answer computed with `hash`).
struct EntityCaps
{
    QString node; ///< e.g. "https://confab.im"
    QString ver; ///< base64 of the hash of the verification string (§5.1)
    QString hash; ///< IANA hash name, e.g. "sha-1"; empty for the legacy format (§8.3)

    /// Null unless `element` is a <c xmlns='http://jabber.org/protocol/caps'/> with a node and a ver.
    static std::optional<EntityCaps> fromXml(const XmlElement &element);
    XmlElement toXml() const;
    /// "node#ver", the node a disco#info query for these capabilities names (§6.2).
    QString nodeVer() const { return node + u'#' + ver; }
    bool isLegacy() const { return hash.isEmpty(); }

    bool operator==(const EntityCaps &) const = default;
};

} // namespace confab
