// SPDX-License-Identifier: Apache-2.0
#include "storage/RosterStore.h"

#include "base/Logging.h"
#include "storage/Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

QList<Database::Migration> migrations()
{
    return {
        { 1,
            {
                u"CREATE TABLE roster_item (jid TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', "
                u"subscription TEXT NOT NULL DEFAULT 'none', ask INTEGER NOT NULL DEFAULT 0, "
                u"approved INTEGER NOT NULL DEFAULT 0)"_s,
                // A contact may be in several groups (RFC 6121 §2.1.2.3); position keeps the server's order.
                u"CREATE TABLE roster_group (jid TEXT NOT NULL REFERENCES roster_item(jid) ON DELETE CASCADE, "
                u"name TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (jid, name))"_s,
                u"CREATE TABLE roster_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)"_s,
                u"CREATE TABLE subscription_request (jid TEXT PRIMARY KEY NOT NULL, status TEXT NOT NULL DEFAULT '', "
                u"received INTEGER NOT NULL)"_s,
            } },
    };
}

/// Runs `body` in one transaction; rolls back and logs when it (or the commit) fails.
bool inTransaction(QSqlDatabase &db, const char *what, const std::function<bool(QSqlQuery &)> &body)
{
    if (!db.transaction()) {
        qCWarning(lcStorage) << "roster:" << what << "could not begin:" << db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    if (!body(query) || !db.commit()) {
        qCWarning(lcStorage) << "roster:" << what << "failed:" << query.lastError().text() << db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

/// Prepared statements for writing items, reused across thousands of rows in one transaction.
class ItemWriter
{
public:
    explicit ItemWriter(QSqlDatabase &db)
        : m_upsert(db)
        , m_deleteGroups(db)
        , m_insertGroup(db)
        , m_delete(db)
    { }

    bool prepare()
    {
        return m_upsert.prepare(
                   u"INSERT INTO roster_item (jid, name, subscription, ask, approved) VALUES (?, ?, ?, ?, ?) "
                   u"ON CONFLICT(jid) DO UPDATE SET name = excluded.name, "
                   u"subscription = excluded.subscription, ask = excluded.ask, "
                   u"approved = excluded.approved"_s)
            && m_deleteGroups.prepare(u"DELETE FROM roster_group WHERE jid = ?"_s)
            && m_insertGroup.prepare(u"INSERT OR IGNORE INTO roster_group (jid, name, position) VALUES (?, ?, ?)"_s)
            && m_delete.prepare(u"DELETE FROM roster_item WHERE jid = ?"_s);
    }

    bool write(const RosterItem &item)
    {
        const QString jid = item.jid.toString();
        m_upsert.addBindValue(jid);
        m_upsert.addBindValue(item.name.isNull() ? u""_s : item.name);
        m_upsert.addBindValue(RosterItem::subscriptionName(item.subscription));
        m_upsert.addBindValue(item.ask ? 1 : 0);
        m_upsert.addBindValue(item.approved ? 1 : 0);
        if (!m_upsert.exec()) {
            return fail(m_upsert);
        }
        m_deleteGroups.addBindValue(jid);
        if (!m_deleteGroups.exec()) {
            return fail(m_deleteGroups);
        }
        for (qsizetype i = 0; i < item.groups.size(); ++i) {
            m_insertGroup.addBindValue(jid);
            m_insertGroup.addBindValue(item.groups.at(i));
            m_insertGroup.addBindValue(int(i));
            if (!m_insertGroup.exec()) {
                return fail(m_insertGroup);
            }
        }
        return true;
    }

    bool remove(const Jid &jid)
    {
        m_delete.addBindValue(jid.toString()); // its groups go with it (ON DELETE CASCADE)
        return m_delete.exec() || fail(m_delete);
    }

private:
    static bool fail(const QSqlQuery &query)
    {
        qCWarning(lcStorage) << "roster: write failed:" << query.lastError().text();
        return false;
    }

    QSqlQuery m_upsert;
    QSqlQuery m_deleteGroups;
    QSqlQuery m_insertGroup;
    QSqlQuery m_delete;
};

bool writeVersion(QSqlQuery &query, const QString &version)
{
    if (version.isNull()) {
        return query.exec(u"DELETE FROM roster_meta WHERE key = 'version'"_s);
    }
    query.prepare(u"INSERT OR REPLACE INTO roster_meta (key, value) VALUES ('version', ?)"_s);
    query.addBindValue(version);
    return query.exec();
}

} // namespace

RosterStore::RosterStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_db(new Database(path, migrations(), this))
{ }

RosterStore::~RosterStore() = default;

QFuture<QString> RosterStore::open()
{
    return m_db->open();
}

QFuture<RosterStore::Roster> RosterStore::load()
{
    return m_db->run<Roster>([](QSqlDatabase &db) {
        Roster roster;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (query.exec(u"SELECT value FROM roster_meta WHERE key = 'version'"_s) && query.next()) {
            roster.version = query.value(0).toString();
            if (roster.version.isNull()) {
                roster.version = u""_s; // a stored empty version is still a version
            }
        }
        QHash<QString, QStringList> groups;
        if (query.exec(u"SELECT jid, name FROM roster_group ORDER BY jid, position"_s)) {
            while (query.next()) {
                groups[query.value(0).toString()].append(query.value(1).toString());
            }
        }
        if (!query.exec(u"SELECT jid, name, subscription, ask, approved FROM roster_item ORDER BY jid"_s)) {
            qCWarning(lcStorage) << "roster: load failed:" << query.lastError().text();
            return Roster {};
        }
        while (query.next()) {
            RosterItem item;
            item.jid = Jid::fromString(query.value(0).toString());
            if (!item.jid.isBare()) {
                continue;
            }
            item.name = query.value(1).toString();
            item.subscription
                = RosterItem::subscriptionFromName(query.value(2).toString()).value_or(RosterItem::Subscription::None);
            item.ask = query.value(3).toBool();
            item.approved = query.value(4).toBool();
            item.groups = groups.value(query.value(0).toString());
            roster.items.append(std::move(item));
        }
        return roster;
    });
}

QFuture<bool> RosterStore::replaceAll(const QList<RosterItem> &items, const QString &version)
{
    return m_db->run<bool>([items, version](QSqlDatabase &db) {
        return inTransaction(db, "replace", [&](QSqlQuery &query) {
            if (!query.exec(u"DELETE FROM roster_group"_s) || !query.exec(u"DELETE FROM roster_item"_s)) {
                return false;
            }
            ItemWriter writer(db);
            if (!writer.prepare()) {
                return false;
            }
            for (const RosterItem &item : items) {
                if (!item.isRemoval() && !writer.write(item)) {
                    return false;
                }
            }
            return writeVersion(query, version);
        });
    });
}

QFuture<bool> RosterStore::applyChanges(
    const QList<RosterItem> &upserts, const QList<Jid> &removals, const QString &version)
{
    return m_db->run<bool>([upserts, removals, version](QSqlDatabase &db) {
        return inTransaction(db, "update", [&](QSqlQuery &query) {
            ItemWriter writer(db);
            if (!writer.prepare()) {
                return false;
            }
            for (const RosterItem &item : upserts) {
                if (!writer.write(item)) {
                    return false;
                }
            }
            for (const Jid &jid : removals) {
                if (!writer.remove(jid)) {
                    return false;
                }
            }
            return version.isNull() || writeVersion(query, version);
        });
    });
}

QFuture<QList<SubscriptionRequest>> RosterStore::loadRequests()
{
    return m_db->run<QList<SubscriptionRequest>>([](QSqlDatabase &db) {
        QList<SubscriptionRequest> requests;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT jid, status, received FROM subscription_request ORDER BY received, jid"_s)) {
            qCWarning(lcStorage) << "roster: loading subscription requests failed:" << query.lastError().text();
            return requests;
        }
        while (query.next()) {
            SubscriptionRequest request;
            request.jid = Jid::fromString(query.value(0).toString());
            if (!request.jid.isBare()) {
                continue;
            }
            request.status = query.value(1).toString();
            request.received = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
            requests.append(std::move(request));
        }
        return requests;
    });
}

QFuture<bool> RosterStore::addRequest(const SubscriptionRequest &request)
{
    return m_db->run<bool>([request](QSqlDatabase &db) {
        return inTransaction(db, "add request", [&](QSqlQuery &query) {
            query.prepare(u"INSERT INTO subscription_request (jid, status, received) VALUES (?, ?, ?) "
                          u"ON CONFLICT(jid) DO UPDATE SET status = excluded.status"_s);
            query.addBindValue(request.jid.toString());
            query.addBindValue(request.status.isNull() ? u""_s : request.status);
            const QDateTime received = request.received.isValid() ? request.received : QDateTime::currentDateTimeUtc();
            query.addBindValue(received.toMSecsSinceEpoch());
            return query.exec();
        });
    });
}

QFuture<bool> RosterStore::removeRequest(const Jid &jid)
{
    return m_db->run<bool>([jid](QSqlDatabase &db) {
        return inTransaction(db, "remove request", [&](QSqlQuery &query) {
            query.prepare(u"DELETE FROM subscription_request WHERE jid = ?"_s);
            query.addBindValue(jid.toString());
            return query.exec();
        });
    });
}

QFuture<bool> RosterStore::clear()
{
    return m_db->run<bool>([](QSqlDatabase &db) {
        return inTransaction(db, "clear", [](QSqlQuery &query) {
            return query.exec(u"DELETE FROM roster_group"_s) && query.exec(u"DELETE FROM roster_item"_s)
                && query.exec(u"DELETE FROM roster_meta"_s) && query.exec(u"DELETE FROM subscription_request"_s);
        });
    });
}

} // namespace confab
