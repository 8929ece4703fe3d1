// SPDX-License-Identifier: Apache-2.0
#include "storage/Database.h"

#include "base/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <unordered_map>

using namespace Qt::StringLiterals;

namespace confab {

class Database::Worker : public QObject
{
public:
    explicit Worker(QString connectionName)
        : m_connectionName(std::move(connectionName))
    { }

    ~Worker() override
    {
        m_statements.clear(); // before the connection goes
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
        }
    }

    struct Opened
    {
        QString error;
        QString damagedCopy; ///< set when a corrupt file was moved aside
    };

    Opened open(const QString &path, const QList<Migration> &migrations)
    {
        m_corrupt = false;
        const QString error = tryOpen(path, migrations);
        if (error.isEmpty() || !m_corrupt || path == u":memory:") {
            return { error, {} };
        }
        // Keep the damaged file (and its WAL, which must not be replayed into the new one) for the user.
        qCCritical(lcStorage) << "database" << path << "is corrupt:" << error;
        m_statements.clear();
        m_db.close();
        const QString copy = path + u".corrupt-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
        for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
            if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, copy + suffix)) {
                return { u"the database %1 is damaged (%2) and could not be moved aside to %3"_s.arg(
                             path, error, copy + suffix),
                    {} };
            }
        }
        qCWarning(lcStorage) << "kept the damaged database as" << copy << "and started a new one";
        m_corrupt = false;
        const QString fresh = tryOpen(path, migrations);
        return { fresh, fresh.isEmpty() ? copy : QString() };
    }

    QSqlDatabase &db() { return m_db; }

    QSqlQuery *prepared(const QString &sql)
    {
        auto it = m_statements.find(sql);
        if (it == m_statements.end()) {
            QSqlQuery query(m_db);
            query.setForwardOnly(true);
            if (!query.prepare(sql)) {
                // Not kept: the next job tries again.
                qCWarning(lcStorage) << "cannot prepare" << sql << ":" << query.lastError().text();
                return nullptr;
            }
            it = m_statements.emplace(sql, std::move(query)).first;
        }
        return &it->second;
    }

    /// The worker whose job runs on this thread (prepared() finds its cache through it).
    static inline thread_local Worker *t_current = nullptr;

private:
    // SQLITE_CORRUPT and SQLITE_NOTADB (primary codes; extended codes keep them in the low byte).
    bool isCorruption(const QSqlError &error) const
    {
        bool ok = false;
        const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
        return ok && (code == 11 || code == 26);
    }

    QString failed(const QSqlError &error)
    {
        m_corrupt = m_corrupt || isCorruption(error);
        return error.text();
    }

    QString tryOpen(const QString &path, const QList<Migration> &migrations)
    {
        if (path != u":memory:") {
            QDir().mkpath(QFileInfo(path).absolutePath());
        }
        if (!m_db.isValid()) {
            m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        }
        m_db.setDatabaseName(path);
        if (!m_db.open()) {
            return failed(m_db.lastError());
        }
        QSqlQuery pragma(m_db);
        // WAL: readers never block the writer and a crash loses nothing committed; NORMAL is durable in
        // WAL mode except for the last transactions on power loss, which the XMPP archive can restore.
        // busy_timeout first: another process (a second confab-cli of the same account) may be switching
        // the same new file to WAL at this moment. temp_store=MEMORY: the statement journals of a write
        // transaction (an INSERT whose triggers write elsewhere needs one) otherwise become temporary files,
        // created and unlinked at every batch (bench_receipts: ~5% of the database thread in open/close).
        for (const QString &sql : { u"PRAGMA busy_timeout=5000"_s, u"PRAGMA journal_mode=WAL"_s,
                 u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s, u"PRAGMA temp_store=MEMORY"_s }) {
            if (!pragma.exec(sql)) {
                return failed(pragma.lastError());
            }
        }
        // Reading the schema is where a damaged first page or sqlite_master shows.
        if (!pragma.exec(u"SELECT count(*) FROM sqlite_master"_s) || !pragma.exec(u"PRAGMA user_version"_s)) {
            return failed(pragma.lastError());
        }
        const int current = pragma.next() ? pragma.value(0).toInt() : 0;
        for (const Migration &migration : migrations) {
            if (migration.version <= current) {
                continue;
            }
            if (!m_db.transaction()) {
                return failed(m_db.lastError());
            }
            QSqlQuery query(m_db);
            for (const QString &sql : migration.statements) {
                if (!query.exec(sql)) {
                    const QString error = u"migration %1: %2"_s.arg(migration.version).arg(failed(query.lastError()));
                    m_db.rollback();
                    return error;
                }
            }
            if (!query.exec(u"PRAGMA user_version=%1"_s.arg(migration.version)) || !m_db.commit()) {
                const QString error = failed(m_db.lastError());
                m_db.rollback();
                return error;
            }
            qCInfo(lcStorage) << "schema of" << path << "now at version" << migration.version;
        }
        return {};
    }

    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_corrupt = false;
    std::unordered_map<QString, QSqlQuery> m_statements;
};

Database::Database(QString path, QList<Migration> migrations, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_migrations(std::move(migrations))
    , m_thread(new QThread)
    , m_worker(new Worker(u"confab-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)))
{
    m_thread->setObjectName(u"confab-db"_s);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

Database::~Database()
{
    // Everything queued still runs (and commits) before the worker is deleted on its own thread.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QFuture<QString> Database::open()
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_worker,
        [this, promise, worker = m_worker, path = m_path, migrations = m_migrations] {
            const Worker::Opened opened = worker->open(path, migrations);
            if (!opened.damagedCopy.isEmpty()) {
                {
                    QMutexLocker lock(&m_mutex);
                    m_damagedCopyPath = opened.damagedCopy;
                }
                // Queued to our thread; the reason is the error SQLite gave for the old file.
                QMetaObject::invokeMethod(
                    this,
                    [this, copy = opened.damagedCopy] {
                        Q_EMIT corruptionRecovered(copy,
                            QCoreApplication::translate("confab::Database",
                                "The message database was damaged. A copy was kept "
                                "as %1 and a new, empty database was started.")
                                .arg(copy));
                    },
                    Qt::QueuedConnection);
            }
            promise->addResult(opened.error);
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

void Database::post(std::function<void(QSqlDatabase &)> job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job = std::move(job)] {
            Worker::t_current = worker;
            job(worker->db());
            Worker::t_current = nullptr;
        },
        Qt::QueuedConnection);
}

QSqlQuery *Database::prepared(QSqlDatabase &db, const QString &sql)
{
    Q_ASSERT(Worker::t_current && &Worker::t_current->db() == &db);
    return Worker::t_current->prepared(sql);
}

QString Database::damagedCopyPath() const
{
    QMutexLocker lock(&m_mutex);
    return m_damagedCopyPath;
}

int Database::targetVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

} // namespace confab
