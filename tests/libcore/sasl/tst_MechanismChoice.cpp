// SPDX-License-Identifier: Apache-2.0
#include "sasl/MechanismChoice.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab::sasl;

namespace {

const QByteArray EndPoint = "tls-server-end-point"_ba;
const QByteArray Unique = "tls-unique"_ba;
const QByteArray Exporter = "tls-exporter"_ba;

} // namespace

class tst_MechanismChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choosesByTheRules_data();
    void choosesByTheRules();
};

void tst_MechanismChoice::choosesByTheRules_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArrayList>("clientBindings");
    QTest::addColumn<bool>("serverListsBindings"); ///< XEP-0440 <sasl-channel-binding/> present
    QTest::addColumn<QByteArrayList>("serverBindings");
    QTest::addColumn<QString>("expected"); ///< empty: nothing acceptable
    QTest::addColumn<QByteArray>("expectedBinding");
    QTest::addColumn<char>("expectedFlag");

    const QByteArrayList none;
    const QByteArrayList endPoint { EndPoint };

    // PLAIN: only over TLS, and only when no SCRAM is offered.
    QTest::newRow("PLAIN refused without TLS")
        << QStringList { u"PLAIN"_s } << false << none << false << none << QString() << QByteArray() << 'n';
    QTest::newRow("PLAIN refused without TLS even if the client could bind")
        << QStringList { u"PLAIN"_s } << false << endPoint << true << endPoint << QString() << QByteArray() << 'n';
    QTest::newRow("PLAIN over TLS") << QStringList { u"PLAIN"_s } << true << endPoint << false << none << u"PLAIN"_s
                                    << QByteArray() << 'n';
    QTest::newRow("SCRAM preferred to PLAIN") << QStringList { u"PLAIN"_s, u"SCRAM-SHA-1"_s } << true << none << false
                                              << none << u"SCRAM-SHA-1"_s << QByteArray() << 'n';

    // The strongest SCRAM wins.
    QTest::newRow("SHA-512 strongest") << QStringList { u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s, u"SCRAM-SHA-512"_s,
        u"PLAIN"_s } << true << none << false
                                       << none << u"SCRAM-SHA-512"_s << QByteArray() << 'n';
    QTest::newRow("SHA-256 over SHA-1") << QStringList { u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s } << true << none << false
                                        << none << u"SCRAM-SHA-256"_s << QByteArray() << 'n';
    QTest::newRow("SCRAM without TLS cannot bind") << QStringList { u"SCRAM-SHA-1"_s } << false << endPoint << false
                                                   << none << u"SCRAM-SHA-1"_s << QByteArray() << 'n';

    // -PLUS needs TLS and a channel-binding type both sides support.
    QTest::newRow("-PLUS with a common type")
        << QStringList { u"SCRAM-SHA-256-PLUS"_s, u"SCRAM-SHA-256"_s, u"PLAIN"_s } << true << endPoint << true
        << QByteArrayList { Unique, EndPoint } << u"SCRAM-SHA-256-PLUS"_s << EndPoint << 'p';
    QTest::newRow("strongest -PLUS") << QStringList { u"SCRAM-SHA-1-PLUS"_s, u"SCRAM-SHA-512-PLUS"_s,
        u"SCRAM-SHA-256-PLUS"_s, u"SCRAM-SHA-512"_s }
                                     << true << endPoint << true << endPoint << u"SCRAM-SHA-512-PLUS"_s << EndPoint
                                     << 'p';
    QTest::newRow("weaker -PLUS beats stronger plain SCRAM")
        << QStringList { u"SCRAM-SHA-512"_s, u"SCRAM-SHA-1-PLUS"_s } << true << endPoint << true << endPoint
        << u"SCRAM-SHA-1-PLUS"_s << EndPoint << 'p';
    QTest::newRow("client's preferred common type")
        << QStringList { u"SCRAM-SHA-256-PLUS"_s } << true << QByteArrayList { Exporter, EndPoint } << true
        << QByteArrayList { EndPoint, Exporter } << u"SCRAM-SHA-256-PLUS"_s << Exporter << 'p';
    QTest::newRow("-PLUS never without TLS")
        << QStringList { u"SCRAM-SHA-256-PLUS"_s, u"SCRAM-SHA-256"_s } << false << endPoint << true << endPoint
        << u"SCRAM-SHA-256"_s << QByteArray() << 'n';
    QTest::newRow("only -PLUS offered, but without TLS") << QStringList { u"SCRAM-SHA-256-PLUS"_s } << false << endPoint
                                                         << true << endPoint << QString() << QByteArray() << 'n';

    // The GS2 flag when not binding (RFC 5802 §6, XEP-0440).
    QTest::newRow("y: we can bind, server offers no -PLUS (Prosody on TLS 1.3)")
        << QStringList { u"SCRAM-SHA-1"_s, u"PLAIN"_s } << true << endPoint << false << none << u"SCRAM-SHA-1"_s
        << QByteArray() << 'y';
    QTest::newRow("y: server lists types but its -PLUS were stripped")
        << QStringList { u"SCRAM-SHA-256"_s } << true << endPoint << true << endPoint << u"SCRAM-SHA-256"_s
        << QByteArray() << 'y';
    QTest::newRow("n: -PLUS offered without XEP-0440 (Prosody on TLS 1.2)")
        << QStringList { u"SCRAM-SHA-1-PLUS"_s, u"SCRAM-SHA-1"_s } << true << endPoint << false << none
        << u"SCRAM-SHA-1"_s << QByteArray() << 'n';
    QTest::newRow("n: -PLUS offered, no common type (ejabberd's tls-unique)")
        << QStringList { u"PLAIN"_s, u"SCRAM-SHA-256-PLUS"_s, u"SCRAM-SHA-256"_s } << true << endPoint << true
        << QByteArrayList { Unique } << u"SCRAM-SHA-256"_s << QByteArray() << 'n';
    QTest::newRow("n: we cannot bind, server offers -PLUS")
        << QStringList { u"SCRAM-SHA-256-PLUS"_s, u"SCRAM-SHA-256"_s } << true << none << true << endPoint
        << u"SCRAM-SHA-256"_s << QByteArray() << 'n';
    QTest::newRow("n: we cannot bind, server offers no -PLUS")
        << QStringList { u"SCRAM-SHA-256"_s } << true << none << false << none << u"SCRAM-SHA-256"_s << QByteArray()
        << 'n';

    // Nothing acceptable.
    QTest::newRow("only -PLUS offered, no common type")
        << QStringList { u"SCRAM-SHA-256-PLUS"_s } << true << endPoint << true << QByteArrayList { Unique } << QString()
        << QByteArray() << 'n';
    QTest::newRow("only -PLUS offered, no XEP-0440") << QStringList { u"SCRAM-SHA-1-PLUS"_s } << true << endPoint
                                                     << false << none << QString() << QByteArray() << 'n';
    QTest::newRow("unknown mechanisms only")
        << QStringList { u"DIGEST-MD5"_s, u"CRAM-MD5"_s, u"X-OAUTH2"_s, u"ANONYMOUS"_s } << true << endPoint << false
        << none << QString() << QByteArray() << 'n';
    QTest::newRow("names are case-sensitive") << QStringList { u"scram-sha-1"_s, u"plain"_s } << true << none << false
                                              << none << QString() << QByteArray() << 'n';
    QTest::newRow("nothing offered") << QStringList() << true << endPoint << false << none << QString() << QByteArray()
                                     << 'n';
    QTest::newRow("unknown ones skipped") << QStringList { u"DIGEST-MD5"_s, u"SCRAM-SHA-1"_s } << true << none << false
                                          << none << u"SCRAM-SHA-1"_s << QByteArray() << 'n';
}

void tst_MechanismChoice::choosesByTheRules()
{
    QFETCH(QStringList, offered);
    QFETCH(bool, tls);
    QFETCH(QByteArrayList, clientBindings);
    QFETCH(bool, serverListsBindings);
    QFETCH(QByteArrayList, serverBindings);
    QFETCH(QString, expected);
    QFETCH(QByteArray, expectedBinding);
    QFETCH(char, expectedFlag);

    ChoiceContext context;
    context.tlsActive = tls;
    context.clientChannelBindings = clientBindings;
    if (serverListsBindings) {
        context.serverChannelBindings = serverBindings;
    }
    const std::optional<Choice> choice = chooseMechanism(offered, context);
    if (expected.isEmpty()) {
        QVERIFY2(!choice, choice ? qPrintable(mechanismName(choice->mechanism)) : "");
        return;
    }
    QVERIFY(choice.has_value());
    QCOMPARE(mechanismName(choice->mechanism), expected);
    QCOMPARE(choice->channelBindingType, expectedBinding);
    QCOMPARE(choice->gs2Flag, expectedFlag);
}

QTEST_GUILESS_MAIN(tst_MechanismChoice)
#include "tst_MechanismChoice.moc"
