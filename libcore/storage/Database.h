// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlQuery;
class QThread;

namespace confab {

/// One SQLite database on its own worker thread (DESIGN.md: the event-loop thread never waits on disk).
/// Jobs run one at a time, in the order submitted, on that thread's connection, and report through
/// QFuture. The schema is brought up to date by an ordered list of migrations, each in one transaction;
/// the database runs in WAL mode, so a kill -9 loses no committed row.
class Database : public QObject
{
    Q_OBJECT
public:
    struct Migration
    {
        int version; ///< 1, 2, 3, ... in order; stored in PRAGMA user_version
        QStringList statements; ///< SQL run in one transaction
    };

    /// `path` is a file, or ":memory:" for tests.
    Database(QString path, QList<Migration> migrations, QObject *parent = nullptr);
    ~Database() override;

    /// Opens the database and applies missing migrations. Resolves to an empty string, or the error.
    /// A file SQLite calls corrupt ("not a database", "malformed") is not an error: it is moved aside with
    /// its -wal and -shm files to `<path>.corrupt-<UTC time>`, a fresh database is created in its place,
    /// corruptionRecovered() is emitted and damagedCopyPath() names the copy.
    QFuture<QString> open();

    /// Where open() kept the damaged file it replaced, or empty. Valid once open() has resolved.
    QString damagedCopyPath() const;

    /// Runs `job` on the database thread with its connection. Submitted before open() finishes, it runs
    /// after it. The job must not touch objects of other threads.
    template <typename T> QFuture<T> run(std::function<T(QSqlDatabase &)> job)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        post([promise, job = std::move(job)](QSqlDatabase &db) {
            promise->addResult(job(db));
            promise->finish();
        });
        return future;
    }

    /// A statement prepared once per connection and kept for the next job: call from a job only (on the
    /// database thread), bind, exec, and finish() it before it is needed again. Hot paths that run per batch
    /// (MessageStore's inserts) pay SQLite's compile (schema lookup, triggers, every index) once instead of
    /// at every batch. Returns null (and logs SQLite's error) when the statement does not compile.
    static QSqlQuery *prepared(QSqlDatabase &db, const QString &sql);

    const QString &path() const { return m_path; }
    /// The schema version the migrations lead to.
    int targetVersion() const;

Q_SIGNALS:
    /// open() found the file corrupt, kept it as `copyPath` and started an empty database (the user should
    /// be told: local history is gone from view, the copy may be recovered by hand).
    void corruptionRecovered(const QString &copyPath, const QString &message);

private:
    class Worker;
    void post(std::function<void(QSqlDatabase &)> job);

    QString m_path;
    QList<Migration> m_migrations;
    QThread *m_thread;
    Worker *m_worker;
    mutable QMutex m_mutex;
    QString m_damagedCopyPath; ///< guarded by m_mutex (written on the database thread)
};

} // namespace confab
