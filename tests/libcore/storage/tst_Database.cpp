// SPDX-License-Identifier: Apache-2.0
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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

QList<Database::Migration> notesSchema()
{
    return { { 1, { u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"_s } },
        { 2, { u"ALTER TABLE notes ADD COLUMN stamp INTEGER"_s, u"CREATE INDEX notes_stamp ON notes(stamp)"_s } } };
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesMigrationsInOrderAndRecordsTheVersion();
    void reopeningSkipsAppliedMigrationsAndKeepsData();
    void failedMigrationRollsBackAndIsReported();
    void jobsRunInOrderOffTheCallingThread();
    void usesWriteAheadLogging();
};

void tst_Database::appliesMigrationsInOrderAndRecordsTheVersion()
{
    Database db(u":memory:"_s, notesSchema());
    QCOMPARE(await(db.open()), QString());
    const int version = await(db.run<int>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        q.exec(u"PRAGMA user_version"_s);
        return q.next() ? q.value(0).toInt() : -1;
    }));
    QCOMPARE(version, 2);
    QCOMPARE(db.targetVersion(), 2);
    const bool hasStamp = await(db.run<bool>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        return q.exec(u"INSERT INTO notes(text, stamp) VALUES ('a', 1)"_s);
    }));
    QVERIFY(hasStamp);
}

void tst_Database::reopeningSkipsAppliedMigrationsAndKeepsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/dir/account.sqlite"_s);
    {
        Database db(path, notesSchema());
        QCOMPARE(await(db.open()), QString());
        QVERIFY(await(db.run<bool>(
            [](QSqlDatabase &c) { return QSqlQuery(c).exec(u"INSERT INTO notes(text) VALUES ('kept')"_s); })));
    }
    // Version 2 is there already: a third migration is the only one applied; re-running 1 would fail.
    QList<Database::Migration> schema = notesSchema();
    schema.append({ 3, { u"CREATE TABLE extra (x INTEGER)"_s } });
    Database db(path, schema);
    QCOMPARE(await(db.open()), QString());
    const QString text = await(db.run<QString>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        q.exec(u"SELECT text FROM notes"_s);
        return q.next() ? q.value(0).toString() : QString();
    }));
    QCOMPARE(text, u"kept"_s);
}

void tst_Database::failedMigrationRollsBackAndIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.sqlite"_s);
    Database db(path, { { 1, { u"CREATE TABLE a (x INTEGER)"_s, u"THIS IS NOT SQL"_s } } });
    const QString error = await(db.open());
    QVERIFY2(error.contains(u"migration 1"_s), qPrintable(error));
    const bool tableExists = await(db.run<bool>([](QSqlDatabase &c) { return c.tables().contains(u"a"_s); }));
    QVERIFY(!tableExists); // the whole migration rolled back
}

void tst_Database::jobsRunInOrderOffTheCallingThread()
{
    Database db(u":memory:"_s, notesSchema());
    db.open();
    QList<QFuture<int>> futures;
    QThread *caller = QThread::currentThread();
    for (int i = 0; i < 100; ++i) {
        futures.append(db.run<int>([i, caller](QSqlDatabase &c) {
            QSqlQuery q(c);
            q.prepare(u"INSERT INTO notes(text) VALUES (?)"_s);
            q.addBindValue(QString::number(i));
            q.exec();
            return QThread::currentThread() != caller ? i : -1;
        }));
    }
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(await(futures[i]), i);
    }
    const QStringList order = await(db.run<QStringList>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        q.exec(u"SELECT text FROM notes ORDER BY id"_s);
        QStringList texts;
        while (q.next()) {
            texts.append(q.value(0).toString());
        }
        return texts;
    }));
    QCOMPARE(order.size(), 100);
    QCOMPARE(order.first(), u"0"_s);
    QCOMPARE(order.last(), u"99"_s);
}

void tst_Database::usesWriteAheadLogging()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"wal.sqlite"_s), notesSchema());
    QCOMPARE(await(db.open()), QString());
    const QString mode = await(db.run<QString>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        q.exec(u"PRAGMA journal_mode"_s);
        return q.next() ? q.value(0).toString() : QString();
    }));
    QCOMPARE(mode, u"wal"_s);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
