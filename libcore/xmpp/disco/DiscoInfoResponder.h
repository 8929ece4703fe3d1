// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "client/ClientExtension.h"

namespace confab {

/// XEP-0030: answers disco#info requests with our identity (client/pc) and the features of every
/// extension plugged into the Client, so contacts know what we support.
class DiscoInfoResponder : public ClientExtension
{
    Q_OBJECT
public:
    explicit DiscoInfoResponder(QString clientName, QObject *parent = nullptr);

    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;
    /// All features, sorted, as XEP-0115 will hash them.
    QStringList allFeatures() const;

private:
    QString m_clientName;
};

} // namespace confab
