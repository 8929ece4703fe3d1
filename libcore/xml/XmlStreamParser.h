// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xml/XmlElement.h"

#include <QByteArrayView>

#include <functional>
#include <memory>

namespace confab {

/// Incremental parser for one XMPP XML stream (RFC 6120 §4) on raw UTF-8 bytes, built on QXmlStreamReader.
///
/// Bytes arrive in chunks split anywhere (even inside a UTF-8 sequence); the parser reports the
/// <stream:stream> header once, then one XmlElement for every complete depth-1 child (stanzas,
/// <stream:features/>, SASL and TLS elements, <stream:error/>), then the stream's close.
///
/// RFC 6120 §11.1 restricted XML (comments, processing instructions, DTDs, entity references other than
/// the five predefined ones) is refused with Error::RestrictedXml; malformed XML or invalid UTF-8 with
/// Error::NotWellFormed; a stanza over the byte limit or nesting over the depth limit with
/// Error::PolicyViolation. After an error the parser ignores all further input.
///
/// A callback may call reset() (a stream restart, RFC 6120 §4.3.3): the rest of the chunk being parsed is
/// then discarded, which is exactly what RFC 6120 §5.4.3.3 asks after <proceed/>. A callback must not
/// destroy the parser.
class XmlStreamParser
{
public:
    struct Limits
    {
        qsizetype maxStanzaBytes = 1024 * 1024;
        int maxDepth = 64; ///< depth of elements inside one stanza, the stanza itself being 1
    };

    enum class Error {
        NotWellFormed, ///< stream error <not-well-formed/>
        RestrictedXml, ///< stream error <restricted-xml/>
        PolicyViolation, ///< stream error <policy-violation/> (size or depth limit)
        InvalidNamespace ///< stream error <invalid-namespace/> (root is not stream:stream)
    };

    struct Callbacks
    {
        std::function<void(const XmlElement &header)> streamOpened; ///< attributes only, no children
        std::function<void(XmlElement &&element)> elementReceived;
        std::function<void()> streamClosed;
        std::function<void(XmlStreamParser::Error error, const QString &detail)> errorOccurred;
    };

    explicit XmlStreamParser(Callbacks callbacks);
    // Two constructors rather than "Limits limits = {}": a default argument cannot use the default member
    // initialisers of a nested struct before the enclosing class is complete (GCC rejects it).
    XmlStreamParser(Callbacks callbacks, Limits limits);
    ~XmlStreamParser();
    XmlStreamParser(const XmlStreamParser &) = delete;
    XmlStreamParser &operator=(const XmlStreamParser &) = delete;

    void feed(QByteArrayView bytes);
    /// Forget everything parsed so far and expect a new stream header.
    void reset();
    bool hasError() const;
    const Limits &limits() const;

    /// The stream error condition name for an error ("not-well-formed", ...).
    static QString conditionName(Error error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace confab
