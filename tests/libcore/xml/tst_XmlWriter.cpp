// SPDX-License-Identifier: Apache-2.0
#include "xml/XmlStreamParser.h"
#include "xml/XmlWriter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using confab::XmlElement;
using confab::XmlStreamParser;
using confab::XmlWriter;

namespace {

// XmlElement's defaulted operator== is deleted if QList<XmlElement>'s operator== is instantiated first (its
// recursive trait check is then answered "no"); using the element comparison first keeps both working.
[[maybe_unused]] bool sameTree(const XmlElement &a, const XmlElement &b)
{
    return a == b;
}

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

// Parses one serialised top-level element the way it would arrive inside a client stream.
XmlElement parseBack(const QByteArray &bytes, QString *error)
{
    XmlElement result;
    XmlStreamParser parser({ [](const XmlElement &) {}, [&](XmlElement &&e) { result = std::move(e); }, [] {},
        [&](XmlStreamParser::Error, const QString &detail) { *error = detail; } });
    parser.feed(XmlWriter::streamHeader(u"im.example.org"_s));
    parser.feed(bytes);
    return result;
}

QString text(const QString &s)
{
    XmlElement e(u"body"_s, u"jabber:client"_s);
    e.setText(s);
    return QString::fromUtf8(XmlWriter::serialize(e));
}

} // namespace

namespace QTest {
template <> char *toString(const XmlElement &e)
{
    return qstrdup(describe(e).toUtf8().constData());
}
} // namespace QTest

class tst_XmlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesText_data();
    void escapesText();
    void escapesAttributeValues_data();
    void escapesAttributeValues();
    void dropsCharactersXmlCannotCarry_data();
    void dropsCharactersXmlCannotCarry();
    void writesXmlnsOnlyWhereNamespaceChanges_data();
    void writesXmlnsOnlyWhereNamespaceChanges();
    void writesXmlLangAndPrefixedAttributes();
    void writesEmptyElementsShort();
    void appendsToExistingBuffer();
    void writesStreamHeader_data();
    void writesStreamHeader();
    void writesStreamFooter();
    void roundTripsThroughParser_data();
    void roundTripsThroughParser();
};

void tst_XmlWriter::escapesText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"hello"_s << "hello"_ba;
    QTest::newRow("markup characters") << u"a<b>&c"_s << "a&lt;b&gt;&amp;c"_ba;
    QTest::newRow("quotes stay literal in text") << u"\"'"_s << "\"'"_ba;
    QTest::newRow("CDATA end marker") << u"]]>"_s << "]]&gt;"_ba;
    QTest::newRow("tab and newline stay literal") << u"a\tb\nc"_s << "a\tb\nc"_ba;
    QTest::newRow("carriage return survives end-of-line handling") << u"a\r\nb"_s << "a&#xD;\nb"_ba;
    QTest::newRow("Chinese") << u"你好"_s << "\xE4\xBD\xA0\xE5\xA5\xBD"_ba;
    QTest::newRow("emoji (surrogate pair)") << u"😀"_s << "\xF0\x9F\x98\x80"_ba;
    QTest::newRow("two-byte") << u"é"_s << "\xC3\xA9"_ba;
    QTest::newRow("DEL is an XML character") << u"\x7F"_s << "\x7F"_ba;
    QTest::newRow("empty") << QString() << QByteArray();
}

void tst_XmlWriter::escapesText()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QByteArray out = "x"_ba;
    XmlWriter::appendEscapedText(out, input);
    QCOMPARE(out, "x" + expected);
}

void tst_XmlWriter::escapesAttributeValues_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"chat"_s << "chat"_ba;
    QTest::newRow("all five") << u"<&>\"'"_s << "&lt;&amp;&gt;&quot;&apos;"_ba;
    // XML 1.0 §3.3.3: literal whitespace in a value is normalised to spaces by the reader.
    QTest::newRow("tab") << u"a\tb"_s << "a&#x9;b"_ba;
    QTest::newRow("newline") << u"a\nb"_s << "a&#xA;b"_ba;
    QTest::newRow("carriage return") << u"a\rb"_s << "a&#xD;b"_ba;
    QTest::newRow("space stays") << u"a b"_s << "a b"_ba;
    QTest::newRow("non-ASCII") << u"Zoë 🌙"_s << "Zo\xC3\xAB \xF0\x9F\x8C\x99"_ba;
}

void tst_XmlWriter::escapesAttributeValues()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QByteArray out;
    XmlWriter::appendEscapedAttribute(out, input);
    QCOMPARE(out, expected);

    XmlElement e(u"message"_s, u"jabber:client"_s);
    e.setAttribute(u"id"_s, input);
    QCOMPARE(XmlWriter::serialize(e), "<message id='" + expected + "'/>");
}

void tst_XmlWriter::dropsCharactersXmlCannotCarry_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    // XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    QTest::newRow("NUL") << QString(QChar(0)) + u"a"_s << "a"_ba;
    QTest::newRow("C0 controls") << u"a\x01\x08\x0B\x0C\x1F"
                                    "b"_s
                                 << "ab"_ba;
    QTest::newRow("escape character") << u"\x1B[31mred"_s << "[31mred"_ba;
    QTest::newRow("lone high surrogate") << u"a"_s + QChar(0xD83D) + u"b"_s << "ab"_ba;
    QTest::newRow("lone high surrogate at end") << u"a"_s + QChar(0xD83D) << "a"_ba;
    QTest::newRow("lone low surrogate") << u"a"_s + QChar(0xDE00) + u"b"_s << "ab"_ba;
    QTest::newRow("reversed pair") << QString(QChar(0xDE00)) + QChar(0xD83D) << QByteArray();
    QTest::newRow("high then high then low")
        << QString(QChar(0xD83D)) + QChar(0xD83D) + QChar(0xDE00) << "\xF0\x9F\x98\x80"_ba;
    QTest::newRow("U+FFFE") << u"a"_s + QChar(0xFFFE) << "a"_ba;
    QTest::newRow("U+FFFF") << u"a"_s + QChar(0xFFFF) << "a"_ba;
    QTest::newRow("U+FFFD stays") << QString(QChar(0xFFFD)) << "\xEF\xBF\xBD"_ba;
    QTest::newRow("U+E000 stays") << QString(QChar(0xE000)) << "\xEE\x80\x80"_ba;
}

void tst_XmlWriter::dropsCharactersXmlCannotCarry()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QByteArray text;
    XmlWriter::appendEscapedText(text, input);
    QCOMPARE(text, expected);
    QByteArray attribute;
    XmlWriter::appendEscapedAttribute(attribute, input);
    QCOMPARE(attribute, expected);
}

void tst_XmlWriter::writesXmlnsOnlyWhereNamespaceChanges_data()
{
    QTest::addColumn<XmlElement>("element");
    QTest::addColumn<QString>("parentNamespace");
    QTest::addColumn<QByteArray>("expected");

    XmlElement message(u"message"_s, u"jabber:client"_s);
    message.appendTextChild(u"body"_s, u"hi"_s, u"jabber:client"_s);
    message.appendChild(XmlElement(u"request"_s, u"urn:xmpp:receipts"_s));
    QTest::newRow("stanza in the stream's namespace")
        << message << u"jabber:client"_s << "<message><body>hi</body><request xmlns='urn:xmpp:receipts'/></message>"_ba;

    XmlElement inherit(u"message"_s, u"jabber:client"_s);
    inherit.appendTextChild(u"body"_s, u"hi"_s); // no namespace: the parent's
    QTest::newRow("child without namespace inherits")
        << inherit << u"jabber:client"_s << "<message><body>hi</body></message>"_ba;

    XmlElement starttls(u"starttls"_s, u"urn:ietf:params:xml:ns:xmpp-tls"_s);
    QTest::newRow("top-level in its own namespace")
        << starttls << u"jabber:client"_s << "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"_ba;

    XmlElement nested(u"iq"_s, u"jabber:client"_s);
    XmlElement &query = nested.appendChild(XmlElement(u"query"_s, u"jabber:iq:roster"_s));
    XmlElement &item = query.appendChild(XmlElement(u"item"_s, u"jabber:iq:roster"_s));
    item.setAttribute(u"jid"_s, u"romeo@example.net"_s);
    item.appendTextChild(u"group"_s, u"Friends"_s, u"jabber:iq:roster"_s);
    item.appendChild(XmlElement(u"x"_s, u"urn:example:other"_s))
        .appendChild(XmlElement(u"y"_s, u"urn:example:other"_s));
    QTest::newRow("declared once per change")
        << nested << u"jabber:client"_s
        << "<iq><query xmlns='jabber:iq:roster'><item jid='romeo@example.net'><group>Friends</group>"
           "<x xmlns='urn:example:other'><y/></x></item></query></iq>"_ba;

    XmlElement back(u"message"_s, u"jabber:client"_s);
    back.appendChild(XmlElement(u"x"_s, u"urn:example:other"_s)).appendChild(XmlElement(u"body"_s, u"jabber:client"_s));
    QTest::newRow("back to an outer namespace")
        << back << u"jabber:client"_s
        << "<message><x xmlns='urn:example:other'><body xmlns='jabber:client'/></x></message>"_ba;

    QTest::newRow("other stream namespace as parent")
        << message << u"jabber:server"_s
        << "<message xmlns='jabber:client'><body>hi</body><request xmlns='urn:xmpp:receipts'/></message>"_ba;
}

void tst_XmlWriter::writesXmlnsOnlyWhereNamespaceChanges()
{
    QFETCH(XmlElement, element);
    QFETCH(QString, parentNamespace);
    QFETCH(QByteArray, expected);
    QCOMPARE(XmlWriter::serialize(element, parentNamespace), expected);
}

void tst_XmlWriter::writesXmlLangAndPrefixedAttributes()
{
    XmlElement message(u"message"_s, u"jabber:client"_s);
    message.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), u"de"_s);
    message.setAttribute(u"type"_s, u"chat"_s);
    XmlElement &ext = message.appendChild(XmlElement(u"ext"_s, u"urn:example:a"_s));
    ext.setAttribute(u"one"_s, u"urn:example:b"_s, u"1"_s);
    ext.setAttribute(u"two"_s, u"urn:example:c"_s, u"2"_s);
    ext.setAttribute(u"three"_s, u"urn:example:b"_s, u"3"_s);
    QCOMPARE(XmlWriter::serialize(message),
        "<message xml:lang='de' type='chat'><ext xmlns='urn:example:a' xmlns:ns1='urn:example:b' ns1:one='1' "
        "xmlns:ns2='urn:example:c' ns2:two='2' ns1:three='3'/></message>"_ba);

    QString error;
    QCOMPARE(parseBack(XmlWriter::serialize(message), &error), message);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_XmlWriter::writesEmptyElementsShort()
{
    QCOMPARE(XmlWriter::serialize(XmlElement(u"presence"_s, u"jabber:client"_s)), "<presence/>"_ba);
    XmlElement withText(u"body"_s, u"jabber:client"_s);
    withText.setText(u" "_s);
    QCOMPARE(XmlWriter::serialize(withText), "<body> </body>"_ba);
    QCOMPARE(text(u"x"_s), u"<body>x</body>"_s);
}

void tst_XmlWriter::appendsToExistingBuffer()
{
    QByteArray out = "<r/>"_ba;
    XmlWriter::serialize(out, XmlElement(u"a"_s, u"jabber:client"_s));
    XmlWriter::serialize(out, XmlElement(u"b"_s, u"urn:x"_s));
    QCOMPARE(out, "<r/><a/><b xmlns='urn:x'/>"_ba);
}

void tst_XmlWriter::writesStreamHeader_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QByteArray>("expected");
    // RFC 6120 §4.7 and the example in §9.1.1.
    QTest::newRow("to only") << u"im.example.org"_s << QString() << QString()
                             << "<?xml version='1.0'?><stream:stream to='im.example.org' version='1.0' "
                                "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"_ba;
    QTest::newRow("to, from and lang")
        << u"im.example.org"_s << u"juliet@im.example.org"_s << u"en"_s
        << "<?xml version='1.0'?><stream:stream to='im.example.org' from='juliet@im.example.org' version='1.0' "
           "xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"_ba;
    QTest::newRow("values are escaped") << u"a'b"_s << QString() << u"zh-Hans"_s
                                        << "<?xml version='1.0'?><stream:stream to='a&apos;b' version='1.0' "
                                           "xml:lang='zh-Hans' xmlns='jabber:client' "
                                           "xmlns:stream='http://etherx.jabber.org/streams'>"_ba;
}

void tst_XmlWriter::writesStreamHeader()
{
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(QString, lang);
    QFETCH(QByteArray, expected);
    const QByteArray header = XmlWriter::streamHeader(to, from, lang);
    QCOMPARE(header, expected);

    // Our own parser reads it as a proper header.
    XmlElement parsed;
    XmlStreamParser parser({ [&](const XmlElement &h) { parsed = h; }, [](XmlElement &&) {}, [] {},
        [](XmlStreamParser::Error, const QString &detail) { QFAIL(qPrintable(detail)); } });
    parser.feed(header);
    QVERIFY(parsed.is(u"stream", XmlWriter::StreamNamespace));
    QCOMPARE(parsed.attribute(u"to"), to);
    QCOMPARE(parsed.attribute(u"from"), from);
    QCOMPARE(parsed.lang(), lang);
    QCOMPARE(parsed.attribute(u"version"), u"1.0"_s);
}

void tst_XmlWriter::writesStreamFooter()
{
    QCOMPARE(XmlWriter::streamFooter(), "</stream:stream>"_ba);
}

void tst_XmlWriter::roundTripsThroughParser_data()
{
    QTest::addColumn<XmlElement>("element");
    const QString client = u"jabber:client"_s;

    XmlElement chat(u"message"_s, client);
    chat.setAttribute(u"to"_s, u"juliet@im.example.org/balcony"_s);
    chat.setAttribute(u"type"_s, u"chat"_s);
    chat.setAttribute(u"id"_s, u"k&<>\"'1"_s);
    chat.appendTextChild(u"body"_s, u"你好 😀 <b>&amp;</b> \"quoted\" 'single' ]]> done"_s, client);
    chat.appendChild(XmlElement(u"request"_s, u"urn:xmpp:receipts"_s));
    QTest::newRow("chat message") << chat;

    XmlElement whitespace(u"message"_s, client);
    whitespace.setAttribute(u"note"_s, u"tab\there\nnewline\rcr  two spaces"_s);
    whitespace.appendTextChild(u"body"_s, u"line 1\r\nline 2\n\tindented\r"_s, client);
    QTest::newRow("whitespace in attributes and text") << whitespace;

    XmlElement presence(u"presence"_s, client);
    presence.setAttribute(u"lang"_s, XmlElement::XmlNamespace.toString(), u"fr"_s);
    presence.appendTextChild(u"show"_s, u"away"_s, client);
    presence.appendTextChild(u"status"_s, u"En réunion — 会议中"_s, client);
    XmlElement caps(u"c"_s, u"http://jabber.org/protocol/caps"_s);
    caps.setAttribute(u"hash"_s, u"sha-1"_s);
    caps.setAttribute(u"node"_s, u"https://confab.example/caps"_s);
    caps.setAttribute(u"ver"_s, u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
    presence.appendChild(caps);
    QTest::newRow("presence with caps and xml:lang") << presence;

    XmlElement iq(u"iq"_s, client);
    iq.setAttribute(u"type"_s, u"result"_s);
    iq.setAttribute(u"id"_s, u"roster-1"_s);
    XmlElement &query = iq.appendChild(XmlElement(u"query"_s, u"jabber:iq:roster"_s));
    query.setAttribute(u"ver"_s, QString()); // empty value still written
    for (int i = 0; i < 3; ++i) {
        XmlElement &item = query.appendChild(XmlElement(u"item"_s, u"jabber:iq:roster"_s));
        item.setAttribute(u"jid"_s, u"friend%1@example.net"_s.arg(i));
        item.setAttribute(u"subscription"_s, u"both"_s);
        item.appendTextChild(u"group"_s, u"Friends"_s, u"jabber:iq:roster"_s);
    }
    QTest::newRow("roster result") << iq;

    XmlElement features(u"features"_s, XmlWriter::StreamNamespace.toString());
    features.appendChild(XmlElement(u"bind"_s, u"urn:ietf:params:xml:ns:xmpp-bind"_s));
    XmlElement &mechanisms = features.appendChild(XmlElement(u"mechanisms"_s, u"urn:ietf:params:xml:ns:xmpp-sasl"_s));
    mechanisms.appendTextChild(u"mechanism"_s, u"SCRAM-SHA-256"_s, u"urn:ietf:params:xml:ns:xmpp-sasl"_s);
    QTest::newRow("element in the streams namespace") << features;

    XmlElement mixed(u"message"_s, client);
    mixed.setText(u"text"_s);
    mixed.appendTextChild(u"body"_s, u"x"_s, client);
    QTest::newRow("text and children") << mixed;

    XmlElement prefixed(u"message"_s, client);
    prefixed.appendChild(XmlElement(u"ext"_s, u"urn:example:a"_s)).setAttribute(u"attr"_s, u"urn:example:b"_s, u"v"_s);
    QTest::newRow("attribute in another namespace") << prefixed;
}

void tst_XmlWriter::roundTripsThroughParser()
{
    QFETCH(XmlElement, element);
    QString error;
    const XmlElement parsed = parseBack(XmlWriter::serialize(element), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(parsed, element);
}

QTEST_GUILESS_MAIN(tst_XmlWriter)
#include "tst_XmlWriter.moc"
