// SPDX-License-Identifier: Apache-2.0
// Issue 7, crash-safe storage: a child process (this executable with --write) stores messages into a
// MessageStore and prints the origin-id of each one once its commit future has resolved — what the user would
// have been shown as saved. The parent kills it with SIGKILL at random moments, again and again on the same
// file. After every kill the database opens, PRAGMA integrity_check (and the FTS index check) says ok, and every
// message the child reported is there exactly once. CONFAB_CRASH_KILLS sets the number of kills (default 100).
#include "storage/MessageStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

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
const Jid Me = Jid::fromString(u"me@example.test/desk"_s);

/// The child: writes single messages and batches of random size until killed; one line per committed message.
int writeUntilKilled(const QString &path, const QString &tag)
{
    MessageStore store(path);
    const QString error = await(store.open());
    if (!error.isEmpty()) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        return 1;
    }
    std::fputs("open\n", stdout);
    std::fflush(stdout);
    QRandomGenerator random(QRandomGenerator::global()->generate());
    for (int n = 0;;) {
        const int batch = random.bounded(4) == 0 ? 1 + int(random.bounded(50)) : 1;
        QList<StoredMessage> messages;
        for (int i = 0; i < batch; ++i, ++n) {
            StoredMessage m;
            m.conversation = Alice;
            const bool outgoing = n % 3 == 0;
            m.sender = outgoing ? Me : Jid::fromString(u"alice@example.test/phone"_s);
            m.direction = outgoing ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
            m.state = outgoing ? StoredMessage::State::Pending : StoredMessage::State::Received;
            m.body = u"message %1 of run %2 — 你好 🙂"_s.arg(n).arg(tag);
            m.originId = u"%1-%2"_s.arg(tag).arg(n);
            m.messageId = m.originId;
            m.timestamp = QDateTime::currentDateTimeUtc();
            messages.append(m);
        }
        const QList<MessageStore::Inserted> inserted = await(store.insertMany(messages));
        QByteArray lines;
        for (int i = 0; i < inserted.size(); ++i) {
            if (inserted[i].id > 0 && !inserted[i].duplicate) {
                lines += messages[i].originId.toUtf8() + '\n';
            }
        }
        std::fputs(lines.constData(), stdout);
        std::fflush(stdout);
    }
}

int killCount()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("CONFAB_CRASH_KILLS", &ok);
    return ok && n > 0 ? n : 100;
}

} // namespace

class tst_StorageCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sigkillsAtRandomPointsLoseNothingCommitted();
};

void tst_StorageCrash::sigkillsAtRandomPointsLoseNothingCommitted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"messages.sqlite"_s);
    const int kills = killCount();
    QSet<QString> committed;
    QElapsedTimer total;
    total.start();
    int killedMidWrite = 0;
    for (int round = 0; round < kills; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), { u"--write"_s, path, QString::number(round) });
        QVERIFY(child.waitForStarted());
        // Kill at a random moment: sometimes during open (and its migrations), mostly among the writes.
        const int delayMs = int(QRandomGenerator::global()->bounded(round % 10 == 0 ? 40 : 150));
        QElapsedTimer since;
        since.start();
        QByteArray out;
        while (since.elapsed() < delayMs && child.state() == QProcess::Running) {
            child.waitForReadyRead(5);
            out += child.readAllStandardOutput();
        }
        QCOMPARE(child.state(), QProcess::Running); // it must not have stopped by itself
        child.kill();
        QVERIFY(child.waitForFinished(10'000));
        out += child.readAllStandardOutput();
        // Only whole lines count: a line cut by the kill was not reported.
        const QList<QByteArray> lines = out.left(out.lastIndexOf('\n') + 1).split('\n');
        for (const QByteArray &line : lines) {
            if (!line.isEmpty() && line != "open") {
                committed.insert(QString::fromUtf8(line));
            }
        }
        killedMidWrite += out.contains("open") ? 1 : 0;

        // The parent's own check, on the file the child left.
        const QString connection = u"check-%1"_s.arg(round);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            if (round % 10 == 9 || round == kills - 1) { // the full check reads every page: not every round
                QVERIFY(query.exec(u"PRAGMA integrity_check"_s));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), u"ok"_s);
                QVERIFY2(query.exec(u"INSERT INTO message_fts(message_fts) VALUES('integrity-check')"_s),
                    qPrintable(query.lastError().text()));
            }
            QSet<QString> present;
            qsizetype rows = 0;
            if (query.exec(u"SELECT origin_id FROM message"_s)) { // no table yet if killed before the migration
                while (query.next()) {
                    present.insert(query.value(0).toString());
                    ++rows;
                }
            }
            QCOMPARE(rows, present.size()); // no duplicates
            for (const QString &id : std::as_const(committed)) {
                QVERIFY2(present.contains(id),
                    qPrintable(u"round %1: %2 was reported committed but is missing"_s.arg(round).arg(id)));
            }
        }
        QSqlDatabase::removeDatabase(connection);
    }
    // A MessageStore opens what is left and keeps working.
    MessageStore store(path);
    QCOMPARE(await(store.open()), QString());
    QVERIFY(await(store.count(Alice)) >= committed.size());
    qInfo("%d SIGKILLs (%d after open), %lld messages reported committed, all present; %lld ms", kills, killedMidWrite,
        qsizetype(committed.size()), total.elapsed());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--write") == 0) {
        return writeUntilKilled(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    tst_StorageCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_StorageCrash.moc"
