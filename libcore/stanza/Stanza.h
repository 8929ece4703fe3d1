// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "base/XmppError.h"
#include "xml/XmlElement.h"

#include <optional>

/// Helpers shared by every stanza kind (RFC 6120 §8): building IQs, reading and writing <error/>.
namespace confab::stanza {

enum class IqType { Get, Set, Result, Error };

/// <iq type=... id=... to=...> with one payload child (none for result/error without payload).
XmlElement makeIq(IqType type, const QString &id, const Jid &to, XmlElement payload = {});
std::optional<IqType> iqType(const XmlElement &iq);
bool isIq(const XmlElement &element);
bool isMessage(const XmlElement &element);
bool isPresence(const XmlElement &element);

/// The <error/> child of a stanza of type "error", if well formed (RFC 6120 §8.3.2).
std::optional<StanzaError> errorFromXml(const XmlElement &stanza);
XmlElement errorToXml(const StanzaError &error);
/// An error reply to a request: to/from swapped, same id, type "error" (RFC 6120 §8.3.1).
XmlElement makeErrorReply(const XmlElement &request, const StanzaError &error);
/// An empty IQ result for a get/set (RFC 6120 §8.2.3).
XmlElement makeIqResult(const XmlElement &request, XmlElement payload = {});

QString stanzaErrorTypeName(StanzaError::Type type);

} // namespace confab::stanza
