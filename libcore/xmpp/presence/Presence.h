// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "xml/XmlElement.h"
#include "xmpp/caps/EntityCaps.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace confab {

/// One resource's presence (RFC 6121 §4.7): whether it is available, its <show/>, <status/> and
/// <priority/>, when we received it, its XEP-0319 idle time and XEP-0115 capabilities (and, once
/// CapsManager knows them, its features). Subscription requests (RFC 6121 §3) are not presences in
/// this sense; fromXml() refuses them.
struct Presence
{
    enum class Type { Available, Unavailable, Error };
    /// Ordered from least to most available, so that comparisons read naturally.
    enum class Show { Offline, DoNotDisturb, ExtendedAway, Away, Online, Chat };

    Jid from;
    Jid to; ///< set for directed presence we send; empty for broadcasts
    Type type = Type::Available;
    Show show = Show::Online; ///< Offline exactly when the type is not Available
    QString status;
    QString statusLang; ///< xml:lang of the chosen <status/>, when it had one
    int priority = 0; ///< -128..127 (RFC 6121 §4.7.2.3)
    QDateTime received; ///< UTC, set by whoever received it
    QDateTime idleSince; ///< XEP-0319, UTC; invalid when not idle
    std::optional<EntityCaps> caps; ///< XEP-0115
    std::optional<QStringList> features; ///< the resource's features, once known (CapsManager)
    std::optional<StanzaError> error; ///< for type Error

    bool isAvailable() const { return type == Type::Available; }

    /// Parses a jabber:client <presence/> of type available (absent), unavailable or error; null for
    /// subscription types, probes, unknown types and bad addresses. Of several <status/> elements (RFC
    /// 6121 §4.7.2.2) the one in `preferredLang` is taken, else the first; a status without xml:lang is in
    /// the stanza's language, or the stream's (which the server set to ours).
    static std::optional<Presence> fromXml(const XmlElement &element, QStringView preferredLang = {});
    XmlElement toXml() const;

    /// The RFC 6121 §4.7.2.1 <show/> value ("away", "chat", "dnd", "xa"), empty for Online and Offline.
    static QString showName(Show show);
    /// "online", "chat", "away", "xa", "dnd", "offline" (the CLI's words), or nullopt.
    static std::optional<Show> showFromName(QStringView name);
    static QString showDisplayName(Show show);
    static int clampPriority(qint64 priority) { return int(std::clamp<qint64>(priority, -128, 127)); }

    /// The presence that represents a contact (RFC 6121 §4.7.2.3 leaves the choice to the client): among
    /// available resources, the highest priority, then the most available show (chat > online > away >
    /// xa > dnd), then the most recently received (on equal times, the later in the list). Null when no
    /// resource is available.
    static const Presence *pickAggregate(const QList<Presence> &resources);
};

} // namespace confab
