// SPDX-License-Identifier: Apache-2.0
#include "xmpp/caps/EntityCaps.h"

#include "base/Namespaces.h"

using namespace Qt::StringLiterals;

namespace confab {

std::optional<EntityCaps> EntityCaps::fromXml(const XmlElement &element)
{
    if (!element.is(u"c", ns::Caps)) {
        return std::nullopt;
    }
    EntityCaps caps { element.attribute(u"node"), element.attribute(u"ver"), element.attribute(u"hash") };
    // XEP-0115 §4: node and ver are REQUIRED; without them there is nothing to look up.
    if (caps.node.isEmpty() || caps.ver.isEmpty()) {
        return std::nullopt;
    }
    return caps;
}

XmlElement EntityCaps::toXml() const
{
    XmlElement c(u"c"_s, ns::Caps.toString());
    if (!hash.isEmpty()) {
        c.setAttribute(u"hash"_s, hash);
    }
    c.setAttribute(u"node"_s, node);
    c.setAttribute(u"ver"_s, ver);
    return c;
}

} // namespace confab
