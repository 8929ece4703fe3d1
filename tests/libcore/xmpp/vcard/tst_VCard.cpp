// SPDX-License-Identifier: Apache-2.0
// XEP-0054 vCard-temp: reading what servers and other clients send, writing what they read back.
#include "testlib/ParseXml.h"
#include "xml/XmlElement.h"
#include "xml/XmlStreamParser.h"
#include "xml/XmlWriter.h"
#include "xmpp/vcard/VCard.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

Q_DECLARE_METATYPE(confab::VCard)

namespace {

/// Written to bytes and parsed back, as a peer would receive it.
XmlElement overTheWire(const XmlElement &element)
{
    return test::parseStanza(XmlWriter::serialize(element));
}

QByteArray tinyPng()
{
    // The 1×1 PNG, as bytes; the decoder is not involved here, only base64 and the hash.
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

} // namespace

class tst_VCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheXep0054Example();
    void readsBinvalWrappedInLines();
    void refusesBinvalThatIsNotBase64();
    void refusesOtherElements();
    void emptyVCardIsEmpty();
    void roundTripsOverTheWire_data();
    void roundTripsOverTheWire();
    void readsDescWhenNoteIsAbsent();
    void photoHashIsTheSha1OfTheBytes();
};

void tst_VCard::readsTheXep0054Example()
{
    // XEP-0054 §3.1, example 2 (abridged), with the whitespace and unknown fields a real vCard has.
    const XmlElement element = test::parseStanza(R"(<vCard xmlns='vcard-temp'>
      <FN>Peter Saint-Andre</FN>
      <N><FAMILY>Saint-Andre</FAMILY><GIVEN>Peter</GIVEN><MIDDLE/></N>
      <NICKNAME>stpeter</NICKNAME>
      <URL>http://www.xmpp.org/xsf/people/stpeter.shtml</URL>
      <BDAY>1966-08-06</BDAY>
      <ORG><ORGNAME>XMPP Standards Foundation</ORGNAME><ORGUNIT/></ORG>
      <TITLE>Executive Director</TITLE>
      <ROLE>Patron Saint</ROLE>
      <TEL><WORK/><VOICE/><NUMBER>303-308-3282</NUMBER></TEL>
      <TEL><HOME/><VOICE/><NUMBER/></TEL>
      <ADR><WORK/><LOCALITY>Denver</LOCALITY></ADR>
      <EMAIL><INTERNET/><PREF/><USERID>stpeter@jabber.org</USERID></EMAIL>
      <EMAIL><INTERNET/><USERID>peter@example.com</USERID></EMAIL>
      <JABBERID>stpeter@jabber.org</JABBERID>
      <DESC>More information about me is located on my personal website.</DESC>
    </vCard>)");
    const std::optional<VCard> card = VCard::fromXml(element);
    QVERIFY(card);
    QCOMPARE(card->fullName, u"Peter Saint-Andre"_s);
    QCOMPARE(card->familyName, u"Saint-Andre"_s);
    QCOMPARE(card->givenName, u"Peter"_s);
    QCOMPARE(card->nickname, u"stpeter"_s);
    QCOMPARE(card->url, u"http://www.xmpp.org/xsf/people/stpeter.shtml"_s);
    QCOMPARE(card->birthday, QDate(1966, 8, 6));
    QCOMPARE(card->organisation, u"XMPP Standards Foundation"_s);
    QCOMPARE(card->title, u"Executive Director"_s);
    QCOMPARE(card->phones, QStringList { u"303-308-3282"_s }); // the empty NUMBER is no phone
    QCOMPARE(card->emails, (QStringList { u"stpeter@jabber.org"_s, u"peter@example.com"_s }));
    QCOMPARE(card->note, u"More information about me is located on my personal website."_s);
    QVERIFY(card->photo.isEmpty());
}

void tst_VCard::readsBinvalWrappedInLines()
{
    const QByteArray png = tinyPng();
    QByteArray wrapped;
    const QByteArray base64 = png.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 20) {
        wrapped += base64.mid(i, 20) + "\n    ";
    }
    const XmlElement element = test::parseStanza("<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>\n    "
        + wrapped + "</BINVAL></PHOTO></vCard>");
    const std::optional<VCard> card = VCard::fromXml(element);
    QVERIFY(card);
    QCOMPARE(card->photoType, u"image/png"_s);
    QCOMPARE(card->photo, png);
}

void tst_VCard::refusesBinvalThatIsNotBase64()
{
    QVERIFY(!VCard::fromXml(
        test::parseStanza("<vCard xmlns='vcard-temp'><PHOTO><BINVAL>not*base64!</BINVAL></PHOTO></vCard>")));
    QVERIFY(!VCard::fromXml(
        test::parseStanza("<vCard xmlns='vcard-temp'><PHOTO><BINVAL>aGVsbG8=\xc3\xa9</BINVAL></PHOTO></vCard>")));
}

void tst_VCard::refusesOtherElements()
{
    QVERIFY(!VCard::fromXml(test::parseStanza("<vCard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>")));
    QVERIFY(!VCard::fromXml(test::parseStanza("<vcard xmlns='vcard-temp'/>")));
    QVERIFY(!VCard::fromXml(XmlElement()));
}

void tst_VCard::emptyVCardIsEmpty()
{
    const std::optional<VCard> card = VCard::fromXml(test::parseStanza("<vCard xmlns='vcard-temp'/>"));
    QVERIFY(card);
    QVERIFY(card->isEmpty());
    QCOMPARE(VCard().toXml(), XmlElement(u"vCard"_s, u"vcard-temp"_s));
}

void tst_VCard::roundTripsOverTheWire_data()
{
    QTest::addColumn<VCard>("card");

    VCard latin;
    latin.fullName = u"Juliet Capulet"_s;
    latin.givenName = u"Juliet"_s;
    latin.familyName = u"Capulet"_s;
    latin.nickname = u"Jule"_s;
    latin.emails = { u"juliet@example.com"_s, u"jc@example.org"_s };
    latin.phones = { u"+44 20 7946 0018"_s };
    latin.organisation = u"Capulet & Sons <Verona>"_s;
    latin.title = u"Heiress"_s;
    latin.url = u"https://example.com/?a=1&b=2"_s;
    latin.birthday = QDate(1582, 7, 31);
    latin.note = u"Wherefore art thou?\nSecond line."_s;
    QTest::newRow("latin, escaping") << latin;

    VCard chinese;
    chinese.fullName = u"张伟"_s;
    chinese.familyName = u"张"_s;
    chinese.givenName = u"伟"_s;
    chinese.nickname = u"小张 🐼"_s;
    chinese.organisation = u"北京某某科技有限公司"_s;
    chinese.title = u"高级工程师"_s;
    chinese.note = u"你好，世界。繁體中文也可以。"_s;
    QTest::newRow("chinese") << chinese;

    VCard photo;
    photo.fullName = u"Romeo"_s;
    photo.photoType = u"image/png"_s;
    photo.photo = tinyPng();
    QTest::newRow("binval photo") << photo;

    VCard binaryPhoto;
    binaryPhoto.photoType = u"image/jpeg"_s;
    for (int i = 0; i < 3000; ++i) {
        binaryPhoto.photo.append(char(i * 7 % 256)); // every byte value, several times
    }
    QTest::newRow("binary photo, no name") << binaryPhoto;
}

void tst_VCard::roundTripsOverTheWire()
{
    QFETCH(VCard, card);
    const XmlElement written = card.toXml();
    QVERIFY(written.is(u"vCard", VCard::Namespace));
    const std::optional<VCard> read = VCard::fromXml(overTheWire(written));
    QVERIFY(read);
    QCOMPARE(read->fullName, card.fullName);
    QCOMPARE(read->givenName, card.givenName);
    QCOMPARE(read->familyName, card.familyName);
    QCOMPARE(read->nickname, card.nickname);
    QCOMPARE(read->emails, card.emails);
    QCOMPARE(read->phones, card.phones);
    QCOMPARE(read->organisation, card.organisation);
    QCOMPARE(read->title, card.title);
    QCOMPARE(read->url, card.url);
    QCOMPARE(read->birthday, card.birthday);
    QCOMPARE(read->note, card.note);
    QCOMPARE(read->photoType, card.photoType);
    QCOMPARE(read->photo, card.photo);
    QVERIFY(*read == card);
}

void tst_VCard::readsDescWhenNoteIsAbsent()
{
    // Servers that map vCard4 <note/> write NOTE, older clients DESC; NOTE wins when both are there.
    QCOMPARE(VCard::fromXml(test::parseStanza("<vCard xmlns='vcard-temp'><DESC>d</DESC></vCard>"))->note, u"d"_s);
    QCOMPARE(VCard::fromXml(test::parseStanza("<vCard xmlns='vcard-temp'><DESC>d</DESC><NOTE>n</NOTE></vCard>"))->note,
        u"n"_s);
}

void tst_VCard::photoHashIsTheSha1OfTheBytes()
{
    VCard card;
    QCOMPARE(card.photoHash(), QString());
    card.photo = "abc";
    // FIPS 180-2 test vector.
    QCOMPARE(card.photoHash(), u"a9993e364706816aba3e25717850c26c9cd0d89d"_s);
}

QTEST_GUILESS_MAIN(tst_VCard)
#include "tst_VCard.moc"
