// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for XmlStreamParser (RFC 6120 §4, §11): hostile bytes in hostile chunks.
//
// Input layout:
//   byte 0      flags: bit 0 small limits, bit 1 prepend a stream header (so mutations reach stanza content
//               without having to rebuild the header), bits 2-7 pick the small limits
//   byte 1      n, the number of chunk sizes (0..15)
//   bytes 2..   n chunk sizes (a size of 0 means 1); the rest of the input is fed in chunks of those
//               sizes, repeated until it is used up
//
// Oracles (each failure is an abort(), which libFuzzer reports as a crash):
//   - no ASan/UBSan report;
//   - every error is one of the defined Error values, and nothing is reported after an error or the close;
//   - the same bytes fed whole, in the chosen chunks, and byte by byte give the same sequence of events
//     (header, elements, close, error condition);
//   - every element received reads back equal after XmlWriter::serialize (the round trip).
#include "xml/XmlElement.h"
#include "xml/XmlStreamParser.h"
#include "xml/XmlWriter.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using confab::XmlElement;
using confab::XmlStreamParser;
using confab::XmlWriter;

namespace {

constexpr QStringView StreamNamespace = u"http://etherx.jabber.org/streams";

struct Event
{
    enum class Kind { Opened, Element, Closed, Error };
    Kind kind;
    XmlElement element; // Opened, Element
    int error = -1; // Error
    bool operator==(const Event &) const = default;
};

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_xml_stream oracle failed: %s\n", what);
    std::abort();
}

bool isDefinedError(XmlStreamParser::Error error)
{
    switch (error) {
    case XmlStreamParser::Error::NotWellFormed:
    case XmlStreamParser::Error::RestrictedXml:
    case XmlStreamParser::Error::PolicyViolation:
    case XmlStreamParser::Error::InvalidNamespace:
        return true;
    }
    return false;
}

// Feeds the bytes in chunks of the given sizes (cyclically; empty: all at once) and records the events.
std::vector<Event> run(QByteArrayView bytes, const std::vector<qsizetype> &sizes, XmlStreamParser::Limits limits)
{
    std::vector<Event> events;
    bool finished = false;
    XmlStreamParser::Callbacks callbacks;
    callbacks.streamOpened = [&](const XmlElement &header) {
        if (finished) {
            fail("header after an error or the close");
        }
        events.push_back({ Event::Kind::Opened, header });
    };
    callbacks.elementReceived = [&](XmlElement &&element) {
        if (finished) {
            fail("element after an error or the close");
        }
        if (element.isNull()) {
            fail("null element");
        }
        events.push_back({ Event::Kind::Element, std::move(element) });
    };
    callbacks.streamClosed = [&] {
        if (finished) {
            fail("close after an error or the close");
        }
        finished = true;
        events.push_back({ Event::Kind::Closed, {} });
    };
    callbacks.errorOccurred = [&](XmlStreamParser::Error error, const QString &) {
        if (finished) {
            fail("error after an error or the close");
        }
        if (!isDefinedError(error) || XmlStreamParser::conditionName(error) == u"undefined-condition") {
            fail("error outside the defined Error values");
        }
        finished = true;
        // The detail text may name a position that depends on the chunking; the condition may not.
        events.push_back({ Event::Kind::Error, {}, int(error) });
    };
    XmlStreamParser parser(std::move(callbacks), limits);
    if (sizes.empty()) {
        parser.feed(bytes);
    } else {
        qsizetype offset = 0;
        for (std::size_t i = 0; offset < bytes.size(); ++i) {
            const qsizetype size = std::min(sizes[i % sizes.size()], bytes.size() - offset);
            parser.feed(bytes.sliced(offset, size));
            offset += size;
        }
    }
    if (parser.hasError() != (!events.empty() && events.back().kind == Event::Kind::Error)) {
        fail("hasError() disagrees with the error callback");
    }
    return events;
}

// What the writer is documented to produce: an element in no namespace is written in its parent's
// (XmlWriter.cpp, writeElement), so the tree read back has the parent's namespace there.
XmlElement expectedAfterRoundTrip(XmlElement element, const QString &inScope)
{
    if (element.namespaceUri().isEmpty()) {
        element.setNamespaceUri(inScope);
    }
    for (XmlElement &child : element.children()) {
        child = expectedAfterRoundTrip(child, element.namespaceUri());
    }
    return element;
}

void checkRoundTrip(const XmlElement &element)
{
    // The element's own namespace is the stream's default one, as it would be on the wire.
    const QString &ns = element.namespaceUri();
    QByteArray stream = "<stream:stream xmlns:stream='"_ba + StreamNamespace.toUtf8() + '\'';
    if (!ns.isEmpty()) {
        stream += " xmlns='"_ba;
        XmlWriter::appendEscapedAttribute(stream, ns);
        stream += '\'';
    }
    stream += '>';
    XmlWriter::serialize(stream, element, ns);

    std::optional<XmlElement> readBack;
    int count = 0;
    bool failed = false;
    XmlStreamParser::Callbacks callbacks;
    callbacks.elementReceived = [&](XmlElement &&e) {
        ++count;
        readBack = std::move(e);
    };
    callbacks.errorOccurred = [&](XmlStreamParser::Error, const QString &detail) {
        std::fprintf(stderr, "round trip error: %s\n", qPrintable(detail));
        failed = true;
    };
    // The written form can be larger than the input's (escapes), so no small limits here.
    XmlStreamParser parser(std::move(callbacks), XmlStreamParser::Limits { 64 * 1024 * 1024, 100000 });
    parser.feed(stream);
    if (failed || count != 1 || !readBack) {
        std::fprintf(stderr, "written: %s\n", stream.constData());
        fail("serialized element does not read back as one element");
    }
    if (*readBack != expectedAfterRoundTrip(element, ns)) {
        std::fprintf(stderr, "written: %s\nread back: %s\n", stream.constData(),
            XmlWriter::serialize(*readBack, ns).constData());
        fail("parse(serialize(e)) != e");
    }
}

void dump(const char *label, const std::vector<Event> &events)
{
    std::fprintf(stderr, "%s:\n", label);
    for (const Event &event : events) {
        switch (event.kind) {
        case Event::Kind::Opened:
            std::fprintf(stderr, "  opened %s\n", qPrintable(event.element.name()));
            break;
        case Event::Kind::Element:
            std::fprintf(stderr, "  element %s\n", XmlWriter::serialize(event.element).constData());
            break;
        case Event::Kind::Closed:
            std::fprintf(stderr, "  closed\n");
            break;
        case Event::Kind::Error:
            std::fprintf(stderr, "  error %s\n",
                qPrintable(XmlStreamParser::conditionName(XmlStreamParser::Error(event.error))));
            break;
        }
    }
}

void compare(const std::vector<Event> &whole, const std::vector<Event> &split, const char *what)
{
    if (split != whole) {
        dump("whole", whole);
        dump("split", split);
        fail(what);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) {
        return 0;
    }
    const uint8_t flags = data[0];
    const std::size_t count = data[1] % 16;
    if (size < 2 + count) {
        return 0;
    }
    std::vector<qsizetype> sizes;
    for (std::size_t i = 0; i < count; ++i) {
        sizes.push_back(std::max<qsizetype>(1, data[2 + i]));
    }
    QByteArray bytes;
    if (flags & 2) {
        bytes
            = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='a.example'>"_ba;
    }
    bytes.append(reinterpret_cast<const char *>(data + 2 + count), qsizetype(size - 2 - count));

    XmlStreamParser::Limits limits;
    if (flags & 1) {
        limits.maxStanzaBytes = 16 + 8 * (flags >> 2);
        limits.maxDepth = 1 + (flags >> 2) % 8;
    }

    const std::vector<Event> whole = run(bytes, {}, limits);
    if (!sizes.empty()) {
        compare(whole, run(bytes, sizes, limits), "chunked feeding differs from feeding the input whole");
    }
    if (bytes.size() <= 1024) {
        compare(whole, run(bytes, { 1 }, limits), "byte-by-byte feeding differs from feeding the input whole");
    }
    for (const Event &event : whole) {
        if (event.kind == Event::Kind::Element) {
            checkRoundTrip(event.element);
        }
    }
    return 0;
}
