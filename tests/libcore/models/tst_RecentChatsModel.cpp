// SPDX-License-Identifier: Apache-2.0
#include "models/RecentChatsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return future.result();
}

const QDateTime Base = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

Jid contact(int i)
{
    return Jid::fromString(u"c%1@example.test"_s.arg(i));
}

StoredMessage incoming(const Jid &from, const QString &body, int seconds)
{
    StoredMessage message;
    message.conversation = from;
    message.sender = from.withResource(u"r"_s);
    message.body = body;
    message.timestamp = Base.addSecs(seconds);
    return message;
}

} // namespace

class tst_RecentChatsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsByLastActivityWithUnreadCounts();
    void movesAConversationToTheTopWithoutAReset();
    void insertsANewConversation();
    void clearsUnreadWhenRead();
};

namespace {

/// A store with c0..c3, c3 the most recent; each has one unread message.
std::unique_ptr<MessageStore> makeStore()
{
    auto store = std::make_unique<MessageStore>(u":memory:"_s);
    await(store->open());
    QList<StoredMessage> messages;
    for (int i = 0; i < 4; ++i) {
        messages.append(incoming(contact(i), u"hello %1"_s.arg(i), i * 10));
    }
    await(store->insertMany(messages));
    return store;
}

void load(RecentChatsModel &model)
{
    QSignalSpy loaded(&model, &RecentChatsModel::loaded);
    model.reload();
    // A continuation may run at once when the result is already there (Qt 6.4), so count, don't wait().
    QTRY_COMPARE(loaded.size(), 1);
}

} // namespace

void tst_RecentChatsModel::loadsByLastActivityWithUnreadCounts()
{
    auto store = makeStore();
    RecentChatsModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0).data(RecentChatsModel::JidRole).toString(), u"c3@example.test"_s);
    QCOMPARE(model.index(3).data(RecentChatsModel::JidRole).toString(), u"c0@example.test"_s);
    QCOMPARE(model.index(0).data(RecentChatsModel::UnreadCountRole).toInt(), 1);
    QCOMPARE(model.index(0).data(RecentChatsModel::LastBodyRole).toString(), u"hello 3"_s);
}

void tst_RecentChatsModel::movesAConversationToTheTopWithoutAReset()
{
    auto store = makeStore();
    RecentChatsModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    await(store->insert(incoming(contact(1), u"again"_s, 100)));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(0).data(RecentChatsModel::JidRole).toString(), u"c1@example.test"_s);
    QCOMPARE(model.index(0).data(RecentChatsModel::UnreadCountRole).toInt(), 2);
    QCOMPARE(model.index(0).data(RecentChatsModel::LastBodyRole).toString(), u"again"_s);
    QCOMPARE(model.index(1).data(RecentChatsModel::JidRole).toString(), u"c3@example.test"_s);
    QCOMPARE(model.index(3).data(RecentChatsModel::JidRole).toString(), u"c0@example.test"_s);

    // The top one again: no move, only the data changes.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    await(store->insert(incoming(contact(1), u"and again"_s, 110)));
    QCOMPARE(moved.size(), 1);
    QVERIFY(!changed.isEmpty());

    // A backfilled old message counts, but does not move the conversation.
    await(store->insert(incoming(contact(0), u"old"_s, -50)));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(model.index(3).data(RecentChatsModel::LastBodyRole).toString(), u"hello 0"_s);
    QCOMPARE(model.index(3).data(RecentChatsModel::UnreadCountRole).toInt(), 2);

    // The model agrees with the store.
    const QList<MessageStore::Conversation> stored = await(store->conversations());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row).data(RecentChatsModel::JidRole).toString(), stored.at(row).jid.toString());
        QCOMPARE(model.index(row).data(RecentChatsModel::UnreadCountRole).toInt(), stored.at(row).unread);
    }
}

void tst_RecentChatsModel::insertsANewConversation()
{
    auto store = makeStore();
    RecentChatsModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    await(store->insert(incoming(contact(9), u"hi"_s, 1000)));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0).data(RecentChatsModel::JidRole).toString(), u"c9@example.test"_s);
}

void tst_RecentChatsModel::clearsUnreadWhenRead()
{
    auto store = makeStore();
    const auto older = await(store->insert(incoming(contact(2), u"second"_s, 21)));
    await(store->insert(incoming(contact(2), u"third"_s, 100)));
    RecentChatsModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model);
    QCOMPARE(model.index(0).data(RecentChatsModel::UnreadCountRole).toInt(), 3);
    QVERIFY(await(store->markRead(contact(2), older.id)));
    QTRY_COMPARE(model.index(0).data(RecentChatsModel::UnreadCountRole).toInt(), 1);
    QVERIFY(await(store->markRead(contact(2), std::numeric_limits<qint64>::max())));
    QTRY_COMPARE(model.index(0).data(RecentChatsModel::UnreadCountRole).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_RecentChatsModel)
#include "tst_RecentChatsModel.moc"
