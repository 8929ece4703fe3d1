// SPDX-License-Identifier: Apache-2.0
#include "platform/XmppUri.h"

#include <QTest>

using namespace Qt::StringLiterals;
using confab::Jid;
using confab::XmppUri;

Q_DECLARE_METATYPE(confab::XmppUri::Action)

using Parameters = QList<QPair<QString, QString>>;

class tst_XmppUri : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidUris_data();
    void parsesValidUris();
    void rejectsInvalidUris_data();
    void rejectsInvalidUris();
    void authorityNamesTheAccount_data();
    void authorityNamesTheAccount();
    void repeatedKeysStayRepeated();
    void recognisesTheScheme_data();
    void recognisesTheScheme();
};

void tst_XmppUri::parsesValidUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("target");
    QTest::addColumn<XmppUri::Action>("action");
    QTest::addColumn<QString>("queryType");
    QTest::addColumn<Parameters>("parameters");

    // RFC 5122 §2.3 and §2.5 examples, and the querytypes registry (XEP-0147).
    QTest::newRow("bare") << u"xmpp:romeo@montague.net"_s << u"romeo@montague.net"_s << XmppUri::Action::None
                          << QString() << Parameters {};
    QTest::newRow("domain only") << u"xmpp:montague.net"_s << u"montague.net"_s << XmppUri::Action::None << QString()
                                 << Parameters {};
    QTest::newRow("with resource") << u"xmpp:romeo@montague.net/orchard"_s << u"romeo@montague.net/orchard"_s
                                   << XmppUri::Action::None << QString() << Parameters {};
    QTest::newRow("message") << u"xmpp:romeo@montague.net?message"_s << u"romeo@montague.net"_s
                             << XmppUri::Action::Message << u"message"_s << Parameters {};
    QTest::newRow("message with body") << u"xmpp:romeo@montague.net?message;body=Here%27s%20a%20test%20message"_s
                                       << u"romeo@montague.net"_s << XmppUri::Action::Message << u"message"_s
                                       << Parameters { { u"body"_s, u"Here's a test message"_s } };
    QTest::newRow("message subject and body")
        << u"xmpp:romeo@montague.net?message;subject=Test%20Message;body=Here%27s%20a%20test%20message"_s
        << u"romeo@montague.net"_s << XmppUri::Action::Message << u"message"_s
        << Parameters { { u"subject"_s, u"Test Message"_s }, { u"body"_s, u"Here's a test message"_s } };
    QTest::newRow("encoded ; and = in a value")
        << u"xmpp:romeo@montague.net?message;body=a%3Bb%3Dc"_s << u"romeo@montague.net"_s << XmppUri::Action::Message
        << u"message"_s << Parameters { { u"body"_s, u"a;b=c"_s } };
    QTest::newRow("plus is not a space") << u"xmpp:romeo@montague.net?message;body=1+1"_s << u"romeo@montague.net"_s
                                         << XmppUri::Action::Message << u"message"_s
                                         << Parameters { { u"body"_s, u"1+1"_s } };
    QTest::newRow("roster with name and group")
        << u"xmpp:romeo@montague.net?roster;name=Romeo%20Montague;group=Friends"_s << u"romeo@montague.net"_s
        << XmppUri::Action::Roster << u"roster"_s
        << Parameters { { u"name"_s, u"Romeo Montague"_s }, { u"group"_s, u"Friends"_s } };
    QTest::newRow("subscribe") << u"xmpp:romeo@montague.net?subscribe"_s << u"romeo@montague.net"_s
                               << XmppUri::Action::Subscribe << u"subscribe"_s << Parameters {};
    QTest::newRow("unsubscribe") << u"xmpp:romeo@montague.net?unsubscribe"_s << u"romeo@montague.net"_s
                                 << XmppUri::Action::Unsubscribe << u"unsubscribe"_s << Parameters {};
    QTest::newRow("remove") << u"xmpp:romeo@montague.net?remove"_s << u"romeo@montague.net"_s << XmppUri::Action::Remove
                            << u"remove"_s << Parameters {};
    QTest::newRow("join") << u"xmpp:darkcave@chat.shakespeare.lit?join"_s << u"darkcave@chat.shakespeare.lit"_s
                          << XmppUri::Action::Join << u"join"_s << Parameters {};
    QTest::newRow("unknown query type") << u"xmpp:pubsub.example.com?pubsub;action=subscribe;node=x"_s
                                        << u"pubsub.example.com"_s << XmppUri::Action::Other << u"pubsub"_s
                                        << Parameters { { u"action"_s, u"subscribe"_s }, { u"node"_s, u"x"_s } };
    QTest::newRow("key without value") << u"xmpp:romeo@montague.net?message;body"_s << u"romeo@montague.net"_s
                                       << XmppUri::Action::Message << u"message"_s
                                       << Parameters { { u"body"_s, u""_s } };
    QTest::newRow("empty pair skipped") << u"xmpp:romeo@montague.net?message;;body=x;"_s << u"romeo@montague.net"_s
                                        << XmppUri::Action::Message << u"message"_s
                                        << Parameters { { u"body"_s, u"x"_s } };
    QTest::newRow("fragment ignored") << u"xmpp:romeo@montague.net?message#top"_s << u"romeo@montague.net"_s
                                      << XmppUri::Action::Message << u"message"_s << Parameters {};
    QTest::newRow("scheme in capitals") << u"XMPP:Romeo@Montague.net"_s << u"romeo@montague.net"_s
                                        << XmppUri::Action::None << QString() << Parameters {};
    QTest::newRow("surrounding whitespace") << u"  xmpp:romeo@montague.net\n"_s << u"romeo@montague.net"_s
                                            << XmppUri::Action::None << QString() << Parameters {};
    // §2.7: an IRI carries non-ASCII characters as they are; its URI form percent-encodes their UTF-8.
    QTest::newRow("IRI Chinese localpart") << u"xmpp:张三@example.com?message"_s << u"张三@example.com"_s
                                           << XmppUri::Action::Message << u"message"_s << Parameters {};
    QTest::newRow("URI Chinese localpart") << u"xmpp:%E5%BC%A0%E4%B8%89@example.com?message"_s << u"张三@example.com"_s
                                           << XmppUri::Action::Message << u"message"_s << Parameters {};
    QTest::newRow("IRI Chinese body") << u"xmpp:li@example.com?message;body=你好"_s << u"li@example.com"_s
                                      << XmppUri::Action::Message << u"message"_s
                                      << Parameters { { u"body"_s, u"你好"_s } };
    QTest::newRow("IRI domain") << u"xmpp:user@例子.测试"_s << u"user@例子.测试"_s << XmppUri::Action::None << QString()
                                << Parameters {};
    QTest::newRow("encoded resource with slash")
        << u"xmpp:romeo@montague.net/garden%2Fwest"_s << u"romeo@montague.net/garden/west"_s << XmppUri::Action::None
        << QString() << Parameters {};
    QTest::newRow("RFC 5122 §2.8 encoded localpart")
        << u"xmpp:nasty!%23$%25()*+,-.;=%3F%5B%5C%5D%5E_%60%7B%7C%7D~node@example.com"_s
        << u"nasty!#$%()*+,-.;=?[\\]^_`{|}~node@example.com"_s << XmppUri::Action::None << QString() << Parameters {};
}

void tst_XmppUri::parsesValidUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, target);
    QFETCH(XmppUri::Action, action);
    QFETCH(QString, queryType);
    QFETCH(Parameters, parameters);

    const XmppUri parsed = XmppUri::parse(uri);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QVERIFY(parsed.errorString().isEmpty());
    QCOMPARE(parsed.target(), Jid::fromString(target));
    QCOMPARE(parsed.target().toString(), target);
    QCOMPARE(parsed.action(), action);
    QCOMPARE(parsed.queryType(), queryType);
    QCOMPARE(parsed.parameters(), parameters);
    QVERIFY(parsed.account().isNull());
}

void tst_XmppUri::rejectsInvalidUris_data()
{
    QTest::addColumn<QString>("uri");

    QTest::newRow("empty") << QString();
    QTest::newRow("other scheme") << u"mailto:romeo@montague.net"_s;
    QTest::newRow("no scheme") << u"romeo@montague.net"_s;
    QTest::newRow("scheme only") << u"xmpp:"_s;
    QTest::newRow("query only") << u"xmpp:?message"_s;
    QTest::newRow("empty localpart") << u"xmpp:@montague.net"_s;
    QTest::newRow("empty domain") << u"xmpp:romeo@"_s;
    QTest::newRow("empty resource") << u"xmpp:romeo@montague.net/"_s;
    QTest::newRow("empty query type") << u"xmpp:romeo@montague.net?"_s;
    QTest::newRow("pair without key") << u"xmpp:romeo@montague.net?message;=x"_s;
    QTest::newRow("broken percent") << u"xmpp:romeo%2@montague.net"_s;
    QTest::newRow("percent not hex") << u"xmpp:romeo@montague.net?message;body=%zz"_s;
    QTest::newRow("not UTF-8") << u"xmpp:romeo%FF@montague.net"_s;
    QTest::newRow("encoded @ in localpart") << u"xmpp:ro%40meo@montague.net"_s;
    QTest::newRow("space in domain") << u"xmpp:romeo@monta gue.net"_s;
    QTest::newRow("authority without target") << u"xmpp://guest@example.com"_s;
    QTest::newRow("authority with empty target") << u"xmpp://guest@example.com/"_s;
    QTest::newRow("authority without user") << u"xmpp://example.com/romeo@montague.net"_s;
    QTest::newRow("authority with bad target") << u"xmpp://guest@example.com/@montague.net"_s;
}

void tst_XmppUri::rejectsInvalidUris()
{
    QFETCH(QString, uri);
    const XmppUri parsed = XmppUri::parse(uri);
    QVERIFY(!parsed.isValid());
    QVERIFY(!parsed.errorString().isEmpty());
    QVERIFY(parsed.target().isNull());
    QCOMPARE(parsed.action(), XmppUri::Action::None);
}

void tst_XmppUri::authorityNamesTheAccount_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("target");
    QTest::addColumn<XmppUri::Action>("action");

    // RFC 5122 §2.3: "xmpp://guest@example.com/support@example.com?message" — the authority is the account
    // to send from, the path the contact.
    QTest::newRow("RFC example") << u"xmpp://guest@example.com/support@example.com?message"_s << u"guest@example.com"_s
                                 << u"support@example.com"_s << XmppUri::Action::Message;
    QTest::newRow("no query") << u"xmpp://guest@example.com/support@example.com"_s << u"guest@example.com"_s
                              << u"support@example.com"_s << XmppUri::Action::None;
    QTest::newRow("target with resource")
        << u"xmpp://guest@example.com/romeo@montague.net/orchard?message"_s << u"guest@example.com"_s
        << u"romeo@montague.net/orchard"_s << XmppUri::Action::Message;
}

void tst_XmppUri::authorityNamesTheAccount()
{
    QFETCH(QString, uri);
    QFETCH(QString, account);
    QFETCH(QString, target);
    QFETCH(XmppUri::Action, action);

    const XmppUri parsed = XmppUri::parse(uri);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.account().toString(), account);
    QCOMPARE(parsed.target().toString(), target);
    QCOMPARE(parsed.action(), action);
}

void tst_XmppUri::repeatedKeysStayRepeated()
{
    const XmppUri parsed = XmppUri::parse(u"xmpp:romeo@montague.net?roster;name=Romeo;group=Friends;group=Verona"_s);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.action(), XmppUri::Action::Roster);
    QCOMPARE(parsed.parameter(u"name"_s), u"Romeo"_s);
    QCOMPARE(parsed.parameter(u"group"_s), u"Friends"_s);
    QCOMPARE(parsed.parameters(u"group"_s), QStringList({ u"Friends"_s, u"Verona"_s }));
    QVERIFY(parsed.parameter(u"body"_s).isNull());
    QVERIFY(parsed.parameters(u"body"_s).isEmpty());
}

void tst_XmppUri::recognisesTheScheme_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("xmpp");
    QTest::newRow("xmpp") << u"xmpp:a@b"_s << true;
    QTest::newRow("XMPP") << u"XMPP:a@b"_s << true;
    QTest::newRow("https") << u"https://example.com"_s << false;
    QTest::newRow("option") << u"--profile"_s << false;
    QTest::newRow("xmpps") << u"xmpps:a@b"_s << false;
}

void tst_XmppUri::recognisesTheScheme()
{
    QFETCH(QString, text);
    QFETCH(bool, xmpp);
    QCOMPARE(XmppUri::hasXmppScheme(text), xmpp);
}

QTEST_GUILESS_MAIN(tst_XmppUri)
#include "tst_XmppUri.moc"
