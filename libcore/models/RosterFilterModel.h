// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace confab {

/// Search as you type (by name or JID), hide offline contacts, and sort by presence or by name, over a
/// RosterModel. Groups without a visible contact are hidden.
class RosterFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class SortMode { ByPresence, ByName };
    Q_ENUM(SortMode)

    explicit RosterFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    const QString &filterText() const { return m_filterText; }
    void setHideOffline(bool hide);
    bool hideOffline() const { return m_hideOffline; }
    void setSortMode(SortMode mode);
    SortMode sortMode() const { return m_sortMode; }

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filterText;
    SortMode m_sortMode = SortMode::ByPresence;
    bool m_hideOffline = false;
};

} // namespace confab
