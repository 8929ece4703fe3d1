// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "xmpp/roster/RosterItem.h"
#include "xmpp/roster/SubscriptionRequest.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

namespace confab {

class Database;

/// One account's roster cache in its own SQLite file (a Database on its worker thread): the items with
/// their groups, the roster version the server gave them (RFC 6121 §2.6), and the subscription requests
/// still waiting for the user's answer. Every write is one transaction, however many items it carries.
class RosterStore : public QObject
{
    Q_OBJECT
public:
    /// The cached roster: its items and version. A null version means the server gave none (or there
    /// is no cache yet).
    struct Roster
    {
        QList<RosterItem> items;
        QString version;
    };

    /// `path` is a file (its directory is created), or ":memory:" for tests.
    explicit RosterStore(const QString &path, QObject *parent = nullptr);
    ~RosterStore() override;

    /// Opens the database and brings its schema up to date; an empty string, or the error.
    QFuture<QString> open();

    /// The whole cached roster.
    QFuture<Roster> load();
    /// Replaces every item and the version (a full roster result, RFC 6121 §2.1.4). False on failure.
    QFuture<bool> replaceAll(const QList<RosterItem> &items, const QString &version);
    /// Adds or replaces `upserts`, deletes `removals` and, when `version` is not null, records it
    /// (roster pushes, RFC 6121 §2.1.6 and §2.6.3). False on failure.
    QFuture<bool> applyChanges(const QList<RosterItem> &upserts, const QList<Jid> &removals, const QString &version);

    /// Subscription requests waiting for an answer, oldest first.
    QFuture<QList<SubscriptionRequest>> loadRequests();
    /// Records a request; one that is already there keeps its time and takes the new status text.
    QFuture<bool> addRequest(const SubscriptionRequest &request);
    /// Forgets the request from `jid` (answered, withdrawn, or settled elsewhere).
    QFuture<bool> removeRequest(const Jid &jid);

    /// Forgets everything (the account changed, or the user cleared the cache).
    QFuture<bool> clear();

private:
    Database *m_db;
};

} // namespace confab
