// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "client/ClientExtension.h"

#include <QFuture>

#include <chrono>
#include <variant>

namespace confab {

/// XEP-0199 XMPP Ping: answers pings addressed to us and measures round trips to any entity.
/// (The Client's own idle keepalive uses the same protocol.)
class PingManager : public ClientExtension
{
    Q_OBJECT
public:
    using PingResult = std::variant<std::chrono::microseconds, XmppError>;

    using ClientExtension::ClientExtension;

    QStringList discoFeatures() const override;
    bool handleStanza(const XmlElement &stanza) override;

    /// A round trip to `to` (our server when null). A <service-unavailable/> answer still measures the
    /// round trip, but is reported as the error it is.
    QFuture<PingResult> ping(const Jid &to = {});
};

} // namespace confab
