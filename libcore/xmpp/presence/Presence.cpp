// SPDX-License-Identifier: Apache-2.0
#include "xmpp/presence/Presence.h"

#include "base/Namespaces.h"
#include "stanza/Stanza.h"

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr QStringView IdleNs = u"urn:xmpp:idle:1"; // XEP-0319

// RFC 5646 tags compare case-insensitively; "en-GB" text serves a reader of "en".
bool sameLanguage(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QStringView primaryTag(QStringView tag)
{
    const qsizetype dash = tag.indexOf(u'-');
    return dash < 0 ? tag : tag.left(dash);
}

} // namespace

QString Presence::showName(Show show)
{
    switch (show) {
    case Show::Chat:
        return u"chat"_s;
    case Show::Away:
        return u"away"_s;
    case Show::ExtendedAway:
        return u"xa"_s;
    case Show::DoNotDisturb:
        return u"dnd"_s;
    case Show::Online:
    case Show::Offline:
        break;
    }
    return {};
}

QString Presence::showDisplayName(Show show)
{
    switch (show) {
    case Show::Online:
        return u"online"_s;
    case Show::Offline:
        return u"offline"_s;
    default:
        return showName(show);
    }
}

std::optional<Presence::Show> Presence::showFromName(QStringView name)
{
    for (Show show : { Show::Online, Show::Chat, Show::Away, Show::ExtendedAway, Show::DoNotDisturb, Show::Offline }) {
        if (name == showDisplayName(show)) {
            return show;
        }
    }
    return std::nullopt;
}

std::optional<Presence> Presence::fromXml(const XmlElement &element, QStringView preferredLang)
{
    if (!stanza::isPresence(element)) {
        return std::nullopt;
    }
    Presence presence;
    const QString type = element.attribute(u"type");
    if (type.isNull()) {
        presence.type = Type::Available;
    } else if (type == u"unavailable") {
        presence.type = Type::Unavailable;
    } else if (type == u"error") {
        presence.type = Type::Error;
        presence.error = stanza::errorFromXml(element);
    } else {
        return std::nullopt; // subscribe/subscribed/unsubscribe/unsubscribed (RFC 6121 §3), probe, unknown
    }
    const auto readJid = [&element](QStringView attribute, Jid &jid) {
        const QString value = element.attribute(attribute);
        if (!value.isEmpty()) {
            jid = Jid::fromString(value);
            return !jid.isNull();
        }
        return true;
    };
    if (!readJid(u"from", presence.from) || !readJid(u"to", presence.to)) {
        return std::nullopt;
    }

    if (presence.type == Type::Available) {
        // RFC 6121 §4.7.2.1: no <show/> means online; an unknown value is treated the same.
        const QString show = element.childText(u"show", ns::Client);
        presence.show = Show::Online;
        for (Show s : { Show::Chat, Show::Away, Show::ExtendedAway, Show::DoNotDisturb }) {
            if (show == showName(s)) {
                presence.show = s;
            }
        }
    } else {
        presence.show = Show::Offline;
    }

    // RFC 6121 §4.7.2.2: several <status/> may differ by xml:lang. Prefer an exact match, then the same
    // primary language, else the first.
    const QString stanzaLang = element.lang();
    const XmlElement *exact = nullptr;
    const XmlElement *primary = nullptr;
    const XmlElement *first = nullptr;
    for (const XmlElement &child : element.children()) {
        if (!child.is(u"status", ns::Client)) {
            continue;
        }
        if (!first) {
            first = &child;
        }
        QString lang = child.lang();
        if (lang.isEmpty()) {
            lang = stanzaLang;
        }
        if (lang.isEmpty() || preferredLang.isEmpty()) {
            // No language here means the stream's default, which the server took from our header.
            if (!exact) {
                exact = &child;
            }
        } else if (sameLanguage(lang, preferredLang)) {
            if (!exact) {
                exact = &child;
            }
        } else if (!primary && sameLanguage(primaryTag(lang), primaryTag(preferredLang))) {
            primary = &child;
        }
    }
    if (const XmlElement *chosen = exact ? exact : primary ? primary : first) {
        presence.status = chosen->text();
        presence.statusLang = chosen->lang();
    }

    // RFC 6121 §4.7.2.3: an integer from -128 to 127, 0 when absent. Out of range is a sender bug; we clamp
    // rather than drop the presence, and read anything that is not a number as 0.
    if (const XmlElement *priority = element.firstChild(u"priority", ns::Client)) {
        bool ok = false;
        const qint64 value = priority->text().trimmed().toLongLong(&ok);
        presence.priority = ok ? clampPriority(value) : 0;
    }

    // XEP-0319 §3: <idle since='...'/> in UTC.
    if (const XmlElement *idle = element.firstChild(u"idle", IdleNs)) {
        const QDateTime since = QDateTime::fromString(idle->attribute(u"since"), Qt::ISODateWithMs);
        if (since.isValid()) {
            presence.idleSince = since.toUTC();
        }
    }
    if (const XmlElement *c = element.firstChild(u"c", ns::Caps)) {
        presence.caps = EntityCaps::fromXml(*c);
    }
    return presence;
}

XmlElement Presence::toXml() const
{
    const QString clientNs = ns::Client.toString();
    XmlElement element(u"presence"_s, clientNs);
    if (to.isValid()) {
        element.setAttribute(u"to"_s, to.toString());
    }
    if (from.isValid()) {
        element.setAttribute(u"from"_s, from.toString());
    }
    if (type == Type::Unavailable) {
        element.setAttribute(u"type"_s, u"unavailable"_s);
    } else if (type == Type::Error) {
        element.setAttribute(u"type"_s, u"error"_s);
    }
    if (type == Type::Available) {
        if (const QString name = showName(show); !name.isEmpty()) {
            element.appendTextChild(u"show"_s, name, clientNs);
        }
    }
    if (!status.isEmpty()) {
        XmlElement &s = element.appendTextChild(u"status"_s, status, clientNs);
        if (!statusLang.isEmpty()) {
            s.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), statusLang);
        }
    }
    if (type == Type::Available && priority != 0) {
        element.appendTextChild(u"priority"_s, QString::number(clampPriority(priority)), clientNs);
    }
    if (type == Type::Available && idleSince.isValid()) {
        XmlElement idle(u"idle"_s, IdleNs.toString());
        idle.setAttribute(u"since"_s, idleSince.toUTC().toString(Qt::ISODate));
        element.appendChild(std::move(idle));
    }
    if (caps) {
        element.appendChild(caps->toXml());
    }
    if (type == Type::Error && error) {
        element.appendChild(stanza::errorToXml(*error));
    }
    return element;
}

const Presence *Presence::pickAggregate(const QList<Presence> &resources)
{
    const Presence *best = nullptr;
    for (const Presence &candidate : resources) {
        if (!candidate.isAvailable()) {
            continue;
        }
        if (!best) {
            best = &candidate;
            continue;
        }
        if (candidate.priority != best->priority) {
            if (candidate.priority > best->priority) {
                best = &candidate;
            }
            continue;
        }
        if (candidate.show != best->show) {
            if (candidate.show > best->show) {
                best = &candidate;
            }
            continue;
        }
        // Equal so far: the most recent wins; later in the list breaks a tie on time.
        if (!(candidate.received < best->received)) {
            best = &candidate;
        }
    }
    return best;
}

} // namespace confab
