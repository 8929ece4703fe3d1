// SPDX-License-Identifier: Apache-2.0
#include "xmpp/vcard/VCardManager.h"

#include "base/Ids.h"
#include "client/Client.h"
#include "stanza/Stanza.h"
#include "xmpp/vcard/VCardLogging.h"

using namespace Qt::StringLiterals;

namespace confab {

bool VCardManager::handleStanza(const XmlElement &stanza)
{
    // A vCard is the server's to serve (XEP-0054 §3.1); requests to our resource are left to the
    // Client's <service-unavailable/>.
    Q_UNUSED(stanza)
    return false;
}

QFuture<VCardManager::FetchResult> VCardManager::fetch(const Jid &bareJid)
{
    return fetch(*client(), bareJid);
}

QFuture<VCardManager::PublishResult> VCardManager::publish(const VCard &card)
{
    return publish(*client(), card);
}

QFuture<VCardManager::FetchResult> VCardManager::fetch(Client &client, const Jid &bareJid)
{
    // XEP-0054 §3.1: our own vCard is asked for without 'to'; anyone else's at their bare JID.
    const Jid to = bareJid.isNull() ? Jid() : bareJid.bare();
    const XmlElement iq = stanza::makeIq(
        stanza::IqType::Get, generateStanzaId(), to, XmlElement(u"vCard"_s, VCard::Namespace.toString()));
    return client.sendIq(iq).then(&client, [to](const IqResult &result) -> FetchResult {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            return *error;
        }
        const XmlElement &answer = std::get<XmlElement>(result);
        const XmlElement *element = answer.firstChild(u"vCard", VCard::Namespace);
        if (!element) {
            return VCard {}; // an empty result means no vCard (XEP-0054 §3.1)
        }
        if (std::optional<VCard> card = VCard::fromXml(*element)) {
            return *card;
        }
        qCWarning(lcVCard) << "unreadable vCard from" << (to.isNull() ? u"our account"_s : to.toString());
        return XmppError(ProtocolError { u"unreadable vCard"_s });
    });
}

QFuture<VCardManager::PublishResult> VCardManager::publish(Client &client, const VCard &card)
{
    const XmlElement iq = stanza::makeIq(stanza::IqType::Set, generateStanzaId(), {}, card.toXml());
    return client.sendIq(iq).then(&client, [](const IqResult &result) -> PublishResult {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            return *error;
        }
        return std::monostate {};
    });
}

} // namespace confab
