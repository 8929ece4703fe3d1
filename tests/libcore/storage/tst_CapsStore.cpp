// SPDX-License-Identifier: Apache-2.0
#include "storage/CapsStore.h"

#include <QTemporaryDir>
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

} // namespace

class tst_CapsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatWasInsertedByHashAndVer();
    void replacesAnEntry();
    void keepsEntriesAcrossReopening();
};

void tst_CapsStore::findsWhatWasInsertedByHashAndVer()
{
    CapsStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    QVERIFY(!await(store.find(u"sha-1"_s, u"abc="_s)));
    QVERIFY(await(store.insert(u"sha-1"_s, u"abc="_s, "{\"features\":[\"x\"]}")));
    QCOMPARE(await(store.find(u"sha-1"_s, u"abc="_s)), std::optional<QByteArray>("{\"features\":[\"x\"]}"));
    // The same ver under another hash is another entry.
    QVERIFY(!await(store.find(u"sha-256"_s, u"abc="_s)));
    QCOMPARE(await(store.count()), 1);
}

void tst_CapsStore::replacesAnEntry()
{
    CapsStore store(u":memory:"_s);
    QCOMPARE(await(store.open()), QString());
    QVERIFY(await(store.insert(u"sha-1"_s, u"v"_s, "1")));
    QVERIFY(await(store.insert(u"sha-1"_s, u"v"_s, "2")));
    QCOMPARE(await(store.count()), 1);
    QCOMPARE(*await(store.find(u"sha-1"_s, u"v"_s)), QByteArray("2"));
}

void tst_CapsStore::keepsEntriesAcrossReopening()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"caps.sqlite"_s);
    {
        CapsStore store(path);
        QCOMPARE(await(store.open()), QString());
        QVERIFY(await(store.insert(u"sha-1"_s, u"kept="_s, "{}")));
    }
    CapsStore store(path);
    QCOMPARE(await(store.open()), QString());
    QCOMPARE(*await(store.find(u"sha-1"_s, u"kept="_s)), QByteArray("{}"));
}

QTEST_GUILESS_MAIN(tst_CapsStore)
#include "tst_CapsStore.moc"
