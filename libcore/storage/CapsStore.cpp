// SPDX-License-Identifier: Apache-2.0
#include "storage/CapsStore.h"

#include "base/Logging.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QList<Database::Migration> capsSchema()
{
    // last_seen lets a later version expire entries nobody announced for a long time.
    return { { 1,
        { u"CREATE TABLE caps (hash TEXT NOT NULL, ver TEXT NOT NULL, info BLOB NOT NULL, "
          u"last_seen INTEGER NOT NULL, PRIMARY KEY (hash, ver)) WITHOUT ROWID"_s } } };
}

} // namespace

CapsStore::CapsStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_db(path, capsSchema())
{ }

CapsStore::~CapsStore() = default;

QFuture<QString> CapsStore::open()
{
    return m_db.open();
}

QFuture<std::optional<QByteArray>> CapsStore::find(const QString &hash, const QString &ver)
{
    return m_db.run<std::optional<QByteArray>>([hash, ver](QSqlDatabase &db) -> std::optional<QByteArray> {
        QSqlQuery query(db);
        query.prepare(u"SELECT info FROM caps WHERE hash = ? AND ver = ?"_s);
        query.addBindValue(hash);
        query.addBindValue(ver);
        if (!query.exec()) {
            qCWarning(lcStorage) << "caps lookup failed:" << query.lastError().text();
            return std::nullopt;
        }
        if (!query.next()) {
            return std::nullopt;
        }
        return query.value(0).toByteArray();
    });
}

QFuture<bool> CapsStore::insert(const QString &hash, const QString &ver, const QByteArray &document)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return m_db.run<bool>([hash, ver, document, now](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(u"INSERT OR REPLACE INTO caps (hash, ver, info, last_seen) VALUES (?, ?, ?, ?)"_s);
        query.addBindValue(hash);
        query.addBindValue(ver);
        query.addBindValue(document);
        query.addBindValue(now);
        if (!query.exec()) {
            qCWarning(lcStorage) << "caps insert failed:" << query.lastError().text();
            return false;
        }
        return true;
    });
}

QFuture<int> CapsStore::count()
{
    return m_db.run<int>([](QSqlDatabase &db) {
        QSqlQuery query(db);
        return query.exec(u"SELECT COUNT(*) FROM caps"_s) && query.next() ? query.value(0).toInt() : -1;
    });
}

} // namespace confab
