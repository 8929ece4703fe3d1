// SPDX-License-Identifier: Apache-2.0
// RFC 2782 ordering of DNS SRV answers: ascending priority, a weighted random order within one priority,
// every record exactly once. The order is random, so the invariants are checked over many runs.
#include "stream/Transport.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using confab::Transport;

namespace {

constexpr int Runs = 2000;

struct Record
{
    QString host;
    quint16 priority;
    quint16 weight;
};

// Records are named after their position in the answer, so the test can map an endpoint back to its record.
QList<Record> makeRecords(const QList<quint16> &priorities, const QList<quint16> &weights)
{
    QList<Record> records;
    for (qsizetype i = 0; i < priorities.size(); ++i) {
        records.append({ u"xmpp%1.example.net"_s.arg(i), priorities[i], weights[i] });
    }
    return records;
}

QList<Transport::Endpoint> order(const QList<Record> &records)
{
    QList<Transport::Endpoint> endpoints;
    QList<quint16> priorities;
    QList<quint16> weights;
    for (const Record &r : records) {
        endpoints.append({ r.host, quint16(5222), false });
        priorities.append(r.priority);
        weights.append(r.weight);
    }
    return Transport::orderSrvRecords(endpoints, priorities, weights);
}

qsizetype indexOf(const QList<Record> &records, const QString &host)
{
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (records[i].host == host) {
            return i;
        }
    }
    return -1;
}

} // namespace

class tst_Transport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderSrvRecordsKeepsEveryRecordOnceInPriorityOrder_data();
    void orderSrvRecordsKeepsEveryRecordOnceInPriorityOrder();
    void orderSrvRecordsGivesEveryWeightedRecordAChanceToBeFirst();
    void orderSrvRecordsGivesZeroWeightRecordsASmallChanceToBeFirst();
    void orderSrvRecordsPrefersHeavierRecords();
    void orderSrvRecordsKeepsEndpointFields();
};

void tst_Transport::orderSrvRecordsKeepsEveryRecordOnceInPriorityOrder_data()
{
    QTest::addColumn<QList<quint16>>("priorities");
    QTest::addColumn<QList<quint16>>("weights");

    QTest::newRow("none") << QList<quint16> {} << QList<quint16> {};
    QTest::newRow("one") << QList<quint16> { 10 } << QList<quint16> { 5 };
    QTest::newRow("one, weight 0") << QList<quint16> { 10 } << QList<quint16> { 0 };
    QTest::newRow("priorities reversed") << QList<quint16> { 30, 20, 10 } << QList<quint16> { 1, 1, 1 };
    QTest::newRow("priorities shuffled") << QList<quint16> { 20, 0, 65535, 10 } << QList<quint16> { 5, 5, 5, 5 };
    QTest::newRow("one priority, equal weights") << QList<quint16> { 5, 5, 5, 5 } << QList<quint16> { 10, 10, 10, 10 };
    QTest::newRow("one priority, all weight 0") << QList<quint16> { 5, 5, 5 } << QList<quint16> { 0, 0, 0 };
    QTest::newRow("weight 0 among others") << QList<quint16> { 5, 5, 5, 5 } << QList<quint16> { 0, 60, 0, 40 };
    QTest::newRow("weight 0 last") << QList<quint16> { 5, 5 } << QList<quint16> { 100, 0 };
    QTest::newRow("mixed priorities and weights")
        << QList<quint16> { 10, 20, 10, 20, 10, 30 } << QList<quint16> { 60, 0, 40, 0, 0, 1 };
    QTest::newRow("maximum weights") << QList<quint16> { 1, 1, 1 } << QList<quint16> { 65535, 65535, 65535 };
}

void tst_Transport::orderSrvRecordsKeepsEveryRecordOnceInPriorityOrder()
{
    QFETCH(QList<quint16>, priorities);
    QFETCH(QList<quint16>, weights);
    const QList<Record> records = makeRecords(priorities, weights);

    for (int run = 0; run < Runs; ++run) {
        const QList<Transport::Endpoint> ordered = order(records);
        QCOMPARE(ordered.size(), records.size());
        QList<bool> seen(records.size(), false);
        quint16 previousPriority = 0;
        for (const Transport::Endpoint &e : ordered) {
            const qsizetype i = indexOf(records, e.host);
            QVERIFY2(i >= 0, qPrintable(e.host));
            QVERIFY2(!seen[i], qPrintable(u"twice: "_s + e.host));
            seen[i] = true;
            QVERIFY2(records[i].priority >= previousPriority, qPrintable(u"out of priority order: "_s + e.host));
            previousPriority = records[i].priority;
        }
    }
}

void tst_Transport::orderSrvRecordsGivesEveryWeightedRecordAChanceToBeFirst()
{
    // Equal weights: each of three comes first about a third of the time; never being first in 2000 runs
    // has a probability of (2/3)^2000.
    const QList<Record> records = makeRecords({ 5, 5, 5, 9 }, { 10, 10, 10, 10 });
    QList<int> first(records.size(), 0);
    for (int run = 0; run < Runs; ++run) {
        ++first[indexOf(records, order(records).constFirst().host)];
    }
    QVERIFY(first[0] > 0);
    QVERIFY(first[1] > 0);
    QVERIFY(first[2] > 0);
    QCOMPARE(first[3], 0); // a lower priority never goes first
}

void tst_Transport::orderSrvRecordsGivesZeroWeightRecordsASmallChanceToBeFirst()
{
    // RFC 2782: weight-0 records are placed at the beginning before the running sums are taken, so they
    // have "a very small chance of being selected" first (here 1 in 11), wherever they were in the answer.
    const QList<Record> records = makeRecords({ 5, 5 }, { 10, 0 });
    int zeroFirst = 0;
    for (int run = 0; run < Runs; ++run) {
        if (order(records).constFirst().host == records[1].host) {
            ++zeroFirst;
        }
    }
    QVERIFY2(zeroFirst > 0, "the weight-0 record was never first");
    QVERIFY2(zeroFirst < Runs / 2, qPrintable(QString::number(zeroFirst)));
}

void tst_Transport::orderSrvRecordsPrefersHeavierRecords()
{
    const QList<Record> records = makeRecords({ 5, 5 }, { 1, 1000 });
    int heavyFirst = 0;
    for (int run = 0; run < Runs; ++run) {
        if (order(records).constFirst().host == records[1].host) {
            ++heavyFirst;
        }
    }
    // Expected about 1000/1002 of the runs; far below that only with a broken weighting.
    QVERIFY2(heavyFirst > Runs * 9 / 10, qPrintable(QString::number(heavyFirst)));
}

void tst_Transport::orderSrvRecordsKeepsEndpointFields()
{
    const QList<Transport::Endpoint> endpoints { { u"b.example.net"_s, 5223, true },
        { u"a.example.net"_s, 5222, false } };
    const QList<Transport::Endpoint> ordered = Transport::orderSrvRecords(endpoints, { 2, 1 }, { 0, 0 });
    QCOMPARE(ordered.size(), qsizetype(2));
    QCOMPARE(ordered[0].host, u"a.example.net"_s);
    QCOMPARE(ordered[0].port, quint16(5222));
    QCOMPARE(ordered[0].directTls, false);
    QCOMPARE(ordered[1].host, u"b.example.net"_s);
    QCOMPARE(ordered[1].port, quint16(5223));
    QCOMPARE(ordered[1].directTls, true);
}

QTEST_GUILESS_MAIN(tst_Transport)
#include "tst_Transport.moc"
