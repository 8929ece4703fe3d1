// SPDX-License-Identifier: Apache-2.0
#include "stanza/Message.h"

#include "base/Namespaces.h"

using namespace Qt::StringLiterals;

namespace confab {

QString Message::typeName(Type type)
{
    switch (type) {
    case Type::Normal:
        return u"normal"_s;
    case Type::Chat:
        return u"chat"_s;
    case Type::Groupchat:
        return u"groupchat"_s;
    case Type::Headline:
        return u"headline"_s;
    case Type::Error:
        return u"error"_s;
    }
    return {};
}

std::optional<Message> Message::fromXml(const XmlElement &element)
{
    if (!element.is(u"message", ns::Client)) {
        return std::nullopt;
    }
    Message message;
    const QString from = element.attribute(u"from");
    const QString to = element.attribute(u"to");
    if (!from.isEmpty()) {
        message.from = Jid::fromString(from);
        if (message.from.isNull()) {
            return std::nullopt;
        }
    }
    if (!to.isEmpty()) {
        message.to = Jid::fromString(to);
        if (message.to.isNull()) {
            return std::nullopt;
        }
    }
    message.id = element.attribute(u"id");
    const QString type = element.attribute(u"type");
    // RFC 6121 §5.2.2: an absent or unknown type is "normal".
    if (type == u"chat") {
        message.type = Type::Chat;
    } else if (type == u"groupchat") {
        message.type = Type::Groupchat;
    } else if (type == u"headline") {
        message.type = Type::Headline;
    } else if (type == u"error") {
        message.type = Type::Error;
    }
    // RFC 6121 §5.2.3: several bodies may differ by xml:lang; take the first (the stream's language).
    if (const XmlElement *body = element.firstChild(u"body", ns::Client)) {
        message.body = body->text();
        message.lang = body->lang();
    }
    message.thread = element.childText(u"thread", ns::Client);
    if (const XmlElement *delay = element.firstChild(u"delay", ns::Delay)) {
        message.stamp = QDateTime::fromString(delay->attribute(u"stamp"), Qt::ISODateWithMs);
        if (message.stamp.isValid()) {
            message.stamp = message.stamp.toUTC();
        }
    }
    return message;
}

XmlElement Message::toXml() const
{
    XmlElement element(u"message"_s, ns::Client.toString());
    if (to.isValid()) {
        element.setAttribute(u"to"_s, to.toString());
    }
    if (from.isValid()) {
        element.setAttribute(u"from"_s, from.toString());
    }
    if (!id.isEmpty()) {
        element.setAttribute(u"id"_s, id);
    }
    if (type != Type::Normal) {
        element.setAttribute(u"type"_s, typeName(type));
    }
    if (!body.isEmpty()) {
        XmlElement &b = element.appendTextChild(u"body"_s, body, ns::Client.toString());
        if (!lang.isEmpty()) {
            b.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), lang);
        }
    }
    if (!thread.isEmpty()) {
        element.appendTextChild(u"thread"_s, thread, ns::Client.toString());
    }
    return element;
}

} // namespace confab
