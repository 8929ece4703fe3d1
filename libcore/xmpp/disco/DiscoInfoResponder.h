// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "client/ClientExtension.h"
#include "xml/XmlElement.h"

namespace confab {

/// XEP-0030: answers disco#info requests with our identity (client/pc) and the features of every
/// extension plugged into the Client, so contacts know what we support. A query for a node is answered
/// only for our XEP-0115 node#ver (when a CapsManager is plugged in), else with item-not-found.
class DiscoInfoResponder : public ClientExtension
{
    Q_OBJECT
public:
    explicit DiscoInfoResponder(QString clientName, QObject *parent = nullptr);

    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;
    /// All features, sorted, as XEP-0115 will hash them.
    QStringList allFeatures() const;
    /// Our disco#info <query/>: identity and features (also what XEP-0115 hashes, see CapsManager).
    XmlElement infoQuery() const;

private:
    QString m_clientName;
};

} // namespace confab
