// SPDX-License-Identifier: Apache-2.0
// The avatar cache: content-addressed files that only ever hold what their name promises, and an index
// that survives a restart.
#include "storage/AvatarCache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace confab;

namespace {

const QByteArray Image = "\x89PNG\r\n\x1a\n pretend image bytes";

} // namespace

class tst_AvatarCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesUnderTheSha1AndLoadsBack();
    void refusesBytesThatDoNotMatchTheHash();
    void refusesMalformedHashes_data();
    void refusesMalformedHashes();
    void upperCaseHashesNameTheSameFile();
    void indexPersistsAcrossInstances();
    void emptyHashForgetsTheContact();
    void damagedFileIsNotServed();
    void garbageIndexIsIgnored();
};

void tst_AvatarCache::storesUnderTheSha1AndLoadsBack()
{
    QTemporaryDir dir;
    AvatarCache cache(dir.path() + u"/avatars"_s); // created when missing
    const QString hash = AvatarCache::hashOf(Image);
    QCOMPARE(hash.size(), 40);
    QVERIFY(!cache.contains(hash));
    QVERIFY(cache.store(hash, Image));
    QVERIFY(cache.contains(hash));
    QVERIFY(QFile::exists(dir.path() + u"/avatars/"_s + hash));
    QCOMPARE(cache.load(hash), Image);
    QVERIFY(cache.store(hash, Image)); // again: nothing to do, still fine
    // Only the image (no temporary files left by QSaveFile).
    QCOMPARE(QDir(cache.directory()).entryList(QDir::Files), QStringList { hash });
}

void tst_AvatarCache::refusesBytesThatDoNotMatchTheHash()
{
    QTemporaryDir dir;
    AvatarCache cache(dir.path());
    const QString otherHash = AvatarCache::hashOf("some other image");
    QVERIFY(!cache.store(otherHash, Image));
    QVERIFY(!cache.contains(otherHash));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void tst_AvatarCache::refusesMalformedHashes_data()
{
    QTest::addColumn<QString>("hash");
    QTest::newRow("empty") << QString();
    QTest::newRow("path traversal") << u"../../../../etc/passwd"_s;
    QTest::newRow("39 digits") << AvatarCache::hashOf(Image).left(39);
    QTest::newRow("41 digits") << AvatarCache::hashOf(Image) + u'0';
    QTest::newRow("not hex") << u"zz"_s + AvatarCache::hashOf(Image).mid(2);
    QTest::newRow("index file name") << u"index.json"_s;
    QTest::newRow("fullwidth digits") << QString(40, QChar(0xff10));
}

void tst_AvatarCache::refusesMalformedHashes()
{
    QFETCH(QString, hash);
    QTemporaryDir dir;
    AvatarCache cache(dir.path());
    QVERIFY(!AvatarCache::isValidHash(hash));
    QVERIFY(!cache.store(hash, Image));
    QVERIFY(!cache.contains(hash));
    QVERIFY(cache.load(hash).isEmpty());
    QVERIFY(!cache.setHashFor(Jid::fromString(u"juliet@example.com"), hash) || hash.isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void tst_AvatarCache::upperCaseHashesNameTheSameFile()
{
    QTemporaryDir dir;
    AvatarCache cache(dir.path());
    const QString hash = AvatarCache::hashOf(Image);
    QVERIFY(cache.store(hash.toUpper(), Image));
    QVERIFY(cache.contains(hash));
    QCOMPARE(cache.load(hash.toUpper()), Image);
}

void tst_AvatarCache::indexPersistsAcrossInstances()
{
    QTemporaryDir dir;
    const Jid juliet = Jid::fromString(u"juliet@example.com");
    const Jid zhang = Jid::fromString(u"张伟@例子.测试");
    const QString hash = AvatarCache::hashOf(Image);
    {
        AvatarCache cache(dir.path());
        QVERIFY(cache.store(hash, Image));
        QVERIFY(cache.setHashFor(juliet.withResource(u"balcony"), hash)); // reduced to the bare JID
        QVERIFY(cache.setHashFor(zhang, hash));
    }
    AvatarCache reopened(dir.path());
    QCOMPARE(reopened.hashFor(juliet), hash);
    QCOMPARE(reopened.hashFor(juliet.withResource(u"other")), hash);
    QCOMPARE(reopened.hashFor(zhang), hash);
    QCOMPARE(reopened.avatarFor(zhang), Image);
    QCOMPARE(reopened.hashFor(Jid::fromString(u"romeo@example.com")), QString());
}

void tst_AvatarCache::emptyHashForgetsTheContact()
{
    QTemporaryDir dir;
    const Jid juliet = Jid::fromString(u"juliet@example.com");
    const QString hash = AvatarCache::hashOf(Image);
    {
        AvatarCache cache(dir.path());
        QVERIFY(cache.store(hash, Image));
        QVERIFY(cache.setHashFor(juliet, hash));
        QVERIFY(cache.setHashFor(juliet, {}));
        QCOMPARE(cache.hashFor(juliet), QString());
        QVERIFY(cache.contains(hash)); // the image may be someone else's too
    }
    QCOMPARE(AvatarCache(dir.path()).hashFor(juliet), QString());
}

void tst_AvatarCache::damagedFileIsNotServed()
{
    QTemporaryDir dir;
    const QString hash = AvatarCache::hashOf(Image);
    AvatarCache cache(dir.path());
    QVERIFY(cache.store(hash, Image));
    QFile file(dir.path() + u'/' + hash);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("something else entirely");
    file.close();
    QVERIFY(cache.load(hash).isEmpty());
}

void tst_AvatarCache::garbageIndexIsIgnored()
{
    QTemporaryDir dir;
    QFile index(dir.path() + u"/index.json"_s);
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write(R"({"juliet@example.com": "../../etc/passwd", "not a jid@@": ")" + AvatarCache::hashOf(Image).toLatin1()
        + R"(", "romeo@example.com": 42})");
    index.close();
    AvatarCache cache(dir.path());
    QCOMPARE(cache.hashFor(Jid::fromString(u"juliet@example.com")), QString());
    QCOMPARE(cache.hashFor(Jid::fromString(u"romeo@example.com")), QString());
}

QTEST_GUILESS_MAIN(tst_AvatarCache)
#include "tst_AvatarCache.moc"
