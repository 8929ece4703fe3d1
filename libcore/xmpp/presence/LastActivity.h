// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"

#include <optional>

namespace confab {

/// A XEP-0012 Last Activity answer: for an account, seconds since its last logout (with the status it
/// left); for a full JID, seconds the user has been idle; for a server, its uptime.
struct LastActivity
{
    qint64 seconds = 0;
    QString text;

    /// Null unless `query` is a jabber:iq:last <query/> with a non-negative 'seconds'.
    static std::optional<LastActivity> fromXml(const XmlElement &query);
};

} // namespace confab
