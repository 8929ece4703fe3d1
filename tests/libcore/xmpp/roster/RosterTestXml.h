// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlStreamParser.h"

#include <QDebug>
#include <QString>

namespace confab::test {

/// Parses one canned stanza as if it came over a jabber:client stream (so unprefixed elements are in
/// jabber:client, as on the wire).
inline XmlElement parseStanza(const QString &xml)
{
    XmlElement result;
    XmlStreamParser parser(XmlStreamParser::Callbacks {
        .streamOpened = [](const XmlElement &) {},
        .elementReceived = [&result](XmlElement &&element) { result = std::move(element); },
        .streamClosed = [] {},
        .errorOccurred = [](XmlStreamParser::Error, const QString &detail) { qWarning() << detail; },
    });
    parser.feed(
        QByteArrayView("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"));
    parser.feed(xml.toUtf8());
    return result;
}

} // namespace confab::test
