// SPDX-License-Identifier: Apache-2.0
#pragma once

// Header-only, for tests that link libcore: canned XML read exactly as the stream reads it off the wire.
#include "xml/XmlStreamParser.h"

#include <QByteArray>
#include <QString>
#include <QtDebug>

namespace confab::test {

/// One top-level element of canned XML, parsed inside a jabber:client stream (so namespaces are the real
/// ones); a null element, with a warning, when the parser refuses it.
inline XmlElement parseStanza(const QByteArray &xml)
{
    XmlElement result;
    XmlStreamParser parser({ .streamOpened = {},
        .elementReceived = [&result](XmlElement &&element) { result = std::move(element); },
        .streamClosed = {},
        .errorOccurred = [](XmlStreamParser::Error,
                             const QString &detail) { qWarning("canned XML rejected: %s", qPrintable(detail)); } });
    parser.feed("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    parser.feed(xml);
    return result;
}

inline XmlElement parseStanza(const char *xml)
{
    return parseStanza(QByteArray(xml));
}

inline XmlElement parseStanza(const QString &xml)
{
    return parseStanza(xml.toUtf8());
}

} // namespace confab::test
