// SPDX-License-Identifier: Apache-2.0
#include "xmpp/roster/RosterItem.h"

#include "xmpp/roster/RosterNamespaces.h"

using namespace Qt::StringLiterals;

namespace confab {

QString RosterItem::subscriptionName(Subscription subscription)
{
    switch (subscription) {
    case Subscription::None:
        return u"none"_s;
    case Subscription::To:
        return u"to"_s;
    case Subscription::From:
        return u"from"_s;
    case Subscription::Both:
        return u"both"_s;
    case Subscription::Remove:
        return u"remove"_s;
    }
    return u"none"_s;
}

std::optional<RosterItem::Subscription> RosterItem::subscriptionFromName(QStringView name)
{
    for (Subscription s :
        { Subscription::None, Subscription::To, Subscription::From, Subscription::Both, Subscription::Remove }) {
        if (name == subscriptionName(s)) {
            return s;
        }
    }
    return std::nullopt;
}

std::optional<RosterItem> RosterItem::fromXml(const XmlElement &element)
{
    if (!element.is(u"item", ns::roster::Query)) {
        return std::nullopt;
    }
    RosterItem item;
    item.jid = Jid::fromString(element.attribute(u"jid"));
    // RFC 6121 §2.1.1: a roster holds contacts by bare JID; anything else is not a contact we can show.
    if (!item.jid.isBare()) {
        return std::nullopt;
    }
    item.name = element.attribute(u"name");
    // RFC 6121 §2.1.2.5: absent means "none". An unknown value is treated the same, so that a server
    // extension cannot make a contact look subscribed.
    const QString subscription = element.attribute(u"subscription");
    item.subscription = subscriptionFromName(subscription).value_or(Subscription::None);
    // RFC 6121 §2.1.2.2: 'subscribe' is the only value; the old 'unsubscribe' of RFC 3921 means nothing now.
    item.ask = element.attribute(u"ask") == u"subscribe";
    // RFC 6121 §2.1.2.1: xs:boolean.
    const QString approved = element.attribute(u"approved");
    item.approved = approved == u"true" || approved == u"1";
    for (const XmlElement &child : element.children()) {
        if (!child.is(u"group", ns::roster::Query)) {
            continue;
        }
        // RFC 6121 §2.1.2.3: a group has a non-empty name and appears once per item.
        const QString group = child.text();
        if (!group.isEmpty() && !item.groups.contains(group)) {
            item.groups.append(group);
        }
    }
    return item;
}

XmlElement RosterItem::toXml() const
{
    XmlElement element = toSetXml();
    if (subscription != Subscription::Remove) {
        element.setAttribute(u"subscription"_s, subscriptionName(subscription));
        if (ask) {
            element.setAttribute(u"ask"_s, u"subscribe"_s);
        }
        if (approved) {
            element.setAttribute(u"approved"_s, u"true"_s);
        }
    }
    return element;
}

XmlElement RosterItem::toSetXml() const
{
    XmlElement element(u"item"_s, ns::roster::Query.toString());
    element.setAttribute(u"jid"_s, jid.toString());
    if (subscription == Subscription::Remove) {
        element.setAttribute(u"subscription"_s, subscriptionName(subscription));
        return element;
    }
    if (!name.isEmpty()) {
        element.setAttribute(u"name"_s, name);
    }
    for (const QString &group : groups) {
        element.appendTextChild(u"group"_s, group, ns::roster::Query.toString());
    }
    return element;
}

} // namespace confab
