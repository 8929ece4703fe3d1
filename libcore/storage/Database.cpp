// SPDX-License-Identifier: Apache-2.0
#include "storage/Database.h"

#include "base/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

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
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
        }
    }

    QString open(const QString &path, const QList<Migration> &migrations)
    {
        if (path != u":memory:") {
            QDir().mkpath(QFileInfo(path).absolutePath());
        }
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        m_db.setDatabaseName(path);
        if (!m_db.open()) {
            return m_db.lastError().text();
        }
        QSqlQuery pragma(m_db);
        // WAL: readers never block the writer and a crash loses nothing committed; NORMAL is durable in
        // WAL mode except for the last transactions on power loss, which the XMPP archive can restore.
        // busy_timeout first: another process (a second confab-cli of the same account) may be switching
        // the same new file to WAL at this moment.
        for (const QString &sql : { u"PRAGMA busy_timeout=5000"_s, u"PRAGMA journal_mode=WAL"_s,
                 u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s }) {
            if (!pragma.exec(sql)) {
                return pragma.lastError().text();
            }
        }
        pragma.exec(u"PRAGMA user_version"_s);
        const int current = pragma.next() ? pragma.value(0).toInt() : 0;
        for (const Migration &migration : migrations) {
            if (migration.version <= current) {
                continue;
            }
            if (!m_db.transaction()) {
                return m_db.lastError().text();
            }
            QSqlQuery query(m_db);
            for (const QString &sql : migration.statements) {
                if (!query.exec(sql)) {
                    const QString error = u"migration %1: %2"_s.arg(migration.version).arg(query.lastError().text());
                    m_db.rollback();
                    return error;
                }
            }
            if (!query.exec(u"PRAGMA user_version=%1"_s.arg(migration.version)) || !m_db.commit()) {
                m_db.rollback();
                return m_db.lastError().text();
            }
            qCInfo(lcStorage) << "schema of" << path << "now at version" << migration.version;
        }
        return {};
    }

    QSqlDatabase &db() { return m_db; }

private:
    QString m_connectionName;
    QSqlDatabase m_db;
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
        [promise, worker = m_worker, path = m_path, migrations = m_migrations] {
            promise->addResult(worker->open(path, migrations));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

void Database::post(std::function<void(QSqlDatabase &)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { job(worker->db()); }, Qt::QueuedConnection);
}

int Database::targetVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

} // namespace confab
