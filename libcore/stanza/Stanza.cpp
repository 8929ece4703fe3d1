// SPDX-License-Identifier: Apache-2.0
#include "stanza/Stanza.h"

#include "base/Namespaces.h"

using namespace Qt::StringLiterals;

namespace confab::stanza {

namespace {

QString iqTypeName(IqType type)
{
    switch (type) {
    case IqType::Get:
        return u"get"_s;
    case IqType::Set:
        return u"set"_s;
    case IqType::Result:
        return u"result"_s;
    case IqType::Error:
        return u"error"_s;
    }
    return {};
}

} // namespace

XmlElement makeIq(IqType type, const QString &id, const Jid &to, XmlElement payload)
{
    XmlElement iq(u"iq"_s, ns::Client.toString());
    iq.setAttribute(u"type"_s, iqTypeName(type));
    iq.setAttribute(u"id"_s, id);
    if (to.isValid()) {
        iq.setAttribute(u"to"_s, to.toString());
    }
    if (!payload.isNull()) {
        iq.appendChild(std::move(payload));
    }
    return iq;
}

std::optional<IqType> iqType(const XmlElement &iq)
{
    const QString type = iq.attribute(u"type");
    if (type == u"get") {
        return IqType::Get;
    }
    if (type == u"set") {
        return IqType::Set;
    }
    if (type == u"result") {
        return IqType::Result;
    }
    if (type == u"error") {
        return IqType::Error;
    }
    return std::nullopt;
}

bool isIq(const XmlElement &element)
{
    return element.is(u"iq", ns::Client);
}

bool isMessage(const XmlElement &element)
{
    return element.is(u"message", ns::Client);
}

bool isPresence(const XmlElement &element)
{
    return element.is(u"presence", ns::Client);
}

QString stanzaErrorTypeName(StanzaError::Type type)
{
    switch (type) {
    case StanzaError::Type::Auth:
        return u"auth"_s;
    case StanzaError::Type::Cancel:
        return u"cancel"_s;
    case StanzaError::Type::Continue:
        return u"continue"_s;
    case StanzaError::Type::Modify:
        return u"modify"_s;
    case StanzaError::Type::Wait:
        return u"wait"_s;
    }
    return {};
}

std::optional<StanzaError> errorFromXml(const XmlElement &stanza)
{
    const XmlElement *error = stanza.firstChild(u"error", ns::Client);
    if (!error) {
        return std::nullopt;
    }
    StanzaError result;
    const QString type = error->attribute(u"type");
    if (type == u"auth") {
        result.type = StanzaError::Type::Auth;
    } else if (type == u"continue") {
        result.type = StanzaError::Type::Continue;
    } else if (type == u"modify") {
        result.type = StanzaError::Type::Modify;
    } else if (type == u"wait") {
        result.type = StanzaError::Type::Wait;
    } else {
        result.type = StanzaError::Type::Cancel;
    }
    for (const XmlElement &child : error->children()) {
        if (child.namespaceUri() != ns::Stanzas) {
            continue; // application-specific conditions are not ours to show
        }
        if (child.name() == u"text") {
            result.text = child.text();
        } else if (result.condition.isEmpty()) {
            result.condition = child.name();
        }
    }
    if (result.condition.isEmpty()) {
        // RFC 6120 §8.3.2: a condition is required; treat its absence as undefined-condition.
        result.condition = u"undefined-condition"_s;
    }
    return result;
}

XmlElement errorToXml(const StanzaError &error)
{
    XmlElement element(u"error"_s, ns::Client.toString());
    element.setAttribute(u"type"_s, stanzaErrorTypeName(error.type));
    element.appendChild(XmlElement(error.condition, ns::Stanzas.toString()));
    if (!error.text.isEmpty()) {
        element.appendTextChild(u"text"_s, error.text, ns::Stanzas.toString());
    }
    return element;
}

XmlElement makeErrorReply(const XmlElement &request, const StanzaError &error)
{
    XmlElement reply(request.name(), request.namespaceUri());
    if (const QString from = request.attribute(u"from"); !from.isEmpty()) {
        reply.setAttribute(u"to"_s, from);
    }
    if (request.hasAttribute(u"id")) {
        reply.setAttribute(u"id"_s, request.attribute(u"id"));
    }
    reply.setAttribute(u"type"_s, u"error"_s);
    reply.appendChild(errorToXml(error));
    return reply;
}

XmlElement makeIqResult(const XmlElement &request, XmlElement payload)
{
    XmlElement reply(u"iq"_s, ns::Client.toString());
    if (const QString from = request.attribute(u"from"); !from.isEmpty()) {
        reply.setAttribute(u"to"_s, from);
    }
    reply.setAttribute(u"id"_s, request.attribute(u"id"));
    reply.setAttribute(u"type"_s, u"result"_s);
    if (!payload.isNull()) {
        reply.appendChild(std::move(payload));
    }
    return reply;
}

} // namespace confab::stanza
