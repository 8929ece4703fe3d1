// SPDX-License-Identifier: Apache-2.0
#include "models/ResourcesModel.h"

#include "xmpp/presence/PresenceManager.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace confab {

ResourcesModel::ResourcesModel(PresenceManager *presence, const Jid &bareJid, QObject *parent)
    : QAbstractListModel(parent)
    , m_contact(bareJid.bare())
{
    if (presence) {
        connect(presence, &PresenceManager::presencesChanged, this, [this, presence](const QList<Jid> &jids) {
            if (jids.contains(m_contact)) {
                setResources(presence->resources(m_contact));
            }
        });
        setResources(presence->resources(m_contact));
    }
}

void ResourcesModel::setResources(QList<Presence> resources)
{
    // Most available first, then highest priority, then resource name (stable for the selector).
    std::sort(resources.begin(), resources.end(), [](const Presence &a, const Presence &b) {
        if (a.show != b.show) {
            return a.show > b.show;
        }
        if (a.priority != b.priority) {
            return a.priority > b.priority;
        }
        return a.from.resource() < b.from.resource();
    });
    // Remove the rows that went away, update the ones that stay, insert the new ones.
    for (int row = int(m_resources.size()) - 1; row >= 0; --row) {
        const bool stays = std::any_of(
            resources.begin(), resources.end(), [&](const Presence &p) { return p.from == m_resources[row].from; });
        if (!stays) {
            beginRemoveRows({}, row, row);
            m_resources.removeAt(row);
            endRemoveRows();
        }
    }
    for (int target = 0; target < resources.size(); ++target) {
        const Presence &wanted = resources[target];
        int current = -1;
        for (int row = 0; row < m_resources.size(); ++row) {
            if (m_resources[row].from == wanted.from) {
                current = row;
                break;
            }
        }
        if (current < 0) {
            beginInsertRows({}, target, target);
            m_resources.insert(target, wanted);
            endInsertRows();
            continue;
        }
        if (current != target) {
            beginMoveRows({}, current, current, {}, target);
            m_resources.move(current, target);
            endMoveRows();
        }
        m_resources[target] = wanted;
        Q_EMIT dataChanged(index(target), index(target));
    }
}

int ResourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_resources.size());
}

QVariant ResourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Presence &p = m_resources[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case ResourceRole:
        return p.from.resource();
    case Qt::AccessibleTextRole: {
        QString text = p.from.resource() + u", "_s + Presence::showDisplayName(p.show);
        if (!p.status.isEmpty()) {
            text += u": "_s + p.status;
        }
        return text;
    }
    case Qt::ToolTipRole:
        return p.status;
    case FullJidRole:
        return p.from.toString();
    case PresenceRole:
        return int(p.show);
    case StatusTextRole:
        return p.status;
    case PriorityRole:
        return p.priority;
    case IdleSinceRole:
        return p.idleSince;
    default:
        return {};
    }
}

QHash<int, QByteArray> ResourcesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({ { ResourceRole, "resource" }, { FullJidRole, "fullJid" }, { PresenceRole, "presence" },
        { StatusTextRole, "statusText" }, { PriorityRole, "priority" }, { IdleSinceRole, "idleSince" } });
    return names;
}

} // namespace confab
