// SPDX-License-Identifier: Apache-2.0
// RosterStore: the roster cache, its version and pending subscription requests, on SQLite.
#include "storage/RosterStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

class tst_RosterStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStoreHasNoVersion();
    void roundTripKeepsEveryField();
    void changesUpsertRemoveAndVersion();
    void persistsAcrossReopen();
    void thousandsOfItemsInOneTransaction();
    void requestsKeepTheirFirstTime();
    void clearForgetsEverything();
};

namespace {

RosterItem makeItem(const QString &jid, const QString &name = {}, const QStringList &groups = {},
    RosterItem::Subscription subscription = RosterItem::Subscription::None, bool ask = false, bool approved = false)
{
    RosterItem item;
    item.jid = Jid::fromString(jid);
    item.name = name;
    item.groups = groups;
    item.subscription = subscription;
    item.ask = ask;
    item.approved = approved;
    return item;
}

} // namespace

void tst_RosterStore::emptyStoreHasNoVersion()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    const RosterStore::Roster roster = store.load().result();
    QVERIFY(roster.items.isEmpty());
    QVERIFY(roster.version.isNull());
    QVERIFY(store.loadRequests().result().isEmpty());
}

void tst_RosterStore::roundTripKeepsEveryField()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    const QList<RosterItem> items {
        makeItem(
            u"a@example.com"_s, u"Ann"_s, { u"Work"_s, u"朋友"_s, u"Aardvarks"_s }, RosterItem::Subscription::Both),
        makeItem(u"b@example.com"_s, {}, {}, RosterItem::Subscription::None, true, false),
        makeItem(u"c@example.com"_s, u"C 'quoted' \"name\""_s, { u"Z"_s }, RosterItem::Subscription::From, false, true),
        makeItem(u"d@example.com"_s, {}, {}, RosterItem::Subscription::To),
    };
    QVERIFY(store.replaceAll(items, u"ver-1"_s).result());
    const RosterStore::Roster roster = store.load().result();
    QCOMPARE(roster.items, items); // ordered by JID; groups in the server's order
    QCOMPARE(roster.version, u"ver-1"_s);

    // A full roster replaces everything, including items no longer there.
    QVERIFY(store.replaceAll({ items.at(1) }, QString()).result());
    const RosterStore::Roster replaced = store.load().result();
    QCOMPARE(replaced.items, QList<RosterItem> { items.at(1) });
    QVERIFY(replaced.version.isNull());
}

void tst_RosterStore::changesUpsertRemoveAndVersion()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    QVERIFY(store
                .replaceAll({ makeItem(u"a@example.com"_s, u"A"_s, { u"Old"_s, u"Both"_s }),
                                makeItem(u"b@example.com"_s, u"B"_s, { u"G"_s }) },
                    u"v1"_s)
                .result());
    // Moved and renamed, one removed (its groups with it), one added.
    QVERIFY(store
                .applyChanges({ makeItem(u"a@example.com"_s, u"Anna"_s, { u"New"_s, u"Both"_s }),
                                  makeItem(u"e@example.com"_s, {}, { u"G"_s }) },
                    { Jid::fromString(u"b@example.com") }, u"v2"_s)
                .result());
    RosterStore::Roster roster = store.load().result();
    QCOMPARE(roster.items,
        (QList<RosterItem> { makeItem(u"a@example.com"_s, u"Anna"_s, { u"New"_s, u"Both"_s }),
            makeItem(u"e@example.com"_s, {}, { u"G"_s }) }));
    QCOMPARE(roster.version, u"v2"_s);
    // A null version leaves the stored one alone.
    QVERIFY(store.applyChanges({}, { Jid::fromString(u"e@example.com") }, QString()).result());
    roster = store.load().result();
    QCOMPARE(roster.items.size(), 1);
    QCOMPARE(roster.version, u"v2"_s);
}

void tst_RosterStore::persistsAcrossReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nested/dir/roster.sqlite"_s);
    const RosterItem item
        = makeItem(u"romeo@example.net"_s, u"Romeo"_s, { u"Friends"_s }, RosterItem::Subscription::Both);
    {
        RosterStore store(path);
        QCOMPARE(store.open().result(), QString());
        QVERIFY(store.replaceAll({ item }, u"v42"_s).result());
        SubscriptionRequest request { Jid::fromString(u"nurse@example.com"), u"hello"_s,
            QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC) };
        QVERIFY(store.addRequest(request).result());
    }
    RosterStore store(path);
    QCOMPARE(store.open().result(), QString());
    const RosterStore::Roster roster = store.load().result();
    QCOMPARE(roster.items, QList<RosterItem> { item });
    QCOMPARE(roster.version, u"v42"_s);
    const QList<SubscriptionRequest> requests = store.loadRequests().result();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().jid, Jid::fromString(u"nurse@example.com"));
    QCOMPARE(requests.first().status, u"hello"_s);
    QCOMPARE(requests.first().received, QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC));
}

void tst_RosterStore::thousandsOfItemsInOneTransaction()
{
    QTemporaryDir dir;
    RosterStore store(dir.filePath(u"roster.sqlite"_s));
    QCOMPARE(store.open().result(), QString());
    QList<RosterItem> items;
    for (int i = 0; i < 5000; ++i) {
        items.append(makeItem(u"contact%1@example.com"_s.arg(i, 5, 10, QLatin1Char('0')), u"Contact %1"_s.arg(i),
            { u"Group %1"_s.arg(i % 17), u"All"_s }, RosterItem::Subscription::Both));
    }
    QVERIFY(store.replaceAll(items, u"big"_s).result());
    RosterStore::Roster roster = store.load().result();
    QCOMPARE(roster.items.size(), 5000);
    QCOMPARE(roster.items, items);

    // A batch of pushes the same size is one transaction too: all of it or nothing.
    for (RosterItem &item : items) {
        item.groups = { u"Moved"_s };
    }
    QVERIFY(store.applyChanges(items, {}, u"big2"_s).result());
    roster = store.load().result();
    QCOMPARE(roster.items, items);
    QCOMPARE(roster.version, u"big2"_s);
}

void tst_RosterStore::requestsKeepTheirFirstTime()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    const QDateTime first(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime later(QDate(2024, 1, 2), QTime(0, 0), Qt::UTC);
    QVERIFY(store.addRequest({ Jid::fromString(u"b@example.com"), u"one"_s, later }).result());
    QVERIFY(store.addRequest({ Jid::fromString(u"a@example.com"), {}, first }).result());
    QVERIFY(store.addRequest({ Jid::fromString(u"b@example.com"), u"two"_s, later.addDays(5) }).result());
    QList<SubscriptionRequest> requests = store.loadRequests().result();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).jid, Jid::fromString(u"a@example.com")); // oldest first
    QCOMPARE(requests.at(1).status, u"two"_s);
    QCOMPARE(requests.at(1).received, later);
    QVERIFY(store.removeRequest(Jid::fromString(u"a@example.com")).result());
    requests = store.loadRequests().result();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().jid, Jid::fromString(u"b@example.com"));
}

void tst_RosterStore::clearForgetsEverything()
{
    RosterStore store(u":memory:"_s);
    QCOMPARE(store.open().result(), QString());
    QVERIFY(store.replaceAll({ makeItem(u"a@example.com"_s, {}, { u"G"_s }) }, u"v"_s).result());
    QVERIFY(store.addRequest({ Jid::fromString(u"b@example.com"), {}, QDateTime::currentDateTimeUtc() }).result());
    QVERIFY(store.clear().result());
    QVERIFY(store.load().result().items.isEmpty());
    QVERIFY(store.load().result().version.isNull());
    QVERIFY(store.loadRequests().result().isEmpty());
}

QTEST_GUILESS_MAIN(tst_RosterStore)
#include "tst_RosterStore.moc"
