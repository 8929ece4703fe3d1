// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xml/XmlElement.h"

#include <QMetaType>
#include <QStringList>

#include <optional>

namespace confab {

/// One contact in the roster (RFC 6121 §2.1.2): who, under which name and groups, and the state of
/// the presence subscriptions between us.
struct RosterItem
{
    /// RFC 6121 §2.1.2.5. `Remove` exists only on the wire: in a roster push that deletes the item and in
    /// the roster set that asks for it (§2.5); an item held in the roster never has it.
    enum class Subscription { None, To, From, Both, Remove };

    Jid jid; ///< the contact's bare JID
    QString name; ///< the user's name for the contact; empty when none is set
    QStringList groups; ///< in the server's order, without duplicates or empty names
    Subscription subscription = Subscription::None;
    bool ask = false; ///< our subscription request to the contact is pending (ask='subscribe', §2.1.2.2)
    bool approved = false; ///< we pre-approved their subscription to us (approved='true', §3.4)

    /// Parses an <item xmlns='jabber:iq:roster'/>. Null when it is not one, or its 'jid' is missing, is not
    /// a valid JID, or is not a bare JID.
    static std::optional<RosterItem> fromXml(const XmlElement &item);
    /// The item with every attribute, as a server would push it.
    XmlElement toXml() const;
    /// The item for a roster set (RFC 6121 §2.3.2, §2.5.2): jid, name and groups only, or jid and
    /// subscription='remove' for a removal; 'ask', 'approved' and other subscription states are the
    /// server's to set.
    XmlElement toSetXml() const;

    bool isRemoval() const { return subscription == Subscription::Remove; }
    /// Whether the contact sees our presence (they are subscribed to us: 'from' or 'both').
    bool isSubscribedToUs() const { return subscription == Subscription::From || subscription == Subscription::Both; }
    /// Whether we see the contact's presence ('to' or 'both').
    bool isSubscribedToThem() const { return subscription == Subscription::To || subscription == Subscription::Both; }

    static QString subscriptionName(Subscription subscription);
    static std::optional<Subscription> subscriptionFromName(QStringView name);

    bool operator==(const RosterItem &) const = default;
};

} // namespace confab

Q_DECLARE_METATYPE(confab::RosterItem)
