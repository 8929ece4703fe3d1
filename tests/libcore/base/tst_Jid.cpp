// SPDX-License-Identifier: Apache-2.0
#include "base/Jid.h"

#include <QSet>
#include <QTest>
#include <QVariant>

using namespace Qt::StringLiterals;
using confab::Jid;
using confab::JidError;

Q_DECLARE_METATYPE(confab::JidError::Kind)

namespace {

QString repeated(QStringView unit, int count)
{
    QString out;
    for (int i = 0; i < count; ++i) {
        out += unit;
    }
    return out;
}

/// count labels of 63 'a's joined by dots.
QString longDomain(int count)
{
    QStringList labels;
    for (int i = 0; i < count; ++i) {
        labels.append(repeated(u"a", 63));
    }
    return labels.join(u'.');
}

} // namespace

class tst_Jid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidJids_data();
    void parsesValidJids();
    void rejectsInvalidJids_data();
    void rejectsInvalidJids();
    void normalises_data();
    void normalises();
    void equalJidsHashEqually_data();
    void equalJidsHashEqually();
    void distinguishesResourceCase();
    void bareDropsResource();
    void withResourceReplacesResource();
    void kindPredicates();
    void fromPartsChecksEachPart();
    void domainAceGivesALabels();
    void toStringRoundTrips();
    void nullJidIsEmpty();
    void travelsInQVariant();
};

void tst_Jid::parsesValidJids_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("resource");

    QTest::newRow("bare") << u"user@example.com"_s << u"user"_s << u"example.com"_s << QString();
    QTest::newRow("full") << u"user@example.com/laptop"_s << u"user"_s << u"example.com"_s << u"laptop"_s;
    QTest::newRow("domain only") << u"example.com"_s << QString() << u"example.com"_s << QString();
    QTest::newRow("domain with resource") << u"example.com/service"_s << QString() << u"example.com"_s << u"service"_s;
    QTest::newRow("single-label domain") << u"user@localhost"_s << u"user"_s << u"localhost"_s << QString();
    QTest::newRow("resource with @ and /")
        << u"user@example.com/a@b/c/d"_s << u"user"_s << u"example.com"_s << u"a@b/c/d"_s;
    QTest::newRow("resource with spaces")
        << u"user@example.com/My Laptop"_s << u"user"_s << u"example.com"_s << u"My Laptop"_s;
    QTest::newRow("resource with emoji") << u"user@example.com/phone \U0001F4F1"_s << u"user"_s << u"example.com"_s
                                         << u"phone \U0001F4F1"_s;
    QTest::newRow("ASCII symbols in localpart") << u"first.last+tag!#$%*=?^_`{|}~@example.com"_s
                                                << u"first.last+tag!#$%*=?^_`{|}~"_s << u"example.com"_s << QString();
    QTest::newRow("IPv4 literal") << u"user@192.0.2.1"_s << u"user"_s << u"192.0.2.1"_s << QString();
    QTest::newRow("IPv6 literal") << u"user@[2001:db8::1]/r"_s << u"user"_s << u"[2001:db8::1]"_s << u"r"_s;
    QTest::newRow("IPv4-mapped IPv6 literal")
        << u"[::ffff:192.0.2.1]"_s << QString() << u"[::ffff:192.0.2.1]"_s << QString();
    QTest::newRow("Chinese localpart") << u"张三@example.com"_s << u"张三"_s << u"example.com"_s << QString();
    QTest::newRow("Cyrillic localpart") << u"иван@example.com"_s << u"иван"_s << u"example.com"_s << QString();
    QTest::newRow("Hebrew localpart") << u"שלום@example.com"_s << u"שלום"_s << u"example.com"_s << QString();
    QTest::newRow("German sharp s kept") << u"straße@example.com"_s << u"straße"_s << u"example.com"_s << QString();
    QTest::newRow("Catalan middle dot") << u"col·lega@example.com"_s << u"col·lega"_s << u"example.com"_s << QString();
    QTest::newRow("katakana middle dot") << u"アイ・ウ@example.com"_s << u"アイ・ウ"_s << u"example.com"_s << QString();
    QTest::newRow("joiner after virama") << u"क्\u200Dष@example.com"_s << u"क्\u200Dष"_s << u"example.com"_s << QString();
    QTest::newRow("non-joiner between joining letters")
        << u"می\u200Cخواهم@example.com"_s << u"می\u200Cخواهم"_s << u"example.com"_s << QString();
    QTest::newRow("right-to-left domain label")
        << u"user@مثال.example"_s << u"user"_s << u"مثال.example"_s << QString();
    QTest::newRow("German sharp s in domain") << u"user@straße.de"_s << u"user"_s << u"straße.de"_s << QString();
    QTest::newRow("IDN domain") << u"user@bücher.example"_s << u"user"_s << u"bücher.example"_s << QString();
    QTest::newRow("IDN domain as A-labels")
        << u"user@xn--bcher-kva.example"_s << u"user"_s << u"bücher.example"_s << QString();
    QTest::newRow("Japanese domain") << u"user@例え.テスト"_s << u"user"_s << u"例え.テスト"_s << QString();
    QTest::newRow("trailing dot stripped") << u"user@example.com./r"_s << u"user"_s << u"example.com"_s << u"r"_s;
    QTest::newRow("hyphen inside label") << u"user@my-server.example"_s << u"user"_s << u"my-server.example"_s
                                         << QString();
    QTest::newRow("localpart of 1023 bytes")
        << (repeated(u"a", 1023) + u"@example.com"_s) << repeated(u"a", 1023) << u"example.com"_s << QString();
    QTest::newRow("localpart of 1023 bytes of CJK")
        << (repeated(u"字", 341) + u"@example.com"_s) << repeated(u"字", 341) << u"example.com"_s << QString();
    QTest::newRow("resource of 1023 bytes")
        << (u"example.com/"_s + repeated(u"r", 1023)) << QString() << u"example.com"_s << repeated(u"r", 1023);
    QTest::newRow("label of 63 bytes") << (repeated(u"a", 63) + u".example"_s) << QString()
                                       << (repeated(u"a", 63) + u".example"_s) << QString();
    QTest::newRow("domain of 1023 bytes") << longDomain(16) << QString() << longDomain(16) << QString();
}

void tst_Jid::parsesValidJids()
{
    QFETCH(QString, input);
    QFETCH(QString, local);
    QFETCH(QString, domain);
    QFETCH(QString, resource);

    const auto parsed = Jid::parse(input);
    if (const auto *error = std::get_if<JidError>(&parsed)) {
        QFAIL(qPrintable(u"rejected: "_s + error->message));
    }
    const Jid jid = std::get<Jid>(parsed);
    QVERIFY(jid.isValid());
    QCOMPARE(jid.local(), local);
    QCOMPARE(jid.domain(), domain);
    QCOMPARE(jid.resource(), resource);
    QCOMPARE(Jid::fromString(input), jid);
}

void tst_Jid::rejectsInvalidJids_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<JidError::Kind>("kind");
    using Kind = JidError::Kind;

    QTest::newRow("empty") << QString() << Kind::Empty;
    QTest::newRow("empty localpart") << u"@example.com"_s << Kind::EmptyLocalpart;
    QTest::newRow("only @") << u"@"_s << Kind::EmptyLocalpart;
    QTest::newRow("empty domainpart") << u"user@"_s << Kind::EmptyDomainpart;
    QTest::newRow("empty domainpart with resource") << u"user@/res"_s << Kind::EmptyDomainpart;
    QTest::newRow("only resource") << u"/res"_s << Kind::EmptyDomainpart;
    QTest::newRow("only a dot") << u"user@."_s << Kind::EmptyDomainpart;
    QTest::newRow("empty resourcepart") << u"user@example.com/"_s << Kind::EmptyResourcepart;

    QTest::newRow("space in localpart") << u"us er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("tab in localpart") << u"us\ter@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("ideographic space in localpart") << u"us\u3000er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("no-break space in localpart") << u"us\u00A0er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("quote in localpart") << u"us\"er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("ampersand in localpart") << u"us&er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("apostrophe in localpart") << u"us'er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("colon in localpart") << u"us:er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("less-than in localpart") << u"us<er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("greater-than in localpart") << u"us>er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("control in localpart") << u"us\u0001er@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("symbol in localpart") << u"snow☃man@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("non-ASCII punctuation in localpart") << u"a«b@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("zero width space in localpart") << u"a\u200Bb@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("joiner out of context in localpart") << u"a\u200Db@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("middle dot out of context") << u"a·b@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("compatibility character in localpart") << u"ﬁle@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("mixed-direction localpart") << u"abcשלום@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("mixed Arabic-Indic digits") << u"ب١۱@example.com"_s << Kind::InvalidLocalpart;
    QTest::newRow("lone surrogate in localpart")
        << (QString(QChar(0xD800)) + u"@example.com"_s) << Kind::InvalidLocalpart;
    QTest::newRow("localpart of 1024 bytes") << (repeated(u"a", 1024) + u"@example.com"_s) << Kind::LocalpartTooLong;
    QTest::newRow("localpart of 1026 bytes in 342 characters")
        << (repeated(u"字", 342) + u"@example.com"_s) << Kind::LocalpartTooLong;

    QTest::newRow("space in domain") << u"user@exa mple.com"_s << Kind::InvalidDomainpart;
    QTest::newRow("second @") << u"user@host@example.com"_s << Kind::InvalidDomainpart;
    QTest::newRow("underscore in domain") << u"user@exa_mple.com"_s << Kind::InvalidDomainpart;
    QTest::newRow("leading hyphen") << u"user@-example.com"_s << Kind::InvalidDomainpart;
    QTest::newRow("trailing hyphen") << u"user@example-.com"_s << Kind::InvalidDomainpart;
    QTest::newRow("empty label") << u"user@example..com"_s << Kind::InvalidDomainpart;
    QTest::newRow("leading dot") << u"user@.example.com"_s << Kind::InvalidDomainpart;
    QTest::newRow("two trailing dots") << u"user@example.com.."_s << Kind::InvalidDomainpart;
    QTest::newRow("label of 64 bytes") << (u"user@"_s + repeated(u"a", 64) + u".example"_s) << Kind::InvalidDomainpart;
    QTest::newRow("IDN label over 63 bytes as A-label")
        << (u"user@"_s + repeated(u"ü", 60) + u".example"_s) << Kind::InvalidDomainpart;
    QTest::newRow("domain of 1087 bytes") << (u"user@"_s + longDomain(17)) << Kind::DomainpartTooLong;
    QTest::newRow("symbol in IDN") << u"user@☃.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("bad punycode") << u"user@xn--a.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("empty punycode") << u"user@xn--.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("A-label of a disallowed character") << u"user@xn--n3h.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("non-canonical A-label") << u"user@xn--bcher-kva-.example"_s << Kind::InvalidDomainpart;
    // Found by fuzz_jid: decodes to an upper-case Cherokee letter, which would not parse to itself again.
    QTest::newRow("A-label of an upper-case U-label") << u"user@xn--iqs-fiq"_s << Kind::InvalidDomainpart;
    QTest::newRow("U-label with -- at 3 and 4") << u"user@ab--ü.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("U-label starting with a combining mark") << u"user@\u0301a.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("mixed-direction domain label") << u"user@aمثال.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("non-joiner out of context in domain") << u"user@a\u200Cb.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("compatibility ligature in domain") << u"user@ﬁ.example"_s << Kind::InvalidDomainpart;
    QTest::newRow("IPv4 octet over 255") << u"user@256.0.0.1"_s << Kind::InvalidDomainpart;
    QTest::newRow("IPv4 with three octets") << u"user@192.0.2"_s << Kind::InvalidDomainpart;
    QTest::newRow("IPv4 with leading zero") << u"user@192.0.02.1"_s << Kind::InvalidDomainpart;
    QTest::newRow("unbracketed IPv6") << u"user@2001:db8::1"_s << Kind::InvalidDomainpart;
    QTest::newRow("unclosed IPv6 bracket") << u"user@[2001:db8::1"_s << Kind::InvalidDomainpart;
    QTest::newRow("bad IPv6") << u"user@[2001:db8::g]"_s << Kind::InvalidDomainpart;
    QTest::newRow("IPv6 with too many groups") << u"user@[1:2:3:4:5:6:7:8:9]"_s << Kind::InvalidDomainpart;
    QTest::newRow("IPv6 zone id") << u"user@[fe80::1%eth0]"_s << Kind::InvalidDomainpart;
    QTest::newRow("IPvFuture") << u"user@[v1.x]"_s << Kind::InvalidDomainpart;

    QTest::newRow("control in resource") << u"user@example.com/res\u0007"_s << Kind::InvalidResourcepart;
    QTest::newRow("newline in resource") << u"user@example.com/a\nb"_s << Kind::InvalidResourcepart;
    QTest::newRow("line separator in resource") << u"user@example.com/a\u2028b"_s << Kind::InvalidResourcepart;
    QTest::newRow("byte order mark in resource") << u"user@example.com/\uFEFFres"_s << Kind::InvalidResourcepart;
    QTest::newRow("private use in resource") << u"user@example.com/\uE000"_s << Kind::InvalidResourcepart;
    QTest::newRow("megabyte localpart") << (repeated(u"a", 1 << 20) + u"@example.com"_s) << Kind::LocalpartTooLong;
    QTest::newRow("megabyte domain") << (u"user@"_s + repeated(u"a", 1 << 20)) << Kind::DomainpartTooLong;
    QTest::newRow("megabyte resource") << (u"user@example.com/"_s + repeated(u"r", 1 << 20))
                                       << Kind::ResourcepartTooLong;
    QTest::newRow("resource of 1024 bytes")
        << (u"user@example.com/"_s + repeated(u"r", 1024)) << Kind::ResourcepartTooLong;
}

void tst_Jid::rejectsInvalidJids()
{
    QFETCH(QString, input);
    QFETCH(JidError::Kind, kind);

    const auto parsed = Jid::parse(input);
    if (const auto *jid = std::get_if<Jid>(&parsed)) {
        QFAIL(qPrintable(u"accepted as "_s + jid->toString()));
    }
    const auto &error = std::get<JidError>(parsed);
    QCOMPARE(error.kind, kind);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(Jid::fromString(input).isNull());
}

void tst_Jid::normalises_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("case of localpart and domain, not resource")
        << u"USER@EXAMPLE.COM/Laptop"_s << u"user@example.com/Laptop"_s;
    QTest::newRow("Cyrillic case") << u"ИВАН@Example.Com"_s << u"иван@example.com"_s;
    QTest::newRow("Greek case") << u"ΑΘΗΝΑ@example.com"_s << u"αθηνα@example.com"_s;
    QTest::newRow("fullwidth localpart and domain") << u"ＵＳＥＲ@ｅｘａｍｐｌｅ.com"_s << u"user@example.com"_s;
    QTest::newRow("halfwidth katakana localpart") << u"ｱｲｳ@example.com"_s << u"アイウ@example.com"_s;
    QTest::newRow("fullwidth resource kept") << u"user@example.com/ＲＥＳ"_s << u"user@example.com/ＲＥＳ"_s;
    QTest::newRow("NFD localpart") << u"cafe\u0301@example.com"_s << u"café@example.com"_s;
    QTest::newRow("NFD domain") << u"user@bu\u0308cher.example"_s << u"user@bücher.example"_s;
    QTest::newRow("NFD resource, case kept") << u"user@example.com/Cafe\u0301"_s << u"user@example.com/Café"_s;
    QTest::newRow("upper-case IDN") << u"user@BÜCHER.Example"_s << u"user@bücher.example"_s;
    QTest::newRow("upper-case A-label") << u"user@XN--BCHER-KVA.example"_s << u"user@bücher.example"_s;
    QTest::newRow("ideographic full stop") << u"user@例え。テスト"_s << u"user@例え.テスト"_s;
    QTest::newRow("trailing dot") << u"example.com."_s << u"example.com"_s;
    QTest::newRow("non-ASCII spaces in resource")
        << u"user@example.com/a\u00A0b\u3000c"_s << u"user@example.com/a b c"_s;
    QTest::newRow("IPv6 canonical form") << u"user@[2001:0DB8:0:0:0:0:0:1]"_s << u"user@[2001:db8::1]"_s;
}

void tst_Jid::normalises()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    const Jid jid = Jid::fromString(input);
    QVERIFY(jid.isValid());
    QCOMPARE(jid.toString(), expected);
    QCOMPARE(jid, Jid::fromString(expected));
}

void tst_Jid::equalJidsHashEqually_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    QTest::newRow("case") << u"User@Example.COM/r"_s << u"user@example.com/r"_s;
    QTest::newRow("U-label and A-label") << u"bücher.example"_s << u"xn--bcher-kva.example"_s;
    QTest::newRow("NFC and NFD") << u"café@example.com/Café"_s << u"cafe\u0301@example.com/Cafe\u0301"_s;
    QTest::newRow("fullwidth") << u"ｕｓｅｒ@example.com"_s << u"user@example.com"_s;
    QTest::newRow("trailing dot") << u"user@example.com."_s << u"user@example.com"_s;
}

void tst_Jid::equalJidsHashEqually()
{
    QFETCH(QString, a);
    QFETCH(QString, b);

    const Jid first = Jid::fromString(a);
    const Jid second = Jid::fromString(b);
    QVERIFY(first.isValid());
    QCOMPARE(first, second);
    QCOMPARE(qHash(first), qHash(second));
    QCOMPARE(qHash(first, 42), qHash(second, 42));
    QSet<Jid> set { first };
    QVERIFY(set.contains(second));
}

void tst_Jid::distinguishesResourceCase()
{
    const Jid lower = Jid::fromString(u"user@example.com/home");
    const Jid upper = Jid::fromString(u"user@example.com/Home");
    QVERIFY(lower != upper);
    QCOMPARE(lower.bare(), upper.bare());
    QVERIFY(Jid::fromString(u"a@example.com") != Jid::fromString(u"example.com"));
    QVERIFY(Jid::fromString(u"a@example.com") != Jid::fromString(u"a@example.org"));
}

void tst_Jid::bareDropsResource()
{
    const Jid full = Jid::fromString(u"user@example.com/laptop");
    const Jid bare = full.bare();
    QCOMPARE(bare.toString(), u"user@example.com"_s);
    QVERIFY(bare.isBare());
    QVERIFY(!bare.isFull());
    QCOMPARE(bare, Jid::fromString(u"user@example.com"));
    QCOMPARE(full.bareString(), u"user@example.com"_s);
    QCOMPARE(bare.bare(), bare);
}

void tst_Jid::withResourceReplacesResource()
{
    const Jid full = Jid::fromString(u"user@example.com/laptop");
    QCOMPARE(full.withResource(u"phone").toString(), u"user@example.com/phone"_s);
    QCOMPARE(full.withResource(u"Cafe\u0301").resource(), u"Café"_s);
    QCOMPARE(full.withResource(u"a\u3000b").resource(), u"a b"_s);
    QCOMPARE(full.withResource(u""), full.bare());
    QVERIFY(full.withResource(QString(u"bad"_s + QChar(0) + u"res"_s)).isNull());
    QVERIFY(full.withResource(repeated(u"r", 1024)).isNull());
    QVERIFY(Jid().withResource(u"res").isNull());
}

void tst_Jid::kindPredicates()
{
    const Jid domain = Jid::fromString(u"example.com");
    QVERIFY(domain.isDomain());
    QVERIFY(domain.isBare());
    QVERIFY(!domain.isFull());

    const Jid full = Jid::fromString(u"user@example.com/r");
    QVERIFY(full.isFull());
    QVERIFY(!full.isBare());
    QVERIFY(!full.isDomain());

    const Jid domainResource = Jid::fromString(u"example.com/r");
    QVERIFY(domainResource.isFull());
    QVERIFY(!domainResource.isDomain());
}

void tst_Jid::fromPartsChecksEachPart()
{
    const Jid jid = Jid::fromParts(u"User", u"Example.com", u"Res");
    QCOMPARE(jid.toString(), u"user@example.com/Res"_s);
    QCOMPARE(Jid::fromParts(u"", u"example.com"), Jid::fromString(u"example.com"));
    QCOMPARE(Jid::fromParts(u"user", u"bücher.example"), Jid::fromString(u"user@xn--bcher-kva.example"));
    // Parts are taken as they are: '@' and '/' inside a part are not separators.
    QVERIFY(Jid::fromParts(u"us@er", u"example.com").isNull());
    QCOMPARE(Jid::fromParts(u"user", u"example.com", u"a/b@c").resource(), u"a/b@c"_s);
    QVERIFY(Jid::fromParts(u"user", u"").isNull());
    QVERIFY(Jid::fromParts(u"user", u"exa mple.com").isNull());
    QVERIFY(Jid::fromParts(u"user", u"example.com", u"\u0001").isNull());
}

void tst_Jid::domainAceGivesALabels()
{
    QCOMPARE(Jid::fromString(u"user@bücher.example").domainAce(), u"xn--bcher-kva.example"_s);
    QCOMPARE(Jid::fromString(u"user@例え.テスト").domainAce(), u"xn--r8jz45g.xn--zckzah"_s);
    QCOMPARE(Jid::fromString(u"user@example.com").domainAce(), u"example.com"_s);
    // IDNA2008, not the transitional IDNA2003 mapping of ß to "ss".
    QCOMPARE(Jid::fromString(u"user@straße.de").domainAce(), u"xn--strae-oqa.de"_s);
    QCOMPARE(Jid::fromString(u"user@192.0.2.1").domainAce(), u"192.0.2.1"_s);
    QCOMPARE(Jid::fromString(u"user@[2001:db8::1]").domainAce(), u"2001:db8::1"_s);
}

void tst_Jid::toStringRoundTrips()
{
    for (const QString &text : { u"user@example.com"_s, u"example.com"_s, u"example.com/r"_s,
             u"user@example.com/a@b/c"_s, u"张三@bücher.example/電話"_s, u"user@[::1]/x"_s }) {
        const Jid jid = Jid::fromString(text);
        QVERIFY2(jid.isValid(), qPrintable(text));
        QCOMPARE(jid.toString(), text);
        QCOMPARE(Jid::fromString(jid.toString()), jid);
    }
}

void tst_Jid::nullJidIsEmpty()
{
    const Jid jid;
    QVERIFY(jid.isNull());
    QVERIFY(!jid.isValid());
    QVERIFY(!jid.isBare());
    QVERIFY(!jid.isFull());
    QVERIFY(!jid.isDomain());
    QVERIFY(jid.toString().isEmpty());
    QVERIFY(jid.bareString().isEmpty());
    QCOMPARE(jid, Jid::fromString(u"@"));
}

void tst_Jid::travelsInQVariant()
{
    const Jid jid = Jid::fromString(u"user@example.com/r");
    const QVariant variant = QVariant::fromValue(jid);
    QCOMPARE(variant.value<Jid>(), jid);
}

QTEST_GUILESS_MAIN(tst_Jid)
#include "tst_Jid.moc"
