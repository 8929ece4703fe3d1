// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"
#include "xmpp/presence/Presence.h"
#include "xmpp/roster/RosterItem.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QImage>

#include <functional>

namespace confab {

class AvatarManager;
class BlockingManager;
class PresenceManager;
class RosterManager;

/// The contact list as a two-level tree: groups, then the contacts in each (a contact in two groups is
/// shown in both; contacts without a group are in one last group). Fed by the roster, presence, blocking and
/// avatar managers' signals (connectTo()), or directly for tests and benchmarks. Structure changes are
/// batched: a roster of thousands arrives as one reset when the model is empty and as a few row
/// insertions per group otherwise; a presence flood becomes dataChanged on the affected rows only.
/// Sorting and search are RosterFilterModel's.
class RosterModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        JidRole = Qt::UserRole + 1, ///< bare JID string (contacts)
        NameRole, ///< the roster name, possibly empty
        GroupsRole, ///< QStringList
        SubscriptionRole, ///< RosterItem::Subscription as int
        PendingRole, ///< bool: our subscription request is waiting (ask)
        PresenceRole, ///< Presence::Show as int (aggregate over resources)
        StatusTextRole, ///< aggregate's status text
        ResourceCountRole, ///< available resources
        UnreadCountRole,
        BlockedRole,
        AvatarRole, ///< QImage, null when none
        IsGroupRole, ///< true on group rows
        OnlineCountRole, ///< group rows: contacts online in the group
        ContactCountRole, ///< group rows: contacts in the group
    };
    Q_ENUM(Role)

    explicit RosterModel(QObject *parent = nullptr);
    ~RosterModel() override;

    /// Wires the model to one account's managers (any may be null).
    void connectTo(RosterManager *roster, PresenceManager *presence, BlockingManager *blocking, AvatarManager *avatars);

    /// The whole roster (after a fetch or from the cache): a reset when empty, else merged without one.
    void setRoster(const QList<RosterItem> &items);
    void updateItems(const QList<RosterItem> &items);
    void removeItems(const QList<Jid> &jids);
    /// The aggregate presence (and resource count) of these contacts changed.
    void updatePresences(const QList<std::pair<Jid, Presence>> &presences, const QHash<Jid, int> &resourceCounts = {});
    /// Everybody offline (the session was lost).
    void clearPresences();
    void setBlocked(const QList<Jid> &blocked);
    void setUnreadCount(const Jid &bareJid, int count);
    void setAvatarProvider(std::function<QImage(const Jid &)> provider) { m_avatarProvider = std::move(provider); }
    void avatarChanged(const Jid &bareJid);

    /// The index of a contact under its first group, or an invalid index.
    QModelIndex indexOf(const Jid &bareJid) const;
    int contactCount() const { return int(m_entries.size()); }
    /// The name of the group for contacts without one (translated).
    static QString ungroupedName();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Entry
    {
        RosterItem item;
        Presence::Show show = Presence::Show::Offline;
        QString status;
        int resources = 0;
        int unread = 0;
        bool blocked = false;
    };
    struct Group
    {
        QString name; ///< empty for the ungrouped contacts
        QList<Jid> members;
        int online = 0;
    };

    static QStringList groupsOf(const RosterItem &item);
    int groupRow(const QString &name) const;
    int insertGroup(const QString &name);
    void removeGroupIfEmpty(int row);
    void addToGroups(const Jid &jid, const QStringList &groups);
    void removeFromGroups(const Jid &jid, const QStringList &groups);
    void contactChanged(const Jid &jid, const QList<int> &roles = {});
    void rebuild(const QList<RosterItem> &items);
    QString displayName(const Entry &entry) const;

    QHash<Jid, Entry> m_entries;
    QList<Group> m_groups; ///< sorted by name, the ungrouped one last
    QHash<Jid, bool> m_blocked;
    std::function<QImage(const Jid &)> m_avatarProvider;
};

} // namespace confab
