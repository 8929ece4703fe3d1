// SPDX-License-Identifier: Apache-2.0
// Every way a connection can fail has its own sentence, and the conditions a person can act on (a disabled
// account, a taken name, a replaced session) are told apart from the general case.
#include "account/ConnectionErrorText.h"
#include "stream/ConnectionError.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

class ConnectionErrorTextTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachKindHasItsOwnSentence();
    void conditionsRefineTheSentence_data();
    void conditionsRefineTheSentence();
    void cleanLogoutSaysNothing();

private:
    static QString textFor(ConnectionError::Kind kind, const QString &condition = {})
    {
        ConnectionError error;
        error.kind = kind;
        error.condition = condition;
        error.message = u"libcore's own line"_s;
        return ui::connectionErrorText(error);
    }
};

void ConnectionErrorTextTest::eachKindHasItsOwnSentence()
{
    using Kind = ConnectionError::Kind;
    const QList<Kind> kinds = { Kind::HostNotFound, Kind::ConnectionFailed, Kind::ConnectionLost, Kind::TlsUnavailable,
        Kind::CertificateRefused, Kind::TlsFailed, Kind::PlaintextRefused, Kind::AuthenticationFailed,
        Kind::NoSuitableMechanism, Kind::RegistrationFailed, Kind::StreamError, Kind::ProtocolError, Kind::Timeout };
    QSet<QString> seen;
    for (Kind kind : kinds) {
        const QString text = textFor(kind);
        QVERIFY2(!text.isEmpty(), qPrintable(QString::number(int(kind))));
        QVERIFY2(text != u"libcore's own line"_s, qPrintable(QString::number(int(kind))));
        QVERIFY2(text.endsWith(u'.'), qPrintable(text)); // a sentence
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.insert(text);
    }
}

void ConnectionErrorTextTest::conditionsRefineTheSentence_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("expected");
    using Kind = ConnectionError::Kind;
    QTest::newRow("wrong password") << int(Kind::AuthenticationFailed) << u"not-authorized"_s << u"password is wrong"_s;
    QTest::newRow("disabled") << int(Kind::AuthenticationFailed) << u"account-disabled"_s << u"disabled"_s;
    QTest::newRow("expired") << int(Kind::AuthenticationFailed) << u"credentials-expired"_s << u"expired"_s;
    QTest::newRow("try later") << int(Kind::AuthenticationFailed) << u"temporary-auth-failure"_s << u"Try again"_s;
    QTest::newRow("taken") << int(Kind::RegistrationFailed) << u"conflict"_s << u"already exists"_s;
    QTest::newRow("no registration") << int(Kind::RegistrationFailed) << u"not-allowed"_s
                                     << u"does not allow creating accounts"_s;
    QTest::newRow("more fields") << int(Kind::RegistrationFailed) << u"not-acceptable"_s << u"website"_s;
    QTest::newRow("replaced") << int(Kind::StreamError) << u"conflict"_s << u"same device name"_s;
    QTest::newRow("shutdown") << int(Kind::StreamError) << u"system-shutdown"_s << u"shutting down"_s;
    QTest::newRow("password changed") << int(Kind::StreamError) << u"not-authorized"_s
                                      << u"password may have been changed"_s;
    QTest::newRow("other stream error") << int(Kind::StreamError) << u"undefined-condition"_s
                                        << u"(undefined-condition)"_s;
}

void ConnectionErrorTextTest::conditionsRefineTheSentence()
{
    QFETCH(int, kind);
    QFETCH(QString, condition);
    QFETCH(QString, expected);
    const QString text = textFor(ConnectionError::Kind(kind), condition);
    QVERIFY2(text.contains(expected), qPrintable(text));
    if (!condition.isEmpty() && expected != u"password is wrong") {
        QVERIFY(text != textFor(ConnectionError::Kind(kind), u"something-else"_s));
    }
}

void ConnectionErrorTextTest::cleanLogoutSaysNothing()
{
    QCOMPARE(ui::connectionErrorText(ConnectionError {}), QString());
}

QTEST_GUILESS_MAIN(ConnectionErrorTextTest)
#include "tst_ConnectionErrorText.moc"
