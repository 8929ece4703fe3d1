// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "client/ClientExtension.h"

namespace confab {

/// XEP-0092 Software Version: tells who asks our client's name and version. The operating system is
/// left out on purpose (XEP-0092 §6 warns it helps attackers).
class VersionResponder : public ClientExtension
{
    Q_OBJECT
public:
    VersionResponder(QString name, QString version, QObject *parent = nullptr);

    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;

private:
    QString m_name;
    QString m_version;
};

} // namespace confab
