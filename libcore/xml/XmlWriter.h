// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"

#include <QByteArray>

namespace confab {

/// Serialises XmlElements to UTF-8 for the wire. Escapes &, <, > in text and &, <, >, ", ' in attribute
/// values, writes \t \n \r in attributes as character references so they survive attribute-value
/// normalisation, and drops characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone
/// surrogates, U+FFFE/U+FFFF) rather than producing a stream the peer must reject.
/// An xmlns declaration is written only where an element's namespace differs from its parent's.
class XmlWriter
{
public:
    static constexpr QStringView StreamNamespace = u"http://etherx.jabber.org/streams";
    static constexpr QStringView ClientNamespace = u"jabber:client";

    /// One top-level element as sent inside a jabber:client stream.
    static QByteArray serialize(const XmlElement &element, QStringView parentNamespace = ClientNamespace);
    static void serialize(QByteArray &out, const XmlElement &element, QStringView parentNamespace = ClientNamespace);

    /// "<?xml version='1.0'?><stream:stream ...>" for a client-to-server stream (RFC 6120 §4.7).
    static QByteArray streamHeader(const QString &to, const QString &from = {}, const QString &lang = {});
    static QByteArray streamFooter();

    static void appendEscapedText(QByteArray &out, QStringView text);
    static void appendEscapedAttribute(QByteArray &out, QStringView value);
};

} // namespace confab
