// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>

namespace confab {

class Client;
class XmlElement;

/// A feature plugged into a Client (one per XEP family, under libcore/xmpp/<feature>/). The Client offers
/// it each received stanza in order of priority until one handles it; it contributes its XEP-0030
/// features to our disco#info answer.
class ClientExtension : public QObject
{
    Q_OBJECT
public:
    explicit ClientExtension(QObject *parent = nullptr);

    /// Higher first. Security checks that may drop a stanza (e.g. sender validation) go high.
    virtual int priority() const { return 0; }
    /// XEP-0030 features this extension implements.
    virtual QStringList discoFeatures() const { return {}; }
    /// Returns true when the stanza was handled (answered, consumed or deliberately dropped).
    virtual bool handleStanza(const XmlElement &stanza) = 0;
    /// The session is (again) established.
    virtual void sessionEstablished(bool resumed) { Q_UNUSED(resumed) }
    /// The connection is gone (it may come back).
    virtual void sessionLost() { }

protected:
    Client *client() const { return m_client; }

private:
    friend class Client;
    Client *m_client = nullptr;
};

} // namespace confab
