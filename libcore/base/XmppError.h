// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <variant>

namespace confab {

/// An <error/> in a stanza (RFC 6120 §8.3). Parsed by stanza/StanzaError.h.
struct StanzaError
{
    enum class Type { Auth, Cancel, Continue, Modify, Wait };
    Type type = Type::Cancel;
    QString condition; ///< defined condition element name, e.g. "item-not-found"
    QString text; ///< the optional human-readable <text/>, as the peer sent it
};

/// No answer came in time.
struct TimeoutError
{ };

/// The connection went away before an answer came (it may be retried by the caller).
struct NetworkError
{
    QString message;
};

/// The peer answered something that makes no sense for the request.
struct ProtocolError
{
    QString message;
};

/// The closed set of reasons a request can fail (DESIGN.md).
using XmppError = std::variant<StanzaError, TimeoutError, NetworkError, ProtocolError>;

/// One line a person understands (translated through QCoreApplication::translate).
QString describeError(const XmppError &error);

} // namespace confab
