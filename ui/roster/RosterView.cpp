// SPDX-License-Identifier: Apache-2.0
#include "roster/RosterView.h"

#include "models/RosterModel.h"
#include "roster/RosterDelegate.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace confab::ui {

RosterView::RosterView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(u"rosterView"_s);
    setAccessibleName(tr("Contacts"));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(0);
    setUniformRowHeights(false);
    setItemDelegate(new RosterDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setExpandsOnDoubleClick(false);
    setAnimated(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFrameShape(QFrame::NoFrame);
    // activated is Enter (and the platform's open gesture, double-click here): a keyboard user opens chats.
    connect(this, &QTreeView::activated, this, &RosterView::handleActivated);
    connect(this, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(RosterModel::IsGroupRole).toBool()) {
            setExpanded(index, !isExpanded(index));
        }
    });
    connect(this, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        const QString name = index.data(Qt::DisplayRole).toString();
        if (!m_collapsed.contains(name)) {
            m_collapsed.append(name);
            Q_EMIT collapsedGroupsChanged(m_collapsed);
        }
    });
    connect(this, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (m_collapsed.removeAll(index.data(Qt::DisplayRole).toString()) > 0) {
            Q_EMIT collapsedGroupsChanged(m_collapsed);
        }
    });
}

void RosterView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    if (!model) {
        return;
    }
    // New group rows open unless the user folded them before.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int, int) {
        if (!parent.isValid()) {
            applyCollapsedState();
        }
    });
    connect(model, &QAbstractItemModel::modelReset, this, &RosterView::applyCollapsedState);
    connect(model, &QAbstractItemModel::layoutChanged, this, &RosterView::applyCollapsedState);
    applyCollapsedState();
}

void RosterView::setCollapsedGroups(const QStringList &groups)
{
    m_collapsed = groups;
    applyCollapsedState();
}

void RosterView::applyCollapsedState()
{
    QAbstractItemModel *m = model();
    if (!m) {
        return;
    }
    const QSignalBlocker blocker(this); // our own expanded/collapsed handlers must not rewrite the list
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex group = m->index(row, 0);
        setExpanded(group, !m_collapsed.contains(group.data(Qt::DisplayRole).toString()));
    }
}

Jid RosterView::contactAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.data(RosterModel::IsGroupRole).toBool()) {
        return {};
    }
    return Jid::fromString(index.data(RosterModel::JidRole).toString());
}

Jid RosterView::currentContact() const
{
    return contactAt(currentIndex());
}

void RosterView::handleActivated(const QModelIndex &index)
{
    if (index.data(RosterModel::IsGroupRole).toBool()) {
        setExpanded(index, !isExpanded(index));
        return;
    }
    if (const Jid contact = contactAt(index); contact.isValid()) {
        Q_EMIT chatRequested(contact);
    }
}

void RosterView::keyPressEvent(QKeyEvent *event)
{
    // Return on a contact opens the chat even where the style does not map it to activated.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        handleActivated(currentIndex());
        return;
    }
    QTreeView::keyPressEvent(event);
}

void RosterView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    const Jid contact = contactAt(index);
    if (!contact.isValid()) {
        return;
    }
    setCurrentIndex(index);
    const bool blocked = index.data(RosterModel::BlockedRole).toBool();
    QMenu menu(this);
    menu.setAccessibleName(tr("Contact actions"));
    QAction *chat = menu.addAction(tr("&Chat"), this, [this, contact] { Q_EMIT chatRequested(contact); });
    menu.setDefaultAction(chat);
    menu.addAction(tr("View &profile"), this, [this, contact] { Q_EMIT profileRequested(contact); });
    menu.addSeparator();
    menu.addAction(tr("&Rename…"), this, [this, contact] { Q_EMIT renameRequested(contact); });
    menu.addAction(tr("&Groups…"), this, [this, contact] { Q_EMIT editGroupsRequested(contact); });
    menu.addSeparator();
    menu.addAction(blocked ? tr("&Unblock") : tr("&Block"), this,
        [this, contact, blocked] { Q_EMIT blockRequested(contact, !blocked); });
    menu.addAction(tr("R&emove…"), this, [this, contact] { Q_EMIT removeRequested(contact); });
    menu.exec(event->globalPos());
}

} // namespace confab::ui
