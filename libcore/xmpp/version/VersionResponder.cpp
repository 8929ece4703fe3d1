// SPDX-License-Identifier: Apache-2.0
#include "xmpp/version/VersionResponder.h"

#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"

using namespace Qt::StringLiterals;

namespace confab {

VersionResponder::VersionResponder(QString name, QString version, QObject *parent)
    : ClientExtension(parent)
    , m_name(std::move(name))
    , m_version(std::move(version))
{ }

QStringList VersionResponder::discoFeatures() const
{
    return { ns::Version.toString() };
}

bool VersionResponder::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isIq(stanza) || stanza::iqType(stanza) != stanza::IqType::Get
        || !stanza.firstChild(u"query", ns::Version)) {
        return false;
    }
    XmlElement answer(u"query"_s, ns::Version.toString());
    answer.appendTextChild(u"name"_s, m_name, ns::Version.toString());
    answer.appendTextChild(u"version"_s, m_version, ns::Version.toString());
    client()->stream()->send(stanza::makeIqResult(stanza, std::move(answer)));
    return true;
}

} // namespace confab
