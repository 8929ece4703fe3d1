// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>

#include <functional>

namespace confab {

class ClientExtension;
class XmlElement;

/// Offers each received stanza to the extensions by explicit priority, and says when nobody took it, so
/// that an unhandled get/set IQ can be answered with an error (RFC 6120 §8.4).
class StanzaRouter
{
public:
    void addExtension(ClientExtension *extension);
    void removeExtension(ClientExtension *extension);
    const QList<ClientExtension *> &extensions() const { return m_extensions; }
    /// True when an extension handled it.
    bool route(const XmlElement &stanza) const;

private:
    QList<ClientExtension *> m_extensions; ///< ordered by descending priority, then insertion
};

} // namespace confab
