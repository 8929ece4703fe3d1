// SPDX-License-Identifier: Apache-2.0
#include "xmpp/disco/DiscoInfoResponder.h"

#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"

using namespace Qt::StringLiterals;

namespace confab {

DiscoInfoResponder::DiscoInfoResponder(QString clientName, QObject *parent)
    : ClientExtension(parent)
    , m_clientName(std::move(clientName))
{ }

QStringList DiscoInfoResponder::discoFeatures() const
{
    return { ns::DiscoInfo.toString() };
}

QStringList DiscoInfoResponder::allFeatures() const
{
    QStringList features;
    for (const ClientExtension *extension : client()->extensions()) {
        features += extension->discoFeatures();
    }
    features.sort();
    features.removeDuplicates();
    return features;
}

bool DiscoInfoResponder::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isIq(stanza) || stanza::iqType(stanza) != stanza::IqType::Get) {
        return false;
    }
    const XmlElement *query = stanza.firstChild(u"query", ns::DiscoInfo);
    if (!query) {
        return false;
    }
    if (!query->attribute(u"node").isEmpty()) {
        // XEP-0115 node#ver queries are answered once caps exist; until then we know no nodes.
        client()->stream()->send(
            stanza::makeErrorReply(stanza, StanzaError { StanzaError::Type::Cancel, u"item-not-found"_s, {} }));
        return true;
    }
    XmlElement answer(u"query"_s, ns::DiscoInfo.toString());
    XmlElement identity(u"identity"_s, ns::DiscoInfo.toString());
    identity.setAttribute(u"category"_s, u"client"_s);
    identity.setAttribute(u"type"_s, u"pc"_s);
    identity.setAttribute(u"name"_s, m_clientName);
    answer.appendChild(std::move(identity));
    for (const QString &feature : allFeatures()) {
        XmlElement f(u"feature"_s, ns::DiscoInfo.toString());
        f.setAttribute(u"var"_s, feature);
        answer.appendChild(std::move(f));
    }
    client()->stream()->send(stanza::makeIqResult(stanza, std::move(answer)));
    return true;
}

} // namespace confab
