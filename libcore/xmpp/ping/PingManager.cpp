// SPDX-License-Identifier: Apache-2.0
#include "xmpp/ping/PingManager.h"

#include "base/Ids.h"
#include "base/Namespaces.h"
#include "client/Client.h"
#include "stanza/Stanza.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace confab {

QStringList PingManager::discoFeatures() const
{
    return { ns::Ping.toString() };
}

bool PingManager::handleStanza(const XmlElement &stanza)
{
    if (!stanza::isIq(stanza) || stanza::iqType(stanza) != stanza::IqType::Get
        || !stanza.firstChild(u"ping", ns::Ping)) {
        return false;
    }
    // XEP-0199 §4.1: answer with an empty result.
    client()->stream()->send(stanza::makeIqResult(stanza));
    return true;
}

QFuture<PingManager::PingResult> PingManager::ping(const Jid &to)
{
    QElapsedTimer timer;
    timer.start();
    const XmlElement iq
        = stanza::makeIq(stanza::IqType::Get, generateStanzaId(), to, XmlElement(u"ping"_s, ns::Ping.toString()));
    return client()->sendIq(iq).then(this, [timer](const IqResult &result) -> PingResult {
        if (const auto *error = std::get_if<XmppError>(&result)) {
            return *error;
        }
        return std::chrono::microseconds(timer.nsecsElapsed() / 1000);
    });
}

} // namespace confab
