// SPDX-License-Identifier: Apache-2.0
#include "sasl/PlainMessage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using confab::sasl::plainMessage;

class tst_PlainMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framesAuthcidAndPassword_data();
    void framesAuthcidAndPassword();
    void refusesUnsendableInput_data();
    void refusesUnsendableInput();
};

void tst_PlainMessage::framesAuthcidAndPassword_data()
{
    QTest::addColumn<QString>("authcid");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArray>("expected");

    // RFC 4616 §4 example, without its authzid.
    QTest::newRow("RFC 4616") << u"tim"_s << u"tanstaaftanstaaf"_s << QByteArray("\0tim\0tanstaaftanstaaf", 21);
    QTest::newRow("UTF-8") << u"张三"_s << u"pässwörd"_s
                           << QByteArray("\0\xE5\xBC\xA0\xE4\xB8\x89\0p\xC3\xA4ssw\xC3\xB6rd", 18);
    QTest::newRow("non-ASCII space mapped") << u"user"_s << u"a\u00A0b"_s << QByteArray("\0user\0a b", 9);
    QTest::newRow("NFD password composed") << u"user"_s << u"e\u0301"_s << QByteArray("\0user\0\xC3\xA9", 8);
}

void tst_PlainMessage::framesAuthcidAndPassword()
{
    QFETCH(QString, authcid);
    QFETCH(QString, password);
    QFETCH(QByteArray, expected);

    QCOMPARE(plainMessage(authcid, password), expected);
}

void tst_PlainMessage::refusesUnsendableInput_data()
{
    QTest::addColumn<QString>("authcid");
    QTest::addColumn<QString>("password");

    QTest::newRow("empty authcid") << QString() << u"pencil"_s;
    QTest::newRow("empty password") << u"user"_s << QString();
    QTest::newRow("NUL in authcid") << QString(u"us"_s + QChar(0) + u"er"_s) << u"pencil"_s;
    QTest::newRow("NUL in password") << u"user"_s << QString(u"pen"_s + QChar(0) + u"cil"_s);
}

void tst_PlainMessage::refusesUnsendableInput()
{
    QFETCH(QString, authcid);
    QFETCH(QString, password);

    QVERIFY(plainMessage(authcid, password).isEmpty());
}

QTEST_GUILESS_MAIN(tst_PlainMessage)
#include "tst_PlainMessage.moc"
