// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xml/XmlElement.h"

#include <QDateTime>

#include <optional>

namespace confab {

/// The core of a <message/> (RFC 6121 §5): addressing, type, body, thread and the XEP-0203 delay stamp.
/// Extension payloads stay in the XmlElement; each XEP reads its own.
struct Message
{
    enum class Type { Normal, Chat, Groupchat, Headline, Error };

    Jid from;
    Jid to;
    QString id;
    Type type = Type::Normal;
    QString body;
    QString lang; ///< xml:lang of the body, when given
    QString thread;
    QDateTime stamp; ///< XEP-0203 delay, UTC; invalid when the message is live

    /// Null when the element is not a jabber:client message or its addresses are not valid JIDs.
    static std::optional<Message> fromXml(const XmlElement &element);
    XmlElement toXml() const;

    static QString typeName(Type type);
};

} // namespace confab
