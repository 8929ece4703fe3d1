// SPDX-License-Identifier: Apache-2.0
// Issue 7: a damaged database file does not stop the app. Database::open() keeps a copy of the damaged file
// (with its WAL) as <path>.corrupt-<time>, says so, and starts an empty database that works; a healthy file is
// never touched. A full disk (SQLite's max_page_count standing in for it) is a clear error, and the rows
// committed before it stay.
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
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

QList<Database::Migration> notesSchema()
{
    return { { 1, { u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"_s } } };
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// A database with `rows` notes, closed.
void makeNotes(const QString &path, int rows)
{
    Database db(path, notesSchema());
    QCOMPARE(await(db.open()), QString());
    QVERIFY(await(db.run<bool>([rows](QSqlDatabase &c) {
        c.transaction();
        QSqlQuery q(c);
        for (int i = 0; i < rows; ++i) {
            if (!q.exec(u"INSERT INTO notes(text) VALUES ('note %1 %2')"_s.arg(i).arg(QString(200, u'x')))) {
                return false;
            }
        }
        return c.commit() && QSqlQuery(c).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    })));
}

QStringList corruptCopies(const QString &dir)
{
    // The damaged file itself; its -wal and -shm companions are kept beside it under the same name.
    QStringList copies = QDir(dir).entryList({ u"notes.sqlite.corrupt-*"_s }, QDir::Files, QDir::Name);
    copies.removeIf([](const QString &name) { return name.endsWith(u"-wal") || name.endsWith(u"-shm"); });
    return copies;
}

int noteCount(Database &db)
{
    return await(db.run<int>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        return q.exec(u"SELECT count(*) FROM notes"_s) && q.next() ? q.value(0).toInt() : -1;
    }));
}

} // namespace

class tst_DatabaseRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyFileIsOpenedUntouched();
    void damagedFileIsKeptAsideAndAFreshOneStarted_data();
    void damagedFileIsKeptAsideAndAFreshOneStarted();
    void fullDiskIsAClearErrorAndKeepsWhatWasCommitted();
};

void tst_DatabaseRecovery::healthyFileIsOpenedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.sqlite"_s);
    makeNotes(path, 10);
    Database db(path, notesSchema());
    QSignalSpy recovered(&db, &Database::corruptionRecovered);
    QCOMPARE(await(db.open()), QString());
    QCOMPARE(noteCount(db), 10);
    QVERIFY(db.damagedCopyPath().isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(recovered.count(), 0);
    QVERIFY(corruptCopies(dir.path()).isEmpty());
}

void tst_DatabaseRecovery::damagedFileIsKeptAsideAndAFreshOneStarted_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("random bytes, no database at all") << u"garbage"_s;
    QTest::newRow("header overwritten") << u"header"_s;
    QTest::newRow("schema page overwritten") << u"schema"_s;
    QTest::newRow("truncated to half a page") << u"truncated"_s;
}

void tst_DatabaseRecovery::damagedFileIsKeptAsideAndAFreshOneStarted()
{
    QFETCH(QString, damage);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.sqlite"_s);
    makeNotes(path, 200);
    QByteArray bytes = readFile(path);
    QVERIFY(bytes.size() > 8192);
    if (damage == u"garbage") {
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            bytes[i] = char((i * 7919 + 13) & 0xff);
        }
    } else if (damage == u"header") {
        bytes.replace(0, 16, QByteArray(16, '\xAA'));
    } else if (damage == u"schema") {
        // Page 1 after its 100-byte header holds sqlite_master's b-tree page header and cells.
        bytes.replace(100, 3000, QByteArray(3000, '\x7F'));
    } else {
        bytes.truncate(2048);
        bytes.replace(0, 16, QByteArray(16, '\0'));
    }
    writeFile(path, bytes);

    Database db(path, notesSchema());
    QSignalSpy recovered(&db, &Database::corruptionRecovered);
    QCOMPARE(await(db.open()), QString());
    // Said so: a signal with the copy's name and a sentence for the user.
    QTRY_COMPARE(recovered.count(), 1);
    const QString copy = db.damagedCopyPath();
    QCOMPARE(recovered.at(0).at(0).toString(), copy);
    QVERIFY2(recovered.at(0).at(1).toString().contains(copy), qPrintable(recovered.at(0).at(1).toString()));
    // The copy is the damaged file, byte for byte.
    QVERIFY2(copy.startsWith(path + u".corrupt-"_s), qPrintable(copy));
    QCOMPARE(corruptCopies(dir.path()), QStringList { QFileInfo(copy).fileName() });
    QCOMPARE(readFile(copy), bytes);
    // The fresh database works and is sound.
    QCOMPARE(noteCount(db), 0);
    QVERIFY(await(db.run<bool>(
        [](QSqlDatabase &c) { return QSqlQuery(c).exec(u"INSERT INTO notes(text) VALUES ('after')"_s); })));
    QCOMPARE(noteCount(db), 1);
    const QString check = await(db.run<QString>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        return q.exec(u"PRAGMA integrity_check"_s) && q.next() ? q.value(0).toString() : q.lastError().text();
    }));
    QCOMPARE(check, u"ok"_s);
}

void tst_DatabaseRecovery::fullDiskIsAClearErrorAndKeepsWhatWasCommitted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.sqlite"_s);
    makeNotes(path, 10);
    Database db(path, notesSchema());
    QCOMPARE(await(db.open()), QString());
    // No room for more pages: what a full disk looks like to SQLite (SQLITE_FULL).
    const QString error = await(db.run<QString>([](QSqlDatabase &c) {
        QSqlQuery q(c);
        q.exec(u"PRAGMA page_count"_s);
        const int pages = q.next() ? q.value(0).toInt() : 0;
        q.exec(u"PRAGMA max_page_count=%1"_s.arg(pages));
        c.transaction();
        for (int i = 0; i < 10000; ++i) {
            if (!q.exec(u"INSERT INTO notes(text) VALUES ('%1')"_s.arg(QString(1000, u'y')))) {
                const QString text = q.lastError().text() + u" [" + q.lastError().nativeErrorCode() + u']';
                c.rollback();
                return text;
            }
        }
        c.commit();
        return QString();
    }));
    QVERIFY2(error.contains(u"full"_s, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(error.contains(u"[13]"_s), qPrintable(error)); // SQLITE_FULL, which a caller can tell apart
    QCOMPARE(noteCount(db), 10);
    QVERIFY(db.damagedCopyPath().isEmpty()); // full is not corrupt: nothing moved aside
}

QTEST_GUILESS_MAIN(tst_DatabaseRecovery)
#include "tst_DatabaseRecovery.moc"
