// SPDX-License-Identifier: Apache-2.0
#include "xmpp/disco/DiscoInfoResponder.h"

#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "xmpp/caps/CapsManager.h"

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

XmlElement DiscoInfoResponder::infoQuery() const
{
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
    return answer;
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
    const QString node = query->attribute(u"node");
    const CapsManager *caps = client()->findExtension<CapsManager>();
    if (!node.isEmpty() && !(caps && caps->isOwnNode(node))) {
        // XEP-0115 §6.2: the only node we know is our own node#ver; anything else does not exist.
        client()->stream()->send(
            stanza::makeErrorReply(stanza, StanzaError { StanzaError::Type::Cancel, u"item-not-found"_s, {} }));
        return true;
    }
    XmlElement answer = infoQuery();
    if (!node.isEmpty()) {
        // XEP-0115 §6.2: the answer names the node it describes.
        answer.setAttribute(u"node"_s, node);
    }
    client()->stream()->send(stanza::makeIqResult(stanza, std::move(answer)));
    return true;
}

} // namespace confab
