// SPDX-License-Identifier: Apache-2.0
#include "models/ConversationModel.h"
#include "storage/MessageStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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

const Jid Alice = Jid::fromString(u"alice@example.test"_s);
const Jid Bob = Jid::fromString(u"bob@example.test"_s);
const QDateTime Base = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

StoredMessage incoming(const Jid &from, const QString &body, int seconds)
{
    StoredMessage message;
    message.conversation = from;
    message.sender = from.withResource(u"phone"_s);
    message.body = body;
    message.timestamp = Base.addSecs(seconds);
    return message;
}

/// Fetches one page and waits for it (the continuation may also run at once when the result is ready).
void fetchPage(ConversationModel &model)
{
    QSignalSpy loaded(&model, &ConversationModel::pageLoaded);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(!model.isLoading());
}

/// The body of a row, waiting for it to be read again from the store when it was evicted from the cache.
QString bodyAt(ConversationModel &model, int row)
{
    QVariant body = model.index(row).data(ConversationModel::BodyRole);
    while (!body.isValid()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        body = model.index(row).data(ConversationModel::BodyRole);
    }
    return body.toString();
}

/// Scrolls to the top: fetches pages until the conversation is complete.
void loadAll(ConversationModel &model)
{
    while (!model.isComplete()) {
        if (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QTRY_VERIFY(!model.isLoading());
    }
}

} // namespace

class tst_ConversationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsTheNewestPageFirstThenOlderOnes();
    void passesTheModelTesterWhileLoading();
    void appendsNewMessagesOfItsConversationOnly();
    void updatesAMessageInPlace();
    void describesAMessageForScreenReaders();
    void rereadsEvictedMessagesAndPassesTheTester();
    void keepsItsCacheBoundedScrollingThroughALongHistory();

private:
    std::unique_ptr<MessageStore> m_store;
};

void tst_ConversationModel::init()
{
    m_store = std::make_unique<MessageStore>(u":memory:"_s);
    QCOMPARE(await(m_store->open()), QString());
    QList<StoredMessage> messages;
    for (int i = 0; i < 25; ++i) {
        messages.append(incoming(Alice, u"a%1"_s.arg(i), i));
        messages.append(incoming(Bob, u"b%1"_s.arg(i), i));
    }
    QCOMPARE(await(m_store->insertMany(messages)).size(), 50);
}

void tst_ConversationModel::cleanup()
{
    m_store.reset();
}

void tst_ConversationModel::loadsTheNewestPageFirstThenOlderOnes()
{
    ConversationModel model(m_store.get(), Alice);
    model.setPageSize(10);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0); // nothing until the view asks
    fetchPage(model);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0).data().toString(), u"a15"_s);
    QCOMPARE(model.index(9).data().toString(), u"a24"_s);

    fetchPage(model);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.index(0).data().toString(), u"a5"_s);
    QCOMPARE(model.index(10).data().toString(), u"a15"_s);
    QCOMPARE(inserted.last().at(1).toInt(), 0); // prepended
    QCOMPARE(inserted.last().at(2).toInt(), 9);

    fetchPage(model);
    QCOMPARE(model.rowCount(), 25);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(reset.size(), 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.rowOf(model.index(row).data(ConversationModel::IdRole).toLongLong()), row);
    }
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ConversationModel::passesTheModelTesterWhileLoading()
{
    ConversationModel model(m_store.get(), Alice);
    model.setPageSize(7);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadAll(model);
    QCOMPARE(model.rowCount(), 25);
    for (int row = 0; row < 25; ++row) {
        QCOMPARE(model.index(row).data().toString(), u"a%1"_s.arg(row));
    }
    await(m_store->insert(incoming(Alice, u"new"_s, 101)));
    QCOMPARE(model.rowCount(), 26);
}

void tst_ConversationModel::appendsNewMessagesOfItsConversationOnly()
{
    ConversationModel model(m_store.get(), Alice);
    model.setPageSize(10);
    fetchPage(model);
    QCOMPARE(model.rowCount(), 10);
    await(m_store->insert(incoming(Bob, u"not here"_s, 100)));
    const auto added = await(m_store->insert(incoming(Alice, u"new"_s, 101)));
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.index(10).data().toString(), u"new"_s);
    QCOMPARE(model.rowOf(added.id), 10);
    // The next older page still continues before the oldest loaded row.
    fetchPage(model);
    QCOMPARE(model.rowCount(), 21);
    QCOMPARE(model.index(0).data().toString(), u"a5"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ConversationModel::updatesAMessageInPlace()
{
    StoredMessage mine;
    mine.conversation = Alice;
    mine.sender = Jid::fromString(u"me@example.test/desktop"_s);
    mine.direction = StoredMessage::Direction::Outgoing;
    mine.body = u"typo"_s;
    mine.originId = u"o-1"_s;
    mine.messageId = u"o-1"_s;
    mine.state = StoredMessage::State::Pending;
    mine.timestamp = Base.addSecs(200);
    await(m_store->insert(mine));

    ConversationModel model(m_store.get(), Alice);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadAll(model);
    const int last = model.rowCount() - 1;
    QCOMPARE(model.index(last).data(ConversationModel::OutgoingRole).toBool(), true);
    QCOMPARE(model.index(last).data(ConversationModel::ResourceRole).toString(), u"desktop"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(await(m_store->setState(u"o-1"_s, StoredMessage::State::Delivered)));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), last);
    QCOMPARE(model.index(last).data(ConversationModel::StateRole).toInt(), int(StoredMessage::State::Delivered));
    QVERIFY(await(m_store->applyCorrection(Alice, mine.sender, u"o-1"_s, u"fixed"_s)));
    QCOMPARE(model.index(last).data().toString(), u"fixed"_s);
    QVERIFY(model.index(last).data(ConversationModel::EditedRole).toBool());
}

void tst_ConversationModel::describesAMessageForScreenReaders()
{
    StoredMessage message = incoming(Alice, u"hello"_s, 0);
    const QString text = ConversationModel::accessibleText(message);
    QVERIFY(text.contains(u"alice@example.test"_s));
    QVERIFY(text.contains(u"hello"_s));
    QVERIFY(text.endsWith(u"received"_s));
    message.direction = StoredMessage::Direction::Outgoing;
    message.state = StoredMessage::State::Displayed;
    QVERIFY(ConversationModel::accessibleText(message).contains(u"you"_s));
    QVERIFY(ConversationModel::accessibleText(message).endsWith(u"read"_s));
}

void tst_ConversationModel::rereadsEvictedMessagesAndPassesTheTester()
{
    ConversationModel model(m_store.get(), Alice);
    model.setPageSize(5);
    model.setCacheCapacity(1); // raised to two pages
    QCOMPARE(model.cacheCapacity(), 10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadAll(model);
    QCOMPARE(model.rowCount(), 25);
    QVERIFY(model.cachedCount() <= 10);
    // The oldest rows were loaded last and are cached; the newest were evicted: a view scrolling down reads them
    // again, and they come back with dataChanged.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model.index(24).data().isValid());
    // The compact key of every row stays: id, direction and state need no store access.
    QCOMPARE(model.index(24).data(ConversationModel::OutgoingRole).toBool(), false);
    QCOMPARE(model.index(24).data(ConversationModel::StateRole).toInt(), int(StoredMessage::State::Received));
    QCOMPARE(model.rowOf(model.index(24).data(ConversationModel::IdRole).toLongLong()), 24);
    QTRY_VERIFY(!changed.isEmpty());
    for (int row = 0; row < 25; ++row) {
        QCOMPARE(bodyAt(model, row), u"a%1"_s.arg(row));
        QVERIFY(model.cachedCount() <= 10);
    }
    // A new message still lands on a model with evicted rows.
    await(m_store->insert(incoming(Alice, u"newest"_s, 200)));
    QCOMPARE(model.rowCount(), 26);
    QCOMPARE(bodyAt(model, 25), u"newest"_s);
}

void tst_ConversationModel::keepsItsCacheBoundedScrollingThroughALongHistory()
{
    constexpr int Count = 20'000;
    const Jid carol = Jid::fromString(u"carol@example.test"_s);
    QList<StoredMessage> messages;
    for (int i = 0; i < Count; ++i) {
        StoredMessage message = incoming(carol, u"long history %1"_s.arg(i), i);
        message.originId = u"o%1"_s.arg(i);
        messages.append(message);
    }
    QCOMPARE(await(m_store->insertMany(messages)).size(), Count);

    ConversationModel model(m_store.get(), carol);
    int maxCached = 0;
    // Up to the first message, a page at a time, as the view scrolls up ...
    while (!model.isComplete()) {
        model.fetchMore({});
        while (model.isLoading()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        maxCached = qMax(maxCached, model.cachedCount());
    }
    QCOMPARE(model.rowCount(), Count);
    // ... then all the way down again, reading every row as a view painting it would.
    for (int row = 0; row < Count; ++row) {
        QCOMPARE(bodyAt(model, row), u"long history %1"_s.arg(row));
        maxCached = qMax(maxCached, model.cachedCount());
    }
    QCOMPARE(model.cacheCapacity(), ConversationModel::DefaultCacheCapacity);
    QVERIFY2(maxCached <= model.cacheCapacity(), qPrintable(QString::number(maxCached)));
    QVERIFY(model.cachedCount() < Count / 20);
}

QTEST_GUILESS_MAIN(tst_ConversationModel)
#include "tst_ConversationModel.moc"
