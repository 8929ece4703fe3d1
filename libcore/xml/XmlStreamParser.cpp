// SPDX-License-Identifier: Apache-2.0
#include "xml/XmlStreamParser.h"

#include "base/Namespaces.h"

#include <QXmlStreamReader>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <vector>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace confab {

namespace {

// Byte classes for the entity reference states.
enum : quint8 {
    NameChar = 1, // may appear in an entity name (ASCII subset of XML NameChar, plus non-ASCII)
    NameStart = 2, // may start one
    CharRefChar = 4, // '#'-reference digits, 'x'
};

constexpr std::array<quint8, 256> makeByteClasses()
{
    std::array<quint8, 256> c {};
    for (int b = 0; b < 256; ++b) {
        const bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        const bool digit = b >= '0' && b <= '9';
        if (letter || b == '_' || b == ':' || b >= 0x80) {
            c[b] |= NameStart | NameChar;
        }
        if (digit || b == '-' || b == '.') {
            c[b] |= NameChar;
        }
        if (digit || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F') || b == 'x') {
            c[b] |= CharRefChar;
        }
    }
    return c;
}
constexpr std::array<quint8, 256> byteClasses = makeByteClasses();

// The index of the first byte in data[i, size) equal to one of the needles, or size. Character data and
// attribute values are most of a stream's bytes; SSE2 (part of every x86-64) looks at 16 of them at once.
template <typename... Needles> qsizetype findAny(const uchar *data, qsizetype i, qsizetype size, Needles... needles)
{
#if defined(__SSE2__) || defined(_M_X64)
    while (size - i >= 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        __m128i hits = _mm_setzero_si128();
        ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(char(needles))))), ...);
        if (const int mask = _mm_movemask_epi8(hits)) {
            return i + std::countr_zero(unsigned(mask));
        }
        i += 16;
    }
#endif
    while (i < size && ((data[i] != uchar(needles)) && ...)) {
        ++i;
    }
    return i;
}

// QXmlStreamReader alone cannot enforce XMPP's rules: it resolves undeclared entities into a generic
// error, decodes whatever encoding a declaration names, buffers character data without bound until
// the next '<', and its decoder is no strict RFC 3629 check. So every chunk first goes through ByteScanner, a
// small resumable state machine over the raw bytes that
//   - validates UTF-8 (RFC 6120 §11.6; RFC 3629 §3: no overlongs, no surrogates, nothing above U+10FFFF),
//   - refuses comments, processing instructions, DTDs and undeclared entity references (RFC 6120 §11.1),
//   - tracks element depth and the byte extent of each depth-1 child, so the size and depth limits
//     (RFC 6120 §13.12: resource exhaustion) trip as soon as the offending byte arrives.
// Only the bytes before the first offending one are handed to QXmlStreamReader, so a stanza that
// completed before the error is still delivered, whatever the chunking.
class ByteScanner
{
public:
    struct Failure
    {
        XmlStreamParser::Error error = XmlStreamParser::Error::NotWellFormed;
        QString detail;
    };

    explicit ByteScanner(const XmlStreamParser::Limits &limits)
        : m_maxUnitBytes(limits.maxStanzaBytes)
        , m_maxDepth(limits.maxDepth)
    { }

    // Scans a chunk; returns how many of its leading bytes are acceptable. When that is less than
    // size, failure() says why. After the root element's end tag everything is accepted unscanned.
    qsizetype scan(const uchar *data, qsizetype size)
    {
        const qsizetype valid = validateUtf8(data, size);
        qsizetype accepted = lex(data, valid);
        if (accepted < size && m_state != State::Done) {
            // A failure further on must not hide the size limit crossed before it: a reader fed byte by byte
            // would have stopped at the limit first (found by fuzz_xml_stream).
            if (const qsizetype at = unitOverflow(m_base + accepted); at >= 0 && at < accepted) {
                accepted = failLimit(at);
                m_base += accepted;
                return accepted;
            }
        }
        if (accepted == valid && valid < size) {
            fail(XmlStreamParser::Error::NotWellFormed,
                m_controlCharacter ? u"a control character XML does not allow"_s : u"invalid UTF-8"_s);
        }
        m_base += accepted;
        return accepted;
    }

    const Failure &failure() const { return m_failure; }

private:
    enum class State : quint8 {
        Content, // character data, or the prolog, or whitespace between stanzas
        TagOpen, // just after '<'
        StartTag, // inside a start tag, outside attribute values
        AttrValue, // inside a quoted attribute value; m_quote says which quote ends it
        EndTag, // inside an end tag
        EntityStart, // just after '&'
        EntityName, // inside "&name"
        CharRef, // inside "&#..."
        Bang, // just after "<!"
        CdataOpen, // matching "[CDATA[" after "<!"
        Cdata, // inside a CDATA section; m_match counts trailing ']'
        DeclOpen, // matching "xml " after "<?" at the very start of the stream
        Decl, // inside the XML declaration
        Done, // after the root element's end tag
    };

    void fail(XmlStreamParser::Error error, QString detail) { m_failure = Failure { error, std::move(detail) }; }

    // RFC 3629 §4 well-formed sequences; m_need continuation bytes are still expected, the next one
    // in [m_lo, m_hi]. Returns the index of the first byte that cannot be part of valid UTF-8.
    qsizetype validateUtf8(const uchar *data, qsizetype size)
    {
        qsizetype i = 0;
        while (i < size) {
            if (m_need == 0) {
                // ASCII fast path, eight bytes at a time; a word with a byte >= 0x80 or < 0x20 is
                // looked at byte by byte.
                while (size - i >= 8) {
                    quint64 word;
                    std::memcpy(&word, data + i, 8);
                    if ((word & 0x8080808080808080ULL)
                        || ((word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL)) {
                        break;
                    }
                    i += 8;
                }
                while (i < size && data[i] < 0x80) {
                    // XML 1.0 §2.2: no C0 control characters but tab, LF and CR (and never NUL). QXmlStreamReader
                    // takes some of them, and a writer that drops them would change what the element means.
                    if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r') {
                        m_controlCharacter = true;
                        return i;
                    }
                    ++i;
                }
                if (i == size) {
                    break;
                }
                const uchar b = data[i];
                if (b < 0xC2 || b > 0xF4) {
                    return i; // stray continuation byte, overlong C0/C1 lead, or beyond U+10FFFF
                }
                m_lo = 0x80;
                m_hi = 0xBF;
                if (b < 0xE0) {
                    m_need = 1;
                } else if (b < 0xF0) {
                    m_need = 2;
                    if (b == 0xE0) {
                        m_lo = 0xA0; // overlong below U+0800
                    } else if (b == 0xED) {
                        m_hi = 0x9F; // UTF-16 surrogates U+D800..U+DFFF
                    }
                } else {
                    m_need = 3;
                    if (b == 0xF0) {
                        m_lo = 0x90; // overlong below U+10000
                    } else if (b == 0xF4) {
                        m_hi = 0x8F; // beyond U+10FFFF
                    }
                }
                ++i;
                continue;
            }
            const uchar b = data[i];
            if (b < m_lo || b > m_hi) {
                return i; // truncated sequence or out-of-range continuation
            }
            m_lo = 0x80;
            m_hi = 0xBF;
            --m_need;
            ++i;
        }
        return size;
    }

    // A "unit" is what one limit covers: the prolog with the stream header, one depth-1 child, or a run
    // of character data between two children. QXmlStreamReader buffers each of them whole, so each is
    // bounded by maxStanzaBytes. Returns the chunk index of the first byte past the limit, or -1.
    qsizetype unitOverflow(qint64 absoluteEnd) const
    {
        if (absoluteEnd - m_unitStart > m_maxUnitBytes) {
            return qsizetype(m_unitStart + m_maxUnitBytes - m_base);
        }
        return -1;
    }

    qsizetype failLimit(qsizetype at)
    {
        fail(XmlStreamParser::Error::PolicyViolation,
            u"more than %1 bytes in one stanza"_s.arg(m_maxUnitBytes)); // RFC 6120 §13.12 item 4
        return at;
    }

    // An element closed at index i: a depth-1 child ends a unit, the root ends the stream.
    // Returns -1, or the index where the size limit was exceeded.
    qsizetype closeElement(qsizetype i)
    {
        --m_depth;
        if (m_depth == 1) {
            const qint64 end = m_base + i + 1;
            if (const qsizetype at = unitOverflow(end); at >= 0) {
                return failLimit(at);
            }
            m_unitStart = end;
        } else if (m_depth <= 0) {
            // The root's own unit (a self-closing root, or the header up to here) is bounded too.
            if (const qsizetype at = unitOverflow(m_base + i + 1); at >= 0) {
                return failLimit(at);
            }
            m_state = State::Done;
        }
        return -1;
    }

    // The index of the first byte in data[from, to) that is not XML whitespace, or -1. A UTF-8 byte order mark at
    // the very start of the stream counts as nothing.
    qsizetype firstNonWhitespace(const uchar *data, qsizetype from, qsizetype to) const
    {
        static constexpr uchar Bom[] = { 0xEF, 0xBB, 0xBF };
        for (qsizetype j = from; j < to; ++j) {
            const uchar c = data[j];
            const qint64 absolute = m_base + j;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (absolute < 3 && c == Bom[absolute])) {
                continue;
            }
            return j;
        }
        return -1;
    }

    // The index of a '>' that ends "]]>" in data[from, to), counting ']' carried over from the previous
    // chunk, or -1; remembers the ']' that end this run for the next chunk.
    qsizetype findCdataEnd(const uchar *data, qsizetype from, qsizetype to)
    {
        const auto bracketsBefore = [&](qsizetype end) {
            int brackets = 0;
            qsizetype k = end - 1;
            while (brackets < 2 && k >= from && data[k] == ']') {
                ++brackets;
                --k;
            }
            return k < from ? std::min(2, brackets + m_trailingBrackets) : brackets;
        };
        for (qsizetype j = from; j < to;) {
            const void *gt = std::memchr(data + j, '>', size_t(to - j));
            if (!gt) {
                break;
            }
            const qsizetype at = static_cast<const uchar *>(gt) - data;
            if (bracketsBefore(at) >= 2) {
                return at;
            }
            j = at + 1;
        }
        if (to > from) {
            m_trailingBrackets = bracketsBefore(to);
        }
        return -1;
    }

    static bool isPredefinedEntity(const char *name, int length)
    {
        // XML 1.0 §4.6; RFC 6120 §11.1 allows these and nothing else.
        const auto is = [&](const char *candidate) {
            return qsizetype(std::strlen(candidate)) == length && std::memcmp(name, candidate, length) == 0;
        };
        return is("amp") || is("lt") || is("gt") || is("quot") || is("apos");
    }

    // The lexical pass over bytes already known to be valid UTF-8. Returns how many are acceptable.
    qsizetype lex(const uchar *data, qsizetype size)
    {
        static constexpr char CdataKeyword[] = "[CDATA[";
        static constexpr char DeclKeyword[] = "xml";
        qsizetype i = 0;
        while (i < size) {
            switch (m_state) {
            case State::Content: {
                const qsizetype runStart = i;
                i = findAny(data, i, size, '<', '&');
                if (const qsizetype at = findCdataEnd(data, runStart, i); at >= 0) {
                    // XML 1.0 §2.4; QXmlStreamReader notices it only when all three bytes arrive together.
                    fail(XmlStreamParser::Error::NotWellFormed, u"']]>' in character data"_s);
                    return at;
                }
                if (m_depth <= 1) {
                    // RFC 6120 §11.7 / XML 1.0 §2.8: outside the stanzas (the prolog, between stanzas) only
                    // whitespace may stand. Judged here, byte by byte, so that the verdict (and whether the size
                    // limit came first) does not depend on where the network cut the bytes.
                    if (const qsizetype at = firstNonWhitespace(data, runStart, i < size && data[i] == '&' ? i + 1 : i);
                        at >= 0) {
                        if (const qsizetype over = unitOverflow(m_base + at); over >= 0) {
                            return failLimit(over);
                        }
                        fail(XmlStreamParser::Error::NotWellFormed, u"text outside the stanzas"_s);
                        return at;
                    }
                }
                if (i == size) {
                    break;
                }
                m_trailingBrackets = 0;
                if (data[i] == '<') {
                    m_ltAbsolute = m_base + i;
                    m_state = State::TagOpen;
                } else {
                    m_entityReturn = State::Content;
                    m_state = State::EntityStart;
                }
                ++i;
                break;
            }
            case State::TagOpen: {
                const uchar b = data[i];
                if (b == '/') {
                    m_state = State::EndTag;
                } else if (b == '!') {
                    m_state = State::Bang;
                } else if (b == '?') {
                    if (m_ltAbsolute != 0) {
                        // RFC 6120 §11.1: processing instructions are forbidden; only the XML declaration,
                        // which can only be the first thing in the entity, is allowed.
                        fail(XmlStreamParser::Error::RestrictedXml, u"processing instruction"_s);
                        return i;
                    }
                    m_match = 0;
                    m_state = State::DeclOpen;
                } else {
                    // A start tag. A new depth-1 child starts a new unit, ending the character data
                    // before it (which must itself have kept within the limit).
                    if (m_depth == 1) {
                        if (const qsizetype at = unitOverflow(m_ltAbsolute); at >= 0) {
                            return failLimit(at);
                        }
                        m_unitStart = m_ltAbsolute;
                    }
                    ++m_depth;
                    // The root is depth 0 for the limit, a stanza 1 (XmlStreamParser::Limits::maxDepth).
                    if (m_depth - 1 > m_maxDepth) {
                        fail(XmlStreamParser::Error::PolicyViolation,
                            u"elements nested deeper than %1"_s.arg(m_maxDepth));
                        return i;
                    }
                    m_slash = false;
                    m_state = State::StartTag;
                }
                ++i;
                break;
            }
            case State::StartTag: {
                const qsizetype runStart = i;
                i = findAny(data, i, size, '>', '/', '"', '\'');
                if (i != runStart) {
                    m_slash = false;
                }
                if (i == size) {
                    break;
                }
                const uchar b = data[i];
                if (b == '>') {
                    m_state = State::Content;
                    if (m_slash) {
                        if (const qsizetype at = closeElement(i); at >= 0) {
                            return at;
                        }
                    } else if (m_depth == 1) {
                        // The stream header is complete; what follows is a new unit.
                        if (const qsizetype at = unitOverflow(m_base + i + 1); at >= 0) {
                            return failLimit(at);
                        }
                        m_unitStart = m_base + i + 1;
                    }
                } else if (b == '/') {
                    m_slash = true;
                } else {
                    m_slash = false;
                    m_quote = b;
                    m_state = State::AttrValue;
                }
                ++i;
                break;
            }
            case State::AttrValue: {
                i = findAny(data, i, size, m_quote, '&');
                if (i == size) {
                    break;
                }
                if (data[i] == '&') {
                    m_entityReturn = State::AttrValue;
                    m_state = State::EntityStart;
                } else {
                    m_state = State::StartTag;
                }
                ++i;
                break;
            }
            case State::EndTag: {
                const void *gt = std::memchr(data + i, '>', size_t(size - i));
                if (!gt) {
                    i = size;
                    break;
                }
                i = static_cast<const uchar *>(gt) - data;
                m_state = State::Content;
                if (const qsizetype at = closeElement(i); at >= 0) {
                    return at;
                }
                ++i;
                break;
            }
            case State::EntityStart: {
                const uchar b = data[i];
                if (b == '#') {
                    m_entityLength = 0;
                    m_state = State::CharRef;
                } else if (byteClasses[b] & NameStart) {
                    m_entity[0] = char(b);
                    m_entityLength = 1;
                    m_state = State::EntityName;
                } else {
                    fail(XmlStreamParser::Error::NotWellFormed, u"'&' that starts no reference"_s);
                    return i;
                }
                ++i;
                break;
            }
            case State::EntityName: {
                const uchar b = data[i];
                if (b == ';') {
                    if (!isPredefinedEntity(m_entity.data(), m_entityLength)) {
                        // RFC 6120 §11.1: no entity references but the five predefined ones.
                        fail(XmlStreamParser::Error::RestrictedXml, u"reference to an undeclared entity"_s);
                        return i;
                    }
                    m_state = m_entityReturn;
                } else if (byteClasses[b] & NameChar) {
                    if (m_entityLength < int(m_entity.size())) {
                        m_entity[m_entityLength] = char(b);
                    }
                    // Past the buffer the name is surely not a predefined one; stop counting there.
                    m_entityLength = std::min(m_entityLength + 1, int(m_entity.size()) + 1);
                } else {
                    fail(XmlStreamParser::Error::NotWellFormed, u"entity reference without ';'"_s);
                    return i;
                }
                ++i;
                break;
            }
            case State::CharRef: {
                // Character references are allowed (they are not entities); QXmlStreamReader checks the
                // value. This only bounds them so the reader never buffers an endless one.
                const uchar b = data[i];
                if (b == ';') {
                    m_state = m_entityReturn;
                } else if ((byteClasses[b] & CharRefChar) && ++m_entityLength <= 16) {
                } else {
                    fail(XmlStreamParser::Error::NotWellFormed, u"malformed character reference"_s);
                    return i;
                }
                ++i;
                break;
            }
            case State::Bang: {
                const uchar b = data[i];
                if (b == '[') {
                    m_match = 1;
                    m_state = State::CdataOpen;
                } else {
                    // "<!--" is a comment, "<!DOCTYPE" a DTD, "<!ENTITY" an entity declaration: all
                    // forbidden by RFC 6120 §11.1.
                    fail(XmlStreamParser::Error::RestrictedXml,
                        b == '-' ? u"comment"_s : u"document type or markup declaration"_s);
                    return i;
                }
                ++i;
                break;
            }
            case State::CdataOpen: {
                if (data[i] != uchar(CdataKeyword[m_match])) {
                    fail(XmlStreamParser::Error::NotWellFormed, u"malformed CDATA section"_s);
                    return i;
                }
                if (++m_match == int(sizeof(CdataKeyword) - 1)) {
                    m_match = 0;
                    m_state = State::Cdata;
                }
                ++i;
                break;
            }
            case State::Cdata: {
                // CDATA sections are plain character data, which RFC 6120 §11.1 does not restrict.
                const uchar b = data[i];
                if (b == '>' && m_match >= 2) {
                    m_state = State::Content;
                    m_match = 0;
                } else if (b == ']') {
                    m_match = std::min(m_match + 1, 2);
                } else {
                    m_match = 0;
                }
                ++i;
                break;
            }
            case State::DeclOpen: {
                const uchar b = data[i];
                const bool matches = m_match < 3 ? b == uchar(DeclKeyword[m_match])
                                                 : (b == ' ' || b == '\t' || b == '\r' || b == '\n');
                if (!matches) {
                    fail(XmlStreamParser::Error::RestrictedXml, u"processing instruction"_s);
                    return i;
                }
                if (++m_match == 4) {
                    m_declaration.clear();
                    m_state = State::Decl;
                }
                ++i;
                break;
            }
            case State::Decl: {
                const uchar b = data[i];
                if (b == '>' && m_declaration.endsWith('?')) {
                    if (!declarationIsUtf8()) {
                        // RFC 6120 §11.6: XMPP streams are UTF-8, whatever a declaration claims.
                        fail(XmlStreamParser::Error::NotWellFormed, u"encoding other than UTF-8 declared"_s);
                        return i;
                    }
                    m_declaration.clear();
                    m_state = State::Content;
                } else if (m_declaration.size() >= 256) {
                    fail(XmlStreamParser::Error::NotWellFormed, u"XML declaration too long"_s);
                    return i;
                } else {
                    m_declaration.append(char(b));
                }
                ++i;
                break;
            }
            case State::Done:
                return size;
            }
        }
        if (m_state != State::Done) {
            if (const qsizetype at = unitOverflow(m_base + size); at >= 0) {
                return failLimit(at);
            }
        }
        return size;
    }

    bool declarationIsUtf8() const
    {
        const qsizetype key = m_declaration.indexOf("encoding");
        if (key < 0) {
            return true; // XML 1.0 §4.3.3: no declaration means UTF-8 (or UTF-16, which the BOM would say)
        }
        qsizetype i = key + 8;
        while (i < m_declaration.size() && m_declaration.at(i) != '"' && m_declaration.at(i) != '\'') {
            ++i;
        }
        if (i >= m_declaration.size()) {
            return false;
        }
        const char quote = m_declaration.at(i);
        const qsizetype end = m_declaration.indexOf(quote, i + 1);
        if (end < 0) {
            return false;
        }
        const QByteArrayView value = QByteArrayView(m_declaration).sliced(i + 1, end - i - 1);
        return value.compare("UTF-8", Qt::CaseInsensitive) == 0;
    }

    qint64 m_maxUnitBytes;
    int m_maxDepth;
    Failure m_failure;

    qint64 m_base = 0; // stream offset of the chunk being scanned
    quint8 m_need = 0;
    bool m_controlCharacter = false;
    int m_trailingBrackets = 0; // ']' ending the character data scanned so far (at most 2)
    uchar m_lo = 0x80;
    uchar m_hi = 0xBF;

    State m_state = State::Content;
    State m_entityReturn = State::Content;
    uchar m_quote = 0;
    bool m_slash = false;
    int m_depth = 0;
    int m_match = 0;
    qint64 m_ltAbsolute = -1;
    qint64 m_unitStart = 0;
    std::array<char, 8> m_entity {};
    int m_entityLength = 0;
    QByteArray m_declaration;
};

// Element and attribute names and namespaces repeat endlessly in a stream; handing out shared copies of
// one QString each saves two allocations per element. The table is bounded, so a peer sending endless
// distinct names only costs ordinary allocations.
class NameTable
{
public:
    NameTable()
    {
        // What a client stream is made of (RFC 6120, RFC 6121, the common XEPs), so the first stanzas
        // already share.
        static constexpr QStringView common[] = {
            ns::Client,
            ns::Stream,
            ns::Tls,
            ns::Sasl,
            ns::Bind,
            ns::StreamManagement,
            ns::Delay,
            ns::Caps,
            ns::DiscoInfo,
            ns::DiscoItems,
            ns::Ping,
            ns::Stanzas,
            XmlElement::XmlNamespace,
            u"urn:xmpp:receipts",
            u"urn:xmpp:chat-markers:0",
            u"http://jabber.org/protocol/chatstates",
            u"urn:xmpp:sid:0",
            u"urn:xmpp:carbons:2",
            u"urn:xmpp:forward:0",
            u"urn:xmpp:mam:2",
            u"jabber:iq:roster",
            u"vcard-temp:x:update",
            u"message",
            u"presence",
            u"iq",
            u"body",
            u"subject",
            u"thread",
            u"show",
            u"status",
            u"priority",
            u"delay",
            u"request",
            u"received",
            u"active",
            u"composing",
            u"paused",
            u"c",
            u"x",
            u"error",
            u"query",
            u"item",
            u"to",
            u"from",
            u"id",
            u"type",
            u"lang",
            u"stamp",
            u"hash",
            u"node",
            u"ver",
            u"stanza-id",
            u"origin-id",
            u"by",
            u"jid",
            u"name",
            u"subscription",
            u"features",
            u"chat",
            u"normal",
            u"groupchat",
            u"headline",
            u"available",
            u"unavailable",
            u"subscribe",
            u"subscribed",
            u"get",
            u"set",
            u"result",
            u"away",
            u"dnd",
            u"xa",
            u"en",
            u"sha-1",
            u"",
        };
        for (QStringView s : common) {
            intern(s);
        }
    }

    QString intern(QStringView s)
    {
        if (s.size() > MaxLength) {
            return s.toString();
        }
        const quint32 h = hash(s);
        size_t slot = h & (Slots - 1);
        // A short probe limit keeps names crafted to collide from costing more than an allocation.
        for (int probe = 0; probe < MaxProbes; ++probe) {
            Slot &entry = m_slots[slot];
            if (entry.string.isNull()) {
                if (m_count >= MaxEntries) {
                    return s.toString();
                }
                ++m_count;
                entry.hash = h;
                entry.string = s.isEmpty() ? u""_s : s.toString();
                return entry.string;
            }
            if (entry.hash == h && entry.string == s) {
                return entry.string;
            }
            slot = (slot + 1) & (Slots - 1);
        }
        return s.toString();
    }

private:
    // qHash() is built to resist collision attacks on big tables; this table is small and bounded, and
    // a handful of code units at fixed places tell XMPP's names and namespaces apart well enough.
    static quint32 hash(QStringView s)
    {
        const char16_t *u = s.utf16();
        const qsizetype n = s.size();
        if (n == 0) {
            return 0;
        }
        quint64 h = quint64(n) * 0x9E3779B97F4A7C15ULL;
        h ^= (quint64(u[0]) << 48) | (quint64(u[n / 2]) << 32) | (quint64(u[n - 1]) << 16) | u[(n * 3) / 4];
        h *= 0xFF51AFD7ED558CCDULL;
        return quint32(h >> 32);
    }

    struct Slot
    {
        quint32 hash = 0;
        QString string;
    };

    static constexpr qsizetype MaxLength = 80;
    static constexpr size_t Slots = 512; // 16 KiB: stays in the L1 cache
    static constexpr int MaxEntries = 384;
    static constexpr int MaxProbes = 8;
    std::array<Slot, Slots> m_slots;
    int m_count = 0;
};

// Attribute values worth sharing: short, from a small vocabulary, and on nearly every stanza.
bool isEnumeratedAttribute(QStringView name, QStringView namespaceUri)
{
    if (namespaceUri.isEmpty()) {
        return name == u"type" || name == u"hash" || name == u"node";
    }
    return name == u"lang" && namespaceUri == XmlElement::XmlNamespace;
}

} // namespace

struct XmlStreamParser::Private
{
    Private(Callbacks cb, Limits lim)
        : callbacks(std::move(cb))
        , limits(lim)
        , scanner(limits)
    {
        reader.setNamespaceProcessing(true);
    }

    void restart()
    {
        // A new generation tells a feed() that is still on the stack that its chunk is stale.
        ++generation;
        failed = false;
        opened = false;
        closed = false;
        stack.clear();
        scanner = ByteScanner(limits);
        reader.clear();
        reader.setNamespaceProcessing(true);
    }

    void fail(Error error, const QString &detail)
    {
        failed = true;
        stack.clear();
        if (callbacks.errorOccurred) {
            callbacks.errorOccurred(error, detail);
        }
    }

    // True while the chunk being fed is still current: no error, no reset() from a callback.
    bool current(quint64 gen) const { return !failed && !closed && generation == gen; }

    void drain(quint64 gen);
    XmlElement makeElement();

    Callbacks callbacks;
    const Limits limits;
    ByteScanner scanner;
    QXmlStreamReader reader;
    NameTable names;
    std::vector<XmlElement> stack; // the open elements of the current depth-1 child, outermost first
    quint64 generation = 0;
    bool failed = false;
    bool opened = false;
    bool closed = false;
};

XmlElement XmlStreamParser::Private::makeElement()
{
    XmlElement element(names.intern(reader.name()), names.intern(reader.namespaceUri()));
    // With namespace processing on, namespace declarations are not among the attributes.
    const QXmlStreamAttributes attributes = reader.attributes();
    for (const QXmlStreamAttribute &a : attributes) {
        const QStringView name = a.name();
        const QStringView namespaceUri = a.namespaceUri();
        QString value = isEnumeratedAttribute(name, namespaceUri) ? names.intern(a.value()) : a.value().toString();
        element.setAttribute(
            names.intern(name), namespaceUri.isEmpty() ? QString() : names.intern(namespaceUri), value);
    }
    return element;
}

void XmlStreamParser::Private::drain(quint64 gen)
{
    for (;;) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (!opened) {
                // RFC 6120 §4.9.3.10: the root must be <stream/> qualified by the streams namespace.
                if (reader.name() != u"stream" || reader.namespaceUri() != ns::Stream) {
                    fail(Error::InvalidNamespace, u"root element is not {%1}stream"_s.arg(ns::Stream));
                    return;
                }
                opened = true;
                const XmlElement header = makeElement();
                if (callbacks.streamOpened) {
                    callbacks.streamOpened(header);
                    if (!current(gen)) {
                        return;
                    }
                }
            } else {
                stack.push_back(makeElement());
            }
            break;
        case QXmlStreamReader::EndElement:
            if (stack.empty()) {
                // RFC 6120 §4.4: the peer closed the stream; nothing after </stream:stream> is read.
                closed = true;
                if (callbacks.streamClosed) {
                    callbacks.streamClosed();
                }
                return;
            } else {
                XmlElement element = std::move(stack.back());
                stack.pop_back();
                if (!stack.empty()) {
                    stack.back().appendChild(std::move(element));
                } else if (callbacks.elementReceived) {
                    callbacks.elementReceived(std::move(element));
                    if (!current(gen)) {
                        return;
                    }
                }
            }
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty()) {
                stack.back().appendText(reader.text());
            } else if (!reader.isWhitespace()) {
                // Between stanzas only whitespace (keepalives, RFC 6120 §4.6.1) may appear.
                fail(Error::NotWellFormed, u"character data outside any stanza"_s);
                return;
            }
            break;
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
        case QXmlStreamReader::ProcessingInstruction:
            // ByteScanner stops these first; this is the second line of defence (RFC 6120 §11.1).
            fail(Error::RestrictedXml, u"restricted XML"_s);
            return;
        case QXmlStreamReader::Invalid:
            if (reader.error() != QXmlStreamReader::PrematureEndOfDocumentError) {
                fail(Error::NotWellFormed, reader.errorString());
            }
            return;
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::StartDocument:
        case QXmlStreamReader::EndDocument:
            break;
        }
    }
}

XmlStreamParser::XmlStreamParser(Callbacks callbacks)
    : XmlStreamParser(std::move(callbacks), Limits())
{ }

XmlStreamParser::XmlStreamParser(Callbacks callbacks, Limits limits)
    : d(std::make_unique<Private>(std::move(callbacks), limits))
{ }

XmlStreamParser::~XmlStreamParser() = default;

void XmlStreamParser::feed(QByteArrayView bytes)
{
    if (d->failed || d->closed || bytes.isEmpty()) {
        return;
    }
    const quint64 gen = d->generation;
    const qsizetype accepted = d->scanner.scan(reinterpret_cast<const uchar *>(bytes.data()), bytes.size());
    if (accepted > 0) {
        // QXmlStreamReader only takes a QByteArray; it keeps what it cannot parse yet, so it gets a copy.
        d->reader.addData(QByteArray(bytes.data(), accepted));
        d->drain(gen);
    }
    if (accepted < bytes.size() && d->current(gen)) {
        const ByteScanner::Failure failure = d->scanner.failure();
        d->fail(failure.error, failure.detail);
    }
}

void XmlStreamParser::reset()
{
    d->restart();
}

bool XmlStreamParser::hasError() const
{
    return d->failed;
}

const XmlStreamParser::Limits &XmlStreamParser::limits() const
{
    return d->limits;
}

QString XmlStreamParser::conditionName(Error error)
{
    // RFC 6120 §4.9.3
    switch (error) {
    case Error::NotWellFormed:
        return u"not-well-formed"_s;
    case Error::RestrictedXml:
        return u"restricted-xml"_s;
    case Error::PolicyViolation:
        return u"policy-violation"_s;
    case Error::InvalidNamespace:
        return u"invalid-namespace"_s;
    }
    return u"undefined-condition"_s;
}

} // namespace confab
