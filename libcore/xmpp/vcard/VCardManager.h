// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/ClientExtension.h"
#include "xmpp/vcard/VCard.h"

#include <QFuture>

#include <variant>

namespace confab {

/// XEP-0054 vCard-temp: fetches anyone's vCard and publishes ours. The answer is accepted only from the
/// entity asked (the Client's IqTracker checks the sender), so a third party cannot pass off a vCard.
class VCardManager : public ClientExtension
{
    Q_OBJECT
public:
    using FetchResult = std::variant<VCard, XmppError>;
    using PublishResult = std::variant<std::monostate, XmppError>;

    using ClientExtension::ClientExtension;

    bool handleStanza(const XmlElement &stanza) override;

    /// The vCard of `bareJid` (a full JID is reduced to its bare JID); ours when null. An account without
    /// a vCard gives an empty VCard or the server's <item-not-found/> (XEP-0054 §3.1 allows either).
    QFuture<FetchResult> fetch(const Jid &bareJid = {});
    /// Replaces our vCard with `card` (XEP-0054 §3.2: the whole vCard, not a patch).
    QFuture<PublishResult> publish(const VCard &card);

    /// The same requests on any Client, for extensions that need a vCard without this one plugged in.
    static QFuture<FetchResult> fetch(Client &client, const Jid &bareJid);
    static QFuture<PublishResult> publish(Client &client, const VCard &card);
};

} // namespace confab
