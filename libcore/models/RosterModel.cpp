// SPDX-License-Identifier: Apache-2.0
#include "models/RosterModel.h"

#include "xmpp/avatar/AvatarManager.h"
#include "xmpp/blocking/BlockingManager.h"
#include "xmpp/presence/PresenceManager.h"
#include "xmpp/roster/RosterManager.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

namespace {

constexpr quintptr GroupId = 0; ///< internalId of group rows; contact rows carry their group's row + 1

bool isOnline(Presence::Show show)
{
    return show != Presence::Show::Offline;
}

} // namespace

RosterModel::RosterModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

RosterModel::~RosterModel() = default;

QString RosterModel::ungroupedName()
{
    return QCoreApplication::translate("RosterModel", "Contacts");
}

void RosterModel::connectTo(
    RosterManager *roster, PresenceManager *presence, BlockingManager *blocking, AvatarManager *avatars)
{
    if (roster) {
        connect(roster, &RosterManager::rosterReceived, this,
            [this](const QList<RosterItem> &items, bool) { setRoster(items); });
        connect(roster, &RosterManager::cacheLoaded, this, &RosterModel::setRoster);
        connect(roster, &RosterManager::itemsChanged, this, &RosterModel::updateItems);
        connect(roster, &RosterManager::itemsRemoved, this, &RosterModel::removeItems);
        if (roster->hasRoster()) {
            setRoster(roster->items());
        }
    }
    if (presence) {
        connect(presence, &PresenceManager::presencesChanged, this, [this, presence](const QList<Jid> &jids) {
            QList<std::pair<Jid, Presence>> changed;
            QHash<Jid, int> counts;
            changed.reserve(jids.size());
            for (const Jid &jid : jids) {
                changed.append({ jid, presence->aggregate(jid) });
                counts.insert(jid, int(presence->resources(jid).size()));
            }
            updatePresences(changed, counts);
        });
    }
    if (blocking) {
        connect(blocking, &BlockingManager::blocklistChanged, this,
            [this, blocking] { setBlocked(blocking->blockedJids()); });
    }
    if (avatars) {
        setAvatarProvider([avatars](const Jid &jid) { return avatars->avatar(jid); });
        connect(avatars, &AvatarManager::avatarChanged, this, &RosterModel::avatarChanged);
    }
}

QStringList RosterModel::groupsOf(const RosterItem &item)
{
    return item.groups.isEmpty() ? QStringList { QString() } : item.groups;
}

int RosterModel::groupRow(const QString &name) const
{
    for (int row = 0; row < m_groups.size(); ++row) {
        if (m_groups[row].name == name) {
            return row;
        }
    }
    return -1;
}

int RosterModel::insertGroup(const QString &name)
{
    // Named groups in the user's collation order, the ungrouped contacts last.
    int row = 0;
    while (row < m_groups.size() && !m_groups[row].name.isEmpty()
        && (name.isEmpty() || QString::localeAwareCompare(m_groups[row].name, name) < 0)) {
        ++row;
    }
    beginInsertRows({}, row, row);
    m_groups.insert(row, Group { name, {}, 0 });
    endInsertRows();
    return row;
}

void RosterModel::removeGroupIfEmpty(int row)
{
    if (row >= 0 && m_groups[row].members.isEmpty()) {
        beginRemoveRows({}, row, row);
        m_groups.removeAt(row);
        endRemoveRows();
    }
}

void RosterModel::addToGroups(const Jid &jid, const QStringList &groups)
{
    const bool online = isOnline(m_entries.value(jid).show);
    for (const QString &name : groups) {
        int row = groupRow(name);
        if (row < 0) {
            row = insertGroup(name);
        }
        Group &group = m_groups[row];
        const int position = int(group.members.size());
        beginInsertRows(index(row, 0), position, position);
        group.members.append(jid);
        endInsertRows();
        if (online) {
            ++m_groups[row].online;
        }
        const QModelIndex groupIndex = index(row, 0);
        Q_EMIT dataChanged(groupIndex, groupIndex, { OnlineCountRole, ContactCountRole, Qt::AccessibleTextRole });
    }
}

void RosterModel::removeFromGroups(const Jid &jid, const QStringList &groups)
{
    const bool online = isOnline(m_entries.value(jid).show);
    for (const QString &name : groups) {
        const int row = groupRow(name);
        if (row < 0) {
            continue;
        }
        const int position = int(m_groups[row].members.indexOf(jid));
        if (position < 0) {
            continue;
        }
        beginRemoveRows(index(row, 0), position, position);
        m_groups[row].members.removeAt(position);
        if (online) {
            --m_groups[row].online;
        }
        endRemoveRows();
        if (m_groups[row].members.isEmpty()) {
            removeGroupIfEmpty(row);
        } else {
            const QModelIndex groupIndex = index(row, 0);
            Q_EMIT dataChanged(groupIndex, groupIndex, { OnlineCountRole, ContactCountRole, Qt::AccessibleTextRole });
        }
    }
}

void RosterModel::rebuild(const QList<RosterItem> &items)
{
    m_entries.clear();
    m_groups.clear();
    m_entries.reserve(items.size());
    QHash<QString, qsizetype> groupIndex;
    for (const RosterItem &item : items) {
        Entry entry;
        entry.item = item;
        entry.blocked = m_blocked.contains(item.jid);
        for (const QString &name : groupsOf(item)) {
            auto it = groupIndex.constFind(name);
            if (it == groupIndex.constEnd()) {
                it = groupIndex.insert(name, m_groups.size());
                m_groups.append(Group { name, {}, 0 });
            }
            m_groups[*it].members.append(item.jid);
        }
        m_entries.insert(item.jid, std::move(entry));
    }
    std::sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        if (a.name.isEmpty() != b.name.isEmpty()) {
            return b.name.isEmpty();
        }
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
}

void RosterModel::setRoster(const QList<RosterItem> &items)
{
    if (m_entries.isEmpty()) {
        beginResetModel();
        rebuild(items);
        endResetModel();
        return;
    }
    // A refetch of a roster we show: merge, so views keep their expansion and selection.
    QList<Jid> gone;
    QSet<Jid> present;
    present.reserve(items.size());
    for (const RosterItem &item : items) {
        present.insert(item.jid);
    }
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (!present.contains(it.key())) {
            gone.append(it.key());
        }
    }
    removeItems(gone);
    updateItems(items);
}

void RosterModel::updateItems(const QList<RosterItem> &items)
{
    // New contacts are appended per group in one insertion each; changed ones are moved or refreshed.
    QHash<QString, QList<Jid>> added;
    QList<QString> addedOrder;
    for (const RosterItem &item : items) {
        if (item.isRemoval()) {
            removeItems({ item.jid });
            continue;
        }
        auto it = m_entries.find(item.jid);
        if (it == m_entries.end()) {
            Entry entry;
            entry.item = item;
            entry.blocked = m_blocked.contains(item.jid);
            m_entries.insert(item.jid, std::move(entry));
            for (const QString &name : groupsOf(item)) {
                if (!added.contains(name)) {
                    addedOrder.append(name);
                }
                added[name].append(item.jid);
            }
            continue;
        }
        const QStringList oldGroups = groupsOf(it->item);
        const QStringList newGroups = groupsOf(item);
        it->item = item;
        QStringList leaving;
        QStringList joining;
        for (const QString &g : oldGroups) {
            if (!newGroups.contains(g)) {
                leaving.append(g);
            }
        }
        for (const QString &g : newGroups) {
            if (!oldGroups.contains(g)) {
                joining.append(g);
            }
        }
        removeFromGroups(item.jid, leaving);
        addToGroups(item.jid, joining);
        contactChanged(item.jid,
            { Qt::DisplayRole, NameRole, GroupsRole, SubscriptionRole, PendingRole, Qt::AccessibleTextRole,
                Qt::ToolTipRole });
    }
    for (const QString &name : std::as_const(addedOrder)) {
        const QList<Jid> &jids = added[name];
        int row = groupRow(name);
        if (row < 0) {
            row = insertGroup(name);
        }
        Group &group = m_groups[row];
        const int first = int(group.members.size());
        beginInsertRows(index(row, 0), first, first + int(jids.size()) - 1);
        m_groups[row].members.append(jids);
        endInsertRows();
        for (const Jid &jid : jids) {
            if (isOnline(m_entries.value(jid).show)) {
                ++m_groups[row].online;
            }
        }
        const QModelIndex groupIndex = index(row, 0);
        Q_EMIT dataChanged(groupIndex, groupIndex, { OnlineCountRole, ContactCountRole, Qt::AccessibleTextRole });
    }
}

void RosterModel::removeItems(const QList<Jid> &jids)
{
    for (const Jid &jid : jids) {
        const auto it = m_entries.constFind(jid);
        if (it == m_entries.constEnd()) {
            continue;
        }
        removeFromGroups(jid, groupsOf(it->item));
        m_entries.remove(jid);
    }
}

void RosterModel::updatePresences(
    const QList<std::pair<Jid, Presence>> &presences, const QHash<Jid, int> &resourceCounts)
{
    for (const auto &[jid, presence] : presences) {
        const Jid bare = jid.bare();
        auto it = m_entries.find(bare);
        if (it == m_entries.end()) {
            continue; // not a contact (directed presence, or our own resources)
        }
        const Presence::Show show = presence.isAvailable() ? presence.show : Presence::Show::Offline;
        const bool wasOnline = isOnline(it->show);
        it->show = show;
        it->status = presence.status;
        it->resources = resourceCounts.value(bare, isOnline(show) ? std::max(it->resources, 1) : 0);
        if (wasOnline != isOnline(show)) {
            for (const QString &name : groupsOf(it->item)) {
                const int row = groupRow(name);
                if (row >= 0) {
                    m_groups[row].online += isOnline(show) ? 1 : -1;
                    const QModelIndex groupIndex = index(row, 0);
                    Q_EMIT dataChanged(groupIndex, groupIndex, { OnlineCountRole, Qt::AccessibleTextRole });
                }
            }
        }
        contactChanged(
            bare, { PresenceRole, StatusTextRole, ResourceCountRole, Qt::AccessibleTextRole, Qt::ToolTipRole });
    }
}

void RosterModel::clearPresences()
{
    QList<std::pair<Jid, Presence>> offline;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (isOnline(it->show)) {
            Presence p;
            p.type = Presence::Type::Unavailable;
            p.show = Presence::Show::Offline;
            offline.append({ it.key(), p });
        }
    }
    updatePresences(offline);
}

void RosterModel::setBlocked(const QList<Jid> &blocked)
{
    QHash<Jid, bool> now;
    for (const Jid &jid : blocked) {
        now.insert(jid.bare(), true);
    }
    QList<Jid> changed;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        const bool isBlocked = now.contains(it.key());
        if (it->blocked != isBlocked) {
            it->blocked = isBlocked;
            changed.append(it.key());
        }
    }
    m_blocked = std::move(now);
    for (const Jid &jid : std::as_const(changed)) {
        contactChanged(jid, { BlockedRole, Qt::AccessibleTextRole });
    }
}

void RosterModel::setUnreadCount(const Jid &bareJid, int count)
{
    auto it = m_entries.find(bareJid.bare());
    if (it != m_entries.end() && it->unread != count) {
        it->unread = count;
        contactChanged(bareJid.bare(), { UnreadCountRole, Qt::AccessibleTextRole });
    }
}

void RosterModel::avatarChanged(const Jid &bareJid)
{
    contactChanged(bareJid.bare(), { AvatarRole, Qt::DecorationRole });
}

void RosterModel::contactChanged(const Jid &jid, const QList<int> &roles)
{
    const auto it = m_entries.constFind(jid);
    if (it == m_entries.constEnd()) {
        return;
    }
    for (const QString &name : groupsOf(it->item)) {
        const int row = groupRow(name);
        if (row < 0) {
            continue;
        }
        const int position = int(m_groups[row].members.indexOf(jid));
        if (position >= 0) {
            const QModelIndex i = createIndex(position, 0, quintptr(row) + 1);
            Q_EMIT dataChanged(i, i, roles);
        }
    }
}

QModelIndex RosterModel::indexOf(const Jid &bareJid) const
{
    const auto it = m_entries.constFind(bareJid.bare());
    if (it == m_entries.constEnd()) {
        return {};
    }
    const int row = groupRow(groupsOf(it->item).first());
    if (row < 0) {
        return {};
    }
    const int position = int(m_groups[row].members.indexOf(bareJid.bare()));
    return position < 0 ? QModelIndex() : createIndex(position, 0, quintptr(row) + 1);
}

QModelIndex RosterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_groups.size() ? createIndex(row, 0, GroupId) : QModelIndex();
    }
    if (parent.internalId() != GroupId || parent.row() >= m_groups.size()) {
        return {};
    }
    return row < m_groups[parent.row()].members.size() ? createIndex(row, 0, quintptr(parent.row()) + 1)
                                                       : QModelIndex();
}

QModelIndex RosterModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, GroupId);
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_groups.size());
    }
    if (parent.internalId() == GroupId && parent.column() == 0 && parent.row() < m_groups.size()) {
        return int(m_groups[parent.row()].members.size());
    }
    return 0;
}

int RosterModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool RosterModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString RosterModel::displayName(const Entry &entry) const
{
    return entry.item.name.isEmpty() ? entry.item.jid.bareString() : entry.item.name;
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == GroupId) {
        const Group &group = m_groups[index.row()];
        const QString name = group.name.isEmpty() ? ungroupedName() : group.name;
        switch (role) {
        case Qt::DisplayRole:
            return name;
        case Qt::AccessibleTextRole:
            return QCoreApplication::translate("RosterModel", "%1, %2 of %3 online")
                .arg(name)
                .arg(group.online)
                .arg(group.members.size());
        case IsGroupRole:
            return true;
        case OnlineCountRole:
            return group.online;
        case ContactCountRole:
            return int(group.members.size());
        default:
            return {};
        }
    }
    const Group &group = m_groups[int(index.internalId() - 1)];
    const Jid &jid = group.members[index.row()];
    const Entry &entry = m_entries.find(jid).value();
    switch (role) {
    case Qt::DisplayRole:
        return displayName(entry);
    case Qt::ToolTipRole:
        return entry.status.isEmpty() ? jid.bareString() : jid.bareString() + u'\n' + entry.status;
    case Qt::AccessibleTextRole: {
        // Everything a sighted user reads off the row, for screen readers (issue: accessibility).
        QString text = displayName(entry) + u", "_s + Presence::showDisplayName(entry.show);
        if (!entry.status.isEmpty()) {
            text += u": "_s + entry.status;
        }
        if (entry.unread > 0) {
            text += u", "_s + QCoreApplication::translate("RosterModel", "%n unread", nullptr, entry.unread);
        }
        if (entry.blocked) {
            text += u", "_s + QCoreApplication::translate("RosterModel", "blocked");
        }
        return text;
    }
    case Qt::DecorationRole:
    case AvatarRole:
        return m_avatarProvider ? QVariant(m_avatarProvider(jid)) : QVariant();
    case JidRole:
        return jid.bareString();
    case NameRole:
        return entry.item.name;
    case GroupsRole:
        return entry.item.groups;
    case SubscriptionRole:
        return int(entry.item.subscription);
    case PendingRole:
        return entry.item.ask;
    case PresenceRole:
        return int(entry.show);
    case StatusTextRole:
        return entry.status;
    case ResourceCountRole:
        return entry.resources;
    case UnreadCountRole:
        return entry.unread;
    case BlockedRole:
        return entry.blocked;
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

QHash<int, QByteArray> RosterModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({ { JidRole, "jid" }, { NameRole, "name" }, { GroupsRole, "groups" },
        { SubscriptionRole, "subscription" }, { PendingRole, "pending" }, { PresenceRole, "presence" },
        { StatusTextRole, "statusText" }, { ResourceCountRole, "resourceCount" }, { UnreadCountRole, "unreadCount" },
        { BlockedRole, "blocked" }, { AvatarRole, "avatar" }, { IsGroupRole, "isGroup" },
        { OnlineCountRole, "onlineCount" }, { ContactCountRole, "contactCount" } });
    return names;
}

} // namespace confab
