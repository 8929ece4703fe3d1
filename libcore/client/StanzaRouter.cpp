// SPDX-License-Identifier: Apache-2.0
#include "client/StanzaRouter.h"

#include "client/ClientExtension.h"

#include <algorithm>

namespace confab {

void StanzaRouter::addExtension(ClientExtension *extension)
{
    const auto position = std::find_if(m_extensions.begin(), m_extensions.end(),
        [extension](ClientExtension *e) { return e->priority() < extension->priority(); });
    m_extensions.insert(position, extension);
}

void StanzaRouter::removeExtension(ClientExtension *extension)
{
    m_extensions.removeAll(extension);
}

bool StanzaRouter::route(const XmlElement &stanza) const
{
    for (ClientExtension *extension : m_extensions) {
        if (extension->handleStanza(stanza)) {
            return true;
        }
    }
    return false;
}

} // namespace confab
