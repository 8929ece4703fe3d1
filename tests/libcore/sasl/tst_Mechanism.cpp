// SPDX-License-Identifier: Apache-2.0
#include "sasl/Mechanism.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab::sasl;

Q_DECLARE_METATYPE(confab::sasl::Mechanism)
Q_DECLARE_METATYPE(QCryptographicHash::Algorithm)

class tst_Mechanism : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip_data();
    void namesRoundTrip();
    void unknownNamesAreNotMechanisms();
};

void tst_Mechanism::namesRoundTrip_data()
{
    QTest::addColumn<Mechanism>("mechanism");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("plus");
    QTest::addColumn<int>("hash"); ///< -1 for none

    QTest::newRow("PLAIN") << Mechanism::Plain << u"PLAIN"_s << false << -1;
    QTest::newRow("SCRAM-SHA-1") << Mechanism::ScramSha1 << u"SCRAM-SHA-1"_s << false << int(QCryptographicHash::Sha1);
    QTest::newRow("SCRAM-SHA-1-PLUS") << Mechanism::ScramSha1Plus << u"SCRAM-SHA-1-PLUS"_s << true
                                      << int(QCryptographicHash::Sha1);
    QTest::newRow("SCRAM-SHA-256") << Mechanism::ScramSha256 << u"SCRAM-SHA-256"_s << false
                                   << int(QCryptographicHash::Sha256);
    QTest::newRow("SCRAM-SHA-256-PLUS") << Mechanism::ScramSha256Plus << u"SCRAM-SHA-256-PLUS"_s << true
                                        << int(QCryptographicHash::Sha256);
    QTest::newRow("SCRAM-SHA-512") << Mechanism::ScramSha512 << u"SCRAM-SHA-512"_s << false
                                   << int(QCryptographicHash::Sha512);
    QTest::newRow("SCRAM-SHA-512-PLUS") << Mechanism::ScramSha512Plus << u"SCRAM-SHA-512-PLUS"_s << true
                                        << int(QCryptographicHash::Sha512);
}

void tst_Mechanism::namesRoundTrip()
{
    QFETCH(Mechanism, mechanism);
    QFETCH(QString, name);
    QFETCH(bool, plus);
    QFETCH(int, hash);

    QCOMPARE(mechanismName(mechanism), name);
    QCOMPARE(mechanismFromName(name), mechanism);
    QCOMPARE(usesChannelBinding(mechanism), plus);
    const auto scram = scramHash(mechanism);
    QCOMPARE(scram ? int(*scram) : -1, hash);
}

void tst_Mechanism::unknownNamesAreNotMechanisms()
{
    QCOMPARE(mechanismFromName(u"DIGEST-MD5"), std::nullopt);
    QCOMPARE(mechanismFromName(u"scram-sha-1"), std::nullopt);
    QCOMPARE(mechanismFromName(u"SCRAM-SHA-1 "), std::nullopt);
    QCOMPARE(mechanismFromName(u""), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_Mechanism)
#include "tst_Mechanism.moc"
