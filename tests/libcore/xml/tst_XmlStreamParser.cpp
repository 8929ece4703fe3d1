// SPDX-License-Identifier: Apache-2.0
#include "xml/XmlStreamParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using confab::XmlElement;
using confab::XmlStreamParser;
using Error = XmlStreamParser::Error;

namespace {

constexpr QStringView StreamNs = u"http://etherx.jabber.org/streams";
constexpr QStringView ClientNs = u"jabber:client";

// A stream header as servers send it (RFC 6120 §4.7, example in §9.1.1), without an XML declaration.
const QByteArray Header = "<stream:stream from='im.example.org' id='s1' version='1.0' xml:lang='en' "
                          "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"_ba;

// XmlElement's defaulted operator== is deleted if QList<XmlElement>'s operator== is instantiated first (its
// recursive trait check is then answered "no"); using the element comparison first keeps both working.
[[maybe_unused]] bool sameTree(const XmlElement &a, const XmlElement &b)
{
    return a == b;
}

// A readable one-line form of a tree, for failure messages.
QString describe(const XmlElement &e)
{
    QString s = u'{' + e.namespaceUri() + u'}' + e.name();
    for (const XmlElement::Attribute &a : e.attributes()) {
        s += u' ' + (a.namespaceUri.isEmpty() ? QString() : u'{' + a.namespaceUri + u'}') + a.name + u"=\""_s + a.value
            + u'"';
    }
    s += u" [" + e.text() + u']';
    for (const XmlElement &c : e.children()) {
        s += u" (" + describe(c) + u')';
    }
    return s;
}

// Everything a parser reported, in order.
struct Outcome
{
    QList<XmlElement> headers;
    QList<XmlElement> elements;
    int closed = 0;
    QList<Error> errors;
    QStringList details;
};

// Owns a parser and records what it reports.
class Harness
{
public:
    explicit Harness(XmlStreamParser::Limits limits = XmlStreamParser::Limits())
        : parser(callbacks(), limits)
    { }

    XmlStreamParser::Callbacks callbacks()
    {
        return {
            [this](const XmlElement &header) { outcome.headers.append(header); },
            [this](XmlElement &&element) {
                outcome.elements.append(std::move(element));
                if (onElement) {
                    onElement(outcome.elements.last());
                }
            },
            [this] { ++outcome.closed; },
            [this](Error error, const QString &detail) {
                outcome.errors.append(error);
                outcome.details.append(detail);
            },
        };
    }

    void feedInChunks(const QByteArray &bytes, const QList<qsizetype> &cuts)
    {
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            Q_ASSERT(cut >= from && cut <= bytes.size());
            parser.feed(QByteArrayView(bytes).sliced(from, cut - from));
            from = cut;
        }
        parser.feed(QByteArrayView(bytes).sliced(from));
    }

    void feedBytewise(const QByteArray &bytes)
    {
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            parser.feed(QByteArrayView(bytes).sliced(i, 1));
        }
    }

    Outcome outcome;
    std::function<void(const XmlElement &)> onElement;
    XmlStreamParser parser;
};

QByteArray readFixture(const QString &name)
{
    QFile file(QFINDTESTDATA(u"../../fixtures/xml/"_s + name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return file.readAll();
}

Outcome parseWhole(const QByteArray &bytes, XmlStreamParser::Limits limits = XmlStreamParser::Limits())
{
    Harness h(limits);
    h.parser.feed(bytes);
    return h.outcome;
}

Outcome parseBytewise(const QByteArray &bytes, XmlStreamParser::Limits limits = XmlStreamParser::Limits())
{
    Harness h(limits);
    h.feedBytewise(bytes);
    return h.outcome;
}

QList<qsizetype> randomCuts(QRandomGenerator &random, qsizetype size)
{
    QList<qsizetype> cuts;
    qsizetype at = 0;
    for (;;) {
        // Mostly short chunks, sometimes long ones, so both mid-token and multi-stanza chunks occur.
        const qsizetype step = random.bounded(8) == 0 ? 1 + random.bounded(600) : 1 + random.bounded(12);
        at += step;
        if (at >= size) {
            return cuts;
        }
        cuts.append(at);
    }
}

} // namespace

Q_DECLARE_METATYPE(XmlStreamParser::Error)

namespace QTest {
template <> char *toString(const XmlElement &e)
{
    return qstrdup(describe(e).toUtf8().constData());
}
template <> char *toString(const Error &e)
{
    return qstrdup(XmlStreamParser::conditionName(e).toUtf8().constData());
}
} // namespace QTest

class tst_XmlStreamParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsHeaderStanzasAndClose();
    void givesIdenticalTreesForAnySplit_data();
    void givesIdenticalTreesForAnySplit();
    void givesIdenticalTreesForEveryTwoWaySplit();
    void givesSameOutcomeForAnySplitOfDamagedInput_data();
    void givesSameOutcomeForAnySplitOfDamagedInput();
    void ignoresWhitespaceKeepalives();
    void acceptsCdataSections();
    void rejectsRestrictedXml_data();
    void rejectsRestrictedXml();
    void acceptsPredefinedEntitiesAndCharacterReferences_data();
    void acceptsPredefinedEntitiesAndCharacterReferences();
    void rejectsInvalidUtf8_data();
    void rejectsInvalidUtf8();
    void rejectsMalformedXml_data();
    void rejectsMalformedXml();
    void rejectsDeclaredNonUtf8Encoding();
    void enforcesStanzaSizeLimit_data();
    void enforcesStanzaSizeLimit();
    void stopsOversizedStanzaBeforeItEnds();
    void enforcesSizeLimitOnWhitespaceBetweenStanzas();
    void hasDefaultLimitsOfOneMebibyteAndDepth64();
    void enforcesDefaultLimits_data();
    void enforcesDefaultLimits();
    void enforcesDepthLimit_data();
    void enforcesDepthLimit();
    void rejectsWrongRoot_data();
    void rejectsWrongRoot();
    void ignoresInputAfterError();
    void ignoresInputAfterStreamClose();
    void resetFromElementCallbackDiscardsRestOfChunk();
    void resetFromHeaderCallbackDiscardsRestOfChunk();
    void resetFromErrorCallbackStartsCleanStream();
    void staysLinearOnLongStreamInSmallChunks();
    void namesStreamErrorConditions_data();
    void namesStreamErrorConditions();
};

void tst_XmlStreamParser::reportsHeaderStanzasAndClose()
{
    const Outcome o = parseWhole(readFixture(u"client-stream.xml"_s));
    QVERIFY2(o.errors.isEmpty(), qPrintable(o.details.join(u'|')));
    QCOMPARE(o.headers.size(), 1);
    QCOMPARE(o.closed, 1);

    const XmlElement &header = o.headers.first();
    QCOMPARE(header.name(), u"stream"_s);
    QCOMPARE(header.namespaceUri(), StreamNs);
    QCOMPARE(header.attribute(u"from"), u"im.example.org"_s);
    QCOMPARE(header.attribute(u"id"), u"vX3m1cQp9T0z"_s);
    QCOMPARE(header.attribute(u"version"), u"1.0"_s);
    QCOMPARE(header.lang(), u"en"_s); // xml:lang as {http://www.w3.org/XML/1998/namespace}lang
    QVERIFY(header.children().isEmpty());

    QCOMPARE(o.elements.size(), 7);
    const XmlElement &features = o.elements.at(0);
    QVERIFY(features.is(u"features", StreamNs));
    QVERIFY(features.firstChild(u"bind", u"urn:ietf:params:xml:ns:xmpp-bind"));
    QVERIFY(features.firstChild(u"sm", u"urn:xmpp:sm:3"));

    const XmlElement &bound = o.elements.at(1);
    QVERIFY(bound.is(u"iq", ClientNs));
    QCOMPARE(bound.firstChild(u"bind")->childText(u"jid"), u"juliet@im.example.org/balcony"_s);

    const XmlElement &chinese = o.elements.at(3);
    QVERIFY(chinese.is(u"message", ClientNs));
    QCOMPARE(chinese.lang(), u"zh-Hans"_s);
    QCOMPARE(chinese.childText(u"body", ClientNs), u"你好，朱丽叶！今晚的月色真美 🌙😀"_s);
    QVERIFY(chinese.firstChild(u"request", u"urn:xmpp:receipts"));

    const XmlElement &escaped = o.elements.at(4);
    QCOMPARE(escaped.attribute(u"id"), u"m&3\"'"_s);
    QCOMPARE(escaped.childText(u"body"), u"if (a < b && c > d) say \"hi\" 'there' \"you\" AB😀"_s);
    QCOMPARE(escaped.firstChild(u"note", u"urn:example:confab:test")->attribute(u"text"), u"<tag attr=\"v\"> & 'q'"_s);
    // '>', "/>" and the other quote inside a value end nothing.
    QCOMPARE(escaped.firstChild(u"note", u"urn:example:confab:test")->attribute(u"raw"), u"a/>b \"c\" >"_s);

    const XmlElement &presence = o.elements.at(5);
    QVERIFY(presence.is(u"presence", ClientNs));
    QCOMPARE(presence.childText(u"status"), u"En réunion — 会议中"_s);
    QCOMPARE(presence.firstChild(u"c", u"http://jabber.org/protocol/caps")->attribute(u"hash"), u"sha-1"_s);
    QCOMPARE(presence.firstChild(u"delay", u"urn:xmpp:delay")->attribute(u"stamp"), u"2024-03-01T10:15:00Z"_s);

    QVERIFY(o.elements.at(6).is(u"iq", ClientNs));
    QCOMPARE(o.elements.at(6).attribute(u"type"), u"get"_s);
}

void tst_XmlStreamParser::givesIdenticalTreesForAnySplit_data()
{
    QTest::addColumn<int>("mode"); // 0 whole, 1 byte by byte, 2 random
    QTest::addColumn<quint32>("seed");
    QTest::newRow("whole") << 0 << 0u;
    QTest::newRow("byte by byte") << 1 << 0u;
    for (quint32 seed : { 1u, 2u, 3u, 42u, 1234u, 99991u }) {
        QTest::addRow("random splits, seed %u", seed) << 2 << seed;
    }
    // A fresh seed each run widens the net; the row name carries it so a failure can be replayed.
    for (int i = 0; i < 20; ++i) {
        const quint32 seed = QRandomGenerator::global()->generate();
        QTest::addRow("random splits, fresh seed %u", seed) << 2 << seed;
    }
}

void tst_XmlStreamParser::givesIdenticalTreesForAnySplit()
{
    QFETCH(int, mode);
    QFETCH(quint32, seed);
    const QByteArray stream = readFixture(u"client-stream.xml"_s);
    const Outcome expected = parseWhole(stream);

    Harness h;
    if (mode == 0) {
        h.parser.feed(stream);
    } else if (mode == 1) {
        h.feedBytewise(stream);
    } else {
        QRandomGenerator random(seed);
        h.feedInChunks(stream, randomCuts(random, stream.size()));
    }
    const QByteArray where = "seed " + QByteArray::number(seed);
    QVERIFY2(h.outcome.errors.isEmpty(), where.constData());
    QCOMPARE(h.outcome.headers, expected.headers);
    QCOMPARE(h.outcome.elements, expected.elements);
    QVERIFY2(h.outcome.closed == 1, where.constData());
}

void tst_XmlStreamParser::givesIdenticalTreesForEveryTwoWaySplit()
{
    // Every cut position: inside each UTF-8 sequence, tag, attribute value, entity and the declaration.
    const QByteArray stream = readFixture(u"client-stream.xml"_s);
    const Outcome expected = parseWhole(stream);
    for (qsizetype cut = 1; cut < stream.size(); ++cut) {
        Harness h;
        h.feedInChunks(stream, { cut });
        const QByteArray where = "cut at " + QByteArray::number(cut);
        QVERIFY2(h.outcome.errors.isEmpty(), where.constData());
        QVERIFY2(h.outcome.headers == expected.headers, where.constData());
        QVERIFY2(h.outcome.elements == expected.elements, where.constData());
        QVERIFY2(h.outcome.closed == 1, where.constData());
    }
}

void tst_XmlStreamParser::givesSameOutcomeForAnySplitOfDamagedInput_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 300; ++seed) {
        QTest::addRow("seed %u", seed) << seed;
    }
}

void tst_XmlStreamParser::givesSameOutcomeForAnySplitOfDamagedInput()
{
    // The fixture with a few bytes changed into markup, entity and UTF-8 troublemakers: whatever the verdict,
    // it must not depend on where the network cut the bytes.
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    QByteArray stream = readFixture(u"client-stream.xml"_s);
    static constexpr char troublemakers[] = "<>&;#'\"/!?-[]x \x80\xBF\xC3\xE4\xED\xF0\xF4\xFF";
    const int damage = 1 + random.bounded(3);
    for (int i = 0; i < damage; ++i) {
        const qsizetype at = random.bounded(int(stream.size()));
        const char byte = troublemakers[random.bounded(int(sizeof(troublemakers) - 1))];
        if (random.bounded(2) == 0) {
            stream[at] = byte;
        } else {
            stream.insert(at, byte);
        }
    }

    const Outcome whole = parseWhole(stream);
    const Outcome bytewise = parseBytewise(stream);
    Harness split;
    split.feedInChunks(stream, randomCuts(random, stream.size()));
    for (const Outcome *o : { &bytewise, static_cast<const Outcome *>(&split.outcome) }) {
        QCOMPARE(o->errors, whole.errors);
        QCOMPARE(o->headers, whole.headers);
        QCOMPARE(o->elements, whole.elements);
        QCOMPARE(o->closed, whole.closed);
    }
    QVERIFY(whole.errors.size() <= 1);
}

void tst_XmlStreamParser::ignoresWhitespaceKeepalives()
{
    // RFC 6120 §4.6.1: whitespace between stanzas keeps the connection alive and means nothing.
    Harness h;
    h.parser.feed(Header);
    h.parser.feed(" ");
    h.parser.feed("\n\t \r\n");
    h.parser.feed("<presence/>");
    h.parser.feed("  ");
    QVERIFY(h.outcome.errors.isEmpty());
    QCOMPARE(h.outcome.elements.size(), 1);
    QVERIFY(h.outcome.elements.first().is(u"presence", ClientNs));
}

void tst_XmlStreamParser::acceptsCdataSections()
{
    // CDATA is character data; RFC 6120 §11.1 does not restrict it.
    const Outcome o = parseBytewise(Header + "<message><body><![CDATA[a <b> & ]] c]]></body></message>");
    QVERIFY(o.errors.isEmpty());
    QCOMPARE(o.elements.size(), 1);
    QCOMPARE(o.elements.first().childText(u"body"), u"a <b> & ]] c"_s);
}

void tst_XmlStreamParser::rejectsRestrictedXml_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("stanzasBefore");
    // RFC 6120 §11.1: comments, processing instructions, internal or external DTD subsets, internal or
    // external entity references (other than the predefined ones).
    QTest::newRow("comment between stanzas") << Header + "<presence/><!-- hello -->" << 1;
    QTest::newRow("comment inside stanza") << Header + "<message><!--x--><body/></message>" << 0;
    QTest::newRow("comment before root") << "<!-- hi --><stream:stream/>"_ba << 0;
    QTest::newRow("processing instruction") << Header + "<message><?confab do-it?></message>" << 0;
    QTest::newRow("PI named like the declaration") << Header + "<?xml-stylesheet href='a.css'?><presence/>" << 0;
    QTest::newRow("second XML declaration") << Header + "<presence/><?xml version='1.0'?>" << 1;
    QTest::newRow("DOCTYPE before root") << "<?xml version='1.0'?><!DOCTYPE stream:stream><stream:stream/>"_ba << 0;
    QTest::newRow("DOCTYPE with internal subset")
        << "<!DOCTYPE s [<!ENTITY boom 'x'>]><stream:stream xmlns:stream='http://etherx.jabber.org/streams'/>"_ba << 0;
    QTest::newRow("entity declaration inside stream") << Header + "<!ENTITY lol 'lol'><presence/>" << 0;
    QTest::newRow("undeclared entity in text") << Header + "<message><body>&lol;</body></message>" << 0;
    QTest::newRow("undeclared entity in attribute") << Header + "<message id='&lol;'/>" << 0;
    QTest::newRow("external-looking entity") << Header + "<presence/><message><body>&xxe;</body></message>" << 1;
    QTest::newRow("long entity name") << Header + "<message><body>&ampersandish;</body></message>" << 0;
    QTest::newRow("predefined name with suffix") << Header + "<message><body>&amp2;</body></message>" << 0;
    QTest::newRow("predefined name in capitals") << Header + "<message><body>&AMP;</body></message>" << 0;
}

void tst_XmlStreamParser::rejectsRestrictedXml()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, stanzasBefore);
    for (const Outcome &o : { parseWhole(stream), parseBytewise(stream) }) {
        QCOMPARE(o.errors, QList<Error> { Error::RestrictedXml });
        QCOMPARE(o.elements.size(), stanzasBefore);
        QCOMPARE(o.closed, 0);
    }
}

void tst_XmlStreamParser::acceptsPredefinedEntitiesAndCharacterReferences_data()
{
    QTest::addColumn<QByteArray>("escaped");
    QTest::addColumn<QString>("text");
    QTest::newRow("amp") << "&amp;"_ba << u"&"_s;
    QTest::newRow("lt gt") << "&lt;x&gt;"_ba << u"<x>"_s;
    QTest::newRow("quot apos") << "&quot;&apos;"_ba << u"\"'"_s;
    QTest::newRow("decimal reference") << "&#65;&#8364;"_ba << u"A€"_s;
    QTest::newRow("hex reference") << "&#x41;&#x4e2d;"_ba << u"A中"_s;
    QTest::newRow("astral reference") << "&#x1F600;"_ba << u"😀"_s;
    QTest::newRow("all together") << "a&amp;b&#x3C;c&lt;&gt;&quot;&apos;"_ba << u"a&b<c<>\"'"_s;
}

void tst_XmlStreamParser::acceptsPredefinedEntitiesAndCharacterReferences()
{
    QFETCH(QByteArray, escaped);
    QFETCH(QString, text);
    const QByteArray stream = Header + "<message id='" + escaped + "'><body>" + escaped + "</body></message>";
    for (const Outcome &o : { parseWhole(stream), parseBytewise(stream) }) {
        QVERIFY2(o.errors.isEmpty(), qPrintable(o.details.join(u'|')));
        QCOMPARE(o.elements.size(), 1);
        QCOMPARE(o.elements.first().attribute(u"id"), text);
        QCOMPARE(o.elements.first().childText(u"body"), text);
    }
}

void tst_XmlStreamParser::rejectsInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bad");
    // RFC 3629 §3 and §10: these are not UTF-8, whatever a lenient decoder would make of them.
    QTest::newRow("overlong 2-byte slash") << "\xC0\xAF"_ba;
    QTest::newRow("overlong C1 lead") << "\xC1\xBF"_ba;
    QTest::newRow("overlong 3-byte") << "\xE0\x80\xAF"_ba;
    QTest::newRow("overlong 4-byte") << "\xF0\x80\x80\xAF"_ba;
    QTest::newRow("surrogate D800") << "\xED\xA0\x80"_ba;
    QTest::newRow("surrogate DFFF") << "\xED\xBF\xBF"_ba;
    QTest::newRow("above U+10FFFF") << "\xF4\x90\x80\x80"_ba;
    QTest::newRow("byte F5") << "\xF5\x80\x80\x80"_ba;
    QTest::newRow("byte FF") << "\xFF"_ba;
    QTest::newRow("byte FE") << "\xFE"_ba;
    QTest::newRow("stray continuation") << "\x80"_ba;
    QTest::newRow("truncated 2-byte then ASCII") << "\xC3x"_ba;
    QTest::newRow("truncated 3-byte then ASCII") << "\xE4\xB8x"_ba;
    QTest::newRow("truncated 4-byte then ASCII") << "\xF0\x9F\x98x"_ba;
    QTest::newRow("truncated then markup") << "\xE4\xB8"_ba;
    QTest::newRow("two leads") << "\xE4\xE4\xB8\xAD"_ba;
}

void tst_XmlStreamParser::rejectsInvalidUtf8()
{
    QFETCH(QByteArray, bad);
    // In text, in an attribute value and in an element name; whole, byte by byte, and cut at every point
    // inside the bad sequence.
    const QList<QByteArray> streams = {
        Header + "<presence/><message><body>ok " + bad + " more</body></message>",
        Header + "<presence/><message id='" + bad + "'/>",
        Header + "<presence/><message><b" + bad + "dy/></message>",
    };
    for (const QByteArray &stream : streams) {
        const qsizetype at = stream.indexOf(bad);
        for (const Outcome &o : { parseWhole(stream), parseBytewise(stream) }) {
            QCOMPARE(o.errors, QList<Error> { Error::NotWellFormed });
            QCOMPARE(o.elements.size(), 1); // the presence before it still arrives
        }
        for (qsizetype cut = at; cut <= at + bad.size(); ++cut) {
            Harness h;
            h.feedInChunks(stream, { cut });
            QCOMPARE(h.outcome.errors, QList<Error> { Error::NotWellFormed });
            QCOMPARE(h.outcome.elements.size(), 1);
        }
    }
}

void tst_XmlStreamParser::rejectsMalformedXml_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("mismatched end tag") << Header + "<message><body></message></body>";
    QTest::newRow("unbound prefix") << Header + "<foo:message/>";
    QTest::newRow("duplicate attribute") << Header + "<message id='a' id='b'/>";
    QTest::newRow("unquoted attribute") << Header + "<message id=a/>";
    QTest::newRow("'<' in attribute value") << Header + "<message id='a<b'/>";
    QTest::newRow("bare ampersand") << Header + "<message><body>fish & chips</body></message>";
    QTest::newRow("ampersand without semicolon") << Header + "<message><body>&amp </body></message>";
    QTest::newRow("empty character reference") << Header + "<message><body>&#;</body></message>";
    QTest::newRow("reference to NUL") << Header + "<message><body>&#0;</body></message>";
    QTest::newRow("control character") << Header + "<message><body>\x01</body></message>";
    QTest::newRow("noncharacter U+FFFE") << Header + "<message><body>\xEF\xBF\xBE</body></message>";
    QTest::newRow("text between stanzas") << Header + "<presence/>hello<presence/>";
    QTest::newRow("CDATA between stanzas") << Header + "<![CDATA[x]]>";
    QTest::newRow("malformed CDATA opener") << Header + "<message><![CDAT[x]]></message>";
    QTest::newRow("end tag before root") << "</stream:stream>"_ba;
    QTest::newRow("space after <") << Header + "< message/>";
    // Found by fuzz_xml_stream (tests/fuzz/regressions): each was accepted when fed one way only.
    QTest::newRow("control character in an attribute name") << Header + "<message xmlns\x05='urn:evil' to='a@b'/>";
    QTest::newRow("NUL before the root") << "\0"_ba + Header + "<presence/>";
    QTest::newRow("']]>' in character data") << Header + "<message><body>a]]>b</body></message>";
}

void tst_XmlStreamParser::rejectsMalformedXml()
{
    QFETCH(QByteArray, stream);
    for (const Outcome &o : { parseWhole(stream), parseBytewise(stream) }) {
        QCOMPARE(o.errors, QList<Error> { Error::NotWellFormed });
        QCOMPARE(o.closed, 0);
    }
}

void tst_XmlStreamParser::rejectsDeclaredNonUtf8Encoding()
{
    // RFC 6120 §11.6: a stream is UTF-8; QXmlStreamReader would otherwise decode as declared.
    const Outcome latin1 = parseWhole("<?xml version='1.0' encoding='ISO-8859-1'?>" + Header);
    QCOMPARE(latin1.errors, QList<Error> { Error::NotWellFormed });
    QVERIFY(latin1.headers.isEmpty());

    const Outcome utf8 = parseBytewise("<?xml version='1.0' encoding='utf-8'?>" + Header + "<presence/>");
    QVERIFY(utf8.errors.isEmpty());
    QCOMPARE(utf8.elements.size(), 1);
}

void tst_XmlStreamParser::enforcesStanzaSizeLimit_data()
{
    QTest::addColumn<QByteArray>("stanza");
    QTest::addColumn<bool>("accepted");
    // Padded to an exact byte count in character data, in an attribute value full of what looks like tag
    // ends, in a CDATA section full of markup, and in multi-byte characters: the count must not be fooled.
    const auto padded = [](const QByteArray &open, const QByteArray &close, qsizetype size, char fill) -> QByteArray {
        return open + QByteArray(size - open.size() - close.size(), fill) + close;
    };
    const QByteArray text = "<message><body>", textEnd = "</body></message>";
    const QByteArray attr = "<message id='/>", attrEnd = "'/>";
    const QByteArray cdata = "<message><body><![CDATA[</x><y/>", cdataEnd = "]]></body></message>";
    QTest::newRow("text, well under") << padded(text, textEnd, 50, 'x') << true;
    QTest::newRow("text, one byte under") << padded(text, textEnd, 199, 'x') << true;
    QTest::newRow("text, exactly at the limit") << padded(text, textEnd, 200, 'x') << true;
    QTest::newRow("text, one byte over") << padded(text, textEnd, 201, 'x') << false;
    QTest::newRow("text, far over") << padded(text, textEnd, 5000, 'x') << false;
    QTest::newRow("attribute with '>', exactly at the limit") << padded(attr, attrEnd, 200, '>') << true;
    QTest::newRow("attribute with '>', one byte over") << padded(attr, attrEnd, 201, '>') << false;
    QTest::newRow("CDATA with markup, exactly at the limit") << padded(cdata, cdataEnd, 200, '<') << true;
    QTest::newRow("CDATA with markup, one byte over") << padded(cdata, cdataEnd, 201, '<') << false;
    // 60 three-byte characters plus 20 ASCII: 200 bytes though only 80 characters.
    const QByteArray han = QByteArray("\xE4\xB8\xAD").repeated(55);
    QTest::newRow("multi-byte text, exactly at the limit") << padded(text + han, textEnd, 200, 'x') << true;
    QTest::newRow("multi-byte text, one byte over") << padded(text + han, textEnd, 201, 'x') << false;
}

void tst_XmlStreamParser::enforcesStanzaSizeLimit()
{
    QFETCH(QByteArray, stanza);
    QFETCH(bool, accepted);
    XmlStreamParser::Limits limits;
    limits.maxStanzaBytes = 200;
    const QByteArray stream = Header + "<presence/>\n" + stanza + "\n<presence/>";

    for (const Outcome &o : { parseWhole(stream, limits), parseBytewise(stream, limits) }) {
        if (accepted) {
            QVERIFY2(o.errors.isEmpty(), qPrintable(o.details.join(u'|')));
            QCOMPARE(o.elements.size(), 3);
        } else {
            QCOMPARE(o.errors, QList<Error> { Error::PolicyViolation });
            QCOMPARE(o.elements.size(), 1);
        }
    }
}

void tst_XmlStreamParser::stopsOversizedStanzaBeforeItEnds()
{
    // The error comes as soon as the limit is passed, not once the peer finally closes the element: a
    // hostile body of endless text must not be buffered.
    XmlStreamParser::Limits limits;
    limits.maxStanzaBytes = 64 * 1024;
    Harness h(limits);
    h.parser.feed(QByteArray(Header + "<message><body>"));
    const QByteArray chunk(4096, 'a');
    qsizetype fed = 0;
    while (h.outcome.errors.isEmpty() && fed < 10 * 1024 * 1024) {
        h.parser.feed(chunk);
        fed += chunk.size();
    }
    QCOMPARE(h.outcome.errors, QList<Error> { Error::PolicyViolation });
    QVERIFY2(fed <= limits.maxStanzaBytes + chunk.size(), QByteArray::number(fed).constData());
    QVERIFY(h.parser.hasError());
}

void tst_XmlStreamParser::enforcesSizeLimitOnWhitespaceBetweenStanzas()
{
    // QXmlStreamReader keeps whitespace until the next '<'; an endless run of it is bounded too.
    XmlStreamParser::Limits limits;
    limits.maxStanzaBytes = 200; // the stream header (about 150 bytes here) is held to it too
    const Outcome fine = parseWhole(Header + QByteArray(200, ' ') + "<presence/>" + QByteArray(200, '\n'), limits);
    QVERIFY2(fine.errors.isEmpty(), qPrintable(fine.details.join(u'|')));
    QCOMPARE(fine.elements.size(), 1);
    const Outcome flood = parseWhole(Header + "<presence/>" + QByteArray(201, ' '), limits);
    QCOMPARE(flood.errors, QList<Error> { Error::PolicyViolation });
}

void tst_XmlStreamParser::hasDefaultLimitsOfOneMebibyteAndDepth64()
{
    Harness h;
    QCOMPARE(h.parser.limits().maxStanzaBytes, 1024 * 1024);
    QCOMPARE(h.parser.limits().maxDepth, 64);
}

void tst_XmlStreamParser::enforcesDefaultLimits_data()
{
    QTest::addColumn<QByteArray>("stanza");
    QTest::addColumn<bool>("accepted");
    const QByteArray shell = "<message><body></body></message>"_ba;
    const qsizetype mib = 1024 * 1024;
    QTest::newRow("1 MiB stanza") << "<message><body>" + QByteArray(mib - shell.size(), 'x') + "</body></message>"
                                  << true;
    QTest::newRow("1 MiB + 1 stanza") << "<message><body>" + QByteArray(mib + 1 - shell.size(), 'x')
            + "</body></message>" << false;
    // depth 64: <message> and 63 nested <x>; depth 65 one more.
    QTest::newRow("depth 64") << "<message>" + QByteArray("<x>").repeated(63) + QByteArray("</x>").repeated(63)
            + "</message>" << true;
    QTest::newRow("depth 65") << "<message>" + QByteArray("<x>").repeated(64) + QByteArray("</x>").repeated(64)
            + "</message>" << false;
}

void tst_XmlStreamParser::enforcesDefaultLimits()
{
    QFETCH(QByteArray, stanza);
    QFETCH(bool, accepted);
    Harness h;
    const QByteArray stream = Header + stanza;
    h.feedInChunks(stream, { Header.size() + 7, Header.size() + 300, stream.size() - 5 });
    if (accepted) {
        QVERIFY2(h.outcome.errors.isEmpty(), qPrintable(h.outcome.details.join(u'|')));
        QCOMPARE(h.outcome.elements.size(), 1);
    } else {
        QCOMPARE(h.outcome.errors, QList<Error> { Error::PolicyViolation });
        QVERIFY(h.outcome.elements.isEmpty());
    }
}

void tst_XmlStreamParser::enforcesDepthLimit_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("stanza alone") << 1 << true;
    QTest::newRow("at the limit") << 4 << true;
    QTest::newRow("one over") << 5 << false;
    QTest::newRow("far over") << 1000 << false;
}

void tst_XmlStreamParser::enforcesDepthLimit()
{
    QFETCH(int, depth);
    QFETCH(bool, accepted);
    XmlStreamParser::Limits limits;
    limits.maxDepth = 4;
    // The stanza is depth 1; empty innermost element, as <c/> would be.
    QByteArray stanza = "<message>";
    for (int i = 2; i < depth; ++i) {
        stanza += "<x a='1'>";
    }
    if (depth >= 2) {
        stanza += "<x/>";
    }
    for (int i = 2; i < depth; ++i) {
        stanza += "</x>";
    }
    stanza += "</message>";
    const QByteArray stream = Header + "<presence/>" + stanza + "<presence/>";
    for (const Outcome &o : { parseWhole(stream, limits), parseBytewise(stream, limits) }) {
        if (accepted) {
            QVERIFY(o.errors.isEmpty());
            QCOMPARE(o.elements.size(), 3);
        } else {
            QCOMPARE(o.errors, QList<Error> { Error::PolicyViolation });
            QCOMPARE(o.elements.size(), 1);
        }
    }
}

void tst_XmlStreamParser::rejectsWrongRoot_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("stream in no namespace") << "<stream xmlns='jabber:client'>"_ba;
    QTest::newRow("stream in wrong namespace")
        << "<stream:stream xmlns:stream='http://etherx.jabber.org/streamz' xmlns='jabber:client'>"_ba;
    QTest::newRow("stream in content namespace") << "<stream xmlns='http://jabber.org/streams'>"_ba;
    QTest::newRow("other root in streams namespace")
        << "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"_ba;
    QTest::newRow("HTML") << "<?xml version='1.0'?><html><body/></html>"_ba;
}

void tst_XmlStreamParser::rejectsWrongRoot()
{
    QFETCH(QByteArray, stream);
    for (const Outcome &o : { parseWhole(stream), parseBytewise(stream) }) {
        QCOMPARE(o.errors, QList<Error> { Error::InvalidNamespace });
        QVERIFY(o.headers.isEmpty());
        QVERIFY(o.elements.isEmpty());
    }
}

void tst_XmlStreamParser::ignoresInputAfterError()
{
    Harness h;
    h.parser.feed(QByteArray(Header + "<presence/><!-- no -->"));
    QCOMPARE(h.outcome.errors, QList<Error> { Error::RestrictedXml });
    QVERIFY(h.parser.hasError());
    h.parser.feed("<message/><presence/></stream:stream>");
    h.parser.feed(QByteArray(Header + "<message/>"));
    QCOMPARE(h.outcome.errors.size(), 1);
    QCOMPARE(h.outcome.elements.size(), 1);
    QCOMPARE(h.outcome.headers.size(), 1);
    QCOMPARE(h.outcome.closed, 0);
}

void tst_XmlStreamParser::ignoresInputAfterStreamClose()
{
    Harness h;
    h.parser.feed(QByteArray(Header + "<presence/></stream:stream><message/> junk <"));
    h.parser.feed("<message/>");
    QVERIFY(h.outcome.errors.isEmpty());
    QCOMPARE(h.outcome.elements.size(), 1);
    QCOMPARE(h.outcome.closed, 1);
}

void tst_XmlStreamParser::resetFromElementCallbackDiscardsRestOfChunk()
{
    // RFC 6120 §5.4.3.3: after <proceed/> both sides start over on TLS; anything after it in the same read
    // belongs to the old, plain-text stream and is dropped.
    Harness h;
    h.onElement = [&h](const XmlElement &e) {
        if (e.is(u"proceed", u"urn:ietf:params:xml:ns:xmpp-tls")) {
            h.parser.reset();
        }
    };
    h.parser.feed(QByteArray(Header
        + "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><message><body>injected</body>"
          "</message><!-- never scanned -->"));
    QVERIFY(h.outcome.errors.isEmpty());
    QCOMPARE(h.outcome.elements.size(), 1);
    QVERIFY(!h.parser.hasError());

    h.parser.feed(QByteArray("<?xml version='1.0'?>" + Header + "<stream:features/>"));
    QVERIFY(h.outcome.errors.isEmpty());
    QCOMPARE(h.outcome.headers.size(), 2);
    QCOMPARE(h.outcome.elements.size(), 2);
    QVERIFY(h.outcome.elements.last().is(u"features", StreamNs));
}

void tst_XmlStreamParser::resetFromHeaderCallbackDiscardsRestOfChunk()
{
    XmlStreamParser *self = nullptr;
    int headers = 0;
    QList<XmlElement> elements;
    XmlStreamParser parser({ [&](const XmlElement &) {
                                if (++headers == 1) {
                                    self->reset();
                                }
                            },
        [&](XmlElement &&e) { elements.append(e); }, [] {},
        [](Error, const QString &detail) { QFAIL(qPrintable(detail)); } });
    self = &parser;
    parser.feed(QByteArray(Header + "<message/><presence/>"));
    QCOMPARE(headers, 1);
    QVERIFY(elements.isEmpty());
    parser.feed(QByteArray(Header + "<presence/>"));
    QCOMPARE(headers, 2);
    QCOMPARE(elements.size(), 1);
}

void tst_XmlStreamParser::resetFromErrorCallbackStartsCleanStream()
{
    XmlStreamParser *self = nullptr;
    QList<Error> errors;
    QList<XmlElement> elements;
    XmlStreamParser parser({ [](const XmlElement &) {}, [&](XmlElement &&e) { elements.append(e); }, [] {},
        [&](Error e, const QString &) {
            errors.append(e);
            self->reset();
        } });
    self = &parser;
    parser.feed(QByteArray(Header + "<message>&bad;</message><presence/>"));
    QCOMPARE(errors, QList<Error> { Error::RestrictedXml });
    QVERIFY(!parser.hasError());
    parser.feed(QByteArray(Header + "<presence/>"));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(elements.size(), 1);
}

void tst_XmlStreamParser::staysLinearOnLongStreamInSmallChunks()
{
    // About 10 MB of stanzas in 4 KiB reads, as a busy account receives them. Nothing is timed; a parser
    // that re-scanned or kept everything it had seen would take minutes or run out of memory here.
    QByteArray stream = Header;
    int sent = 0;
    while (stream.size() < 10 * 1000 * 1000) {
        stream += "<message from='romeo@example.net/orchard' to='juliet@im.example.org' type='chat' id='m"
            + QByteArray::number(sent) + "'><body>我爱你 — long message number " + QByteArray::number(sent)
            + " &amp; more text to make it realistic</body><active xmlns='http://jabber.org/protocol/"
              "chatstates'/></message><presence from='x@y/z'><show>dnd</show></presence> ";
        sent += 2;
    }
    stream += "</stream:stream>";

    int received = 0;
    XmlStreamParser parser({ [](const XmlElement &) {}, [&](XmlElement &&) { ++received; }, [] {},
        [](Error, const QString &detail) { QFAIL(qPrintable(detail)); } });
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < stream.size(); at += 4096) {
        parser.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(4096, stream.size() - at)));
    }
    QCOMPARE(received, sent);
    qInfo("%lld bytes in %lld ms", qint64(stream.size()), qint64(timer.elapsed()));
}

void tst_XmlStreamParser::namesStreamErrorConditions_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("condition");
    // RFC 6120 §4.9.3
    QTest::newRow("not-well-formed") << Error::NotWellFormed << u"not-well-formed"_s;
    QTest::newRow("restricted-xml") << Error::RestrictedXml << u"restricted-xml"_s;
    QTest::newRow("policy-violation") << Error::PolicyViolation << u"policy-violation"_s;
    QTest::newRow("invalid-namespace") << Error::InvalidNamespace << u"invalid-namespace"_s;
}

void tst_XmlStreamParser::namesStreamErrorConditions()
{
    QFETCH(Error, error);
    QFETCH(QString, condition);
    QCOMPARE(XmlStreamParser::conditionName(error), condition);
}

QTEST_GUILESS_MAIN(tst_XmlStreamParser)
#include "tst_XmlStreamParser.moc"
