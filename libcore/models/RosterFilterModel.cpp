// SPDX-License-Identifier: Apache-2.0
#include "models/RosterFilterModel.h"

#include "models/RosterModel.h"

using namespace Qt::StringLiterals;

namespace confab {

namespace {

/// Most available first: chat, online, away, xa, dnd, offline.
int presenceRank(int show)
{
    return -show; // Presence::Show is ordered from Offline (0) to Chat
}

} // namespace

RosterFilterModel::RosterFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A group is shown when one of its contacts is (RosterModel groups never match by themselves).
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0);
}

void RosterFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel()) {
        disconnect(sourceModel(), &QAbstractItemModel::dataChanged, this, nullptr);
    }
    QSortFilterProxyModel::setSourceModel(model);
    if (!model) {
        return;
    }
    // QSortFilterProxyModel (Qt 6.4) drops dataChanged for children of a hidden parent, so a contact in a
    // group hidden by the filter could never reappear (an offline contact receiving a message). Refilter
    // rows in that one case; ordinary changes stay incremental.
    connect(model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const QModelIndex parent = topLeft.parent();
            if (!parent.isValid() || mapFromSource(parent).isValid()) {
                return;
            }
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                if (filterAcceptsRow(row, parent)) {
                    invalidateRowsFilter();
                    return;
                }
            }
        });
}

void RosterFilterModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_filterText) {
        return;
    }
    m_filterText = simplified;
    invalidateFilter();
}

void RosterFilterModel::setHideOffline(bool hide)
{
    if (hide != m_hideOffline) {
        m_hideOffline = hide;
        invalidateFilter();
    }
}

void RosterFilterModel::setSortMode(SortMode mode)
{
    if (mode != m_sortMode) {
        m_sortMode = mode;
        invalidate();
    }
}

bool RosterFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(RosterModel::IsGroupRole).toBool()) {
        return false;
    }
    if (m_hideOffline && index.data(RosterModel::PresenceRole).toInt() == 0
        && index.data(RosterModel::UnreadCountRole).toInt() == 0) {
        return false; // an offline contact with unread messages stays visible
    }
    if (m_filterText.isEmpty()) {
        return true;
    }
    return index.data(Qt::DisplayRole).toString().contains(m_filterText, Qt::CaseInsensitive)
        || index.data(RosterModel::JidRole).toString().contains(m_filterText, Qt::CaseInsensitive);
}

bool RosterFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.data(RosterModel::IsGroupRole).toBool()) {
        return left.row() < right.row(); // the model's group order (by name, ungrouped last)
    }
    if (m_sortMode == SortMode::ByPresence) {
        const int l = presenceRank(left.data(RosterModel::PresenceRole).toInt());
        const int r = presenceRank(right.data(RosterModel::PresenceRole).toInt());
        if (l != r) {
            return l < r;
        }
    }
    const int byName
        = QString::localeAwareCompare(left.data(Qt::DisplayRole).toString(), right.data(Qt::DisplayRole).toString());
    if (byName != 0) {
        return byName < 0;
    }
    return left.data(RosterModel::JidRole).toString() < right.data(RosterModel::JidRole).toString();
}

} // namespace confab
