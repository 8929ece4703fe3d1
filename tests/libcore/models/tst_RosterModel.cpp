// SPDX-License-Identifier: Apache-2.0
#include "models/ResourcesModel.h"
#include "models/RosterFilterModel.h"
#include "models/RosterModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

RosterItem item(const QString &jid, const QString &name, const QStringList &groups = {},
    RosterItem::Subscription subscription = RosterItem::Subscription::Both)
{
    RosterItem i;
    i.jid = Jid::fromString(jid);
    i.name = name;
    i.groups = groups;
    i.subscription = subscription;
    return i;
}

Presence presence(const QString &from, Presence::Show show, const QString &status = {}, int priority = 0)
{
    Presence p;
    p.from = Jid::fromString(from);
    p.type = show == Presence::Show::Offline ? Presence::Type::Unavailable : Presence::Type::Available;
    p.show = show;
    p.status = status;
    p.priority = priority;
    return p;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        names.append(model.index(row, 0, parent).data().toString());
    }
    return names;
}

QModelIndex groupNamed(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data().toString() == name) {
            return model.index(row, 0);
        }
    }
    return {};
}

} // namespace

class tst_RosterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsAreSortedWithUngroupedLastAndContactsInEachOfTheirGroups();
    void changesKeepTheModelConsistent();
    void presenceFloodChangesDataOnlyNeverTheLayout();
    void groupCountsFollowPresence();
    void accessibleTextSaysWhatTheRowShows();
    void filterSearchesNameAndJidAndHidesEmptyGroups();
    void hideOfflineKeepsContactsWithUnreadMessages();
    void sortsByPresenceThenName();
    void resourcesModelOrdersAndUpdatesRows();
};

void tst_RosterModel::groupsAreSortedWithUngroupedLastAndContactsInEachOfTheirGroups()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoster({ item(u"zoe@example.test"_s, u"Zoë"_s, { u"Work"_s }),
        item(u"li@example.test"_s, u"李雷"_s, { u"Family"_s, u"Work"_s }), item(u"anon@example.test"_s, {}),
        item(u"bob@example.test"_s, u"Bob"_s, { u"Family"_s }) });
    QCOMPARE(childNames(model, {}), (QStringList { u"Family"_s, u"Work"_s, RosterModel::ungroupedName() }));
    QCOMPARE(childNames(model, groupNamed(model, u"Family"_s)), (QStringList { u"李雷"_s, u"Bob"_s }));
    QCOMPARE(childNames(model, groupNamed(model, u"Work"_s)), (QStringList { u"Zoë"_s, u"李雷"_s }));
    // No name: the JID is shown.
    QCOMPARE(
        childNames(model, groupNamed(model, RosterModel::ungroupedName())), QStringList { u"anon@example.test"_s });
    QCOMPARE(model.contactCount(), 4);
    QVERIFY(model.index(0, 0).data(RosterModel::IsGroupRole).toBool());
    QCOMPARE(model.index(0, 0).data(RosterModel::ContactCountRole).toInt(), 2);
}

void tst_RosterModel::changesKeepTheModelConsistent()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoster({ item(u"a@x.test"_s, u"A"_s, { u"G1"_s }), item(u"b@x.test"_s, u"B"_s, { u"G1"_s }) });
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // Rename, move to another group and into two, add, remove: rows move, nothing is reset.
    model.updateItems({ item(u"a@x.test"_s, u"Anna"_s, { u"G1"_s }) });
    QCOMPARE(model.indexOf(Jid::fromString(u"a@x.test"_s)).data().toString(), u"Anna"_s);
    model.updateItems({ item(u"b@x.test"_s, u"B"_s, { u"G2"_s, u"G3"_s }) });
    QCOMPARE(childNames(model, {}), (QStringList { u"G1"_s, u"G2"_s, u"G3"_s }));
    model.updateItems({ item(u"a@x.test"_s, u"Anna"_s, { u"G2"_s }) }); // G1 is now empty and goes
    QCOMPARE(childNames(model, {}), (QStringList { u"G2"_s, u"G3"_s }));
    QCOMPARE(childNames(model, groupNamed(model, u"G2"_s)), (QStringList { u"B"_s, u"Anna"_s }));
    model.updateItems({ item(u"c@x.test"_s, u"C"_s), item(u"d@x.test"_s, u"D"_s) });
    QCOMPARE(childNames(model, groupNamed(model, RosterModel::ungroupedName())), (QStringList { u"C"_s, u"D"_s }));
    RosterItem removal = item(u"c@x.test"_s, {});
    removal.subscription = RosterItem::Subscription::Remove;
    model.updateItems({ removal });
    model.removeItems({ Jid::fromString(u"b@x.test"_s) });
    QCOMPARE(childNames(model, {}), (QStringList { u"G2"_s, RosterModel::ungroupedName() }));
    QCOMPARE(model.contactCount(), 2);
    // A refetch that drops one contact merges too.
    model.setRoster({ item(u"a@x.test"_s, u"Anna"_s, { u"G2"_s }) });
    QCOMPARE(model.contactCount(), 1);
    QCOMPARE(childNames(model, {}), QStringList { u"G2"_s });
    QCOMPARE(resets.count(), 0);

    model.setBlocked({ Jid::fromString(u"a@x.test"_s) });
    QVERIFY(model.indexOf(Jid::fromString(u"a@x.test"_s)).data(RosterModel::BlockedRole).toBool());
    model.setUnreadCount(Jid::fromString(u"a@x.test"_s), 3);
    QCOMPARE(model.indexOf(Jid::fromString(u"a@x.test"_s)).data(RosterModel::UnreadCountRole).toInt(), 3);
}

void tst_RosterModel::presenceFloodChangesDataOnlyNeverTheLayout()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<RosterItem> items;
    for (int i = 0; i < 2000; ++i) {
        items.append(item(u"c%1@x.test"_s.arg(i), u"Contact %1"_s.arg(i), { u"Group %1"_s.arg(i % 20) }));
    }
    model.setRoster(items);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QList<std::pair<Jid, Presence>> flood;
    for (int i = 0; i < 1000; ++i) {
        flood.append({ Jid::fromString(u"c%1@x.test"_s.arg(i)),
            presence(u"c%1@x.test/pc"_s.arg(i), Presence::Show::Away, u"busy"_s) });
    }
    model.updatePresences(flood);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(inserts.count(), 0);
    QVERIFY(changes.count() >= 1000);
    QCOMPARE(model.indexOf(Jid::fromString(u"c7@x.test"_s)).data(RosterModel::StatusTextRole).toString(), u"busy"_s);
    QCOMPARE(model.indexOf(Jid::fromString(u"c1500@x.test"_s)).data(RosterModel::PresenceRole).toInt(),
        int(Presence::Show::Offline));
}

void tst_RosterModel::groupCountsFollowPresence()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoster({ item(u"a@x.test"_s, u"A"_s, { u"G"_s }), item(u"b@x.test"_s, u"B"_s, { u"G"_s }) });
    const Jid a = Jid::fromString(u"a@x.test"_s);
    model.updatePresences({ { a, presence(u"a@x.test/1"_s, Presence::Show::Online) } }, { { a, 2 } });
    QCOMPARE(model.index(0, 0).data(RosterModel::OnlineCountRole).toInt(), 1);
    QCOMPARE(model.indexOf(a).data(RosterModel::ResourceCountRole).toInt(), 2);
    model.clearPresences();
    QCOMPARE(model.index(0, 0).data(RosterModel::OnlineCountRole).toInt(), 0);
    QCOMPARE(model.indexOf(a).data(RosterModel::ResourceCountRole).toInt(), 0);
}

void tst_RosterModel::accessibleTextSaysWhatTheRowShows()
{
    RosterModel model;
    model.setRoster({ item(u"li@example.test"_s, u"李雷"_s, { u"Friends"_s }) });
    const Jid li = Jid::fromString(u"li@example.test"_s);
    model.updatePresences({ { li, presence(u"li@example.test/phone"_s, Presence::Show::Away, u"开会中"_s) } });
    model.setUnreadCount(li, 2);
    const QString text = model.indexOf(li).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(text.contains(u"李雷"_s) && text.contains(u"开会中"_s)
            && text.contains(Presence::showDisplayName(Presence::Show::Away)) && text.contains(u"2"_s),
        qPrintable(text));
    QCOMPARE(model.index(0, 0).data(Qt::AccessibleTextRole).toString(), u"Friends, 1 of 1 online"_s);
}

void tst_RosterModel::filterSearchesNameAndJidAndHidesEmptyGroups()
{
    RosterModel model;
    RosterFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoster({ item(u"alice@example.test"_s, u"Alice"_s, { u"Work"_s }),
        item(u"bob@example.test"_s, u"Bob"_s, { u"Family"_s }),
        item(u"wang@example.test"_s, u"王小明"_s, { u"Family"_s }) });
    filter.setFilterText(u"ALI"_s);
    QCOMPARE(childNames(filter, {}), QStringList { u"Work"_s });
    filter.setFilterText(u"小明"_s);
    QCOMPARE(childNames(filter, {}), QStringList { u"Family"_s });
    QCOMPARE(childNames(filter, filter.index(0, 0)), QStringList { u"王小明"_s });
    filter.setFilterText(u"wang@"_s); // by JID
    QCOMPARE(childNames(filter, filter.index(0, 0)), QStringList { u"王小明"_s });
    filter.setFilterText(u"nobody"_s);
    QCOMPARE(filter.rowCount(), 0);
    filter.setFilterText({});
    QCOMPARE(filter.rowCount(), 2);
}

void tst_RosterModel::hideOfflineKeepsContactsWithUnreadMessages()
{
    RosterModel model;
    RosterFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoster({ item(u"on@x.test"_s, u"On"_s, { u"G"_s }), item(u"off@x.test"_s, u"Off"_s, { u"G"_s }),
        item(u"quiet@x.test"_s, u"Quiet"_s, { u"H"_s }) });
    model.updatePresences({ { Jid::fromString(u"on@x.test"_s), presence(u"on@x.test/r"_s, Presence::Show::Online) } });
    filter.setHideOffline(true);
    QCOMPARE(childNames(filter, {}), QStringList { u"G"_s });
    QCOMPARE(childNames(filter, filter.index(0, 0)), QStringList { u"On"_s });
    model.setUnreadCount(Jid::fromString(u"quiet@x.test"_s), 1);
    QCOMPARE(childNames(filter, {}), (QStringList { u"G"_s, u"H"_s }));
    // Going offline removes the row live.
    model.updatePresences({ { Jid::fromString(u"on@x.test"_s), presence(u"on@x.test/r"_s, Presence::Show::Offline) } });
    QCOMPARE(childNames(filter, {}), QStringList { u"H"_s });
}

void tst_RosterModel::sortsByPresenceThenName()
{
    RosterModel model;
    RosterFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoster({ item(u"d@x.test"_s, u"Dora"_s, { u"G"_s }), item(u"c@x.test"_s, u"Carl"_s, { u"G"_s }),
        item(u"b@x.test"_s, u"Bea"_s, { u"G"_s }), item(u"a@x.test"_s, u"Abe"_s, { u"G"_s }) });
    model.updatePresences({ { Jid::fromString(u"d@x.test"_s), presence(u"d@x.test/r"_s, Presence::Show::Chat) },
        { Jid::fromString(u"b@x.test"_s), presence(u"b@x.test/r"_s, Presence::Show::Away) },
        { Jid::fromString(u"c@x.test"_s), presence(u"c@x.test/r"_s, Presence::Show::Online) } });
    const QModelIndex group = filter.index(0, 0);
    QCOMPARE(childNames(filter, group), (QStringList { u"Dora"_s, u"Carl"_s, u"Bea"_s, u"Abe"_s }));
    filter.setSortMode(RosterFilterModel::SortMode::ByName);
    QCOMPARE(childNames(filter, filter.index(0, 0)), (QStringList { u"Abe"_s, u"Bea"_s, u"Carl"_s, u"Dora"_s }));
}

void tst_RosterModel::resourcesModelOrdersAndUpdatesRows()
{
    ResourcesModel model(nullptr, Jid::fromString(u"li@example.test"_s));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResources({ presence(u"li@example.test/phone"_s, Presence::Show::Away, {}, 5),
        presence(u"li@example.test/desk"_s, Presence::Show::Online, u"here"_s, 1) });
    QCOMPARE(childNames(model, {}), (QStringList { u"desk"_s, u"phone"_s }));
    model.setResources({ presence(u"li@example.test/phone"_s, Presence::Show::Chat, {}, 5),
        presence(u"li@example.test/laptop"_s, Presence::Show::Away, {}, 0),
        presence(u"li@example.test/desk"_s, Presence::Show::Online, u"here"_s, 1) });
    QCOMPARE(childNames(model, {}), (QStringList { u"phone"_s, u"desk"_s, u"laptop"_s }));
    model.setResources({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_RosterModel)
#include "tst_RosterModel.moc"
