// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace confab {

/// One message as the history keeps it: what a chat view shows and what dedupe and sync need.
struct StoredMessage
{
    enum class Direction { Incoming, Outgoing };
    /// Delivery state of an outgoing message (DESIGN.md): pending until the server acked it (XEP-0198),
    /// then delivered (XEP-0184 receipt) and displayed (XEP-0333 marker); or failed with `error`.
    /// Incoming messages are Received, then Displayed once the user saw them.
    enum class State { Pending, Sent, Delivered, Displayed, Failed, Received };
    enum class Type { Chat, Normal, Headline, Error };

    qint64 id = 0; ///< local row id, assigned by MessageStore; increases with insertion order
    Jid conversation; ///< the contact's bare JID (the conversation this message belongs to)
    Jid sender; ///< full JID of who sent it (one of our resources for outgoing)
    Direction direction = Direction::Incoming;
    Type type = Type::Chat;
    QString body;
    QString lang; ///< xml:lang of the body
    QString thread;
    QString messageId; ///< the stanza's id attribute
    QString originId; ///< XEP-0359 origin-id (set by the sender; ours for outgoing)
    QString stanzaId; ///< XEP-0359 stanza-id assigned by OUR server's archive (by=our bare JID); empty if none
    QDateTime timestamp; ///< UTC: when it was sent (XEP-0203 delay) or received
    State state = State::Received;
    QString error; ///< with Failed: why, in words
    bool edited = false; ///< XEP-0308: body was corrected; originalBody keeps the first version
    QString originalBody;

    bool isOutgoing() const { return direction == Direction::Outgoing; }
    bool operator==(const StoredMessage &) const = default;
};

} // namespace confab

Q_DECLARE_METATYPE(confab::StoredMessage)
