// SPDX-License-Identifier: Apache-2.0
#include "xmpp/presence/LastActivity.h"

namespace confab {

std::optional<LastActivity> LastActivity::fromXml(const XmlElement &query)
{
    if (!query.is(u"query", u"jabber:iq:last")) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 seconds = query.attribute(u"seconds").toLongLong(&ok);
    // XEP-0012 §3: 'seconds' is REQUIRED and a non-negative integer.
    if (!ok || seconds < 0) {
        return std::nullopt;
    }
    return LastActivity { seconds, query.text() };
}

} // namespace confab
