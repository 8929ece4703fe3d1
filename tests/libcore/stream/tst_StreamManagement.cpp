// SPDX-License-Identifier: Apache-2.0
// XEP-0198 arithmetic without I/O: what is counted, which handles an <a h=.../> acknowledges, h wrapping at
// 2^32 (§4), an h acknowledging more than was sent, and what is handed back for resending.
#include "stream/StreamManagement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using confab::StreamManagement;
using confab::XmlElement;

namespace {

XmlElement message(const QString &body)
{
    XmlElement m(u"message"_s, u"jabber:client"_s);
    m.appendTextChild(u"body"_s, body);
    return m;
}

QList<quint64> handlesOf(const QList<StreamManagement::Pending> &pending)
{
    QList<quint64> handles;
    for (const StreamManagement::Pending &p : pending) {
        handles.append(p.handle);
    }
    return handles;
}

// The acknowledged handles, or a test failure message when acknowledge() refused h.
QList<quint64> acked(StreamManagement &sm, quint32 h)
{
    auto result = sm.acknowledge(h);
    if (const auto *error = std::get_if<QString>(&result)) {
        qWarning("acknowledge(%u) refused: %s", h, qPrintable(*error));
        return { quint64(-1) };
    }
    return std::get<QList<quint64>>(result);
}

bool refuses(StreamManagement &sm, quint32 h)
{
    return std::holds_alternative<QString>(sm.acknowledge(h));
}

} // namespace

class tst_StreamManagement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsNothingBeforeEnable();
    void countsFromEnableEvenBeforeEnabledArrives();
    void enableRequestedStartsAFreshCount();
    void acknowledgeReturnsTheHandlesInOrder_data();
    void acknowledgeReturnsTheHandlesInOrder();
    void repeatedHAcknowledgesNothing();
    void hBeyondWhatWasSentIsAnError_data();
    void hBeyondWhatWasSentIsAnError();
    void hWrapsPast2To32_data();
    void hWrapsPast2To32();
    void inboundCountWrapsPast2To32();
    void takeUnackedForResendRewindsSoResentStanzasAreCountedAgain();
    void enableFailedReturnsTheQueueAndStopsCounting();
    void canResumeNeedsEnabledResumableAndAnId_data();
    void canResumeNeedsEnabledResumableAndAnId();
    void forgetResumptionKeepsTheUnackedQueue();
    void resetForgetsEverything();
};

void tst_StreamManagement::countsNothingBeforeEnable()
{
    StreamManagement sm;
    QVERIFY(!sm.isActive());
    sm.stanzaSent(1, message(u"a"_s));
    QCOMPARE(sm.unackedCount(), 0);
    // Nothing was counted, so any h > 0 acknowledges stanzas never sent.
    QVERIFY(refuses(sm, 1));
}

void tst_StreamManagement::countsFromEnableEvenBeforeEnabledArrives()
{
    // §3: the client counts from the moment it sends <enable/>; <enabled/> may come after stanzas.
    StreamManagement sm;
    sm.stanzaSent(1, message(u"before"_s));
    sm.enableRequested();
    QVERIFY(sm.isActive());
    QVERIFY(!sm.isEnabled());
    sm.stanzaSent(2, message(u"a"_s));
    sm.stanzaSent(3, message(u"b"_s));
    sm.enabled(u"sm-1"_s, true);
    QVERIFY(sm.isEnabled());
    QCOMPARE(sm.unackedCount(), 2);
    QCOMPARE(acked(sm, 2), (QList<quint64> { 2, 3 }));
    QCOMPARE(sm.unackedCount(), 0);
}

void tst_StreamManagement::enableRequestedStartsAFreshCount()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"old"_s, true);
    sm.stanzaSent(1, message(u"a"_s));
    sm.stanzaReceived();
    QCOMPARE(acked(sm, 1), (QList<quint64> { 1 }));

    sm.enableRequested();
    QCOMPARE(sm.inboundCount(), 0u);
    QCOMPARE(sm.unackedCount(), 0);
    QVERIFY(!sm.isEnabled());
    sm.stanzaSent(7, message(u"b"_s));
    // The new session counts from 0 again: h=1 is its first stanza.
    QCOMPARE(acked(sm, 1), (QList<quint64> { 7 }));
}

void tst_StreamManagement::acknowledgeReturnsTheHandlesInOrder_data()
{
    QTest::addColumn<int>("sent");
    QTest::addColumn<QList<quint32>>("acks");
    QTest::addColumn<QList<QList<quint64>>>("expected");
    QTest::addColumn<int>("leftUnacked");

    QTest::newRow("nothing acked") << 3 << QList<quint32> { 0 } << QList<QList<quint64>> { {} } << 3;
    QTest::newRow("all at once") << 3 << QList<quint32> { 3 } << QList<QList<quint64>> { { 10, 11, 12 } } << 0;
    QTest::newRow("one by one") << 3 << QList<quint32> { 1, 2, 3 } << QList<QList<quint64>> { { 10 }, { 11 }, { 12 } }
                                << 0;
    QTest::newRow("partly") << 4 << QList<quint32> { 2 } << QList<QList<quint64>> { { 10, 11 } } << 2;
    QTest::newRow("in two steps") << 5 << QList<quint32> { 2, 5 }
                                  << QList<QList<quint64>> { { 10, 11 }, { 12, 13, 14 } } << 0;
}

void tst_StreamManagement::acknowledgeReturnsTheHandlesInOrder()
{
    QFETCH(int, sent);
    QFETCH(QList<quint32>, acks);
    QFETCH(QList<QList<quint64>>, expected);
    QFETCH(int, leftUnacked);

    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"id"_s, true);
    for (int i = 0; i < sent; ++i) {
        sm.stanzaSent(10 + i, message(QString::number(i)));
    }
    for (qsizetype i = 0; i < acks.size(); ++i) {
        QCOMPARE(acked(sm, acks[i]), expected[i]);
    }
    QCOMPARE(sm.unackedCount(), leftUnacked);
}

void tst_StreamManagement::repeatedHAcknowledgesNothing()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.stanzaSent(1, message(u"a"_s));
    sm.stanzaSent(2, message(u"b"_s));
    QCOMPARE(acked(sm, 1), (QList<quint64> { 1 }));
    QCOMPARE(acked(sm, 1), QList<quint64> {});
    QCOMPARE(sm.unackedCount(), 1);
}

void tst_StreamManagement::hBeyondWhatWasSentIsAnError_data()
{
    QTest::addColumn<int>("sent");
    QTest::addColumn<quint32>("firstAck");
    QTest::addColumn<quint32>("badH");

    QTest::newRow("nothing sent, h=1") << 0 << 0u << 1u;
    QTest::newRow("one sent, h=5") << 1 << 0u << 5u;
    QTest::newRow("three sent, h=4") << 3 << 0u << 4u;
    QTest::newRow("after an ack, one too many") << 3 << 2u << 4u;
    // h going backwards reads, modulo 2^32, as four billion stanzas acknowledged.
    QTest::newRow("h goes backwards") << 3 << 2u << 1u;
    QTest::newRow("h = 2^32 - 1") << 3 << 0u << 0xffffffffu;
}

void tst_StreamManagement::hBeyondWhatWasSentIsAnError()
{
    QFETCH(int, sent);
    QFETCH(quint32, firstAck);
    QFETCH(quint32, badH);

    StreamManagement sm;
    sm.enableRequested();
    for (int i = 0; i < sent; ++i) {
        sm.stanzaSent(i + 1, message(QString::number(i)));
    }
    QCOMPARE(acked(sm, firstAck).size(), qsizetype(firstAck));
    const qsizetype unacked = sm.unackedCount();

    auto result = sm.acknowledge(badH);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY(!std::get<QString>(result).isEmpty());
    // Refusing changes nothing: the queue is intact for whatever the stream decides.
    QCOMPARE(sm.unackedCount(), unacked);
    QCOMPARE(acked(sm, firstAck + quint32(unacked)).size(), unacked);
}

void tst_StreamManagement::hWrapsPast2To32_data()
{
    QTest::addColumn<quint32>("start");
    QTest::addColumn<int>("sent");
    QTest::addColumn<QList<quint32>>("acks");
    QTest::addColumn<QList<int>>("counts");

    // §4: "h ... MUST be wrapped around to zero" after 2^32 - 1.
    QTest::newRow("across zero at once") << 0xfffffffeu << 4 << QList<quint32> { 2 } << QList<int> { 4 };
    QTest::newRow("to exactly 2^32 - 1") << 0xfffffffdu << 2 << QList<quint32> { 0xffffffffu } << QList<int> { 2 };
    QTest::newRow("to exactly zero") << 0xfffffffdu << 3 << QList<quint32> { 0 } << QList<int> { 3 };
    QTest::newRow("step by step across zero")
        << 0xfffffffeu << 4 << QList<quint32> { 0xffffffffu, 0, 1, 2 } << QList<int> { 1, 1, 1, 1 };
    QTest::newRow("two then two") << 0xffffffffu << 4 << QList<quint32> { 1, 3 } << QList<int> { 2, 2 };
}

void tst_StreamManagement::hWrapsPast2To32()
{
    QFETCH(quint32, start);
    QFETCH(int, sent);
    QFETCH(QList<quint32>, acks);
    QFETCH(QList<int>, counts);

    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"id"_s, true);
    sm.setCountersForTest(start, 0);
    for (int i = 0; i < sent; ++i) {
        sm.stanzaSent(100 + i, message(QString::number(i)));
    }
    quint64 next = 100;
    for (qsizetype i = 0; i < acks.size(); ++i) {
        QList<quint64> expected;
        for (int k = 0; k < counts[i]; ++k) {
            expected.append(next++);
        }
        QCOMPARE(acked(sm, acks[i]), expected);
    }
    QCOMPARE(sm.unackedCount(), 0);
    // One past what was sent is still refused after the wrap.
    QVERIFY(refuses(sm, acks.last() + 1));
}

void tst_StreamManagement::inboundCountWrapsPast2To32()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"id"_s, true);
    sm.setCountersForTest(0, 0xfffffffeu);
    sm.stanzaReceived();
    QCOMPARE(sm.inboundCount(), 0xffffffffu);
    sm.stanzaReceived();
    QCOMPARE(sm.inboundCount(), 0u);
    sm.stanzaReceived();
    QCOMPARE(sm.inboundCount(), 1u);
}

void tst_StreamManagement::takeUnackedForResendRewindsSoResentStanzasAreCountedAgain()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"id"_s, true);
    sm.stanzaSent(1, message(u"a"_s));
    sm.stanzaSent(2, message(u"b"_s));
    sm.stanzaSent(3, message(u"c"_s));
    // <resumed h='1'/>: the server had the first one only.
    QCOMPARE(acked(sm, 1), (QList<quint64> { 1 }));

    const QList<StreamManagement::Pending> resend = sm.takeUnackedForResend();
    QCOMPARE(handlesOf(resend), (QList<quint64> { 2, 3 }));
    QCOMPARE(resend[0].stanza.childText(u"body"), u"b"_s);
    QCOMPARE(resend[1].stanza.childText(u"body"), u"c"_s);
    QCOMPARE(sm.unackedCount(), 0);
    // Nothing is in flight until they are written again.
    QVERIFY(refuses(sm, 2));

    for (const StreamManagement::Pending &p : resend) {
        sm.stanzaSent(p.handle, p.stanza);
    }
    sm.stanzaSent(4, message(u"d"_s));
    // The resent stanzas are counted as the 2nd and 3rd, once each.
    QVERIFY(refuses(sm, 5));
    QCOMPARE(acked(sm, 3), (QList<quint64> { 2, 3 }));
    QCOMPARE(acked(sm, 4), (QList<quint64> { 4 }));
}

void tst_StreamManagement::enableFailedReturnsTheQueueAndStopsCounting()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.stanzaSent(5, message(u"a"_s));
    sm.stanzaSent(6, message(u"b"_s));

    const QList<StreamManagement::Pending> queued = sm.enableFailed();
    QCOMPARE(handlesOf(queued), (QList<quint64> { 5, 6 }));
    QCOMPARE(queued[1].stanza.childText(u"body"), u"b"_s);
    QVERIFY(!sm.isActive());
    QVERIFY(!sm.isEnabled());
    QVERIFY(!sm.canResume());
    QCOMPARE(sm.unackedCount(), 0);

    sm.stanzaSent(7, message(u"c"_s));
    QCOMPARE(sm.unackedCount(), 0);
    QVERIFY(sm.enableFailed().isEmpty());
}

void tst_StreamManagement::canResumeNeedsEnabledResumableAndAnId_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("resumable");
    QTest::addColumn<bool>("canResume");

    QTest::newRow("all three") << true << u"sm-1"_s << true << true;
    QTest::newRow("not resumable") << true << u"sm-1"_s << false << false;
    QTest::newRow("no id") << true << QString() << true << false;
    QTest::newRow("only requested") << false << QString() << false << false;
}

void tst_StreamManagement::canResumeNeedsEnabledResumableAndAnId()
{
    QFETCH(bool, enabled);
    QFETCH(QString, id);
    QFETCH(bool, resumable);
    QFETCH(bool, canResume);

    StreamManagement sm;
    sm.enableRequested();
    if (enabled) {
        sm.enabled(id, resumable);
    }
    QCOMPARE(sm.canResume(), canResume);
    QCOMPARE(sm.resumptionId(), id);
}

void tst_StreamManagement::forgetResumptionKeepsTheUnackedQueue()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"sm-1"_s, true);
    sm.stanzaSent(1, message(u"a"_s));
    sm.stanzaSent(2, message(u"b"_s));
    QVERIFY(sm.canResume());

    sm.forgetResumption();
    QVERIFY(!sm.canResume());
    QVERIFY(sm.resumptionId().isEmpty());
    QCOMPARE(sm.unackedCount(), 2);
    // What the dead session never confirmed is still there for the next one to resend.
    QCOMPARE(handlesOf(sm.takeUnackedForResend()), (QList<quint64> { 1, 2 }));
}

void tst_StreamManagement::resetForgetsEverything()
{
    StreamManagement sm;
    sm.enableRequested();
    sm.enabled(u"sm-1"_s, true);
    sm.stanzaSent(1, message(u"a"_s));
    sm.stanzaReceived();
    sm.reset();
    QVERIFY(!sm.isActive());
    QVERIFY(!sm.isEnabled());
    QVERIFY(!sm.canResume());
    QCOMPARE(sm.unackedCount(), 0);
    QCOMPARE(sm.inboundCount(), 0u);
}

QTEST_GUILESS_MAIN(tst_StreamManagement)
#include "tst_StreamManagement.moc"
