// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"
#include "xmpp/chat/ChatNamespaces.h"

#include <optional>

namespace confab {

/// XEP-0184 message delivery receipts: a <request/> riding on a message, or a <received id=.../> answering one.
struct Receipt
{
    enum class Kind { Request, Received };
    Kind kind = Kind::Request;
    QString id; ///< with Received: the id of the message that arrived (§4)

    /// The receipt payload of a message, if it has one (a <received/> without id is ignored, §5).
    static std::optional<Receipt> fromMessage(const XmlElement &message)
    {
        if (message.firstChild(u"request", ns::Receipts)) {
            return Receipt { Kind::Request, {} };
        }
        if (const XmlElement *received = message.firstChild(u"received", ns::Receipts)) {
            const QString id = received->attribute(u"id");
            if (!id.isEmpty()) {
                return Receipt { Kind::Received, id };
            }
        }
        return std::nullopt;
    }

    XmlElement toXml() const
    {
        XmlElement element(
            kind == Kind::Request ? QStringLiteral("request") : QStringLiteral("received"), ns::Receipts.toString());
        if (kind == Kind::Received) {
            element.setAttribute(QStringLiteral("id"), id);
        }
        return element;
    }
};

} // namespace confab
