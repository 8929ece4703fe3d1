// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Jid.h"

#include <QTreeView>

namespace confab::ui {

/// The contact list: groups that fold, contacts painted by RosterDelegate, Enter or double-click opens a
/// chat, and a context menu whose actions are emitted for the main window to carry out. Group folding is
/// remembered by name, so it survives the model's resets.
class RosterView : public QTreeView
{
    Q_OBJECT
public:
    explicit RosterView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    /// The bare JID of the current contact row (invalid on a group or nothing).
    Jid currentContact() const;
    /// Groups the user folded, by name.
    QStringList collapsedGroups() const { return m_collapsed; }
    void setCollapsedGroups(const QStringList &groups);

Q_SIGNALS:
    void chatRequested(const confab::Jid &contact);
    void renameRequested(const confab::Jid &contact);
    void editGroupsRequested(const confab::Jid &contact);
    void profileRequested(const confab::Jid &contact);
    void removeRequested(const confab::Jid &contact);
    void blockRequested(const confab::Jid &contact, bool block);
    void collapsedGroupsChanged(const QStringList &groups);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void handleActivated(const QModelIndex &index);
    void applyCollapsedState();
    Jid contactAt(const QModelIndex &index) const;

    QStringList m_collapsed;
};

} // namespace confab::ui
