// SPDX-License-Identifier: Apache-2.0
#include "xml/XmlWriter.h"

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

enum class Escape {
    None, // element and attribute names: built by our own code, never from the network
    Text, // character data
    Attribute, // a value inside single quotes
};

constexpr QStringView XmlnsNamespace = u"http://www.w3.org/2000/xmlns/";

// The longest output for one UTF-16 unit: "&quot;" (6 bytes); a surrogate pair makes 4 bytes from 2.
constexpr qsizetype MaxBytesPerUnit = 6;

template <qsizetype N> char *put(char *p, const char (&literal)[N])
{
    for (qsizetype i = 0; i < N - 1; ++i) {
        *p++ = literal[i];
    }
    return p;
}

// Appends UTF-8 for the text, escaped as the context needs, leaving out what XML 1.0 §2.2 (Char) cannot
// carry: the peer would have to close the stream with <not-well-formed/> (RFC 6120 §4.9.3.13).
void appendUtf8(QByteArray &out, QStringView text, Escape escape)
{
    if (text.isEmpty()) {
        return;
    }
    const qsizetype start = out.size();
    out.resize(start + text.size() * MaxBytesPerUnit);
    char *p = out.data() + start;
    const char16_t *s = text.utf16();
    const char16_t *const end = s + text.size();
    while (s < end) {
        const char16_t c = *s++;
        if (c < 0x80) {
            if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
                *p++ = char(c);
                continue;
            }
            if (escape == Escape::None) {
                if (c >= 0x20) {
                    *p++ = char(c);
                }
                continue;
            }
            switch (c) {
            case '&':
                p = put(p, "&amp;");
                break;
            case '<':
                p = put(p, "&lt;");
                break;
            case '>':
                // Not required in general, but it keeps "]]>" out of character data (XML 1.0 §2.4).
                p = put(p, "&gt;");
                break;
            case '"':
                if (escape == Escape::Attribute) {
                    p = put(p, "&quot;");
                } else {
                    *p++ = '"';
                }
                break;
            case '\'':
                if (escape == Escape::Attribute) {
                    p = put(p, "&apos;");
                } else {
                    *p++ = '\'';
                }
                break;
            case '\t':
            case '\n':
                // XML 1.0 §3.3.3: a literal tab or newline in an attribute value is read as a space.
                if (escape == Escape::Attribute) {
                    p = c == '\t' ? put(p, "&#x9;") : put(p, "&#xA;");
                } else {
                    *p++ = char(c);
                }
                break;
            case '\r':
                // XML 1.0 §2.11: a literal CR is read as a newline, in text too.
                p = put(p, "&#xD;");
                break;
            default:
                break; // other C0 controls are not XML characters
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c)) {
            if (s < end && QChar::isLowSurrogate(*s)) {
                const char32_t u = QChar::surrogateToUcs4(c, *s++);
                *p++ = char(0xF0 | (u >> 18));
                *p++ = char(0x80 | ((u >> 12) & 0x3F));
                *p++ = char(0x80 | ((u >> 6) & 0x3F));
                *p++ = char(0x80 | (u & 0x3F));
            }
            // else: a lone high surrogate encodes no character; drop it
        } else if (QChar::isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            // a lone low surrogate, or a noncharacter XML excludes
        } else {
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        }
    }
    out.truncate(p - out.constData());
}

void appendAttribute(QByteArray &out, QStringView prefix, QStringView name, QStringView value)
{
    out.append(' ');
    if (!prefix.isEmpty()) {
        appendUtf8(out, prefix, Escape::None);
        out.append(':');
    }
    appendUtf8(out, name, Escape::None);
    out.append("='");
    appendUtf8(out, value, Escape::Attribute);
    out.append('\'');
}

// inScope: the namespace of the element's parent (its default namespace in the output).
void writeElement(QByteArray &out, const XmlElement &element, QStringView inScope)
{
    // An element without a namespace takes its parent's: XmlElement::appendTextChild() and most payload
    // code build children that way. Every XMPP element is namespace-qualified (RFC 6120 §4.8), so an
    // element "in no namespace" (xmlns='') is never what is meant.
    const QStringView namespaceUri = element.namespaceUri().isEmpty() ? inScope : QStringView(element.namespaceUri());

    out.append('<');
    appendUtf8(out, element.name(), Escape::None);
    if (namespaceUri != inScope) {
        appendAttribute(out, {}, u"xmlns", namespaceUri);
    }

    // Attributes in a namespace other than xml: need a prefix; it is declared on this element, the only
    // scope the writer relies on, as ns1, ns2, ... (names XML reserves for nothing).
    QList<QStringView> prefixed;
    for (const XmlElement::Attribute &a : element.attributes()) {
        if (a.namespaceUri.isEmpty()) {
            appendAttribute(out, {}, a.name, a.value);
        } else if (a.namespaceUri == XmlElement::XmlNamespace) {
            // XML Namespaces §3: the prefix xml is bound by definition and never declared.
            appendAttribute(out, u"xml", a.name, a.value);
        } else if (a.namespaceUri == XmlnsNamespace) {
            // A namespace declaration is not data: the writer makes the ones the tree needs.
        } else {
            qsizetype index = prefixed.indexOf(QStringView(a.namespaceUri));
            const bool declared = index >= 0;
            if (!declared) {
                prefixed.append(a.namespaceUri);
                index = prefixed.size() - 1;
            }
            const QString prefix = u"ns"_s + QString::number(index + 1);
            if (!declared) {
                appendAttribute(out, u"xmlns", prefix, a.namespaceUri);
            }
            appendAttribute(out, prefix, a.name, a.value);
        }
    }

    if (element.children().isEmpty() && element.text().isEmpty()) {
        out.append("/>");
        return;
    }
    out.append('>');
    // XmlElement keeps the concatenation of its character data, so it goes before the children.
    appendUtf8(out, element.text(), Escape::Text);
    for (const XmlElement &child : element.children()) {
        writeElement(out, child, namespaceUri);
    }
    out.append("</");
    appendUtf8(out, element.name(), Escape::None);
    out.append('>');
}

} // namespace

QByteArray XmlWriter::serialize(const XmlElement &element, QStringView parentNamespace)
{
    QByteArray out;
    out.reserve(256);
    serialize(out, element, parentNamespace);
    return out;
}

void XmlWriter::serialize(QByteArray &out, const XmlElement &element, QStringView parentNamespace)
{
    writeElement(out, element, parentNamespace);
}

QByteArray XmlWriter::streamHeader(const QString &to, const QString &from, const QString &lang)
{
    // RFC 6120 §4.7: 'to' is the server's domain; 'from' the account's bare JID (sent once TLS protects
    // it, §4.7.1); xml:lang the user's language (§4.7.4); version 1.0 announces RFC 6120 support (§4.7.5).
    QByteArray out = "<?xml version='1.0'?><stream:stream"_ba;
    appendAttribute(out, {}, u"to", to);
    if (!from.isEmpty()) {
        appendAttribute(out, {}, u"from", from);
    }
    appendAttribute(out, {}, u"version", u"1.0");
    if (!lang.isEmpty()) {
        appendAttribute(out, u"xml", u"lang", lang);
    }
    appendAttribute(out, {}, u"xmlns", ClientNamespace);
    appendAttribute(out, u"xmlns", u"stream", StreamNamespace);
    out.append('>');
    return out;
}

QByteArray XmlWriter::streamFooter()
{
    return "</stream:stream>"_ba;
}

void XmlWriter::appendEscapedText(QByteArray &out, QStringView text)
{
    appendUtf8(out, text, Escape::Text);
}

void XmlWriter::appendEscapedAttribute(QByteArray &out, QStringView value)
{
    appendUtf8(out, value, Escape::Attribute);
}

} // namespace confab
